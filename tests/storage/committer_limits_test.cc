// The committer's limits (storage/committer.h): a full queue refuses at
// once, a group stops at its weight limit, and closing answers every
// queued write.
#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

const int32_t kDay = DayOf(2026, 6, 1);

// A request writing `entries` entries of 1 satang of dues each.
WriteRequest DuesEntries(const std::string& request_id, int entries) {
  std::vector<EntryRecord> records;
  for (int i = 0; i < entries; ++i) {
    records.push_back(TransactionEntry(kDay, {{kCash, 1}, {kDues, -1}}));
  }
  return AppendRequest("ban-a", request_id, std::move(records));
}

bool IsReady(std::future<Result>& future) {
  return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

TEST(CommitterLimitsTest, SubmitBeyondTheQueueLimitIsRefusedAtOnce) {
  CommitterOptions options;
  options.queued_requests_max = 2;
  JournalHarness harness(1, nullptr, options);
  ASSERT_THAT(harness.Open(), IsOk());
  ASSERT_THAT(harness.CreateFund("ban-a", kDay), IsOk());
  std::vector<std::future<Result>> futures;
  {
    CommitterGate gate(&harness);
    gate.Hold();
    for (int i = 0; i < 3; ++i) {
      futures.push_back(harness.Start(DuesEntries(absl::StrCat("r", i), 1)));
    }
    // Answered before the committer ran again.
    ASSERT_TRUE(IsReady(futures[2]));
    EXPECT_THAT(futures[2].get(),
                HasError(absl::StatusCode::kResourceExhausted, "SERVER_BUSY"));
  }
  EXPECT_THAT(futures[0].get(), IsOk());
  EXPECT_THAT(futures[1].get(), IsOk());
  EXPECT_EQ(harness.Size("ban-a"), 3u);
}

TEST(CommitterLimitsTest, GroupStopsAtItsWeightLimit) {
  CommitterOptions options;
  options.group_weight_max = 4;
  JournalHarness harness(1, nullptr, options);
  ASSERT_THAT(harness.Open(), IsOk());
  ASSERT_THAT(harness.CreateFund("ban-a", kDay), IsOk());
  std::vector<std::future<Result>> futures;
  const int readings_before = harness.clock().readings();
  {
    CommitterGate gate(&harness);
    gate.Hold();
    futures.push_back(harness.Start(DuesEntries("two-a", 2)));
    futures.push_back(harness.Start(DuesEntries("two-b", 2)));
    futures.push_back(harness.Start(DuesEntries("two-c", 2)));
    futures.push_back(harness.Start(DuesEntries("five", 5)));  // Alone.
  }
  for (auto& future : futures) EXPECT_THAT(future.get(), IsOk());
  // The gate's group, then {two-a, two-b}, {two-c}, {five}.
  EXPECT_EQ(harness.clock().readings() - readings_before, 4);
  EXPECT_EQ(harness.Size("ban-a"), 12u);
  EXPECT_TRUE(IsHashChain(harness.StoredEntryBytes("ban-a")));
}

TEST(CommitterLimitsTest, ClosingAnswersEveryQueuedWriteDurably) {
  JournalHarness harness;
  ASSERT_THAT(harness.Open(), IsOk());
  ASSERT_THAT(harness.CreateFund("ban-a", kDay), IsOk());
  std::vector<std::future<Result>> futures;
  for (int i = 0; i < 30; ++i) {
    futures.push_back(harness.Start(DuesEntries(absl::StrCat("r", i), 1)));
  }
  harness.Close();
  for (auto& future : futures) {
    ASSERT_TRUE(IsReady(future));
    EXPECT_THAT(future.get(), IsOk());
  }
  ASSERT_THAT(harness.Open(), IsOk());
  EXPECT_EQ(harness.Size("ban-a"), 31u);
  EXPECT_EQ(harness.Balances("ban-a").at(kCash), 30);
}

}  // namespace
}  // namespace welfare::storage::testing
