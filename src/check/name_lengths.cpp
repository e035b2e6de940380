// The name-length check of validate (production_checks.hpp): a physical name is evaluated with the
// longest value every parameter in it accepts, and compared with its resource type's limit. cfn-lint
// and the registry schemas see "${NetworkName}-…" only as a string; AWS sees the operator's values.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "ttsgen/check/production_checks.hpp"
#include "walk.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

// Name properties and their limits (the CloudFormation/service references of each type).
struct NameLimit {
  std::string_view type, property;
  std::size_t max;
};
constexpr NameLimit kLimits[] = {
    {"AWS::Lambda::Function", "FunctionName", 64},
    {"AWS::IAM::Role", "RoleName", 64},
    {"AWS::IAM::InstanceProfile", "InstanceProfileName", 128},
    {"AWS::Events::Rule", "Name", 64},
    {"AWS::SQS::Queue", "QueueName", 80},
    {"AWS::S3::Bucket", "BucketName", 63},
    {"AWS::RDS::DBCluster", "DBClusterIdentifier", 63},
    {"AWS::RDS::DBInstance", "DBInstanceIdentifier", 63},
    {"AWS::ElastiCache::ReplicationGroup", "ReplicationGroupId", 40},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "Name", 32},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", "Name", 32},
    {"AWS::AutoScaling::AutoScalingGroup", "AutoScalingGroupName", 255},
    {"AWS::EC2::LaunchTemplate", "LaunchTemplateName", 128},
    {"AWS::ECS::Cluster", "ClusterName", 255},
    {"AWS::ECS::Service", "ServiceName", 255},
    {"AWS::ECS::TaskDefinition", "Family", 255},
    {"AWS::SNS::Topic", "TopicName", 256},
    {"AWS::CloudWatch::Alarm", "AlarmName", 255},
    {"AWS::Logs::LogGroup", "LogGroupName", 512},
    {"AWS::SecretsManager::Secret", "Name", 512},
    {"AWS::SSM::Parameter", "Name", 1011},
};

// The longest values of the pseudo parameters: the longest region name (ap-southeast-4 and the
// like), an account ID, the longest partition, the longest stack name.
std::optional<std::size_t> pseudo_length(std::string_view name) {
  if (name == "AWS::Region") return 14;
  if (name == "AWS::AccountId") return 12;
  if (name == "AWS::Partition") return 10;  // aws-us-gov
  if (name == "AWS::URLSuffix") return 16;  // amazonaws.com.cn
  if (name == "AWS::StackName") return 128;
  return std::nullopt;
}

class Longest {
 public:
  explicit Longest(const Value& doc) : doc_(doc), params_(doc.is_map() ? doc.find("Parameters") : nullptr) {}

  // The longest length `v` can take; nullopt when some part is unknown (an import, an attribute).
  std::optional<std::size_t> of(const Value& v) const {
    if (v.is_string()) return v.text().size();
    if (v.kind() == Value::Kind::Integer) return std::to_string(v.as_integer()).size();
    if (v.is_function("Ref") && v.argument().is_string()) return variable(v.argument().text());
    if (v.is_function("Fn::If") && v.argument().is_list() && v.argument().size() == 3) {
      std::optional<std::size_t> best = 0;
      for (std::size_t i : {std::size_t{1}, std::size_t{2}}) {
        const Value& branch = v.argument().items()[i];
        if (walk::is_no_value(branch)) continue;
        auto n = of(branch);
        if (!n) return std::nullopt;
        best = std::max(*best, *n);
      }
      return best;
    }
    if (v.is_function("Fn::Sub")) {
      const Value& a = v.argument();
      if (a.is_string()) return sub(a.text(), nullptr);
      if (a.is_list() && a.size() == 2 && a.items()[0].is_string()) return sub(a.items()[0].text(), &a.items()[1]);
      return std::nullopt;
    }
    if (v.is_function("Fn::Join") && v.argument().is_list() && v.argument().size() == 2) {
      const Value& sep = v.argument().items()[0];
      const Value& parts = v.argument().items()[1];
      if (!sep.is_string() || !parts.is_list()) return std::nullopt;
      std::size_t total = 0;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        auto n = of(parts.items()[i]);
        if (!n) return std::nullopt;
        total += *n + (i ? sep.text().size() : 0);
      }
      return total;
    }
    return std::nullopt;
  }

 private:
  std::optional<std::size_t> variable(const std::string& name) const {
    if (auto p = pseudo_length(name)) return p;
    const Value* param = params_ && params_->is_map() ? params_->find(name) : nullptr;
    if (!param) return std::nullopt;  // a resource's Ref: its physical id is not ours to judge
    return longest_accepted(*param);
  }

  std::optional<std::size_t> sub(const std::string& text, const Value* variables) const {
    std::size_t total = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t open = text.find("${", pos);
      if (open == std::string::npos) {
        total += text.size() - pos;
        break;
      }
      std::size_t close = text.find('}', open);
      if (close == std::string::npos) return std::nullopt;
      total += open - pos;
      std::string name = text.substr(open + 2, close - open - 2);
      pos = close + 1;
      if (!name.empty() && name[0] == '!') {  // ${!Literal}
        total += name.size() + 2;
        continue;
      }
      const Value* given = variables && variables->is_map() ? variables->find(name) : nullptr;
      auto n = given ? of(*given) : name.find('.') == std::string::npos ? variable(name) : std::nullopt;
      if (!n) return std::nullopt;
      total += *n;
    }
    return total;
  }

  const Value& doc_;
  const Value* params_;
};

}  // namespace

namespace {

// A recursive-descent reading of the AllowedPattern subset the templates use: anchors, escapes,
// character classes, groups, alternation and the quantifiers ? * + {n} {m,n} {m,}. Lengths are
// kUnbounded once a part may repeat without limit; kInvalid marks a pattern not understood.
constexpr std::size_t kUnbounded = static_cast<std::size_t>(-1);
constexpr std::size_t kInvalid = kUnbounded - 1;

std::size_t add(std::size_t a, std::size_t b) {
  if (a == kInvalid || b == kInvalid) return kInvalid;
  if (a == kUnbounded || b == kUnbounded) return kUnbounded;
  return a + b;
}

class LongestMatch {
 public:
  explicit LongestMatch(std::string_view re) : re_(re) {}

  std::size_t run() {
    std::size_t n = alternatives(false);
    return i_ == re_.size() ? n : kInvalid;
  }

 private:
  std::size_t atom() {
    char c = re_[i_++];
    if (c == '^' || c == '$') return 0;
    if (c == '\\') {
      if (i_ < re_.size() && re_[i_] == 'x') i_ += 2;  // \xNN
      ++i_;
      return 1;
    }
    if (c == '[') {
      if (i_ < re_.size() && re_[i_] == '^') ++i_;
      if (i_ < re_.size() && re_[i_] == ']') ++i_;
      while (i_ < re_.size() && re_[i_] != ']') i_ += re_[i_] == '\\' ? 2u : 1u;
      if (i_ >= re_.size()) return kInvalid;
      ++i_;
      return 1;
    }
    if (c == '(') {
      if (i_ + 1 < re_.size() && re_[i_] == '?' && re_[i_ + 1] == ':') i_ += 2;
      std::size_t inner = alternatives(true);
      if (i_ >= re_.size() || re_[i_] != ')') return kInvalid;
      ++i_;
      return inner;
    }
    return 1;
  }

  // The atom's length times its quantifier's upper bound.
  std::size_t quantified(std::size_t a) {
    if (i_ >= re_.size()) return a;
    char q = re_[i_];
    if (q == '*' || q == '+') {
      ++i_;
      return a == kInvalid ? kInvalid : kUnbounded;
    }
    if (q == '?') {
      ++i_;
      return a;
    }
    if (q != '{') return a;
    std::size_t close = re_.find('}', i_);
    if (close == std::string_view::npos) return kInvalid;
    std::string_view bounds = re_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    std::size_t comma = bounds.find(',');
    std::string_view upper = comma == std::string_view::npos ? bounds : bounds.substr(comma + 1);
    if (upper.empty()) return a == kInvalid ? kInvalid : kUnbounded;
    if (a == kInvalid || a == kUnbounded) return a;
    return a * static_cast<std::size_t>(std::stoul(std::string(upper)));
  }

  std::size_t alternatives(bool nested) {
    std::size_t best = 0, current = 0;
    auto close_branch = [&] {
      if (best == kInvalid || current == kInvalid) best = kInvalid;
      else if (best == kUnbounded || current == kUnbounded) best = kUnbounded;
      else best = std::max(best, current);
    };
    while (i_ < re_.size() && !(nested && re_[i_] == ')')) {
      if (re_[i_] == '|') {
        ++i_;
        close_branch();
        current = 0;
        continue;
      }
      current = add(current, quantified(atom()));
    }
    close_branch();
    return best;
  }

  std::string_view re_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::size_t> longest_match(std::string_view re) {
  std::size_t n = LongestMatch(re).run();
  if (n == kUnbounded || n == kInvalid) return std::nullopt;
  return n;
}

std::optional<std::size_t> longest_accepted(const Value& parameter) {
  if (!parameter.is_map()) return std::nullopt;
  if (const Value* values = parameter.find("AllowedValues"); values && values->is_list() && values->size() > 0) {
    std::size_t best = 0;
    for (const auto& v : values->items()) best = std::max(best, v.is_string() ? v.text().size() : std::to_string(v.as_integer()).size());
    return best;
  }
  std::optional<std::size_t> limit;
  if (const Value* max = parameter.find("MaxLength"))
    if (max->kind() == Value::Kind::Integer) limit = static_cast<std::size_t>(max->as_integer());
  if (const Value* pattern = parameter.find("AllowedPattern"); pattern && pattern->is_string())
    if (auto n = longest_match(pattern->text())) limit = limit ? std::min(*limit, *n) : *n;
  return limit;
}

std::vector<Finding> check_name_lengths(const Value& document) {
  std::vector<Finding> out;
  Longest longest(document);
  walk::each_resource(document, [&](const std::string& id, const Value& r, const std::string& type) {
    const Value* props = r.find("Properties");
    if (!props || !props->is_map()) return;
    for (const NameLimit& l : kLimits) {
      if (l.type != type) continue;
      const Value* name = props->find(l.property);
      if (!name) continue;
      auto n = longest.of(*name);
      if (!n || *n <= l.max) continue;
      Finding f;
      f.rule = "name-length";
      f.logical_id = id;
      f.path = "Resources." + id + ".Properties." + std::string(l.property);
      f.message = fmt::format("{} can be {} characters long with the longest values its parameters accept; {} accepts at most {}",
                              l.property, *n, type, l.max);
      out.push_back(std::move(f));
    }
  });
  return out;
}

}  // namespace ttsgen::check
