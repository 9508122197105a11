#include "clients/verify/encoding.h"

#include <cstdint>

#include "absl/strings/escaping.h"

namespace welfare::verify::internal {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the UTF-8 sequence at text[*pos], advancing *pos; kInvalid for a
// malformed, overlong or surrogate sequence.
char32_t NextCodePoint(absl::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(*pos);
  int length = 0;
  char32_t code = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, min = 0x10000;
  } else {
    return kInvalid;
  }
  if (text.size() - *pos < static_cast<size_t>(length)) return kInvalid;
  for (int i = 1; i < length; ++i) {
    const uint8_t next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) return kInvalid;
    code = (code << 6) | (next & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return kInvalid;
  }
  *pos += length;
  return code;
}

// Unicode White_Space (what Go's unicode.IsSpace reports).
bool IsUnicodeSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace

std::optional<std::string> DecodeBase64Strict(absl::string_view text) {
  std::string bytes;
  if (!absl::Base64Unescape(text, &bytes)) return std::nullopt;
  if (absl::Base64Escape(bytes) != text) return std::nullopt;
  return bytes;
}

bool IsNoteText(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = NextCodePoint(text, &pos);
    if (c == kInvalid || (c < 0x20 && c != '\n')) return false;
  }
  return true;
}

bool IsKeyName(absl::string_view name) {
  if (name.empty()) return false;
  for (size_t pos = 0; pos < name.size();) {
    const char32_t c = NextCodePoint(name, &pos);
    if (c == kInvalid || c < 0x20 || c == '+' || IsUnicodeSpace(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace welfare::verify::internal
