// The SVG charts: how many bars, their lengths in proportion to the
// figures, zero bars still drawn, month labels in Thai and English.
#include "clients/report/charts.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/sample_reports.h"
#include "tests/report/svg_inspect.h"

namespace welfare::report {
namespace {

using testing::Bars;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::SampleBenefits;
using testing::SampleSeries;

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

TEST(ChartsTest, MonthlyBarHeightsAreProportionalToTheFigures) {
  const MonthlySeries series = SampleSeries();
  const auto bars = Bars(MonthlyChartSvg(kThai, series));
  ASSERT_EQ(bars.size(), 24u);
  // The largest figure is September's dues: 120,000.00 baht.
  const int64_t largest = series.months.back().dues_satang;
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(Number(bars[2 * i].at("height")),
              series.months[i].dues_satang * kMonthlyBarMaxPx / largest);
    EXPECT_EQ(Number(bars[2 * i + 1].at("height")),
              series.months[i].benefits_satang * kMonthlyBarMaxPx / largest);
  }
  EXPECT_EQ(Number(bars[22].at("height")), kMonthlyBarMaxPx);
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
  // Death (30,000.00) is the longest; the others in proportion.
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
