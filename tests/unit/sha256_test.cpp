#include "ttsgen/util/sha256.hpp"

#include <cstddef>
#include <string>

#include <catch2/catch.hpp>

namespace {

using ttsgen::util::sha256_hex;

TEST_CASE("sha256_hex matches the NIST FIPS 180-4 example vectors", "[util]") {
  CHECK(sha256_hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the 64-byte block boundary exercise every padding branch:
// 55 bytes is the longest input whose padding fits in one block, 56 forces a
// second block, and 63/64/65 straddle the block size itself.
// Expected values were produced with GNU coreutils, e.g. for 55 bytes:
//   head -c 55 /dev/zero | tr '\0' 'a' | sha256sum
TEST_CASE("sha256_hex handles inputs around the block boundary", "[util]") {
  struct Case {
    std::size_t length;
    const char* digest;
  };
  const Case cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
  };
  for (const Case& c : cases) {
    INFO("length " << c.length);
    CHECK(sha256_hex(std::string(c.length, 'a')) == c.digest);
  }
}

TEST_CASE("sha256_hex treats input as raw bytes", "[util]") {
  // Embedded NULs must be hashed, not treated as terminators, and bytes with
  // the high bit set must not be sign-extended.
  // Expected values: printf 'a\0b' | sha256sum
  //                  printf '\xff\x80\x00\x7f' | sha256sum
  CHECK(sha256_hex(std::string("a\0b", 3)) ==
        "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
  CHECK(sha256_hex(std::string("\xff\x80\x00\x7f", 4)) ==
        "ae72d4fb6b85aa8fe2f5fc339cc306f67280357b1b8c583c55ebe725646449a6");
}

}  // namespace
