#include "ttsgen/stacks/ecs_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "ttsgen/catalog/production.hpp"
#include "ttsgen/exports/aurora.hpp"
#include "ttsgen/exports/configuration.hpp"
#include "ttsgen/exports/ecs.hpp"
#include "ttsgen/exports/opsgenie.hpp"
#include "ttsgen/exports/redis.hpp"
#include "ttsgen/exports/secrets.hpp"
#include "ttsgen/exports/timescale.hpp"
#include "ttsgen/exports/vpc.hpp"
#include "ttsgen/stacks/common.hpp"
#include "ttsgen/stacks/shared_parameters.hpp"
#include "ttsgen/util/embedded.hpp"

namespace ttsgen::stacks::ecs {

using namespace cfn;

// ---------------------------------------------------------------------------------------------
// Task sizes

std::vector<int> cpu_choices(const Release& release) {
  std::vector<int> cpus{256, 512, 1024, 2048, 4096};
  // 3.26.1: 8 and 16 vCPU task sizes (16 vCPU not on EC2).
  if (release >= "3.26.1"_v) cpus.insert(cpus.end(), {8192, kFargateOnlyCpu});
  return cpus;
}

bool fargate_allows(int cpu, int memory) {
  auto steps = [memory](int from, int to, int step) { return memory >= from && memory <= to && memory % step == 0; };
  switch (cpu) {
    case 256:
      return memory == 512 || memory == 1024 || memory == 2048;
    case 512:
      return steps(1024, 4096, 1024);
    case 1024:
      return steps(2048, 8192, 1024);
    case 2048:
      return steps(4096, 16384, 1024);
    case 4096:
      return steps(8192, 30720, 1024);
    case 8192:
      return steps(16384, 61440, 4096);
    case 16384:
      return steps(32768, 122880, 8192);
    default:
      return false;
  }
}

std::vector<int> memory_choices(const Release& release, MemoryChoices choices) {
  std::set<int> memory;
  if (choices == MemoryChoices::Expanded) {
    // Every size Fargate accepts with one of the offered CPU sizes.
    for (int cpu : cpu_choices(release))
      for (int m = 512; m <= 122880; m += 512)
        if (fargate_allows(cpu, m)) memory.insert(m);
  } else {
    memory = {512, 1024, 2048, 3072, 4096, 5120, 6144, 7168, 8192, 16384, 30720};
    // 3.26.1: sizes for 8 and 16 vCPU tasks.
    if (release >= "3.26.1"_v) memory.insert({32768, 61440, 65536, 122880});
  }
  return {memory.begin(), memory.end()};
}

namespace {

std::vector<std::string> as_strings(const std::vector<int>& numbers) {
  std::vector<std::string> out;
  for (int n : numbers) out.push_back(std::to_string(n));
  return out;
}

Value name_value(std::string name, Value value) { return Value::map({{"Name", std::move(name)}, {"Value", std::move(value)}}); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The cluster

Cluster cluster(StackBuilder& s, bool alarms) {
  Cluster c;
  c.name = s.import(exports::ecs::cluster_name);
  c.arn = s.import(exports::ecs::cluster_arn);
  c.subnets = s.import(exports::vpc::private_subnet_ids);
  c.tasks_security_group = s.import(exports::vpc::tasks_security_group);
  c.namespace_id = s.import(exports::ecs::service_discovery_namespace_id);
  c.namespace_name = s.import(exports::ecs::service_discovery_namespace_name);
  c.log_retention = &s.parameter("LogRetentionInDays", param_type::kNumber)
                         .description("Days that CloudWatch Logs keeps the container logs of this stack.")
                         .default_value("30")
                         .allowed_values({"7", "14", "30", "60", "90", "180", "365", "731"})
                         .group("Logs and alarms")
                         .label("Log retention (days)");
  if (alarms) {
    auto& enable = s.flag("EnableAlarms", false)
                       .description("Create CloudWatch alarms (CPU and memory of every service) that publish to the "
                                    "SNS topic of 1-3-opsgenie. Deploy 1-3-opsgenie first.")
                       .group("Logs and alarms")
                       .label("Alarms");
    c.alarms = &s.is_true(enable);
  }
  return c;
}

Value discovery_address(const Cluster& c, const std::string& service, int port) {
  return sub(service + ".${Namespace}:" + std::to_string(port), {{"Namespace", c.namespace_name}});
}

const Condition& listener_switch(StackBuilder& s, const exports::load_balancer::ListenerSwitch& sw, const std::string& what) {
  const std::string name(sw.name);
  return s.is_true(s.flag(name, sw.enabled_by_default)
                       .description("3-2-load-balancer-rules has the listeners of " + std::string(sw.label) +
                                    ": set the same value as " + name + " there. The " + what +
                                    " registers with their target group only then (ECS refuses a target group "
                                    "without a listener).")
                       .group("Load balancer listeners")
                       .label(std::string(sw.label)));
}

TtsRuntime tts_runtime(StackBuilder& s, const Cluster& c) {
  TtsRuntime r;
  const std::string redis = "Redis";
  r.general_cluster = &s.choice("GeneralRedisCluster", {"general"}, "general")
                           .description("2-3-db-redis stack (by purpose) for persistent data.")
                           .group(redis)
                           .label("General cluster");
  r.cache_cluster = &s.choice("CacheRedisCluster", {"general", "cache"}, "general")
                         .description("2-3-db-redis stack (by purpose) for cached, temporary data: cache if you "
                                      "deployed a separate cache cluster, else general.")
                         .group(redis)
                         .label("Cache cluster");
  r.events_cluster = &s.choice("EventsRedisCluster", {"general", "events"}, "general")
                          .description("2-3-db-redis stack (by purpose) for events: events if you deployed a "
                                       "separate events cluster, else general.")
                          .group(redis)
                          .label("Events cluster");
  // 3.16.1: TLS to each selected Redis cluster (with the cluster's AUTH token).
  r.general_tls = &s.shared(shared::general_redis_tls());
  r.cache_tls = &s.shared(shared::cache_redis_tls());
  r.events_tls = &s.shared(shared::events_redis_tls());
  // 3.24.0: client certificates from AWS Private CA (CertificateAuthorityARN of 4-2a-configuration).
  r.use_certificate_authority = &s.flag("UseCertificateAuthorityARN", false)
                                     .description("Let the components request client certificates from the AWS "
                                                  "Private CA set as CertificateAuthorityARN in 4-2a-configuration.")
                                     .group("The Things Stack")
                                     .label("Use AWS Private CA");
  if (s.release() >= "3.26.2"_v) {
    // 3.26.2: GOGC of the Go runtime (default 100).
    r.gogc = &s.parameter("GOGCValue")
                  .description("GOGC of The Things Stack processes: the heap growth (percent) that triggers garbage "
                               "collection, or off.")
                  .default_value("100")
                  .allowed_pattern("^([1-9][0-9]{0,3}|off)$")
                  .constraint_description("a percentage from 1 to 9999, or off")
                  .group("The Things Stack")
                  .label("GOGC");
  }
  r.identity_server = discovery_address(c, "is", 1884);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Component

Component::Component(StackBuilder& s, const Cluster& c, ComponentOptions o) : s_(s), c_(c), o_(std::move(o)) {
  if (o_.group.empty()) o_.group = o_.title;
  if (o_.container.empty()) o_.container = o_.name;
  const Release& release = s_.release();
  image_ = &param("Image")
                .description("Docker image of the " + o_.title + " tasks. Pin a release tag: a floating tag is pulled "
                             "again whenever a task starts.")
                .default_value(o_.image)
                .label("Image");
  if (o_.kind == Kind::Service) {
    launch_type_ = &s_.choice(id("LaunchType"), {"EC2", "FARGATE"}, "FARGATE")
                        .description("Run the " + o_.title + " on the container instances of 5-1-ecs-cluster (EC2) "
                                     "or on FARGATE.")
                        .group(o_.group)
                        .label("Launch type");
  }
  std::vector<int>& cpus = cpus_;
  cpus = cpu_choices(release);
  // The 3.26.1 sizes are for the templates the changelog names (not ops, not certbot).
  if (!o_.large_task_sizes) std::erase_if(cpus, [](int cpu) { return cpu > 4096; });
  // A daemon runs on EC2 only: no Fargate-only size.
  if (o_.kind == Kind::Daemon) std::erase(cpus, kFargateOnlyCpu);
  std::vector<int>& memories = memories_;
  memories = memory_choices(release, o_.memory_choices);
  // Only sizes that fit one of the offered CPU sizes.
  std::erase_if(memories, [&cpus](int m) {
    return std::none_of(cpus.begin(), cpus.end(), [m](int cpu) { return fargate_allows(cpu, m); });
  });
  if (std::find(cpus.begin(), cpus.end(), o_.cpu) == cpus.end() ||
      std::find(memories.begin(), memories.end(), o_.memory) == memories.end() || !fargate_allows(o_.cpu, o_.memory))
    throw std::logic_error(o_.prefix + ": default task size " + std::to_string(o_.cpu) + "/" +
                           std::to_string(o_.memory) + " is not a valid Fargate size");
  std::string fargate_note = o_.kind == Kind::Daemon ? "" : " On FARGATE only the valid CPU/memory pairs are accepted.";
  cpu_ = &s_.choice(id("CPU"), as_strings(cpus), std::to_string(o_.cpu))
              .description("CPU units of each " + o_.title + " task (1024 = 1 vCPU)." + fargate_note)
              .group(o_.group)
              .label("CPU units");
  memory_ = &s_.choice(id("Memory"), as_strings(memories), std::to_string(o_.memory))
                 .description("Memory (MiB) of each " + o_.title + " task." + fargate_note)
                 .group(o_.group)
                 .label("Memory (MiB)");
  if (o_.kind == Kind::Service && o_.desired_count) {
    desired_count_ = &s_.parameter(id("DesiredCount"), param_type::kNumber)
                          .description("Number of " + o_.title + " tasks.")
                          .default_value(*o_.desired_count)
                          .min_value(0)
                          .max_value(100)
                          .group(o_.group)
                          .label("Desired count");
  }
  // 3.17.2: *RuntimePlatform, ARM64 images on Graviton.
  runtime_platform_ = &s_.choice(id("RuntimePlatform"), {"X86_64", "ARM64"}, "X86_64")
                           .description("CPU architecture of the " + o_.title + " tasks: ARM64 runs on Graviton "
                                        "(on EC2, the container instances must be Graviton too).")
                           .group(o_.group)
                           .label("CPU architecture");
}

Parameter& Component::param(const std::string& suffix) { return s_.parameter(id(suffix)).group(o_.group); }

Value Component::when(const Condition* c, Value v) const { return c ? if_(*c, std::move(v), pseudo::no_value()) : v; }

const Condition& Component::on_ec2() {
  std::string cid = id("OnEC2");
  if (const Condition* existing = s_.tmpl().find_condition(cid)) return *existing;
  return s_.condition(cid, equals(ref(*launch_type_), "EC2"));
}

Component& Component::command(std::vector<std::string> args) {
  command_ = std::move(args);
  return *this;
}

Component& Component::port(int container_port, std::string protocol) {
  Value mapping = Value::map({{"ContainerPort", container_port}});
  if (o_.kind == Kind::Daemon) mapping.set("HostPort", container_port);
  mapping.set("Protocol", std::move(protocol));
  ports_.push_back(std::move(mapping));
  return *this;
}

Component& Component::env(std::string name, Value value, const Condition* when_) {
  environment_.push_back(when(when_, name_value(std::move(name), std::move(value))));
  return *this;
}

Component& Component::database(const std::string& key, const Database& db, const Condition* when_) {
  const std::string prefix = "TTS_" + key + "_DATABASE";
  env(prefix + "_HOST", db.host, when_);
  env(prefix + "_PORT", db.port, when_);
  env(prefix + "_NAME", db.name, when_);
  // The credentials secrets of 2-1 and 2-5 hold {"username", "password"}.
  secret(prefix + "_USERNAME", db.credentials_secret_arn, "username", when_);
  secret(prefix + "_PASSWORD", db.credentials_secret_arn, "password", when_);
  databases_.push_back({key, when_});
  return *this;
}

Component& Component::database_read_host(const std::string& key, Value host, const Condition* when_) {
  return env("TTS_" + key + "_DATABASE_READ_HOST", std::move(host), when_);
}

Component& Component::file_secret(const std::string& key, const Export& secret_arn_export, std::string json_key) {
  files_.push_back({key, nullptr});
  return secret("TTS_FILE_" + key, secret_arn_export, std::move(json_key));
}

Component& Component::http_sessions() {
  return secret("TTN_LW_HTTP_COOKIE_HASH_KEY", exports::secrets::http_cookie_hash_key)
      .secret("TTN_LW_HTTP_COOKIE_BLOCK_KEY", exports::secrets::http_cookie_block_key);
}

Component& Component::config(std::string env_name, Value parameter_name, const Condition* when_) {
  constexpr std::string_view kDocument = "TTS_CONFIG_";
  if (env_name.rfind(kDocument, 0) == 0) documents_.push_back({env_name.substr(kDocument.size()), when_});
  secrets_.push_back(when(when_, Value::map({{"Name", std::move(env_name)}, {"ValueFrom", parameter_name}})));
  parameter_arns_.push_back(when(when_, ssm_parameter_arn(std::move(parameter_name))));
  return *this;
}

Component& Component::config(std::string env_name, const Export& parameter_name_export, const Condition* when_) {
  return config(std::move(env_name), s_.import(parameter_name_export), when_);
}

Component& Component::secret(std::string env_name, Value secret_arn, std::string json_key, const Condition* when_) {
  Value value_from = json_key.empty() ? secret_arn : sub("${Secret}:" + json_key + "::", {{"Secret", secret_arn}});
  secrets_.push_back(when(when_, Value::map({{"Name", std::move(env_name)}, {"ValueFrom", std::move(value_from)}})));
  if (std::find(secret_arns_.items().begin(), secret_arns_.items().end(), when(when_, secret_arn)) == secret_arns_.items().end())
    secret_arns_.push_back(when(when_, secret_arn));
  return *this;
}

Component& Component::secret(std::string env_name, const Export& secret_arn_export, std::string json_key,
                             const Condition* when_) {
  return secret(std::move(env_name), s_.import(secret_arn_export), std::move(json_key), when_);
}

Component& Component::task_permission(Value statement, const Condition* when_) {
  task_statements_.push_back(when(when_, std::move(statement)));
  return *this;
}

Component& Component::register_with(const Export& target_group, int container_port, const Condition* when_) {
  load_balancers_.push_back(when(when_, Value::map({{"ContainerName", o_.container},
                                                    {"ContainerPort", container_port},
                                                    {"TargetGroupArn", s_.import(target_group)}})));
  if (!when_) has_unconditional_target_ = true;
  if (when_ && std::find(target_conditions_.begin(), target_conditions_.end(), when_) == target_conditions_.end())
    target_conditions_.push_back(when_);
  return *this;
}

Component& Component::sidecar(Value container_definition) {
  sidecars_.push_back(std::move(container_definition));
  return *this;
}

Component& Component::volume(Value v) {
  volumes_.push_back(std::move(v));
  return *this;
}

Component& Component::mount(std::string source_volume, std::string container_path) {
  mounts_.push_back(Value::map({{"SourceVolume", std::move(source_volume)},
                                {"ContainerPath", std::move(container_path)},
                                {"ReadOnly", false}}));
  return *this;
}

Component& Component::placement_constraint(Value constraint) {
  placement_constraints_.push_back(std::move(constraint));
  return *this;
}

Value Component::secret_entry(std::string env_name, Value secret_arn, std::string json_key) {
  Value value_from = json_key.empty() ? secret_arn : sub("${Secret}:" + json_key + "::", {{"Secret", secret_arn}});
  if (std::find(secret_arns_.items().begin(), secret_arns_.items().end(), secret_arn) == secret_arns_.items().end())
    secret_arns_.push_back(secret_arn);
  return Value::map({{"Name", std::move(env_name)}, {"ValueFrom", std::move(value_from)}});
}

Component& Component::service_depends_on(const Resource& r) {
  service_dependencies_.push_back(&r);
  return *this;
}

Component& Component::no_tasks_when(const Condition& c) {
  no_tasks_ = &c;
  return *this;
}

Component& Component::tts(const TtsRuntime& r, const Parameter* rate_limiting) {
  // Redis: address, TLS and, with TLS, the AUTH token of each selected 2-3-db-redis stack.
  auto redis = [&](const std::string& prefix, const Parameter& cluster, const Parameter& tls) {
    env(prefix + "_ADDRESS", join(":", Value::list({s_.import(exports::redis::primary_address, cluster),
                                                    s_.import(exports::redis::port, cluster)})));
    env(prefix + "_TLS_REQUIRE", ref(tls));
    secret(prefix + "_PASSWORD", s_.import(exports::redis::auth_token_secret_arn, cluster), "token", &s_.is_true(tls));
  };
  redis("TTN_LW_REDIS", *r.general_cluster, *r.general_tls);
  redis("TTN_LW_CACHE_REDIS", *r.cache_cluster, *r.cache_tls);
  redis("TTN_LW_EVENTS_REDIS", *r.events_cluster, *r.events_tls);

  // Plain secrets of 4-1, read whole.
  secret("TTN_LW_LICENSE_KEY", exports::secrets::license);
  secret("TTN_LW_CLUSTER_KEYS", exports::secrets::cluster_secret);
  // Prometheus (5-6) scrapes /metrics as user metrics with this password.
  secret("TTN_LW_HTTP_METRICS_PASSWORD", exports::secrets::http_metrics_password);
  // The documents: global first, then the component's own (the stack file adds them), then the
  // rate limiting of 4-2b (3.13.0: per service), added by build() after the others.
  config("TTS_CONFIG_GLOBAL", exports::configuration::global);
  if (rate_limiting) rate_limiting_ = &s_.is_true(*rate_limiting);

  // The Key Vault lives in Secrets Manager under the prefix 4-1 exports (the global document names
  // the provider and the same prefix); the application reads it at run time.
  Value key_vault_prefix = s_.import(exports::secrets::key_vault_prefix);
  task_permission(allow("ReadKeyVault", {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"},
                        sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${Prefix}*",
                            {{"Prefix", key_vault_prefix}})));
  env("TTN_LW_BLOB_AWS_REGION", pseudo::region());
  env("TTN_LW_KEY_VAULT_AWS_REGION", pseudo::region());

  // Where the other components are: the start wrapper makes every TTN_LW_CLUSTER_* address the
  // task does not set <name>.<namespace>:1884 of their Cloud Map names (docs/decisions-ecs.md).
  // Only the Identity Server's differs between clusters (is, or is-proxy in a secondary cluster).
  env("TTS_SERVICE_DISCOVERY_NAMESPACE", c_.namespace_name);
  env("TTN_LW_CLUSTER_IDENTITY_SERVER", r.identity_server);

  // 3.26.2: GOGC.
  if (r.gogc) env("GOGC", ref(*r.gogc));
  // 3.24.0: client certificates from AWS Private CA. Until the production fixes the CA's ARN (a
  // parameter of 4-2a) was not exported and the permission covered every Private CA of the account
  // in this region; from them on, only the CA 4-2a exports (catalog/production.hpp).
  Value certificate_authorities = catalog::has_production_fixes(s_.release())
                                      ? s_.import(exports::configuration::certificate_authority_arn)
                                      : arn("acm-pca", "certificate-authority/*");
  task_permission(allow("IssueClientCertificates",
                        {"acm-pca:IssueCertificate", "acm-pca:GetCertificate", "acm-pca:GetCertificateAuthorityCertificate",
                         "acm-pca:DescribeCertificateAuthority"},
                        certificate_authorities),
                  &s_.is_true(*r.use_certificate_authority));
  tts_start_ = true;
  return *this;
}

Value Component::word_list(const std::vector<Word>& words) {
  // "A B C", or Fn::Join of the words with Fn::If " C" / "" for the conditional ones.
  Value pieces = Value::list();
  std::string plain;
  for (const Word& w : words) {
    if (!w.when) {
      plain += (plain.empty() && pieces.items().empty() ? "" : " ") + w.word;
      continue;
    }
    if (!plain.empty()) pieces.push_back(std::exchange(plain, ""));
    pieces.push_back(if_(*w.when, " " + w.word, ""));
  }
  if (!plain.empty()) pieces.push_back(plain);
  if (pieces.items().size() == 1 && pieces.items()[0].is_string()) return pieces.items()[0];
  return join("", pieces);
}

Value Component::log_configuration(const std::string& stream_prefix) const {
  // By logical id: sidecars are described before build() creates the log group.
  return Value::map({{"LogDriver", "awslogs"},
                     {"Options", Value::map({{"awslogs-group", Value::function("Ref", id("LogGroup"))},
                                             {"awslogs-region", pseudo::region()},
                                             {"awslogs-stream-prefix", stream_prefix}})}});
}

namespace {

// Policies of a role: the unconditional statements in one policy, each conditional statement in
// a policy of its own under its Fn::If (so that no policy is ever left without a statement).
Value role_policies(const std::string& name, const std::vector<Value>& statements) {
  std::vector<Value> always;
  Value policies = Value::list();
  for (const auto& st : statements)
    if (!st.is_function("Fn::If")) always.push_back(st);
  if (!always.empty()) policies.push_back(inline_policy(name, always));
  int n = 0;
  for (const auto& st : statements) {
    if (!st.is_function("Fn::If")) continue;
    const auto& args = st.argument().items();
    policies.push_back(Value::function(
        "Fn::If", Value::list({args[0], inline_policy(name + "-" + std::to_string(++n), {args[1]}), args[2]})));
  }
  return policies;
}

bool has_unconditional(const Value& list) {
  return std::any_of(list.items().begin(), list.items().end(), [](const Value& v) { return !v.is_function("Fn::If"); });
}

}  // namespace

Resource& Component::add_roles_and_logs() {
  log_group_ = &s_.resource(id("LogGroup"), "AWS::Logs::LogGroup")
                    .set("LogGroupName", sub("/ecs/${NetworkName}-${Environment}-${Cluster}/" + o_.name + o_.instance))
                    .set("RetentionInDays", ref(*c_.log_retention))
                    .set("Tags", s_.tags(o_.name));

  std::vector<Value> exec{
      allow("WriteLogs", {"logs:CreateLogStream", "logs:PutLogEvents"}, get_att(*log_group_, "Arn")),
      // Images may be mirrored into the account's ECR; GetAuthorizationToken has no resource-level permissions.
      allow("PullFromECR", {"ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"},
            arn("ecr", "repository/*")),
      allow("AuthenticateToECR", {"ecr:GetAuthorizationToken"}, "*"),
  };
  auto require_unconditional = [this](const Value& list, const char* what) {
    if (!list.items().empty() && !has_unconditional(list))
      throw std::logic_error(o_.prefix + ": every " + what + " is conditional; the policy could be left empty");
  };
  require_unconditional(parameter_arns_, "configuration parameter");
  require_unconditional(secret_arns_, "secret");
  if (!parameter_arns_.items().empty()) exec.push_back(allow("ReadConfiguration", {"ssm:GetParameters"}, parameter_arns_));
  if (!secret_arns_.items().empty()) exec.push_back(allow("ReadSecrets", {"secretsmanager:GetSecretValue"}, secret_arns_));

  execution_role_ = &s_.resource(id("ExecutionRole"), "AWS::IAM::Role")
                         .set("AssumeRolePolicyDocument", service_trust_policy("ecs-tasks.amazonaws.com"))
                         .set("Policies", Value::list({inline_policy(o_.name + "-execution", exec)}))
                         .set("Tags", s_.tags(o_.name + "-execution"));
  task_role_ = &s_.resource(id("TaskRole"), "AWS::IAM::Role")
                    .set("AssumeRolePolicyDocument", service_trust_policy("ecs-tasks.amazonaws.com"));
  Value policies = role_policies(o_.name + "-task", task_statements_);
  if (!policies.items().empty()) task_role_->set("Policies", policies);
  task_role_->set("Tags", s_.tags(o_.name + "-task"));
  for (Resource* r : {log_group_, execution_role_, task_role_})
    if (o_.include) r->condition(*o_.include);
  return *log_group_;
}

void Component::add_task_size_rule() {
  std::vector<Value> valid;
  for (int cpu : cpus_) {
    std::vector<std::string> fits;
    for (int m : memories_)
      if (fargate_allows(cpu, m)) fits.push_back(std::to_string(m));
    valid.push_back(and_({equals(ref(*cpu_), std::to_string(cpu)), contains(Value::strings(fits), ref(*memory_))}));
  }
  Rule& rule = s_.rule(id("TaskSize"));
  if (o_.kind == Kind::Task) {
    // The task definition is compatible with FARGATE, whatever the run-task call chooses.
    rule.require(or_(valid), "CPU and memory of the " + o_.title + " tasks must be a valid Fargate combination");
    return;
  }
  valid.insert(valid.begin(), equals(ref(*launch_type_), "EC2"));
  rule.require(or_(valid), "On FARGATE, CPU and memory of the " + o_.title + " tasks must be a valid Fargate combination");
  if (std::find(cpus_.begin(), cpus_.end(), kFargateOnlyCpu) != cpus_.end()) {
    // 3.26.1: 16 vCPU tasks are Fargate-only.
    rule.require(or_({equals(ref(*launch_type_), "FARGATE"), not_(equals(ref(*cpu_), std::to_string(kFargateOnlyCpu)))}),
                 "16 vCPU (16384 CPU units) needs the FARGATE launch type");
  }
}

void Component::add_alarms(const Resource& service) {
  if (!c_.alarms) return;
  const Condition* alarms = c_.alarms;
  if (o_.include) alarms = &s_.condition(id("Alarms"), and_({condition(*c_.alarms), condition(*o_.include)}));
  Value topic = Value::list({s_.import(exports::opsgenie::alarm_topic_arn)});
  const std::pair<const char*, const char*> metrics[] = {{"CPU", "CPUUtilization"}, {"Memory", "MemoryUtilization"}};
  if (catalog::has_production_fixes(s_.release()) && o_.kind == Kind::Service) {
    // Production fix: CPU and memory alarms say nothing when the service has no task at all (no
    // data is "not breaching"). ECS publishes the service's CPUUtilization every minute while a
    // task runs, so no sample for 5 minutes means no running task: missing data is breaching.
    const Condition* running = alarms;
    if (no_tasks_) running = &s_.condition(id("RunningAlarms"), and_({condition(*alarms), not_(condition(*no_tasks_))}));
    s_.resource(id("RunningAlarm"), "AWS::CloudWatch::Alarm")
        .condition(*running)
        .set("AlarmDescription", "No task of the " + o_.title + " service has run for 5 minutes")
        .set("Namespace", "AWS/ECS")
        .set("MetricName", "CPUUtilization")
        .set("Dimensions", Value::list({name_value("ClusterName", c_.name), name_value("ServiceName", get_att(service, "Name"))}))
        .set("Statistic", "SampleCount")
        .set("Period", 60)
        .set("EvaluationPeriods", 5)
        .set("Threshold", 1)
        .set("ComparisonOperator", "LessThanThreshold")
        .set("TreatMissingData", "breaching")
        .set("AlarmActions", topic)
        .set("OKActions", topic);
  }
  for (const auto& [short_name, metric] : metrics) {
    s_.resource(id(std::string(short_name) + "Alarm"), "AWS::CloudWatch::Alarm")
        .condition(*alarms)
        .set("AlarmDescription", std::string(short_name) + " utilization of the " + o_.title +
                                     " service above 90% for 15 minutes")
        .set("Namespace", "AWS/ECS")
        .set("MetricName", metric)
        .set("Dimensions", Value::list({name_value("ClusterName", c_.name), name_value("ServiceName", get_att(service, "Name"))}))
        .set("Statistic", "Average")
        .set("Period", 300)
        .set("EvaluationPeriods", 3)
        .set("Threshold", 90)
        .set("ComparisonOperator", "GreaterThanThreshold")
        .set("TreatMissingData", "notBreaching")
        .set("AlarmActions", topic)
        .set("OKActions", topic);
  }
}

Component& Component::single_writer() {
  single_writer_ = true;
  return *this;
}

Value Component::family() const { return s_.resource_name(o_.name + o_.instance); }

Resource& Component::build() {
  if (rate_limiting_) config("TTS_CONFIG_RATE_LIMITING", exports::configuration::rate_limiting, rate_limiting_);
  add_roles_and_logs();

  Value container = Value::map({{"Name", o_.container}, {"Image", ref(*image_)}, {"Essential", true}});
  if (tts_start_) {
    // The start wrapper gets the command as its arguments; a run-task override of the command
    // keeps the wrapper.
    container.set("EntryPoint", Value::strings({"/bin/sh", "-c", tts_start_script(), "tts-start"}));
    env("TTS_CONFIG_DOCUMENTS", word_list(documents_));
    if (!databases_.empty()) env("TTS_DATABASES", word_list(databases_));
    if (!files_.empty()) env("TTS_FILES", word_list(files_));
  }
  if (!command_.empty()) container.set("Command", Value::strings(command_));
  if (!ports_.items().empty()) container.set("PortMappings", ports_);
  if (!environment_.items().empty()) container.set("Environment", environment_);
  if (!secrets_.items().empty()) container.set("Secrets", secrets_);
  if (!mounts_.items().empty()) container.set("MountPoints", mounts_);
  if (o_.nofile > 0)
    container.set("Ulimits", Value::list({Value::map({{"Name", "nofile"}, {"SoftLimit", o_.nofile}, {"HardLimit", o_.nofile}})}));
  container.set("LogConfiguration", log_configuration(o_.name));
  Value containers = Value::list({container});
  for (const auto& c : sidecars_.items()) containers.push_back(c);

  Value compatibilities = o_.kind == Kind::Service ? Value::list({ref(*launch_type_)})
                          : o_.kind == Kind::Daemon ? Value::strings({"EC2"})
                                                    : Value::strings({"EC2", "FARGATE"});
  Resource& task = s_.resource(id("TaskDefinition"), "AWS::ECS::TaskDefinition")
                       .set("Family", family())
                       .set("RequiresCompatibilities", compatibilities)
                       .set("NetworkMode", o_.kind == Kind::Daemon ? "host" : "awsvpc")
                       .set("Cpu", ref(*cpu_))
                       .set("Memory", ref(*memory_))
                       .set("RuntimePlatform", Value::map({{"CpuArchitecture", ref(*runtime_platform_)},
                                                           {"OperatingSystemFamily", "LINUX"}}))
                       .set("ExecutionRoleArn", get_att(*execution_role_, "Arn"))
                       .set("TaskRoleArn", get_att(*task_role_, "Arn"))
                       .set("ContainerDefinitions", containers);
  if (!volumes_.items().empty()) task.set("Volumes", volumes_);
  task.set("Tags", s_.tags(o_.name));
  if (o_.include) task.condition(*o_.include);
  if (o_.kind != Kind::Daemon) add_task_size_rule();
  if (o_.kind == Kind::Task) return task;

  Resource* registry = nullptr;
  if (o_.discovery) {
    registry = &s_.resource(id("Discovery"), "AWS::ServiceDiscovery::Service")
                    .set("Name", o_.name)
                    .set("Description", o_.title + " tasks")
                    .set("NamespaceId", c_.namespace_id)
                    .set("DnsConfig", Value::map({{"DnsRecords", Value::list({Value::map({{"Type", "A"}, {"TTL", 10}})})},
                                                  {"RoutingPolicy", "MULTIVALUE"}}))
                    .set("HealthCheckCustomConfig", Value::map({{"FailureThreshold", 1}}));
    if (o_.include) registry->condition(*o_.include);
  }

  Resource& service = s_.resource(id("Service"), "AWS::ECS::Service").set("Cluster", c_.name);
  for (const Resource* r : service_dependencies_) service.depends_on(*r);
  service.set("TaskDefinition", ref(task));
  Value deployment = Value::map();
  if (o_.kind == Kind::Daemon) {
    service.set("LaunchType", "EC2").set("SchedulingStrategy", "DAEMON");
    if (o_.minimum_healthy_percent) deployment.set("MinimumHealthyPercent", 50);
  } else {
    service.set("LaunchType", ref(*launch_type_));
    Value count = desired_count_ ? ref(*desired_count_) : Value(1);
    service.set("DesiredCount", no_tasks_ ? if_(*no_tasks_, 0, count) : count);
    if (o_.minimum_healthy_percent) {
      // 3.12.2: MinimumHealthyPercent 50; 3.25.1: only on EC2 services.
      deployment.set("MinimumHealthyPercent",
                     s_.release() >= "3.25.1"_v ? if_(on_ec2(), 50, pseudo::no_value()) : Value(50));
    }
    if (single_writer_ && catalog::has_production_fixes(s_.release())) {
      // Production fix: one writer at a time; the default MaximumPercent 200 starts the new task
      // on the same data while the old one still runs.
      deployment.set("MaximumPercent", 100).set("MinimumHealthyPercent", 0);
    }
    deployment.set("DeploymentCircuitBreaker", Value::map({{"Enable", true}, {"Rollback", true}}));
    service.set("NetworkConfiguration",
                Value::map({{"AwsvpcConfiguration", Value::map({{"AssignPublicIp", "DISABLED"},
                                                                {"SecurityGroups", Value::list({c_.tasks_security_group})},
                                                                {"Subnets", c_.subnets}})}}));
  }
  if (!deployment.entries().empty()) service.set("DeploymentConfiguration", deployment);
  if (!load_balancers_.items().empty()) {
    service.set("LoadBalancers", load_balancers_);
    // The grace period is valid only for a service with a load balancer: with conditional
    // registrations only, it is set when one of them holds.
    if (has_unconditional_target_) {
      service.set("HealthCheckGracePeriodSeconds", 60);
    } else if (target_conditions_.size() <= 10) {  // Fn::Or takes up to 10 conditions
      const Condition* balanced = target_conditions_.front();
      if (target_conditions_.size() > 1) {
        std::vector<Value> any;
        for (const Condition* c : target_conditions_) any.push_back(condition(*c));
        balanced = &s_.condition(id("LoadBalanced"), or_(any));
      }
      service.set("HealthCheckGracePeriodSeconds", if_(*balanced, 60, pseudo::no_value()));
    }
  }
  if (o_.kind == Kind::Service) {
    service.set("PlacementStrategies",
                if_(on_ec2(), Value::list({Value::map({{"Type", "spread"}, {"Field", "attribute:ecs.availability-zone"}})}),
                    pseudo::no_value()));
  }
  if (!placement_constraints_.items().empty()) service.set("PlacementConstraints", placement_constraints_);
  if (registry) service.set("ServiceRegistries", Value::list({Value::map({{"RegistryArn", get_att(*registry, "Arn")}})}));
  service.set("PropagateTags", "SERVICE").set("EnableECSManagedTags", true).set("Tags", s_.tags(o_.name));
  if (o_.include) service.condition(*o_.include);
  service_ = &service;
  add_alarms(service);
  return task;
}

// ---------------------------------------------------------------------------------------------
// Databases

Database aurora(StackBuilder& s) {
  return Database{s.import(exports::aurora::endpoint), s.import(exports::aurora::port),
                  s.import(exports::aurora::database_name), s.import(exports::aurora::credentials_secret_arn)};
}

Database timescale(StackBuilder& s, const Parameter& deployment) {
  return Database{s.import(exports::timescale::address, deployment), s.import(exports::timescale::port, deployment),
                  s.import(exports::timescale::database_name, deployment),
                  s.import(exports::timescale::credentials_secret_arn, deployment)};
}

TimescaleSwitches timescale_switches(StackBuilder& s) {
  TimescaleSwitches t;
  const std::string group = "TimescaleDB";
  t.storage_enabled = &s.flag("ApplicationServerStorageEnabled", false)
                           .description("Application Server Storage Integration on TimescaleDB (deploy 2-5 first).")
                           .group(group)
                           .label("Storage Integration");
  // 3.19.2: the TimescaleDB deployments are told apart by their DeploymentName.
  t.storage_deployment = &s.shared(shared::storage_timescale_deployment_name());
  t.storage_replica = &s.flag("ApplicationServerStorageReplicaEnabled", false)
                           .description("Read Storage Integration data from the TimescaleDB read replicas.")
                           .group(group)
                           .label("Storage Integration reads replicas");
  t.noc = &s.shared(shared::include_network_operations_center());
  t.noc_deployment = &s.shared(shared::noc_timescale_deployment_name());
  t.storage = &s.is_true(*t.storage_enabled);
  t.storage_reads_replicas = &s.condition("ApplicationServerStorageReadsReplicas",
                                          and_({condition(*t.storage), condition(s.is_true(*t.storage_replica))}));
  t.noc_enabled = &s.is_true(*t.noc);
  return t;
}

void storage_database(StackBuilder& s, Component& c, const TimescaleSwitches& t) {
  const std::string key = "AS_PACKAGES_STORAGE_POSTGRES";
  c.env("TTN_LW_AS_PACKAGES_STORAGE_PROVIDER", "postgres", t.storage)
      .database(key, timescale(s, *t.storage_deployment), t.storage)
      .database_read_host(key, s.import(exports::timescale::reader_address, *t.storage_deployment),
                          t.storage_reads_replicas);
}

void noc_database(StackBuilder& s, Component& c, const TimescaleSwitches& t, const Condition* when) {
  c.database("NOC_STORE", timescale(s, *t.noc_deployment), when);
}

// ---------------------------------------------------------------------------------------------
// Persistent storage

PersistentVolume persistent_volume(StackBuilder& s, const Cluster& cluster, Component& c, const std::string& prefix,
                                   const std::string& volume_name, const std::string& container_path) {
  PersistentVolume v;
  const std::string name = c.options().name + "-data";
  // Until the production fixes, monitoring data had no backup (docs: ecs/updating: "not important")
  // and went with the stack. From them on (catalog/production.hpp) the file system survives deletion
  // and replacement and AWS Backup keeps daily backups (docs/decisions-production.md).
  const bool fixes = catalog::has_production_fixes(s.release());
  Resource& fs = keep_data(s, s.resource(prefix + "FileSystem", "AWS::EFS::FileSystem"))
                     .set("Encrypted", true)
                     .set("PerformanceMode", "generalPurpose")
                     .set("ThroughputMode", "elastic")
                     .set("BackupPolicy", Value::map({{"Status", fixes ? "ENABLED" : "DISABLED"}}))
                     .set("FileSystemTags", s.tags(name));
  v.file_system = &fs;
  Value security_groups = Value::list({s.import(exports::vpc::monitoring_storage_security_group)});
  for (int zone = 0; zone < 2; ++zone) {
    v.mount_targets.push_back(&s.resource(prefix + "MountTarget" + std::to_string(zone + 1), "AWS::EFS::MountTarget")
                                   .set("FileSystemId", ref(fs))
                                   .set("SubnetId", select(zone, cluster.subnets))
                                   .set("SecurityGroups", security_groups));
  }
  // The container runs as nobody (65534) and sees only its own directory.
  Resource& ap = s.resource(prefix + "AccessPoint", "AWS::EFS::AccessPoint")
                     .set("FileSystemId", ref(fs))
                     .set("PosixUser", Value::map({{"Uid", "65534"}, {"Gid", "65534"}}))
                     .set("RootDirectory", Value::map({{"Path", "/" + c.options().name},
                                                       {"CreationInfo", Value::map({{"OwnerUid", "65534"},
                                                                                    {"OwnerGid", "65534"},
                                                                                    {"Permissions", "0750"}})}}))
                     .set("AccessPointTags", s.tags(name));
  v.access_point = &ap;
  c.volume(Value::map({{"Name", volume_name},
                       {"EFSVolumeConfiguration",
                        Value::map({{"FilesystemId", ref(fs)},
                                    {"TransitEncryption", "ENABLED"},
                                    {"AuthorizationConfig", Value::map({{"AccessPointId", ref(ap)}, {"IAM", "ENABLED"}})}})}}))
      .mount(volume_name, container_path)
      .task_permission(Value::map({{"Sid", "UseDataVolume"},
                                   {"Effect", "Allow"},
                                   {"Action", Value::strings({"elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"})},
                                   {"Resource", get_att(fs, "Arn")},
                                   {"Condition", Value::map({{"StringEquals", Value::map({{"elasticfilesystem:AccessPointArn",
                                                                                            get_att(ap, "Arn")}})}})}}));
  for (const Resource* mt : v.mount_targets) c.service_depends_on(*mt);
  c.single_writer();
  return v;
}

Parameter& certificate_id(StackBuilder& s, const std::string& description, const std::string& group) {
  return s.parameter("CertificateID")
      .description(description)
      .default_value("main")
      .allowed_pattern("^[a-z][a-z0-9-]{0,31}$")
      .constraint_description("lowercase letters, digits and hyphens, starting with a letter")
      .group(group)
      .label("Certificate ID");
}

// ---------------------------------------------------------------------------------------------
// Helpers

Value ssm_parameter_arn(Value parameter_name) {
  // The names are paths that start with "/" (/<network>/<environment>/<cluster>/…), and the ARN of
  // such a parameter is "…:parameter" followed by the name: "…:parameter/${Name}" would give
  // "parameter//…", which matches no parameter.
  return sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${Name}", {{"Name", parameter_name}});
}

Value bucket_arns(Value bucket_name) {
  return Value::list({sub("arn:${AWS::Partition}:s3:::${Bucket}", {{"Bucket", bucket_name}}),
                      sub("arn:${AWS::Partition}:s3:::${Bucket}/*", {{"Bucket", bucket_name}})});
}

Value read_bucket(std::string sid, Value bucket_name) {
  return allow(std::move(sid), {"s3:GetObject", "s3:ListBucket"}, bucket_arns(std::move(bucket_name)));
}

std::string tts_start_script() {
  std::string script;
  std::string_view text = embedded::file("ecs/tts-start.sh");
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    std::size_t first = line.find_first_not_of(" \n");
    if (first == std::string_view::npos || line[first] == '#') continue;
    script += line;
  }
  return script;
}

std::string tts_image(const Release& release, const std::string& suffix) {
  return "docker.io/thethingsindustries/lorawan-stack:" + release.str() + suffix;
}

}  // namespace ttsgen::stacks::ecs
