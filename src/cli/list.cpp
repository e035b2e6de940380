// ttsgen list: the stacks of a release in numbering order, with what an operator needs to plan a
// deployment: title, optional or not, which cluster role deploys it, what it depends on, and the
// size of its template against CloudFormation's quotas.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "command.hpp"
#include "ttsgen/render/render.hpp"
#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"

namespace ttsgen::cli {

namespace {

struct ListOptions {
  std::string version;
  std::string format = "text";
};

int run_list(const ListOptions& o) {
  catalog::Version v = release_from(o.version);
  auto built = stacks::build_release(v);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& b : built) {
    std::vector<std::string> depends_on;
    for (const catalog::Stack* d : stacks::dependencies_of(b.model, v))
      depends_on.push_back(d->exists_in(v) ? d->name_at(v) : d->key + " (not in " + v.str() + ")");
    std::string yaml = render::render(b.model.tmpl, render::Format::Yaml);
    rows.push_back({{"name", b.name},
                    {"key", b.stack->key},
                    {"title", b.stack->title},
                    {"optional", b.stack->optional},
                    {"cluster_role", std::string(catalog::to_string(b.stack->role))},
                    {"multiplicity", b.stack->multiplicity.empty() ? "once per cluster" : b.stack->multiplicity},
                    {"depends_on", depends_on},
                    {"parameters", b.model.tmpl.parameters().size()},
                    {"resources", b.model.tmpl.resources().size()},
                    {"outputs", b.model.tmpl.outputs().size()},
                    {"bytes", yaml.size()}});
  }
  if (o.format == "json") {
    nlohmann::ordered_json j{{"version", v.str()}, {"stacks", rows}};
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("Stacks of release {} in deployment order (bytes: YAML template; quota 1,000,000 via S3)\n\n", v.str());
  std::cout << fmt::format("{:<36} {:<9} {:<9} {:>9} {:>5}  {}\n", "NAME", "OPTIONAL", "ROLE", "BYTES", "RES", "DEPENDS ON");
  for (const auto& r : rows) {
    std::string deps;
    for (const auto& d : r["depends_on"]) deps += (deps.empty() ? "" : ", ") + d.get<std::string>();
    std::cout << fmt::format("{:<36} {:<9} {:<9} {:>9} {:>5}  {}\n", r["name"].get<std::string>(),
                             r["optional"].get<bool>() ? "optional" : "required", r["cluster_role"].get<std::string>(),
                             r["bytes"].get<std::size_t>(), r["resources"].get<std::size_t>(), deps.empty() ? "-" : deps);
    std::cout << fmt::format("    {}\n", r["title"].get<std::string>());
  }
  return 0;
}

}  // namespace

Runner setup_list(CLI::App& command) {
  auto o = std::make_shared<ListOptions>();
  command.add_option("--version", o->version, "Release (default: the newest, " + catalog::newest_release().str() + ")")->check(kNonEmpty);
  add_output_format(command, o->format, {"text", "json"});
  return [o] { return run_list(*o); };
}

}  // namespace ttsgen::cli
