// The rows of welfare import turned into requests: the opening balances as
// one balanced transaction whose difference is the fund's capital (3101),
// with every account on one side only, as the server requires.
#include "clients/cli/import_rows.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;
using Sides = std::map<std::string, std::pair<int, int64_t>>;

// account -> (side, satang) of the opening transaction of `csv`.
Sides OpeningOf(const std::string& csv) {
  absl::StatusOr<CsvRows> rows =
      CsvRows::Parse("opening.csv", csv, {"account", "balance"});
  EXPECT_TRUE(rows.ok()) << rows.status();
  std::vector<std::string> bad;
  auto request = OpeningTransaction(*rows, testing::MakeDate(2025, 9, 30), &bad,
                                    "opening.csv");
  EXPECT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(bad, ::testing::IsEmpty());
  Sides sides;
  int64_t debits = 0, credits = 0;
  for (const v1::Posting& posting : request->transaction().postings()) {
    EXPECT_EQ(sides.count(posting.account_code()), 0u)
        << posting.account_code() << " twice";
    sides[posting.account_code()] = {posting.side(), posting.amount_satang()};
    (posting.side() == v1::DEBIT ? debits : credits) += posting.amount_satang();
  }
  EXPECT_EQ(debits, credits);
  return sides;
}

TEST(ImportRowsTest, TheOpeningDifferenceIsTheFundsCapital) {
  EXPECT_EQ(OpeningOf("account,balance\n1101,1000\n1111,5000\n"),
            (Sides{{"1101", {v1::DEBIT, 100000}},
                   {"1111", {v1::DEBIT, 500000}},
                   {"3101", {v1::CREDIT, 600000}}}));
}

TEST(ImportRowsTest, ACapitalLineInTheFileTakesTheDifference) {
  // Liabilities above the assets: the difference is a debit of 3101,
  // netted with the file's credit of it into one line.
  EXPECT_EQ(OpeningOf("account,balance\n1101,1000\n2201,1500\n3101,200\n"),
            (Sides{{"1101", {v1::DEBIT, 100000}},
                   {"2201", {v1::CREDIT, 150000}},
                   {"3101", {v1::DEBIT, 50000}}}));
  // Less than the assets: a larger credit.
  EXPECT_EQ(
      OpeningOf("account,balance\n3101,400\n1101,1000\n"),
      (Sides{{"1101", {v1::DEBIT, 100000}}, {"3101", {v1::CREDIT, 100000}}}));
  // Exactly the difference: left as it is.
  EXPECT_EQ(
      OpeningOf("account,balance\n1101,1000\n3101,1000\n"),
      (Sides{{"1101", {v1::DEBIT, 100000}}, {"3101", {v1::CREDIT, 100000}}}));
}

}  // namespace
}  // namespace welfare::cli
