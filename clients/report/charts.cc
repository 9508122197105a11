#include "clients/report/charts.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/format/escape.h"

namespace welfare::report {
namespace {

using format::EscapeHtml;

constexpr char kDuesColor[] = "#2f6fad";
constexpr char kBenefitsColor[] = "#d9822b";

// Monthly chart geometry, in SVG pixels.
constexpr int kMonthlyWidth = 720;
constexpr int kPlotLeft = 90;
constexpr int kPlotTop = 30;
constexpr int kPlotBottom = kPlotTop + kMonthlyBarMaxPx;
constexpr int kMonthWidth = 52;
constexpr int kBarWidth = 20;
constexpr int kMonthlyHeight = kPlotBottom + 80;

// Category chart geometry.
constexpr int kCategoryWidth = 760;
constexpr int kLabelRight = 250;
constexpr int kRowHeight = 24;
constexpr int kCategoryTop = 10;
constexpr int kCategoryAxisHeight = 20;

// The axis of an empty chart: 0 to 1 baht.
constexpr int64_t kEmptyAxisSatang = 100;

constexpr const char* kThaiMonths[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.",
                                       "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
                                       "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
constexpr const char* kEnglishMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                          "May", "Jun", "Jul", "Aug",
                                          "Sep", "Oct", "Nov", "Dec"};

std::string SvgOpen(int width, int height, const std::string& label) {
  return absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
      "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
      "aria-label=\"%s\"><title>%s</title>\n",
      width, height, width, height, EscapeHtml(label), EscapeHtml(label));
}

std::string Text(int x, int y, const char* anchor, const std::string& text,
                 const char* css_class = "label") {
  return absl::StrFormat(
      "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>\n",
      css_class, x, y, anchor, EscapeHtml(text));
}

std::string Bar(const std::string& attributes, int64_t x, int64_t y,
                int64_t width, int64_t height, const char* color,
                const std::string& tooltip) {
  return absl::StrFormat(
      "<rect class=\"bar\" %s x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
      "fill=\"%s\"><title>%s</title></rect>\n",
      attributes, x, y, width, height, color, EscapeHtml(tooltip));
}

std::string MonthLabel(const Style& style, const v1::YearMonth& month) {
  return absl::StrCat(MonthAbbreviation(month.month(), style.language()), " ",
                      style.Year(month.year()));
}

// A tick's amount, at (x, y).
std::string Tick(const Style& style, int64_t x, int64_t y, const char* anchor,
                 int64_t satang) {
  return Text(static_cast<int>(x), static_cast<int>(y), anchor,
              style.Money(satang), "tick");
}

std::string GridLine(int64_t x1, int64_t y1, int64_t x2, int64_t y2) {
  return absl::StrFormat(
      "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", x1,
      y1, x2, y2);
}

// Horizontal gridlines at every step of the axis, with their amounts.
std::string MonthlyGrid(const Style& style, const ValueAxis& axis) {
  std::string svg;
  for (int i = 0; i <= axis.steps(); ++i) {
    const int64_t value = axis.step_satang * i;
    const int64_t y =
        kPlotBottom - BarLength(value, axis.max_satang, kMonthlyBarMaxPx);
    absl::StrAppend(&svg, GridLine(kPlotLeft, y, kMonthlyWidth - 10, y),
                    Tick(style, kPlotLeft - 6, y + 4, "end", value));
  }
  return svg;
}

// Vertical gridlines over the rows from `top` to `bottom`, amounts below.
std::string CategoryGrid(const Style& style, const ValueAxis& axis, int top,
                         int bottom) {
  std::string svg;
  for (int i = 0; i <= axis.steps(); ++i) {
    const int64_t value = axis.step_satang * i;
    const int64_t x =
        kLabelRight + BarLength(value, axis.max_satang, kCategoryBarMaxPx);
    absl::StrAppend(&svg, GridLine(x, top, x, bottom),
                    Tick(style, x, bottom + 14, "middle", value));
  }
  return svg;
}

std::string Legend(const Style& style, int y) {
  const std::pair<const char*, std::string> items[] = {
      {kDuesColor, style.Words("เงินสัจจะสมาชิก", "Member dues")},
      {kBenefitsColor, style.Words("สวัสดิการที่จ่าย", "Benefits paid")}};
  std::string svg;
  int x = kPlotLeft;
  for (const auto& [color, label] : items) {
    absl::StrAppend(
        &svg,
        absl::StrFormat("<rect class=\"legend\" x=\"%d\" y=\"%d\" "
                        "width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                        x, y - 10, color),
        Text(x + 18, y, "start", label));
    x += 200;
  }
  return svg;
}

// One month's two bars from `x`, and its labels below them.
std::string MonthGroup(const Style& style, const MonthlyFigures& figures,
                       int64_t axis_max, int x, bool year_label) {
  const std::string month = absl::StrFormat(
      "data-month=\"%04d-%02d\"", figures.month.year(), figures.month.month());
  const std::string label = MonthLabel(style, figures.month);
  const struct {
    const char* series;
    int64_t satang;
    const char* color;
    std::string words;
  } bars[] = {
      {"dues", figures.dues_satang, kDuesColor, style.Words("เงินสัจจะ", "dues")},
      {"benefits", figures.benefits_satang, kBenefitsColor,
       style.Words("สวัสดิการ", "benefits")}};
  std::string svg;
  for (int i = 0; i < 2; ++i) {
    const int64_t height =
        BarLength(bars[i].satang, axis_max, kMonthlyBarMaxPx);
    absl::StrAppend(
        &svg, Bar(absl::StrCat("data-series=\"", bars[i].series, "\" ", month),
                  x + i * (kBarWidth + 2), kPlotBottom - height, kBarWidth,
                  height, bars[i].color,
                  absl::StrCat(label, " ", bars[i].words, ": ",
                               style.Money(bars[i].satang))));
  }
  const int center = x + kBarWidth + 1;
  absl::StrAppend(
      &svg, Text(center, kPlotBottom + 18, "middle",
                 MonthAbbreviation(figures.month.month(), style.language())));
  if (year_label) {
    absl::StrAppend(&svg, Text(center, kPlotBottom + 34, "middle",
                               style.Year(figures.month.year())));
  }
  return svg;
}

}  // namespace

ValueAxis AxisFor(int64_t largest_satang) {
  const int64_t largest = std::min(largest_satang, kAxisValueMax);
  if (largest <= 0) return {kEmptyAxisSatang, kEmptyAxisSatang};
  // Steps up to 2 * 10^17 satang suffice: 5 of them reach kAxisValueMax.
  for (int64_t power = 1;; power *= 10) {
    for (const int64_t multiple : {1, 2, 5}) {
      const int64_t step = multiple * power;
      const int64_t steps = (largest + step - 1) / step;
      if (steps <= kAxisStepsMax) return {step, steps * step};
    }
  }
}

int64_t BarLength(int64_t value, int64_t largest, int length_max_px) {
  if (value <= 0 || largest <= 0) return 0;
  value = std::min(value, largest);
  return static_cast<int64_t>(static_cast<__int128>(value) * length_max_px /
                              largest);
}

std::string MonthAbbreviation(int month, format::Language language) {
  if (month < 1 || month > kMonthsPerYear) return absl::StrCat(month);
  return language == format::Language::kThai ? kThaiMonths[month - 1]
                                             : kEnglishMonths[month - 1];
}

std::string MonthlyChartSvg(const Style& style, const MonthlySeries& series) {
  int64_t largest = 0;
  for (const MonthlyFigures& figures : series.months) {
    largest = std::max({largest, figures.dues_satang, figures.benefits_satang});
  }
  const std::string title =
      absl::StrCat(style.Words("เงินสัจจะและสวัสดิการรายเดือน ",
                               "Member dues and benefits by month, "),
                   style.FiscalYear(series.fiscal_year, series.start_month));
  const ValueAxis axis = AxisFor(largest);
  std::string svg = SvgOpen(kMonthlyWidth, kMonthlyHeight, title);
  absl::StrAppend(&svg, MonthlyGrid(style, axis));
  int x = kPlotLeft + 6;
  for (const MonthlyFigures& figures : series.months) {
    const bool year_label =
        &figures == &series.months.front() || figures.month.month() == 1;
    absl::StrAppend(&svg,
                    MonthGroup(style, figures, axis.max_satang, x, year_label));
    x += kMonthWidth;
  }
  absl::StrAppend(&svg, Legend(style, kMonthlyHeight - 14), "</svg>\n");
  return svg;
}

std::string CategoryChartSvg(const Style& style,
                             const v1::BenefitsByCategory& benefits) {
  int64_t largest = 0;
  int rows = 0;
  for (const v1::BenefitCategoryRow& row : benefits.rows()) {
    if (row.amount_satang() == 0) continue;
    largest = std::max(largest, row.amount_satang());
    ++rows;
  }
  const int rows_bottom = kCategoryTop + std::max(rows, 1) * kRowHeight;
  const int height =
      rows_bottom + kCategoryTop + (rows == 0 ? 0 : kCategoryAxisHeight);
  std::string svg =
      SvgOpen(kCategoryWidth, height,
              style.Words("สวัสดิการที่จ่ายตามประเภท", "Benefits paid by category"));
  if (rows == 0) {
    absl::StrAppend(&svg,
                    Text(kCategoryWidth / 2, kCategoryTop + 16, "middle",
                         style.Words("ไม่มีการจ่ายสวัสดิการในช่วงนี้",
                                     "No benefits were paid in this period")),
                    "</svg>\n");
    return svg;
  }
  const ValueAxis axis = AxisFor(largest);
  absl::StrAppend(&svg, CategoryGrid(style, axis, kCategoryTop, rows_bottom));
  int y = kCategoryTop;
  for (const v1::BenefitCategoryRow& row : benefits.rows()) {
    if (row.amount_satang() == 0) continue;
    const format::Label* label = nullptr;
    for (const format::Label& known : format::BenefitCategoryLabels()) {
      if (known.value == row.category()) label = &known;
    }
    const std::string name =
        style.cells().Label(format::BenefitCategoryLabels(), row.category());
    const std::string token =
        label != nullptr ? label->token : absl::StrCat(row.category());
    const int64_t width =
        BarLength(row.amount_satang(), axis.max_satang, kCategoryBarMaxPx);
    absl::StrAppend(
        &svg, Text(kLabelRight - 8, y + 15, "end", name),
        Bar(absl::StrCat("data-category=\"", EscapeHtml(token), "\""),
            kLabelRight, y + 3, width, kRowHeight - 6, kBenefitsColor,
            absl::StrCat(name, ": ", style.Money(row.amount_satang()))),
        Text(kLabelRight + static_cast<int>(width) + 6, y + 15, "start",
             style.Money(row.amount_satang()), "value"));
    y += kRowHeight;
  }
  absl::StrAppend(&svg, "</svg>\n");
  return svg;
}

}  // namespace welfare::report
