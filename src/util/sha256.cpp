#include "ttsgen/util/sha256.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ttsgen::util {
namespace {

constexpr std::size_t kBlockBytes = 64;

// First 32 bits of the fractional parts of the cube roots of the first 64
// primes (FIPS 180-4, section 4.2.2).
constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// First 32 bits of the fractional parts of the square roots of the first 8
// primes (FIPS 180-4, section 5.3.3).
constexpr std::array<std::uint32_t, 8> kInitialState = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::uint32_t RotateRight(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

// Reads a big-endian 32-bit word; SHA-256 is defined on big-endian words
// regardless of the host byte order.
std::uint32_t LoadBigEndian(const unsigned char* p) {
  return (static_cast<std::uint32_t>(p[0]) << 24) |
         (static_cast<std::uint32_t>(p[1]) << 16) |
         (static_cast<std::uint32_t>(p[2]) << 8) |
         static_cast<std::uint32_t>(p[3]);
}

using State = std::array<std::uint32_t, 8>;

// Applies the compression function to one 64-byte block.
void CompressBlock(State& state, const unsigned char* block) {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t t = 0; t < 16; ++t) {
    w[t] = LoadBigEndian(block + 4 * t);
  }
  for (std::size_t t = 16; t < 64; ++t) {
    const std::uint32_t s0 = RotateRight(w[t - 15], 7) ^
                             RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
    const std::uint32_t s1 = RotateRight(w[t - 2], 17) ^
                             RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }

  std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
  for (std::size_t t = 0; t < 64; ++t) {
    const std::uint32_t big_s1 =
        RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
    const std::uint32_t choose = (e & f) ^ (~e & g);
    const std::uint32_t t1 = h + big_s1 + choose + kRoundConstants[t] + w[t];
    const std::uint32_t big_s0 =
        RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
    const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
    const std::uint32_t t2 = big_s0 + majority;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

std::string ToHex(const State& state) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (std::uint32_t word : state) {
    for (int shift = 28; shift >= 0; shift -= 4) {
      hex.push_back(kDigits[(word >> shift) & 0xfu]);
    }
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  State state = kInitialState;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());

  // Hash all complete blocks straight from the input to avoid copying it.
  const std::size_t full_blocks = data.size() / kBlockBytes;
  for (std::size_t i = 0; i < full_blocks; ++i) {
    CompressBlock(state, bytes + i * kBlockBytes);
  }

  // Padding: the leftover bytes, a single 0x80 byte, zeros, and the message
  // length in bits as a 64-bit big-endian integer. When fewer than 9 bytes
  // remain in the block after the leftover, the padding spills into a second
  // block, hence room for two.
  std::array<unsigned char, 2 * kBlockBytes> tail{};
  const std::size_t leftover = data.size() % kBlockBytes;
  for (std::size_t i = 0; i < leftover; ++i) {
    tail[i] = bytes[full_blocks * kBlockBytes + i];
  }
  tail[leftover] = 0x80;
  const std::size_t tail_size =
      leftover + 1 + 8 <= kBlockBytes ? kBlockBytes : 2 * kBlockBytes;
  // Bit length is taken modulo 2^64 as the standard specifies.
  const std::uint64_t bit_length = static_cast<std::uint64_t>(data.size()) * 8u;
  for (std::size_t i = 0; i < 8; ++i) {
    tail[tail_size - 1 - i] =
        static_cast<unsigned char>((bit_length >> (8 * i)) & 0xffu);
  }
  for (std::size_t offset = 0; offset < tail_size; offset += kBlockBytes) {
    CompressBlock(state, tail.data() + offset);
  }
  return ToHex(state);
}

}  // namespace ttsgen::util
