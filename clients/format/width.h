// How many terminal columns UTF-8 text takes, so that Thai lines up.
//
// Thai writes vowels above and below and tone marks on top of the
// consonant before them: "น้ำ" is three code points but two columns. Those
// combining marks take no column of their own.
#ifndef WELFARE_CLIENTS_FORMAT_WIDTH_H_
#define WELFARE_CLIENTS_FORMAT_WIDTH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace welfare::format {

// Whether a code point is a Thai combining mark: MAI HAN-AKAT U+0E31, the
// vowels above and below and PHINTHU U+0E34..U+0E3A, and the tone and other
// marks U+0E47..U+0E4E. SARA AM U+0E33 is not one (it takes a column).
bool IsThaiCombiningMark(char32_t code_point);

// Columns the text takes: one per code point, except zero for Thai
// combining marks, the general combining diacritics U+0300..U+036F, and
// the zero-width space, joiners and byte order mark (U+200B..U+200D,
// U+FEFF). Each byte that is not part of valid UTF-8 counts as one column.
// East Asian wide characters are counted as one (the tool prints Thai and
// ASCII). Thread-safe; never fails.
int DisplayWidth(absl::string_view utf8);

// The text followed (PadRight) or preceded (PadLeft) by spaces up to
// `width` columns; unchanged if it is already as wide.
std::string PadRight(absl::string_view utf8, int width);
std::string PadLeft(absl::string_view utf8, int width);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_WIDTH_H_
