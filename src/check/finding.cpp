#include "ttsgen/check/finding.hpp"

#include <algorithm>

namespace ttsgen::check {

std::string_view to_string(Severity s) { return s == Severity::Error ? "error" : "note"; }

std::string format_text(const Finding& f) {
  std::string where;
  for (const std::string* part : {&f.release, &f.stack}) {
    if (part->empty()) continue;
    where += (where.empty() ? "" : " ") + *part;
  }
  if (!f.path.empty()) where += (where.empty() ? "" : " ") + f.path;
  std::string text = where.empty() ? "" : where + ": ";
  if (f.severity == Severity::Note) text += "note: ";
  return text + f.message + " [" + f.rule + "]";
}

std::string logical_id_of(std::string_view path) {
  for (std::string_view section : {"Resources.", "Outputs.", "Parameters.", "Conditions.", "Mappings.", "Rules."}) {
    if (path.substr(0, section.size()) != section) continue;
    std::string_view rest = path.substr(section.size());
    std::size_t end = rest.find_first_of(".[");
    return std::string(rest.substr(0, end));
  }
  return {};
}

std::size_t count(const std::vector<Finding>& findings, Severity s) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; }));
}

}  // namespace ttsgen::check
