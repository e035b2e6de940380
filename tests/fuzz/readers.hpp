#pragma once
// The readers of untrusted input, shared by the libFuzzer target (tests/fuzz/fuzz_readers.cpp)
// and the regression test that replays every input the fuzzer ever found
// (tests/unit/fuzz_regressions_test.cpp). A new reader (e.g. a profile reader) is one more line.

#include <string_view>

#include "ttsgen/render/render.hpp"

namespace ttsgen::fuzz {

struct Reader {
  const char* name;
  void (*read)(std::string_view input);  // may throw the reader's documented error, nothing else
};

inline void read_yaml(std::string_view input) { (void)render::parse_yaml(input); }
inline void read_json(std::string_view input) { (void)render::parse_json(input); }

inline constexpr Reader kReaders[] = {
    {"yaml", read_yaml},
    {"json", read_json},
};

// Runs every reader on `input`. A ParseError is a refusal, as intended; any other exception, a
// crash, a sanitizer report or a hang is a finding.
inline void read_all(std::string_view input) {
  for (const auto& reader : kReaders) {
    try {
      reader.read(input);
    } catch (const render::ParseError&) {
    }
  }
}

}  // namespace ttsgen::fuzz
