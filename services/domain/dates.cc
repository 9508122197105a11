#include "services/domain/dates.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "storage/errors.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Error;
using welfare::ledger::v1::Date;
using welfare::ledger::v1::YearMonth;

constexpr int64_t kThaiOffsetSeconds = 7 * 3600;
constexpr int64_t kSecondsPerDay = 86400;

absl::StatusOr<int32_t> CalendarDay(absl::string_view field, const Date& date,
                                    int year_min) {
  if (IsUnset(date)) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                 absl::StrCat(field, ": want a date (year, month and day)"));
  }
  const absl::CivilDay day(date.year(), date.month(), date.day());
  if (date.year() < year_min || date.year() > kYearMax ||
      day.year() != date.year() || day.month() != date.month() ||
      day.day() != date.day()) {
    return Error(absl::StatusCode::kInvalidArgument, "DATE_INVALID",
                 absl::StrFormat("%s: %04d-%02d-%02d is not a calendar date; "
                                 "want a Gregorian (CE) date from %d to %d "
                                 "(a Buddhist Era year minus 543)",
                                 field, date.year(), date.month(), date.day(),
                                 year_min, kYearMax));
  }
  return storage::DayNumber(day);
}

absl::Status InFuture(absl::string_view field, int32_t day, int32_t today) {
  return Error(
      absl::StatusCode::kInvalidArgument, "DATE_IN_FUTURE",
      absl::StrCat(field, ": ", storage::DayText(day), " is after today (",
                   storage::DayText(today),
                   ", Thai time); want a date that has come (dates are CE: "
                   "2569 BE is 2026)"));
}

}  // namespace

bool IsUnset(const Date& date) {
  return date.year() == 0 && date.month() == 0 && date.day() == 0;
}

absl::StatusOr<int32_t> DayOf(absl::string_view field, const Date& date) {
  return CalendarDay(field, date, kYearMin);
}

absl::StatusOr<std::optional<int32_t>> BirthDayOf(absl::string_view field,
                                                  const Date& date,
                                                  int32_t today) {
  if (IsUnset(date)) return std::nullopt;
  ASSIGN_OR_RETURN(const int32_t day, CalendarDay(field, date, kBirthYearMin));
  if (day > today) return InFuture(field, day, today);
  return day;
}

absl::StatusOr<int32_t> BusinessDay(absl::string_view field, const Date& date,
                                    int32_t today) {
  if (IsUnset(date)) return today;
  ASSIGN_OR_RETURN(const int32_t day, DayOf(field, date));
  if (day > today) return InFuture(field, day, today);
  return day;
}

Date DateOf(int32_t day_number) {
  const absl::CivilDay day = storage::CivilDayOf(day_number);
  Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

int32_t ThaiToday(int64_t unix_micros) {
  // Floor divisions: before 1970 the times are negative.
  constexpr int64_t kMicrosPerDay = kSecondsPerDay * 1000000;
  const int64_t local = unix_micros + kThaiOffsetSeconds * 1000000;
  int64_t days = local / kMicrosPerDay;
  if (local % kMicrosPerDay < 0) --days;
  return static_cast<int32_t>(days);
}

absl::StatusOr<int32_t> MonthIndexOf(absl::string_view field,
                                     const YearMonth& ym) {
  if (ym.year() == 0 && ym.month() == 0) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                 absl::StrCat(field, ": want a month (year and month)"));
  }
  if (ym.month() < 1 || ym.month() > 12 || ym.year() < kYearMin ||
      ym.year() > kYearMax) {
    return Error(
        absl::StatusCode::kInvalidArgument, "DATE_INVALID",
        absl::StrFormat("%s: %04d-%02d, want a month 1..12 of a CE "
                        "year %d..%d",
                        field, ym.year(), ym.month(), kYearMin, kYearMax));
  }
  return ym.year() * 12 + ym.month() - 1;
}

YearMonth YearMonthOf(int32_t month_index) {
  YearMonth ym;
  ym.set_year(month_index / 12);
  ym.set_month(month_index % 12 + 1);
  return ym;
}

}  // namespace welfare::domain
