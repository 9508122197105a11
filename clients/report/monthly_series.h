// The monthly figures of a fiscal year that the committee's charts draw:
// member dues and benefits paid, month by month.
#ifndef WELFARE_CLIENTS_REPORT_MONTHLY_SERIES_H_
#define WELFARE_CLIENTS_REPORT_MONTHLY_SERIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/report/report_client.h"

namespace welfare::report {

// Account of member dues in the default chart of accounts (DOMAIN.md).
inline constexpr char kMemberDuesAccount[] = "4101";
inline constexpr int kMonthsPerYear = 12;

struct MonthlyFigures {
  v1::YearMonth month;
  // Income movement of account 4101 in the month (credit minus debit).
  int64_t dues_satang = 0;
  // BenefitsByCategory.amount_total_satang of the month.
  int64_t benefits_satang = 0;
};

struct MonthlySeries {
  // The fiscal year by its CE end year, as the server resolved it, and the
  // month it starts in (10 for the Thai fiscal year, another for a fund's
  // own accounting year).
  int32_t fiscal_year = 0;
  int32_t start_month = 10;
  // The fiscal year's 12 months, in order, from its first month.
  std::vector<MonthlyFigures> months;
};

// The dues (account 4101) of an income and expenditure statement; 0 if
// the account has no row.
int64_t MemberDuesOf(const v1::IncomeAndExpenditure& statement);

// The month `count` months after `month` (count may be negative).
v1::YearMonth AddMonths(const v1::YearMonth& month, int count);

// Fetches the series of fund `fund_name` ("funds/{fund_id}") for the fiscal
// year ending in CE year `fiscal_year` (0: the current one). One call
// resolves the year's first month (a fund may start its year in another
// month than October), then two calls per month: 25 calls, each with the
// client's deadline. Returns the first failed call's status.
absl::StatusOr<MonthlySeries> FetchMonthlySeries(ReportClient& client,
                                                 const std::string& fund_name,
                                                 int32_t fiscal_year);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_MONTHLY_SERIES_H_
