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
  // ParseCsv reads back what CsvWriter wrote.
  auto parsed = ParseCsv(csv.text());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  std::vector<std::vector<std::string>> fields;
  for (const CsvRecord& record : *parsed) fields.push_back(record.fields);
  EXPECT_EQ(fields, records);
}

TEST(ParseCsvTest, ReadsWhatSpreadsheetsWriteWithLineNumbers) {
  auto parsed = ParseCsv(
      "\xEF\xBB\xBFmember,amount\r\n"  // A byte order mark and CRLF.
      "1,30\n"                         // LF alone.
      "\n"                             // A blank line, skipped.
      "\"2\",\"1,234.50\"\n"           // Quoted, with a comma.
      "3,\"two\nlines \"\"x\"\"\"\n"   // A line break and doubled quotes.
      "4,");                           // No final line end; an empty field.
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->size(), 5u);
  EXPECT_EQ((*parsed)[0].fields,
            (std::vector<std::string>{"member", "amount"}));
  EXPECT_EQ((*parsed)[0].line, 1);
  EXPECT_EQ((*parsed)[1].line, 2);
  EXPECT_EQ((*parsed)[2].fields, (std::vector<std::string>{"2", "1,234.50"}));
  EXPECT_EQ((*parsed)[2].line, 4);
  EXPECT_EQ((*parsed)[3].fields,
            (std::vector<std::string>{"3", "two\nlines \"x\""}));
  EXPECT_EQ((*parsed)[3].line, 5);
  EXPECT_EQ((*parsed)[4].fields, (std::vector<std::string>{"4", ""}));
  EXPECT_EQ((*parsed)[4].line, 7);
}

TEST(ParseCsvTest, BrokenQuotesNameTheirLine) {
  auto open = ParseCsv("a,b\n1,\"never closed\n");
  EXPECT_FALSE(open.ok());
  EXPECT_NE(open.status().message().find("line 2"), std::string::npos)
      << open.status();
  auto after = ParseCsv("a,b\n\n1,\"x\"y\n");
  EXPECT_FALSE(after.ok());
  EXPECT_NE(after.status().message().find("line 3"), std::string::npos)
      << after.status();
}

}  // namespace
}  // namespace welfare::format
