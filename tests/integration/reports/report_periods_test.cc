// Periods at their boundaries: the Thai fiscal year turning on 1 October,
// a fund whose year is the calendar year, 31 December / 1 January, the leap
// day, as-of dates; and every way a period or name can be wrong.
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using Reports = v1::ReportService::Stub;

// Donations whose amounts (in baht) are distinct powers of ten, so a total
// says exactly which dates a period took.
struct Donation {
  int year, month, day;
  int64_t baht;
};
const Donation kDonations[] = {
    {2024, 2, 28, 1},      {2024, 2, 29, 10},       {2024, 3, 1, 100},
    {2024, 9, 30, 1000},   {2024, 10, 1, 10000},    {2024, 12, 31, 100000},
    {2025, 1, 1, 1000000}, {2023, 9, 30, 10000000}, {2023, 10, 1, 100000000}};

class ReportPeriodsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    for (const char* fund : {"thai-year", "calendar-year"}) {
      v1::CreateFundRequest create;
      create.set_fund_id(fund);
      create.mutable_fund()->set_display_name("กองทุนทดสอบปีงบประมาณ");
      create.mutable_fund()->set_area_code("330101");
      create.mutable_fund()->set_fiscal_year_start_month(
          std::string(fund) == "calendar-year" ? 1 : 0);
      *create.mutable_fund()->mutable_founding_date() = MakeDate(2023, 1, 1);
      ASSERT_THAT(client_->CreateFund(create), IsOk());
      for (const Donation& donation : kDonations) {
        v1::RecordContributionRequest request;
        request.set_parent(std::string("funds/") + fund);
        auto* contribution = request.mutable_contribution();
        contribution->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
        contribution->set_amount_satang(donation.baht * 100);
        *contribution->mutable_effective_date() =
            MakeDate(donation.year, donation.month, donation.day);
        ASSERT_THAT(client_->RecordContribution(request), IsOk());
      }
    }
  }

  // Income of the period in baht, and the fiscal year its header names.
  std::pair<int64_t, int32_t> Income(const std::string& fund,
                                     const v1::ReportPeriod& period) {
    v1::ReportRequest request;
    request.set_parent("funds/" + fund);
    *request.mutable_period() = period;
    auto report = rpc_.Call(&Reports::GetIncomeAndExpenditure, request);
    EXPECT_THAT(report, IsOk());
    if (!report.ok()) return {-1, -1};
    return {report->income_total_satang() / 100,
            report->header().fiscal_year()};
  }

  static v1::ReportPeriod FiscalYear(int year) {
    v1::ReportPeriod period;
    period.set_fiscal_year(year);
    return period;
  }
  static v1::ReportPeriod Month(int year, int month) {
    v1::ReportPeriod period;
    period.mutable_month()->set_year(year);
    period.mutable_month()->set_month(month);
    return period;
  }
  static v1::ReportPeriod Dates(v1::Date start, v1::Date end) {
    v1::ReportPeriod period;
    *period.mutable_dates()->mutable_start_date() = start;
    *period.mutable_dates()->mutable_end_date() = end;
    return period;
  }
  static v1::ReportPeriod AsOf(int year, int month, int day) {
    v1::ReportPeriod period;
    *period.mutable_as_of_date() = MakeDate(year, month, day);
    return period;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  ReportRpc rpc_{server_.NewChannel()};
};

TEST_F(ReportPeriodsTest, ThaiFiscalYearTurnsOnTheFirstOfOctober) {
  // FY 2024 = 2023-10-01 .. 2024-09-30 (ปีงบประมาณ 2567).
  EXPECT_EQ(Income("thai-year", FiscalYear(2024)),
            std::make_pair(int64_t{100001111}, 2024));
  EXPECT_EQ(Income("thai-year", FiscalYear(2025)),
            std::make_pair(int64_t{1110000}, 2025));
  EXPECT_EQ(Income("thai-year", FiscalYear(2023)),
            std::make_pair(int64_t{10000000}, 2023));
  EXPECT_EQ(Income("thai-year", Month(2024, 9)).second, 2024);
  EXPECT_EQ(Income("thai-year", Month(2024, 10)).second, 2025);
}

TEST_F(ReportPeriodsTest, CalendarFiscalYearTurnsOnTheFirstOfJanuary) {
  EXPECT_EQ(Income("calendar-year", FiscalYear(2024)),
            std::make_pair(int64_t{111111}, 2024));
  EXPECT_EQ(Income("calendar-year", FiscalYear(2025)),
            std::make_pair(int64_t{1000000}, 2025));
  EXPECT_EQ(Income("calendar-year", FiscalYear(2023)),
            std::make_pair(int64_t{110000000}, 2023));
  EXPECT_EQ(Income("calendar-year", Month(2024, 12)).second, 2024);
  EXPECT_EQ(Income("calendar-year", Month(2025, 1)).second, 2025);
}

TEST_F(ReportPeriodsTest, MonthsYearEndsAndTheLeapDay) {
  EXPECT_EQ(Income("thai-year", Month(2024, 2)).first, 11);
  EXPECT_EQ(Income("thai-year", Month(2024, 3)).first, 100);
  EXPECT_EQ(Income("thai-year", Month(2024, 12)).first, 100000);
  EXPECT_EQ(Income("thai-year", Month(2025, 1)).first, 1000000);
  EXPECT_EQ(
      Income("thai-year", Dates(MakeDate(2024, 2, 29), MakeDate(2024, 2, 29)))
          .first,
      10);
  EXPECT_EQ(
      Income("thai-year", Dates(MakeDate(2024, 12, 31), MakeDate(2025, 1, 1)))
          .first,
      1100000);
}

TEST_F(ReportPeriodsTest, AsOfDatesTakeEverythingUpToTheirEnd) {
  EXPECT_EQ(Income("thai-year", AsOf(2024, 2, 28)).first, 110000001);
  EXPECT_EQ(Income("thai-year", AsOf(2024, 2, 29)).first, 110000011);
  EXPECT_EQ(Income("thai-year", AsOf(2024, 12, 31)).first, 110111111);
  EXPECT_EQ(Income("thai-year", AsOf(2023, 9, 29)).first, 0);
  // The balance sheet at the end of the day before a fiscal year equals the
  // opening of its trial balance.
  v1::ReportRequest request;
  request.set_parent("funds/thai-year");
  *request.mutable_period() = FiscalYear(2025);
  auto trial = rpc_.Call(&Reports::GetTrialBalance, request);
  *request.mutable_period() = AsOf(2024, 9, 30);
  auto sheet = rpc_.Call(&Reports::GetBalanceSheet, request);
  ASSERT_THAT(trial, IsOk());
  ASSERT_THAT(sheet, IsOk());
  int64_t opening_assets = 0;
  for (const auto& row : trial->rows()) {
    if (row.account_code()[0] == '1') {
      opening_assets += row.opening_debit_minus_credit_satang();
    }
  }
  EXPECT_EQ(opening_assets, sheet->assets_total_satang());
  EXPECT_EQ(opening_assets, 110001111 * int64_t{100});
}

TEST_F(ReportPeriodsTest, EmptyPeriodIsTheCurrentFiscalYear) {
  // The test clock is 2026-06-15: FY 2026 runs 2025-10-01 .. 2026-09-30.
  v1::ReportRequest request;
  request.set_parent("funds/thai-year");
  auto report = rpc_.Call(&Reports::GetTrialBalance, request);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->header().fiscal_year(), 2026);
  EXPECT_EQ(report->header().start_date().month(), 10);
  EXPECT_EQ(report->header().start_date().year(), 2025);
  EXPECT_EQ(report->header().end_date().year(), 2026);
  EXPECT_EQ(report->header().end_date().month(), 9);
  EXPECT_EQ(report->header().end_date().day(), 30);
}

TEST_F(ReportPeriodsTest, BadPeriodsAndNamesAreRefused) {
  auto call = [&](const std::string& parent, const v1::ReportPeriod& period) {
    v1::ReportRequest request;
    request.set_parent(parent);
    *request.mutable_period() = period;
    return rpc_.Call(&Reports::GetTrialBalance, request).status();
  };
  const auto invalid = absl::StatusCode::kInvalidArgument;
  absl::Status buddhist = call("funds/thai-year", FiscalYear(2569));
  EXPECT_THAT(buddhist, HasError(invalid, "FIELD_INVALID"));
  EXPECT_THAT(std::string(buddhist.message()),
              ::testing::HasSubstr("Buddhist Era"));
  EXPECT_THAT(call("funds/thai-year", FiscalYear(1950)),
              HasError(invalid, "FIELD_INVALID"));
  EXPECT_THAT(call("funds/thai-year", Month(2024, 13)),
              HasError(invalid, "DATE_INVALID"));
  EXPECT_THAT(call("funds/thai-year", AsOf(2025, 2, 29)),
              HasError(invalid, "DATE_INVALID"));
  EXPECT_THAT(call("funds/thai-year",
                   Dates(MakeDate(2025, 1, 2), MakeDate(2025, 1, 1))),
              HasError(invalid, "FIELD_INVALID"));
  // A range without its end leaves a field out.
  EXPECT_THAT(call("funds/thai-year", Dates(MakeDate(2025, 1, 2), {})),
              HasError(invalid, "FIELD_REQUIRED"));
  EXPECT_THAT(call("funds/Thai Year", {}), HasError(invalid, "NAME_MALFORMED"));
  EXPECT_THAT(call("funds/no-such-fund", {}),
              HasError(absl::StatusCode::kNotFound, "FUND_NOT_FOUND"));

  v1::GetPassbookRequest passbook;
  passbook.set_name("funds/thai-year/members/7");
  EXPECT_THAT(rpc_.Call(&Reports::GetPassbook, passbook),
              HasError(absl::StatusCode::kNotFound, "MEMBER_NOT_FOUND"));
  passbook.set_name("funds/thai-year/members/x");
  EXPECT_THAT(rpc_.Call(&Reports::GetPassbook, passbook),
              HasError(invalid, "NAME_MALFORMED"));
}

TEST_F(ReportPeriodsTest, ARejectedBatchLeavesNoTotalBehind) {
  v1::ReportRequest request;
  request.set_parent("funds/thai-year");
  *request.mutable_period() = FiscalYear(2026);
  auto before = rpc_.Call(&Reports::GetContributionsBySource, request);
  auto cash_before = rpc_.Call(&Reports::GetReceiptsAndPayments, request);
  ASSERT_THAT(before, IsOk());
  ASSERT_THAT(cash_before, IsOk());
  // A matching grant (which adds to month, cash-flow and round totals),
  // then a cost the fund cannot pay: the whole batch is refused.
  v1::PostBatchRequest batch;
  batch.set_parent("funds/thai-year");
  auto* match = batch.add_items()->mutable_contribution();
  match->set_source(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
  match->set_matching_round("2569/1");
  match->set_amount_satang(5'000'000);
  *match->mutable_effective_date() = MakeDate(2026, 3, 1);
  auto* cost = batch.add_items()->mutable_disbursement();
  cost->mutable_operating_cost()->set_kind(v1::COST_KIND_STATIONERY);
  cost->set_amount_satang(int64_t{100'000'000'000});
  *cost->mutable_effective_date() = MakeDate(2026, 3, 2);
  EXPECT_THAT(
      client_->PostBatch(batch),
      HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS"));
  auto after = rpc_.Call(&Reports::GetContributionsBySource, request);
  auto cash_after = rpc_.Call(&Reports::GetReceiptsAndPayments, request);
  ASSERT_THAT(after, IsOk());
  ASSERT_THAT(cash_after, IsOk());
  for (const auto& row : after->rows()) {
    EXPECT_NE(row.matching_round(), "2569/1");
  }
  EXPECT_EQ(after->amount_total_satang(), before->amount_total_satang());
  EXPECT_EQ(cash_after->receipts_total_satang(),
            cash_before->receipts_total_satang());
  EXPECT_EQ(cash_after->closing_total_satang(),
            cash_before->closing_total_satang());
}

}  // namespace
}  // namespace welfare::testing
