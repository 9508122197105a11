// CheckText (services/domain/validate.h): valid UTF-8, length in code points,
// no control characters, newlines only where text may span lines.
#include <string>

#include "services/domain/validate.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

TEST(CheckTextTest, AcceptsThaiAndMixedText) {
  EXPECT_THAT(CheckText("name", "กองทุนสวัสดิการชุมชนตำบลหนองคู", 200, true),
              IsOk());
  EXPECT_THAT(CheckText("name", "นางสมศรี ใจดี (Somsri) 33/1 ม.4", 200, true),
              IsOk());
  EXPECT_THAT(CheckText("memo", "", 10, /*required=*/false), IsOk());
  EXPECT_THAT(CheckText("memo", "emoji 🙏 U+1F64F", 20, true), IsOk());
}

TEST(CheckTextTest, CountsCodePointsNotBytes) {
  const std::string thai = "กองทุน";  // 6 code points, 18 bytes
  ASSERT_EQ(thai.size(), 18u);
  EXPECT_THAT(CheckText("name", thai, 6, true), IsOk());
  EXPECT_THAT(CheckText("name", thai, 5, true),
              HasError(kInvalid, "TEXT_TOO_LONG"));
  // Four-byte code points count once each.
  EXPECT_THAT(CheckText("name", "🙏🙏", 2, true), IsOk());
  EXPECT_THAT(CheckText("name", "🙏🙏", 1, true),
              HasError(kInvalid, "TEXT_TOO_LONG"));
  // A Thai combining vowel mark is a code point of its own.
  EXPECT_THAT(CheckText("name", "ที่", 3, true), IsOk());
  EXPECT_THAT(CheckText("name", "ที่", 2, true),
              HasError(kInvalid, "TEXT_TOO_LONG"));
}

TEST(CheckTextTest, RejectsMalformedUtf8) {
  const struct {
    const char* name;
    std::string bytes;
  } cases[] = {
      {"lone continuation byte", "a\x80"},
      {"overlong slash (2 bytes)", "\xc0\xaf"},
      {"overlong @ (2 bytes)", "\xc1\x80"},
      {"overlong (3 bytes)", "\xe0\x80\xaf"},
      {"overlong (4 bytes)", "\xf0\x80\x80\xaf"},
      {"surrogate U+D800", "\xed\xa0\x80"},
      {"surrogate U+DFFF", "\xed\xbf\xbf"},
      {"beyond U+10FFFF", "\xf4\x90\x80\x80"},
      {"lead byte F5", "\xf5\x80\x80\x80"},
      {"lead byte FF", "\xff"},
      {"truncated 2-byte at end", "ab\xc3"},
      {"truncated 3-byte at end", "\xe0\xb8"},
      {"truncated 4-byte at end", "\xf0\x9f\x99"},
      {"truncated 3-byte before ASCII",
       "\xe0\xb8"
       "a"},
      {"Latin-1, not UTF-8", "caf\xe9"},
      {"TIS-620 Thai, not UTF-8", "\xa1\xcd\xa7"},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(CheckText("memo", c.bytes, 100, false),
                HasError(kInvalid, "TEXT_NOT_UTF8"))
        << c.name;
  }
}

TEST(CheckTextTest, AcceptsTheExtremesOfValidUtf8) {
  EXPECT_THAT(CheckText("memo", "\xc2\xa0", 5, false), IsOk());      // U+00A0
  EXPECT_THAT(CheckText("memo", "\xed\x9f\xbf", 5, false), IsOk());  // U+D7FF
  EXPECT_THAT(CheckText("memo", "\xee\x80\x80", 5, false), IsOk());  // U+E000
  EXPECT_THAT(CheckText("memo", "\xf4\x8f\xbf\xbf", 5, false), IsOk());  // max
}

TEST(CheckTextTest, RejectsControlCharacters) {
  const struct {
    const char* name;
    std::string text;
  } cases[] = {
      {"NUL", std::string("a\0b", 3)},
      {"tab", "a\tb"},
      {"carriage return", "a\rb"},
      {"escape", "a\x1b[0m"},
      {"delete", "a\x7f"},
      {"C1 next line U+0085", "a\xc2\x85"},
      {"C1 U+009F", "\xc2\x9f"},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(CheckText("memo", c.text, 100, false),
                HasError(kInvalid, "FIELD_INVALID"))
        << c.name;
    EXPECT_THAT(CheckText("memo", c.text, 100, false, TextKind::kMultiLine),
                HasError(kInvalid, "FIELD_INVALID"))
        << c.name << " (multi-line)";
  }
}

TEST(CheckTextTest, AllowsNewlineOnlyInMultiLineText) {
  EXPECT_THAT(CheckText("address", "บ้านเลขที่ 1\nหมู่ 4", 100, false),
              HasError(kInvalid, "FIELD_INVALID"));
  EXPECT_THAT(
      CheckText("address", "บ้านเลขที่ 1\nหมู่ 4", 100, false, TextKind::kMultiLine),
      IsOk());
  EXPECT_THAT(CheckText("address", "a\r\nb", 100, false, TextKind::kMultiLine),
              HasError(kInvalid, "FIELD_INVALID"));
}

TEST(CheckTextTest, RequiredTextMustNotBeBlank) {
  EXPECT_THAT(CheckText("name", "", 10, true),
              HasError(kInvalid, "FIELD_REQUIRED"));
  EXPECT_THAT(CheckText("name", "   ", 10, true),
              HasError(kInvalid, "FIELD_REQUIRED"));
  EXPECT_THAT(CheckText("name", " \n ", 10, true, TextKind::kMultiLine),
              HasError(kInvalid, "FIELD_REQUIRED"));
  EXPECT_THAT(CheckText("name", "   ", 10, false), IsOk());
  EXPECT_THAT(CheckText("name", " ก ", 10, true), IsOk());
}

// The checks run in this order: encoding and control characters character
// by character, then the length, then blankness.
TEST(CheckTextTest, ReportsTheFirstFailingCheck) {
  const struct {
    const char* name;
    std::string text;
    int max_chars;
    const char* reason;
  } cases[] = {
      {"bad UTF-8 before a control char", "\xff\x01", 2, "TEXT_NOT_UTF8"},
      {"bad UTF-8 beats length", "abcdef\xff", 2, "TEXT_NOT_UTF8"},
      {"bad UTF-8 after a control char", "\x01\xff", 2, "FIELD_INVALID"},
      {"control char beats length", "abc\tdef", 2, "FIELD_INVALID"},
      {"length beats blankness", "      ", 2, "TEXT_TOO_LONG"},
      {"blank", "  ", 2, "FIELD_REQUIRED"},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(CheckText("f", c.text, c.max_chars, true),
                HasError(kInvalid, c.reason))
        << c.name;
  }
}

TEST(CheckTextTest, MessageNamesTheField) {
  absl::Status status = CheckText("fund.display_name", "x\x01", 10, true);
  EXPECT_THAT(std::string(status.message()),
              ::testing::StartsWith("fund.display_name: "));
}

}  // namespace
}  // namespace welfare::domain
