// The committee's charts, drawn as inline SVG (no scripts, no external
// resources), for the HTML report.
//
// Every bar is a <rect class="bar">: the monthly chart has two per month
// (data-series="dues" and "benefits", data-month="YYYY-MM" in CE), 24 for
// a fiscal year; the category chart one per category whose amount is not
// zero (data-category="<token>", e.g. "sickness"). A bar's length is
// proportional to its value: value * (longest bar) / (the chart's largest
// value), rounded down, in integer arithmetic. A zero or negative
// value gives a bar of length 0 that is still drawn, so every month keeps
// its two bars. The longest bar is kMonthlyBarMaxPx high in the monthly
// chart and kCategoryBarMaxPx wide in the category chart. Each bar has a
// <title> with its label and amount in baht. Month labels are Thai
// abbreviations (ต.ค.) or English ("Oct") by the style's language; years are
// shown in the style's calendar.
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

// Bar length in pixels of `value` in a chart whose largest value is
// `largest`: 0 when either is not positive.
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
