// Key ids and the text forms of verifier keys.
#include <openssl/sha.h>

#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/verify/encoding.h"
#include "clients/verify/note.h"
#include "clients/verify/note_internal.h"

namespace welfare::verify {
namespace internal {
namespace {

constexpr size_t kKeyIdHexDigits = 8;

absl::Status Malformed(absl::string_view what, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed ", what, ": ", why));
}

bool IsLowerHex(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<KeyFields> ParseKeyFields(absl::string_view what,
                                         absl::string_view text) {
  // The name has no '+'; the base64 may.
  const size_t first = text.find('+');
  if (first == absl::string_view::npos) return Malformed(what, "no '+'");
  const size_t second = text.find('+', first + 1);
  if (second == absl::string_view::npos) return Malformed(what, "one '+'");
  KeyFields fields;
  fields.name = std::string(text.substr(0, first));
  if (!IsKeyName(fields.name)) return Malformed(what, "invalid key name");
  const absl::string_view hex = text.substr(first + 1, second - first - 1);
  if (hex.size() != kKeyIdHexDigits || !IsLowerHex(hex) ||
      !absl::SimpleHexAtoi(hex, &fields.key_id)) {
    return Malformed(what, "the key id is not 8 lowercase hex digits");
  }
  std::optional<std::string> typed_key =
      DecodeBase64Strict(text.substr(second + 1));
  if (!typed_key.has_value()) {
    return Malformed(what, "the key is not canonical base64");
  }
  if (typed_key->size() != 1 + kEd25519PublicKeySize ||
      static_cast<uint8_t>((*typed_key)[0]) != kEd25519Type) {
    return Malformed(what, "the key is not 0x01 and 32 bytes (Ed25519)");
  }
  fields.key = typed_key->substr(1);
  return fields;
}

std::string FormatKeyFields(absl::string_view name, uint32_t key_id,
                            absl::string_view key) {
  const std::string typed_key =
      absl::StrCat(std::string(1, static_cast<char>(kEd25519Type)), key);
  return absl::StrFormat("%s+%08x+%s", name, key_id,
                         absl::Base64Escape(typed_key));
}

}  // namespace internal

uint32_t KeyId(absl::string_view name, absl::string_view public_key) {
  const std::string input = absl::StrCat(
      name, "\n", std::string(1, internal::kEd25519Type), public_key);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(),
         digest);
  return (uint32_t{digest[0]} << 24) | (uint32_t{digest[1]} << 16) |
         (uint32_t{digest[2]} << 8) | uint32_t{digest[3]};
}

std::string FormatVerifierKey(absl::string_view name,
                              absl::string_view public_key) {
  return internal::FormatKeyFields(name, KeyId(name, public_key), public_key);
}

absl::StatusOr<NoteVerifier> ParseVerifierKey(absl::string_view vkey) {
  absl::StatusOr<internal::KeyFields> fields =
      internal::ParseKeyFields("verifier key", vkey);
  if (!fields.ok()) return fields.status();
  if (fields->key_id != KeyId(fields->name, fields->key)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "verifier key id %08x does not match its name and key (%08x)",
        fields->key_id, KeyId(fields->name, fields->key)));
  }
  return NoteVerifier{fields->name, fields->key_id, fields->key};
}

}  // namespace welfare::verify
