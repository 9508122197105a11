#include "clients/format/csv.h"

#include "absl/strings/str_cat.h"

namespace welfare::format {
namespace {

bool NeedsQuotes(absl::string_view value) {
  if (value.empty()) return false;
  if (value.front() == ' ' || value.back() == ' ') return true;
  return value.find_first_of(",\"\r\n") != absl::string_view::npos;
}

}  // namespace

std::string CsvField(absl::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void CsvWriter::AddRow(const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_.push_back(',');
    text_ += CsvField(fields[i]);
  }
  text_ += "\r\n";
}

absl::StatusOr<std::vector<CsvRecord>> ParseCsv(absl::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  int line = 1;
  bool quoted = false;      // Inside a quoted field.
  bool was_quoted = false;  // The current field was quoted and closed.
  bool empty_record = true;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.fields.size() == 1 && record.fields[0].empty() &&
          empty_record)) {
      records.push_back(std::move(record));
    }
    record = CsvRecord();
    empty_record = true;
  };
  record.line = line;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
          was_quoted = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') {
      end_record();
      record.line = ++line;
      continue;
    }
    if (c == ',') {
      end_field();
      empty_record = false;
      continue;
    }
    if (was_quoted) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line, ": text after a closing quote; want a comma"));
    }
    if (c == '"' && field.empty()) {
      quoted = true;
      empty_record = false;
      continue;
    }
    field.push_back(c);
    empty_record = false;
  }
  if (quoted) {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", record.line, ": a quote is never closed"));
  }
  end_record();
  return records;
}

}  // namespace welfare::format
