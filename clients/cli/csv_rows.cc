#include "clients/cli/csv_rows.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace welfare::cli {

absl::StatusOr<CsvRows> CsvRows::Parse(absl::string_view what,
                                       absl::string_view text,
                                       absl::Span<const char* const> required) {
  absl::StatusOr<std::vector<format::CsvRecord>> records =
      format::ParseCsv(text);
  if (!records.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": ", records.status().message()));
  }
  if (records->empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what,
                     ": the file is empty; want a header row naming "
                     "the columns, then the rows"));
  }
  CsvRows rows;
  const format::CsvRecord& header = records->front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    rows.columns_[absl::AsciiStrToLower(
        absl::StripAsciiWhitespace(header.fields[i]))] = i;
  }
  for (const char* column : required) {
    if (rows.columns_.find(column) == rows.columns_.end()) {
      std::string wanted;
      for (const char* name : required) {
        absl::StrAppend(&wanted, wanted.empty() ? "" : ",", name);
      }
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": line ", header.line, ": the header has no \"",
                       column, "\" column; want ", wanted, " (any order)"));
    }
  }
  const size_t columns = header.fields.size();
  for (size_t i = 1; i < records->size(); ++i) {
    format::CsvRecord& record = (*records)[i];
    const bool blank = std::all_of(
        record.fields.begin(), record.fields.end(), [](const std::string& f) {
          return absl::StripAsciiWhitespace(f).empty();
        });
    if (blank) continue;
    if (record.fields.size() > columns) {
      rows.problems_.emplace_back(
          record.line,
          absl::StrCat(record.fields.size(), " fields, but the header names ",
                       columns,
                       " columns; quote a value that holds a comma, "
                       "e.g. \"1,095\""));
      continue;
    }
    rows.records_.push_back(std::move(record));
  }
  return rows;
}

std::string CsvRows::Get(size_t i, absl::string_view column) const {
  auto at = columns_.find(column);
  if (at == columns_.end()) return "";
  const std::vector<std::string>& fields = records_[i].fields;
  if (at->second >= fields.size()) return "";
  return std::string(absl::StripAsciiWhitespace(fields[at->second]));
}

std::string CsvRows::Canonical(size_t i) const {
  std::string canonical;
  for (const auto& [column, unused] : columns_) {
    const std::string value = Get(i, column);
    absl::StrAppend(&canonical, column.size(), ":", column, value.size(), ":",
                    value, ";");
  }
  return canonical;
}

}  // namespace welfare::cli
