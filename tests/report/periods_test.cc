// Period flags: BE and CE fiscal years, months, date ranges, as-of dates,
// and every mistake refused with the flag's name.
#include "clients/report/periods.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::report {
namespace {

namespace v1 = welfare::ledger::v1;

using ::testing::HasSubstr;

absl::StatusOr<v1::ReportPeriod> PeriodOf(std::vector<std::string> tokens) {
  auto flags = cli::ParseFlags(PeriodFlags(), tokens);
  if (!flags.ok()) return flags.status();
  return ReadPeriod(*flags);
}

TEST(PeriodsTest, NoFlagIsTheCurrentFiscalYear) {
  auto period = PeriodOf({});
  ASSERT_TRUE(period.ok());
  EXPECT_EQ(period->period_case(), v1::ReportPeriod::PERIOD_NOT_SET);
}

TEST(PeriodsTest, FiscalYearIsTakenInEitherCalendar) {
  for (const char* typed : {"--fiscal-year=2569", "--fiscal-year=2026"}) {
    auto period = PeriodOf({typed});
    ASSERT_TRUE(period.ok()) << typed;
    EXPECT_EQ(period->fiscal_year(), 2026) << typed;
  }
  // 2400 would be BE 2400 = CE 1857, before the API's first fiscal year.
  EXPECT_FALSE(PeriodOf({"--fiscal-year=2400"}).ok());
  EXPECT_EQ(PeriodOf({"--fiscal-year=2494"})->fiscal_year(), kFiscalYearMin);
  EXPECT_EQ(PeriodOf({"--fiscal-year=2399"})->fiscal_year(), kFiscalYearMax);
}

TEST(PeriodsTest, MonthDatesAndAsOfAreTakenInEitherCalendar) {
  auto month = PeriodOf({"--month=2569-11"});
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->month().year(), 2026);
  EXPECT_EQ(month->month().month(), 11);

  auto dates = PeriodOf({"--from=1/10/2568", "--to=2025-12-31"});
  ASSERT_TRUE(dates.ok());
  EXPECT_EQ(dates->dates().start_date().year(), 2025);
  EXPECT_EQ(dates->dates().start_date().month(), 10);
  EXPECT_EQ(dates->dates().end_date().day(), 31);

  auto as_of = PeriodOf({"--as-of=30/09/2569"});
  ASSERT_TRUE(as_of.ok());
  EXPECT_EQ(as_of->as_of_date().year(), 2026);
}

TEST(PeriodsTest, MistakesAreRefusedSayingWhatWasWanted) {
  const struct {
    std::vector<std::string> tokens;
    const char* message;
  } cases[] = {
      {{"--fiscal-year=abc"},
       "--fiscal-year: \"abc\"; want a year such as 2569"},
      {{"--fiscal-year=1950"}, "--fiscal-year: \"1950\""},
      {{"--fiscal-year=2943"}, "(Buddhist Era, 2494..2942)"},
      {{"--fiscal-year=2569", "--month=2569-11"}, "give one period"},
      {{"--from=2569-10-01"}, "--from and --to go together"},
      {{"--to=2569-10-01"}, "--from and --to go together"},
      {{"--from=2569-10-02", "--to=2569-10-01"}, "is before --from"},
      {{"--month=2569-13"}, "--month: "},
      {{"--as-of=2569-02-29"}, "--as-of: "},
      {{"--as-of=2569-02-28", "--month=2569-02"}, "give one period"},
  };
  for (const auto& test : cases) {
    auto period = PeriodOf(test.tokens);
    ASSERT_FALSE(period.ok()) << test.tokens[0];
    EXPECT_EQ(period.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(period.status().message()),
                HasSubstr(test.message));
  }
}

}  // namespace
}  // namespace welfare::report
