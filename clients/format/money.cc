#include "clients/format/money.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace welfare::format {
namespace {

constexpr int kFractionDigitsMax = 2;
constexpr int kGroupDigits = 3;

absl::Status Refuse(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", text, "\" ", why, "; want baht such as 30, 30.50 or 1,234.50"));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether the integer part's commas sit every three digits from the right
// and the first group has 1..3 digits. `whole` is digits and commas only.
bool CommasWellPlaced(absl::string_view whole) {
  const size_t first_comma = whole.find(',');
  if (first_comma == absl::string_view::npos) return true;
  if (first_comma == 0 || first_comma > kGroupDigits) return false;
  for (size_t i = first_comma; i < whole.size(); i += kGroupDigits + 1) {
    if (whole[i] != ',' || whole.size() - i < kGroupDigits + 1) return false;
    for (size_t j = i + 1; j <= i + kGroupDigits; ++j) {
      if (!IsDigit(whole[j])) return false;
    }
  }
  return true;
}

// Appends `digit` to `*value`; false on overflow of int64.
bool AppendDigit(int64_t* value, int digit) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (*value > (kMax - digit) / 10) return false;
  *value = *value * 10 + digit;
  return true;
}

std::string Format(int64_t satang, bool separators) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  const uint64_t magnitude = satang < 0 ? 0 - static_cast<uint64_t>(satang)
                                        : static_cast<uint64_t>(satang);
  const std::string whole = absl::StrCat(magnitude / kSatangPerBaht);
  const uint64_t fraction = magnitude % kSatangPerBaht;
  std::string text = satang < 0 ? "-" : "";
  for (size_t i = 0; i < whole.size(); ++i) {
    if (separators && i > 0 && (whole.size() - i) % kGroupDigits == 0) {
      text.push_back(',');
    }
    text.push_back(whole[i]);
  }
  absl::StrAppend(&text, ".", fraction < 10 ? "0" : "", fraction);
  return text;
}

}  // namespace

absl::StatusOr<int64_t> ParseBaht(absl::string_view text) {
  const absl::string_view amount = absl::StripAsciiWhitespace(text);
  if (amount.empty()) return Refuse(text, "is empty");
  if (amount.front() == '-') return Refuse(text, "is negative");
  const size_t point = amount.find('.');
  const absl::string_view whole = amount.substr(0, point);
  const absl::string_view fraction = point == absl::string_view::npos
                                         ? absl::string_view()
                                         : amount.substr(point + 1);
  for (char c : whole) {
    if (!IsDigit(c) && c != ',') return Refuse(text, "is not a number");
  }
  for (char c : fraction) {
    if (!IsDigit(c)) return Refuse(text, "is not a number");
  }
  if (whole.empty() || (point != absl::string_view::npos && fraction.empty())) {
    return Refuse(text, "needs digits on both sides of the decimal point");
  }
  if (!CommasWellPlaced(whole)) {
    return Refuse(text, "has misplaced thousands separators");
  }
  if (fraction.size() > kFractionDigitsMax) {
    return Refuse(text, "has more than two decimals (satang)");
  }
  int64_t satang = 0;
  for (char c : whole) {
    if (c != ',' && !AppendDigit(&satang, c - '0')) {
      return Refuse(text, "is too large");
    }
  }
  for (int i = 0; i < kFractionDigitsMax; ++i) {
    const int digit =
        i < static_cast<int>(fraction.size()) ? fraction[i] - '0' : 0;
    if (!AppendDigit(&satang, digit)) return Refuse(text, "is too large");
  }
  return satang;
}

std::string FormatBaht(int64_t satang) { return Format(satang, true); }

std::string FormatBahtPlain(int64_t satang) { return Format(satang, false); }

}  // namespace welfare::format
