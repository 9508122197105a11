// Display width of Thai text: combining marks take no column.
#include "clients/format/width.h"

#include "gtest/gtest.h"

namespace welfare::format {
namespace {

TEST(DisplayWidthTest, AsciiIsOneColumnPerCharacter) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("1,234.50"), 8);
}

TEST(DisplayWidthTest, ThaiVowelsAboveAndBelowAndToneMarksTakeNoColumn) {
  EXPECT_EQ(DisplayWidth("กา"), 2);
  // น + MAI THO U+0E49 + SARA AM U+0E33 (which does take a column).
  EXPECT_EQ(DisplayWidth("น้ำ"), 2);
  // ท + SARA II U+0E35 + MAI EK U+0E48: two marks stacked on one column.
  EXPECT_EQ(DisplayWidth("ที่"), 1);
  // เ ป + MAITAIKHU U+0E47 + น.
  EXPECT_EQ(DisplayWidth("เป็น"), 3);
  // THANTHAKHAT U+0E4C.
  EXPECT_EQ(DisplayWidth("การ์ด"), 4);
  // MAI HAN-AKAT U+0E31 and SARA I U+0E34.
  EXPECT_EQ(DisplayWidth("สวัสดิการ"), 7);
  EXPECT_EQ(DisplayWidth("กองทุนสวัสดิการชุมชน"), 16);
  EXPECT_EQ(DisplayWidth("ผู้รับผลประโยชน์"), 12);
  EXPECT_EQ(DisplayWidth("เงินสด 1,234.50 บาท"), 18);
}

TEST(DisplayWidthTest, ExactlyTheThaiCombiningMarksAreZeroWidth) {
  for (char32_t code_point = 0x0E00; code_point <= 0x0E7F; ++code_point) {
    const bool mark = code_point == 0x0E31 ||
                      (code_point >= 0x0E34 && code_point <= 0x0E3A) ||
                      (code_point >= 0x0E47 && code_point <= 0x0E4E);
    EXPECT_EQ(IsThaiCombiningMark(code_point), mark) << std::hex << code_point;
  }
  // The neighbours of the ranges take a column.
  EXPECT_EQ(DisplayWidth("\u0E30\u0E32\u0E33\u0E3F\u0E46\u0E4F"), 6);
  EXPECT_EQ(DisplayWidth("\u0E31\u0E34\u0E3A\u0E47\u0E4E"), 0);
}

TEST(DisplayWidthTest, OtherZeroWidthCharacters) {
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);           // Combining acute accent.
  EXPECT_EQ(DisplayWidth("ก\u200Bข"), 2);          // Zero-width space.
  EXPECT_EQ(DisplayWidth("\uFEFFabc"), 3);         // Byte order mark.
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x98\x80"), 1);  // A four-byte character.
}

TEST(DisplayWidthTest, EachByteOfBrokenUtf8CountsOne) {
  EXPECT_EQ(DisplayWidth("\xFF"), 1);
  EXPECT_EQ(DisplayWidth("a\xE0\xB8"), 3);  // A Thai letter cut short.
  EXPECT_EQ(DisplayWidth("\xB8"), 1);       // A lone continuation byte.
  EXPECT_EQ(DisplayWidth("\xE0\x41\x42"), 3);
}

TEST(PadTest, PadsToDisplayWidth) {
  EXPECT_EQ(PadRight("น้ำ", 4), "น้ำ  ");
  EXPECT_EQ(PadLeft("น้ำ", 4), "  น้ำ");
  EXPECT_EQ(PadRight("abcdef", 3), "abcdef");
  EXPECT_EQ(PadLeft("", 2), "  ");
}

}  // namespace
}  // namespace welfare::format
