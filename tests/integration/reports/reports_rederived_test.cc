// Every report of seeded random funds (back-dated entries, reversals,
// transfers, accruals, status changes) equals an independent re-derivation
// from the fund's entries as the API lists them (report_model.h), for
// fiscal years, months across year ends and leap days, date ranges and
// as-of dates.
#include <map>
#include <set>

#include "tests/integration/reports/rederive_fixture.h"

namespace welfare::testing {
namespace {

using ReportsRederivedTest = RederiveTest;

TEST_P(ReportsRederivedTest, TrialBalance) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto report = rpc_.Call(&Reports::GetTrialBalance, Request(c));
    ASSERT_THAT(report, IsOk());
    ExpectHeader(report->header(), c.days);
    ASSERT_EQ(report->rows_size(), model_->accounts().size());
    int64_t debits = 0;
    for (const auto& row : report->rows()) {
      SCOPED_TRACE(row.account_code());
      EXPECT_EQ(row.opening_debit_minus_credit_satang(),
                Opening(row.account_code(), c.days));
      EXPECT_EQ(row.movement_debit_minus_credit_satang(),
                Movement(row.account_code(), c.days));
      EXPECT_EQ(row.closing_debit_minus_credit_satang(),
                Closing(row.account_code(), c.days));
      debits += std::max<int64_t>(0, Closing(row.account_code(), c.days));
    }
    EXPECT_EQ(report->total_debit_satang(), debits);
    EXPECT_EQ(report->total_credit_satang(), debits);
  }
}

TEST_P(ReportsRederivedTest, ReceiptsAndPayments) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto report = rpc_.Call(&Reports::GetReceiptsAndPayments, Request(c));
    ASSERT_THAT(report, IsOk());
    ExpectHeader(report->header(), c.days);
    int64_t opening = 0, closing = 0;
    std::set<std::string> cash_accounts;
    for (const auto& account : model_->accounts()) {
      if (!model_->IsCashOrBank(account.code())) continue;
      cash_accounts.insert(account.code());
      opening += Opening(account.code(), c.days);
      closing += Closing(account.code(), c.days);
    }
    EXPECT_EQ(report->opening_size(), cash_accounts.size());
    for (const auto& row : report->opening()) {
      EXPECT_EQ(row.amount_satang(), Opening(row.account_code(), c.days));
    }
    for (const auto& row : report->closing()) {
      EXPECT_EQ(row.amount_satang(), Closing(row.account_code(), c.days));
    }
    EXPECT_EQ(report->opening_total_satang(), opening);
    EXPECT_EQ(report->closing_total_satang(), closing);
    // Gross on each side; the net per account is their difference.
    const std::map<std::string, int64_t> net = model_->CashFlows(c.days);
    const std::map<std::string, int64_t> received =
        model_->CashReceipts(c.days);
    std::map<std::string, int64_t> paid;
    for (const auto& [code, amount] : received) paid[code] += amount;
    for (const auto& [code, flow] : net) paid[code] -= flow;
    for (auto it = paid.begin(); it != paid.end();) {
      it = it->second == 0 ? paid.erase(it) : std::next(it);
    }
    std::map<std::string, int64_t> got_received, got_paid, got_net;
    for (const auto& row : report->receipts()) {
      got_received[row.account_code()] += row.amount_satang();
    }
    for (const auto& row : report->payments()) {
      got_paid[row.account_code()] += row.amount_satang();
    }
    for (const auto& row : report->net_flows()) {
      got_net[row.account_code()] += row.amount_satang();
    }
    EXPECT_EQ(got_received, received);
    EXPECT_EQ(got_paid, paid);
    EXPECT_EQ(got_net, net);
    EXPECT_EQ(report->opening_total_satang() + report->receipts_total_satang() -
                  report->payments_total_satang(),
              report->closing_total_satang());
  }
}

TEST_P(ReportsRederivedTest, IncomeExpenditureAndBalanceSheet) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto statement = rpc_.Call(&Reports::GetIncomeAndExpenditure, Request(c));
    ASSERT_THAT(statement, IsOk());
    int64_t income = 0, expenditure = 0;
    for (const auto& row : statement->income()) {
      EXPECT_EQ(row.account_code()[0], '4');
      EXPECT_EQ(row.amount_satang(), -Movement(row.account_code(), c.days));
      income += row.amount_satang();
    }
    for (const auto& row : statement->expenditure()) {
      EXPECT_EQ(row.account_code()[0], '5');
      EXPECT_EQ(row.amount_satang(), Movement(row.account_code(), c.days));
      expenditure += row.amount_satang();
    }
    EXPECT_EQ(statement->income_total_satang(), income);
    EXPECT_EQ(statement->expenditure_total_satang(), expenditure);
    EXPECT_EQ(statement->surplus_satang(), income - expenditure);

    auto sheet = rpc_.Call(&Reports::GetBalanceSheet, Request(c));
    ASSERT_THAT(sheet, IsOk());
    int64_t assets = 0, liabilities = 0, surplus = 0;
    for (const auto& account : model_->accounts()) {
      const int64_t closing = Closing(account.code(), c.days);
      switch (account.code()[0]) {
        case '1':
          assets += closing;
          break;
        case '2':
          liabilities -= closing;
          break;
        case '4':
        case '5':
          surplus -= closing;
          break;
        default:
          break;
      }
    }
    EXPECT_EQ(sheet->assets_total_satang(), assets);
    EXPECT_EQ(sheet->liabilities_total_satang(), liabilities);
    EXPECT_EQ(sheet->accumulated_surplus_satang(), surplus);
    EXPECT_EQ(sheet->fund_balance_total_satang(), assets - liabilities);
  }
}

TEST_P(ReportsRederivedTest, BenefitsByCategory) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto report = rpc_.Call(&Reports::GetBenefitsByCategory, Request(c));
    ASSERT_THAT(report, IsOk());
    ASSERT_EQ(report->rows_size(), 16);
    const Days to_date{kLongAgo, c.days.last};
    int64_t total = 0;
    for (int category = 1; category <= 16; ++category) {
      SCOPED_TRACE(category);
      const auto& row = report->rows(category - 1);
      const std::string code = absl::StrCat(5100 + category);
      EXPECT_EQ(row.category(), category);
      EXPECT_EQ(row.account_code(), code);
      EXPECT_EQ(row.amount_satang(), Movement(code, c.days));
      EXPECT_EQ(row.amount_cumulative_satang(), Closing(code, c.days));
      EXPECT_EQ(row.people(), model_->BenefitPeople(category, c.days));
      EXPECT_EQ(row.people_cumulative(),
                model_->BenefitPeople(category, to_date));
      total += row.amount_satang();
    }
    EXPECT_EQ(report->amount_total_satang(), total);
  }
}

TEST_P(ReportsRederivedTest, ContributionsBySource) {
  for (const PeriodCase& c : Periods()) {
    SCOPED_TRACE(c.label);
    auto report = rpc_.Call(&Reports::GetContributionsBySource, Request(c));
    ASSERT_THAT(report, IsOk());
    std::map<std::string, int64_t> by_account, to_date, rounds, rounds_to_date;
    int64_t total = 0, cumulative_total = 0;
    for (const auto& row : report->rows()) {
      by_account[row.account_code()] += row.amount_satang();
      to_date[row.account_code()] += row.amount_cumulative_satang();
      total += row.amount_satang();
      cumulative_total += row.amount_cumulative_satang();
      if (!row.matching_round().empty() &&
          row.amount_cumulative_satang() != 0) {
        rounds_to_date[row.matching_round()] = row.amount_cumulative_satang();
      }
      if (row.account_code() == "4202") {
        EXPECT_EQ(row.source(), v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
        if (row.amount_satang() != 0 && !row.matching_round().empty()) {
          rounds[row.matching_round()] = row.amount_satang();
        }
      } else {
        EXPECT_EQ(row.matching_round(), "");
      }
    }
    for (const auto& account : model_->accounts()) {
      if (account.code()[0] != '4') continue;
      EXPECT_EQ(by_account[account.code()], -Movement(account.code(), c.days))
          << account.code();
      EXPECT_EQ(to_date[account.code()], -Closing(account.code(), c.days))
          << account.code();
    }
    EXPECT_EQ(rounds, model_->Rounds(c.days));
    EXPECT_EQ(rounds_to_date, model_->Rounds({kLongAgo, c.days.last}));
    EXPECT_EQ(report->amount_total_satang(), total);
    EXPECT_EQ(report->amount_cumulative_total_satang(), cumulative_total);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, ReportsRederivedTest,
                         ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace welfare::testing
