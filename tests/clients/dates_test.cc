// Dates typed in the Buddhist Era or CE, and shown in either.
#include "clients/format/dates.h"

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::format {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::HasSubstr;

v1::Date MakeDate(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// "2026-06-15" for a parsed date, or the error.
std::string Parsed(const char* text, int year_min = kYearMin) {
  auto date = ParseDate(text, year_min);
  if (!date.ok()) return std::string(date.status().message());
  return FormatDate(*date, Calendar::kGregorian);
}

TEST(ParseDateTest, TakesIsoAndThaiOrderInEitherEra) {
  EXPECT_EQ(Parsed("2026-06-15"), "2026-06-15");
  EXPECT_EQ(Parsed("2569-06-15"), "2026-06-15");
  EXPECT_EQ(Parsed("15/06/2569"), "2026-06-15");
  EXPECT_EQ(Parsed("1/10/2569"), "2026-10-01");
  EXPECT_EQ(Parsed("01/10/2026"), "2026-10-01");
  EXPECT_EQ(Parsed(" 2569-10-01 "), "2026-10-01");
}

TEST(ParseDateTest, YearsFrom2400AreBuddhistEra) {
  EXPECT_EQ(Parsed("2399-12-31"), "2399-12-31");  // Still CE.
  EXPECT_EQ(Parsed("2493-01-01"), "1950-01-01");  // The first BE year kept.
  EXPECT_EQ(Parsed("9999-12-31"), "9456-12-31");
  // A BE year is refused in BE, a CE year in CE.
  EXPECT_THAT(Parsed("2400-01-01"),
              HasSubstr("year 2400 is before the ledger's years; want a BE "
                        "year from 2493"));
  EXPECT_THAT(Parsed("31/12/2492"), HasSubstr("want a BE year from 2493"));
  EXPECT_THAT(Parsed("1949-12-31"), HasSubstr("want 1950..9999 CE"));
  EXPECT_EQ(CommonEraYear(2569), 2026);
  EXPECT_EQ(CommonEraYear(2399), 2399);
  EXPECT_EQ(CommonEraYear(kBuddhistEraYearFirst), 1857);
}

TEST(ParseDateTest, BirthDatesGoBackTo1900) {
  EXPECT_EQ(Parsed("2488-05-01", kBirthYearMin), "1945-05-01");
  EXPECT_EQ(Parsed("1/5/1945", kBirthYearMin), "1945-05-01");
  EXPECT_EQ(Parsed("2443-01-01", kBirthYearMin), "1900-01-01");
  EXPECT_THAT(Parsed("2442-12-31", kBirthYearMin),
              HasSubstr("year 2442 is before the ledger's years; want a BE "
                        "year from 2443"));
  EXPECT_THAT(Parsed("1899-12-31", kBirthYearMin),
              HasSubstr("want 1900..9999 CE, or a BE year from 2443"));
  // 1900 was not a leap year.
  EXPECT_THAT(Parsed("1900-02-29", kBirthYearMin),
              HasSubstr("not a real date"));
  // Other dates still start in 1950.
  EXPECT_THAT(Parsed("2488-05-01"), HasSubstr("want a BE year from 2493"));
}

// In the order of the table: the date typed, today, and the error (""
// when the date is taken).
struct UpToCase {
  const char* typed;
  const char* error;
};

TEST(ParseDateUpToTest, RefusesDatesAfterTodayInTheCalendarTyped) {
  const v1::Date today = MakeDate(2026, 6, 15);
  const UpToCase cases[] = {
      {"2569-06-15", ""},
      {"15/06/2569", ""},
      {"2026-06-15", ""},
      {"1950-01-01", ""},
      {"2569-06-16",
       "\"2569-06-16\" is after today (15/06/2569 in Thailand); want a date "
       "that has come"},
      {"1/10/2569",
       "\"1/10/2569\" is after today (15/06/2569 in Thailand); want a date "
       "that has come"},
      {"2026-06-16",
       "\"2026-06-16\" is after today (2026-06-15 in Thailand); want a date "
       "that has come"},
      {"2492-01-01",
       "\"2492-01-01\": year 2492 is before the ledger's years; want a BE "
       "year from 2493 (or a CE year 1950..9999)"},
  };
  for (const UpToCase& c : cases) {
    auto date = ParseDateUpTo(c.typed, today);
    EXPECT_EQ(date.ok() ? "" : std::string(date.status().message()), c.error)
        << c.typed;
  }
}

TEST(ParseDateUpToTest, TodayIsThailandsDate) {
  // 2026-06-14 17:00 UTC is already 15 June at 00:00 in Thailand.
  const absl::Time evening = absl::FromCivil(
      absl::CivilSecond(2026, 6, 14, 17, 0, 0), absl::UTCTimeZone());
  EXPECT_EQ(FormatDate(ThaiToday(evening), Calendar::kGregorian), "2026-06-15");
  EXPECT_EQ(
      FormatDate(ThaiToday(evening - absl::Seconds(1)), Calendar::kGregorian),
      "2026-06-14");
}

TEST(ParseDateTest, LeapDaysFollowTheCommonEraYear) {
  // BE 2567 is CE 2024, a leap year, though 2567 is not divisible by 4.
  EXPECT_EQ(Parsed("2567-02-29"), "2024-02-29");
  EXPECT_EQ(Parsed("29/02/2567"), "2024-02-29");
  EXPECT_EQ(Parsed("2024-02-29"), "2024-02-29");
  EXPECT_EQ(Parsed("2000-02-29"), "2000-02-29");  // Divisible by 400.
  EXPECT_EQ(Parsed("2543-02-29"), "2000-02-29");
  EXPECT_THAT(Parsed("2568-02-29"), HasSubstr("not a real date (2025 CE)"));
  EXPECT_THAT(Parsed("2569-02-29"), HasSubstr("not a real date"));
  EXPECT_THAT(Parsed("2100-02-29"), HasSubstr("not a real date"));
  EXPECT_THAT(Parsed("2643-02-29"), HasSubstr("not a real date (2100 CE)"));
}

TEST(ParseDateTest, RefusesOtherShapesAndImpossibleDays) {
  for (const char* text :
       {"", "2026-6-15", "15-06-2026", "2026/06/15", "20260615", "26-06-15",
        "15/06/69", "2026-06-15T00:00", "2026-06", "a026-06-15", "2026-06-1x",
        "15/06/2569/1", "-2026-06-15"}) {
    EXPECT_THAT(Parsed(text), HasSubstr("is not a date; want YYYY-MM-DD"))
        << text;
  }
  for (const char* text : {"2026-13-01", "2026-00-10", "2026-04-31",
                           "2026-06-00", "32/01/2569", "31/11/2569"}) {
    EXPECT_THAT(Parsed(text), HasSubstr("not a real date")) << text;
  }
}

TEST(ParseYearMonthTest, TakesIsoAndThaiOrderInEitherEra) {
  for (const char* text : {"2569-10", "10/2569", "2026-10", "10/2026"}) {
    auto month = ParseYearMonth(text);
    ASSERT_TRUE(month.ok()) << text << ": " << month.status();
    EXPECT_EQ(month->year(), 2026) << text;
    EXPECT_EQ(month->month(), 10) << text;
  }
  for (const char* text :
       {"2569-13", "2569-1", "10-2569", "2569", "0/2569", "2569-10-01", ""}) {
    EXPECT_THAT(ParseYearMonth(text).status().message(),
                HasSubstr("is not a month"))
        << text;
  }
  EXPECT_THAT(ParseYearMonth("2492-12").status().message(),
              HasSubstr("want a BE year from 2493"));
}

TEST(FormatDateTest, ShowsBuddhistEraByDefaultAndIsoWhenAsked) {
  EXPECT_EQ(FormatDate(MakeDate(2026, 6, 15), Calendar::kBuddhistEra),
            "15/06/2569");
  EXPECT_EQ(FormatDate(MakeDate(2026, 6, 15), Calendar::kGregorian),
            "2026-06-15");
  EXPECT_EQ(FormatDate(MakeDate(2024, 2, 29), Calendar::kBuddhistEra),
            "29/02/2567");
  EXPECT_EQ(FormatDate(v1::Date(), Calendar::kBuddhistEra), "");
  v1::YearMonth october;
  october.set_year(2026);
  october.set_month(10);
  EXPECT_EQ(FormatYearMonth(october, Calendar::kBuddhistEra), "10/2569");
  EXPECT_EQ(FormatYearMonth(october, Calendar::kGregorian), "2026-10");
  EXPECT_EQ(FormatYearMonth(v1::YearMonth(), Calendar::kGregorian), "");
}

TEST(FormatDateTest, EveryDayReadsBackAsItselfInBothCalendars) {
  for (absl::CivilDay day(1950, 1, 1); day <= absl::CivilDay(2150, 12, 31);
       ++day) {
    const v1::Date date =
        MakeDate(static_cast<int>(day.year()), day.month(), day.day());
    for (Calendar calendar : {Calendar::kBuddhistEra, Calendar::kGregorian}) {
      auto again = ParseDate(FormatDate(date, calendar));
      ASSERT_TRUE(again.ok()) << FormatDate(date, calendar);
      ASSERT_EQ(again->SerializeAsString(), date.SerializeAsString())
          << FormatDate(date, calendar);
    }
  }
}

TEST(FormatThaiTimeTest, ShowsThaiLocalTime) {
  google::protobuf::Timestamp noon;  // 2026-06-15 05:00 UTC.
  noon.set_seconds(1781499600);
  EXPECT_EQ(FormatThaiTime(noon, Calendar::kBuddhistEra),
            "15/06/2569 12:00:00");
  EXPECT_EQ(FormatThaiTime(noon, Calendar::kGregorian), "2026-06-15 12:00:00");
  google::protobuf::Timestamp after_midnight;  // 2026-06-14 17:30 UTC.
  after_midnight.set_seconds(1781499600 - 11 * 3600 - 30 * 60);
  EXPECT_EQ(FormatThaiTime(after_midnight, Calendar::kBuddhistEra),
            "15/06/2569 00:30:00");
  EXPECT_EQ(FormatThaiTime(google::protobuf::Timestamp(), Calendar::kGregorian),
            "");
}

}  // namespace
}  // namespace welfare::format
