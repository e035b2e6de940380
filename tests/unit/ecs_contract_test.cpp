// The contract between the ECS task definitions (group 5) and the stacks whose configuration
// documents and secrets they read (4-1, 4-2a/b/c, 2-x): checked on the templates of every
// release, with the names an example deployment gives them (cross_stack.hpp).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cross_stack.hpp"
#include "ecs_test_helpers.hpp"
#include "ttsgen/stacks/ecs_service.hpp"
#include "ttsgen/util/embedded.hpp"

using namespace ttsgen;
using test::Value;
namespace eval = test::eval;

namespace {

// The group-5 stacks of a deployment.
std::vector<const catalog::StackModel*> ecs_models(const test::Deployment& d) {
  std::vector<const catalog::StackModel*> out;
  for (const auto* s : stacks::stacks_in(d.release()))
    if (s->name_at(d.release()).rfind("5-", 0) == 0) out.push_back(&d.model(s->key));
  return out;
}

// The containers of a task definition (conditional sidecars included).
std::vector<const Value*> containers(const cfn::Resource& task) {
  std::vector<const Value*> out;
  for (const auto& c : test::property(task, "ContainerDefinitions")->items()) {
    const Value& def = test::unwrap_if(c);
    if (!def.is_function()) out.push_back(&def);
  }
  return out;
}

// The statements of a role's inline policies (conditional ones included).
std::vector<const Value*> statements(const cfn::Resource& role) {
  std::vector<const Value*> out;
  if (const Value* policies = test::property(role, "Policies"))
    for (const auto& p : policies->items()) {
      const Value& policy = test::unwrap_if(p);
      if (policy.is_function()) continue;
      for (const auto& st : policy.find("PolicyDocument")->find("Statement")->items()) out.push_back(&test::unwrap_if(st));
    }
  return out;
}

bool has_action(const Value& statement, const std::string& action) {
  const Value& a = *statement.find("Action");
  if (a.is_string()) return a.text() == action;
  for (const auto& i : a.items())
    if (i.text() == action) return true;
  return false;
}

std::vector<const Value*> resources_of(const Value& statement) {
  std::vector<const Value*> out;
  const Value& r = *statement.find("Resource");
  if (r.is_list()) {
    for (const auto& i : r.items()) out.push_back(&test::unwrap_if(i));
  } else {
    out.push_back(&r);
  }
  return out;
}

const cfn::Resource& role_of(const cfn::Template& t, const cfn::Resource& task, const char* property) {
  return test::resource(t, test::property(task, property)->argument().items()[0].text());
}

}  // namespace

TEST_CASE("every SSM parameter ARN of an ECS template is well formed and names a parameter its tasks read",
          "[stacks][ecs][contract]") {
  // arn:<partition>:ssm:<region>:<account>:parameter/<path>, the path without empty segments.
  const std::regex well_formed("^arn:aws:ssm:eu-west-1:123456789012:parameter(/[A-Za-z0-9_.-]+)+$");
  const std::string prefix = "arn:aws:ssm:eu-west-1:123456789012:parameter";
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    for (const auto* model : ecs_models(d)) {
      const auto& t = model->tmpl;
      auto scope = d.scope(t);
      for (const auto* task : test::resources_of_type(t, "AWS::ECS::TaskDefinition")) {
        INFO(v.str() << " " << task->id());
        // The SSM parameters the containers read: ValueFrom that resolve to a parameter name.
        std::set<std::string> read;
        for (const Value* c : containers(*task))
          if (const Value* secrets = c->find("Secrets"))
            for (const auto& e : secrets->items()) {
              std::string from = scope.resolve(*test::unwrap_if(e).find("ValueFrom"));
              if (from.rfind("arn:", 0) != 0) {
                CHECK(from.rfind("/ttn/prod/eu1/", 0) == 0);  // a path of this cluster
                read.insert(prefix + from);
              }
            }
        std::set<std::string> granted;
        for (const Value* st : statements(role_of(t, *task, "ExecutionRoleArn")))
          if (has_action(*st, "ssm:GetParameters"))
            for (const Value* r : resources_of(*st)) {
              std::string arn = scope.resolve(*r);
              INFO(arn);
              CHECK(std::regex_match(arn, well_formed));
              granted.insert(arn);
            }
        // Exactly the parameters read, and each one as the ARN of that very parameter.
        CHECK(granted == read);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// B: how configuration and secrets reach the containers of The Things Stack (one contract,
// docs/decisions-config.md): the start wrapper, documents, databases, files, secrets by JSON key.

namespace {

// (name, condition id or "") of the Environment or Secrets entries of a container.
std::set<std::pair<std::string, std::string>> named_entries(const Value& container, const char* list) {
  std::set<std::pair<std::string, std::string>> out;
  if (const Value* entries = container.find(list))
    for (const auto& e : entries->items()) {
      std::string condition = e.is_function("Fn::If") ? e.argument().items()[0].text() : "";
      out.insert({test::unwrap_if(e).find("Name")->text(), condition});
    }
  return out;
}

// (word, condition id or "") of a list variable of the start wrapper: "A B", or Fn::Join of such
// strings and Fn::If [condition, " C", ""].
std::set<std::pair<std::string, std::string>> words(const Value& v) {
  std::set<std::pair<std::string, std::string>> out;
  auto split = [&out](const std::string& text, const std::string& condition) {
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(' ', pos)) != std::string::npos) {
      std::size_t end = text.find(' ', pos);
      out.insert({text.substr(pos, end - pos), condition});
      pos = end;
    }
  };
  if (v.is_string()) {
    split(v.text(), "");
  } else {
    REQUIRE(v.is_function("Fn::Join"));
    for (const auto& piece : v.argument().items()[1].items()) {
      if (piece.is_string()) {
        split(piece.text(), "");
      } else {
        REQUIRE(piece.is_function("Fn::If"));
        CHECK(piece.argument().items()[2] == Value(""));
        split(piece.argument().items()[1].text(), piece.argument().items()[0].text());
      }
    }
  }
  return out;
}

const Value* environment_value(const Value& container, const std::string& name) {
  if (const Value* env = container.find("Environment"))
    for (const auto& e : env->items())
      if (test::unwrap_if(e).find("Name")->text() == name) return test::unwrap_if(e).find("Value");
  return nullptr;
}

// Variables of a TTS container that are neither for the wrapper nor TTN_LW_* settings: read by
// the image itself. Each is an open point of the contract (docs/decisions-config.md).
const std::set<std::string> kImageVariables{"TTS_INTEROP_SEMTECH_RJS", "TTS_PLUGINS_BUCKET"};

// The containers of The Things Stack: those started through the wrapper.
bool runs_tts(const Value& container) {
  const Value* entry = container.find("EntryPoint");
  return entry && entry->items().size() == 4 && entry->items()[2] == Value(stacks::ecs::tts_start_script());
}

// The alternatives of a value: both branches of every Fn::If at its top.
std::vector<const Value*> alternatives(const Value& v) {
  if (!v.is_function("Fn::If")) return {&v};
  std::vector<const Value*> out;
  for (std::size_t branch : {1u, 2u}) {
    const Value& b = v.argument().items()[branch];
    if (b.is_function("Ref") && b.argument().text() == "AWS::NoValue") continue;
    for (const Value* a : alternatives(b)) out.push_back(a);
  }
  return out;
}

// The JSON keys of a secret as its producer writes it, or nullopt for a plain (whole) value.
// Read from the model: SecretString (JSON text with ${…} placeholders, or a plain Ref) and
// GenerateSecretString (SecretStringTemplate plus GenerateStringKey, or a plain generated value).
struct Layout {
  bool json = false;
  std::set<std::string> keys;
};
// The keys of a JSON object text whose ${…} placeholders CloudFormation fills in.
std::set<std::string> json_keys(const std::string& text) {
  nlohmann::json object = nlohmann::json::parse(std::regex_replace(text, std::regex("\\$\\{[^}]*\\}"), "x"));
  std::set<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.insert(it.key());
  return keys;
}
std::vector<Layout> layouts(const cfn::Resource& secret) {
  std::vector<Layout> out;
  if (const Value* text = test::property(secret, "SecretString"))
    for (const Value* alt : alternatives(*text)) {
      std::string body = alt->is_string() ? alt->text() : alt->is_function("Fn::Sub") ? alt->argument().text() : "";
      if (body.rfind("{", 0) != 0) {
        out.push_back({});
        continue;
      }
      out.push_back({true, json_keys(body)});
    }
  if (const Value* generated = test::property(secret, "GenerateSecretString"))
    for (const Value* alt : alternatives(*generated)) {
      const Value* tmpl = alt->find("SecretStringTemplate");
      if (!tmpl) {
        out.push_back({});
        continue;
      }
      Layout l{true, json_keys(tmpl->is_string() ? tmpl->text() : tmpl->argument().text())};
      l.keys.insert(alt->find("GenerateStringKey")->text());
      out.push_back(l);
    }
  return out;
}

// The secret resource a ValueFrom names: the producer's (through the export it imports) or one of
// the template's own.
const cfn::Resource* secret_resource(const test::Deployment& d, const cfn::Template& t, const eval::Scope& scope,
                                     const Value& value_from) {
  const cfn::Resource* found = nullptr;
  test::walk(value_from, [&](const Value& v) {
    if (found) return;
    if (v.is_function("Fn::ImportValue")) {
      std::string stack;
      const cfn::Output* o = d.exporter(scope.resolve(v.argument()), &stack);
      if (o && o->value().is_function("Ref")) found = d.model(stack).tmpl.find_resource(o->value().argument().text());
    } else if (v.is_function("Ref")) {
      const auto* r = t.find_resource(v.argument().text());
      if (r && r->type() == "AWS::SecretsManager::Secret") found = r;
    }
  });
  return found;
}

}  // namespace

TEST_CASE("the start wrapper of the TTS containers passes sh -n and does what the contract says", "[stacks][ecs][contract]") {
  // The readable file and the copy in the task definitions (comments dropped) both parse.
  std::string dir = "tts-start-test";
  std::filesystem::create_directories(dir + "/bin");
  {
    std::ofstream(dir + "/tts-start.sh") << std::string(embedded::file("ecs/tts-start.sh"));
    std::ofstream(dir + "/tts-start.min.sh") << stacks::ecs::tts_start_script();
  }
  CHECK(std::system(("/bin/sh -n " + dir + "/tts-start.sh").c_str()) == 0);
  CHECK(std::system(("/bin/sh -n " + dir + "/tts-start.min.sh").c_str()) == 0);
  // No comment line survives.
  CHECK_FALSE(std::regex_search(stacks::ecs::tts_start_script(), std::regex("(^|\n) *#")));

  // Run it as a task would, with a tti-lw-stack that prints what it gets.
  {
    std::ofstream fake(dir + "/bin/tti-lw-stack");
    fake << "#!/bin/sh\necho \"ARGS $*\"\nfor a in \"$@\"; do case $a in *.yml) echo \"FILE $(cat \"$a\")\";; esac; done\n"
            "env | grep '^TTN_LW_' | sort\n";
  }
  std::filesystem::permissions(dir + "/bin/tti-lw-stack", std::filesystem::perms::owner_all);
  std::string run = "cd " + dir + " && env -i PATH=\"$PWD/bin:/usr/bin:/bin\" TMPDIR=\"$PWD\" "
                    "TTS_CONFIG_DOCUMENTS='GLOBAL GS RATE_LIMITING' TTS_CONFIG_GLOBAL='log: {}' TTS_CONFIG_GS='gs: {}' "
                    "TTS_CONFIG_RATE_LIMITING='rate-limiting: {}' TTS_DATABASES=' IS' TTS_IS_DATABASE_HOST=db "
                    "TTS_IS_DATABASE_PORT=5432 TTS_IS_DATABASE_NAME=ttn TTS_IS_DATABASE_USERNAME=u "
                    "TTS_IS_DATABASE_PASSWORD=p TTS_IS_DATABASE_READ_HOST=ro TTS_SERVICE_DISCOVERY_NAMESPACE=svc.local "
                    "TTN_LW_CLUSTER_IDENTITY_SERVER=is-proxy.svc.local:1884 TTS_FILES='TTGC_TLS_CERTIFICATE TTGC_TLS_KEY' "
                    "TTS_FILE_TTGC_TLS_CERTIFICATE=Q0VSVA== TTS_FILE_TTGC_TLS_KEY= "
                    "/bin/sh -c \"$(cat tts-start.min.sh)\" tts-start tti-lw-stack start gs";
  FILE* pipe = popen(run.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  CHECK(pclose(pipe) == 0);
  INFO(out);
  CHECK(std::regex_search(out, std::regex("ARGS --config \\S+/GLOBAL.yml --config \\S+/GS.yml --config \\S+/RATE_LIMITING.yml start gs\n")));
  CHECK(out.find("FILE log: {}\nFILE gs: {}\nFILE rate-limiting: {}\n") != std::string::npos);
  CHECK(out.find("TTN_LW_IS_DATABASE_URI=postgres://u:p@db:5432/ttn?sslmode=require\n") != std::string::npos);
  CHECK(out.find("TTN_LW_IS_READ_DATABASE_URI=postgres://u:p@ro:5432/ttn?sslmode=require\n") != std::string::npos);
  CHECK(out.find("TTN_LW_CLUSTER_IDENTITY_SERVER=is-proxy.svc.local:1884\n") != std::string::npos);  // kept
  CHECK(out.find("TTN_LW_CLUSTER_GATEWAY_SERVER=gs.svc.local:1884\n") != std::string::npos);
  CHECK(out.find("TTN_LW_CLUSTER_DEVICE_REPOSITORY=as.svc.local:1884\n") != std::string::npos);
  CHECK(std::regex_search(out, std::regex("TTN_LW_TTGC_TLS_CERTIFICATE=\\S+/TTGC_TLS_CERTIFICATE\n")));
  CHECK(out.find("TTN_LW_TTGC_TLS_KEY") == std::string::npos);  // empty: left out
  // A document the list names but the task does not give is an error, not an empty file.
  CHECK(std::system(("cd " + dir + " && env -i PATH=\"$PWD/bin:/usr/bin:/bin\" TTS_CONFIG_DOCUMENTS=GLOBAL "
                     "TTS_SERVICE_DISCOVERY_NAMESPACE=x /bin/sh -c \"$(cat tts-start.min.sh)\" tts-start tti-lw-stack "
                     "start gs 2>/dev/null >/dev/null")
                        .c_str()) != 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("TTS containers: every list the wrapper reads matches the task definition's entries", "[stacks][ecs][contract]") {
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    int tts_containers = 0;
    for (const auto* model : ecs_models(d)) {
      for (const auto* task : test::resources_of_type(model->tmpl, "AWS::ECS::TaskDefinition"))
        for (const Value* c : containers(*task)) {
          if (!runs_tts(*c)) continue;
          ++tts_containers;
          INFO(v.str() << " " << task->id());
          CHECK(c->find("EntryPoint")->items()[0] == Value("/bin/sh"));
          CHECK(c->find("Command")->items()[0] == Value("tti-lw-stack"));
          auto env = named_entries(*c, "Environment");
          auto secrets = named_entries(*c, "Secrets");
          // Documents: TTS_CONFIG_<DOC> in Secrets exactly for the listed documents, global first.
          const Value* documents = environment_value(*c, "TTS_CONFIG_DOCUMENTS");
          REQUIRE(documents);
          CHECK((documents->is_string() ? documents->text() : documents->argument().items()[1].items()[0].text())
                    .rfind("GLOBAL", 0) == 0);
          std::set<std::pair<std::string, std::string>> listed, given;
          for (const auto& [doc, condition] : words(*documents)) listed.insert({"TTS_CONFIG_" + doc, condition});
          for (const auto& entry : secrets)
            if (entry.first.rfind("TTS_CONFIG_", 0) == 0) given.insert(entry);
          CHECK(listed == given);
          // Databases: the parts of each URI, under the same condition.
          std::set<std::string> database_keys;
          if (const Value* databases = environment_value(*c, "TTS_DATABASES"))
            for (const auto& [key, condition] : words(*databases)) {
              INFO(key);
              database_keys.insert(key);
              for (const char* part : {"HOST", "PORT", "NAME"})
                CHECK(env.count({"TTS_" + key + "_DATABASE_" + part, condition}));
              for (const char* part : {"USERNAME", "PASSWORD"})
                CHECK(secrets.count({"TTS_" + key + "_DATABASE_" + part, condition}));
            }
          for (const auto& [name, condition] : env)
            if (std::smatch m; std::regex_match(name, m, std::regex("TTS_(.+)_DATABASE_[A-Z_]+")))
              CHECK(database_keys.count(m[1]));
          // Files: TTS_FILE_<KEY> secrets exactly for the listed keys.
          std::set<std::string> file_keys, file_secrets;
          if (const Value* files = environment_value(*c, "TTS_FILES"))
            for (const auto& [key, condition] : words(*files)) file_keys.insert("TTS_FILE_" + key);
          for (const auto& entry : secrets)
            if (entry.first.rfind("TTS_FILE_", 0) == 0) file_secrets.insert(entry.first);
          CHECK(file_keys == file_secrets);
          // Every other helper variable is one the wrapper reads; the rest are TTN_LW_* settings.
          for (const auto& [name, condition] : env) {
            INFO(name);
            bool wrapper = name == "TTS_CONFIG_DOCUMENTS" || name == "TTS_DATABASES" || name == "TTS_FILES" ||
                           name == "TTS_SERVICE_DISCOVERY_NAMESPACE" || std::regex_match(name, std::regex("TTS_.+_DATABASE_[A-Z_]+"));
            CHECK((wrapper || name.rfind("TTN_LW_", 0) == 0 || name == "GOGC" || kImageVariables.count(name)));
          }
        }
    }
    CHECK(tts_containers >= 10);
  }
}

TEST_CASE("no secret-bearing value in an ECS container's Environment", "[stacks][ecs][contract]") {
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    for (const auto* model : ecs_models(d)) {
      const auto& t = model->tmpl;
      std::set<std::string> no_echo;
      for (const auto& p : t.parameters())
        if (p.is_no_echo()) no_echo.insert(p.id());
      for (const auto* task : test::resources_of_type(t, "AWS::ECS::TaskDefinition"))
        for (const Value* c : containers(*task)) {
          const Value* env = c->find("Environment");
          if (!env) continue;
          INFO(v.str() << " " << task->id());
          test::walk(*env, [&](const Value& x) {
            // NoEcho parameters and dynamic references carry secret values.
            if (x.is_function("Ref")) CHECK(no_echo.count(x.argument().text()) == 0);
            if (x.is_string()) CHECK(x.text().find("{{resolve:") == std::string::npos);
            if (x.is_function("Fn::Sub") && x.argument().is_list()) CHECK(x.argument().items()[0].text().find("{{resolve:") == std::string::npos);
          });
          for (const auto& [name, condition] : named_entries(*c, "Environment")) {
            INFO(name);
            // Names that say "secret" go through Secrets, and so do database URIs (they hold the
            // password) and user names.
            CHECK_FALSE(std::regex_search(name, std::regex("(PASSWORD|SECRET|_KEY|KEYS|TOKEN|CREDENTIALS|CERTIFICATE|USERNAME|_URI|CLIENT_ID)$")));
          }
          // And no Environment entry shadows a secret of the same container.
          for (const auto& [name, condition] : named_entries(*c, "Secrets"))
            CHECK(environment_value(*c, name) == nullptr);
        }
    }
  }
}

TEST_CASE("every ValueFrom of a secret names a JSON key of the producer's layout, or reads a plain secret whole",
          "[stacks][ecs][contract]") {
  for (const auto& v : catalog::supported_releases()) {
    test::Deployment d(v);
    int keyed = 0;
    for (const auto* model : ecs_models(d)) {
      const auto& t = model->tmpl;
      auto scope = d.scope(t);
      for (const auto* task : test::resources_of_type(t, "AWS::ECS::TaskDefinition"))
        for (const Value* c : containers(*task)) {
          const Value* secrets = c->find("Secrets");
          if (!secrets) continue;
          for (const auto& e : secrets->items()) {
            const Value& entry = test::unwrap_if(e);
            INFO(v.str() << " " << task->id() << " " << entry.find("Name")->text());
            for (const Value* from : alternatives(*entry.find("ValueFrom"))) {
              std::string resolved = scope.resolve(*from);
              if (resolved.rfind("arn:aws:secretsmanager:", 0) != 0) continue;  // an SSM parameter (A)
              // arn:aws:secretsmanager:<region>:<account>:secret:<name>[:<json-key>::]
              std::vector<std::string> parts;
              for (std::size_t pos = 0;;) {
                std::size_t next = resolved.find(':', pos);
                parts.push_back(resolved.substr(pos, next - pos));
                if (next == std::string::npos) break;
                pos = next + 1;
              }
              REQUIRE((parts.size() == 7 || parts.size() == 10));
              const cfn::Resource* secret = secret_resource(d, t, scope, *from);
              REQUIRE(secret);
              auto found = layouts(*secret);
              REQUIRE_FALSE(found.empty());
              for (const Layout& layout : found) {
                INFO("producer " << secret->id());
                if (parts.size() == 10) {
                  ++keyed;
                  CHECK(layout.json);
                  CHECK(layout.keys.count(parts[7]));
                  CHECK(parts[8].empty());
                  CHECK(parts[9].empty());
                } else {
                  CHECK_FALSE(layout.json);  // a JSON secret is read by its documented keys
                }
              }
            }
          }
        }
    }
    CHECK(keyed > 10);
  }
}
