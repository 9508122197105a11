// The periods of reports: fiscal years of a fund (1 October to 30 September
// unless the fund starts its year in another month), calendar months, date
// ranges and "everything up to a date", resolved to days.
#ifndef WELFARE_SERVICES_DOMAIN_REPORT_PERIOD_H_
#define WELFARE_SERVICES_DOMAIN_REPORT_PERIOD_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "storage/tallies.h"
#include "welfare/ledger/v1/reports.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// The first day of every period "from the beginning".
inline constexpr int32_t kBeginningOfTime = INT32_MIN;

// The fund's first fiscal month, 1..12 (0 in the view means 10).
int32_t FiscalStartMonth(const welfare::storage::v1::FundView& fund);

// The fiscal year, named by the calendar (CE) year it ends in, containing
// day; and the days of a fiscal year.
int32_t FiscalYearOf(int32_t day, int32_t start_month);
storage::DayRange FiscalYearDays(int32_t fiscal_year, int32_t start_month);

// INVALID_ARGUMENT FIELD_INVALID unless 1951..2399; a Buddhist Era year
// (2400 and later) is named as such in the message.
absl::Status CheckFiscalYear(absl::string_view field, int32_t fiscal_year);

// The days of a request's period. An empty period is the fiscal year that
// contains today; as_of_date starts at the fund's founding (or earlier, if
// entries are dated before it: from the beginning of time). INVALID_ARGUMENT
// (DATE_INVALID, FIELD_INVALID) for impossible dates, years out of range or
// an end before the start.
absl::StatusOr<storage::DayRange> ResolvePeriod(
    const welfare::ledger::v1::ReportPeriod& period,
    const welfare::storage::v1::FundView& fund, int32_t today);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_REPORT_PERIOD_H_
