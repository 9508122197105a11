#include "storage/text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace welfare::storage {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

}  // namespace

int32_t DayNumber(const absl::CivilDay& day) {
  return static_cast<int32_t>(day - kEpoch);
}

absl::CivilDay CivilDayOf(int32_t day_number) { return kEpoch + day_number; }

int32_t MonthStartDay(int32_t month_index) {
  return DayNumber(
      absl::CivilDay(absl::CivilMonth(month_index / 12, month_index % 12 + 1)));
}

int32_t MonthIndexOfDay(int32_t day_number) {
  const absl::CivilDay day = CivilDayOf(day_number);
  return static_cast<int32_t>(day.year() * 12 + day.month() - 1);
}

std::string DayText(int32_t day_number) {
  absl::CivilDay day = CivilDayOf(day_number);
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::string BahtText(int64_t satang) {
  const bool negative = satang < 0;
  // Work in unsigned so that INT64_MIN is representable.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(satang)
                                : static_cast<uint64_t>(satang);
  std::string digits = absl::StrCat(magnitude / 100);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return absl::StrFormat("%s%s.%02d baht", negative ? "-" : "", grouped,
                         static_cast<int>(magnitude % 100));
}

}  // namespace welfare::storage
