#pragma once

#include <string>
#include <string_view>

namespace ttsgen::util {

// Returns the SHA-256 digest (FIPS 180-4) of `data` as 64 lowercase hex
// characters. The input is treated as raw bytes; no encoding is applied.
std::string sha256_hex(std::string_view data);

}  // namespace ttsgen::util
