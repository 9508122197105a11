// Style: how welfare-report writes the cells of one output — the
// `welfare` tool's Cells (baht, dates, labels; clients/cli/report.h) plus
// what reports need beyond them: the calendar of a year, counts of people,
// account names in the chosen language, and the "<5" of partner answers.
#ifndef WELFARE_CLIENTS_REPORT_STYLE_H_
#define WELFARE_CLIENTS_REPORT_STYLE_H_

#include <cstdint>
#include <string>

#include "clients/cli/report.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::report {

namespace v1 = welfare::ledger::v1;

// The outputs of welfare-report. HTML cells are written as for tables.
enum class Output { kTable, kCsv, kJson, kHtml };

class Style {
 public:
  Style(Output output, format::Calendar calendar, format::Language language);

  const cli::Cells& cells() const { return cells_; }
  Output output() const { return output_; }
  format::Calendar calendar() const { return calendar_; }
  format::Language language() const { return cells_.language(); }
  bool thai() const { return language() == format::Language::kThai; }

  // Shorthands of cells().
  std::string Words(const char* thai, const char* english) const {
    return cells_.Words(thai, english);
  }
  std::string Money(int64_t satang) const { return cells_.Money(satang); }
  std::string Date(const v1::Date& date) const { return cells_.Date(date); }

  // A CE year in the chosen calendar: "2569" (BE) or "2026".
  std::string Year(int32_t ce_year) const;
  // A year starting in October, the Thai fiscal year: "ปีงบประมาณ 2569" /
  // "fiscal year 2569 BE" / "fiscal year 2026". A year starting in another
  // month is the fund's own accounting year: "ปีบัญชี 2569" / "accounting
  // year 2569 BE". start_month 0 (unknown) is taken as October.
  std::string FiscalYear(int32_t ce_year, int32_t start_month = 10) const;
  // A count of people or funds: "1,234" (tables) or "1234" (CSV).
  std::string Count(int64_t count) const;
  // The account's name in the chosen language (the Thai name when the
  // English one is empty).
  std::string Name(const std::string& thai, const std::string& english) const;

  // A partner count (see PeopleCount in reports.proto). One fund: "<5"
  // when the cell was suppressed, "n/a" (ไม่ระบุ) when it was withheld for
  // money that names no member. An area: the exact sum, then " + <5 ×k"
  // for k funds whose cell of 1 to 4 people was left out and " + n/a ×j"
  // for j withheld for money naming no member (either alone when the sum
  // is 0). CSV cells hold the sum only; the numbers of withheld cells have
  // columns of their own.
  std::string People(const v1::PeopleCount& people, bool area) const;

 private:
  Output output_;
  format::Calendar calendar_;
  cli::Cells cells_;
};

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_STYLE_H_
