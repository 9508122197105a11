// Hand-built report responses with known figures, for the rendering tests
// and the browser test. Fund "ban-nong-khu"
// ("กองทุนสวัสดิการชุมชนตำบลหนองคู"), fiscal year 2026 (BE 2569):
// 1 October 2025 to 30 September 2026, journal of 1,234 entries.
#ifndef WELFARE_TESTS_REPORT_SAMPLE_REPORTS_H_
#define WELFARE_TESTS_REPORT_SAMPLE_REPORTS_H_

#include "clients/report/monthly_series.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::report::testing {

inline constexpr char kFundName[] = "funds/ban-nong-khu";
inline constexpr char kFundDisplayName[] = "กองทุนสวัสดิการชุมชนตำบลหนองคู";

v1::ReportHeader SampleHeader();
// 1101 cash 1,234,567.89 Dr; 4101 dues 1,234,567.89 Cr; a zero account.
v1::TrialBalance SampleTrialBalance();
v1::ReceiptsAndPayments SampleReceiptsAndPayments();
// Income: 4101 dues 120,000.00 and 4501 interest 1,500.50.
v1::IncomeAndExpenditure SampleIncomeAndExpenditure();
v1::BalanceSheet SampleBalanceSheet();
v1::Passbook SamplePassbook();
// All 16 categories; non-zero amounts in 3: sickness 6,000.00 (12 people),
// death 30,000.00 (2), education 1,500.00 (3).
v1::BenefitsByCategory SampleBenefits();
inline constexpr int kSampleBenefitCategoriesWithMoney = 3;
v1::ContributionsBySource SampleContributions();
v1::FundStatusForm SampleStatusForm();
// Members: general active 700; elderly active suppressed (<5); benefits:
// death suppressed, sickness 12.
v1::FundStatus SampleFundStatus();
// Province "33", 170 funds; general active 100000 + 3 suppressed cells;
// disabled active 0 + 2 suppressed cells.
v1::AreaStatus SampleAreaStatus();
// Month i (0..11) from October 2025: dues (i + 1) * 10,000.00, benefits
// i * 1,000.00 (so October's benefits are 0).
MonthlySeries SampleSeries();

}  // namespace welfare::report::testing

#endif  // WELFARE_TESTS_REPORT_SAMPLE_REPORTS_H_
