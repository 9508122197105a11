#include "clients/format/dates.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace welfare::format {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int kYearDigits = 4;
constexpr int kThailandUtcOffsetSeconds = 7 * 60 * 60;

// A run of 1..max_digits ASCII digits, as a number; -1 otherwise.
int SmallNumber(absl::string_view text, size_t min_digits, size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return -1;
  int value = 0;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

struct Parts {
  int year = -1;
  int month = -1;
  int day = -1;
};

// Splits "Y-M[-D]" or "[D/]M/Y"; -1 marks a missing or malformed part.
Parts Split(absl::string_view text, bool with_day) {
  Parts parts;
  const size_t count = with_day ? 3 : 2;
  if (absl::StrContains(text, '/')) {
    std::vector<absl::string_view> pieces = absl::StrSplit(text, '/');
    if (pieces.size() != count) return parts;
    parts.year = SmallNumber(pieces.back(), kYearDigits, kYearDigits);
    parts.month = SmallNumber(pieces[count - 2], 1, 2);
    if (with_day) parts.day = SmallNumber(pieces[0], 1, 2);
  } else {
    std::vector<absl::string_view> pieces = absl::StrSplit(text, '-');
    if (pieces.size() != count) return parts;
    parts.year = SmallNumber(pieces[0], kYearDigits, kYearDigits);
    parts.month = SmallNumber(pieces[1], 2, 2);
    if (with_day) parts.day = SmallNumber(pieces[2], 2, 2);
  }
  if (!with_day) parts.day = 1;
  return parts;
}

absl::Status CheckYear(absl::string_view text, int typed_year, int year,
                       int year_min) {
  if (year >= year_min && year <= kYearMax) return absl::OkStatus();
  if (typed_year != year) {  // BE: four digits never pass kYearMax.
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\": year ", typed_year,
                     " is before the ledger's years; want a BE year from ",
                     year_min + kBuddhistEraOffset, " (or a CE year ", year_min,
                     "..", kYearMax, ")"));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", text, "\": year ", typed_year,
      " is outside the ledger's years; want ", year_min, "..", kYearMax,
      " CE, or a BE year from ", year_min + kBuddhistEraOffset));
}

bool Later(const v1::Date& a, const v1::Date& b) {
  return std::make_tuple(a.year(), a.month(), a.day()) >
         std::make_tuple(b.year(), b.month(), b.day());
}

}  // namespace

int CommonEraYear(int typed_year) {
  return typed_year >= kBuddhistEraYearFirst ? typed_year - kBuddhistEraOffset
                                             : typed_year;
}

bool IsRealDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const absl::CivilDay civil(year, month, day);  // Normalizes 02-30 away.
  return civil.year() == year && civil.month() == month && civil.day() == day;
}

absl::StatusOr<v1::Date> ParseDate(absl::string_view text, int year_min) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const Parts parts = Split(trimmed, /*with_day=*/true);
  if (parts.year < 0 || parts.month < 0 || parts.day < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", text, "\" is not a date; want YYYY-MM-DD or DD/MM/YYYY, in BE ",
        "or CE, e.g. 2569-10-01 or 1/10/2569"));
  }
  const int year = CommonEraYear(parts.year);
  if (absl::Status status = CheckYear(text, parts.year, year, year_min);
      !status.ok()) {
    return status;
  }
  if (!IsRealDate(year, parts.month, parts.day)) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not a real date",
                     year == parts.year ? "" : absl::StrCat(" (", year, " CE)"),
                     "; want a day that exists in that month"));
  }
  v1::Date date;
  date.set_year(year);
  date.set_month(parts.month);
  date.set_day(parts.day);
  return date;
}

Calendar CalendarTyped(absl::string_view text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const char separator = absl::StrContains(trimmed, '/') ? '/' : '-';
  const bool with_day =
      std::count(trimmed.begin(), trimmed.end(), separator) == 2;
  return Split(trimmed, with_day).year >= kBuddhistEraYearFirst
             ? Calendar::kBuddhistEra
             : Calendar::kGregorian;
}

v1::Date ThaiToday(absl::Time now) {
  const absl::CivilDay day =
      absl::ToCivilDay(now, absl::FixedTimeZone(kThailandUtcOffsetSeconds));
  v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

absl::StatusOr<v1::Date> ParseDateUpTo(absl::string_view text,
                                       const v1::Date& today, int year_min) {
  absl::StatusOr<v1::Date> date = ParseDate(text, year_min);
  if (!date.ok() || !Later(*date, today)) return date;
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", text, "\" is after today (", FormatDate(today, CalendarTyped(text)),
      " in Thailand); want a date that has come"));
}

absl::StatusOr<v1::YearMonth> ParseYearMonth(absl::string_view text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const Parts parts = Split(trimmed, /*with_day=*/false);
  if (parts.year < 0 || parts.month < 1 || parts.month > 12) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not a month; want YYYY-MM or MM/YYYY, ",
                     "in BE or CE, e.g. 2569-10 or 10/2569"));
  }
  const int year = CommonEraYear(parts.year);
  if (absl::Status status = CheckYear(text, parts.year, year, kYearMin);
      !status.ok()) {
    return status;
  }
  v1::YearMonth month;
  month.set_year(year);
  month.set_month(parts.month);
  return month;
}

std::string FormatDate(const v1::Date& date, Calendar calendar) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "";
  if (calendar == Calendar::kGregorian) {
    return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                           date.day());
  }
  return absl::StrFormat("%02d/%02d/%d", date.day(), date.month(),
                         date.year() + kBuddhistEraOffset);
}

std::string FormatLongDate(const v1::Date& date, Calendar calendar) {
  static constexpr const char* kThaiMonths[] = {
      "มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
      "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
  static constexpr const char* kEnglishMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (date.month() < 1 || date.month() > 12) return "";
  if (calendar == Calendar::kGregorian) {
    return absl::StrFormat("%d %s %d", date.day(),
                           kEnglishMonths[date.month() - 1], date.year());
  }
  return absl::StrFormat("%d %s พ.ศ. %d", date.day(),
                         kThaiMonths[date.month() - 1],
                         date.year() + kBuddhistEraOffset);
}

std::string FormatYearMonth(const v1::YearMonth& month, Calendar calendar) {
  if (month.year() == 0 && month.month() == 0) return "";
  if (calendar == Calendar::kGregorian) {
    return absl::StrFormat("%04d-%02d", month.year(), month.month());
  }
  return absl::StrFormat("%02d/%d", month.month(),
                         month.year() + kBuddhistEraOffset);
}

std::string FormatThaiTime(const google::protobuf::Timestamp& time,
                           Calendar calendar) {
  if (time.seconds() == 0 && time.nanos() == 0) return "";
  const absl::CivilSecond civil =
      absl::ToCivilSecond(absl::FromUnixSeconds(time.seconds()),
                          absl::FixedTimeZone(kThailandUtcOffsetSeconds));
  v1::Date date;
  date.set_year(static_cast<int>(civil.year()));
  date.set_month(civil.month());
  date.set_day(civil.day());
  return absl::StrFormat("%s %02d:%02d:%02d", FormatDate(date, calendar),
                         civil.hour(), civil.minute(), civil.second());
}

}  // namespace welfare::format
