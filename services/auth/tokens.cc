#include "services/auth/tokens.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "storage/sha256.h"

namespace welfare::auth {
namespace {

// Lower-case hex of exactly bytes * 2 digits, decoded; nullopt otherwise.
std::optional<std::string> FromHex(absl::string_view hex, size_t bytes) {
  if (hex.size() != bytes * 2) return std::nullopt;
  for (char c : hex) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) {
      return std::nullopt;
    }
  }
  return absl::HexStringToBytes(hex);
}

}  // namespace

NewTokenResult NewToken() {
  NewTokenResult token;
  token.parts.key_id = storage::RandomBytes(kKeyIdBytes);
  token.parts.secret = storage::RandomBytes(kSecretBytes);
  token.text =
      absl::StrCat(kTokenPrefix, absl::BytesToHexString(token.parts.key_id),
                   "_", absl::BytesToHexString(token.parts.secret));
  return token;
}

std::optional<TokenParts> ParseToken(absl::string_view text) {
  if (!absl::ConsumePrefix(&text, kTokenPrefix)) return std::nullopt;
  if (text.size() != kKeyIdBytes * 2 + 1 + kSecretBytes * 2 ||
      text[kKeyIdBytes * 2] != '_') {
    return std::nullopt;
  }
  std::optional<std::string> key_id =
      FromHex(text.substr(0, kKeyIdBytes * 2), kKeyIdBytes);
  std::optional<std::string> secret =
      FromHex(text.substr(kKeyIdBytes * 2 + 1), kSecretBytes);
  if (!key_id || !secret) return std::nullopt;
  return TokenParts{*std::move(key_id), *std::move(secret)};
}

std::string SecretHash(absl::string_view secret) {
  std::string hash(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
         reinterpret_cast<unsigned char*>(hash.data()));
  return hash;
}

bool SecretMatches(absl::string_view secret, absl::string_view stored_hash) {
  const std::string hash = SecretHash(secret);
  return stored_hash.size() == hash.size() &&
         CRYPTO_memcmp(hash.data(), stored_hash.data(), hash.size()) == 0;
}

absl::string_view BearerToken(absl::string_view authorization) {
  constexpr absl::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(authorization.substr(0, kScheme.size()),
                              kScheme)) {
    return {};
  }
  return absl::StripAsciiWhitespace(authorization.substr(kScheme.size()));
}

}  // namespace welfare::auth
