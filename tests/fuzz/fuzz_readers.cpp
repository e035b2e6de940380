// libFuzzer target over the template readers (scripts/fuzz.sh builds and runs it; see readers.hpp).
#include <cstddef>
#include <cstdint>

#include "readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ttsgen::fuzz::read_all(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
