// CsvWriter: RFC 4180 quoting, checked against a reader written from the
// RFC's grammar.
#include "clients/format/csv.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace welfare::format {
namespace {

// Reads RFC 4180 records (CRLF line ends) back into fields.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(field);
      field.clear();
      records.emplace_back();
      ++i;
    } else {
      field.push_back(c);
    }
  }
  EXPECT_TRUE(records.back().empty() && field.empty()) << "no final CRLF";
  records.pop_back();
  return records;
}

TEST(CsvFieldTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("เงินสด"), "เงินสด");
  EXPECT_EQ(CsvField("1234.50"), "1234.50");
  EXPECT_EQ(CsvField("1,234.50"), "\"1,234.50\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("\""), "\"\"\"\"");
  EXPECT_EQ(CsvField("line 1\nline 2"), "\"line 1\nline 2\"");
  EXPECT_EQ(CsvField("a\rb"), "\"a\rb\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField("padded "), "\"padded \"");
  EXPECT_EQ(CsvField("in the middle"), "in the middle");
}

TEST(CsvWriterTest, WritesRecordsEndingInCrlf) {
  CsvWriter csv;
  csv.AddRow({"รหัส", "บัญชี", "เดบิต"});
  csv.AddRow({"1101", "เงินสด, ในมือ", ""});
  EXPECT_EQ(csv.text(),
            "รหัส,บัญชี,เดบิต\r\n"
            "1101,\"เงินสด, ในมือ\",\r\n");
}

TEST(CsvWriterTest, WhatIsWrittenReadsBackUnchanged) {
  const std::vector<std::vector<std::string>> records = {
      {"a", "", "b,c", "\"quoted\"", "two\r\nlines", " x ", "ผู้รับ\"ผล\""},
      {"", ""},
      {"only"},
  };
  CsvWriter csv;
  for (const auto& record : records) csv.AddRow(record);
  EXPECT_EQ(ReadCsv(csv.text()), records);
}

}  // namespace
}  // namespace welfare::format
