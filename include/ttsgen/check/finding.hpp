#pragma once
// A finding of `ttsgen validate`: what is wrong, and exactly where, so that a reader can go from
// the message to the line: release, stack, logical id and property path.

#include <string>
#include <string_view>
#include <vector>

namespace ttsgen::check {

// Errors fail validation (exit 1). Notes are facts worth knowing that are not wrong, e.g. a
// template above the 51,200-byte limit of a direct upload, which must be deployed from S3.
enum class Severity { Error, Note };
std::string_view to_string(Severity s);

struct Finding {
  Severity severity = Severity::Error;
  std::string rule;        // the check: reference, structure, import, export, order, role, cycle,
                           // schema, quota, security, parameter
  std::string release;     // "3.35.2"; empty for a folder of unknown release
  std::string stack;       // published name, e.g. "1-1-vpc"; empty for release-wide findings
  std::string logical_id;  // e.g. "PublicSubnet1"; empty for template-wide findings
  std::string path;        // e.g. "Resources.PublicSubnet1.Properties.VpcId"
  std::string message;
};

// "3.35.2 1-1-vpc Resources.X.Properties.Y: message [rule]" (notes say "note:").
std::string format_text(const Finding& f);

// The logical id in a path such as "Resources.X.Properties.Y" or "Outputs.Z.Value": "X", "Z".
std::string logical_id_of(std::string_view path);

std::size_t count(const std::vector<Finding>& findings, Severity s);

}  // namespace ttsgen::check
