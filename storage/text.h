// How storage and the domain write money and dates into messages.
#ifndef WELFARE_STORAGE_TEXT_H_
#define WELFARE_STORAGE_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/time/civil_time.h"

namespace welfare::storage {

// Days since 1970-01-01, the stored form of a date.
int32_t DayNumber(const absl::CivilDay& day);
absl::CivilDay CivilDayOf(int32_t day_number);
// year * 12 + month - 1 of the day's month.
int32_t MonthIndexOfDay(int32_t day_number);
// The day number of the first day of a month (by month index); the last day
// of month m is MonthStartDay(m + 1) - 1.
int32_t MonthStartDay(int32_t month_index);

// "2026-10-05".
std::string DayText(int32_t day_number);

// "1,234.50 baht", "-0.05 baht".
std::string BahtText(int64_t satang);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_TEXT_H_
