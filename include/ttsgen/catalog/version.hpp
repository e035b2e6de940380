#pragma once
// Releases of The Things Stack templates: 3.x.y versions, parsed and ordered, and the list of
// releases ttsgen renders. `"3.30.2"_v` is a compile-time Version, so a release gate reads as
// `if (release >= "3.30.2"_v)`.

#include <compare>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ttsgen::catalog {

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;

  constexpr auto operator<=>(const Version&) const = default;
  std::string str() const;
  // "3.30" for 3.30.2: the minor series an UPGRADING note covers.
  std::string minor_str() const;
};

// Parses "3.30.2"; nullopt for anything else.
std::optional<Version> parse_version(std::string_view text);

namespace detail {
consteval int parse_number(const char* s, std::size_t& i, std::size_t n) {
  if (i >= n || s[i] < '0' || s[i] > '9') throw "version literal: expected a digit";
  int value = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0');
  return value;
}
}  // namespace detail

// A release written in code: "3.30.2"_v. A malformed literal fails to compile.
consteval Version operator""_v(const char* s, std::size_t n) {
  std::size_t i = 0;
  Version v;
  v.major = detail::parse_number(s, i, n);
  if (i >= n || s[i++] != '.') throw "version literal: expected '.'";
  v.minor = detail::parse_number(s, i, n);
  if (i >= n || s[i++] != '.') throw "version literal: expected '.'";
  v.patch = detail::parse_number(s, i, n);
  if (i != n) throw "version literal: trailing characters";
  return v;
}

// A stack model is built for one release.
using Release = Version;

// Every release from 3.24.0 to 3.36.0, oldest first (src/catalog/version.cpp says from where).
const std::vector<Version>& supported_releases();
Version newest_release();
bool is_supported(const Version& v);

struct UnsupportedRelease : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Parses and checks a --version argument; throws UnsupportedRelease with a message naming the
// bad value and the supported range.
Version require_supported(std::string_view text);

}  // namespace ttsgen::catalog
