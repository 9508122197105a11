// Balances: cash and bank accounts never go negative on any date, and
// ReadBalances as of a date sums exactly the postings effective by then.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "storage/text.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

const int32_t kDay10 = DayOf(2026, 5, 10);
const int32_t kDay12 = DayOf(2026, 5, 12);
const int32_t kDay15 = DayOf(2026, 5, 15);
const int32_t kDay20 = DayOf(2026, 5, 20);
const int32_t kDay30 = DayOf(2026, 5, 30);

auto Insufficient() {
  return HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS");
}

class BalancesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(harness_.Open(), IsOk());
    ASSERT_THAT(harness_.CreateFund("ban-a", kDay10 - 5), IsOk());
  }

  // Cash moves by amount on day, against dues (or benefits when paying).
  Result Cash(const std::string& request_id, int32_t day, int64_t amount) {
    return harness_.Post(
        "ban-a", request_id, day,
        {{kCash, amount}, {amount > 0 ? kDues : kBenefit, -amount}});
  }

  JournalHarness harness_;
};

TEST_F(BalancesTest, PaymentBeyondTodaysCashIsRejected) {
  ASSERT_THAT(Cash("in", kDay10, 1000), IsOk());
  EXPECT_THAT(Cash("too much", kDay10, -1001), Insufficient());
  EXPECT_THAT(Cash("all of it", kDay10, -1000), IsOk());
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 0);
}

TEST_F(BalancesTest,
       BackDatedPaymentThatWouldMakeAnEarlierDayNegativeIsRejected) {
  ASSERT_THAT(Cash("in", kDay10, 1000), IsOk());
  ASSERT_THAT(Cash("benefit", kDay20, -600), IsOk());
  ASSERT_THAT(Cash("dues", kDay30, 5000), IsOk());
  // Today's 5,400 would cover it, but from day 20 to 29 cash would be -100.
  EXPECT_THAT(Cash("back-dated", kDay15, -500), Insufficient());
  EXPECT_THAT(Cash("before any cash", kDay10 - 1, -1), Insufficient());
  EXPECT_THAT(Cash("exactly enough", kDay15, -400), IsOk());
  EXPECT_EQ(harness_.Balances("ban-a", kDay20).at(kCash), 0);
  EXPECT_EQ(harness_.Balances("ban-a").at(kCash), 5000);
}

TEST_F(BalancesTest,
       BackDatedPaymentIsCheckedAgainstTheFullHistoryAfterReopen) {
  ASSERT_THAT(Cash("in", kDay10, 1000), IsOk());
  ASSERT_THAT(Cash("benefit", kDay20, -600), IsOk());
  ASSERT_THAT(Cash("dues", kDay30, 5000), IsOk());
  ASSERT_THAT(harness_.Reopen(), IsOk());
  EXPECT_THAT(Cash("back-dated", kDay15, -500), Insufficient());
  EXPECT_THAT(Cash("exactly enough", kDay15, -400), IsOk());
}

// Within one commit group each request sees the day totals the earlier ones
// left, before any of them is durable.
TEST_F(BalancesTest, BackDatedChecksSeeTheEarlierRequestsOfTheSameGroup) {
  ASSERT_THAT(Cash("in", kDay10, 1000), IsOk());
  std::vector<std::future<Result>> results;
  {
    CommitterGate gate(&harness_);
    gate.Hold();
    results.push_back(harness_.Start(AppendRequest(
        "ban-a", "pay day 20",
        {TransactionEntry(kDay20, {{kCash, -800}, {kBenefit, 800}})})));
    results.push_back(harness_.Start(AppendRequest(
        "ban-a", "pay day 15",
        {TransactionEntry(kDay15, {{kCash, -300}, {kBenefit, 300}})})));
    results.push_back(harness_.Start(AppendRequest(
        "ban-a", "dues day 12",
        {TransactionEntry(kDay12, {{kCash, 500}, {kDues, -500}})})));
    results.push_back(harness_.Start(AppendRequest(
        "ban-a", "pay day 15 again",
        {TransactionEntry(kDay15, {{kCash, -300}, {kBenefit, 300}})})));
    results.push_back(harness_.Start(AppendRequest(
        "ban-a", "pay day 12",
        {TransactionEntry(kDay12, {{kCash, -401}, {kBenefit, 401}})})));
  }
  EXPECT_THAT(results[0].get(), IsOk());
  EXPECT_THAT(results[1].get(), Insufficient());  // Day 20 would be -100.
  EXPECT_THAT(results[2].get(), IsOk());
  EXPECT_THAT(results[3].get(), IsOk());          // Day 20 is 400 now.
  EXPECT_THAT(results[4].get(), Insufficient());  // Day 20 would be -1.
  EXPECT_EQ(harness_.Balances("ban-a", kDay12).at(kCash), 1500);
  EXPECT_EQ(harness_.Balances("ban-a", kDay15).at(kCash), 1200);
  EXPECT_EQ(harness_.Balances("ban-a", kDay20).at(kCash), 400);
}

TEST_F(BalancesTest, BankAccountCannotGoNegativeEither) {
  ASSERT_THAT(
      harness_.Post("ban-a", "deposit", kDay10, {{kBank, 300}, {kDues, -300}}),
      IsOk());
  EXPECT_THAT(
      harness_.Post("ban-a", "withdraw", kDay10, {{kBank, -301}, {kCash, 301}}),
      Insufficient());
  EXPECT_THAT(harness_.Post("ban-a", "withdraw all", kDay10,
                            {{kBank, -300}, {kCash, 300}}),
              IsOk());
}

TEST_F(BalancesTest, BalancesAsOfADateSumThePostingsEffectiveByThen) {
  struct Written {
    int32_t day;
    std::vector<Posting> postings;
  };
  // Out of date order, several per day, several accounts per entry.
  const std::vector<Written> written = {
      {kDay20, {{kCash, 700}, {kDues, -700}}},
      {kDay10, {{kCash, 300}, {kBank, 200}, {kCapital, -500}}},
      {kDay30, {{kBenefit, 450}, {kCash, -450}}},
      {kDay12, {{kLoans, 100}, {kBank, -100}}},
      {kDay20, {{kBank, 50}, {kCash, -50}}},
      {kDay15, {{kBenefit, 99}, {kCash, -99}}},
      {kDay10, {{kCash, 1}, {kDues, -1}}},
  };
  for (size_t i = 0; i < written.size(); ++i) {
    ASSERT_THAT(harness_.Post("ban-a", absl::StrCat("entry-", i),
                              written[i].day, written[i].postings),
                IsOk());
  }
  for (int32_t as_of = kDay10 - 2; as_of <= kDay30 + 2; ++as_of) {
    std::map<uint32_t, int64_t> want = {{kCash, 0},  {kBank, 0},
                                        {kLoans, 0}, {kCapital, 0},
                                        {kDues, 0},  {kBenefit, 0}};
    for (const Written& w : written) {
      if (w.day > as_of) continue;
      for (const Posting& p : w.postings) {
        want[p.code] += p.debit_minus_credit_satang;
      }
    }
    EXPECT_EQ(harness_.Balances("ban-a", as_of), want)
        << "as of " << DayText(as_of);
    if (as_of == kDay30) {
      EXPECT_EQ(harness_.Balances("ban-a"), want);
    }
  }
}

}  // namespace
}  // namespace welfare::storage::testing
