// The committee's charts, drawn as inline SVG (no scripts, no external
// resources), for the HTML report.
//
// Every bar is a <rect class="bar">: the monthly chart has two per month
// (data-series="dues" and "benefits", data-month="YYYY-MM" in CE), 24 for
// a fiscal year; the category chart one per category whose amount is not
// zero (data-category="<token>", e.g. "sickness"). Each chart has a value
// axis (ValueAxis): gridlines from 0 to the axis maximum in round steps,
// each labelled with its amount in baht (<text class="tick">). A bar's
// length is proportional to its value: value * (full length) / (the axis
// maximum), rounded down, in integer arithmetic. A zero or negative value
// gives a bar of length 0 that is still drawn, so every month keeps its two
// bars. The full length is kMonthlyBarMaxPx high in the monthly chart and
// kCategoryBarMaxPx wide in the category chart. Each bar has a <title> with
// its label and amount in baht. Month labels are Thai abbreviations (ต.ค.)
// or English ("Oct") by the style's language; years are shown in the
// style's calendar.
#ifndef WELFARE_CLIENTS_REPORT_CHARTS_H_
#define WELFARE_CLIENTS_REPORT_CHARTS_H_

#include <cstdint>
#include <string>

#include "clients/report/monthly_series.h"
#include "clients/report/style.h"

namespace welfare::report {

// The longest bar of each chart, in SVG pixels.
inline constexpr int kMonthlyBarMaxPx = 200;
inline constexpr int kCategoryBarMaxPx = 400;

// A chart's value axis: from 0 to max_satang in steps of step_satang. The
// step is a round amount of the 1-2-5 series (1, 2 or 5 times a power of
// ten satang: ..., 0.50, 1, 2, 5, 10, 20, 50, 100, ... baht), the smallest
// that covers the data in at most kAxisStepsMax steps, and the maximum is
// the smallest multiple of the step at or above the data's largest value.
// With no positive value the axis is 0 to 1 baht.
struct ValueAxis {
  int64_t step_satang = 0;
  int64_t max_satang = 0;
  int steps() const { return static_cast<int>(max_satang / step_satang); }
};

inline constexpr int kAxisStepsMax = 5;
// Values above this (10^16 baht, far beyond any fund) are drawn as this:
// the axis maximum must fit in int64.
inline constexpr int64_t kAxisValueMax = 1'000'000'000'000'000'000;

ValueAxis AxisFor(int64_t largest_satang);

// Bar length in pixels of `value` in a chart whose axis ends at `largest`:
// 0 when either is not positive, the full length_max_px at or above it.
int64_t BarLength(int64_t value, int64_t largest, int length_max_px);

// "ต.ค." or "Oct" for month 10.
std::string MonthAbbreviation(int month, format::Language language);

// Dues and benefits, month by month, as grouped vertical bars.
std::string MonthlyChartSvg(const Style& style, const MonthlySeries& series);

// Benefits of the period by CODI category, as horizontal bars; with no
// benefit at all, a short note instead of bars.
std::string CategoryChartSvg(const Style& style,
                             const v1::BenefitsByCategory& benefits);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_CHARTS_H_
