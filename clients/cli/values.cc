#include "clients/cli/values.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/format/dates.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

absl::Status Bad(absl::string_view name, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat("--", name, ": ", message));
}

}  // namespace

void FlagReader::Fail(absl::Status status) {
  if (status_.ok()) status_ = std::move(status);
}

int64_t FlagReader::Amount(absl::string_view name) {
  if (!flags_.Has(name)) return 0;
  auto satang = format::ParseBaht(flags_.Get(name));
  if (!satang.ok()) {
    Fail(Bad(name, satang.status().message()));
    return 0;
  }
  if (*satang == 0) {
    Fail(Bad(name, "0 baht; want an amount above zero"));
    return 0;
  }
  return *satang;
}

int64_t FlagReader::Integer(absl::string_view name, int64_t min, int64_t max,
                            int64_t fallback) {
  if (!flags_.Has(name)) return fallback;
  int64_t value = 0;
  const std::string text = flags_.Get(name);
  if (!absl::SimpleAtoi(text, &value) || value < min || value > max) {
    Fail(Bad(name, absl::StrCat("\"", text, "\"; want a whole number ", min,
                                "..", max)));
    return fallback;
  }
  return value;
}

void FlagReader::DateInto(absl::string_view name,
                          welfare::ledger::v1::Date* out, int year_min) {
  if (!flags_.Has(name)) return;
  auto date = format::ParseDate(flags_.Get(name), year_min);
  if (!date.ok()) return Fail(Bad(name, date.status().message()));
  *out = *date;
}

void FlagReader::DateUpToInto(absl::string_view name,
                              const welfare::ledger::v1::Date& today,
                              welfare::ledger::v1::Date* out, int year_min) {
  if (!flags_.Has(name)) return;
  auto date = format::ParseDateUpTo(flags_.Get(name), today, year_min);
  if (!date.ok()) return Fail(Bad(name, date.status().message()));
  *out = *date;
}

void FlagReader::MonthInto(absl::string_view name,
                           welfare::ledger::v1::YearMonth* out) {
  if (!flags_.Has(name)) return;
  auto month = format::ParseYearMonth(flags_.Get(name));
  if (!month.ok()) return Fail(Bad(name, month.status().message()));
  *out = *month;
}

int FlagReader::Enum(absl::string_view name,
                     absl::Span<const format::Label> labels, int fallback,
                     bool numbers_too) {
  if (!flags_.Has(name)) return fallback;
  const std::string text = flags_.Get(name);
  if (const format::Label* label = format::FindLabelByToken(labels, text)) {
    return label->value;
  }
  int number = 0;
  if (numbers_too && absl::SimpleAtoi(text, &number)) {
    for (const format::Label& label : labels) {
      if (label.value == number) return number;
    }
  }
  Fail(Bad(
      name,
      absl::StrCat(
          "\"", text, "\"; want one of ", format::TokenList(labels, ", "),
          numbers_too ? absl::StrCat(" (or 1..", labels.size(), ")") : "")));
  return fallback;
}

std::string FlagReader::FundArgument(size_t i) {
  const auto& arguments = flags_.arguments();
  if (i >= arguments.size()) return "";
  absl::string_view fund_id = arguments[i];
  absl::ConsumePrefix(&fund_id, "funds/");
  const std::string fund(fund_id);
  if (fund.empty() || absl::StrContains(fund, '/')) {
    Fail(absl::InvalidArgumentError(absl::StrCat(
        "\"", arguments[i], "\" is not a fund id; want e.g. ban-nong-khu")));
  }
  return fund;
}

int64_t FlagReader::NumberArgument(size_t i, absl::string_view what,
                                   int64_t max) {
  const auto& arguments = flags_.arguments();
  if (i >= arguments.size()) return 0;
  int64_t value = 0;
  if (!absl::SimpleAtoi(arguments[i], &value) || value < 1 || value > max) {
    Fail(absl::InvalidArgumentError(absl::StrCat(
        "\"", arguments[i], "\" is not a ", what, "; want a number 1..", max)));
    return 0;
  }
  return value;
}

absl::StatusOr<std::string> CheckNationalId(absl::string_view typed) {
  std::string digits;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError(
          "the national ID may hold only digits, dashes and spaces");
    }
    digits.push_back(c);
  }
  if (digits.size() != kNationalIdDigits) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the national ID has ", digits.size(), " digits; want 13"));
  }
  int sum = 0;
  for (int i = 0; i < kNationalIdDigits - 1; ++i) {
    sum += (digits[i] - '0') * (kNationalIdDigits - i);
  }
  if ((11 - sum % 11) % 10 != digits.back() - '0') {
    return absl::InvalidArgumentError(
        "the national ID's check digit is wrong; check it for a typing "
        "mistake");
  }
  return digits;
}

}  // namespace welfare::cli
