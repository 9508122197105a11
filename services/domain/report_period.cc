#include "services/domain/report_period.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "services/domain/dates.h"
#include "services/domain/validate.h"
#include "storage/errors.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;

}  // namespace

int32_t FiscalStartMonth(const welfare::storage::v1::FundView& fund) {
  const int32_t month = fund.fiscal_year_start_month();
  return month >= 1 && month <= 12 ? month : 10;
}

int32_t FiscalYearOf(int32_t day, int32_t start_month) {
  const absl::CivilDay civil = storage::CivilDayOf(day);
  const int32_t year = static_cast<int32_t>(civil.year());
  return start_month == 1 || civil.month() < start_month ? year : year + 1;
}

storage::DayRange FiscalYearDays(int32_t fiscal_year, int32_t start_month) {
  const absl::CivilDay first(start_month == 1 ? fiscal_year : fiscal_year - 1,
                             start_month, 1);
  const absl::CivilDay next(absl::CivilYear(first.year() + 1).year(),
                            start_month, 1);
  return {storage::DayNumber(first), storage::DayNumber(next) - 1};
}

absl::Status CheckFiscalYear(absl::string_view field, int32_t fiscal_year) {
  if (fiscal_year > kYearMax) {
    return InvalidField(
        "FIELD_INVALID", field,
        absl::StrCat(fiscal_year,
                     " looks like a Buddhist Era year; want the "
                     "calendar (CE) year the fiscal year ends in, "
                     "e.g. ",
                     fiscal_year - 543, " for ", fiscal_year));
  }
  if (fiscal_year <= kYearMin) {
    return InvalidField("FIELD_INVALID", field,
                        absl::StrCat("want a year from ", kYearMin + 1, " to ",
                                     kYearMax, ", got ", fiscal_year));
  }
  return absl::OkStatus();
}

absl::StatusOr<storage::DayRange> ResolvePeriod(
    const v1::ReportPeriod& period, const welfare::storage::v1::FundView& fund,
    int32_t today) {
  const int32_t start_month = FiscalStartMonth(fund);
  switch (period.period_case()) {
    case v1::ReportPeriod::PERIOD_NOT_SET:
      return FiscalYearDays(FiscalYearOf(today, start_month), start_month);
    case v1::ReportPeriod::kFiscalYear:
      RETURN_IF_ERROR(
          CheckFiscalYear("period.fiscal_year", period.fiscal_year()));
      return FiscalYearDays(period.fiscal_year(), start_month);
    case v1::ReportPeriod::kMonth: {
      ASSIGN_OR_RETURN(int32_t index,
                       MonthIndexOf("period.month", period.month()));
      return storage::DayRange{storage::MonthStartDay(index),
                               storage::MonthStartDay(index + 1) - 1};
    }
    case v1::ReportPeriod::kDates: {
      ASSIGN_OR_RETURN(int32_t first, DayOf("period.dates.start_date",
                                            period.dates().start_date()));
      ASSIGN_OR_RETURN(int32_t last, DayOf("period.dates.end_date",
                                           period.dates().end_date()));
      if (last < first) {
        return InvalidField(
            "FIELD_INVALID", "period.dates",
            absl::StrCat("end_date ", storage::DayText(last),
                         " is before start_date ", storage::DayText(first)));
      }
      return storage::DayRange{first, last};
    }
    case v1::ReportPeriod::kAsOfDate: {
      ASSIGN_OR_RETURN(int32_t last,
                       DayOf("period.as_of_date", period.as_of_date()));
      return storage::DayRange{kBeginningOfTime, last};
    }
  }
  return InvalidField("FIELD_INVALID", "period", "unknown kind of period");
}

}  // namespace welfare::domain
