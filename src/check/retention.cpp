// The data-retention checks of validate (production_checks.hpp): retention and
// deletion-protection. Which types hold data comes from the one list, cfn/stateful.hpp.
#include "ttsgen/cfn/stateful.hpp"
#include "ttsgen/check/production_checks.hpp"
#include "walk.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

Finding finding(std::string rule, const std::string& id, std::string path, std::string message) {
  Finding f;
  f.rule = std::move(rule);
  f.logical_id = id;
  f.path = std::move(path);
  f.message = std::move(message);
  return f;
}

std::string text(const Value* v) { return v && v->is_string() ? v->text() : ""; }

bool is_true(const Value& v) { return (v.kind() == Value::Kind::Bool && v.as_bool()) || (v.is_string() && v.text() == "true"); }

}  // namespace

std::vector<Finding> check_retention(const Value& document) {
  std::vector<Finding> out;
  walk::each_resource(document, [&](const std::string& id, const Value& r, const std::string& type) {
    const cfn::StatefulType* stateful = cfn::stateful_type(type);
    if (!stateful || (type == "AWS::RDS::DBInstance" && cfn::is_cluster_member(r))) return;
    for (const char* attribute : {"DeletionPolicy", "UpdateReplacePolicy"}) {
      std::string policy = text(r.find(attribute));
      bool keeps = policy == "Retain" || policy == "RetainExceptOnCreate" || (policy == "Snapshot" && stateful->snapshot_supported);
      if (keeps) continue;
      std::string event = std::string(attribute) == "DeletionPolicy" ? "deletes the stack or removes the resource" : "replaces it";
      std::string choices = stateful->snapshot_supported ? "Retain or Snapshot" : "Retain";
      out.push_back(finding("retention", id, "Resources." + id + "." + attribute,
                            std::string(type) + " holds " + std::string(stateful->holds) + ", which is lost when CloudFormation " +
                                event + " (" + attribute + " is " + (policy.empty() ? "absent: Delete" : policy) + "): set " +
                                attribute + " " + choices));
    }
  });
  return out;
}

std::vector<Finding> check_deletion_protection(const Value& document) {
  std::vector<Finding> out;
  walk::each_resource(document, [&](const std::string& id, const Value& r, const std::string& type) {
    if (type != "AWS::RDS::DBCluster" && (type != "AWS::RDS::DBInstance" || cfn::is_cluster_member(r))) return;
    const Value* props = r.find("Properties");
    const Value* protection = props && props->is_map() ? props->find("DeletionProtection") : nullptr;
    bool on = protection != nullptr;
    if (protection)
      walk::each_branch(*protection, "", [&](const Value& v, const std::string&) {
        // A parameter is the operator's explicit choice.
        if (!is_true(v) && !v.is_function("Ref")) on = false;
      });
    if (!on)
      out.push_back(finding("deletion-protection", id, "Resources." + id + ".Properties.DeletionProtection",
                            "the database can be deleted by a stack deletion or an edited template: set DeletionProtection "
                            "true (turned off deliberately before a planned deletion)"));
  });
  return out;
}

std::vector<Finding> check_single_writers(const Value& document) {
  std::vector<Finding> out;
  const Value* resources = document.is_map() ? document.find("Resources") : nullptr;
  walk::each_resource(document, [&](const std::string& id, const Value& r, const std::string& type) {
    if (type != "AWS::ECS::Service") return;
    const Value* props = r.find("Properties");
    if (!props || !props->is_map() || text(props->find("SchedulingStrategy")) == "DAEMON") return;
    const Value* task_ref = props->find("TaskDefinition");
    if (!task_ref || !task_ref->is_function("Ref") || !task_ref->argument().is_string()) return;
    const Value* task = resources->find(task_ref->argument().text());
    const Value* task_props = task && task->is_map() ? task->find("Properties") : nullptr;
    const Value* volumes = task_props && task_props->is_map() ? task_props->find("Volumes") : nullptr;
    bool efs = false;
    if (volumes)
      walk::each_item(*volumes, "", [&](const Value& v, const std::string&) { efs |= v.is_map() && v.find("EFSVolumeConfiguration"); });
    if (!efs) return;
    const Value* deployment = props->find("DeploymentConfiguration");
    const Value* maximum = deployment && deployment->is_map() ? deployment->find("MaximumPercent") : nullptr;
    bool two_at_once = !maximum;
    if (maximum)
      walk::each_branch(*maximum, "", [&](const Value& v, const std::string&) {
        two_at_once |= !(v.kind() == Value::Kind::Integer && v.as_integer() <= 100);
      });
    if (two_at_once)
      out.push_back(finding("single-writer", id, "Resources." + id + ".Properties.DeploymentConfiguration",
                            "the task writes an EFS volume, but a deployment may start the new task while the old one runs "
                            "(MaximumPercent " + std::string(maximum ? "above 100" : "absent: 200") +
                                "): two writers on the same data; set MaximumPercent 100 and MinimumHealthyPercent 0"));
  });
  return out;
}

}  // namespace ttsgen::check
