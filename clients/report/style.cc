#include "clients/report/style.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace welfare::report {
namespace {

cli::OutputFormat CellFormat(Output output) {
  return output == Output::kCsv ? cli::OutputFormat::kCsv
                                : cli::OutputFormat::kTable;
}

constexpr int kGroupDigits = 3;

// "1,234,567" for 1234567.
std::string Grouped(int64_t count) {
  const std::string digits = absl::StrCat(count < 0 ? -count : count);
  std::string text = count < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % kGroupDigits == 0) text += ',';
    text += digits[i];
  }
  return text;
}

}  // namespace

Style::Style(Output output, format::Calendar calendar,
             format::Language language)
    : output_(output),
      calendar_(calendar),
      cells_(CellFormat(output), calendar, language) {}

std::string Style::Year(int32_t ce_year) const {
  return absl::StrCat(calendar_ == format::Calendar::kBuddhistEra
                          ? ce_year + format::kBuddhistEraOffset
                          : ce_year);
}

std::string Style::FiscalYear(int32_t ce_year, int32_t start_month) const {
  const bool thai_fiscal = start_month == 0 || start_month == 10;
  if (thai()) {
    return absl::StrCat(thai_fiscal ? "ปีงบประมาณ " : "ปีบัญชี ", Year(ce_year));
  }
  return absl::StrCat(thai_fiscal ? "fiscal year " : "accounting year ",
                      Year(ce_year),
                      calendar_ == format::Calendar::kBuddhistEra ? " BE" : "");
}

std::string Style::Count(int64_t count) const {
  return output_ == Output::kCsv ? absl::StrCat(count) : Grouped(count);
}

std::string Style::Name(const std::string& thai,
                        const std::string& english) const {
  return this->thai() || english.empty() ? thai : english;
}

std::string Style::People(const v1::PeopleCount& people, bool area) const {
  const int32_t small = people.fewer_than_five_cells();
  const int32_t unattributed = people.unattributed_cells();
  if (output_ == Output::kCsv || (small <= 0 && unattributed <= 0)) {
    return Count(people.count());
  }
  std::vector<std::string> parts;
  if (people.count() != 0) parts.push_back(Count(people.count()));
  auto withheld = [&](int32_t cells, std::string mark) {
    if (cells <= 0) return;
    parts.push_back(area ? absl::StrCat(mark, " \u00d7", cells) : mark);
  };
  withheld(small, "<5");
  withheld(unattributed, Words("ไม่ระบุ", "n/a"));
  return absl::StrJoin(parts, " + ");
}

}  // namespace welfare::report
