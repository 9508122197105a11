// CsvRows: a spreadsheet saved as CSV with a header row, read by column
// name, for the commands that take files of rows (collect, import).
#ifndef WELFARE_CLIENTS_CLI_CSV_ROWS_H_
#define WELFARE_CLIENTS_CLI_CSV_ROWS_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "clients/format/csv.h"

namespace welfare::cli {

class CsvRows {
 public:
  // Parses text (format::ParseCsv) whose first record names the columns
  // (case and surrounding spaces ignored; other columns are ignored).
  // INVALID_ARGUMENT, naming `what` and the line, if it is not CSV, is
  // empty, or its header lacks one of `required`.
  static absl::StatusOr<CsvRows> Parse(absl::string_view what,
                                       absl::string_view text,
                                       absl::Span<const char* const> required);

  // Lines that are not rows: more fields than the header has columns (an
  // unquoted "1,095" is two fields), as (line, reason). Rows whose every
  // field is empty (",,,", as spreadsheets export) are skipped silently.
  const std::vector<std::pair<int, std::string>>& problems() const {
    return problems_;
  }

  // Data rows, not counting the header or the lines of problems().
  size_t size() const { return records_.size(); }
  // The file line row i starts on.
  int line(size_t i) const { return records_[i].line; }
  // The field of row i in `column`, spaces trimmed; "" if the row is short
  // or the header has no such column.
  std::string Get(size_t i, absl::string_view column) const;
  // Row i's fields joined unambiguously: what an import's request ids are
  // derived from.
  std::string Canonical(size_t i) const;

 private:
  std::map<std::string, size_t, std::less<>> columns_;
  std::vector<format::CsvRecord> records_;
  std::vector<std::pair<int, std::string>> problems_;
};

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_CSV_ROWS_H_
