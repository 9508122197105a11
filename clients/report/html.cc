#include "clients/report/html.h"

#include "absl/strings/str_cat.h"
#include "clients/format/escape.h"

namespace welfare::report {
namespace {

using format::EscapeHtml;

constexpr char kStyleSheet[] = R"css(
@page { size: A4; margin: 15mm 12mm 16mm 12mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: "Noto Sans Thai", "Sarabun", "Tahoma", "Leelawadee UI",
  "Thonburi", "Loma", "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 10.5pt; color: #111; }
body { margin: 8mm auto; max-width: 186mm; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 16pt 0 2pt; }
h3 { font-size: 11pt; margin: 10pt 0 3pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p.subtitle { color: #444; margin: 0 0 8pt; }
section.report + section.report { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; }
thead { display: table-header-group; }
tr, .chart-block { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 2pt 5pt; border-bottom: 0.5pt solid #ccc; text-align: left;
  vertical-align: top; }
thead th { background: #e9eef4; border-bottom: 1pt solid #555; }
table.record th { width: 40%; font-weight: normal; color: #333; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 1pt solid #555; }
td.empty { color: #666; font-style: italic; }
svg.chart { width: 100%; height: auto; }
svg .label, svg .value, svg .tick { font-size: 11px; fill: #222; }
svg .grid { stroke: #ccc; stroke-width: 1; }
footer { margin-top: 14pt; color: #666; font-size: 8.5pt; }
)css";

std::string Cell(const char* tag, const std::string& text, bool number) {
  return absl::StrCat("<", tag, number ? " class=\"num\"" : "", ">",
                      EscapeHtml(text), "</", tag, ">");
}

std::string RecordTable(const cli::Report& report) {
  std::string html = "<table class=\"record\"><tbody>\n";
  for (size_t i = 0; i < report.columns.size(); ++i) {
    const std::string value = report.rows.empty() ? "" : report.rows[0][i];
    absl::StrAppend(&html, "<tr>", Cell("th", report.columns[i].header, false),
                    Cell("td", value, false), "</tr>\n");
  }
  return html + "</tbody></table>\n";
}

std::string Table(const Style& style, const cli::Report& report) {
  if (report.record) return RecordTable(report);
  std::string html = "<table>\n<thead><tr>";
  for (const auto& column : report.columns) {
    html += Cell("th", column.header, column.align == format::Align::kRight);
  }
  html += "</tr></thead>\n<tbody>\n";
  // Rows before the first rule are data; the row after a rule is a total.
  if (report.rows.empty() || report.rows.front().empty()) {
    absl::StrAppend(&html, "<tr><td class=\"empty\" colspan=\"",
                    report.columns.size(), "\">",
                    style.Words("ไม่มีรายการ", "No rows"), "</td></tr>\n");
  }
  bool total = false;
  for (const auto& row : report.rows) {
    if (row.empty()) {
      total = true;
      continue;
    }
    html += total ? "<tr class=\"total\">" : "<tr>";
    for (size_t i = 0; i < row.size(); ++i) {
      html +=
          Cell("td", row[i], report.columns[i].align == format::Align::kRight);
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

std::string Tables(const Style& style, const View& view) {
  std::string html;
  for (const cli::Report& report : view.document.reports) {
    if (!report.title.empty()) {
      absl::StrAppend(&html, "<h3>", EscapeHtml(report.title), "</h3>\n");
    }
    html += Table(style, report);
  }
  return html;
}

}  // namespace

std::string RenderHtml(const Style& style, const HtmlPage& page) {
  std::string html =
      absl::StrCat("<!DOCTYPE html>\n<html lang=\"", style.thai() ? "th" : "en",
                   "\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
                   EscapeHtml(page.title), "</title>\n<style>", kStyleSheet,
                   "</style>\n</head>\n<body>\n<header><h1>",
                   EscapeHtml(page.title), "</h1>\n<p class=\"subtitle\">",
                   EscapeHtml(page.subtitle), "</p></header>\n");
  const bool several = page.views.size() > 1;
  for (const View& view : page.views) {
    html += "<section class=\"report\">\n";
    if (several) {
      absl::StrAppend(&html, "<h2>", EscapeHtml(view.title),
                      "</h2>\n<p class=\"subtitle\">",
                      EscapeHtml(view.subtitle), "</p>\n");
    }
    absl::StrAppend(&html, Tables(style, view), "</section>\n");
  }
  if (!page.charts.empty()) {
    absl::StrAppend(&html, "<section class=\"charts\">\n<h2>",
                    style.Words("แผนภูมิ", "Charts"), "</h2>\n");
    for (const Chart& chart : page.charts) {
      absl::StrAppend(&html, "<div class=\"chart-block\"><h3>",
                      EscapeHtml(chart.heading), "</h3>\n", chart.svg,
                      "</div>\n");
    }
    html += "</section>\n";
  }
  absl::StrAppend(&html, "<footer>",
                  style.Words("จัดทำโดย welfare-report จากสมุดบัญชี welfare-ledger",
                              "Made by welfare-report from the welfare-ledger "
                              "books"),
                  "</footer>\n</body>\n</html>\n");
  return html;
}

}  // namespace welfare::report
