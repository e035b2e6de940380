// ttsgen --version: the CMake project version (TTSGEN_VERSION, set by CMakeLists.txt for this file).
#include "command.hpp"

namespace ttsgen::cli {

std::string version_text() {
  const auto& releases = catalog::supported_releases();
  return std::string("ttsgen ") + TTSGEN_VERSION + " (The Things Stack " + releases.front().str() + " to " +
         releases.back().str() + ")";
}

}  // namespace ttsgen::cli
