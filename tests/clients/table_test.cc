// TablePrinter: columns line up by display width, Thai included.
#include "clients/format/table.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "clients/format/width.h"
#include "gtest/gtest.h"

namespace welfare::format {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  EXPECT_EQ(lines.back(), "") << "the table does not end in a newline";
  lines.pop_back();
  return lines;
}

TEST(TablePrinterTest, AlignsThaiTextAndRightAlignsNumbers) {
  TablePrinter table({{"Code"}, {"Account"}, {"Balance", Align::kRight}});
  table.AddRow({"1101", "เงินสด", "1,234.50"});
  table.AddRow({"4101", "เงินสัจจะสมาชิก", "36.00"});
  EXPECT_EQ(table.Render(),
            "Code  Account        Balance\n"
            "----  ------------  --------\n"
            "1101  เงินสด         1,234.50\n"
            "4101  เงินสัจจะสมาชิก     36.00\n");
  for (const std::string& line : Lines(table.Render())) {
    EXPECT_EQ(DisplayWidth(line), 28) << line;
  }
}

TEST(TablePrinterTest, ThaiHeadersSetTheirColumnsWidth) {
  TablePrinter table({{"บัญชี"}, {"เดบิต", Align::kRight}});
  table.AddRow({"1101", "5.00"});
  EXPECT_EQ(table.Render(),
            "บัญชี   เดบิต\n"
            "----  ----\n"
            "1101  5.00\n");
}

TEST(TablePrinterTest, RulesAndNoTrailingSpaces) {
  TablePrinter table({{"Name"}, {"Amount", Align::kRight}, {"Note"}});
  table.AddRow({"a", "1.00", ""});
  table.AddRule();
  table.AddRow({"", "1.00", "total"});
  EXPECT_EQ(table.Render(),
            "Name  Amount  Note\n"
            "----  ------  -----\n"
            "a       1.00\n"
            "----  ------  -----\n"
            "        1.00  total\n");
  EXPECT_EQ(table.row_count(), 3u);
}

TEST(TablePrinterTest, WithoutHeadersPrintsOnlyTheRows) {
  TablePrinter table({{""}, {""}});
  table.AddRow({"กองทุน", "ban-nong-khu"});
  table.AddRow({"ชื่อกองทุน", "กองทุนสวัสดิการชุมชน"});
  EXPECT_EQ(table.Render(),
            "กองทุน    ban-nong-khu\n"
            "ชื่อกองทุน  กองทุนสวัสดิการชุมชน\n");
}

TEST(TablePrinterTest, ControlCharactersCannotBreakTheLayout) {
  TablePrinter table({{"Address"}, {"X"}});
  table.AddRow({"12 หมู่ 3\nตำบลโนนสูง", "\x1b[31mred"});
  const std::vector<std::string> lines = Lines(table.Render());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2], "12 หมู่ 3 ตำบลโนนสูง   [31mred");
}

TEST(TablePrinterTest, EmptyTables) {
  EXPECT_EQ(TablePrinter({}).Render(), "");
  EXPECT_EQ(TablePrinter({{"A"}, {"B"}}).Render(), "A  B\n-  -\n");
}

TEST(TablePrinterDeathTest, ARowOfTheWrongLengthIsAProgrammerError) {
  TablePrinter table({{"A"}, {"B"}});
  EXPECT_DEATH(table.AddRow({"only one"}), "row of 1 cells for 2 columns");
}

}  // namespace
}  // namespace welfare::format
