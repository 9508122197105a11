// TablePrinter: text tables for people, aligned by display width (see
// width.h), so that Thai text and baht amounts line up in a terminal.
//
//   TablePrinter table({{"Code"}, {"Account"}, {"Balance", Align::kRight}});
//   table.AddRow({"1101", "เงินสด", "1,234.50"});
//   std::cout << table.Render();
//
//   Code  Account  Balance
//   ----  -------  --------
//   1101  เงินสด   1,234.50
//
// Columns are separated by two spaces; lines have no trailing spaces and
// end in "\n". Control characters in a cell (a newline in an address, an
// escape sequence in text from elsewhere) are shown as spaces, so no cell
// can break the layout or drive the terminal. A table whose headers are
// all empty is printed without the header and rule lines (for "field
// value" records). Not thread-safe.
#ifndef WELFARE_CLIENTS_FORMAT_TABLE_H_
#define WELFARE_CLIENTS_FORMAT_TABLE_H_

#include <string>
#include <vector>

namespace welfare::format {

enum class Align {
  kLeft,   // text
  kRight,  // numbers and amounts
};

class TablePrinter {
 public:
  struct Column {
    std::string header;
    Align align = Align::kLeft;
  };

  explicit TablePrinter(std::vector<Column> columns);

  // A row of exactly one cell per column; a programmer error (abort)
  // otherwise.
  void AddRow(std::vector<std::string> cells);
  // A rule of dashes across every column, e.g. above a totals row.
  void AddRule();

  size_t row_count() const { return rows_.size(); }

  // The whole table, "" for one without columns.
  std::string Render() const;

 private:
  std::string RenderLine(const std::vector<std::string>& cells,
                         const std::vector<int>& widths) const;

  std::vector<Column> columns_;
  // A rule is an empty vector.
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_TABLE_H_
