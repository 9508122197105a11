// The SVG charts: how many bars, their lengths in proportion to the
// figures on a round axis, the axis ticks, zero bars still drawn, month
// labels in Thai and English.
#include "clients/report/charts.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/sample_reports.h"
#include "tests/report/svg_inspect.h"

namespace welfare::report {
namespace {

using testing::Bars;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::SampleBenefits;
using testing::SampleSeries;
using testing::Texts;

const Style kThai(Output::kHtml, format::Calendar::kBuddhistEra,
                  format::Language::kThai);
const Style kEnglish(Output::kHtml, format::Calendar::kGregorian,
                     format::Language::kEnglish);

int64_t Number(const std::string& text) { return std::stoll(text); }

TEST(ChartsTest, MonthlyChartHasTwoBarsAMonth) {
  const auto bars = Bars(MonthlyChartSvg(kThai, SampleSeries()));
  ASSERT_EQ(bars.size(), 24u);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(bars[2 * i].at("data-series"), "dues");
    EXPECT_EQ(bars[2 * i + 1].at("data-series"), "benefits");
    EXPECT_EQ(bars[2 * i].at("data-month"), bars[2 * i + 1].at("data-month"));
  }
  EXPECT_EQ(bars.front().at("data-month"), "2025-10");
  EXPECT_EQ(bars.back().at("data-month"), "2026-09");
}

// In the order of the table: the largest value, then the step and the axis
// maximum wanted.
struct AxisCase {
  int64_t largest_satang;
  int64_t step_satang;
  int64_t max_satang;
};

TEST(ChartsTest, AxisStepsAreRoundAndTheMaximumCoversTheData) {
  const AxisCase cases[] = {
      {0, 100, 100},  // Nothing to draw: 0 to 1 baht.
      {-500, 100, 100},
      {1, 1, 1},  // One satang.
      {3, 1, 3},
      {7, 2, 8},
      {100, 20, 100},  // 1 baht exactly.
      {101, 50, 150},
      {100000, 20000, 100000},  // 1,000 baht exactly.
      {100001, 50000, 150000},
      {1010000, 500000, 1500000},  // 10,100 baht: not 10,100 as a tick.
      {2020000, 500000, 2500000},  // 20,200 baht.
      {12000000, 5000000, 15000000},
      {50000000, 10000000, 50000000},  // 500,000 baht: 5 steps.
      {50000001, 20000000, 60000000},
      {kAxisValueMax, kAxisValueMax / 5, kAxisValueMax},
      {INT64_MAX, kAxisValueMax / 5, kAxisValueMax},
  };
  for (const AxisCase& c : cases) {
    const ValueAxis axis = AxisFor(c.largest_satang);
    EXPECT_EQ(axis.step_satang, c.step_satang) << c.largest_satang;
    EXPECT_EQ(axis.max_satang, c.max_satang) << c.largest_satang;
  }
}

bool IsOneTwoFive(int64_t step) {
  while (step % 10 == 0) step /= 10;
  return step == 1 || step == 2 || step == 5;
}

TEST(ChartsTest, EveryAxisIsAFewRoundStepsJustAboveTheData) {
  for (int64_t largest = 1; largest < 4'000'000'000'000;
       largest = largest * 3 + 7) {
    const ValueAxis axis = AxisFor(largest);
    EXPECT_TRUE(IsOneTwoFive(axis.step_satang)) << largest;
    EXPECT_EQ(axis.max_satang % axis.step_satang, 0) << largest;
    EXPECT_GE(axis.max_satang, largest);
    EXPECT_LT(axis.max_satang - axis.step_satang, largest);
    EXPECT_LE(axis.steps(), kAxisStepsMax) << largest;
    EXPECT_GE(axis.steps(), 1) << largest;
  }
}

TEST(ChartsTest, MonthlyChartLabelsItsAxisWithTheTicks) {
  // September's dues, 120,000.00 baht, are the largest figure.
  EXPECT_THAT(Texts(MonthlyChartSvg(kThai, SampleSeries()), "tick"),
              ElementsAre("0.00", "50,000.00", "100,000.00", "150,000.00"));
  MonthlySeries series = SampleSeries();
  for (MonthlyFigures& figures : series.months) {
    figures.dues_satang = 0;
    figures.benefits_satang = 0;
  }
  series.months[5].benefits_satang = 2020000;  // 20,200.00 baht.
  EXPECT_THAT(Texts(MonthlyChartSvg(kEnglish, series), "tick"),
              ElementsAre("0.00", "5,000.00", "10,000.00", "15,000.00",
                          "20,000.00", "25,000.00"));
}

TEST(ChartsTest, CategoryChartLabelsItsAxisWithTheTicks) {
  // Death, 30,000.00 baht, is the largest amount.
  EXPECT_THAT(Texts(CategoryChartSvg(kThai, SampleBenefits()), "tick"),
              ElementsAre("0.00", "10,000.00", "20,000.00", "30,000.00"));
}

TEST(ChartsTest, MonthlyBarHeightsAreProportionalToTheFigures) {
  const MonthlySeries series = SampleSeries();
  const auto bars = Bars(MonthlyChartSvg(kThai, series));
  ASSERT_EQ(bars.size(), 24u);
  // The largest figure is September's dues, 120,000.00 baht, on an axis to
  // 150,000.00.
  const int64_t axis_max = 15000000;
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(Number(bars[2 * i].at("height")),
              series.months[i].dues_satang * kMonthlyBarMaxPx / axis_max);
    EXPECT_EQ(Number(bars[2 * i + 1].at("height")),
              series.months[i].benefits_satang * kMonthlyBarMaxPx / axis_max);
  }
  EXPECT_EQ(Number(bars[22].at("height")), kMonthlyBarMaxPx * 4 / 5);
  // Bars stand on the same baseline.
  EXPECT_EQ(Number(bars[0].at("y")) + Number(bars[0].at("height")),
            Number(bars[22].at("y")) + Number(bars[22].at("height")));
}

TEST(ChartsTest, ZeroFiguresGiveZeroHeightBarsThatAreStillDrawn) {
  MonthlySeries series = SampleSeries();
  for (MonthlyFigures& figures : series.months) {
    figures.dues_satang = 0;
    figures.benefits_satang = 0;
  }
  series.months[3].benefits_satang = -500;  // Net of a larger reversal.
  const auto bars = Bars(MonthlyChartSvg(kThai, series));
  ASSERT_EQ(bars.size(), 24u);
  for (const auto& bar : bars) EXPECT_EQ(bar.at("height"), "0");
  // October's benefits in the sample are zero too.
  EXPECT_EQ(Bars(MonthlyChartSvg(kThai, SampleSeries()))[1].at("height"), "0");
}

TEST(ChartsTest, BarLengthIsExactForAnyAmount) {
  EXPECT_EQ(BarLength(0, 0, 200), 0);
  EXPECT_EQ(BarLength(5, 0, 200), 0);
  EXPECT_EQ(BarLength(-5, 10, 200), 0);
  EXPECT_EQ(BarLength(1, 3, 200), 66);
  EXPECT_EQ(BarLength(INT64_MAX, INT64_MAX, 200), 200);
  EXPECT_EQ(BarLength(INT64_MAX / 2, INT64_MAX, 200), 99);
}

TEST(ChartsTest, MonthLabelsFollowLanguageAndCalendar) {
  const std::string thai = MonthlyChartSvg(kThai, SampleSeries());
  EXPECT_THAT(thai, HasSubstr(">ต.ค.</text>"));
  EXPECT_THAT(thai, HasSubstr(">ก.ย.</text>"));
  EXPECT_THAT(thai, HasSubstr(">2568</text>"));
  EXPECT_THAT(thai, HasSubstr(">2569</text>"));
  EXPECT_THAT(thai, HasSubstr("ปีงบประมาณ 2569"));
  // A fund whose own year starts in another month: its accounting year.
  MonthlySeries january = SampleSeries();
  january.start_month = 1;
  EXPECT_THAT(MonthlyChartSvg(kThai, january),
              AllOf(HasSubstr("ปีบัญชี 2569"), Not(HasSubstr("ปีงบประมาณ"))));
  const std::string english = MonthlyChartSvg(kEnglish, SampleSeries());
  EXPECT_THAT(english, HasSubstr(">Oct</text>"));
  EXPECT_THAT(english, HasSubstr(">2025</text>"));
  EXPECT_THAT(english, Not(HasSubstr("2568")));
  EXPECT_EQ(MonthAbbreviation(1, format::Language::kThai), "ม.ค.");
  EXPECT_EQ(MonthAbbreviation(12, format::Language::kEnglish), "Dec");
}

TEST(ChartsTest, CategoryChartHasOneBarPerCategoryWithMoney) {
  const v1::BenefitsByCategory benefits = SampleBenefits();
  const auto bars = Bars(CategoryChartSvg(kThai, benefits));
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].at("data-category"), "sickness");
  EXPECT_EQ(bars[1].at("data-category"), "death");
  EXPECT_EQ(bars[2].at("data-category"), "education");
  // Death (30,000.00) is the longest, on an axis to 30,000.00; the others
  // in proportion.
  EXPECT_EQ(Number(bars[1].at("width")), kCategoryBarMaxPx);
  EXPECT_EQ(Number(bars[0].at("width")), 600000 * kCategoryBarMaxPx / 3000000);
  EXPECT_EQ(Number(bars[2].at("width")), 150000 * kCategoryBarMaxPx / 3000000);
}

TEST(ChartsTest, CategoryChartWithoutBenefitsSaysSo) {
  v1::BenefitsByCategory benefits = SampleBenefits();
  for (auto& row : *benefits.mutable_rows()) row.set_amount_satang(0);
  const std::string svg = CategoryChartSvg(kEnglish, benefits);
  EXPECT_TRUE(Bars(svg).empty());
  EXPECT_THAT(svg, HasSubstr("No benefits were paid in this period"));
  EXPECT_THAT(svg, HasSubstr("</svg>"));
}

}  // namespace
}  // namespace welfare::report
