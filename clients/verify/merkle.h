// RFC 9162 section 2.1 Merkle trees over SHA-256: hashes, a tree builder
// that keeps only the right border, and verification of inclusion and
// consistency proofs received from an untrusted server.
//
//   MTH({})       = SHA-256()                         EmptyRoot()
//   MTH({d})      = SHA-256(0x00 || d)                LeafHash(d)
//   MTH(D[0:n])   = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   NodeHash
//                   where k is the largest power of two smaller than n.
//
// Proof verification (VerifyInclusion, RootFromInclusionProof,
// VerifyConsistency, and the subtree variants below) checks, in this order,
// and returns the first failure:
//   1. indices and sizes             INVALID_ARGUMENT (index out of range,
//                                    size1 > size2, invalid subtree...)
//   2. the number of proof elements  INVALID_ARGUMENT ("has 3 elements,
//                                    want 4")
//   3. each element is 32 bytes      INVALID_ARGUMENT (says which one)
//   4. the recomputed root(s)        FAILED_PRECONDITION: the proof is well
//                                    formed but does not prove the claim
//                                    against the given root(s).
// OK means the proof is exactly right: every element was used. All
// functions here are pure and thread-safe.
#ifndef WELFARE_CLIENTS_VERIFY_MERKLE_H_
#define WELFARE_CLIENTS_VERIFY_MERKLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace welfare::verify {

inline constexpr size_t kHashSize = 32;
using Hash = std::array<uint8_t, kHashSize>;

Hash Sha256(absl::string_view bytes);                // plain SHA-256
Hash EmptyRoot();                                    // SHA-256("")
Hash LeafHash(absl::string_view leaf_bytes);         // SHA-256(0x00 || bytes)
Hash NodeHash(const Hash& left, const Hash& right);  // SHA-256(0x01 || l || r)

std::string ToBytes(const Hash& hash);  // the 32 raw bytes
// INVALID_ARGUMENT unless bytes is exactly 32 bytes long.
absl::StatusOr<Hash> HashFromBytes(absl::string_view bytes);
std::string ToBase64(const Hash& hash);  // standard, padded (44 characters)
std::string ToHex(const Hash& hash);     // lowercase (64 characters)

// The right border of a tree being built leaf by leaf (the "compact range"
// [0, size)): one perfect-subtree hash per set bit of size, largest subtree
// first. O(log n) memory. Not thread-safe; copyable.
class TreeBuilder {
 public:
  using Visitor =
      std::function<void(int level, uint64_t index, const Hash& hash)>;

  TreeBuilder();  // the empty tree

  // Restores a builder for a tree of `size` leaves from its border hashes
  // (exactly popcount(size) of them, largest subtree first);
  // INVALID_ARGUMENT otherwise.
  static absl::StatusOr<TreeBuilder> FromBorder(uint64_t size,
                                                std::vector<Hash> border);

  // Appends a leaf hash. Calls visit(level, index, hash) for every perfect
  // subtree node completed by this append at level >= 1 (level 1 = parent of
  // two leaves; index = position of the node among the nodes of its level,
  // 0-based), lowest level first. visit may be empty. Requires size() <
  // UINT64_MAX (aborts otherwise).
  void Append(const Hash& leaf_hash, const Visitor& visit = {});

  uint64_t size() const { return size_; }
  const std::vector<Hash>& border() const { return border_; }
  Hash Root() const;  // EmptyRoot() for size 0

 private:
  TreeBuilder(uint64_t size, std::vector<Hash> border);

  uint64_t size_ = 0;
  std::vector<Hash> border_;
};

// Proofs arrive as raw byte strings: any length may come from the server.

// RFC 9162 section 2.1.3.2: OK if `proof` proves that leaf_hash is leaf
// leaf_index of the tree of tree_size leaves whose root is `root`.
absl::Status VerifyInclusion(uint64_t leaf_index, uint64_t tree_size,
                             const Hash& leaf_hash,
                             absl::Span<const std::string> proof,
                             const Hash& root);

// The root that an inclusion proof implies (checks 1-3 above). The caller
// must still compare it with a root it trusts.
absl::StatusOr<Hash> RootFromInclusionProof(
    uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash,
    absl::Span<const std::string> proof);

// RFC 9162 section 2.1.4.2: OK if `proof` proves that the tree of size1
// leaves with root1 is a prefix of the tree of size2 leaves with root2.
// Edge cases, as the transparency-dev/merkle test vectors want them:
//   size1 > size2                       INVALID_ARGUMENT
//   size1 == 0                          INVALID_ARGUMENT: a proof from the
//                                       empty tree proves nothing, and none
//                                       is defined. A client that trusted
//                                       size 0 may accept any later tree.
//   size1 == size2 (> 0)                the proof must be empty and
//                                       root1 == root2.
absl::Status VerifyConsistency(uint64_t size1, uint64_t size2,
                               absl::Span<const std::string> proof,
                               const Hash& root1, const Hash& root2);

// Subtrees, as in draft-ietf-plants-merkle-tree-certs ("Merkle Tree
// Certificates", section "Subtrees"): [start, end) is a valid subtree if
// start <= end and start is a multiple of BIT_CEIL(end - start). [0, n) and
// [x, x) are always valid.
bool IsValidSubtree(uint64_t start, uint64_t end);

// OK if `proof` (an RFC 9162 inclusion proof within the subtree) proves that
// leaf_hash is leaf leaf_index of the subtree [start, end) whose hash is
// subtree_root. Requires a valid subtree and start <= leaf_index < end.
absl::Status VerifySubtreeInclusion(uint64_t leaf_index, uint64_t start,
                                    uint64_t end, const Hash& leaf_hash,
                                    absl::Span<const std::string> proof,
                                    const Hash& subtree_root);

// The draft's "Verifying a Subtree Consistency Proof": OK if `proof` proves
// that the subtree [start, end) with hash subtree_root sits at those
// positions in the tree of tree_size leaves with root `root`. Requires a
// valid subtree and end <= tree_size. An empty subtree (start == end) needs
// an empty proof and subtree_root == EmptyRoot(); `root` is not consulted
// then. With 0 == start < end this is VerifyConsistency(end, tree_size,
// ...).
absl::Status VerifySubtreeConsistency(uint64_t start, uint64_t end,
                                      uint64_t tree_size,
                                      absl::Span<const std::string> proof,
                                      const Hash& subtree_root,
                                      const Hash& root);

}  // namespace welfare::verify

#endif  // WELFARE_CLIENTS_VERIFY_MERKLE_H_
