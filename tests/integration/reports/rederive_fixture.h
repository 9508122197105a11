// The fixture of the re-derivation tests: a seeded random fund on a real
// server, its entries read back into a ReportModel, and the periods every
// report is checked over (with what each means, worked out by hand).
#ifndef WELFARE_TESTS_INTEGRATION_REPORTS_REDERIVE_FIXTURE_H_
#define WELFARE_TESTS_INTEGRATION_REPORTS_REDERIVE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/integration/reports/random_fund.h"
#include "tests/integration/reports/report_model.h"
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {

namespace v1 = welfare::ledger::v1;
using Reports = v1::ReportService::Stub;

struct PeriodCase {
  std::string label;
  v1::ReportPeriod period;
  Days days;  // What the period means, worked out by hand.
};

inline std::vector<PeriodCase> Periods() {
  std::vector<PeriodCase> cases;
  auto add = [&](std::string label, v1::ReportPeriod period, Days days) {
    cases.push_back({std::move(label), std::move(period), days});
  };
  add("current fiscal year", {},
      {absl::CivilDay(2025, 10, 1), absl::CivilDay(2026, 9, 30)});
  for (int year : {2024, 2025}) {
    v1::ReportPeriod period;
    period.set_fiscal_year(year);
    add(absl::StrCat("fiscal year ", year), period,
        {absl::CivilDay(year - 1, 10, 1), absl::CivilDay(year, 9, 30)});
  }
  for (auto [year, month, last] : {std::tuple{2024, 2, 29},
                                   {2025, 9, 30},
                                   {2025, 10, 31},
                                   {2024, 12, 31}}) {
    v1::ReportPeriod period;
    period.mutable_month()->set_year(year);
    period.mutable_month()->set_month(month);
    add(absl::StrCat("month ", year, "-", month), period,
        {absl::CivilDay(year, month, 1), absl::CivilDay(year, month, last)});
  }
  v1::ReportPeriod range;
  *range.mutable_dates()->mutable_start_date() = MakeDate(2024, 2, 29);
  *range.mutable_dates()->mutable_end_date() = MakeDate(2025, 1, 1);
  add("2024-02-29..2025-01-01", range,
      {absl::CivilDay(2024, 2, 29), absl::CivilDay(2025, 1, 1)});
  for (auto [year, month, day] :
       {std::tuple{2025, 9, 30}, {2024, 2, 28}, {2023, 6, 30}}) {
    v1::ReportPeriod as_of;
    *as_of.mutable_as_of_date() = MakeDate(year, month, day);
    add(absl::StrCat("as of ", year, "-", month, "-", day), as_of,
        {kLongAgo, absl::CivilDay(year, month, day)});
  }
  return cases;
}

class RederiveTest : public ::testing::TestWithParam<uint32_t> {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    RandomFundSpec spec;
    spec.fund_id = absl::StrCat("random-", GetParam());
    spec.seed = GetParam();
    fund_id_ = spec.fund_id;
    WriteRandomFund(*client_, spec);
    model_ = std::make_unique<ReportModel>(ReadFund(*client_, fund_id_));
    ASSERT_GT(model_->entries().size(), 250u);
    // The fund exercises what the reports must get right.
    int reversals = 0, back_dated = 0, benefits = 0, matches = 0;
    absl::CivilDay latest = kLongAgo;
    for (const auto& entry : model_->entries()) {
      const absl::CivilDay day = CivilOf(entry.effective_date());
      if (day < latest) ++back_dated;
      latest = std::max(latest, day);
      reversals += entry.kind() == v1::ENTRY_KIND_REVERSAL;
      benefits += entry.disbursement().has_benefit();
      matches += entry.contribution().source() ==
                 v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH;
    }
    EXPECT_GE(reversals, 10);
    EXPECT_GE(back_dated, 100);
    EXPECT_GE(benefits, 30);
    EXPECT_GE(matches, 10);
  }

  v1::ReportRequest Request(const PeriodCase& c) const {
    v1::ReportRequest request;
    request.set_parent("funds/" + fund_id_);
    *request.mutable_period() = c.period;
    return request;
  }

  // Debit minus credit of an account before and through the period.
  int64_t Opening(const std::string& code, Days days) const {
    return model_->DebitMinusCredit(code, {kLongAgo, days.first - 1});
  }
  int64_t Closing(const std::string& code, Days days) const {
    return model_->DebitMinusCredit(code, {kLongAgo, days.last});
  }
  int64_t Movement(const std::string& code, Days days) const {
    return model_->DebitMinusCredit(code, days);
  }

  void ExpectHeader(const v1::ReportHeader& header, Days days) const {
    EXPECT_EQ(header.fund(), "funds/" + fund_id_);
    if (days.first != kLongAgo) {
      EXPECT_EQ(CivilOf(header.start_date()), days.first);
    }
    EXPECT_EQ(CivilOf(header.end_date()), days.last);
    EXPECT_EQ(header.journal_size(), model_->entries().size());
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  ReportRpc rpc_{server_.NewChannel()};
  std::string fund_id_;
  std::unique_ptr<ReportModel> model_;
};

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_INTEGRATION_REPORTS_REDERIVE_FIXTURE_H_
