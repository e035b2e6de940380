// The production check classes of ttsgen validate (check/production_checks.hpp): the real set of
// the release with the production fixes has no finding of them, releases before it report notes,
// and each class is found when one fault is seeded into a real render.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "check_fixtures.hpp"
#include "ttsgen/catalog/production.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/check/production_checks.hpp"
#include "ttsgen/check/validate.hpp"
#include "ttsgen/render/render.hpp"

using namespace ttsgen;
using cfn::Value;
using test::at;
using check::Finding;
using check::Severity;

namespace {

const std::vector<std::string> kRules{"retention",   "deletion-protection", "name-length", "wildcard",
                                      "single-writer", "stable-export",     "kms"};

bool is_production_rule(const std::string& rule) { return std::find(kRules.begin(), kRules.end(), rule) != kRules.end(); }

check::TemplateSet release(const catalog::Version& v) {
  static check::TemplateLoader loader;
  return loader.release(v);
}

check::TemplateSet seeded(const std::string& stack, const std::function<void(Value&)>& edit) {
  return test::mutated(release(catalog::kProductionFixes), stack, edit);
}

// The production findings of `set` of `severity`.
std::vector<Finding> production_findings(const check::TemplateSet& set, Severity severity = Severity::Error) {
  check::Validator validator;
  std::vector<Finding> out;
  for (auto& f : validator.validate(set).findings)
    if (f.severity == severity && is_production_rule(f.rule)) out.push_back(f);
  return out;
}

std::string describe_all(const std::vector<Finding>& findings) {
  std::string s;
  for (const auto& f : findings) s += check::format_text(f) + "\n";
  return s;
}

std::size_t count(const std::vector<Finding>& findings, const std::string& rule, const std::string& stack, const std::string& text) {
  std::size_t n = 0;
  for (const auto& f : findings) n += f.rule == rule && f.stack == stack && f.message.find(text) != std::string::npos;
  return n;
}

// Removes, anywhere in `v`, the list items that are policy statements with this Sid.
std::size_t remove_statements(Value& v, const std::string& sid) {
  std::size_t removed = 0;
  if (v.is_list()) {
    auto& items = v.items();
    auto end = std::remove_if(items.begin(), items.end(), [&](const Value& x) {
      const Value* s = x.is_map() ? x.find("Sid") : nullptr;
      return s && s->is_string() && s->text() == sid;
    });
    removed += static_cast<std::size_t>(items.end() - end);
    items.erase(end, items.end());
  }
  for (auto& item : v.items()) removed += remove_statements(item, sid);
  for (auto& e : v.entries()) removed += remove_statements(e.value, sid);
  return removed;
}

// The first resource of `type` in a document, its logical id.
std::string first_of_type(const Value& doc, const std::string& type) {
  for (const auto& r : doc.find("Resources")->entries())
    if (r.value.find("Type")->text() == type) return r.key;
  FAIL("no " << type);
  return "";
}

}  // namespace

TEST_CASE("the release with the production fixes has no production finding", "[check][production]") {
  auto errors = production_findings(release(catalog::kProductionFixes));
  INFO(describe_all(errors));
  CHECK(errors.empty());
}

TEST_CASE("releases before the production fixes report what they are, as notes", "[check][production]") {
  check::Validator validator;
  auto result = validator.validate(release(*catalog::parse_version("3.35.1")));
  std::vector<Finding> notes;
  for (const auto& f : result.findings) {
    if (!is_production_rule(f.rule)) continue;
    INFO(check::format_text(f));
    CHECK(f.severity == Severity::Note);
    CHECK(f.message.rfind("published before the production fixes of 3.35.2: ", 0) == 0);
    notes.push_back(f);
  }
  INFO(describe_all(notes));
  // The findings of the review, each found by its class.
  CHECK(count(notes, "stable-export", "5-8a-certs-le", "CertbotTaskDefinitionArn") == 1);
  CHECK(count(notes, "name-length", "5-1-ecs-cluster", "FunctionName can be 73 characters") == 1);
  CHECK(count(notes, "retention", "4-1-secrets", "AWS::SecretsManager::Secret") > 0);
  CHECK(count(notes, "retention", "2-7-queue-sqs", "AWS::SQS::Queue") == 8);  // 4 queues × 2 policies
  CHECK(count(notes, "deletion-protection", "2-1-db-aurora-master", "DeletionProtection") == 1);
  CHECK(count(notes, "wildcard", "5-4-ecs-services", "acm-pca:IssueCertificate") > 0);
  CHECK(count(notes, "single-writer", "5-6-ecs-monitoring", "two writers") == 1);
}

TEST_CASE("seeded faults: each production class is found", "[check][production][fixture]") {
  SECTION("retention: a generated secret without its policies") {
    auto set = seeded("4-1-secrets", [](Value& doc) {
      Value& secret = at(doc, {"Resources", first_of_type(doc, "AWS::SecretsManager::Secret")});
      secret.erase("DeletionPolicy");
      secret.erase("UpdateReplacePolicy");
    });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 2);
    CHECK(count(f, "retention", "4-1-secrets", "DeletionPolicy is absent: Delete") == 1);
    CHECK(count(f, "retention", "4-1-secrets", "UpdateReplacePolicy is absent: Delete") == 1);
  }
  SECTION("retention: Snapshot on a type that cannot snapshot") {
    auto set = seeded("2-7-queue-sqs", [](Value& doc) { at(doc, {"Resources", "WebhooksQueue"}).set("DeletionPolicy", "Snapshot"); });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "retention", "2-7-queue-sqs", "set DeletionPolicy Retain") == 1);
  }
  SECTION("deletion-protection: the Aurora cluster without it") {
    auto set = seeded("2-1-db-aurora-master", [](Value& doc) { at(doc, {"Resources", "AuroraCluster", "Properties"}).erase("DeletionProtection"); });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "deletion-protection", "2-1-db-aurora-master", "set DeletionProtection true") == 1);
  }
  SECTION("name-length: a function name too long for the longest accepted parameters") {
    auto set = seeded("5-1-ecs-cluster", [](Value& doc) {
      at(doc, {"Resources", "ECSAutoScalingGroupDrainingFunction", "Properties"})
          .set("FunctionName", cfn::sub("${NetworkName}-${Environment}-${Cluster}-container-instance-draining"));
    });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    // 20 (NetworkName) + 7 (staging) + 16 (Cluster) + 3 hyphens + 27.
    CHECK(count(f, "name-length", "5-1-ecs-cluster", "FunctionName can be 73 characters long") == 1);
  }
  SECTION("wildcard: iam:PassRole on every role") {
    auto set = seeded("5-8b-ecs-certbot-scheduled-task", [](Value& doc) {
      Value& statements = at(doc, {"Resources", "RuleRole", "Properties", "Policies"}).items()[0];
      at(statements, {"PolicyDocument", "Statement"})
          .push_back(Value::map({{"Sid", "PassAnything"}, {"Effect", "Allow"}, {"Action", "iam:PassRole"}, {"Resource", "*"}}));
    });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "wildcard", "5-8b-ecs-certbot-scheduled-task", "iam:PassRole on '*'") == 1);
  }
  SECTION("wildcard: the DNS challenge without its record-name condition") {
    auto zone_any = seeded("5-8a-certs-le", [](Value& doc) {
      Value& policies = at(doc, {"Resources", "CertbotTaskRole", "Properties", "Policies"});
      Value& statements = at(policies.items()[0], {"PolicyDocument", "Statement"});
      for (auto& s : statements.items())
        if (s.find("Sid")->text() == "AnswerDNSChallenge") {
          s.erase("Condition");
          s.set("Resource", cfn::sub("arn:${AWS::Partition}:route53:::hostedzone/*"));
        }
    });
    auto f = production_findings(zone_any);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "wildcard", "5-8a-certs-le", "route53:ChangeResourceRecordSets") == 1);
  }
  SECTION("single-writer: Prometheus may run two tasks on its file system") {
    auto set = seeded("5-6-ecs-monitoring", [](Value& doc) {
      at(doc, {"Resources", "PrometheusService", "Properties", "DeploymentConfiguration"}).erase("MaximumPercent");
    });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "single-writer", "5-6-ecs-monitoring", "MaximumPercent absent: 200") == 1);
  }
  SECTION("stable-export: the certbot family export made a revision again") {
    auto set = seeded("5-8a-certs-le", [](Value& doc) {
      at(doc, {"Outputs", "CertbotTaskDefinitionFamilyArn"}).set("Value", cfn::Value::function("Ref", "CertbotTaskDefinition"));
    });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "stable-export", "5-8a-certs-le", "5-8b-ecs-certbot-scheduled-task imports it") == 1);
  }
  SECTION("kms: the Alertmanager without the queue key") {
    auto set = seeded("5-5-tenant-resource-monitoring", [](Value& doc) { CHECK(remove_statements(doc, "UseQueueKey") == 1); });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(f.size() == 1);
    CHECK(count(f, "kms", "5-5-tenant-resource-monitoring", "2-7-queue-sqs parameter QueueKMSKeyId") == 1);
  }
  SECTION("kms: the TimescaleDB instance role without the grant") {
    auto set = seeded("2-5-db-timescale-master", [](Value& doc) { CHECK(remove_statements(doc, "AttachEncryptedVolume") == 1); });
    auto f = production_findings(set);
    INFO(describe_all(f));
    CHECK(count(f, "kms", "2-5-db-timescale-master", "kms:CreateGrant") >= 1);
  }
}

TEST_CASE("the longest value a parameter accepts", "[check][production]") {
  CHECK(check::longest_match("^[a-z][a-z0-9]{1,19}$") == 20);
  CHECK(check::longest_match("^[a-z][a-z0-9-]{0,31}$") == 32);
  CHECK(check::longest_match("^$|^[a-f0-9-]{36}$|^alias/[a-z]{1,10}$") == 36);
  CHECK(check::longest_match("^(prod|staging)$") == 7);
  CHECK(check::longest_match("^[a-z]+$") == std::nullopt);
  CHECK(check::longest_match("^\\d{12}$") == 12);
  Value p = Value::map({{"Type", "String"}, {"AllowedPattern", "^[a-z]{1,40}$"}, {"MaxLength", 30}});
  CHECK(check::longest_accepted(p) == 30);
  p.set("AllowedValues", Value::strings({"prod", "staging"}));
  CHECK(check::longest_accepted(p) == 7);
  CHECK(check::longest_accepted(Value::map({{"Type", "String"}})) == std::nullopt);
}
