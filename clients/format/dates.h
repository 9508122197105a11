// Dates as Thai people write and read them.
//
// The ledger stores real Gregorian (CE) dates. People in Thailand date
// documents in the Buddhist Era (BE = CE + 543), so parsing accepts either
// calendar and display defaults to the Buddhist Era. A BE year never
// appears in an ISO-looking "YYYY-MM-DD" output.
#ifndef WELFARE_CLIENTS_FORMAT_DATES_H_
#define WELFARE_CLIENTS_FORMAT_DATES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "welfare/ledger/v1/types.pb.h"

namespace welfare::format {

// Which calendar dates are shown in.
enum class Calendar {
  kBuddhistEra,  // "15/06/2569": day/month/BE year, as on Thai documents.
  kGregorian,    // "2026-06-15": ISO 8601.
};

inline constexpr int kBuddhistEraOffset = 543;
// A typed year at or above this is a BE year: no CE date the ledger keeps
// comes near it, and BE 2400 was CE 1857.
inline constexpr int kBuddhistEraYearFirst = 2400;
// The CE years the API accepts (proto Date: 1950..9999).
inline constexpr int kYearMin = 1950;
inline constexpr int kYearMax = 9999;
// Birth dates (a member's profile) go back further: from CE 1900.
inline constexpr int kBirthYearMin = 1900;

// The CE year of a year as typed: year - 543 from kBuddhistEraYearFirst on.
int CommonEraYear(int typed_year);

// Whether year/month/day (CE) is a real calendar date (leap years too).
bool IsRealDate(int year, int month, int day);

// Parses "YYYY-MM-DD" (ISO order) or "D/M/YYYY" (Thai order, day first;
// one- or two-digit day and month) into a CE date. The year is four
// digits, BE from kBuddhistEraYearFirst on: "2569-10-01", "1/10/2569" and
// "2026-10-01" are all 1 October 2026. INVALID_ARGUMENT, saying what was
// wanted in the calendar the year was typed in, for another shape, an
// impossible date ("2569-02-29": CE 2026 is not a leap year) or a CE year
// outside year_min..kYearMax.
absl::StatusOr<welfare::ledger::v1::Date> ParseDate(absl::string_view text,
                                                    int year_min = kYearMin);

// The calendar a date or month was typed in: kBuddhistEra if its four-digit
// year is from kBuddhistEraYearFirst ("2569-06-15", "15/6/2569"), else
// kGregorian (also for text that is no date).
Calendar CalendarTyped(absl::string_view text);

// The date in Thailand (UTC+7, no daylight saving) at `now`.
welfare::ledger::v1::Date ThaiToday(absl::Time now);

// ParseDate, and INVALID_ARGUMENT for a date after `today`, as the server
// refuses a business date that has not come: "\"2569-07-01\" is after today
// (15/06/2569 in Thailand); want a date that has come", today in the
// calendar the date was typed in.
absl::StatusOr<welfare::ledger::v1::Date> ParseDateUpTo(
    absl::string_view text, const welfare::ledger::v1::Date& today,
    int year_min = kYearMin);

// Parses "YYYY-MM" or "M/YYYY" into a CE month, with the same year rules:
// "2569-10" and "10/2569" are October 2026.
absl::StatusOr<welfare::ledger::v1::YearMonth> ParseYearMonth(
    absl::string_view text);

// "15/06/2569" (kBuddhistEra) or "2026-06-15" (kGregorian); "" for an unset
// (all zero) date.
std::string FormatDate(const welfare::ledger::v1::Date& date,
                       Calendar calendar);

// A date as a document writes it out: "15 มิถุนายน พ.ศ. 2569"
// (kBuddhistEra) or "15 June 2026" (kGregorian); "" for an unset date.
std::string FormatLongDate(const welfare::ledger::v1::Date& date,
                           Calendar calendar);

// "06/2569" or "2026-06"; "" for an unset month.
std::string FormatYearMonth(const welfare::ledger::v1::YearMonth& month,
                            Calendar calendar);

// A point in time as Thai local time (UTC+7, no daylight saving), to the
// second: "15/06/2569 12:00:00" or "2026-06-15 12:00:00"; "" for an unset
// (zero) timestamp.
std::string FormatThaiTime(const google::protobuf::Timestamp& time,
                           Calendar calendar);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_DATES_H_
