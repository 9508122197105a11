// Merkle tree hashes (RFC 9162 section 2.1.1) and the tree builder.
#include "clients/verify/merkle.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <memory>
#include <utility>

#include "absl/numeric/bits.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_format.h"

namespace welfare::verify {
namespace {

constexpr uint8_t kLeafPrefix = 0x00;
constexpr uint8_t kNodePrefix = 0x01;

// OpenSSL 3 looks the algorithm up by name on every EVP_sha256() digest and
// a new context costs an allocation: together more than the hash of a node.
// The algorithm is fetched once (and kept for the life of the process), the
// context once per thread.
const EVP_MD* Sha256Algorithm() {
  static const EVP_MD* const algorithm = [] {
    EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) std::abort();
    return fetched;
  }();
  return algorithm;
}

EVP_MD_CTX* ThreadContext() {
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
      EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (context == nullptr) std::abort();
  return context.get();
}

// SHA-256 of the concatenation of parts. Failing to allocate or run a digest
// is not an input error: it aborts.
Hash Digest(std::initializer_list<absl::string_view> parts) {
  EVP_MD_CTX* context = ThreadContext();
  if (EVP_DigestInit_ex2(context, Sha256Algorithm(), nullptr) != 1) {
    std::abort();
  }
  for (absl::string_view part : parts) {
    if (EVP_DigestUpdate(context, part.data(), part.size()) != 1) {
      std::abort();
    }
  }
  Hash hash;
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context, hash.data(), &length) != 1 ||
      length != kHashSize) {
    std::abort();
  }
  return hash;
}

absl::string_view View(const Hash& hash) {
  return absl::string_view(reinterpret_cast<const char*>(hash.data()),
                           hash.size());
}

absl::string_view View(const uint8_t& byte) {
  return absl::string_view(reinterpret_cast<const char*>(&byte), 1);
}

}  // namespace

Hash Sha256(absl::string_view bytes) { return Digest({bytes}); }

Hash EmptyRoot() { return Digest({}); }

Hash LeafHash(absl::string_view leaf_bytes) {
  return Digest({View(kLeafPrefix), leaf_bytes});
}

Hash NodeHash(const Hash& left, const Hash& right) {
  return Digest({View(kNodePrefix), View(left), View(right)});
}

std::string ToBytes(const Hash& hash) { return std::string(View(hash)); }

absl::StatusOr<Hash> HashFromBytes(absl::string_view bytes) {
  if (bytes.size() != kHashSize) {
    return absl::InvalidArgumentError(
        absl::StrFormat("a hash is %d bytes, not %d", kHashSize, bytes.size()));
  }
  Hash hash;
  std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

std::string ToBase64(const Hash& hash) {
  return absl::Base64Escape(View(hash));
}

std::string ToHex(const Hash& hash) {
  return absl::BytesToHexString(View(hash));
}

TreeBuilder::TreeBuilder() = default;

TreeBuilder::TreeBuilder(uint64_t size, std::vector<Hash> border)
    : size_(size), border_(std::move(border)) {}

absl::StatusOr<TreeBuilder> TreeBuilder::FromBorder(uint64_t size,
                                                    std::vector<Hash> border) {
  const size_t want = static_cast<size_t>(absl::popcount(size));
  if (border.size() != want) {
    return absl::InvalidArgumentError(
        absl::StrFormat("a tree of %d leaves has a border of %d hashes, not %d",
                        size, want, border.size()));
  }
  return TreeBuilder(size, std::move(border));
}

void TreeBuilder::Append(const Hash& leaf_hash, const Visitor& visit) {
  if (size_ == std::numeric_limits<uint64_t>::max()) std::abort();
  // Each set low bit of size_ is a perfect subtree that the new leaf's
  // subtree of the same height completes.
  Hash hash = leaf_hash;
  int level = 0;
  while ((size_ >> level) & 1) {
    hash = NodeHash(border_.back(), hash);
    border_.pop_back();
    ++level;
    if (visit) visit(level, size_ >> level, hash);
  }
  border_.push_back(hash);
  ++size_;
}

Hash TreeBuilder::Root() const {
  if (border_.empty()) return EmptyRoot();
  Hash root = border_.back();
  for (auto it = border_.rbegin() + 1; it != border_.rend(); ++it) {
    root = NodeHash(*it, root);
  }
  return root;
}

}  // namespace welfare::verify
