// Merkle tree hashes and the tree builder, against known answers and the
// recursive definition.
#include "clients/verify/merkle.h"

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/escaping.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/verify/naive_tree.h"

namespace welfare::verify {
namespace {

using ::testing::ElementsAre;
using testing::MakeLeaves;
using testing::Mth;

TEST(VerifyHashTest, MatchesKnownAnswers) {
  EXPECT_EQ(ToHex(EmptyRoot()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ToHex(LeafHash("")),
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_EQ(ToBase64(LeafHash("")),
            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
}

// The RFC 6962 reference tree of 8 leaves (used by certificate-transparency
// and transparency-dev/merkle): its roots at sizes 1 to 8.
TEST(VerifyHashTest, TreeBuilderMatchesTheReferenceTree) {
  const char* kLeavesHex[] = {"",
                              "00",
                              "10",
                              "2021",
                              "3031",
                              "40414243",
                              "5051525354555657",
                              "606162636465666768696a6b6c6d6e6f"};
  const char* kRootsHex[] = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
  TreeBuilder builder;
  for (int i = 0; i < 8; ++i) {
    builder.Append(LeafHash(absl::HexStringToBytes(kLeavesHex[i])));
    EXPECT_EQ(ToHex(builder.Root()), kRootsHex[i]) << "size " << i + 1;
  }
}

TEST(VerifyHashTest, HashFromBytesWantsExactly32Bytes) {
  const Hash hash = LeafHash("x");
  ASSERT_TRUE(HashFromBytes(ToBytes(hash)).ok());
  EXPECT_EQ(*HashFromBytes(ToBytes(hash)), hash);
  for (size_t size : {0, 1, 31, 33, 64}) {
    EXPECT_EQ(HashFromBytes(std::string(size, 'a')).status().code(),
              absl::StatusCode::kInvalidArgument)
        << size;
  }
}

TEST(VerifyTreeBuilderTest, RootsMatchTheRecursiveDefinitionUpTo300) {
  const std::vector<Hash> leaves = MakeLeaves(300);
  TreeBuilder builder;
  EXPECT_EQ(builder.Root(), EmptyRoot());
  for (uint64_t size = 1; size <= leaves.size(); ++size) {
    builder.Append(leaves[size - 1]);
    ASSERT_EQ(builder.size(), size);
    ASSERT_EQ(builder.Root(), Mth(absl::MakeSpan(leaves).subspan(0, size)))
        << "size " << size;
  }
}

TEST(VerifyTreeBuilderTest, VisitReportsTheCompletedNodesLowestFirst) {
  using Node = std::tuple<int, uint64_t>;
  TreeBuilder builder;
  std::vector<std::vector<Node>> reported;
  for (int i = 0; i < 8; ++i) {
    reported.emplace_back();
    builder.Append(LeafHash("x"), [&](int level, uint64_t index, const Hash&) {
      reported.back().emplace_back(level, index);
    });
  }
  EXPECT_THAT(reported[0], ElementsAre());
  EXPECT_THAT(reported[1], ElementsAre(Node{1, 0}));
  EXPECT_THAT(reported[2], ElementsAre());
  EXPECT_THAT(reported[3], ElementsAre(Node{1, 1}, Node{2, 0}));
  EXPECT_THAT(reported[4], ElementsAre());
  EXPECT_THAT(reported[5], ElementsAre(Node{1, 2}));
  EXPECT_THAT(reported[6], ElementsAre());
  EXPECT_THAT(reported[7], ElementsAre(Node{1, 3}, Node{2, 1}, Node{3, 0}));
}

TEST(VerifyTreeBuilderTest, VisitReportsEveryPerfectNodeOnceWithItsHash) {
  const std::vector<Hash> leaves = MakeLeaves(300);
  const auto all = absl::MakeConstSpan(leaves);
  TreeBuilder builder;
  uint64_t reported = 0;
  for (uint64_t leaf = 0; leaf < leaves.size(); ++leaf) {
    int last_level = 0;
    builder.Append(leaves[leaf], [&](int level, uint64_t index,
                                     const Hash& hash) {
      ASSERT_EQ(level, last_level + 1);
      last_level = level;
      const uint64_t width = uint64_t{1} << level;
      ASSERT_EQ((index + 1) * width, leaf + 1);  // the node ends at the leaf
      ASSERT_EQ(hash, Mth(all.subspan(index * width, width)));
      ++reported;
    });
  }
  // A tree of n leaves has n - popcount(n) perfect nodes above the leaves.
  EXPECT_EQ(reported, 300u - 4u);  // 300 = 0b100101100
}

TEST(VerifyTreeBuilderTest, FromBorderRestoresTheBuilder) {
  const std::vector<Hash> leaves = MakeLeaves(70);
  TreeBuilder builder;
  for (size_t size = 0; size < leaves.size(); ++size) {
    absl::StatusOr<TreeBuilder> restored =
        TreeBuilder::FromBorder(builder.size(), builder.border());
    ASSERT_TRUE(restored.ok()) << restored.status();
    EXPECT_EQ(restored->Root(), builder.Root());
    builder.Append(leaves[size]);
    restored->Append(leaves[size]);
    EXPECT_EQ(restored->border(), builder.border());
    EXPECT_EQ(restored->Root(), builder.Root());
  }
}

TEST(VerifyTreeBuilderTest, FromBorderRejectsTheWrongNumberOfHashes) {
  const Hash h = LeafHash("x");
  const struct {
    uint64_t size;
    size_t hashes;
  } kCases[] = {{0, 1}, {1, 0}, {1, 2}, {6, 1},
                {6, 3}, {7, 2}, {8, 0}, {UINT64_MAX, 63}};
  for (const auto& c : kCases) {
    EXPECT_EQ(TreeBuilder::FromBorder(c.size, std::vector<Hash>(c.hashes, h))
                  .status()
                  .code(),
              absl::StatusCode::kInvalidArgument)
        << c.size << " " << c.hashes;
  }
  EXPECT_TRUE(TreeBuilder::FromBorder(0, {}).ok());
  EXPECT_TRUE(TreeBuilder::FromBorder(7, {h, h, h}).ok());
  EXPECT_TRUE(
      TreeBuilder::FromBorder(UINT64_MAX - 1, std::vector<Hash>(63, h)).ok());
}

}  // namespace
}  // namespace welfare::verify
