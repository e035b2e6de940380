// Text and Markdown share one walk over the diff; a Report knows how each kind of line looks in
// its format: for text an indented outline with +/-/~ markers, for Markdown an UPGRADING section
// with bullet lists and ```diff blocks.
#include <algorithm>

#include "format_common.hpp"
#include "ttsgen/diff/format.hpp"
#include "ttsgen/util/markdown.hpp"

namespace ttsgen::diff {

namespace {

using cfn::Value;
using detail::diff_lines;
using detail::inline_change;

class Report {
 public:
  explicit Report(bool markdown) : md_(markdown) {}

  std::string code(const std::string& s) const {
    if (!md_) return s;
    if (s.find('`') == std::string::npos) return "`" + s + "`";
    return "`` " + s + " ``";
  }
  std::string plain(const std::string& s) const { return md_ ? util::markdown_escape(s) : s; }
  std::string strong(const std::string& s) const { return md_ ? "**" + s + "**" : s; }

  void heading(int level, const std::string& text) {
    if (md_) {
      blank();
      out_ += std::string(static_cast<std::size_t>(level), '#') + " " + text + "\n\n";
    } else {
      if (level > 2) blank();
      out_ += text + "\n";
    }
  }
  void paragraph(const std::string& text) {
    if (md_) {
      blank();
      out_ += text + "\n\n";
    } else {
      out_ += text + "\n";
    }
  }
  // A section of a stack: "Parameters", "Resources", ...
  void section(const std::string& title) {
    if (md_) {
      blank();
      out_ += "**" + title + "**\n\n";
    } else {
      out_ += "  " + title + "\n";
    }
  }
  void item(Change kind, const std::string& text) {
    if (md_) {
      static const char* words[] = {"Added", "Removed", "Changed"};
      out_ += "- **" + std::string(words[static_cast<int>(kind)]) + "** " + text + "\n";
    } else {
      static const char* marks[] = {"+", "-", "~"};
      out_ += "    " + std::string(marks[static_cast<int>(kind)]) + " " + text + "\n";
    }
  }
  void bullet(const std::string& text) { out_ += (md_ ? "- " : "  ") + text + "\n"; }
  void detail(const std::string& text) { out_ += (md_ ? "  - " : "        ") + text + "\n"; }
  void block(const std::vector<std::string>& lines) {
    std::string indent = md_ ? "    " : "          ";
    if (md_) out_ += indent + "```diff\n";
    for (const auto& l : lines) out_ += (l.empty() ? "" : indent + l) + "\n";
    if (md_) out_ += indent + "```\n";
  }
  void blank() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += "\n";
  }
  void raw(const std::string& text) { out_ += text; }
  bool markdown() const { return md_; }
  std::string str() const { return out_; }

 private:
  bool md_;
  std::string out_;
};

std::string data_loss_text(const Report& r, const std::string& what) { return r.strong("data loss") + ": " + r.plain(what); }

// One changed path: on one line when it fits, else its label and an indented diff.
void print_change(Report& r, const ValueChange& c, const std::string& path, const std::string& note) {
  std::string label = r.code(path);
  std::string suffix = note.empty() ? "" : " (" + note + ")";
  if (auto list = detail::list_change(c); list && path.ends_with("AllowedValues")) {
    r.detail(label + ": " + r.plain(*list) + suffix);
  } else if (auto sides = inline_change(c)) {
    auto side = [&r](const std::optional<std::string>& v) { return v ? r.code(*v) : std::string("(none)"); };
    r.detail(label + ": " + side(sides->before) + " → " + side(sides->after) + suffix);
  } else {
    r.detail(label + suffix + ":");
    r.block(diff_lines(c.before, c.after));
  }
}

void print_parameters(Report& r, const StackDiff& s) {
  if (s.parameters.empty()) return;
  r.section("Parameters");
  for (const auto& p : s.parameters) {
    std::string console;
    if (!p.label.empty()) console += "label \"" + p.label + "\"";
    if (!p.group.empty()) console += (console.empty() ? "" : ", ") + std::string("group \"") + p.group + "\"";
    std::string head = r.code(p.id);
    if (p.kind == Change::Added) {
      r.item(p.kind, head + ": " + detail::parameter_summary(p.after, r.markdown()) + (console.empty() ? "" : "; " + r.plain(console)));
      if (const Value* d = p.after.find("Description"); d && d->is_string()) r.detail(r.plain(d->text()));
      if (!p.data_loss.empty()) r.detail(data_loss_text(r, p.data_loss));
    } else if (p.kind == Change::Removed) {
      r.item(p.kind, head + " (was " + detail::parameter_summary(p.before, r.markdown()) + "); the value set in the stack is dropped");
      if (!p.data_loss.empty()) r.detail(data_loss_text(r, p.data_loss));
    } else {
      r.item(p.kind, head);
      if (!p.data_loss.empty()) r.detail(data_loss_text(r, p.data_loss));
      for (const auto& c : p.changes) {
        std::string note;
        if (detail::list_change(c) && to_string(c.path) == "AllowedValues" && c.before && c.after) {
          bool removed_any = std::any_of(c.before->items().begin(), c.before->items().end(), [&](const Value& v) {
            return std::find(c.after->items().begin(), c.after->items().end(), v) == c.after->items().end();
          });
          if (removed_any) note = "a stack that uses a removed value must choose another one in this update";
        }
        if (to_string(c.path) == "Default")
          note = p.follows_release ? "it names the release: set it in this update, existing stacks keep the value they have"
                                   : "existing stacks keep the value they have";
        print_change(r, c, to_string(c.path), note);
      }
    }
  }
}

// A whole added or removed value (a mapping of instance types, a rule) is shown up to a length;
// the JSON output has all of it.
constexpr std::size_t kMaxWholeValueLines = 20;

std::vector<std::string> shortened(std::vector<std::string> lines) {
  if (lines.size() <= kMaxWholeValueLines + 1) return lines;
  std::size_t more = lines.size() - kMaxWholeValueLines;
  lines.resize(kMaxWholeValueLines);
  lines.push_back("… " + std::to_string(more) + " more lines (all of them in --format json)");
  return lines;
}

std::string replacement_text(const Report& r, Replacement rep) {
  if (rep == Replacement::True) return r.strong("replacement");
  if (rep == Replacement::Conditional) return "possible replacement";
  return "";
}

std::string list_text(const Report& r, const std::vector<std::string>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + r.code(i);
  return text;
}

// The verdict of a modified resource: a task definition's new revision is how ECS updates a task,
// not a replacement to weigh; a conditional one names what it depends on.
std::string resource_verdict(const Report& r, const ResourceChange& res) {
  if (res.new_revision) return "new revision (ECS registers a new task definition revision; the service moves to it)";
  std::string text = replacement_text(r, res.replacement);
  if (res.replacement == Replacement::Conditional && !res.depends_on.empty()) text += ", depending on " + list_text(r, res.depends_on);
  return text;
}

std::string attribute_note(const Value& resource) {
  const Value* policy = resource.find("DeletionPolicy");
  if (!policy || !policy->is_string()) return "";
  if (policy->text() == "Retain" || policy->text() == "RetainExceptOnCreate")
    return "DeletionPolicy " + policy->text() + ": the resource is kept in the account and leaves the stack";
  if (policy->text() == "Snapshot") return "DeletionPolicy Snapshot: a final snapshot is taken";
  return "";
}

void print_resources(Report& r, const StackDiff& s) {
  if (s.resources.empty()) return;
  r.section("Resources");
  for (const auto& res : s.resources) {
    std::string head = r.code(res.id) + " (" + r.code(res.type) + ")";
    if (res.kind == Change::Added) {
      const Value* condition = res.after.find("Condition");
      r.item(res.kind, head + (condition && condition->is_string() ? ", only when " + r.code(condition->text()) : ""));
      continue;
    }
    if (res.kind == Change::Removed) {
      std::string note = attribute_note(res.before);
      r.item(res.kind, head + (note.empty() ? "" : "; " + r.plain(note)));
      if (!res.data_loss.empty()) r.detail(data_loss_text(r, res.data_loss));
      continue;
    }
    std::string rep = resource_verdict(r, res);
    if (!res.previous_id.empty()) head += ", was " + r.code(res.previous_id);
    r.item(res.kind, head + (rep.empty() ? "" : ": " + rep));
    if (!res.data_loss.empty()) r.detail(data_loss_text(r, res.data_loss));
    for (const auto& reason : res.reasons) r.detail(r.plain(reason));
    for (const auto& p : res.changes) {
      std::string note;
      if (p.replacement != Replacement::False && !res.new_revision) {
        note = replacement_text(r, p.replacement) + ": " + r.plain(p.reason);
      } else if (!p.reason.empty() && !res.new_revision) {
        note = "no replacement: " + r.plain(p.reason);
      }
      print_change(r, p.change, to_string(p.change.path), note);
    }
  }
}

// A Markdown table cell: a pipe would end the cell, also inside a code span (GFM).
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out.empty() ? " " : out;
}

void table(Report& r, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
           const std::vector<std::string>& text_lines) {
  if (!r.markdown()) {
    for (const auto& l : text_lines) r.bullet("  " + l);
    return;
  }
  r.blank();
  r.raw("|");
  for (const auto& h : header) r.raw(" " + h + " |");
  r.raw("\n|");
  for (std::size_t i = 0; i < header.size(); ++i) r.raw("---|");
  r.raw("\n");
  for (const auto& row : rows) {
    r.raw("|");
    for (const auto& c : row) r.raw(" " + cell(c) + " |");
    r.raw("\n");
  }
}

std::string mark(Change kind) { return kind == Change::Added ? "+" : "-"; }

void print_security(Report& r, const StackDiff& s) {
  auto opt = [&r](const std::string& v) { return v.empty() ? std::string() : r.code(v); };
  if (!s.security_rules.empty()) {
    r.section("Security group rules");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> lines;
    for (const auto& [kind, x] : s.security_rules) {
      rows.push_back({mark(kind), r.code(x.group), x.direction, x.protocol, x.ports, opt(x.peer), r.plain(x.description),
                      x.when.empty() ? "always" : r.plain(x.when)});
      lines.push_back(mark(kind) + " " + x.group + " " + x.direction + " " + x.protocol + " " + x.ports +
                      (x.peer.empty() ? "" : (x.direction == "ingress" ? " from " : " to ") + x.peer) +
                      (x.description.empty() ? "" : " \"" + x.description + "\"") + (x.when.empty() ? "" : " (" + x.when + ")"));
    }
    table(r, {"", "Group", "Direction", "Protocol", "Ports", "Peer", "Description", "When"}, rows, lines);
  }
  if (!s.iam_statements.empty()) {
    r.section("IAM statements");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> lines;
    for (const auto& [kind, x] : s.iam_statements) {
      rows.push_back({mark(kind), r.code(x.resource), r.plain(x.policy), x.effect, opt(x.principal), opt(x.actions),
                      opt(x.resources), opt(x.conditions), x.when.empty() ? "always" : r.plain(x.when)});
      std::string line = mark(kind) + " " + x.resource + " " + x.policy + ": " + x.effect;
      if (!x.principal.empty()) line += " principal " + x.principal;
      if (!x.actions.empty()) line += " " + x.actions;
      if (!x.resources.empty()) line += " on " + x.resources;
      if (!x.conditions.empty()) line += " if " + x.conditions;
      if (!x.when.empty()) line += " (" + x.when + ")";
      lines.push_back(line);
    }
    table(r, {"", "Resource", "Policy", "Effect", "Principal", "Actions", "Resources", "Conditions", "When"}, rows, lines);
  }
}

void print_entries(Report& r, const std::string& title, const std::vector<EntryChange>& entries) {
  if (entries.empty()) return;
  r.section(title);
  for (const auto& e : entries) {
    std::string head = (e.section == "Outputs" || e.section == "Parameters") ? r.code(e.id) : r.code(e.section + "." + e.id);
    if (e.kind == Change::Modified) {
      if (e.changes.size() == 1 && e.changes[0].path.empty()) {
        // The entry is one value (a condition, a mapping entry): its change goes on the item.
        const ValueChange& c = e.changes[0];
        if (auto sides = inline_change(c); sides && sides->before && sides->after) {
          r.item(e.kind, head + ": " + r.code(*sides->before) + " → " + r.code(*sides->after));
        } else {
          r.item(e.kind, head + ":");
          r.block(diff_lines(c.before, c.after));
        }
        continue;
      }
      r.item(e.kind, head);
      for (const auto& c : e.changes) print_change(r, c, to_string(c.path), "");
      continue;
    }
    const Value& v = e.kind == Change::Added ? e.after : e.before;
    std::string extra;
    if (e.section == "Outputs") {
      if (const Value* ex = v.find("Export"); ex && ex->find("Name")) extra = ", export " + r.code(export_name_text(*ex->find("Name")));
      if (const Value* d = v.find("Description"); d && d->is_string()) extra += ": " + r.plain(d->text());
      r.item(e.kind, head + extra);
      continue;
    }
    if (auto line = detail::one_line(v, 80)) {
      r.item(e.kind, head + ": " + r.code(*line));
    } else {
      r.item(e.kind, head + ":");
      r.block(shortened(e.kind == Change::Added ? diff_lines(std::nullopt, v) : diff_lines(v, std::nullopt)));
    }
  }
}

std::vector<std::string> required_parameters(const Value& document) {
  std::vector<std::string> ids;
  const Value* params = document.find("Parameters");
  if (!params || !params->is_map()) return ids;
  for (const auto& e : params->entries())
    if (detail::requires_value(e.value)) ids.push_back(e.key);
  return ids;
}

void print_stack(Report& r, const StackDiff& s) {
  std::string title = r.code(s.name());
  if (s.status == StackStatus::Added) title += r.markdown() ? " (new)" : " (new stack)";
  if (s.status == StackStatus::Removed) title += " (removed)";
  if (s.renamed()) title += " (renamed from " + r.code(s.before_name) + ")";
  r.heading(3, title);
  if (s.status == StackStatus::Added) {
    std::string text = "New template " + r.code(s.name() + ".gen.template") + ".";
    auto required = required_parameters(s.added_document);
    if (!required.empty()) {
      std::string ids;
      for (const auto& id : required) ids += (ids.empty() ? "" : ", ") + r.code(id);
      text += " Parameters without a default: " + ids + ".";
    }
    r.paragraph(r.markdown() ? text : "  " + text);
    return;
  }
  if (s.status == StackStatus::Removed) {
    std::string text = "The template is gone from " + std::string("this release") +
                       ": delete the stack once no other stack imports its exports.";
    r.paragraph(r.markdown() ? text : "  " + text);
    return;
  }
  if (s.renamed()) {
    std::string text = "The template file is now " + r.code(s.after_name + ".gen.template") +
                       ": update the existing stack with it; the stack keeps its name and its exports. "
                       "Its place in the numbering order is that of the new name.";
    r.paragraph(r.markdown() ? text : "  " + text);
  }
  print_parameters(r, s);
  print_resources(r, s);
  print_security(r, s);
  print_entries(r, "Outputs and exports", s.outputs);
  print_entries(r, "Conditions, mappings, rules and metadata", s.other);
  if (!s.console_layout.empty()) {
    std::string text = "Console layout: parameter groups or labels changed (no effect on resources; details in the JSON output).";
    r.paragraph(r.markdown() ? "*" + text + "*" : "  " + text);
  }
}

void print_export_issues(Report& r, const ReleaseDiff& d) {
  if (d.export_issues.empty()) return;
  r.heading(3, "Cross-stack exports");
  r.paragraph(r.plain("CloudFormation refuses to delete or change an export while another stack imports it."));
  for (const auto& issue : d.export_issues) {
    std::string what = issue.kind == ExportIssueKind::RemovedWhileImported ? "removed while imported"
                       : issue.kind == ExportIssueKind::Moved             ? "moved to another stack"
                                                                          : "value changes while imported";
    if (!issue.certain) what = "possibly " + what;
    std::string text = r.code(issue.export_name) + " of " + r.code(issue.producer) + ": " + r.plain(what);
    if (!issue.detail.empty()) text += "; " + r.plain(issue.detail);
    r.bullet(text);
    for (const auto& c : issue.consumers) r.detail(r.code(c.stack) + " " + r.plain(c.reason));
  }
}

std::string names(const Report& r, const std::vector<std::string>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + r.code(i);
  return text;
}

// What a reviewer needs first: which stacks change, what is replaced, what must be supplied, what
// may lose data. The details follow per stack.
void print_summary(Report& r, const ReleaseDiff& d) {
  std::vector<std::string> changed, replaced, possibly, required, data_loss;
  std::size_t revisions = 0, security = 0;
  for (const auto& s : d.stacks) {
    if (s.status == StackStatus::Unchanged && !s.renamed()) continue;
    changed.push_back(r.code(s.name()) + (s.status == StackStatus::Added ? " (new)" : s.status == StackStatus::Removed ? " (removed)" : ""));
    std::string prefix = r.code(s.name()) + " ";
    for (const auto& id : s.status == StackStatus::Added ? required_parameters(s.added_document) : std::vector<std::string>{})
      required.push_back(prefix + r.code(id));
    for (const auto& p : s.parameters) {
      if (p.kind == Change::Added && detail::requires_value(p.after)) required.push_back(prefix + r.code(p.id));
      if (!p.data_loss.empty()) data_loss.push_back(prefix + "parameter " + r.code(p.id) + ": " + r.plain(p.data_loss));
    }
    for (const auto& res : s.resources) {
      if (!res.data_loss.empty()) data_loss.push_back(prefix + r.code(res.id) + " " + std::string(to_string(res.kind)) + ": " + r.plain(res.data_loss));
      if (res.kind != Change::Modified) continue;
      if (res.new_revision) {
        ++revisions;
      } else if (res.replacement == Replacement::True) {
        replaced.push_back(prefix + r.code(res.id));
      } else if (res.replacement == Replacement::Conditional) {
        possibly.push_back(prefix + r.code(res.id) + (res.depends_on.empty() ? "" : " (depends on " + list_text(r, res.depends_on) + ")"));
      }
    }
    if (!s.security_rules.empty() || !s.iam_statements.empty()) ++security;
  }
  auto list = [](const std::vector<std::string>& items) {
    std::string text;
    for (const auto& i : items) text += (text.empty() ? "" : "; ") + i;
    return items.empty() ? std::string("none") : text;
  };
  std::vector<std::string> lines;
  lines.push_back("Stacks changed: " + std::to_string(changed.size()) + (changed.empty() ? "" : " (" + list(changed) + ")"));
  lines.push_back("Replacements: " + list(replaced));
  if (!possibly.empty()) lines.push_back("Possible replacements: " + list(possibly));
  if (revisions) lines.push_back("Task definitions with a new revision: " + std::to_string(revisions));
  lines.push_back("New required parameters: " + list(required));
  lines.push_back("Data-loss risks: " + list(data_loss));
  if (security) lines.push_back("Security-group or IAM changes: in " + std::to_string(security) + (security == 1 ? " stack" : " stacks") + " (tables below)");
  r.section("Summary");
  for (const auto& l : lines) r.bullet(r.markdown() ? l : "- " + l);
}

std::string report(const ReleaseDiff& d, bool markdown) {
  Report r(markdown);
  r.heading(2, markdown ? d.to + " (from " + d.from + ")" : "Changes from " + d.from + " to " + d.to);
  print_summary(r, d);
  for (const auto& note : d.notes) r.paragraph(markdown ? note : "Note: " + note);
  print_export_issues(r, d);

  std::vector<std::string> release_only, unchanged;
  for (const auto& s : d.stacks) {
    if (s.status == StackStatus::Unchanged && !s.renamed()) {
      (s.release_only.empty() ? unchanged : release_only).push_back(s.name());
      continue;
    }
    print_stack(r, s);
  }
  r.blank();
  if (!release_only.empty())
    r.paragraph("Unchanged apart from the release (VersionTag): " + names(r, release_only) + ".");
  if (!unchanged.empty()) r.paragraph("Unchanged: " + names(r, unchanged) + ".");
  if (!d.not_compared.empty()) {
    std::vector<std::string> items;
    for (const auto& nc : d.not_compared) items.push_back(nc.second);
    r.paragraph("Not compared (no template file in the folder): " + names(r, items) + ".");
  }
  if (!d.unmatched_files.empty())
    r.paragraph("Files that match no stack of the release: " + names(r, d.unmatched_files) + ".");
  std::string text = r.str();
  while (text.ends_with("\n\n")) text.pop_back();
  return text;
}

}  // namespace

std::string to_text(const ReleaseDiff& d) { return report(d, false); }
std::string to_markdown(const ReleaseDiff& d) { return report(d, true); }

}  // namespace ttsgen::diff
