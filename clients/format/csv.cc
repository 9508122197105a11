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

}  // namespace welfare::format
