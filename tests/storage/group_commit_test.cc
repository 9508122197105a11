// Group commit (storage/committer.h): the requests waiting together are
// applied in order in one batch; a rejected one does not affect the others.
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

WriteRequest Move(const std::string& request_id, uint32_t debit,
                  uint32_t credit, int64_t amount) {
  return AppendRequest(
      "ban-a", request_id,
      {TransactionEntry(kDay, {{debit, amount}, {credit, -amount}})});
}

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(harness_.Open(), IsOk());
    ASSERT_THAT(harness_.CreateFund("ban-a", kDay), IsOk());
    ASSERT_THAT(harness_.Write(Move("capital", kCash, kCapital, 1000)), IsOk());
  }

  // Submits the requests while the committer is held, so that they form one
  // group, and returns their results in order.
  std::vector<Result> InOneGroup(std::vector<WriteRequest> requests) {
    std::vector<std::future<Result>> futures;
    const int readings_before = harness_.clock().readings();
    {
      CommitterGate gate(&harness_);
      gate.Hold();
      for (WriteRequest& request : requests) {
        futures.push_back(harness_.Start(std::move(request)));
      }
    }
    std::vector<Result> results;
    for (auto& future : futures) results.push_back(future.get());
    // The gate's group and the held requests' group read the clock once each.
    EXPECT_EQ(harness_.clock().readings() - readings_before, 2)
        << "the requests did not form one group";
    return results;
  }

  JournalHarness harness_;
};

TEST_F(GroupCommitTest, RejectedRequestDoesNotAffectTheOthersOfItsGroup) {
  std::vector<WriteRequest> requests;
  requests.push_back(Move("ok-1", kCash, kDues, 100));
  requests.push_back(Move("short", kBenefit, kCash, 5000));
  requests.push_back(Move("ok-2", kBenefit, kCash, 300));
  requests.push_back(
      AppendRequest("ban-a", "unbalanced",
                    {TransactionEntry(kDay, {{kCash, 1}, {kDues, -2}})}));
  requests.push_back(Move("ok-3", kBank, kCash, 800));
  std::vector<Result> results = InOneGroup(std::move(requests));

  ASSERT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], HasError(absl::StatusCode::kFailedPrecondition,
                                   "INSUFFICIENT_FUNDS"));
  ASSERT_THAT(results[2], IsOk());
  EXPECT_THAT(results[3], HasError(absl::StatusCode::kInvalidArgument,
                                   "POSTINGS_UNBALANCED"));
  ASSERT_THAT(results[4], IsOk());
  EXPECT_EQ(results[0]->entries[0].record.sequence(), 3u);
  EXPECT_EQ(results[2]->entries[0].record.sequence(), 4u);
  EXPECT_EQ(results[4]->entries[0].record.sequence(), 5u);
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-a")));
  const auto balances = harness_.Balances("ban-a");
  EXPECT_EQ(balances.at(kCash), 1000 + 100 - 300 - 800);
  EXPECT_EQ(balances.at(kBank), 800);
  EXPECT_EQ(balances.at(kBenefit), 300);
  EXPECT_EQ(balances.at(kDues), -100);
}

TEST_F(GroupCommitTest, LaterRequestOfAGroupSeesWhatEarlierOnesLeft) {
  std::vector<WriteRequest> requests;
  requests.push_back(Move("pay-first", kBenefit, kCash, 1500));
  requests.push_back(Move("dues", kCash, kDues, 500));
  requests.push_back(Move("pay-after-dues", kBenefit, kCash, 1500));
  std::vector<Result> results = InOneGroup(std::move(requests));
  EXPECT_THAT(results[0], HasError(absl::StatusCode::kFailedPrecondition,
                                   "INSUFFICIENT_FUNDS"));
  EXPECT_THAT(results[1], IsOk());
  EXPECT_THAT(results[2], IsOk());
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 0);
}

TEST_F(GroupCommitTest, RequestIdRepeatedWithinAGroupIsReplayed) {
  std::vector<WriteRequest> requests;
  requests.push_back(Move("twice", kCash, kDues, 100));
  requests.push_back(Move("twice", kCash, kDues, 100));
  requests.push_back(Move("twice", kCash, kDues, 999));
  std::vector<Result> results = InOneGroup(std::move(requests));
  ASSERT_THAT(results[0], IsOk());
  ASSERT_THAT(results[1], IsOk());
  EXPECT_FALSE(results[0]->replayed);
  EXPECT_TRUE(results[1]->replayed);
  ASSERT_EQ(results[1]->entries.size(), 1u);
  EXPECT_EQ(results[1]->entries[0].bytes, results[0]->entries[0].bytes);
  EXPECT_THAT(results[2],
              HasError(absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED"));
  EXPECT_EQ(harness_.Size("ban-a"), 3u);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 1100);
}

TEST_F(GroupCommitTest, GroupSpanningSeveralFundsKeepsEachChainApart) {
  ASSERT_THAT(harness_.CreateFund("ban-b", kDay), IsOk());
  std::vector<WriteRequest> requests;
  for (int i = 0; i < 4; ++i) {
    requests.push_back(Move(absl::StrCat("a-", i), kCash, kDues, 10));
    requests.push_back(
        AppendRequest("ban-b", absl::StrCat("b-", i),
                      {TransactionEntry(kDay, {{kBank, 20}, {kDues, -20}})}));
  }
  for (const Result& result : InOneGroup(std::move(requests))) {
    EXPECT_THAT(result, IsOk());
  }
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-a")));
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-b")));
  EXPECT_EQ(harness_.Size("ban-a"), 6u);
  EXPECT_EQ(harness_.Size("ban-b"), 5u);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 1040);
  EXPECT_EQ(harness_.Balances("ban-b").at(kBank), 80);
}

TEST_F(GroupCommitTest, EntriesOfAGroupCarryTheTimeTheGroupStarted) {
  harness_.clock().Set(welfare::testing::kTestNowMicros + 1000);
  std::vector<WriteRequest> requests;
  requests.push_back(Move("first", kCash, kDues, 1));
  requests.push_back(Move("second", kCash, kDues, 1));
  std::vector<Result> results = InOneGroup(std::move(requests));
  for (const Result& result : results) {
    ASSERT_THAT(result, IsOk());
    EXPECT_EQ(result->entries[0].record.server_time_micros(),
              welfare::testing::kTestNowMicros + 1000);
  }
}

TEST_F(GroupCommitTest, EntryTimesNeverGoBackwardsWhenTheClockDoes) {
  harness_.clock().Set(welfare::testing::kTestNowMicros + 5'000'000);
  auto later = harness_.Write(Move("later", kCash, kDues, 1));
  ASSERT_THAT(later, IsOk());
  harness_.clock().Set(welfare::testing::kTestNowMicros);
  auto earlier_clock = harness_.Write(Move("clock went back", kCash, kDues, 1));
  ASSERT_THAT(earlier_clock, IsOk());
  EXPECT_EQ(earlier_clock->entries[0].record.server_time_micros(),
            welfare::testing::kTestNowMicros + 5'000'000);
}

TEST_F(GroupCommitTest, ManyShardsKeepEveryFundGapFree) {
  JournalHarness sharded(/*shards=*/4);
  ASSERT_THAT(sharded.Open(), IsOk());
  std::vector<std::string> funds;
  for (int f = 0; f < 6; ++f) {
    funds.push_back(absl::StrCat("fund-", f));
    ASSERT_THAT(sharded.CreateFund(funds.back(), kDay), IsOk());
  }
  std::vector<std::future<Result>> futures;
  for (int i = 0; i < 20; ++i) {
    for (const std::string& fund : funds) {
      futures.push_back(sharded.Start(
          AppendRequest(fund, absl::StrCat("r-", i),
                        {TransactionEntry(kDay, {{kCash, 5}, {kDues, -5}})})));
    }
  }
  for (auto& future : futures) EXPECT_THAT(future.get(), IsOk());
  for (const std::string& fund : funds) {
    EXPECT_EQ(sharded.Size(fund), 21u);
    EXPECT_TRUE(IsHashChain(sharded.StoredEntryBytes(fund)));
    EXPECT_EQ(sharded.Balances(fund).at(kCash), 100);
  }
}

}  // namespace
}  // namespace welfare::storage::testing
