// Subtree proofs of draft-ietf-plants-merkle-tree-certs (section "Subtrees"):
// a subtree inclusion proof is an RFC 9162 inclusion proof inside the
// subtree; a subtree consistency proof is verified by the draft's
// "Verifying a Subtree Consistency Proof" procedure, step by step.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "clients/verify/merkle.h"
#include "clients/verify/proof_checks.h"

namespace welfare::verify {
namespace {

bool Lsb(uint64_t x) { return (x & 1) != 0; }

// The draft's cursors: fn and sn the subtree's first and last leaf, tn the
// tree's last leaf; right-shifting all three climbs one level.
class SubtreeWalk {
 public:
  // Steps 3 to 5: start at the lowest node whose hash the proof starts from.
  SubtreeWalk(uint64_t start, uint64_t end, uint64_t tree_size)
      : fn_(start), sn_(end - 1), tn_(tree_size - 1) {
    if (sn_ == tn_) {
      while (fn_ != sn_) Shift();
    } else {
      while (fn_ != sn_ && Lsb(sn_)) Shift();
    }
  }

  // Whether the subtree's hash is a node of the tree (the proof omits it)
  // rather than the first proof element.
  bool StartsAtSubtreeNode() const { return fn_ == sn_; }
  bool done() const { return tn_ == 0; }
  bool NextIsLeft() const { return Lsb(sn_) || sn_ == tn_; }
  // Whether a left sibling lies inside the subtree (the draft's fn < sn).
  bool LeftIsInSubtree() const { return fn_ < sn_; }

  void Step() {
    if (NextIsLeft()) {
      while (!Lsb(sn_) && sn_ != 0) Shift();  // "Until LSB(sn) is set"
    }
    Shift();  // "Right-shift fn, sn, and tn once more."
  }

  size_t Length() const {
    SubtreeWalk walk = *this;
    size_t steps = 0;
    for (; !walk.done(); ++steps) walk.Step();
    return steps;
  }

 private:
  void Shift() {
    fn_ >>= 1;
    sn_ >>= 1;
    tn_ >>= 1;
  }

  uint64_t fn_;
  uint64_t sn_;
  uint64_t tn_;
};

absl::Status InvalidSubtree(uint64_t start, uint64_t end) {
  return absl::InvalidArgumentError(
      absl::StrFormat("[%d, %d) is not a valid subtree", start, end));
}

}  // namespace

bool IsValidSubtree(uint64_t start, uint64_t end) {
  if (start > end) return false;
  const uint64_t size = end - start;
  constexpr uint64_t kTopBit = uint64_t{1} << 63;
  if (size > kTopBit) return start == 0;  // BIT_CEIL(size) would be 2^64
  uint64_t bit_ceil = 1;
  while (bit_ceil < size) bit_ceil <<= 1;
  return (start & (bit_ceil - 1)) == 0;
}

absl::Status VerifySubtreeInclusion(uint64_t leaf_index, uint64_t start,
                                    uint64_t end, const Hash& leaf_hash,
                                    absl::Span<const std::string> proof,
                                    const Hash& subtree_root) {
  if (!IsValidSubtree(start, end)) return InvalidSubtree(start, end);
  if (leaf_index < start || leaf_index >= end) {
    return absl::InvalidArgumentError(
        absl::StrFormat("leaf index %d is out of range for subtree [%d, %d)",
                        leaf_index, start, end));
  }
  absl::StatusOr<Hash> computed =
      RootFromInclusionProof(leaf_index - start, end - start, leaf_hash, proof);
  if (!computed.ok()) return computed.status();
  return internal::CheckRoot(
      absl::StrFormat("hash of subtree [%d, %d)", start, end), *computed,
      subtree_root);
}

absl::Status VerifySubtreeConsistency(uint64_t start, uint64_t end,
                                      uint64_t tree_size,
                                      absl::Span<const std::string> proof,
                                      const Hash& subtree_root,
                                      const Hash& root) {
  // Step 1.
  if (!IsValidSubtree(start, end)) return InvalidSubtree(start, end);
  if (end > tree_size) {
    return absl::InvalidArgumentError(
        absl::StrFormat("subtree [%d, %d) does not fit in a tree of %d leaves",
                        start, end, tree_size));
  }
  const std::string subtree_name =
      absl::StrFormat("hash of subtree [%d, %d)", start, end);
  if (start == end) {  // step 2
    if (!proof.empty()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "consistency proof of an empty subtree has %d elements, want 0",
          proof.size()));
    }
    return internal::CheckRoot(subtree_name, EmptyRoot(), subtree_root);
  }
  SubtreeWalk walk(start, end, tree_size);  // steps 3 to 5
  const bool seeded = walk.StartsAtSubtreeNode();
  absl::StatusOr<std::vector<Hash>> path = internal::ProofHashes(
      "subtree consistency proof", proof, walk.Length() + (seeded ? 0 : 1));
  if (!path.ok()) return path.status();
  // Steps 6 and 7 (a non-empty proof when not seeded: the length was
  // checked).
  if (seeded) path->insert(path->begin(), subtree_root);
  Hash fr = path->front();
  Hash sr = path->front();
  for (size_t i = 1; i < path->size(); ++i) {  // step 8
    const Hash& c = (*path)[i];
    if (walk.NextIsLeft()) {
      if (walk.LeftIsInSubtree()) fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
    } else {
      sr = NodeHash(sr, c);
    }
    walk.Step();
  }
  // Step 9 (tn is 0: the length was checked).
  absl::Status subtree = internal::CheckRoot(subtree_name, fr, subtree_root);
  if (!subtree.ok()) return subtree;
  return internal::CheckRoot(
      absl::StrFormat("root of the tree of %d leaves", tree_size), sr, root);
}

}  // namespace welfare::verify
