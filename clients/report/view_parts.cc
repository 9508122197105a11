#include "clients/report/view_parts.h"

#include "absl/strings/str_cat.h"

namespace welfare::report {
namespace {

bool SameDate(const v1::Date& a, const v1::Date& b) {
  return a.year() == b.year() && a.month() == b.month() && a.day() == b.day();
}

}  // namespace

std::string DateSpan(const Style& style, const v1::Date& start,
                     const v1::Date& end) {
  if (SameDate(start, end)) return style.Date(end);
  return absl::StrCat(style.Date(start), " \u2013 ", style.Date(end));
}

View HeadedView(const Style& style, const char* thai, const char* english,
                const v1::ReportHeader& header) {
  View view;
  view.title = style.Words(thai, english);
  if (!header.fund_display_name().empty()) {
    absl::StrAppend(&view.title, ": ", header.fund_display_name());
  }
  view.subtitle = DateSpan(style, header.start_date(), header.end_date());
  if (header.fiscal_year() != 0) {
    absl::StrAppend(&view.subtitle, " \u00b7 ",
                    style.FiscalYear(header.fiscal_year(),
                                     header.fiscal_year_start_month()));
  }
  absl::StrAppend(&view.subtitle, " \u00b7 ",
                  style.Words("สมุดรายวัน ", "journal of "),
                  style.Count(static_cast<int64_t>(header.journal_size())),
                  style.Words(" รายการ", " entries"));
  return view;
}

cli::Report AmountTable(const Style& style, std::string title,
                        const AccountAmounts& rows, int64_t total_satang) {
  const cli::Cells& cells = style.cells();
  cli::Report report;
  report.title = std::move(title);
  report.columns = {cells.Text("รหัส", "Code"), cells.Text("บัญชี", "Account"),
                    cells.Number("จำนวนเงิน", "Amount")};
  for (const v1::AccountAmount& row : rows) {
    if (row.amount_satang() == 0) continue;
    report.rows.push_back({row.account_code(),
                           style.Name(row.display_name(), row.english_name()),
                           style.Money(row.amount_satang())});
  }
  report.rows.emplace_back();  // A rule above the total.
  report.rows.push_back(
      {"", style.Words("รวม", "Total"), style.Money(total_satang)});
  return report;
}

cli::Report AmountCsv(const Style& style) {
  const cli::Cells& cells = style.cells();
  cli::Report csv;
  csv.columns = {cells.Text("ส่วน", "section"), cells.Text("รหัส", "code"),
                 cells.Text("บัญชี", "account"),
                 cells.Number("จำนวนเงิน", "amount")};
  return csv;
}

void AppendAmountCsv(const Style& style, const std::string& section,
                     const AccountAmounts& rows, int64_t total_satang,
                     cli::Report* csv) {
  for (const v1::AccountAmount& row : rows) {
    csv->rows.push_back({section, row.account_code(),
                         style.Name(row.display_name(), row.english_name()),
                         style.Money(row.amount_satang())});
  }
  csv->rows.push_back(
      {section, "", style.Words("รวม", "Total"), style.Money(total_satang)});
}

cli::Report PairTable(const Style& style, std::string title) {
  cli::Report report;
  report.title = std::move(title);
  report.columns = {style.cells().Text("รายการ", "Item"),
                    style.cells().Number("จำนวน", "Value")};
  return report;
}

void Embed(View part, const std::string& heading, View* whole) {
  std::vector<cli::Report>& reports = part.document.reports;
  if (!reports.empty()) {
    std::string& title = reports.front().title;
    title = title.empty() ? heading : absl::StrCat(heading, " \u2014 ", title);
  }
  for (cli::Report& report : reports) {
    whole->document.reports.push_back(std::move(report));
  }
}

std::string RenderText(const View& view, Output output) {
  if (output == Output::kCsv) {
    return cli::Render(view.document, cli::OutputFormat::kCsv);
  }
  return absl::StrCat(view.title, "\n", view.subtitle, "\n\n",
                      cli::Render(view.document, cli::OutputFormat::kTable));
}

}  // namespace welfare::report
