#include "clients/cli/report.h"

#include "absl/strings/str_cat.h"
#include "clients/format/csv.h"
#include "clients/format/money.h"
#include "clients/format/refusals.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;
using format::TablePrinter;

std::string RenderTable(const Report& report) {
  std::string text;
  if (!report.title.empty()) absl::StrAppend(&text, report.title, "\n");
  if (report.record) {
    TablePrinter table({{""}, {""}});
    for (size_t i = 0; i < report.columns.size(); ++i) {
      const std::string& value = report.rows.empty() ? "" : report.rows[0][i];
      table.AddRow({report.columns[i].header, value});
    }
    return text + table.Render();
  }
  TablePrinter table(report.columns);
  for (const auto& row : report.rows) {
    if (row.empty()) {
      table.AddRule();
    } else {
      table.AddRow(row);
    }
  }
  return text + table.Render();
}

std::string RenderCsv(const Report& report) {
  format::CsvWriter csv;
  std::vector<std::string> headers;
  for (const auto& column : report.columns) headers.push_back(column.header);
  csv.AddRow(headers);
  for (const auto& row : report.rows) {
    if (!row.empty()) csv.AddRow(row);
  }
  return csv.text();
}

}  // namespace

std::string Render(const Document& document, OutputFormat output) {
  if (output == OutputFormat::kJson) return "";
  if (output == OutputFormat::kCsv) {
    if (document.csv.has_value()) return RenderCsv(*document.csv);
    return document.reports.empty() ? "" : RenderCsv(document.reports[0]);
  }
  std::string text;
  for (const Report& report : document.reports) {
    if (!text.empty()) text += "\n";
    text += RenderTable(report);
  }
  return text;
}

std::string Cells::Money(int64_t satang) const {
  return output_ == OutputFormat::kCsv ? format::FormatBahtPlain(satang)
                                       : format::FormatBaht(satang);
}

std::string Cells::Refusal(absl::string_view message) const {
  return format::RefusalInCalendar(message, calendar_);
}

std::string Cells::Date(const v1::Date& date) const {
  return format::FormatDate(date, calendar_);
}

std::string Cells::LongDate(const v1::Date& date) const {
  return format::FormatLongDate(date, calendar_);
}

int Cells::Year(int ce_year) const {
  return calendar_ == format::Calendar::kBuddhistEra
             ? ce_year + format::kBuddhistEraOffset
             : ce_year;
}

std::string Cells::Month(const v1::YearMonth& month) const {
  return format::FormatYearMonth(month, calendar_);
}

std::string Cells::Months(const v1::YearMonth& first, int count) const {
  if (count <= 1) return Month(first);
  const int index = first.year() * 12 + first.month() - 1 + count - 1;
  v1::YearMonth last;
  last.set_year(index / 12);
  last.set_month(index % 12 + 1);
  return absl::StrCat(Month(first), "\u2013", Month(last));
}

std::string Cells::Time(const google::protobuf::Timestamp& time) const {
  return format::FormatThaiTime(time, calendar_);
}

std::string Cells::Label(absl::Span<const format::Label> labels,
                         int value) const {
  return format::LabelOf(labels, value, language_);
}

std::string Cells::Words(const char* thai, const char* english) const {
  return language_ == format::Language::kThai ? thai : english;
}

TablePrinter::Column Cells::Text(const char* thai, const char* english) const {
  return {Words(thai, english), format::Align::kLeft};
}

TablePrinter::Column Cells::Number(const char* thai,
                                   const char* english) const {
  return {Words(thai, english), format::Align::kRight};
}

}  // namespace welfare::cli
