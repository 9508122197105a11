// The journal's Merkle tree (storage/merkle_tree.h): nodes written in the
// entry's batch, roots and proofs read back in O(log n), checked against a
// naive RFC 9162 computation over the stored entries and against the
// verification library (clients/verify).
#include "storage/merkle_tree.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/verify/merkle.h"
#include "storage/keys.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::IsOk;
using welfare::verify::LeafHash;
using welfare::verify::NodeHash;

const int32_t kDay = DayOf(2026, 6, 1);

// RFC 9162 MTH over leaves [begin, end), straight from the definition.
TreeHash NaiveRoot(const std::vector<TreeHash>& leaves, size_t begin,
                   size_t end) {
  if (end - begin == 1) return leaves[begin];
  size_t k = 1;
  while (k * 2 < end - begin) k *= 2;
  return NodeHash(NaiveRoot(leaves, begin, begin + k),
                  NaiveRoot(leaves, begin + k, end));
}

std::vector<std::string> AsBytes(const std::vector<TreeHash>& hashes) {
  std::vector<std::string> out;
  for (const TreeHash& hash : hashes)
    out.push_back(welfare::verify::ToBytes(hash));
  return out;
}

class MerkleTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(harness_.Open(), IsOk());
    ASSERT_THAT(harness_.CreateFund("ban-a", kDay), IsOk());
  }

  // Posts until the journal has size entries, in requests of 1..3 entries.
  void GrowTo(uint64_t size) {
    while (harness_.Size("ban-a") < size) {
      const uint64_t left = size - harness_.Size("ban-a");
      std::vector<EntryRecord> entries;
      for (uint64_t i = 0; i < std::min<uint64_t>(left, 1 + left % 3); ++i) {
        entries.push_back(TransactionEntry(kDay, {{kCash, 1}, {kDues, -1}}));
      }
      ASSERT_THAT(harness_.Write(AppendRequest(
                      "ban-a", absl::StrCat("grow-", next_request_++),
                      std::move(entries))),
                  IsOk());
    }
  }

  std::vector<TreeHash> Leaves() {
    std::vector<TreeHash> leaves;
    for (const std::string& bytes : harness_.StoredEntryBytes("ban-a")) {
      leaves.push_back(LeafHash(bytes));
    }
    return leaves;
  }

  JournalHarness harness_;
  int next_request_ = 0;
};

KeyReader ReaderOf(const ReadView& view) {
  return [&view](Column column, absl::string_view key) {
    return view.Get(column, key);
  };
}

TEST_F(MerkleTreeTest, RootsOfEverySizeMatchTheDefinition) {
  GrowTo(70);
  const std::vector<TreeHash> leaves = Leaves();
  ReadView view(&harness_.journal().store());
  TreeReader tree(ReaderOf(view), "ban-a");
  for (size_t size = 1; size <= leaves.size(); ++size) {
    auto root = tree.Root(size);
    ASSERT_THAT(root, IsOk());
    EXPECT_EQ(*root, NaiveRoot(leaves, 0, size)) << "size " << size;
  }
  auto empty = tree.Root(0);
  ASSERT_THAT(empty, IsOk());
  EXPECT_EQ(*empty, welfare::verify::EmptyRoot());
}

TEST_F(MerkleTreeTest, InclusionProofsOfEveryLeafVerify) {
  GrowTo(37);
  const std::vector<TreeHash> leaves = Leaves();
  ReadView view(&harness_.journal().store());
  TreeReader tree(ReaderOf(view), "ban-a");
  for (uint64_t size = 1; size <= leaves.size(); ++size) {
    const TreeHash root = NaiveRoot(leaves, 0, size);
    for (uint64_t leaf = 0; leaf < size; ++leaf) {
      auto proof = tree.InclusionProof(leaf, size);
      ASSERT_THAT(proof, IsOk());
      EXPECT_THAT(welfare::verify::VerifyInclusion(leaf, size, leaves[leaf],
                                                   AsBytes(*proof), root),
                  IsOk())
          << "leaf " << leaf << " size " << size;
    }
  }
}

TEST_F(MerkleTreeTest, ConsistencyProofsOfEveryPairVerify) {
  GrowTo(37);
  const std::vector<TreeHash> leaves = Leaves();
  ReadView view(&harness_.journal().store());
  TreeReader tree(ReaderOf(view), "ban-a");
  for (uint64_t second = 1; second <= leaves.size(); ++second) {
    for (uint64_t first = 1; first <= second; ++first) {
      auto proof = tree.ConsistencyProof(first, second);
      ASSERT_THAT(proof, IsOk());
      EXPECT_THAT(
          welfare::verify::VerifyConsistency(first, second, AsBytes(*proof),
                                             NaiveRoot(leaves, 0, first),
                                             NaiveRoot(leaves, 0, second)),
          IsOk())
          << first << " -> " << second;
    }
  }
}

TEST_F(MerkleTreeTest, ProofsCostLogarithmicReads) {
  GrowTo(1000);
  ReadView view(&harness_.journal().store());
  for (uint64_t leaf : {0u, 1u, 499u, 998u, 999u}) {
    TreeReader tree(ReaderOf(view), "ban-a");
    ASSERT_THAT(tree.InclusionProof(leaf, 1000), IsOk());
    // log2(1000) < 10 proof hashes; the right edge folds at most 10 more.
    EXPECT_LE(tree.reads(), 20u) << "leaf " << leaf;
  }
  for (uint64_t first : {1u, 2u, 511u, 512u, 513u, 999u}) {
    TreeReader tree(ReaderOf(view), "ban-a");
    ASSERT_THAT(tree.ConsistencyProof(first, 1000), IsOk());
    EXPECT_LE(tree.reads(), 30u) << "first " << first;
  }
}

TEST_F(MerkleTreeTest, TheTreeSurvivesReopeningAndRejectedRequests) {
  GrowTo(5);
  // A request rejected at its second entry must leave no node of its first
  // behind, and the next entries must take their places.
  auto rejected = harness_.Write(AppendRequest(
      "ban-a", "half",
      {TransactionEntry(kDay, {{kCash, 1}, {kDues, -1}}),
       TransactionEntry(kDay, {{kCash, -1000000}, {kDues, 1000000}})}));
  ASSERT_FALSE(rejected.ok());
  ASSERT_THAT(harness_.Reopen(), IsOk());
  GrowTo(23);
  const std::vector<TreeHash> leaves = Leaves();
  ReadView view(&harness_.journal().store());
  TreeReader tree(ReaderOf(view), "ban-a");
  for (size_t size = 1; size <= leaves.size(); ++size) {
    auto root = tree.Root(size);
    ASSERT_THAT(root, IsOk());
    EXPECT_EQ(*root, NaiveRoot(leaves, 0, size)) << "size " << size;
  }
}

TEST_F(MerkleTreeTest, AMissingNodeIsDataLoss) {
  GrowTo(8);
  ASSERT_THAT(
      harness_.journal().store().db()->Delete(
          rocksdb::WriteOptions(),
          harness_.journal().store().handle(Column::kTree),
          keys::TreeNode("ban-a", 3, 0)),
      ::testing::Truly([](const rocksdb::Status& s) { return s.ok(); }));
  ReadView view(&harness_.journal().store());
  TreeReader tree(ReaderOf(view), "ban-a");
  EXPECT_THAT(tree.Root(8),
              ::welfare::testing::HasError(absl::StatusCode::kDataLoss,
                                           "JOURNAL_CORRUPT"));
}

}  // namespace
}  // namespace welfare::storage::testing
