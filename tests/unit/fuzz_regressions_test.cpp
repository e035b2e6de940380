// Every input the fuzzer found a problem with (tests/fuzz/regressions/, one file each) goes
// through every reader again: a refusal (ParseError) is fine, anything else fails the test (and a
// crash or sanitizer report fails the run, see scripts/sanitize.sh).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/readers.hpp"

TEST_CASE("fuzz regressions: every input found by the fuzzer is read or refused", "[fuzz]") {
  namespace fs = std::filesystem;
  std::size_t inputs = 0;
  for (const auto& entry : fs::directory_iterator(TTSGEN_FUZZ_REGRESSIONS)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    INFO(entry.path().string());
    CHECK_NOTHROW(ttsgen::fuzz::read_all(bytes.str()));
    ++inputs;
  }
  CHECK(inputs > 0);
}
