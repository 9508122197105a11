// Bearer tokens: "wlt_<16 hex digits: key id>_<64 hex digits: secret>".
//
// The key id (8 random bytes) finds the principal; the secret (32 random
// bytes, 256 bits) proves it. The server stores only SHA-256(secret) and
// compares hashes in constant time, so neither a stolen database nor the
// timing of a refusal gives a token away.
#ifndef WELFARE_SERVICES_AUTH_TOKENS_H_
#define WELFARE_SERVICES_AUTH_TOKENS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace welfare::auth {

inline constexpr size_t kKeyIdBytes = 8;
inline constexpr size_t kSecretBytes = 32;
inline constexpr char kTokenPrefix[] = "wlt_";

struct TokenParts {
  std::string key_id;  // kKeyIdBytes raw bytes.
  std::string secret;  // kSecretBytes raw bytes.
};

// A fresh token from the system's cryptographic random source.
struct NewTokenResult {
  std::string text;
  TokenParts parts;
};
NewTokenResult NewToken();

// The parts of a well-formed token text; nullopt otherwise.
std::optional<TokenParts> ParseToken(absl::string_view text);

// SHA-256 of a secret: 32 raw bytes.
std::string SecretHash(absl::string_view secret);

// Whether SHA-256(secret) equals stored_hash, in time that does not depend
// on where they differ.
bool SecretMatches(absl::string_view secret, absl::string_view stored_hash);

// The token of an "authorization" metadata value "Bearer <token>" (the
// scheme is case-insensitive); empty if the value has another form.
absl::string_view BearerToken(absl::string_view authorization);

}  // namespace welfare::auth

#endif  // WELFARE_SERVICES_AUTH_TOKENS_H_
