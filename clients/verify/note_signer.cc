// Ed25519 note signing with OpenSSL.
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "clients/verify/encoding.h"
#include "clients/verify/note.h"
#include "clients/verify/note_internal.h"

namespace welfare::verify {
namespace {

constexpr absl::string_view kSignerKeyPrefix = "PRIVATE+KEY+";

const unsigned char* Bytes(absl::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

NoteSigner::NoteSigner(std::string name, std::string seed,
                       std::string public_key, std::shared_ptr<EVP_PKEY> key)
    : name_(std::move(name)),
      seed_(std::move(seed)),
      public_key_(std::move(public_key)),
      key_(std::move(key)) {}

absl::StatusOr<NoteSigner> NoteSigner::Generate(absl::string_view name) {
  std::string seed(kEd25519SeedSize, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(seed.data()),
                 static_cast<int>(seed.size())) != 1) {
    return absl::InternalError("OpenSSL could not generate random bytes");
  }
  return FromSeed(name, seed);
}

absl::StatusOr<NoteSigner> NoteSigner::FromSeed(absl::string_view name,
                                                absl::string_view seed32) {
  if (!internal::IsKeyName(name)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid key name \"", absl::CHexEscape(name),
        "\": want non-empty UTF-8 with no space, control character or '+'"));
  }
  if (seed32.size() != kEd25519SeedSize) {
    return absl::InvalidArgumentError(
        absl::StrFormat("an Ed25519 seed is %d bytes, not %d", kEd25519SeedSize,
                        seed32.size()));
  }
  std::shared_ptr<EVP_PKEY> key(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, Bytes(seed32),
                                   seed32.size()),
      &EVP_PKEY_free);
  std::string public_key(kEd25519PublicKeySize, '\0');
  size_t public_key_size = public_key.size();
  if (key == nullptr ||
      EVP_PKEY_get_raw_public_key(
          key.get(), reinterpret_cast<unsigned char*>(public_key.data()),
          &public_key_size) != 1 ||
      public_key_size != kEd25519PublicKeySize) {
    return absl::InternalError("OpenSSL could not load the Ed25519 seed");
  }
  return NoteSigner(std::string(name), std::string(seed32),
                    std::move(public_key), std::move(key));
}

absl::StatusOr<NoteSigner> NoteSigner::FromSignerKey(absl::string_view skey) {
  if (!absl::ConsumePrefix(&skey, kSignerKeyPrefix)) {
    return absl::InvalidArgumentError(
        "malformed signer key: it does not start with \"PRIVATE+KEY+\"");
  }
  absl::StatusOr<internal::KeyFields> fields =
      internal::ParseKeyFields("signer key", skey);
  if (!fields.ok()) return fields.status();
  absl::StatusOr<NoteSigner> signer = FromSeed(fields->name, fields->key);
  if (!signer.ok()) return signer.status();
  if (signer->key_id() != fields->key_id) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "signer key id %08x does not match its name and key (%08x)",
        fields->key_id, signer->key_id()));
  }
  return signer;
}

std::string NoteSigner::VerifierKey() const {
  return FormatVerifierKey(name_, public_key_);
}

std::string NoteSigner::SignerKey() const {
  return absl::StrCat(kSignerKeyPrefix,
                      internal::FormatKeyFields(name_, key_id(), seed_));
}

absl::StatusOr<std::string> NoteSigner::Sign(absl::string_view text) const {
  if (text.empty() || text.back() != '\n' || !internal::IsNoteText(text)) {
    return absl::InvalidArgumentError(
        "a note's text is non-empty UTF-8 ending in a newline, with no "
        "control character but newline");
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(kEd25519SignatureSize, '\0');
  size_t signature_size = signature.size();
  if (context == nullptr ||
      EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr,
                         key_.get()) != 1 ||
      EVP_DigestSign(context.get(),
                     reinterpret_cast<unsigned char*>(signature.data()),
                     &signature_size, Bytes(text), text.size()) != 1 ||
      signature_size != kEd25519SignatureSize) {
    return absl::InternalError("OpenSSL could not sign the note");
  }
  const uint32_t id = key_id();
  const char id_bytes[4] = {static_cast<char>(id >> 24),
                            static_cast<char>(id >> 16),
                            static_cast<char>(id >> 8), static_cast<char>(id)};
  std::string note =
      absl::StrCat(text, "\n\xE2\x80\x94 ", name_, " ",
                   absl::Base64Escape(
                       absl::StrCat(absl::string_view(id_bytes, 4), signature)),
                   "\n");
  if (note.size() > kMaxNoteBytes) {
    return absl::InvalidArgumentError(
        absl::StrFormat("the signed note would be %d bytes, over %d",
                        note.size(), kMaxNoteBytes));
  }
  return note;
}

}  // namespace welfare::verify
