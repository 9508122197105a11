#include "clients/format/table.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/format/width.h"

namespace welfare::format {
namespace {

constexpr char kColumnGap[] = "  ";

std::string WithoutControls(std::string text) {
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) c = ' ';
  }
  return text;
}

}  // namespace

TablePrinter::TablePrinter(std::vector<Column> columns)
    : columns_(std::move(columns)) {
  for (Column& column : columns_) {
    column.header = WithoutControls(std::move(column.header));
  }
}

void TablePrinter::AddRow(std::vector<std::string> cells) {
  if (cells.size() != columns_.size()) {
    std::fprintf(stderr, "TablePrinter: row of %zu cells for %zu columns\n",
                 cells.size(), columns_.size());
    std::abort();
  }
  for (std::string& cell : cells) cell = WithoutControls(std::move(cell));
  rows_.push_back(std::move(cells));
}

void TablePrinter::AddRule() { rows_.emplace_back(); }

std::string TablePrinter::RenderLine(const std::vector<std::string>& cells,
                                     const std::vector<int>& widths) const {
  std::string line;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) line += kColumnGap;
    const std::string rule(widths[i], '-');
    const std::string& cell = cells.empty() ? rule : cells[i];
    line += columns_[i].align == Align::kRight ? PadLeft(cell, widths[i])
                                               : PadRight(cell, widths[i]);
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return absl::StrCat(line, "\n");
}

std::string TablePrinter::Render() const {
  if (columns_.empty()) return "";
  bool with_header = false;
  std::vector<int> widths(columns_.size(), 0);
  for (size_t i = 0; i < columns_.size(); ++i) {
    widths[i] = DisplayWidth(columns_[i].header);
    with_header = with_header || !columns_[i].header.empty();
  }
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string text;
  if (with_header) {
    std::vector<std::string> headers;
    for (const Column& column : columns_) headers.push_back(column.header);
    text += RenderLine(headers, widths);
    text += RenderLine({}, widths);
  }
  for (const auto& row : rows_) text += RenderLine(row, widths);
  return text;
}

}  // namespace welfare::format
