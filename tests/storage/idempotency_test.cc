// Idempotency and restarts: a request_id repeated with the same content is
// answered with the first entries, with other content it is refused, and
// both hold after the journal is reopened, as does every fund's state.
#include <map>
#include <string>
#include <vector>

#include "storage/sha256.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

const int32_t kDay = DayOf(2026, 6, 1);

auto Reused() {
  return HasError(absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED");
}

WriteRequest TwoEntries(const std::string& request_id, int64_t amount) {
  return AppendRequest(
      "ban-a", request_id,
      {TransactionEntry(kDay, {{kCash, amount}, {kDues, -amount}}),
       TransactionEntry(kDay - 1, {{kBank, amount}, {kDues, -amount}})});
}

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(harness_.Open(), IsOk());
    ASSERT_THAT(harness_.CreateFund("ban-a", kDay - 10), IsOk());
  }

  JournalHarness harness_;
};

TEST_F(IdempotencyTest, SameRequestIdAndContentIsAnsweredWithTheFirstEntries) {
  auto first = harness_.Write(TwoEntries("dues-0001", 300));
  ASSERT_THAT(first, IsOk());
  harness_.clock().Advance(60'000'000);
  auto again = harness_.Write(TwoEntries("dues-0001", 300));
  ASSERT_THAT(again, IsOk());
  EXPECT_FALSE(first->replayed);
  EXPECT_TRUE(again->replayed);
  ASSERT_EQ(again->entries.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(again->entries[i].bytes, first->entries[i].bytes);
    EXPECT_EQ(again->entries[i].hash, first->entries[i].hash);
  }
  EXPECT_EQ(harness_.Size("ban-a"), 3u);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 300);
}

TEST_F(IdempotencyTest,
       SameRequestIdWithOtherContentIsRefusedAndWritesNothing) {
  ASSERT_THAT(harness_.Write(TwoEntries("dues-0001", 300)), IsOk());
  EXPECT_THAT(harness_.Write(TwoEntries("dues-0001", 301)), Reused());
  EXPECT_EQ(harness_.Size("ban-a"), 3u);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 300);
}

TEST_F(IdempotencyTest, RejectedRequestDoesNotTakeItsRequestId) {
  EXPECT_THAT(
      harness_.Post("ban-a", "pay", kDay, {{kCash, -1}, {kBenefit, 1}}),
      HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS"));
  auto retried = harness_.Post("ban-a", "pay", kDay, {{kCash, 1}, {kDues, -1}});
  ASSERT_THAT(retried, IsOk());
  EXPECT_FALSE(retried->replayed);
}

TEST_F(IdempotencyTest, RequestIdsAreScopedToTheirFund) {
  ASSERT_THAT(harness_.CreateFund("ban-b", kDay), IsOk());
  auto in_a =
      harness_.Post("ban-a", "same-id", kDay, {{kCash, 1}, {kDues, -1}});
  auto in_b =
      harness_.Post("ban-b", "same-id", kDay, {{kCash, 2}, {kDues, -2}});
  ASSERT_THAT(in_a, IsOk());
  ASSERT_THAT(in_b, IsOk());
  EXPECT_FALSE(in_b->replayed);
  EXPECT_EQ(harness_.Balances("ban-b").at(kCash), 2);
}

TEST_F(IdempotencyTest, ReplayAndRefusalHoldAcrossAReopen) {
  auto first = harness_.Write(TwoEntries("dues-0001", 300));
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(harness_.Reopen(), IsOk());
  auto again = harness_.Write(TwoEntries("dues-0001", 300));
  ASSERT_THAT(again, IsOk());
  EXPECT_TRUE(again->replayed);
  ASSERT_EQ(again->entries.size(), 2u);
  EXPECT_EQ(again->entries[0].bytes, first->entries[0].bytes);
  EXPECT_EQ(again->entries[1].bytes, first->entries[1].bytes);
  EXPECT_THAT(harness_.Write(TwoEntries("dues-0001", 1)), Reused());
  EXPECT_EQ(harness_.Size("ban-a"), 3u);
}

TEST_F(IdempotencyTest, FundStateAfterReopenEqualsTheStateBefore) {
  ASSERT_THAT(harness_.Write(TwoEntries("a", 500)), IsOk());
  ASSERT_THAT(
      harness_.Post("ban-a", "b", kDay + 1, {{kBenefit, 200}, {kCash, -200}}),
      IsOk());
  ASSERT_THAT(
      harness_.Post("ban-a", "c", kDay + 2, {{kLoans, 100}, {kBank, -100}}),
      IsOk());
  const uint64_t size = harness_.Size("ban-a");
  std::map<int32_t, std::map<uint32_t, int64_t>> as_of;
  for (int32_t day = kDay - 5; day <= kDay + 3; ++day) {
    as_of[day] = harness_.Balances("ban-a", day);
  }
  const auto now = harness_.Balances("ban-a");
  const std::string head = harness_.StoredEntryBytes("ban-a").back();

  ASSERT_THAT(harness_.Reopen(), IsOk());
  EXPECT_EQ(harness_.Size("ban-a"), size);
  EXPECT_EQ(harness_.Balances("ban-a"), now);
  for (const auto& [day, balances] : as_of) {
    EXPECT_EQ(harness_.Balances("ban-a", day), balances) << day;
  }
  // The committer reloads the same state: the chain and balances go on.
  auto next = harness_.Post("ban-a", "d", kDay, {{kCash, 7}, {kDues, -7}});
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(next->entries[0].record.sequence(), size + 1);
  EXPECT_EQ(next->entries[0].record.previous_hash(), HashBytes(Sha256(head)));
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), now.at(kCash) + 7);
  EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes("ban-a")));
}

}  // namespace
}  // namespace welfare::storage::testing
