#include "clients/report/periods.h"

#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/values.h"
#include "clients/format/dates.h"

namespace welfare::report {
namespace {

namespace v1 = welfare::ledger::v1;

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

bool Before(const v1::Date& a, const v1::Date& b) {
  return std::make_tuple(a.year(), a.month(), a.day()) <
         std::make_tuple(b.year(), b.month(), b.day());
}

}  // namespace

cli::FlagSpec FiscalYearFlag() {
  return {"fiscal-year", "YEAR",
          "a fiscal year (1 October to 30 September) by\n"
          "its end year: 2569 (Buddhist Era, as on Thai\n"
          "documents) and 2026 (CE) are the same year; a\n"
          "year from 2400 is taken as BE (default: the\n"
          "current fiscal year)"};
}

std::vector<cli::FlagSpec> PeriodFlags() {
  return {FiscalYearFlag(),
          {"month", "YYYY-MM", "one calendar month, e.g. 2569-11 or 2026-11"},
          {"from", "DATE", "first day of a period, with --to"},
          {"to", "DATE", "last day of a period (included), with --from"},
          {"as-of", "DATE", "from the fund's founding to DATE"}};
}

absl::StatusOr<int32_t> ReadFiscalYear(const cli::ParsedFlags& flags) {
  if (!flags.Has("fiscal-year")) return 0;
  const std::string text = flags.Get("fiscal-year");
  int typed = 0;
  const int year =
      absl::SimpleAtoi(text, &typed) ? format::CommonEraYear(typed) : 0;
  if (year < kFiscalYearMin || year > kFiscalYearMax) {
    return Bad(absl::StrCat(
        "--fiscal-year: \"", text, "\"; want a year such as 2569 (Buddhist ",
        "Era, ", kFiscalYearMin + format::kBuddhistEraOffset, "..",
        kFiscalYearMax + format::kBuddhistEraOffset, ") or 2026 (CE, ",
        kFiscalYearMin, "..", format::kBuddhistEraYearFirst - 1, ")"));
  }
  return year;
}

absl::StatusOr<v1::ReportPeriod> ReadPeriod(const cli::ParsedFlags& flags) {
  int given = 0;
  for (const char* name : {"fiscal-year", "month", "as-of"}) {
    given += flags.Has(name) ? 1 : 0;
  }
  const bool from = flags.Has("from");
  const bool to = flags.Has("to");
  if (from != to) {
    return Bad(
        "--from and --to go together: give both, e.g. "
        "--from=2569-10-01 --to=2569-12-31");
  }
  if (given + (from ? 1 : 0) > 1) {
    return Bad(
        "give one period: --fiscal-year, --month, --from with --to, "
        "or --as-of");
  }
  v1::ReportPeriod period;
  absl::StatusOr<int32_t> fiscal_year = ReadFiscalYear(flags);
  if (!fiscal_year.ok()) return fiscal_year.status();
  if (*fiscal_year != 0) period.set_fiscal_year(*fiscal_year);
  cli::FlagReader read(flags);
  if (flags.Has("month")) read.MonthInto("month", period.mutable_month());
  if (from) {
    read.DateInto("from", period.mutable_dates()->mutable_start_date());
    read.DateInto("to", period.mutable_dates()->mutable_end_date());
  }
  if (flags.Has("as-of")) read.DateInto("as-of", period.mutable_as_of_date());
  if (!read.ok()) return read.status();
  if (from && Before(period.dates().end_date(), period.dates().start_date())) {
    return Bad(absl::StrCat("--to (", flags.Get("to"), ") is before --from (",
                            flags.Get("from"),
                            "); want the last day on or after the first"));
  }
  return period;
}

}  // namespace welfare::report
