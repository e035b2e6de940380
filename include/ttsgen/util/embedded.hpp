#pragma once
// Files under templates/ (UserData scripts, configuration documents, ...) embedded at build time
// by cmake/EmbedFiles.cmake, so the binary renders without reading the source tree.

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace ttsgen::embedded {

// The content of templates/<path>; throws std::out_of_range when there is no such file.
std::string_view file(std::string_view path);

// Every embedded file by path, sorted.
const std::map<std::string, std::string_view, std::less<>>& all_files();

// Files under schemas/ (the vendored CloudFormation registry schemas, by path such as
// "cloudformation/EC2/VPC.json"), embedded the same way for `ttsgen validate`.
namespace schemas {
std::string_view file(std::string_view path);
const std::map<std::string, std::string_view, std::less<>>& all_files();
}  // namespace schemas

}  // namespace ttsgen::embedded
