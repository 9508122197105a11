// Pieces shared by the signed-note files (internal to welfare_verify).
#ifndef WELFARE_CLIENTS_VERIFY_NOTE_INTERNAL_H_
#define WELFARE_CLIENTS_VERIFY_NOTE_INTERNAL_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::verify::internal {

inline constexpr uint8_t kEd25519Type = 0x01;

// The fields of "name+hhhhhhhh+base64(0x01 || 32 bytes)": for a verifier
// key the 32 bytes are the public key, for a signer key (after
// "PRIVATE+KEY+") the seed. The caller checks the key id. INVALID_ARGUMENT,
// naming `what`, if malformed.
struct KeyFields {
  std::string name;
  uint32_t key_id = 0;
  std::string key;  // 32 bytes
};
absl::StatusOr<KeyFields> ParseKeyFields(absl::string_view what,
                                         absl::string_view text);

// "name+hhhhhhhh+base64(0x01 || key)".
std::string FormatKeyFields(absl::string_view name, uint32_t key_id,
                            absl::string_view key);

}  // namespace welfare::verify::internal

#endif  // WELFARE_CLIENTS_VERIFY_NOTE_INTERNAL_H_
