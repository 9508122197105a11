// Dates of the domain (services/domain/dates.h): calendar validity, business
// dates never in the future, today in Thailand, and months of dues.
#include "services/domain/dates.h"

#include <cstdint>

#include "absl/time/civil_time.h"
#include "storage/text.h"
#include "tests/domain/holds_value.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using welfare::ledger::v1::Date;
using welfare::ledger::v1::YearMonth;
using ::welfare::testing::HasError;
using ::welfare::testing::HoldsValue;
using ::welfare::testing::IsOk;

Date MakeDate(int year, int month, int day) {
  Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

int32_t DayNumber(int year, int month, int day) {
  return storage::DayNumber(absl::CivilDay(year, month, day));
}

constexpr int64_t kMicrosPerSecond = 1'000'000;

// Unix micros of a UTC time.
int64_t UtcMicros(int year, int month, int day, int hour, int minute,
                  int second) {
  const absl::CivilSecond utc(year, month, day, hour, minute, second);
  return (utc - absl::CivilSecond(1970, 1, 1, 0, 0, 0)) * kMicrosPerSecond;
}

TEST(DayOfTest, AcceptsRealDates) {
  const struct {
    int year, month, day;
  } cases[] = {{2024, 2, 29},      {2000, 2, 29}, {2026, 12, 31}, {1950, 1, 1},
               {kYearMax, 12, 31}, {1970, 1, 1},  {2026, 6, 15}};
  for (const auto& c : cases) {
    auto day = DayOf("date", MakeDate(c.year, c.month, c.day));
    ASSERT_THAT(day, IsOk()) << c.year << "-" << c.month << "-" << c.day;
    EXPECT_EQ(*day, DayNumber(c.year, c.month, c.day));
  }
  EXPECT_THAT(DayOf("date", MakeDate(1970, 1, 2)), HoldsValue(1));
}

TEST(DayOfTest, RejectsImpossibleDatesAndYearsOutOfRange) {
  const struct {
    int year, month, day;
  } cases[] = {
      {2026, 2, 29},
      {2100, 2, 30},
      {2100, 2, 29},
      {2026, 4, 31},
      {2026, 13, 1},
      {2026, 0, 10},
      {2026, 1, 0},
      {2026, 1, 32},
      {2026, -1, 1},
      {1949, 12, 31},
      {10000, 1, 1},
      // Buddhist Era years typed as CE years (dates.h: kYearMax).
      {2400, 1, 1},
      {2569, 6, 15},
      {kYearMax + 1, 1, 1},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(DayOf("effective_date", MakeDate(c.year, c.month, c.day)),
                HasError(absl::StatusCode::kInvalidArgument, "DATE_INVALID"))
        << c.year << "-" << c.month << "-" << c.day;
  }
  // No date at all is a field left out, not an impossible date.
  EXPECT_THAT(DayOf("effective_date", MakeDate(0, 0, 0)),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
}

TEST(DayOfTest, DateOfRoundTrips) {
  for (int32_t day = DayNumber(1950, 1, 1); day <= DayNumber(2100, 1, 1);
       day += 37) {
    auto back = DayOf("date", DateOf(day));
    ASSERT_THAT(back, IsOk()) << day;
    EXPECT_EQ(*back, day);
  }
}

TEST(BusinessDayTest, UnsetMeansToday) {
  const int32_t today = DayNumber(2026, 6, 15);
  EXPECT_THAT(BusinessDay("effective_date", Date(), today), HoldsValue(today));
}

TEST(BusinessDayTest, AcceptsTodayAndThePast) {
  const int32_t today = DayNumber(2026, 6, 15);
  EXPECT_THAT(BusinessDay("d", MakeDate(2026, 6, 15), today),
              HoldsValue(today));
  EXPECT_THAT(BusinessDay("d", MakeDate(2026, 6, 14), today),
              HoldsValue(today - 1));
  EXPECT_THAT(BusinessDay("d", MakeDate(1950, 1, 1), today),
              HoldsValue(DayNumber(1950, 1, 1)));
}

TEST(BusinessDayTest, RejectsTheFuture) {
  const int32_t today = DayNumber(2026, 6, 15);
  const auto in_future =
      HasError(absl::StatusCode::kInvalidArgument, "DATE_IN_FUTURE");
  EXPECT_THAT(BusinessDay("d", MakeDate(2026, 6, 16), today), in_future);
  EXPECT_THAT(BusinessDay("d", MakeDate(kYearMax, 12, 31), today), in_future);
}

// 15 June 2569 BE is 15 June 2026 CE. Typed as a CE year it is refused as
// no valid date at all (since kYearMax became 2399), not as a future one.
TEST(BusinessDayTest, RefusesBuddhistEraYearsAsInvalid) {
  const int32_t today = DayNumber(2026, 6, 15);
  const auto invalid =
      HasError(absl::StatusCode::kInvalidArgument, "DATE_INVALID");
  EXPECT_THAT(BusinessDay("d", MakeDate(2569, 6, 15), today), invalid);
  EXPECT_THAT(BusinessDay("d", MakeDate(2568, 10, 1), today), invalid);
  // An impossible date is invalid, not in the future.
  EXPECT_THAT(BusinessDay("d", MakeDate(2026, 2, 30), today), invalid);
}

TEST(ThaiTodayTest, FlipsAtFivePmUtc) {
  const int32_t june_15 = DayNumber(2026, 6, 15);
  const struct {
    int64_t micros;
    int32_t day;
  } cases[] = {
      {UtcMicros(2026, 6, 14, 17, 0, 0), june_15},
      {UtcMicros(2026, 6, 15, 0, 0, 0), june_15},
      {UtcMicros(2026, 6, 15, 16, 59, 59) + 999'999, june_15},
      {UtcMicros(2026, 6, 15, 17, 0, 0), june_15 + 1},
      {UtcMicros(2026, 6, 14, 16, 59, 59) + 999'999, june_15 - 1},
      {welfare::testing::kTestNowMicros, june_15},
      {0, 0},  // 07:00 on 1 January 1970 in Thailand
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ThaiToday(c.micros), c.day) << c.micros;
  }
}

// Times before 1970 floor to the Thai day too (the clock could be set
// wrong; dates in 1950..1969 are valid business dates).
// KNOWN BUG (reported): ThaiToday divides microseconds by 10^6 truncating
// toward zero, so the last microsecond before a Thai midnight before 1970
// lands on the next day.
TEST(ThaiTodayTest, FloorsTimesBeforeTheEpoch) {
  const struct {
    int64_t micros;
    int32_t day;
  } cases[] = {
      {UtcMicros(1969, 12, 31, 17, 0, 0), 0},
      {UtcMicros(1969, 12, 31, 16, 59, 59), -1},
      {UtcMicros(1969, 12, 31, 17, 0, 0) - 1, -1},
      {UtcMicros(1960, 3, 1, 16, 59, 59) + 999'999, DayNumber(1960, 3, 1)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ThaiToday(c.micros), c.day) << c.micros;
  }
}

TEST(MonthIndexTest, RoundTripsThroughYearMonth) {
  for (int year : {kYearMin, 1999, 2026, kYearMax}) {
    for (int month = 1; month <= 12; ++month) {
      YearMonth ym;
      ym.set_year(year);
      ym.set_month(month);
      auto index = MonthIndexOf("months.first_month", ym);
      ASSERT_THAT(index, IsOk());
      EXPECT_EQ(*index, year * 12 + month - 1);
      const YearMonth back = YearMonthOf(*index);
      EXPECT_EQ(back.year(), year);
      EXPECT_EQ(back.month(), month);
    }
  }
}

TEST(MonthIndexTest, RejectsMonthsAndYearsOutOfRange) {
  const struct {
    int year, month;
  } cases[] = {{2026, 0},  {2026, 13}, {2026, -1},
               {1949, 12}, {2569, 1},  {10000, 1}};
  for (const auto& c : cases) {
    YearMonth ym;
    ym.set_year(c.year);
    ym.set_month(c.month);
    EXPECT_THAT(MonthIndexOf("m", ym),
                HasError(absl::StatusCode::kInvalidArgument, "DATE_INVALID"))
        << c.year << "-" << c.month;
  }
}

}  // namespace
}  // namespace welfare::domain
