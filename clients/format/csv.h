// CsvWriter and ParseCsv: comma-separated values as RFC 4180 defines them,
// for spreadsheets.
//
//   file     := record ( CRLF record )* CRLF
//   record   := field ( "," field )*
//   field    := plain | '"' ( any character, '"' doubled )* '"'
//
// A field is quoted when it contains a comma, a double quote, CR or LF, or
// starts or ends with a space (which some readers would trim); otherwise
// it is written as it is. Text is passed through as UTF-8 bytes. Not
// thread-safe.
#ifndef WELFARE_CLIENTS_FORMAT_CSV_H_
#define WELFARE_CLIENTS_FORMAT_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::format {

// One field, quoted if it needs to be.
std::string CsvField(absl::string_view value);

class CsvWriter {
 public:
  // Appends one record and its CRLF. Records may differ in length (the
  // caller keeps them rectangular).
  void AddRow(const std::vector<std::string>& fields);

  // Everything written so far.
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// One record read from a file, with the line it starts on (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Parses RFC 4180 text as spreadsheets write it: CRLF or LF line ends, a
// UTF-8 byte order mark at the start ignored, quoted fields that may hold
// commas, doubled quotes and line breaks. Blank lines are skipped. Fields
// are not trimmed. INVALID_ARGUMENT naming the line for a quote left open
// or text after a closing quote.
absl::StatusOr<std::vector<CsvRecord>> ParseCsv(absl::string_view text);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_CSV_H_
