#include "storage/sha256.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstring>

#include "absl/strings/escaping.h"
#include "clients/verify/merkle.h"
#include "storage/status_macros.h"

namespace welfare::storage {

Hash Sha256(absl::string_view data) { return welfare::verify::Sha256(data); }

Hash Sha256(absl::string_view first, absl::string_view second) {
  Hash hash;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  WELFARE_CHECK(context != nullptr);
  WELFARE_CHECK(EVP_DigestInit_ex(context, EVP_sha256(), nullptr) == 1);
  WELFARE_CHECK(EVP_DigestUpdate(context, first.data(), first.size()) == 1);
  WELFARE_CHECK(EVP_DigestUpdate(context, second.data(), second.size()) == 1);
  unsigned int length = 0;
  WELFARE_CHECK(EVP_DigestFinal_ex(context, hash.data(), &length) == 1);
  EVP_MD_CTX_free(context);
  WELFARE_CHECK(length == kHashBytes);
  return hash;
}

Hash HmacSha256(absl::string_view key, absl::string_view data) {
  Hash hash;
  unsigned int length = 0;
  WELFARE_CHECK(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                     reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), hash.data(), &length) != nullptr);
  WELFARE_CHECK(length == kHashBytes);
  return hash;
}

std::string HashBytes(const Hash& hash) {
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

std::string HashHex(const Hash& hash) {
  return absl::BytesToHexString(HashBytes(hash));
}

std::string RandomBytes(size_t n) {
  std::string bytes(n, '\0');
  WELFARE_CHECK(RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()),
                           static_cast<int>(n)) == 1);
  return bytes;
}

}  // namespace welfare::storage
