#include "clients/format/refusals.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace welfare::format {
namespace {

namespace v1 = welfare::ledger::v1;

// The server's own hint for CE dates (services/domain/dates.cc).
constexpr absl::string_view kCommonEraHint = " (dates are CE: 2569 BE is 2026)";
// The words before a fiscal year in the server's messages.
constexpr absl::string_view kYearPhrases[] = {"fiscal_year: ", "fiscal year ",
                                              "current year ("};

// The number of the first `count` characters of text, if all are digits;
// -1 otherwise.
int Digits(absl::string_view text, size_t count) {
  if (text.size() < count) return -1;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool IsCommonEraYear(int year) {
  return year >= kYearMin && year < kBuddhistEraYearFirst;
}

// Whether a date may start after `before`: a space or punctuation that does
// not join words into a name ("/", "-", ":" and letters do).
bool OpensWord(char before) {
  return absl::ascii_isspace(static_cast<unsigned char>(before)) ||
         before == '(' || before == '[' || before == ',' || before == ';' ||
         before == '"' || before == '\'';
}

// Whether a date may end before `rest`: at the end, a space, closing
// punctuation, or a full stop that ends a sentence.
bool ClosesWord(absl::string_view rest) {
  if (rest.empty()) return true;
  const char c = rest[0];
  if (c == '.') {
    return rest.size() == 1 ||
           absl::ascii_isspace(static_cast<unsigned char>(rest[1]));
  }
  return absl::ascii_isspace(static_cast<unsigned char>(c)) || c == ')' ||
         c == ']' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'';
}

// A CE date or month at the start of `rest`: how many characters it takes,
// with its BE text in *shown; 0 if there is none.
size_t DateAt(absl::string_view rest, std::string* shown) {
  const int year = Digits(rest, 4);
  if (!IsCommonEraYear(year) || rest.size() < 7 || rest[4] != '-') return 0;
  const int month = Digits(rest.substr(5), 2);
  if (month < 1 || month > 12) return 0;
  if (rest.size() > 7 && rest[7] == '-') {
    const int day = Digits(rest.substr(8), 2);
    if (day < 0 || !IsRealDate(year, month, day) ||
        !ClosesWord(rest.substr(10))) {
      return 0;
    }
    v1::Date date;
    date.set_year(year);
    date.set_month(month);
    date.set_day(day);
    *shown = FormatDate(date, Calendar::kBuddhistEra);
    return 10;
  }
  if (!ClosesWord(rest.substr(7))) return 0;
  v1::YearMonth year_month;
  year_month.set_year(year);
  year_month.set_month(month);
  *shown = FormatYearMonth(year_month, Calendar::kBuddhistEra);
  return 7;
}

// A phrase and a CE fiscal year at the start of `rest`: how many
// characters they take, with their BE text in *shown; 0 if there is none.
size_t FiscalYearAt(absl::string_view rest, std::string* shown) {
  for (absl::string_view phrase : kYearPhrases) {
    if (!absl::StartsWith(rest, phrase)) continue;
    const absl::string_view number = rest.substr(phrase.size());
    const int year = Digits(number, 4);
    if (!IsCommonEraYear(year) || Digits(number.substr(4), 1) >= 0) return 0;
    *shown = absl::StrCat(phrase, year + kBuddhistEraOffset);
    return phrase.size() + 4;
  }
  return 0;
}

}  // namespace

std::string RefusalInCalendar(absl::string_view message, Calendar calendar) {
  if (calendar == Calendar::kGregorian) return std::string(message);
  std::string out;
  size_t i = 0;
  while (i < message.size()) {
    const absl::string_view rest = message.substr(i);
    if (absl::StartsWith(rest, kCommonEraHint)) {
      i += kCommonEraHint.size();
      continue;
    }
    std::string shown;
    size_t taken = FiscalYearAt(rest, &shown);
    if (taken == 0 && (i == 0 || OpensWord(message[i - 1]))) {
      taken = DateAt(rest, &shown);
    }
    if (taken > 0) {
      absl::StrAppend(&out, shown);
      i += taken;
    } else {
      out.push_back(message[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace welfare::format
