// What a command prints, independent of the output format.
//
// A command turns a response into Reports: named columns and rows of text
// cells. Table output prints every report of a Document (a one-row
// "record" report as "field  value" lines); CSV prints the Document's CSV
// report only, as a header record and one record per row. JSON output does
// not use reports at all: it prints the response message.
//
// Cells hold text already formatted for the chosen output by Cells:
// baht with thousands separators in tables and without them in CSV, dates
// in the chosen calendar, enum labels in the chosen language.
#ifndef WELFARE_CLIENTS_CLI_REPORT_H_
#define WELFARE_CLIENTS_CLI_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "clients/format/dates.h"
#include "clients/format/labels.h"
#include "clients/format/table.h"
#include "google/protobuf/timestamp.pb.h"
#include "welfare/ledger/v1/types.pb.h"

namespace welfare::cli {

enum class OutputFormat { kTable, kJson, kCsv };

struct Report {
  // Printed above the table (tables only), e.g. "งบทดลอง ณ 15/06/2569".
  std::string title;
  std::vector<format::TablePrinter::Column> columns;
  // One cell per column. An empty row is a rule (tables only).
  std::vector<std::vector<std::string>> rows;
  // Tables print the single row as "header  value" lines.
  bool record = false;
};

struct Document {
  Document(std::vector<Report> tables) : reports(std::move(tables)) {}

  // What tables print, in order.
  std::vector<Report> reports;
  // What CSV prints, if not reports[0].
  std::optional<Report> csv;
};

// The text of a Document in table or CSV form ("" for JSON).
std::string Render(const Document& document, OutputFormat output);

// Formats cells for one output format, calendar and language.
class Cells {
 public:
  Cells(OutputFormat output, format::Calendar calendar,
        format::Language language)
      : output_(output), calendar_(calendar), language_(language) {}

  std::string Money(int64_t satang) const;
  std::string Date(const welfare::ledger::v1::Date& date) const;
  // "15 มิถุนายน พ.ศ. 2569" or "15 June 2026" (format::FormatLongDate).
  std::string LongDate(const welfare::ledger::v1::Date& date) const;
  // A CE year in the chosen calendar: 2569 or 2026 for 2026.
  int Year(int ce_year) const;
  std::string Month(const welfare::ledger::v1::YearMonth& month) const;
  // The months first .. first + count - 1, e.g. "10/2569-09/2570".
  std::string Months(const welfare::ledger::v1::YearMonth& first,
                     int count) const;
  std::string Time(const google::protobuf::Timestamp& time) const;
  std::string Label(absl::Span<const format::Label> labels, int value) const;
  // A server's message (a refusal) with its CE dates and years in the
  // chosen calendar (format::RefusalInCalendar).
  std::string Refusal(absl::string_view message) const;
  // Words in the chosen language: headers and fixed phrases.
  std::string Words(const char* thai, const char* english) const;
  // A text column (left-aligned) and a number column (right-aligned).
  format::TablePrinter::Column Text(const char* thai,
                                    const char* english) const;
  format::TablePrinter::Column Number(const char* thai,
                                      const char* english) const;

  format::Language language() const { return language_; }

 private:
  OutputFormat output_;
  format::Calendar calendar_;
  format::Language language_;
};

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_REPORT_H_
