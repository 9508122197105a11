// Acknowledged means durable: when the write-ahead log cannot be synced
// (fault_file_system.h arms the group's next sync to fail),
// every request of the group hears an error, nothing of the group becomes
// visible, and the journal goes on from the right sequence after a restart,
// whether the unsynced bytes survived or not.
#include <future>
#include <string>
#include <vector>

#include "storage/sha256.h"
#include "tests/storage/fault_file_system.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

const int32_t kDay = DayOf(2026, 6, 1);

WriteRequest Dues(const std::string& request_id, int64_t amount) {
  return AppendRequest(
      "ban-a", request_id,
      {TransactionEntry(kDay, {{kCash, amount}, {kDues, -amount}})});
}

auto StorageFailure() {
  return HasError(absl::StatusCode::kUnavailable, "STORAGE_FAILURE");
}

class WalFailureTest : public ::testing::TestWithParam<Fault> {
 protected:
  void SetUp() override {
    ASSERT_THAT(harness_.Open(), IsOk());
    ASSERT_THAT(harness_.CreateFund("ban-a", kDay), IsOk());
    ASSERT_THAT(harness_.Write(Dues("before", 1000)), IsOk());
    head_ = harness_.StoredEntryBytes("ban-a").back();
  }

  // Runs one group of three requests (the middle one invalid) whose WAL
  // sync fails.
  std::vector<Result> FailingGroup() {
    std::vector<std::future<Result>> futures;
    {
      CommitterGate gate(&harness_);
      gate.Hold();
      faulty_.faults->Arm(GetParam(), 1);
      futures.push_back(harness_.Start(Dues("lost-1", 10)));
      futures.push_back(harness_.Start(AppendRequest(
          "ban-a", "invalid",
          {TransactionEntry(kDay, {{kCash, 10}, {kDues, -11}})})));
      futures.push_back(harness_.Start(Dues("lost-2", 20)));
    }
    std::vector<Result> results;
    for (auto& future : futures) results.push_back(future.get());
    EXPECT_EQ(faulty_.faults->fired(), 1);
    return results;
  }

  FaultEnv faulty_;
  JournalHarness harness_{/*shards=*/1, faulty_.env.get()};
  std::string head_;  // The stored bytes of entry 2, the last good one.
};

TEST_P(WalFailureTest, EveryRequestOfTheGroupHearsTheFailure) {
  std::vector<Result> results = FailingGroup();
  EXPECT_THAT(results[0], StorageFailure());
  // A request rejected on its own merits keeps its own reason.
  EXPECT_THAT(results[1], HasError(absl::StatusCode::kInvalidArgument,
                                   "POSTINGS_UNBALANCED"));
  EXPECT_THAT(results[2], StorageFailure());
}

TEST_P(WalFailureTest, NothingOfTheFailedGroupBecomesVisible) {
  FailingGroup();
  EXPECT_EQ(harness_.Size("ban-a"), 2u);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 1000);
  EXPECT_EQ(harness_.Balances("ban-a", kDay).at(kCash), 1000);
}

// The committer must not keep the state the failed group advanced: a later
// write either fails too or continues from entry 2, never from entry 4.
TEST_P(WalFailureTest, WriteAfterTheFailureNeverBuildsOnTheLostEntries) {
  FailingGroup();
  auto next = harness_.Write(Dues("next", 5));
  if (next.ok()) {
    EXPECT_EQ(next->entries[0].record.sequence(), 3u);
    EXPECT_EQ(next->entries[0].record.previous_hash(),
              HashBytes(Sha256(head_)));
  } else {
    EXPECT_THAT(next, StorageFailure());
    EXPECT_EQ(harness_.Size("ban-a"), 2u);
  }
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-a")));
}

// After a restart the failed requests may or may not be in the journal
// (a failed fsync leaves their fate unknown); retrying them with the same
// request ids applies each exactly once and the chain stays whole.
TEST_P(WalFailureTest, RetriesAfterReopenApplyEachFailedRequestExactlyOnce) {
  FailingGroup();
  ASSERT_THAT(harness_.Reopen(), IsOk());
  const uint64_t size_after_reopen = harness_.Size("ban-a");
  if (GetParam() == Fault::kSyncLosesUnsynced) {
    EXPECT_EQ(size_after_reopen, 2u);
  } else {
    EXPECT_TRUE(size_after_reopen == 2u || size_after_reopen == 4u)
        << size_after_reopen;
  }
  auto retry_1 = harness_.Write(Dues("lost-1", 10));
  auto retry_2 = harness_.Write(Dues("lost-2", 20));
  ASSERT_THAT(retry_1, IsOk());
  ASSERT_THAT(retry_2, IsOk());
  EXPECT_EQ(retry_1->replayed, size_after_reopen == 4u);
  EXPECT_EQ(retry_1->entries[0].record.sequence(), 3u);
  EXPECT_EQ(retry_2->entries[0].record.sequence(), 4u);
  EXPECT_EQ(retry_1->entries[0].record.previous_hash(),
            HashBytes(Sha256(head_)));

  auto next = harness_.Write(Dues("next", 5));
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->entries[0].record.sequence(), 5u);
  EXPECT_EQ(harness_.Size("ban-a"), 5u);
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-a")));
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 1000 + 10 + 20 + 5);
}

INSTANTIATE_TEST_SUITE_P(UnsyncedBytes, WalFailureTest,
                         ::testing::Values(Fault::kSyncLosesUnsynced,
                                           Fault::kSyncFails),
                         [](const ::testing::TestParamInfo<Fault>& info) {
                           return info.param == Fault::kSyncLosesUnsynced
                                      ? std::string("Lost")
                                      : std::string("Kept");
                         });

}  // namespace
}  // namespace welfare::storage::testing
