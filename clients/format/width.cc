#include "clients/format/width.h"

#include "absl/strings/str_cat.h"

namespace welfare::format {
namespace {

// Decodes the code point at text[*i] and advances *i past it. Returns -1
// (and advances one byte) for a byte that does not start valid UTF-8.
int32_t NextCodePoint(absl::string_view text, size_t* i) {
  const auto byte = [&](size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char lead = byte(*i);
  int length = 0;
  int32_t code_point = 0;
  if (lead < 0x80) {
    ++*i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    ++*i;
    return -1;
  }
  if (*i + length > text.size()) {
    ++*i;
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return -1;
    }
    code_point = (code_point << 6) | (byte(*i + k) & 0x3F);
  }
  *i += length;
  return code_point;
}

bool IsZeroWidth(int32_t code_point) {
  return IsThaiCombiningMark(static_cast<char32_t>(code_point)) ||
         (code_point >= 0x0300 && code_point <= 0x036F) ||
         (code_point >= 0x200B && code_point <= 0x200D) || code_point == 0xFEFF;
}

}  // namespace

bool IsThaiCombiningMark(char32_t code_point) {
  return code_point == 0x0E31 ||
         (code_point >= 0x0E34 && code_point <= 0x0E3A) ||
         (code_point >= 0x0E47 && code_point <= 0x0E4E);
}

int DisplayWidth(absl::string_view utf8) {
  int width = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    const int32_t code_point = NextCodePoint(utf8, &i);
    if (code_point < 0 || !IsZeroWidth(code_point)) ++width;
  }
  return width;
}

std::string PadRight(absl::string_view utf8, int width) {
  const int missing = width - DisplayWidth(utf8);
  return absl::StrCat(utf8, std::string(missing > 0 ? missing : 0, ' '));
}

std::string PadLeft(absl::string_view utf8, int width) {
  const int missing = width - DisplayWidth(utf8);
  return absl::StrCat(std::string(missing > 0 ? missing : 0, ' '), utf8);
}

}  // namespace welfare::format
