// SHA-256 and HMAC-SHA-256 (OpenSSL), the 32-byte hash value type, and
// random bytes.
#ifndef WELFARE_STORAGE_SHA256_H_
#define WELFARE_STORAGE_SHA256_H_

#include <array>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace welfare::storage {

inline constexpr size_t kHashBytes = 32;
using Hash = std::array<uint8_t, kHashBytes>;

Hash Sha256(absl::string_view data);

// SHA-256 over the concatenation of two byte strings.
Hash Sha256(absl::string_view first, absl::string_view second);

Hash HmacSha256(absl::string_view key, absl::string_view data);

// The hash as 32 raw bytes, and as 64 lowercase hex digits.
std::string HashBytes(const Hash& hash);
std::string HashHex(const Hash& hash);

// n random bytes from OpenSSL's generator.
std::string RandomBytes(size_t n);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_SHA256_H_
