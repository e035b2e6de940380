// ttsgen graph: the stack dependency graph of a release, derived from the imports and exports of
// its templates as written, and the deployment order (numbering order, which the graph must
// allow). A dependency cycle is an error (exit 1); the graph is still printed so it can be seen.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "ttsgen/check/set_checks.hpp"

namespace ttsgen::cli {

namespace {

struct GraphOptions {
  std::string version;
  std::string dir;
  std::string format = "text";
};

// "${NetworkName}-${Environment}-${Cluster}-VpcId" reads as "VpcId" in a graph.
std::string short_name(const std::string& pattern) {
  constexpr std::string_view prefix = "${NetworkName}-${Environment}-${Cluster}-";
  return pattern.rfind(prefix, 0) == 0 ? pattern.substr(prefix.size()) : pattern;
}

std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

struct Node {
  std::string name, key, title, role;
  bool optional = false;
  std::string multiplicity;
};

std::vector<Node> nodes_of(const check::TemplateSet& set) {
  std::vector<Node> nodes;
  for (const auto& t : set.templates) {
    Node n{t.name, "", "", "", false, ""};
    if (t.stack) {
      n.key = t.stack->key;
      n.title = t.stack->title;
      n.role = std::string(catalog::to_string(t.stack->role));
      n.optional = t.stack->optional;
      n.multiplicity = t.stack->multiplicity;
    }
    nodes.push_back(std::move(n));
  }
  return nodes;
}

void print_text(const check::TemplateSet& set, const check::SetAnalysis& a, const std::vector<Node>& nodes) {
  std::cout << "Deployment order of " << (set.version ? "release " : "") << set.label << " (derived from the imports):\n";
  const auto& order = a.order.ok() ? a.order.order : std::vector<std::size_t>{};
  for (std::size_t pos = 0; pos < order.size(); ++pos) {
    std::size_t i = order[pos];
    std::string after;
    for (std::size_t d : a.graph.dependencies_of(i)) after += (after.empty() ? "" : ", ") + nodes[d].name;
    std::string tags = nodes[i].role.empty() ? "" : nodes[i].role + (nodes[i].optional ? ", optional" : "");
    std::cout << fmt::format("{:>3}. {:<36} {:<18} {}\n", pos + 1, nodes[i].name, tags.empty() ? "" : "(" + tags + ")",
                             after.empty() ? "" : "after " + after);
  }
  if (!a.graph.edges.empty()) std::cout << "\nImports:\n";
  for (const auto& e : a.graph.edges) {
    std::string names;
    for (const auto& n : e.imports) names += (names.empty() ? "" : ", ") + short_name(n);
    std::cout << fmt::format("  {} ← {}: {}\n", nodes[e.consumer].name, nodes[e.producer].name, names);
  }
}

void print_dot(const check::TemplateSet& set, const check::SetAnalysis& a, const std::vector<Node>& nodes) {
  std::cout << "digraph " << quoted("ttsgen " + set.label) << " {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (const auto& n : nodes) {
    std::string label = n.name + (n.role.empty() ? "" : "\\n" + n.role);
    std::cout << "  " << quoted(n.name) << " [label=\"" << label << "\"" << (n.optional ? ", style=dashed" : "") << "];\n";
  }
  for (const auto& e : a.graph.edges) {
    std::string names;
    for (const auto& n : e.imports) names += (names.empty() ? "" : "\\n") + short_name(n);
    std::cout << "  " << quoted(nodes[e.producer].name) << " -> " << quoted(nodes[e.consumer].name) << " [tooltip=\"" << names
              << "\"];\n";
  }
  std::cout << "}\n";
}

void print_mermaid(const check::SetAnalysis& a, const std::vector<Node>& nodes) {
  std::cout << "flowchart LR\n";
  for (std::size_t i = 0; i < nodes.size(); ++i)
    std::cout << "  n" << i << (nodes[i].optional ? "([\"" : "[\"") << nodes[i].name << (nodes[i].optional ? "\"])" : "\"]") << "\n";
  for (const auto& e : a.graph.edges) std::cout << "  n" << e.producer << " --> n" << e.consumer << "\n";
}

void print_json(const check::TemplateSet& set, const check::SetAnalysis& a, const std::vector<Node>& nodes) {
  nlohmann::ordered_json j;
  j["version"] = set.version ? set.version->str() : "";
  j["order"] = nlohmann::ordered_json::array();
  if (a.order.ok())
    for (std::size_t i : a.order.order) j["order"].push_back(nodes[i].name);
  j["cycle"] = nlohmann::ordered_json::array();
  for (std::size_t i : a.order.cycle) j["cycle"].push_back(nodes[i].name);
  j["stacks"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nlohmann::ordered_json deps = nlohmann::ordered_json::array();
    for (std::size_t d : a.graph.dependencies_of(i)) deps.push_back(nodes[d].name);
    j["stacks"].push_back({{"name", nodes[i].name},
                           {"file", nodes[i].name + ".gen.template"},
                           {"key", nodes[i].key},
                           {"title", nodes[i].title},
                           {"cluster_role", nodes[i].role},
                           {"optional", nodes[i].optional},
                           {"multiplicity", nodes[i].multiplicity},
                           {"depends_on", deps}});
  }
  j["edges"] = nlohmann::ordered_json::array();
  for (const auto& e : a.graph.edges)
    j["edges"].push_back({{"from", nodes[e.producer].name}, {"to", nodes[e.consumer].name}, {"imports", e.imports}});
  std::cout << j.dump(2) << "\n";
}

int run_graph(const GraphOptions& o) {
  check::TemplateLoader loader;
  check::TemplateSet set;
  try {
    std::optional<catalog::Version> v;
    if (!o.version.empty() || o.dir.empty()) v = release_from(o.version);
    set = o.dir.empty() ? loader.release(*v) : loader.folder(o.dir, v);
  } catch (const check::LoadError& e) {
    throw UsageError(e.what());
  }
  // A template that does not parse has no imports or exports: the graph without it would be wrong
  // without saying so.
  for (const auto& t : set.templates)
    if (!t.parsed->error.empty())
      throw UsageError("'" + (std::filesystem::path(o.dir) / (t.name + ".gen.template")).string() +
                       "' does not parse: " + t.parsed->error + " (run 'ttsgen validate --dir " + o.dir + "')");
  spdlog::debug("graph of {}: {} templates", set.label, set.templates.size());
  check::SetAnalysis a = check::analyse_set(set);
  auto nodes = nodes_of(set);
  if (o.format == "dot") print_dot(set, a, nodes);
  else if (o.format == "mermaid") print_mermaid(a, nodes);
  else if (o.format == "json") print_json(set, a, nodes);
  else print_text(set, a, nodes);
  if (!a.order.ok()) {
    std::string cycle;
    for (std::size_t i : a.order.cycle) cycle += (cycle.empty() ? "" : " → ") + nodes[i].name;
    std::cerr << "ttsgen graph: error: dependency cycle: " << cycle << " (each imports from the one before it)\n";
    return kExitFindings;
  }
  return 0;
}

}  // namespace

Runner setup_graph(CLI::App& command) {
  auto o = std::make_shared<GraphOptions>();
  command.add_option("--version", o->version, "Release (default: the newest, " + catalog::newest_release().str() + ")")->check(kNonEmpty);
  command.add_option("--dir", o->dir, "Read the *.gen.template files of this folder instead of rendering a release")->check(kNonEmpty);
  add_output_format(command, o->format, {"text", "dot", "mermaid", "json"});
  command.footer("Edges point from the exporting stack to the importing one. Exit 1 on a dependency cycle.");
  return [o] { return run_graph(*o); };
}

}  // namespace ttsgen::cli
