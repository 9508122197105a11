// The period flags of welfare-report, read into API periods.
//
//   --fiscal-year=YEAR   a Thai fiscal year (1 October to 30 September) by
//                        its end year: 2569 (Buddhist Era, as printed on Thai
//                        documents) or 2026 (CE) are the same year. A year
//                        from 2400 is BE (format::kBuddhistEraYearFirst).
//   --month=YYYY-MM      one calendar month (BE or CE year)
//   --from=DATE --to=DATE  two dates, both included (BE or CE year)
//   --as-of=DATE         from the fund's founding to DATE
//   none                 the fiscal year that contains today (the server's)
//
// At most one of them (--from and --to go together). Every mistake is an
// INVALID_ARGUMENT naming the flag and what was wanted.
#ifndef WELFARE_CLIENTS_REPORT_PERIODS_H_
#define WELFARE_CLIENTS_REPORT_PERIODS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/flags.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::report {

// The CE fiscal years the API takes.
inline constexpr int32_t kFiscalYearMin = 1951;
inline constexpr int32_t kFiscalYearMax = 2399;

// The flags above, for a command's flag list.
std::vector<cli::FlagSpec> PeriodFlags();
// --fiscal-year alone (partner queries and committee-pack).
cli::FlagSpec FiscalYearFlag();

// The CE fiscal year of --fiscal-year as typed ("2569" or "2026"); 0 when
// the flag is absent.
absl::StatusOr<int32_t> ReadFiscalYear(const cli::ParsedFlags& flags);

// The period the flags name; an empty period when none is given.
absl::StatusOr<welfare::ledger::v1::ReportPeriod> ReadPeriod(
    const cli::ParsedFlags& flags);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_PERIODS_H_
