#pragma once
// The shared parameters: parameters that several templates of a release take and that must mean
// the same thing in each, because together they switch one feature or name one thing of the
// cluster (SupportProxyTLS, the Redis TLS switches, the cluster's Domain, ...). Each is declared
// once here, with every attribute (type, default, allowed values or pattern, length, description,
// console label and group, the first release that has it); a stack takes it with
// StackBuilder::shared(), which returns it read-only, so no stack can declare it differently.
//
// A selector of another stack's copy (the consumers' TimescaleDB deployment, Redis purpose) is
// declared from the producer's qualifier (selector_of): the same pattern and default, so that the
// consumer's default selects the producer's default copy.
//
// `ttsgen validate` checks the rendered templates against the same contract (check/parameter_contract):
// a name several templates of a release share has one type, default and constraint set, except for
// the names listed in same_name_exceptions() (different things that happen to share a name).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/catalog/version.hpp"

namespace ttsgen::stacks {

struct SharedParameter {
  std::string id;
  std::string type = "String";
  std::string description;
  std::optional<std::string> default_value;  // none: the operator must give a value
  std::vector<std::string> allowed_values;
  std::string allowed_pattern;
  std::string constraint_description;
  std::optional<int> max_length;
  std::string group;
  std::string label;
  catalog::Version since;  // the first release in which templates take it
};

namespace shared {
// 3.23.0: the proxy (Envoy) terminates TLS; the same value in every template (docs: ecs/deployment).
const SharedParameter& support_proxy_tls();
// 3.19.2: the Network Operations Center (4-2a, 5-2, 5-4, 5-6, 5-7).
const SharedParameter& include_network_operations_center();
// 3.16.1: TLS (and the AUTH token) to the Redis cluster of each use (5-2, 5-3a, 5-3c, 5-4).
const SharedParameter& general_redis_tls();
const SharedParameter& cache_redis_tls();
const SharedParameter& events_redis_tls();
// The cluster's domain (4-2a, 5-8a) and the Identity Server's (4-2a, 5-3b).
const SharedParameter& domain();
const SharedParameter& identity_server_domain();
// 3.19.2: the qualifier of 2-5-db-timescale-master, and its selectors in 2-6 and the consumers.
const SharedParameter& timescale_deployment_name();
const SharedParameter& timescale_replica_deployment_name();
const SharedParameter& storage_timescale_deployment_name();
const SharedParameter& noc_timescale_deployment_name();
}  // namespace shared

// Every shared parameter, for the docs and the tests.
std::vector<const SharedParameter*> shared_parameters();

// A selector of the producer's qualifier: its id, description, label and group, and the
// producer's type, default, pattern, constraint and length.
SharedParameter selector_of(const SharedParameter& producer, std::string id, std::string description, std::string label,
                            std::string group);

// A parameter name that several templates take for different things, so its definitions may
// differ (validate's shared-parameter check skips it), and why.
struct SameNameException {
  std::string_view name;
  std::string_view reason;
};
const std::vector<SameNameException>& same_name_exceptions();
const SameNameException* find_same_name_exception(std::string_view name);

// A default that ttsgen changed so that the defaults of a release deploy together, for the
// decision record and the UPGRADING note.
struct ChangedDefault {
  std::string_view parameter;
  std::string_view stacks;
  std::string_view before;
  std::string_view after;
  std::string_view why;
  std::string_view deployed;  // what it means for a cluster deployed with the old default
};
const std::vector<ChangedDefault>& changed_defaults();

}  // namespace ttsgen::stacks
