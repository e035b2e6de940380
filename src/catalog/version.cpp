#include "ttsgen/catalog/version.hpp"

#include <algorithm>

namespace ttsgen::catalog {

std::string Version::str() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::minor_str() const { return std::to_string(major) + "." + std::to_string(minor); }

std::optional<Version> parse_version(std::string_view text) {
  Version v;
  int* parts[3] = {&v.major, &v.minor, &v.patch};
  std::size_t i = 0;
  for (int p = 0; p < 3; ++p) {
    if (p > 0) {
      if (i >= text.size() || text[i] != '.') return std::nullopt;
      ++i;
    }
    std::size_t start = i;
    int value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 6) value = value * 10 + (text[i++] - '0');
    if (i == start) return std::nullopt;
    // No leading zeros: "3.030.0" is not a release name.
    if (i - start > 1 && text[start] == '0') return std::nullopt;
    *parts[p] = value;
  }
  if (i != text.size()) return std::nullopt;
  return v;
}

const std::vector<Version>& supported_releases() {
  // From the template changelog (docs: ecs/changelog). 3.32.2 has no heading there, so it is not
  // a release of the templates; 3.33.x and 3.35.0 have headings without entries and are releases
  // whose templates equal their predecessor's apart from VersionTag.
  static const std::vector<Version> releases{
      "3.24.0"_v, "3.24.1"_v, "3.24.2"_v, "3.25.0"_v, "3.25.1"_v, "3.25.2"_v, "3.26.0"_v, "3.26.1"_v,
      "3.26.2"_v, "3.27.0"_v, "3.27.1"_v, "3.27.2"_v, "3.28.0"_v, "3.28.1"_v, "3.28.2"_v, "3.29.0"_v,
      "3.29.1"_v, "3.29.2"_v, "3.30.0"_v, "3.30.1"_v, "3.30.2"_v, "3.31.0"_v, "3.31.1"_v, "3.32.0"_v,
      "3.32.1"_v, "3.32.3"_v, "3.33.0"_v, "3.33.1"_v, "3.33.2"_v, "3.34.0"_v, "3.34.1"_v, "3.34.2"_v,
      "3.34.3"_v, "3.35.0"_v, "3.35.1"_v, "3.35.2"_v,
  };
  return releases;
}

Version newest_release() { return supported_releases().back(); }

bool is_supported(const Version& v) {
  const auto& all = supported_releases();
  return std::binary_search(all.begin(), all.end(), v);
}

Version require_supported(std::string_view text) {
  const auto& all = supported_releases();
  std::string range = all.front().str() + " … " + all.back().str();
  auto v = parse_version(text);
  if (!v) throw UnsupportedRelease("'" + std::string(text) + "' is not a release (3.x.y); supported: " + range);
  if (!is_supported(*v)) {
    std::string message = "unsupported release " + v->str() + "; supported: " + range;
    if (*v > all.front() && *v < all.back()) message += " (the changelog has no release " + v->str() + ")";
    throw UnsupportedRelease(message);
  }
  return *v;
}

}  // namespace ttsgen::catalog
