// CloudFormation quotas, measured on the exact bytes written (a YAML render and a JSON render of
// the same template differ in size). Going over is an error; reaching 90 % of a count or size
// limit is a note, so that growth is seen before it breaks a release.
#include <fmt/format.h>

#include "ttsgen/check/template_checks.hpp"

namespace ttsgen::check {

using cfn::Value;

namespace {

void add(std::vector<Finding>& out, Severity severity, std::string path, std::string message) {
  Finding f;
  f.severity = severity;
  f.rule = "quota";
  f.path = std::move(path);
  f.logical_id = logical_id_of(f.path);
  f.message = std::move(message);
  out.push_back(std::move(f));
}

// Error above the limit, note at 90 % of it.
void limit(std::vector<Finding>& out, std::size_t value, std::size_t max, const std::string& path, const std::string& what) {
  if (value > max)
    add(out, Severity::Error, path, fmt::format("{} {}; CloudFormation accepts at most {}", value, what, max));
  else if (value * 10 >= max * 9)
    add(out, Severity::Note, path, fmt::format("{} {}: {}% of CloudFormation's limit of {}", value, what, value * 100 / max, max));
}

std::size_t section_size(const Value& doc, const char* name) {
  const Value* s = doc.is_map() ? doc.find(name) : nullptr;
  return s && s->is_map() ? s->size() : 0;
}

std::size_t count_occurrences(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) ++n;
  return n;
}

}  // namespace

std::vector<Finding> check_quotas(std::string_view bytes, const Value& document) {
  std::vector<Finding> out;
  std::size_t size = bytes.size();
  if (size > quota::kS3Bytes) {
    add(out, Severity::Error, "", fmt::format("the template is {} bytes; CloudFormation accepts at most {} bytes from S3", size, quota::kS3Bytes));
  } else if (size * 10 >= quota::kS3Bytes * 9) {
    add(out, Severity::Note, "", fmt::format("the template is {} bytes, {}% of the {}-byte limit for templates in S3", size,
                                             size * 100 / quota::kS3Bytes, quota::kS3Bytes));
  } else if (size > quota::kBodyBytes) {
    // Not wrong: the published templates are deployed from S3. But `--template-body` refuses it.
    add(out, Severity::Note, "", fmt::format("the template is {} bytes, above the {}-byte limit of --template-body: deploy it from S3 "
                                             "(--template-url), as the published templates are", size, quota::kBodyBytes));
  }
  limit(out, section_size(document, "Resources"), quota::kResources, "Resources", "resources");
  limit(out, section_size(document, "Parameters"), quota::kParameters, "Parameters", "parameters");
  limit(out, section_size(document, "Outputs"), quota::kOutputs, "Outputs", "outputs");
  limit(out, section_size(document, "Mappings"), quota::kMappings, "Mappings", "mappings");
  if (const Value* mappings = document.is_map() ? document.find("Mappings") : nullptr; mappings && mappings->is_map())
    for (const auto& m : mappings->entries())
      if (m.value.is_map()) limit(out, m.value.size(), quota::kMappingAttributes, "Mappings." + m.key, "keys in the mapping");
  if (const Value* d = document.is_map() ? document.find("Description") : nullptr; d && d->is_string() && d->text().size() > quota::kDescriptionBytes)
    add(out, Severity::Error, "Description",
        fmt::format("the description is {} bytes; CloudFormation accepts at most {}", d->text().size(), quota::kDescriptionBytes));
  std::size_t dynamic = count_occurrences(bytes, "{{resolve:");
  if (dynamic > quota::kDynamicReferences)
    add(out, Severity::Error, "", fmt::format("{} dynamic references ({{{{resolve:…}}}}); CloudFormation accepts at most {}", dynamic,
                                              quota::kDynamicReferences));
  return out;
}

}  // namespace ttsgen::check
