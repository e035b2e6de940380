// ECS refuses a service whose target group has no listener. For every release and every target
// group that 3-2-load-balancer-rules exports, this evaluates the condition under which 3-2 attaches
// a listener to it and the condition under which each consumer (5-3a, 5-4, the proxy) registers,
// over all combinations of the parameters they depend on, and requires: registers ⇒ attached, and
// attached ⇒ registers for the services that serve it. 3-2's Rules and the consumer's Rules filter
// the combinations CloudFormation refuses anyway.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cross_stack.hpp"
#include "ecs_test_helpers.hpp"
#include "ttsgen/exports/load_balancer.hpp"

using namespace ttsgen;
using catalog::operator""_v;
using test::Value;
namespace eval = test::eval;
namespace lb = exports::load_balancer;

namespace {

const char* kCertificate = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

// The documented names of a 3-2 switch in a consumer: InteropEnabledIS of 5-3a (docs: ecs/deployment) is
// InteropEnabled of 3-2. Every other shared switch has the same name everywhere.
std::string canonical(const std::string& name) { return name == "InteropEnabledIS" ? "InteropEnabled" : name; }

// The values a parameter takes in the enumeration: a flag both, an optional string empty or set.
std::vector<std::string> domain(const cfn::Template& t, const std::string& name) {
  const cfn::Parameter* p = t.find_parameter(name);
  REQUIRE(p);
  if (p->allowed_values() == std::vector<std::string>{"true", "false"}) return {"true", "false"};
  REQUIRE(eval::default_text(*p).empty());  // an optional string (TLSCertificateARN)
  return {"", name == "TLSCertificateARN" ? kCertificate : "example"};
}

// Every combination of the values of `names`.
std::vector<eval::Values> combinations(const std::vector<std::pair<std::string, std::vector<std::string>>>& names) {
  std::vector<eval::Values> out{{}};
  for (const auto& [name, values] : names) {
    std::vector<eval::Values> next;
    for (const auto& partial : out)
      for (const auto& value : values) {
        eval::Values v = partial;
        v[name] = value;
        next.push_back(v);
      }
    out = std::move(next);
  }
  return out;
}

// The parameters of `t` whose canonical name the assignment sets.
eval::Values applied(const cfn::Template& t, const eval::Values& assignment) {
  eval::Values out;
  for (const auto& p : t.parameters()) {
    auto it = assignment.find(canonical(p.id()));
    if (it != assignment.end()) out[p.id()] = it->second;
  }
  return out;
}

struct Listener {
  std::string condition;  // "" when unconditional
  Value target;           // Ref of a target group, or Fn::If of two
  std::set<std::string> parameters;
};

struct Registration {
  std::string stack;
  const cfn::Template* tmpl;
  const cfn::Resource* service;
  std::string condition;  // of the LoadBalancers entry, "" when unconditional
  std::set<std::string> parameters;  // canonical names
};

std::string resource_id(const cfn::Resource& r) { return r.id(); }

}  // namespace

TEST_CASE("target groups: every consumer registers exactly when 3-2 has a listener for the target group",
          "[stacks][contract][load-balancer-rules]") {
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    const auto& edge = d.model("load-balancer-rules").tmpl;

    std::vector<Listener> listeners;
    for (const auto* l : test::resources_of_type(edge, "AWS::ElasticLoadBalancingV2::Listener")) {
      Listener listener{l->condition_id(), *test::property(*l, "DefaultActions")->items()[0].find("TargetGroupArn"), {}};
      if (!listener.condition.empty())
        eval::referenced_parameters(edge, Value::function("Condition", listener.condition), listener.parameters);
      eval::referenced_parameters(edge, listener.target, listener.parameters);
      listeners.push_back(listener);
    }

    // The exported target groups, by export key.
    std::map<std::string, std::string> target_groups;  // export key → logical id
    for (const auto& o : edge.outputs())
      if (o.export_name() && o.value().is_function("Ref"))
        target_groups[test::Deployment::key_of(o.export_name()->argument().text())] = o.value().argument().text();

    // Every registration of every ECS service of the release.
    std::map<std::string, std::vector<Registration>> registrations;  // export key → registrations
    for (const auto& [key, model] : d.models()) {
      auto scope = d.scope(model.tmpl);
      for (const auto* service : test::resources_of_type(model.tmpl, "AWS::ECS::Service")) {
        const Value* balancers = test::property(*service, "LoadBalancers");
        if (!balancers) continue;
        for (const auto& entry : balancers->items()) {
          Registration r{key, &model.tmpl, service, entry.is_function("Fn::If") ? entry.argument().items()[0].text() : "", {}};
          std::set<std::string> names;
          if (!r.condition.empty()) eval::referenced_parameters(model.tmpl, Value::function("Condition", r.condition), names);
          if (!service->condition_id().empty())
            eval::referenced_parameters(model.tmpl, Value::function("Condition", service->condition_id()), names);
          for (const auto& n : names) r.parameters.insert(canonical(n));
          std::string imported = scope.resolve(test::unwrap_if(entry).find("TargetGroupArn")->argument());
          registrations[test::Deployment::key_of(imported)].push_back(r);
        }
      }
    }

    for (const auto& [export_key, group] : target_groups) {
      INFO(v.str() << " " << group);
      const auto& consumers = registrations[export_key];
      // The listeners that may forward to the group.
      std::vector<const Listener*> candidates;
      bool mentions = false;
      for (const auto& l : listeners) {
        mentions = false;
        test::walk(l.target, [&](const Value& x) { mentions = mentions || (x.is_function("Ref") && x.argument().text() == group); });
        if (mentions) candidates.push_back(&l);
      }
      if (candidates.empty()) {
        // A retired group kept only for its export (ProxyHTTPSTargetGroup from 3.30.0, see
        // exports/load_balancer.hpp): no listener forwards to it, so no service may register.
        CHECK(consumers.empty());
        CHECK((v >= "3.30.0"_v && group == "ProxyHTTPSTargetGroup"));
        continue;
      }
      CHECK_FALSE(consumers.empty());  // every exported target group that a listener uses is served

      // The parameters either side depends on, each with its values.
      std::set<std::string> names;
      for (const auto* l : candidates) names.insert(l->parameters.begin(), l->parameters.end());
      for (const auto& r : consumers) names.insert(r.parameters.begin(), r.parameters.end());
      std::vector<std::pair<std::string, std::vector<std::string>>> domains;
      for (const auto& name : names) {
        // The values as the template that declares it allows (3-2 first).
        const cfn::Template* owner = edge.find_parameter(name) ? &edge : nullptr;
        std::string id = name;
        for (const auto& r : consumers)
          for (const auto& p : r.tmpl->parameters())
            if (!owner && canonical(p.id()) == name) owner = r.tmpl, id = p.id();
        REQUIRE(owner);
        domains.emplace_back(name, domain(*owner, id));
      }

      int checked = 0;
      for (const auto& assignment : combinations(domains)) {
        eval::Scope edge_scope(edge, d.parameters(edge, applied(edge, assignment)), {}, resource_id);
        if (!edge_scope.refused_rules().empty()) continue;  // CloudFormation refuses this 3-2
        bool attached = false;
        for (const auto* l : candidates)
          if ((l->condition.empty() || edge_scope.condition(l->condition)) && edge_scope.resolve(l->target) == group) attached = true;
        for (const auto& r : consumers) {
          eval::Scope scope(*r.tmpl, d.parameters(*r.tmpl, applied(*r.tmpl, assignment)));
          if (!scope.refused_rules().empty()) continue;  // CloudFormation refuses this consumer
          bool serves = r.service->condition_id().empty() || scope.condition(r.service->condition_id());
          bool registers = serves && (r.condition.empty() || scope.condition(r.condition));
          std::string where;
          for (const auto& [name, value] : assignment) where += " " + name + "=" + value;
          INFO(r.stack << " " << r.service->id() << " with" << where);
          CHECK((!registers || attached));        // ECS would refuse the service
          CHECK((!(serves && attached) || registers));  // a listener without targets
          ++checked;
        }
      }
      CHECK(checked > 0);
    }
  }
}

TEST_CASE("3-2: a switched-on service always has a listener, whatever the TLS settings", "[stacks][contract][load-balancer-rules]") {
  const lb::ListenerSwitch* switches[] = {&lb::udp_enabled,          &lb::gateway_mqtt_v2_enabled, &lb::gateway_mqtt_enabled,
                                          &lb::basic_station_enabled, &lb::tabs_hubs_enabled,       &lb::application_mqtt_enabled,
                                          &lb::grpc_enabled,          &lb::http_enabled,            &lb::interop_enabled,
                                          &lb::lbs_cups_mtls_enabled, &lb::ttgp_enabled};
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    const auto& edge = d.model("load-balancer-rules").tmpl;
    for (const auto* sw : switches) {
      std::string name(sw->name);
      if (!edge.find_parameter(name)) continue;  // LBS CUPS (3.30.0), TTGP (3.32.0)
      INFO(v.str() << " " << name);
      int allowed = 0;
      for (const auto& assignment : combinations({{"EnableNonTLSListeners", {"true", "false"}},
                                                  {"TLSCertificateARN", {"", kCertificate}},
                                                  {"SupportProxyTLS", {"true", "false"}}})) {
        eval::Values values = assignment;
        values[name] = "true";
        eval::Scope scope(edge, d.parameters(edge, values), {}, resource_id);
        if (!scope.refused_rules().empty()) continue;
        ++allowed;
        bool listening = false;
        for (const auto* l : test::resources_of_type(edge, "AWS::ElasticLoadBalancingV2::Listener")) {
          std::set<std::string> governs;
          eval::referenced_parameters(edge, Value::function("Condition", l->condition_id()), governs);
          if (governs.count(name) && scope.condition(l->condition_id())) listening = true;
        }
        CHECK(listening);
      }
      CHECK(allowed > 0);
    }
  }
}
