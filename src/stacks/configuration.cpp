#include "ttsgen/stacks/configuration.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "ttsgen/catalog/changes.hpp"
#include "ttsgen/cfn/intrinsics.hpp"
#include "ttsgen/cfn/references.hpp"
#include "ttsgen/stacks/common.hpp"

namespace ttsgen::stacks::config {

using namespace cfn;

namespace {

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// A marker at the end of a line says in which releases the line exists:
//   "  # since kTTGPListener"  from the release of that named change (catalog/changes.hpp) on;
//   "  # before kGSGatewayTokensHashKeyConfigRemoved"  in the releases before it;
//   "  # since 3.22.1" / "  # until 3.23.2"  history before 3.24.0, which has no named change.
// The marker is removed from `line`.
bool in_release(std::string_view& line, const Release& release) {
  std::size_t mark = line.find("  # ");
  if (mark == std::string_view::npos) return true;
  std::string_view comment = line.substr(mark + 4);
  line = trim_right(line.substr(0, mark));
  const std::size_t space = comment.find(' ');
  const std::string_view word = comment.substr(0, space);
  const std::string_view what = space == std::string_view::npos ? std::string_view{} : comment.substr(space + 1);
  if (word != "since" && word != "until" && word != "before")
    throw std::logic_error("configuration document: unknown marker '# " + std::string(comment) + "'");
  std::optional<catalog::Version> version;
  if (what.starts_with("k")) {
    for (const catalog::Change* c : catalog::all_changes())
      if (what.substr(1) == c->name) version = c->release;
    if (!version) throw std::logic_error("configuration document: no named change '" + std::string(what) + "'");
  } else {
    version = catalog::parse_version(what);
    if (!version) throw std::logic_error("configuration document: bad release in '# " + std::string(comment) + "'");
  }
  if (word == "since") return release >= *version;
  if (word == "before") return release < *version;
  return release <= *version;
}

std::vector<std::string> split_key(std::string_view dotted) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = dotted.find('.', start);
    parts.emplace_back(dotted.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (parts.back().empty()) throw std::logic_error("configuration key '" + std::string(dotted) + "' has an empty part");
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

YamlTree::Node* find_child(YamlTree::Node& node, const std::string& key) {
  for (auto& c : node.children)
    if (c.key == key) return &c;
  return nullptr;
}

void emit(const YamlTree::Node& node, std::size_t depth, std::string& out) {
  for (const auto& c : node.children) {
    out.append(depth * 2, ' ');
    out += c.key + ":";
    if (!c.value.empty()) out += " " + c.value;
    out += "\n";
    for (const auto& item : c.items) {
      out.append(depth * 2 + 2, ' ');
      out += "- " + item + "\n";
    }
    emit(c, depth + 1, out);
  }
}

}  // namespace

std::string select_release(std::string_view document, const Release& release) {
  std::string out;
  // While skipping a marked line, every line indented deeper than it goes too.
  std::size_t skip_deeper_than = std::string_view::npos;
  for (std::string_view line : split_lines(document)) {
    std::string_view content = trim_right(line);
    std::size_t indent = indent_of(content);
    if (content.size() == indent) continue;  // blank
    if (skip_deeper_than != std::string_view::npos) {
      if (indent > skip_deeper_than) continue;
      skip_deeper_than = std::string_view::npos;
    }
    if (content[indent] == '#') continue;  // full-line comment
    if (!in_release(content, release)) {
      skip_deeper_than = indent;
      continue;
    }
    out.append(content);
    out += '\n';
  }
  return out;
}

YamlTree YamlTree::parse(std::string_view text) {
  YamlTree tree;
  // The mapping nodes that are open, with the indentation of their key.
  std::vector<std::pair<std::size_t, Node*>> open{{0, &tree.root_}};
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    line = trim_right(line);
    std::size_t indent = indent_of(line);
    if (line.size() == indent || line[indent] == '#') continue;
    std::string_view content = line.substr(indent);
    if (content.rfind("- ", 0) == 0) {
      Node* owner = open.back().second;
      if (owner == &tree.root_ || !owner->value.empty() || !owner->children.empty() || indent <= open.back().first)
        throw std::logic_error("configuration document: sequence item without its key: '" + std::string(content) + "'");
      owner->items.emplace_back(content.substr(2));
      continue;
    }
    std::size_t colon = content.find(':');
    if (colon == std::string_view::npos || colon == 0 || (colon + 1 < content.size() && content[colon + 1] != ' '))
      throw std::logic_error("configuration document: expected 'key: value', got '" + std::string(content) + "'");
    if (first && indent != 0) throw std::logic_error("configuration document: first key is indented");
    first = false;
    // Close the mappings this line is not inside of.
    while (open.size() > 1 && indent <= open.back().first) open.pop_back();
    Node* parent = open.back().second;
    if (parent != &tree.root_ && (!parent->value.empty() || !parent->items.empty()))
      throw std::logic_error("configuration document: '" + parent->key + "' has a value and nested keys");
    Node node;
    node.key = std::string(content.substr(0, colon));
    if (colon + 1 < content.size()) node.value = std::string(content.substr(colon + 2));
    if (find_child(*parent, node.key)) throw std::logic_error("configuration document: duplicate key '" + node.key + "'");
    // Growing parent->children moves only nodes that are no longer open (the siblings before
    // this one were closed above), so the pointers in `open` stay valid.
    parent->children.push_back(std::move(node));
    open.emplace_back(indent, &parent->children.back());
  }
  return tree;
}

void YamlTree::set(std::string_view dotted_key, std::string value) {
  std::vector<std::string> parts = split_key(dotted_key);
  Node* node = &root_;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    Node* child = find_child(*node, parts[i]);
    if (!child) {
      if (!node->value.empty() || !node->items.empty())
        throw std::logic_error("configuration key '" + std::string(dotted_key) + "': '" + node->key + "' already has a value");
      node->children.push_back(Node{parts[i], {}, {}, {}});
      child = &node->children.back();
    }
    node = child;
  }
  if (!node->value.empty() || !node->items.empty() || !node->children.empty())
    throw std::logic_error("configuration key '" + std::string(dotted_key) + "' is set twice");
  node->value = std::move(value);
}

bool YamlTree::has(std::string_view dotted_key) const {
  const Node* node = &root_;
  for (const auto& part : split_key(dotted_key)) {
    auto it = std::find_if(node->children.begin(), node->children.end(), [&](const Node& n) { return n.key == part; });
    if (it == node->children.end()) return false;
    node = &*it;
  }
  return true;
}

std::string YamlTree::str() const {
  std::string out;
  emit(root_, 0, out);
  return out;
}

std::size_t max_resolved_size(const Parameter& p) {
  if (!p.allowed_values().empty()) {
    std::size_t longest = 0;
    for (const auto& v : p.allowed_values()) longest = std::max(longest, v.size());
    return longest;
  }
  if (p.type() == param_type::kNumber) {
    if (!p.min_value() || !p.max_value())
      throw std::logic_error("parameter " + p.id() + " is used in a document but has no MinValue/MaxValue");
    std::size_t digits = std::max(std::to_string(*p.min_value()).size(), std::to_string(*p.max_value()).size());
    return digits;
  }
  if (!p.max_length()) throw std::logic_error("parameter " + p.id() + " is used in a document but has no MaxLength");
  return static_cast<std::size_t>(*p.max_length());
}

namespace {

std::size_t pseudo_parameter_size(const std::string& name) {
  // Longest values in use today, with room to spare.
  if (name == "AWS::AccountId") return 12;
  if (name == "AWS::Region") return 32;
  if (name == "AWS::Partition") return 16;
  if (name == "AWS::URLSuffix") return 32;
  if (name == "AWS::StackName") return 128;
  throw std::logic_error("no size bound for ${" + name + "}");
}

std::size_t sub_size(const Template& t, const Value& arg) {
  const Value* text = &arg;
  const Value* variables = nullptr;
  if (arg.is_list()) {
    text = &arg.items().at(0);
    variables = &arg.items().at(1);
  }
  const std::string& s = text->text();
  // "${!Literal}" renders as "${Literal}": one byte shorter.
  std::size_t size = s.size();
  for (std::size_t pos = s.find("${!"); pos != std::string::npos; pos = s.find("${!", pos + 3)) --size;
  for (const auto& var : sub_variables(s)) {
    size -= var.size() + 3;  // "${" + name + "}"
    const Value* local = variables ? variables->find(var) : nullptr;
    if (local) {
      size += max_resolved_size(t, *local);
    } else if (const Parameter* p = t.find_parameter(var)) {
      size += max_resolved_size(*p);
    } else {
      size += pseudo_parameter_size(var);
    }
  }
  return size;
}

}  // namespace

std::size_t max_resolved_size(const Template& t, const Value& v) {
  if (v.is_string()) return v.text().size();
  if (v.is_function("Ref")) {
    const Parameter* p = t.find_parameter(v.argument().text());
    if (p) return max_resolved_size(*p);
    return pseudo_parameter_size(v.argument().text());
  }
  if (v.is_function("Fn::If")) {
    return std::max(max_resolved_size(t, v.argument().items().at(1)), max_resolved_size(t, v.argument().items().at(2)));
  }
  if (v.is_function("Fn::Sub")) return sub_size(t, v.argument());
  if (v.is_function("Fn::Join")) {
    const Value& arg = v.argument();
    const Value& items = arg.items().at(1);
    std::size_t size = 0;
    for (const auto& item : items.items()) size += max_resolved_size(t, item);
    if (items.size() > 1) size += arg.items().at(0).text().size() * (items.size() - 1);
    return size;
  }
  throw std::logic_error("no size bound for " + describe(v));
}

Value parameter_name(std::string_view path) { return ssm_parameter_name("config/" + std::string(path)); }

Resource& document_parameter(StackBuilder& s, const std::string& logical_id, std::string_view path,
                             const std::string& description, Value value) {
  std::size_t size = max_resolved_size(s.tmpl(), value);
  if (size > kAdvancedTierLimit)
    throw std::logic_error(logical_id + " can take " + std::to_string(size) + " bytes, more than the " +
                           std::to_string(kAdvancedTierLimit) + " of an Advanced SSM parameter: split it");
  // Standard parameters are free; Advanced ones cost a little each month, so only documents that
  // may outgrow 4 KB are Advanced. A tier is chosen from the largest value the parameters allow,
  // not from the defaults, so no input can make CloudFormation fail the update.
  const char* tier = size > kStandardTierLimit ? "Advanced" : "Standard";
  return s.resource(logical_id, "AWS::SSM::Parameter")
      .set("Name", parameter_name(path))
      .set("Description", description)
      .set("Type", "String")
      .set("Tier", tier)
      .set("Value", std::move(value))
      .set("Tags", Value::map({{"Network", ref(s.network_name())},
                               {"Environment", ref(s.environment())},
                               {"Cluster", ref(s.cluster())}}));
}

Value unless_included(const Condition& included, Value document, const std::string& why) {
  return if_(included, std::move(document), "# " + why + "\n");
}

}  // namespace ttsgen::stacks::config
