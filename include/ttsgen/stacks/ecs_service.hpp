#pragma once
// The shared building block of group 5: one ECS component of The Things Stack (or of its proxy,
// monitoring, certbot). A Component declares its parameters (image, launch type, CPU, memory,
// desired count, runtime platform) and collects what its container needs (ports, environment,
// secrets, target groups, task permissions); build() then writes the task definition, the
// service, the log group, the execution and task roles (scoped to what was collected), the Cloud
// Map registration, the task-size Rule and the alarms. Each stack file is then a short list of
// components (docs/decisions-ecs.md).
//
// How configuration reaches containers (one rule, everywhere): documents (the TTS configuration
// of 4-2a/4-2b/4-2c, the Prometheus configuration) are SSM parameters and secrets are Secrets
// Manager secrets; both are passed through the task definition's Secrets (ValueFrom), never as
// plain text. Environment holds only wiring that is not secret (addresses, flags, GOGC).
// Containers of The Things Stack (tts()) start through the wrapper templates/ecs/tts-start.sh,
// which writes the documents to files, composes what ECS cannot (database URIs, cluster
// addresses) and runs tti-lw-stack: the contract is described once, in docs/decisions-config.md
// ("How a container gets its configuration and secrets").

#include <optional>
#include <string>
#include <vector>

#include "ttsgen/catalog/export.hpp"
#include "ttsgen/exports/load_balancer.hpp"
#include "ttsgen/stacks/builder.hpp"

namespace ttsgen::stacks::ecs {

// ---------------------------------------------------------------------------------------------
// Task sizes: the only place that knows the valid combinations.

// 5-4-ecs-services offers every valid Fargate memory size from 3.34.1 ("more memory parameter
// options"); every other list is the standard one.
enum class MemoryChoices { Standard, Expanded };

// Task CPU units: 256 … 4096, plus 8192 and 16384 from 3.26.1 ("8 and 16 vCPU task sizes").
std::vector<int> cpu_choices(const Release& release);
// Task memory (MiB) offered by a memory parameter.
std::vector<int> memory_choices(const Release& release, MemoryChoices choices);
// AWS Fargate's valid CPU/memory pairs.
bool fargate_allows(int cpu, int memory);
// 16 vCPU tasks run on Fargate only (3.26.1).
inline constexpr int kFargateOnlyCpu = 16384;

// ---------------------------------------------------------------------------------------------
// What every ECS stack of a cluster shares: the cluster and the network it runs in (imports of
// 5-1 and 1-1), the log retention and the alarm switch.

struct Cluster {
  Value name;                  // ECS cluster name
  Value arn;                   // ECS cluster ARN
  Value subnets;               // the private subnets (a list)
  Value tasks_security_group;  // security group of every task
  Value namespace_id;          // Cloud Map namespace
  Value namespace_name;        // its DNS name: <service>.<namespace_name>
  const cfn::Parameter* log_retention = nullptr;
  const cfn::Condition* alarms = nullptr;  // EnableAlarms (null: the stack has no alarms)
};

// Declares LogRetentionInDays and, with `alarms`, EnableAlarms (alarms publish to the topic of the
// optional 1-3-opsgenie stack, imported only inside the alarms, which exist only when enabled).
Cluster cluster(StackBuilder& s, bool alarms);

// "<service>.<namespace>:<port>" as Fn::Sub.
Value discovery_address(const Cluster& c, const std::string& service, int port);

// The switch of a listener of 3-2-load-balancer-rules, mirrored (same name and default) by a stack
// whose service registers with that listener's target group: the registration's condition.
// `what` names the service, for the description.
const cfn::Condition& listener_switch(StackBuilder& s, const exports::load_balancer::ListenerSwitch& sw, const std::string& what);

// ---------------------------------------------------------------------------------------------
// The Things Stack runtime shared by 5-2, 5-3a, 5-3c and 5-4: Redis cluster selection and TLS
// (3.16.1), AWS Private CA (3.24.0), GOGC (3.26.2).

struct TtsRuntime {
  const cfn::Parameter* general_cluster = nullptr;
  const cfn::Parameter* cache_cluster = nullptr;
  const cfn::Parameter* events_cluster = nullptr;
  const cfn::Parameter* general_tls = nullptr;
  const cfn::Parameter* cache_tls = nullptr;
  const cfn::Parameter* events_tls = nullptr;
  const cfn::Parameter* use_certificate_authority = nullptr;
  const cfn::Parameter* gogc = nullptr;  // null before 3.26.2
  // Address of the Identity Server's gRPC for the cluster.identity-server setting.
  Value identity_server;
};

TtsRuntime tts_runtime(StackBuilder& s, const Cluster& c);

// ---------------------------------------------------------------------------------------------
// One component.

struct Database;  // below

enum class Kind {
  Service,  // a replicated ECS service, EC2 or FARGATE (a parameter), awsvpc
  Daemon,   // one task per container instance, EC2, host networking (UDP Gateway Server ≤3.25.2)
  Task,     // a task definition only, run on demand or on a schedule (ops, certbot); EC2 and FARGATE
};

struct ComponentOptions {
  std::string prefix;  // parameter and logical-id prefix, e.g. "GatewayServer"
  std::string title;   // e.g. "Gateway Server"
  std::string name;    // log stream, Cloud Map and resource-name suffix, e.g. "gs"
  std::string container;  // container name (default: name)
  std::string image;   // default image
  int cpu = 256;
  int memory = 512;
  // Default desired count; nullopt: a single-instance service, no parameter.
  std::optional<int> desired_count = 2;
  Kind kind = Kind::Service;
  MemoryChoices memory_choices = MemoryChoices::Standard;
  // ECS DeploymentConfiguration.MinimumHealthyPercent 50 (3.12.2); EC2 services only from 3.25.1.
  bool minimum_healthy_percent = true;
  // The Include<Component> condition; every resource of the component carries it.
  const cfn::Condition* include = nullptr;
  // Register <name>.<namespace> in Cloud Map.
  bool discovery = true;
  // The 8 and 16 vCPU sizes of 3.26.1 (5-3a, 5-3b, 5-3c, 5-4, monitoring, proxy; not ops, certbot).
  bool large_task_sizes = true;
  // Open-file limit for components holding many connections (0: the image's default).
  int nofile = 0;
  // Console group of the parameters (default: the title).
  std::string group;
  // Fn::Sub text appended to the physical names (task definition family, log group) of a
  // component whose stack is deployed several times in a cluster, e.g. "-${CertificateID}": two
  // copies would otherwise collide on the log group name and share a family.
  std::string instance;
};

class Component {
 public:
  Component(StackBuilder& s, const Cluster& c, ComponentOptions o);
  Component(const Component&) = delete;
  Component& operator=(const Component&) = delete;

  const ComponentOptions& options() const { return o_; }
  const cfn::Parameter& image() const { return *image_; }
  // Null for daemons and tasks.
  const cfn::Parameter* launch_type() const { return launch_type_; }

  Component& command(std::vector<std::string> args);
  Component& port(int container_port, std::string protocol = "tcp");
  Component& env(std::string name, Value value, const cfn::Condition* when = nullptr);
  // A document in an SSM parameter (its name comes from an export or a resource): Secrets
  // ValueFrom, and ssm:GetParameters for the execution role. With `when`, only under that condition.
  // A TTS configuration document is named TTS_CONFIG_<DOC> and is listed, in the order of the
  // calls, in TTS_CONFIG_DOCUMENTS for the start wrapper.
  Component& config(std::string env_name, Value parameter_name, const cfn::Condition* when = nullptr);
  Component& config(std::string env_name, const Export& parameter_name_export, const cfn::Condition* when = nullptr);
  // A Secrets Manager secret (a JSON key of it when `json_key` is set, as the producer's layout
  // documents it): Secrets ValueFrom, and secretsmanager:GetSecretValue on that secret for the
  // execution role.
  Component& secret(std::string env_name, Value secret_arn, std::string json_key = {}, const cfn::Condition* when = nullptr);
  Component& secret(std::string env_name, const Export& secret_arn_export, std::string json_key = {},
                    const cfn::Condition* when = nullptr);
  // A statement of the task role (what the application calls at run time).
  Component& task_permission(Value statement, const cfn::Condition* when = nullptr);
  // Registers the container port with a target group of 3-2. `when` must follow the switches of
  // 3-2's listeners: ECS refuses a target group that no listener uses.
  Component& register_with(const Export& target_group, int container_port, const cfn::Condition* when = nullptr);
  // Another container of the task (sidecars), already complete, or an Fn::If of one.
  Component& sidecar(Value container_definition);
  Component& volume(Value volume);
  Component& mount(std::string source_volume, std::string container_path);
  Component& placement_constraint(Value constraint);
  // A Secrets entry for a sidecar container ({Name, ValueFrom}); the execution role may read it.
  Value secret_entry(std::string env_name, Value secret_arn, std::string json_key = {});
  // The service waits for `r` (e.g. the mount targets of its file system).
  Component& service_depends_on(const cfn::Resource& r);
  // Keeps the service but runs no task while `c` holds.
  Component& no_tasks_when(const cfn::Condition& c);
  // The task owns data that only one writer may use (Prometheus on EFS): from the production
  // fixes a deployment stops the old task before it starts the new one (MaximumPercent 100,
  // MinimumHealthyPercent 0) instead of running two for a while.
  Component& single_writer();

  // A PostgreSQL database of a TTS component, for the setting TTN_LW_<key>_DATABASE_URI (key e.g.
  // "IS", "AS_PACKAGES_STORAGE_POSTGRES", "NOC_STORE"): TTS_<key>_DATABASE_HOST, _PORT, _NAME
  // (environment), _USERNAME, _PASSWORD (secrets), and the key in TTS_DATABASES; the start wrapper
  // composes the URI.
  Component& database(const std::string& key, const Database& db, const cfn::Condition* when = nullptr);
  // The read replicas of that database: TTS_<key>_DATABASE_READ_HOST, which the start wrapper makes
  // TTN_LW_<key>_READ_DATABASE_URI.
  Component& database_read_host(const std::string& key, Value host, const cfn::Condition* when = nullptr);
  // A setting whose value is a file (e.g. "TTGC_TLS_CERTIFICATE"), from a JSON key of a secret
  // holding base64: TTS_FILE_<key> (secret) and the key in TTS_FILES; the start wrapper writes the
  // file and sets TTN_LW_<key> to its path (nothing when the value is empty).
  Component& file_secret(const std::string& key, const Export& secret_arn_export, std::string json_key);
  // The keys of the HTTP session cookies (4-1), shared by every task that serves a web UI, so that
  // sessions survive restarts and load balancing.
  Component& http_sessions();

  // The Things Stack component: started through the wrapper (templates/ecs/tts-start.sh) with
  // Redis, license, cluster keys, metrics password, the global and (when enabled) rate-limiting
  // documents, cluster addresses, regions, GOGC, Private CA, Key Vault access.
  Component& tts(const TtsRuntime& runtime, const cfn::Parameter* rate_limiting = nullptr);

  // A log configuration for a sidecar, in this component's log group.
  Value log_configuration(const std::string& stream_prefix) const;

  // Writes the resources. Returns the task definition.
  cfn::Resource& build();
  // After build(): the ECS service (null for tasks).
  const cfn::Resource* service() const { return service_; }
  const cfn::Resource& task_role() const { return *task_role_; }
  cfn::Resource& task_role() { return *task_role_; }
  // The task definition family, "<network>-<environment>-<cluster>-<name><instance>".
  Value family() const;
  const cfn::Resource& execution_role() const { return *execution_role_; }

 private:
  // A word of a list variable for the start wrapper (TTS_CONFIG_DOCUMENTS, …), present under `when`.
  struct Word {
    std::string word;
    const cfn::Condition* when;
  };
  std::string id(const std::string& suffix) const { return o_.prefix + suffix; }
  static Value word_list(const std::vector<Word>& words);
  cfn::Parameter& param(const std::string& suffix);
  Value when(const cfn::Condition* c, Value v) const;
  const cfn::Condition& on_ec2();
  void add_task_size_rule();
  cfn::Resource& add_roles_and_logs();
  void add_alarms(const cfn::Resource& service);

  StackBuilder& s_;
  const Cluster& c_;
  ComponentOptions o_;
  cfn::Parameter* image_ = nullptr;
  cfn::Parameter* launch_type_ = nullptr;
  cfn::Parameter* cpu_ = nullptr;
  cfn::Parameter* memory_ = nullptr;
  cfn::Parameter* desired_count_ = nullptr;
  cfn::Parameter* runtime_platform_ = nullptr;
  std::vector<int> cpus_;      // the offered task sizes
  std::vector<int> memories_;

  std::vector<std::string> command_;
  bool tts_start_ = false;  // started through templates/ecs/tts-start.sh
  const cfn::Condition* rate_limiting_ = nullptr;  // reads the rate-limiting document under this
  std::vector<Word> documents_, databases_, files_;
  Value ports_ = Value::list();
  Value environment_ = Value::list();
  Value secrets_ = Value::list();
  Value parameter_arns_ = Value::list();
  Value secret_arns_ = Value::list();
  std::vector<Value> task_statements_;
  Value load_balancers_ = Value::list();
  bool has_unconditional_target_ = false;
  std::vector<const cfn::Condition*> target_conditions_;
  const cfn::Condition* no_tasks_ = nullptr;
  bool single_writer_ = false;
  std::vector<const cfn::Resource*> service_dependencies_;
  Value sidecars_ = Value::list();
  Value volumes_ = Value::list();
  Value mounts_ = Value::list();
  Value placement_constraints_ = Value::list();

  cfn::Resource* log_group_ = nullptr;
  cfn::Resource* task_role_ = nullptr;
  cfn::Resource* execution_role_ = nullptr;
  cfn::Resource* service_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Databases (imports of 2-1 and 2-5).

struct Database {
  Value host, port, name, credentials_secret_arn;  // the secret has JSON keys username and password
};
// The Aurora PostgreSQL cluster of 2-1-db-aurora-master (writer endpoint).
Database aurora(StackBuilder& s);
// The TimescaleDB deployment named by `deployment` (2-5-db-timescale[-master]).
Database timescale(StackBuilder& s, const cfn::Parameter& deployment);

// The TimescaleDB switches of 5-2 and 5-4 (3.19.2 names; ApplicationServerStorageEnabled ≤3.15.0).
struct TimescaleSwitches {
  const cfn::Parameter* storage_enabled = nullptr;      // ApplicationServerStorageEnabled
  const cfn::Parameter* storage_deployment = nullptr;   // ApplicationServerStorageTimescaleDBDeploymentName
  const cfn::Parameter* storage_replica = nullptr;      // ApplicationServerStorageReplicaEnabled
  const cfn::Parameter* noc = nullptr;                  // IncludeNetworkOperationsCenter
  const cfn::Parameter* noc_deployment = nullptr;       // NOCTimescaleDBDeploymentName
  const cfn::Condition* storage = nullptr;              // storage enabled
  const cfn::Condition* storage_reads_replicas = nullptr;  // storage and replica enabled
  const cfn::Condition* noc_enabled = nullptr;
};
TimescaleSwitches timescale_switches(StackBuilder& s);
// The Application Server Storage Integration database of `c` (TimescaleDB, when enabled), and its
// read replicas when ApplicationServerStorageReplicaEnabled: as.packages.storage.provider postgres
// and the URIs TTN_LW_AS_PACKAGES_STORAGE_POSTGRES_(READ_)DATABASE_URI.
void storage_database(StackBuilder& s, Component& c, const TimescaleSwitches& t);
// The Network Operations Center database of `c` (noc.store.database-uri), under `when`.
void noc_database(StackBuilder& s, Component& c, const TimescaleSwitches& t, const cfn::Condition* when = nullptr);

// ---------------------------------------------------------------------------------------------
// Persistent storage for single-instance components (Prometheus): an encrypted EFS file system
// with a mount target per private subnet and an access point; the task mounts it over TLS with
// IAM authorization.

struct PersistentVolume {
  const cfn::Resource* file_system = nullptr;
  const cfn::Resource* access_point = nullptr;
  std::vector<const cfn::Resource*> mount_targets;
};
// Declares the file system (logical ids <prefix>FileSystem, …) and wires it into `c`: task volume
// `volume_name`, mount at `container_path`, task-role permission, service after the mount targets.
PersistentVolume persistent_volume(StackBuilder& s, const Cluster& cluster, Component& c, const std::string& prefix,
                                   const std::string& volume_name, const std::string& container_path);

// CertificateID: which 5-8a-certs-le stack (one per certificate) an export belongs to; the
// qualifier of the certbot exports, declared alike by 5-8a and 5-8b.
cfn::Parameter& certificate_id(StackBuilder& s, const std::string& description, const std::string& group);

// ---------------------------------------------------------------------------------------------
// Helpers for what several components read.

// The ARN of an SSM parameter given by name. Every SSM parameter of the stack set is named by a
// path that starts with "/" (ssm_parameter_name in common.hpp): /<network>/<environment>/<cluster>/
// config/<document> (4-2a, 4-2b, 4-2c), …/monitoring/prometheus (5-6).
Value ssm_parameter_arn(Value parameter_name);
// arn:${AWS::Partition}:s3:::<bucket> and …/* of a bucket name.
Value bucket_arns(Value bucket_name);
// A statement with read-only access (get and list) to a bucket; `sid` says what is read.
Value read_bucket(std::string sid, Value bucket_name);
// The start wrapper of the TTS containers (templates/ecs/tts-start.sh) as it goes into the task
// definitions: without its comment lines and blank lines.
std::string tts_start_script();
// "docker.io/thethingsindustries/lorawan-stack:<release><suffix>" (pinned to the release).
std::string tts_image(const Release& release, const std::string& suffix = "-aws");

}  // namespace ttsgen::stacks::ecs
