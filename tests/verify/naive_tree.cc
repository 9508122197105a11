#include "tests/verify/naive_tree.h"

#include "absl/strings/str_cat.h"

namespace welfare::verify::testing {
namespace {

// The largest power of two smaller than n (n > 1).
uint64_t SplitPoint(uint64_t n) {
  uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

std::vector<std::string> Append(std::vector<std::string> proof,
                                const Hash& hash) {
  proof.push_back(ToBytes(hash));
  return proof;
}

std::vector<std::string> SubProof(uint64_t m, Leaves leaves, bool b) {
  const uint64_t n = leaves.size();
  if (m == n) {
    if (b) return {};
    return {ToBytes(Mth(leaves))};
  }
  const uint64_t k = SplitPoint(n);
  if (m <= k) {
    return Append(SubProof(m, leaves.subspan(0, k), b), Mth(leaves.subspan(k)));
  }
  return Append(SubProof(m - k, leaves.subspan(k), false),
                Mth(leaves.subspan(0, k)));
}

std::vector<std::string> SubtreeSubProof(uint64_t start, uint64_t end,
                                         Leaves leaves, bool b) {
  const uint64_t n = leaves.size();
  if (start == 0 && end == n) {
    if (b) return {};
    return {ToBytes(Mth(leaves))};
  }
  const uint64_t k = SplitPoint(n);
  if (end <= k) {
    return Append(SubtreeSubProof(start, end, leaves.subspan(0, k), b),
                  Mth(leaves.subspan(k)));
  }
  if (k <= start) {
    return Append(SubtreeSubProof(start - k, end - k, leaves.subspan(k), b),
                  Mth(leaves.subspan(0, k)));
  }
  return Append(SubtreeSubProof(0, end - k, leaves.subspan(k), false),
                Mth(leaves.subspan(0, k)));
}

}  // namespace

std::vector<Hash> MakeLeaves(uint64_t count) {
  std::vector<Hash> leaves;
  for (uint64_t i = 0; i < count; ++i) {
    leaves.push_back(LeafHash(absl::StrCat("leaf ", i)));
  }
  return leaves;
}

Hash Mth(Leaves leaves) {
  const uint64_t n = leaves.size();
  if (n == 0) return EmptyRoot();
  if (n == 1) return leaves[0];
  const uint64_t k = SplitPoint(n);
  return NodeHash(Mth(leaves.subspan(0, k)), Mth(leaves.subspan(k)));
}

std::vector<std::string> Path(uint64_t m, Leaves leaves) {
  const uint64_t n = leaves.size();
  if (n <= 1) return {};
  const uint64_t k = SplitPoint(n);
  if (m < k) {
    return Append(Path(m, leaves.subspan(0, k)), Mth(leaves.subspan(k)));
  }
  return Append(Path(m - k, leaves.subspan(k)), Mth(leaves.subspan(0, k)));
}

std::vector<std::string> Proof(uint64_t m, Leaves leaves) {
  return SubProof(m, leaves, true);
}

std::vector<std::string> SubtreeProof(uint64_t start, uint64_t end,
                                      Leaves leaves) {
  if (start == end) return {};
  return SubtreeSubProof(start, end, leaves, true);
}

}  // namespace welfare::verify::testing
