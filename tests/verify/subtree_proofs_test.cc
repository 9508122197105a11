// Subtree proofs (Merkle Tree Certificates draft): the draft's examples,
// every subtree of trees up to 40 leaves, and the rejections.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "clients/verify/merkle.h"
#include "gtest/gtest.h"
#include "tests/verify/naive_tree.h"

namespace welfare::verify {
namespace {

using absl::StatusCode;
using testing::MakeLeaves;
using testing::Mth;
using testing::Path;
using testing::Proof;
using testing::SubtreeProof;

constexpr uint64_t kMaxSize = 40;

TEST(VerifySubtreeTest, IsValidSubtreeFollowsTheDraft) {
  const struct {
    uint64_t start, end;
    bool valid;
  } kCases[] = {
      {0, 0, true},           {0, 13, true},
      {5, 5, true},           {4, 8, true},
      {8, 13, true},          {12, 14, true},
      {1, 3, false},          {2, 5, false},
      {2, 6, false},          {1, 15, false},
      {3, 2, false},          {0, UINT64_MAX, true},
      {1, UINT64_MAX, false}, {uint64_t{1} << 63, UINT64_MAX, true},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(IsValidSubtree(c.start, c.end), c.valid)
        << "[" << c.start << ", " << c.end << ")";
  }
}

class VerifySubtreeProofTest : public ::testing::Test {
 protected:
  VerifySubtreeProofTest() : leaves_(MakeLeaves(kMaxSize)) {}
  testing::Leaves Range(uint64_t start, uint64_t end) const {
    return absl::MakeConstSpan(leaves_).subspan(start, end - start);
  }
  std::vector<std::string> Nodes(
      std::vector<std::pair<uint64_t, uint64_t>> ranges) const {
    std::vector<std::string> nodes;
    for (auto [start, end] : ranges)
      nodes.push_back(ToBytes(Mth(Range(start, end))));
    return nodes;
  }

  std::vector<Hash> leaves_;
};

// The two examples of the draft's "Example Subtree Consistency Proofs".
TEST_F(VerifySubtreeProofTest, ReferenceProofsAreTheDraftExamples) {
  const auto tree = Range(0, 14);
  EXPECT_EQ(SubtreeProof(4, 8, tree), Nodes({{0, 4}, {8, 14}}));
  EXPECT_EQ(SubtreeProof(8, 13, tree),
            Nodes({{12, 13}, {13, 14}, {8, 12}, {0, 8}}));
  EXPECT_TRUE(VerifySubtreeConsistency(8, 13, 14, SubtreeProof(8, 13, tree),
                                       Mth(Range(8, 13)), Mth(tree))
                  .ok());
  for (uint64_t m = 1; m <= 14; ++m) {
    EXPECT_EQ(SubtreeProof(0, m, tree), Proof(m, tree)) << m;
  }
}

TEST_F(VerifySubtreeProofTest, AcceptsEverySubtreeProofAndRejectsChanges) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    const Hash root = Mth(Range(0, n));
    for (uint64_t end = 1; end <= n; ++end) {
      for (uint64_t start = 0; start < end; ++start) {
        if (!IsValidSubtree(start, end)) continue;
        const Hash subtree = Mth(Range(start, end));
        const std::vector<std::string> proof =
            SubtreeProof(start, end, Range(0, n));
        ASSERT_TRUE(
            VerifySubtreeConsistency(start, end, n, proof, subtree, root).ok())
            << "[" << start << ", " << end << ") of " << n;
        for (size_t i = 0; i < proof.size(); ++i) {
          std::vector<std::string> flipped = proof;
          flipped[i][(i * 7 + end) % kHashSize] ^= 0x01;
          ASSERT_EQ(
              VerifySubtreeConsistency(start, end, n, flipped, subtree, root)
                  .code(),
              StatusCode::kFailedPrecondition);
          std::vector<std::string> dropped = proof;
          dropped.erase(dropped.begin() + i);
          ASSERT_EQ(
              VerifySubtreeConsistency(start, end, n, dropped, subtree, root)
                  .code(),
              StatusCode::kInvalidArgument);
        }
        std::vector<std::string> added = proof;
        added.push_back(ToBytes(root));
        ASSERT_EQ(VerifySubtreeConsistency(start, end, n, added, subtree, root)
                      .code(),
                  StatusCode::kInvalidArgument);
        if (root != subtree) {  // swapped hashes
          EXPECT_FALSE(
              VerifySubtreeConsistency(start, end, n, proof, root, subtree)
                  .ok());
        }
      }
    }
  }
}

TEST_F(VerifySubtreeProofTest, InclusionIsAPathInsideTheSubtree) {
  for (uint64_t end = 1; end <= kMaxSize; ++end) {
    for (uint64_t start = 0; start < end; ++start) {
      if (!IsValidSubtree(start, end)) continue;
      const Hash subtree = Mth(Range(start, end));
      for (uint64_t index = start; index < end; ++index) {
        const std::vector<std::string> path =
            Path(index - start, Range(start, end));
        ASSERT_TRUE(VerifySubtreeInclusion(index, start, end, leaves_[index],
                                           path, subtree)
                        .ok());
        for (size_t i = 0; i < path.size(); ++i) {
          std::vector<std::string> flipped = path;
          flipped[i][i % kHashSize] ^= 0x01;
          ASSERT_EQ(VerifySubtreeInclusion(index, start, end, leaves_[index],
                                           flipped, subtree)
                        .code(),
                    StatusCode::kFailedPrecondition);
        }
      }
      EXPECT_EQ(VerifySubtreeInclusion(end, start, end, leaves_[0], {}, subtree)
                    .code(),
                StatusCode::kInvalidArgument);
    }
  }
}

TEST_F(VerifySubtreeProofTest, AnEmptySubtreeNeedsAnEmptyProofAndRoot) {
  const Hash root = Mth(Range(0, 5));
  const std::vector<std::string> one = {ToBytes(EmptyRoot())};
  EXPECT_TRUE(VerifySubtreeConsistency(3, 3, 5, {}, EmptyRoot(), root).ok());
  EXPECT_TRUE(
      VerifySubtreeConsistency(3, 3, 5, {}, EmptyRoot(), leaves_[0]).ok());
  EXPECT_EQ(VerifySubtreeConsistency(3, 3, 5, one, EmptyRoot(), root).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifySubtreeConsistency(3, 3, 5, {}, root, root).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(VerifySubtreeConsistency(6, 6, 5, {}, EmptyRoot(), root).code(),
            StatusCode::kInvalidArgument);  // beyond the tree
  EXPECT_EQ(VerifySubtreeConsistency(2, 6, 8, {}, root, root).code(),
            StatusCode::kInvalidArgument);  // not a subtree
}

}  // namespace
}  // namespace welfare::verify
