// C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys
// (signature type 0x01), compatible with golang.org/x/mod/sumdb/note.
//
//   note           := text "\n" signature-line+
//   text           := line+          (each line ends in "\n"; the text is
//                                     separated from the signatures by the
//                                     LAST blank line of the note)
//   signature-line := "— " key-name " " base64(key-id:4 || signature) "\n"
//   key-id         := SHA-256(key-name || "\n" || 0x01 || public-key)[:4]
//                     read as a big-endian uint32
//   verifier key   := key-name "+" hex8(key-id) "+" base64(0x01 || public-key)
//   signer key     := "PRIVATE+KEY+" key-name "+" hex8(key-id) "+"
//                     base64(0x01 || seed)
//
// The whole note is valid UTF-8 with no ASCII control character except
// newline; key names are non-empty with no Unicode space and no '+'. Base64
// is standard and padded, and only its canonical spelling is accepted.
#ifndef WELFARE_CLIENTS_VERIFY_NOTE_H_
#define WELFARE_CLIENTS_VERIFY_NOTE_H_

#include <openssl/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::verify {

inline constexpr size_t kEd25519PublicKeySize = 32;
inline constexpr size_t kEd25519SeedSize = 32;
inline constexpr size_t kEd25519SignatureSize = 64;
// Limits on what OpenNote reads (the spec asks verifiers to have some and to
// accept at least 16 signatures).
inline constexpr size_t kMaxNoteBytes = 1 << 20;
inline constexpr size_t kMaxNoteSignatures = 100;

struct NoteVerifier {
  std::string name;
  uint32_t key_id = 0;
  std::string public_key;  // 32 bytes
};

// Parses a verifier key "name+hhhhhhhh+base64(0x01 || 32-byte public key)"
// (lowercase hex). INVALID_ARGUMENT if malformed, if the type byte is not
// 0x01 or the key not 32 bytes, or if hhhhhhhh is not KeyId(name, key).
absl::StatusOr<NoteVerifier> ParseVerifierKey(absl::string_view vkey);
std::string FormatVerifierKey(absl::string_view name,
                              absl::string_view public_key);
// The first 4 bytes, big-endian, of SHA-256(name || "\n" || 0x01 || key).
uint32_t KeyId(absl::string_view name, absl::string_view public_key);

// Verifies a signed note and returns its text (everything before the
// separating blank line, ending in "\n"). Signature lines by other keys
// (another name or another key id) are ignored, as the spec requires. Fails
// with, checked in this order:
//   INVALID_ARGUMENT  the verifier is not a valid key (key id not
//                     KeyId(name, public_key), public key not 32 bytes,
//                     invalid name): ParseVerifierKey gives valid ones.
//   INVALID_ARGUMENT  the note is malformed: over kMaxNoteBytes, not note
//                     text, no blank line before the signatures, a
//                     signature line that does not parse (bad prefix, bad
//                     key name, bad base64, under 5 bytes), more than
//                     kMaxNoteSignatures lines. Every line is checked, even
//                     lines by unknown keys.
//   UNAUTHENTICATED   a signature line by `verifier` (same name and key id)
//                     does not verify over the text: the note is forged or
//                     altered, and is rejected whatever other lines say.
//   NOT_FOUND         no signature line is by `verifier`.
absl::StatusOr<std::string> OpenNote(absl::string_view note,
                                     const NoteVerifier& verifier);

// An Ed25519 note signer. Copies share one immutable OpenSSL key; moving
// copies too, so a moved-from signer still works. Sign is thread-safe (each
// call uses its own signing context).
class NoteSigner {
 public:
  NoteSigner(const NoteSigner&) = default;
  NoteSigner& operator=(const NoteSigner&) = default;

  // A fresh key from OpenSSL's random generator. INVALID_ARGUMENT for an
  // invalid name; INTERNAL if OpenSSL fails.
  static absl::StatusOr<NoteSigner> Generate(absl::string_view name);
  // The key of a 32-byte Ed25519 seed (RFC 8032 private key).
  // INVALID_ARGUMENT for an invalid name or a seed of another size.
  static absl::StatusOr<NoteSigner> FromSeed(absl::string_view name,
                                             absl::string_view seed32);
  // Parses a signer key "PRIVATE+KEY+name+hhhhhhhh+base64(0x01 || seed)" as
  // golang.org/x/mod/sumdb/note writes it; INVALID_ARGUMENT if malformed or
  // if the key id does not match.
  static absl::StatusOr<NoteSigner> FromSignerKey(absl::string_view skey);

  const std::string& name() const { return name_; }
  const std::string& public_key() const { return public_key_; }
  const std::string& seed() const { return seed_; }  // secret
  uint32_t key_id() const { return KeyId(name_, public_key_); }
  std::string VerifierKey() const;
  std::string SignerKey() const;  // secret

  // Signs text, which must be non-empty note text ending in "\n"
  // (INVALID_ARGUMENT otherwise); returns
  // text + "\n" + "— name base64(key id || signature)\n". INTERNAL if
  // OpenSSL fails.
  absl::StatusOr<std::string> Sign(absl::string_view text) const;

 private:
  NoteSigner(std::string name, std::string seed, std::string public_key,
             std::shared_ptr<EVP_PKEY> key);

  std::string name_;
  std::string seed_;
  std::string public_key_;
  std::shared_ptr<EVP_PKEY> key_;  // never null; never modified
};

}  // namespace welfare::verify

#endif  // WELFARE_CLIENTS_VERIFY_NOTE_H_
