#include "ttsgen/util/markdown.hpp"

#include <string_view>

namespace ttsgen::util {

std::string markdown_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace ttsgen::util
