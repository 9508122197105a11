#include "services/domain/validate.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "storage/errors.h"

namespace welfare::domain {
namespace {

using storage::Error;

// Decodes one UTF-8 code point at text[*i]; false if malformed (overlong,
// surrogate, beyond U+10FFFF, truncated).
bool NextCodePoint(absl::string_view text, size_t* i, uint32_t* code_point) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t lead = byte(*i);
  int length;
  uint32_t value;
  if (lead < 0x80) {
    *code_point = lead;
    *i += 1;
    return true;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
  } else {
    return false;
  }
  if (*i + length > text.size()) return false;
  for (int k = 1; k < length; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) return false;
    value = (value << 6) | (byte(*i + k) & 0x3F);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || value > 0x10FFFF ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return false;
  }
  *code_point = value;
  *i += length;
  return true;
}

// Province codes of TIS 1099 (the 77 provinces).
bool IsProvinceCode(int code) {
  return (code >= 10 && code <= 27) || (code >= 30 && code <= 49) ||
         (code >= 50 && code <= 58) || (code >= 60 && code <= 67) ||
         (code >= 70 && code <= 77) || (code >= 80 && code <= 86) ||
         (code >= 90 && code <= 96);
}

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

absl::Status CheckText(absl::string_view field, absl::string_view value,
                       int max_chars, bool required, TextKind kind) {
  int chars = 0;
  bool blank = true;
  for (size_t i = 0; i < value.size();) {
    uint32_t code_point;
    if (!NextCodePoint(value, &i, &code_point)) {
      return InvalidField(
          "TEXT_NOT_UTF8", field,
          absl::StrCat("not valid UTF-8 at byte ", i, "; want UTF-8 text"));
    }
    const bool newline_ok = kind == TextKind::kMultiLine && code_point == '\n';
    if ((code_point < 0x20 && !newline_ok) ||
        (code_point >= 0x7F && code_point < 0xA0)) {
      return InvalidField(
          "FIELD_INVALID", field,
          absl::StrCat("control character U+", absl::Hex(code_point),
                       " at character ", chars + 1, "; want printable text"));
    }
    if (code_point != ' ' && code_point != '\n') blank = false;
    ++chars;
  }
  if (chars > max_chars) {
    return InvalidField(
        "TEXT_TOO_LONG", field,
        absl::StrCat(chars, " characters, want at most ", max_chars));
  }
  if (required && blank) {
    return InvalidField("FIELD_REQUIRED", field,
                        "required, want non-blank text");
  }
  return absl::OkStatus();
}

absl::Status InvalidField(absl::string_view reason, absl::string_view field,
                          absl::string_view what) {
  return Error(absl::StatusCode::kInvalidArgument, reason,
               absl::StrCat(field, ": ", what));
}

absl::Status CheckAmount(absl::string_view field, int64_t amount_satang) {
  if (amount_satang <= 0) {
    return InvalidField(
        "AMOUNT_MUST_BE_POSITIVE", field,
        absl::StrCat(amount_satang, " satang, want 1..", kAmountSatangMax));
  }
  if (amount_satang > kAmountSatangMax) {
    return InvalidField(
        "AMOUNT_TOO_LARGE", field,
        absl::StrCat(amount_satang, " satang, want 1..", kAmountSatangMax));
  }
  return absl::OkStatus();
}

absl::Status CheckRequestId(absl::string_view request_id) {
  if (request_id.empty() || request_id.size() > 64) {
    return InvalidField(
        "REQUEST_ID_INVALID", "request_id",
        absl::StrCat(request_id.size(),
                     " characters, want 1..64 (the client library "
                     "fills it in)"));
  }
  for (char c : request_id) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' &&
        c != '_' && c != ':' && c != '-') {
      return InvalidField("REQUEST_ID_INVALID", "request_id",
                          "want only the characters A-Z a-z 0-9 . _ : -");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckFundId(absl::string_view field, absl::string_view fund_id) {
  const auto bad = [&]() {
    return InvalidField(
        "FIELD_INVALID", field,
        absl::StrCat("\"", absl::CHexEscape(fund_id.substr(0, 60)),
                     "\", want 3..40 characters of a-z 0-9 -, "
                     "starting with a letter, e.g. \"ban-nong-khu\""));
  };
  if (fund_id.size() < 3 || fund_id.size() > 40) return bad();
  if (!absl::ascii_islower(static_cast<unsigned char>(fund_id.front())) ||
      fund_id.back() == '-') {
    return bad();
  }
  for (char c : fund_id) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '-') {
      return bad();
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAreaCode(absl::string_view field, absl::string_view code,
                           size_t digits) {
  if (code.size() != digits || !AllDigits(code)) {
    return InvalidField(
        "AREA_CODE_INVALID", field,
        absl::StrCat("\"", absl::CHexEscape(code.substr(0, 20)), "\", want ",
                     digits, " digits (DOPA code)"));
  }
  const int province = (code[0] - '0') * 10 + (code[1] - '0');
  if (!IsProvinceCode(province)) {
    return InvalidField(
        "AREA_CODE_INVALID", field,
        absl::StrCat("\"", code, "\" starts with ", code.substr(0, 2),
                     ", which is no Thai province code"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ParseNationalId(absl::string_view field,
                                            absl::string_view national_id) {
  std::string digits;
  for (char c : national_id) {
    if (c == '-' || c == ' ') continue;
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return InvalidField("NATIONAL_ID_INVALID", field,
                          "want 13 digits (dashes and spaces allowed)");
    }
    digits.push_back(c);
  }
  if (digits.size() != 13) {
    return InvalidField("NATIONAL_ID_INVALID", field,
                        absl::StrCat(digits.size(), " digits, want 13"));
  }
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * (13 - i);
  const int check = (11 - sum % 11) % 10;
  if (check != digits[12] - '0') {
    return InvalidField(
        "NATIONAL_ID_INVALID", field,
        "the check digit does not match; please re-type the ID");
  }
  return digits;
}

std::string MaskNationalId(absl::string_view digits) {
  if (digits.size() != 13) return "";
  return absl::StrCat("x-xxxx-xxxxx-", digits.substr(10, 2), "-",
                      digits.substr(12, 1));
}

absl::StatusOr<uint32_t> ParseAccountCode(absl::string_view field,
                                          absl::string_view code) {
  if (code.empty()) {
    return InvalidField("FIELD_REQUIRED", field,
                        "want an account code of 4 digits, e.g. \"1101\"");
  }
  if (code.size() != 4 || !AllDigits(code) || code[0] < '1' || code[0] > '5') {
    return InvalidField(
        "ACCOUNT_CODE_INVALID", field,
        absl::StrCat("\"", absl::CHexEscape(code.substr(0, 20)),
                     "\", want 4 digits starting with 1..5, e.g. "
                     "\"1101\""));
  }
  uint32_t value = 0;
  for (char c : code) value = value * 10 + static_cast<uint32_t>(c - '0');
  return value;
}

}  // namespace welfare::domain
