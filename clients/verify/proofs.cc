// RFC 9162 proof verification: inclusion (section 2.1.3.2) and consistency
// (section 2.1.4.2), step by step as the RFC writes them.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/numeric/bits.h"
#include "absl/strings/str_format.h"
#include "clients/verify/merkle.h"
#include "clients/verify/proof_checks.h"

namespace welfare::verify {
namespace {

bool Lsb(uint64_t x) { return (x & 1) != 0; }

// The RFC's walk of (fn, sn) up the tree, shared by both algorithms: one
// step per proof element, until sn is 0.
class Walk {
 public:
  Walk(uint64_t fn, uint64_t sn) : fn_(fn), sn_(sn) {}

  bool done() const { return sn_ == 0; }

  // Whether the next element is a left sibling: "If LSB(fn) is set, or if
  // fn is equal to sn".
  bool NextIsLeft() const { return Lsb(fn_) || fn_ == sn_; }

  void Step() {
    if (NextIsLeft()) {
      // "If LSB(fn) is not set, then right-shift both fn and sn equally
      // until either LSB(fn) is set or fn is 0."
      while (!Lsb(fn_) && fn_ != 0) Shift();
    }
    Shift();  // "Finally, right-shift both fn and sn one time."
  }

  // The number of steps left: the number of proof elements the RFC
  // consumes from here.
  size_t Length() const {
    Walk walk = *this;
    size_t steps = 0;
    for (; !walk.done(); ++steps) walk.Step();
    return steps;
  }

 private:
  void Shift() {
    fn_ >>= 1;
    sn_ >>= 1;
  }

  uint64_t fn_;
  uint64_t sn_;
};

// Consistency steps 3 and 4: fn = first - 1 and sn = second - 1, then
// "If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn)
// is not set."
Walk ConsistencyWalk(uint64_t size1, uint64_t size2) {
  uint64_t fn = size1 - 1;
  uint64_t sn = size2 - 1;
  while (Lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  return Walk(fn, sn);
}

bool IsPowerOfTwo(uint64_t x) { return absl::has_single_bit(x); }

}  // namespace

absl::StatusOr<Hash> RootFromInclusionProof(
    uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash,
    absl::Span<const std::string> proof) {
  // Step 1.
  if (leaf_index >= tree_size) {
    return absl::InvalidArgumentError(
        absl::StrFormat("leaf index %d is out of range for a tree of %d leaves",
                        leaf_index, tree_size));
  }
  Walk walk(leaf_index, tree_size - 1);  // step 2
  absl::StatusOr<std::vector<Hash>> path =
      internal::ProofHashes("inclusion proof", proof, walk.Length());
  if (!path.ok()) return path.status();
  Hash r = leaf_hash;            // step 3
  for (const Hash& p : *path) {  // step 4; walk.done() only after the last
    r = walk.NextIsLeft() ? NodeHash(p, r) : NodeHash(r, p);
    walk.Step();
  }
  return r;  // step 5 (sn is 0: the length was checked) is the caller's
}

absl::Status VerifyInclusion(uint64_t leaf_index, uint64_t tree_size,
                             const Hash& leaf_hash,
                             absl::Span<const std::string> proof,
                             const Hash& root) {
  absl::StatusOr<Hash> computed =
      RootFromInclusionProof(leaf_index, tree_size, leaf_hash, proof);
  if (!computed.ok()) return computed.status();
  return internal::CheckRoot(
      absl::StrFormat("root of the tree of %d leaves", tree_size), *computed,
      root);
}

absl::Status VerifyConsistency(uint64_t size1, uint64_t size2,
                               absl::Span<const std::string> proof,
                               const Hash& root1, const Hash& root2) {
  if (size1 > size2) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "tree size %d is not a prefix of tree size %d", size1, size2));
  }
  if (size1 == 0) {
    return absl::InvalidArgumentError(
        "a consistency proof from the empty tree proves nothing");
  }
  if (size1 == size2) {
    if (!proof.empty()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "consistency proof between equal sizes has %d elements, want 0",
          proof.size()));
    }
    return internal::CheckRoot(
        absl::StrFormat("root of the tree of %d leaves", size2), root1, root2);
  }
  Walk walk = ConsistencyWalk(size1, size2);
  // Step 2: "If first is an exact power of 2, then prepend first_hash to the
  // consistency_path array." Step 1 (a non-empty path) follows from the
  // length, which is at least 1 here since size1 < size2.
  const bool prepend_root1 = IsPowerOfTwo(size1);
  absl::StatusOr<std::vector<Hash>> path = internal::ProofHashes(
      "consistency proof", proof, walk.Length() + (prepend_root1 ? 0 : 1));
  if (!path.ok()) return path.status();
  if (prepend_root1) path->insert(path->begin(), root1);
  Hash fr = path->front();  // step 5
  Hash sr = path->front();
  for (size_t i = 1; i < path->size(); ++i) {  // step 6
    const Hash& c = (*path)[i];
    if (walk.NextIsLeft()) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
    } else {
      sr = NodeHash(sr, c);
    }
    walk.Step();
  }
  // Step 7 (sn is 0: the length was checked).
  absl::Status first = internal::CheckRoot(
      absl::StrFormat("root of the tree of %d leaves", size1), fr, root1);
  if (!first.ok()) return first;
  return internal::CheckRoot(
      absl::StrFormat("root of the tree of %d leaves", size2), sr, root2);
}

}  // namespace welfare::verify
