// Opening signed notes: parse every signature line, then verify the ones by
// the trusted key.
#include "clients/verify/note.h"

#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/verify/encoding.h"

namespace welfare::verify {
namespace {

constexpr absl::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // "— "
constexpr absl::string_view kSeparator = "\n\n";
constexpr size_t kKeyIdSize = 4;

struct SignatureLine {
  std::string name;
  uint32_t key_id = 0;
  std::string signature;
};

absl::Status Malformed(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("malformed note: ", why));
}

absl::StatusOr<SignatureLine> ParseSignatureLine(absl::string_view line) {
  if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return Malformed("a signature line does not start with \"— \"");
  }
  line.remove_prefix(kSignaturePrefix.size());
  const size_t space = line.find(' ');
  if (space == absl::string_view::npos) {
    return Malformed("a signature line has no space after the key name");
  }
  SignatureLine parsed;
  parsed.name = std::string(line.substr(0, space));
  if (!internal::IsKeyName(parsed.name)) {
    return Malformed("a signature line has an invalid key name");
  }
  std::optional<std::string> bytes =
      internal::DecodeBase64Strict(line.substr(space + 1));
  if (!bytes.has_value() || bytes->size() <= kKeyIdSize) {
    return Malformed("a signature is not canonical base64 of over 4 bytes");
  }
  for (size_t i = 0; i < kKeyIdSize; ++i) {
    parsed.key_id = (parsed.key_id << 8) | static_cast<uint8_t>((*bytes)[i]);
  }
  parsed.signature = bytes->substr(kKeyIdSize);
  return parsed;
}

absl::StatusOr<std::vector<SignatureLine>> ParseSignatureLines(
    absl::string_view lines) {
  if (lines.empty() || lines.back() != '\n') {
    return Malformed("the signatures do not end in a newline");
  }
  std::vector<SignatureLine> parsed;
  while (!lines.empty()) {
    if (parsed.size() == kMaxNoteSignatures) {
      return Malformed(
          absl::StrFormat("more than %d signature lines", kMaxNoteSignatures));
    }
    const size_t newline = lines.find('\n');
    absl::StatusOr<SignatureLine> line =
        ParseSignatureLine(lines.substr(0, newline));
    if (!line.ok()) return line.status();
    parsed.push_back(*std::move(line));
    lines.remove_prefix(newline + 1);
  }
  return parsed;
}

// Whether signature is public_key's Ed25519 signature of message. A key
// OpenSSL refuses verifies nothing.
bool VerifyEd25519(absl::string_view public_key, absl::string_view message,
                   absl::string_view signature) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      EVP_PKEY_new_raw_public_key(
          EVP_PKEY_ED25519, nullptr,
          reinterpret_cast<const unsigned char*>(public_key.data()),
          public_key.size()),
      &EVP_PKEY_free);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (key == nullptr || context == nullptr ||
      EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr,
                           key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(
             context.get(),
             reinterpret_cast<const unsigned char*>(signature.data()),
             signature.size(),
             reinterpret_cast<const unsigned char*>(message.data()),
             message.size()) == 1;
}

}  // namespace

absl::StatusOr<std::string> OpenNote(absl::string_view note,
                                     const NoteVerifier& verifier) {
  if (verifier.public_key.size() != kEd25519PublicKeySize ||
      !internal::IsKeyName(verifier.name) ||
      verifier.key_id != KeyId(verifier.name, verifier.public_key)) {
    return absl::InvalidArgumentError(
        "the verifier is not a valid Ed25519 key: its key id must be "
        "KeyId(name, public_key) with a valid name and a 32-byte key");
  }
  if (note.size() > kMaxNoteBytes) {
    return Malformed(absl::StrFormat("over %d bytes", kMaxNoteBytes));
  }
  if (!internal::IsNoteText(note)) {
    return Malformed("not UTF-8 without control characters but newline");
  }
  const size_t split = note.rfind(kSeparator);
  if (split == absl::string_view::npos) {
    return Malformed("no blank line before the signatures");
  }
  const absl::string_view text = note.substr(0, split + 1);
  absl::StatusOr<std::vector<SignatureLine>> lines =
      ParseSignatureLines(note.substr(split + kSeparator.size()));
  if (!lines.ok()) return lines.status();
  bool signed_by_verifier = false;
  for (const SignatureLine& line : *lines) {
    if (line.name != verifier.name || line.key_id != verifier.key_id) continue;
    if (!VerifyEd25519(verifier.public_key, text, line.signature)) {
      return absl::UnauthenticatedError(
          absl::StrFormat("the signature by %s+%08x does not verify",
                          verifier.name, verifier.key_id));
    }
    signed_by_verifier = true;
  }
  if (!signed_by_verifier) {
    return absl::NotFoundError(
        absl::StrFormat("the note has no signature by %s+%08x", verifier.name,
                        verifier.key_id));
  }
  return std::string(text);
}

}  // namespace welfare::verify
