// Dates of the domain: API Date and YearMonth <-> stored day and month
// numbers, validity, and "today" in Thailand (UTC+7, no daylight saving).
// Dates are real Gregorian dates; the Buddhist Era is for display only.
#ifndef WELFARE_SERVICES_DOMAIN_DATES_H_
#define WELFARE_SERVICES_DOMAIN_DATES_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "welfare/ledger/v1/types.pb.h"

namespace welfare::domain {

inline constexpr int kYearMin = 1950;
// Any year from 2400 on is a Buddhist Era year given by mistake (BE 2400 is
// CE 1857), so it is refused rather than taken as a date centuries ahead.
inline constexpr int kYearMax = 2399;

// Birth dates go further back than the ledger's own dates.
inline constexpr int kBirthYearMin = 1900;

// Whether a Date message is empty (all zero): "not given".
bool IsUnset(const welfare::ledger::v1::Date& date);

// The day number (days since 1970-01-01) of a valid date; INVALID_ARGUMENT
// FIELD_REQUIRED for an unset one, DATE_INVALID for an impossible one
// (2026-02-30, month 13) or a year outside kYearMin..kYearMax (a Buddhist
// Era year such as 2569).
absl::StatusOr<int32_t> DayOf(absl::string_view field,
                              const welfare::ledger::v1::Date& date);

// A business date: unset means today; else valid and not after today;
// DATE_IN_FUTURE otherwise.
absl::StatusOr<int32_t> BusinessDay(absl::string_view field,
                                    const welfare::ledger::v1::Date& date,
                                    int32_t today);

// A birth date: unset means none (nullopt); else a calendar date from
// kBirthYearMin, not after today (DATE_INVALID, DATE_IN_FUTURE).
absl::StatusOr<std::optional<int32_t>> BirthDayOf(
    absl::string_view field, const welfare::ledger::v1::Date& date,
    int32_t today);

welfare::ledger::v1::Date DateOf(int32_t day);

// The day number of today in Thailand at the given Unix time.
int32_t ThaiToday(int64_t unix_micros);

// Months since year 0: year * 12 + month - 1. INVALID_ARGUMENT
// FIELD_REQUIRED for an unset month (0000-00), DATE_INVALID for a month
// outside 1..12 or a year outside kYearMin..kYearMax.
absl::StatusOr<int32_t> MonthIndexOf(absl::string_view field,
                                     const welfare::ledger::v1::YearMonth& ym);
welfare::ledger::v1::YearMonth YearMonthOf(int32_t month_index);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_DATES_H_
