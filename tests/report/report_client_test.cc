// The reporting client library against a real welfared holding the known
// fund (known_fund.h): every RPC returns its typed response with the
// figures written, refusals keep the server's code and reason; every call
// carries the deadline (silent_listener.h); and the monthly series of the
// charts.
#include "clients/report/report_client.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/report/monthly_series.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/known_fund.h"
#include "tests/report/sample_reports.h"
#include "tests/report/silent_listener.h"

namespace welfare::report {
namespace {

using testing::kBenefitsByMonth2026;
using testing::kDuesByMonth2026;
using testing::kFundName;
using welfare::testing::HasError;
using welfare::testing::IsOk;

v1::ReportRequest RequestFor(const std::string& parent) {
  v1::ReportRequest request;
  request.set_parent(parent);
  request.mutable_period()->set_fiscal_year(2026);
  return request;
}

v1::GetPassbookRequest PassbookOf(int member) {
  v1::GetPassbookRequest request;
  request.set_name(absl::StrCat(kFundName, "/members/", member));
  request.mutable_period()->set_fiscal_year(2026);
  return request;
}

v1::YearMonth YearMonth(int year, int month) {
  v1::YearMonth result;
  result.set_year(year);
  result.set_month(month);
  return result;
}

bool SameMonth(const v1::YearMonth& a, const v1::YearMonth& b) {
  return a.year() == b.year() && a.month() == b.month();
}

class ReportClientTest : public testing::KnownFundTest {
 protected:
  ReportClient client_{NewChannel()};
};

TEST_F(ReportClientTest, BookReportsHoldTheFiguresWritten) {
  const v1::ReportRequest request = RequestFor(kFundName);
  auto trial = client_.GetTrialBalance(request);
  ASSERT_THAT(trial, IsOk());
  EXPECT_EQ(trial->header().fund(), kFundName);
  EXPECT_EQ(trial->header().fiscal_year(), 2026);
  // Every income and expense from the founding, against the cash they moved.
  EXPECT_EQ(trial->total_debit_satang(), 14953675);
  EXPECT_EQ(trial->total_credit_satang(), 14953675);

  auto cash = client_.GetReceiptsAndPayments(request);
  ASSERT_THAT(cash, IsOk());
  EXPECT_EQ(cash->opening_total_satang(), 2516000);
  EXPECT_EQ(cash->receipts_total_satang(), 12417675);
  EXPECT_EQ(cash->payments_total_satang(), 505000);
  EXPECT_EQ(cash->closing_total_satang(), 14428675);

  auto income = client_.GetIncomeAndExpenditure(request);
  ASSERT_THAT(income, IsOk());
  EXPECT_EQ(income->income_total_satang(), 12417675);
  EXPECT_EQ(income->expenditure_total_satang(), 505000);
  EXPECT_EQ(income->surplus_satang(), 11912675);
  EXPECT_EQ(MemberDuesOf(*income), 72000);

  auto sheet = client_.GetBalanceSheet(request);
  ASSERT_THAT(sheet, IsOk());
  EXPECT_EQ(sheet->assets_total_satang(), 14428675);
  EXPECT_EQ(sheet->fund_balance_total_satang(), 14428675);
}

TEST_F(ReportClientTest, CategoriesSourcesAndTheFormHoldTheFiguresWritten) {
  const v1::ReportRequest request = RequestFor(kFundName);
  auto benefits = client_.GetBenefitsByCategory(request);
  ASSERT_THAT(benefits, IsOk());
  ASSERT_EQ(benefits->rows_size(), 16);
  EXPECT_EQ(benefits->amount_total_satang(), 480000);
  EXPECT_EQ(benefits->amount_cumulative_total_satang(), 500000);
  const v1::BenefitCategoryRow& sickness = benefits->rows(1);
  EXPECT_EQ(sickness.category(), v1::BENEFIT_CATEGORY_SICKNESS);
  EXPECT_EQ(sickness.people(), 2);
  EXPECT_EQ(sickness.amount_satang(), 80000);
  EXPECT_EQ(sickness.amount_cumulative_satang(), 100000);

  auto sources = client_.GetContributionsBySource(request);
  ASSERT_THAT(sources, IsOk());
  EXPECT_EQ(sources->amount_total_satang(), 12417675);
  EXPECT_EQ(sources->amount_cumulative_total_satang(), 14953675);
  std::vector<std::string> rounds;
  for (const v1::ContributionSourceRow& row : sources->rows()) {
    if (!row.matching_round().empty()) rounds.push_back(row.matching_round());
  }
  EXPECT_THAT(rounds, ::testing::ElementsAre("2568/1", "2569/1"));

  auto form = client_.GetFundStatusForm(request);
  ASSERT_THAT(form, IsOk());
  EXPECT_EQ(form->members_founding(), 2);
  EXPECT_EQ(form->members_cumulative(), testing::kKnownMembers);
  EXPECT_EQ(form->members_current_total(), testing::kKnownMembers);
  EXPECT_EQ(form->opening_balance_satang(), 2516000);
  EXPECT_EQ(form->cash_satang(), 14428675);
}

TEST_F(ReportClientTest, PassbookAndPartnerCallsReturnTheirAnswers) {
  auto passbook = client_.GetPassbook(PassbookOf(1));
  ASSERT_THAT(passbook, IsOk());
  EXPECT_EQ(passbook->member_number(), 1);
  EXPECT_EQ(passbook->lines_size(), 3);
  EXPECT_EQ(passbook->dues_total_satang(), 27000);
  EXPECT_EQ(passbook->benefits_total_satang(), 50000);

  v1::GetFundStatusRequest fund;
  fund.set_name(kFundName);
  auto status = client_.GetFundStatus(fund);
  ASSERT_THAT(status, IsOk());
  EXPECT_EQ(status->area_code(), "330101");
  EXPECT_EQ(status->fiscal_year(), 2026);

  v1::GetAreaStatusRequest area;
  for (const auto& [prefix, funds] : {std::pair<const char*, int>{"33", 2},
                                      {"3301", 1},
                                      {"3302", 1},
                                      {"330101", 1},
                                      {"34", 0}}) {
    area.set_area_code_prefix(prefix);
    auto answer = client_.GetAreaStatus(area);
    ASSERT_THAT(answer, IsOk());
    EXPECT_EQ(answer->fund_count(), funds) << prefix;
  }
}

// A real server answers these calls well within any deadline; one that
// never answers shows that each call gives up when its deadline passes.
TEST(ReportClientDeadlineTest, EveryCallCarriesTheDeadline) {
  testing::SilentListener silent;
  ReportClient client(
      grpc::CreateChannel(silent.target(), grpc::InsecureChannelCredentials()),
      ReportClientOptions{100});
  EXPECT_EQ(client.deadline_ms(), 100);
  const v1::ReportRequest request = RequestFor(kFundName);
  const absl::Status statuses[] = {
      client.GetTrialBalance(request).status(),
      client.GetReceiptsAndPayments(request).status(),
      client.GetIncomeAndExpenditure(request).status(),
      client.GetBalanceSheet(request).status(),
      client.GetPassbook(PassbookOf(1)).status(),
      client.GetBenefitsByCategory(request).status(),
      client.GetContributionsBySource(request).status(),
      client.GetFundStatusForm(request).status(),
      client.GetFundStatus(v1::GetFundStatusRequest()).status(),
      client.GetAreaStatus(v1::GetAreaStatusRequest()).status()};
  for (const absl::Status& status : statuses) {
    EXPECT_EQ(status.code(), absl::StatusCode::kDeadlineExceeded) << status;
  }
}

TEST_F(ReportClientTest, RefusalsKeepTheServersCodeAndReason) {
  EXPECT_THAT(client_.GetBalanceSheet(RequestFor("funds/missing")),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));
  EXPECT_THAT(client_.GetPassbook(PassbookOf(99)),
              HasError(absl::StatusCode::kNotFound, "MEMBER_NOT_FOUND"));
  v1::GetAreaStatusRequest area;
  area.set_area_code_prefix("333");
  EXPECT_THAT(
      client_.GetAreaStatus(area),
      HasError(absl::StatusCode::kInvalidArgument, "AREA_CODE_INVALID"));
}

TEST(ReportClientUnreachableTest, AnUnreachableServerIsUnavailable) {
  ReportClient client(
      grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials()),
      ReportClientOptions{2000});
  auto report = client.GetTrialBalance(RequestFor(kFundName));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kUnavailable);
}

using MonthlySeriesTest = ReportClientTest;

TEST_F(MonthlySeriesTest, DuesAndBenefitsOfEachMonthAreThoseWritten) {
  // 0 is the current fiscal year: 2026 on the server's clock.
  for (int32_t fiscal_year : {2026, 0}) {
    auto series = FetchMonthlySeries(client_, kFundName, fiscal_year);
    ASSERT_THAT(series, IsOk());
    EXPECT_EQ(series->fiscal_year, 2026);
    ASSERT_EQ(series->months.size(), 12u);
    for (int i = 0; i < 12; ++i) {
      EXPECT_TRUE(
          SameMonth(series->months[i].month, AddMonths(YearMonth(2025, 10), i)))
          << i;
      EXPECT_EQ(series->months[i].dues_satang, kDuesByMonth2026[i]) << i;
      EXPECT_EQ(series->months[i].benefits_satang, kBenefitsByMonth2026[i])
          << i;
    }
  }
}

TEST_F(MonthlySeriesTest, AnEarlierYearHasItsOwnMonths) {
  auto series = FetchMonthlySeries(client_, kFundName, 2025);
  ASSERT_THAT(series, IsOk());
  EXPECT_EQ(series->fiscal_year, 2025);
  ASSERT_EQ(series->months.size(), 12u);
  // Member 1's year of dues in November 2024; a benefit in June 2025.
  for (int i = 0; i < 12; ++i) {
    EXPECT_TRUE(
        SameMonth(series->months[i].month, AddMonths(YearMonth(2024, 10), i)))
        << i;
    EXPECT_EQ(series->months[i].dues_satang, i == 1 ? 36000 : 0) << i;
    EXPECT_EQ(series->months[i].benefits_satang, i == 8 ? 20000 : 0) << i;
  }
}

TEST_F(MonthlySeriesTest, StopsAtTheFirstRefusal) {
  EXPECT_THAT(FetchMonthlySeries(client_, "funds/missing", 0),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));
}

TEST(MonthArithmeticTest, MonthArithmeticCrossesYears) {
  const v1::YearMonth november = YearMonth(2025, 11);
  EXPECT_EQ(AddMonths(november, 2).year(), 2026);
  EXPECT_EQ(AddMonths(november, 2).month(), 1);
  EXPECT_EQ(AddMonths(november, -11).month(), 12);
  EXPECT_EQ(AddMonths(november, -11).year(), 2024);
  EXPECT_EQ(MemberDuesOf(testing::SampleIncomeAndExpenditure()), 12000000);
  EXPECT_EQ(MemberDuesOf(v1::IncomeAndExpenditure()), 0);
}

}  // namespace
}  // namespace welfare::report
