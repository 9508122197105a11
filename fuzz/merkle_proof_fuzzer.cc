// Merkle proofs (clients/verify/merkle.h) as an untrusted server may send
// them. The first input byte picks a mode; the rest is read with libFuzzer's
// FuzzedDataProvider.
//
//   raw      indices, sizes, hashes and proof elements (of any length) all
//            from the input, through every verifier. Nothing may crash, and
//            the verifiers must agree with each other: VerifyInclusion with
//            RootFromInclusionProof, VerifyConsistency with
//            VerifySubtreeConsistency from 0. TreeBuilder::FromBorder of a
//            fuzzed border.
//   honest   a tree of 1..200 leaves (the tests' reference model,
//            tests/verify/naive_tree.h) and positions from the input: the
//            reference inclusion, consistency and subtree proofs must
//            verify; the same with one bit flipped (of an element, the leaf
//            or a root, as the input picks) must not. Then a fuzzed change
//            of an index or size, or a dropped or repeated element, which
//            may verify or not but must not crash.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "clients/verify/merkle.h"
#include "storage/status_macros.h"
#include "tests/verify/naive_tree.h"

namespace {

namespace verify = welfare::verify;
using verify::Hash;
using Proof = std::vector<std::string>;

constexpr uint64_t kLeavesMax = 200;
constexpr size_t kProofElementsMax = 70;

// Mostly small sizes, sometimes any.
uint64_t Size(FuzzedDataProvider& input) {
  return input.ConsumeBool() ? input.ConsumeIntegral<uint64_t>()
                             : input.ConsumeIntegralInRange<uint64_t>(0, 70);
}

Hash HashFrom(FuzzedDataProvider& input) {
  Hash hash{};
  const std::vector<uint8_t> bytes = input.ConsumeBytes<uint8_t>(hash.size());
  std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

Proof ProofFrom(FuzzedDataProvider& input) {
  Proof proof(input.ConsumeIntegralInRange<size_t>(0, kProofElementsMax));
  for (std::string& element : proof) {
    element = input.ConsumeBool()
                  ? input.ConsumeBytesAsString(verify::kHashSize)
                  : input.ConsumeRandomLengthString(48);
  }
  return proof;
}

void FuzzRaw(FuzzedDataProvider& input) {
  const uint64_t index = Size(input);
  const uint64_t start = Size(input);
  const uint64_t size1 = Size(input);
  const uint64_t size2 = Size(input);
  const Hash leaf = HashFrom(input);
  const Hash root1 = HashFrom(input);
  const Hash root2 = HashFrom(input);
  const Proof proof = ProofFrom(input);

  const absl::Status included =
      verify::VerifyInclusion(index, size2, leaf, proof, root2);
  const absl::StatusOr<Hash> implied =
      verify::RootFromInclusionProof(index, size2, leaf, proof);
  WELFARE_CHECK(included.ok() == (implied.ok() && *implied == root2));

  const absl::Status consistent =
      verify::VerifyConsistency(size1, size2, proof, root1, root2);
  if (size1 > 0) {
    WELFARE_CHECK(consistent.ok() == verify::VerifySubtreeConsistency(
                                         0, size1, size2, proof, root1, root2)
                                         .ok());
  }
  const bool valid = verify::IsValidSubtree(start, size1);
  const absl::Status sub_included =
      verify::VerifySubtreeInclusion(index, start, size1, leaf, proof, root1);
  const absl::Status sub_consistent = verify::VerifySubtreeConsistency(
      start, size1, size2, proof, root1, root2);
  if (!valid) WELFARE_CHECK(!sub_included.ok() && !sub_consistent.ok());

  std::vector<Hash> border(input.ConsumeIntegralInRange<size_t>(0, 66));
  for (Hash& hash : border) hash = HashFrom(input);
  const size_t border_size = border.size();
  absl::StatusOr<verify::TreeBuilder> builder =
      verify::TreeBuilder::FromBorder(size1, std::move(border));
  WELFARE_CHECK(
      builder.ok() ==
      (border_size == static_cast<size_t>(__builtin_popcountll(size1))));
  if (builder.ok()) {
    builder->Root();
    if (builder->size() < UINT64_MAX) builder->Append(leaf);
  }
}

// One claim and its proof, verified by `check`.
struct Claim {
  uint64_t index = 0;
  uint64_t start = 0;
  uint64_t end = 0;
  uint64_t size = 0;
  Hash leaf{};
  Hash first_root{};
  Hash root{};
  Proof proof;
  bool root_used = true;
  absl::Status (*check)(const Claim&) = nullptr;
};

absl::Status CheckInclusion(const Claim& c) {
  return verify::VerifyInclusion(c.index, c.size, c.leaf, c.proof, c.root);
}
absl::Status CheckConsistency(const Claim& c) {
  return verify::VerifyConsistency(c.end, c.size, c.proof, c.first_root,
                                   c.root);
}
absl::Status CheckSubtreeInclusion(const Claim& c) {
  return verify::VerifySubtreeInclusion(c.index, c.start, c.end, c.leaf,
                                        c.proof, c.first_root);
}
absl::Status CheckSubtreeConsistency(const Claim& c) {
  return verify::VerifySubtreeConsistency(c.start, c.end, c.size, c.proof,
                                          c.first_root, c.root);
}

// An honest claim about `leaves`, of the kind the input picks; false if
// the positions picked make none.
bool HonestClaim(FuzzedDataProvider& input, absl::Span<const Hash> leaves,
                 Claim* claim) {
  namespace model = welfare::verify::testing;
  const uint64_t n = leaves.size();
  claim->size = n;
  claim->root = model::Mth(leaves);
  switch (input.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      claim->index = input.ConsumeIntegralInRange<uint64_t>(0, n - 1);
      claim->leaf = leaves[claim->index];
      claim->proof = model::Path(claim->index, leaves);
      claim->check = &CheckInclusion;
      return true;
    case 1:
      claim->end = input.ConsumeIntegralInRange<uint64_t>(1, n);
      claim->first_root = model::Mth(leaves.subspan(0, claim->end));
      claim->proof = model::Proof(claim->end, leaves);
      claim->check = &CheckConsistency;
      return true;
    default:
      break;
  }
  claim->start = input.ConsumeIntegralInRange<uint64_t>(0, n);
  claim->end = input.ConsumeIntegralInRange<uint64_t>(claim->start, n);
  if (!verify::IsValidSubtree(claim->start, claim->end)) return false;
  const absl::Span<const Hash> subtree =
      leaves.subspan(claim->start, claim->end - claim->start);
  claim->first_root = model::Mth(subtree);
  if (input.ConsumeBool()) {
    if (claim->start == claim->end) return false;
    claim->index =
        input.ConsumeIntegralInRange<uint64_t>(claim->start, claim->end - 1);
    claim->leaf = leaves[claim->index];
    claim->proof = model::Path(claim->index - claim->start, subtree);
    claim->root = claim->first_root;  // Not consulted.
    claim->check = &CheckSubtreeInclusion;
  } else {
    claim->proof = model::SubtreeProof(claim->start, claim->end, leaves);
    claim->root_used = claim->start < claim->end;
    claim->check = &CheckSubtreeConsistency;
  }
  return true;
}

void FlipBit(FuzzedDataProvider& input, uint8_t* bytes, size_t size) {
  const size_t bit = input.ConsumeIntegralInRange<size_t>(0, size * 8 - 1);
  bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
}

// The claim with one bit flipped where the input says; false if the flip
// need not be noticed (a root the verifier does not consult).
bool Flipped(FuzzedDataProvider& input, Claim* claim) {
  const int what = input.ConsumeIntegralInRange<int>(0, 3);
  if (what == 0 && !claim->proof.empty()) {
    std::string& element = claim->proof[input.ConsumeIntegralInRange<size_t>(
        0, claim->proof.size() - 1)];
    FlipBit(input, reinterpret_cast<uint8_t*>(element.data()), element.size());
    return true;
  }
  if (what == 1 && claim->check != &CheckConsistency &&
      claim->check != &CheckSubtreeConsistency) {
    FlipBit(input, claim->leaf.data(), claim->leaf.size());
    return true;
  }
  if (what == 2 && claim->check != &CheckInclusion) {
    FlipBit(input, claim->first_root.data(), claim->first_root.size());
    return true;
  }
  if (claim->check == &CheckSubtreeInclusion || !claim->root_used) {
    return false;
  }
  FlipBit(input, claim->root.data(), claim->root.size());
  return true;
}

// Any change at all, to see that nothing crashes.
void Mangle(FuzzedDataProvider& input, Claim* claim) {
  uint64_t* numbers[] = {&claim->index, &claim->start, &claim->end,
                         &claim->size};
  switch (input.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      *numbers[input.ConsumeIntegralInRange<int>(0, 3)] +=
          input.ConsumeIntegral<uint64_t>();
      break;
    case 1:
      if (!claim->proof.empty()) claim->proof.pop_back();
      break;
    case 2:
      if (!claim->proof.empty()) claim->proof.push_back(claim->proof.front());
      break;
    default:
      claim->proof.insert(claim->proof.begin(),
                          input.ConsumeRandomLengthString(40));
      break;
  }
}

void FuzzHonest(FuzzedDataProvider& input) {
  static const std::vector<Hash>* const all_leaves =
      new std::vector<Hash>(welfare::verify::testing::MakeLeaves(kLeavesMax));
  const uint64_t n = input.ConsumeIntegralInRange<uint64_t>(1, kLeavesMax);
  const absl::Span<const Hash> leaves =
      absl::MakeConstSpan(*all_leaves).subspan(0, n);
  Claim claim;
  if (!HonestClaim(input, leaves, &claim)) return;
  WELFARE_CHECK(claim.check(claim).ok());
  if (claim.check == &CheckInclusion) {
    const absl::StatusOr<Hash> root = verify::RootFromInclusionProof(
        claim.index, claim.size, claim.leaf, claim.proof);
    WELFARE_CHECK(root.ok() && *root == claim.root);
  }
  Claim flipped = claim;
  if (Flipped(input, &flipped)) WELFARE_CHECK(!flipped.check(flipped).ok());
  Mangle(input, &claim);
  claim.check(claim).IgnoreError();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider input(data, size);
  if (input.ConsumeBool()) {
    FuzzHonest(input);
  } else {
    FuzzRaw(input);
  }
  return 0;
}
