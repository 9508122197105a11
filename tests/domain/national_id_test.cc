// Thai national IDs (services/domain/validate.h): the check digit, accepted
// spellings, and that an ID never leaks into an error message.
#include <string>

#include "absl/strings/match.h"
#include "services/domain/validate.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;
using ::welfare::testing::NationalIdFor;

// Check digits worked out by hand, including the two wrap-arounds:
// sum mod 11 == 0 gives 1, sum mod 11 == 1 gives 0.
const char* const kValidIds[] = {
    "1101700207030",  // sum 144, 144 mod 11 = 1 -> 0
    "3100600123450", "1234567890121",
    "1000000000131",  // sum 22, mod 11 = 0 -> 1
    "1000000000050",  // sum 23, mod 11 = 1 -> 0
    "1000000000041",  // sum 21, mod 11 = 10 -> 1
};

TEST(NationalIdTest, AcceptsIdsWithTheRightCheckDigit) {
  for (const char* id : kValidIds) {
    auto parsed = ParseNationalId("profile.national_id", id);
    ASSERT_THAT(parsed, IsOk()) << id;
    EXPECT_EQ(*parsed, id);
  }
  for (int64_t n :
       {int64_t{1}, int64_t{42}, int64_t{99999}, int64_t{12345678901}}) {
    EXPECT_THAT(ParseNationalId("id", NationalIdFor(n)), IsOk()) << n;
  }
}

TEST(NationalIdTest, RejectsEveryOtherCheckDigit) {
  for (const char* id : kValidIds) {
    const std::string valid = id;
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (digit == valid.back()) continue;
      std::string wrong = valid;
      wrong.back() = digit;
      EXPECT_THAT(
          ParseNationalId("id", wrong),
          HasError(absl::StatusCode::kInvalidArgument, "NATIONAL_ID_INVALID"))
          << wrong;
    }
  }
}

TEST(NationalIdTest, RejectsSwappedDigits) {
  // 1101700207030 with its 4th and 5th digits swapped.
  EXPECT_THAT(
      ParseNationalId("id", "1107100207030"),
      HasError(absl::StatusCode::kInvalidArgument, "NATIONAL_ID_INVALID"));
}

TEST(NationalIdTest, IgnoresDashesAndSpaces) {
  for (const char* spelled :
       {"1-1017-00207-03-0", "1 1017 00207 03 0", "1-1017 00207-03 0",
        " 1101700207030 ", "1101700207030-"}) {
    auto parsed = ParseNationalId("id", spelled);
    ASSERT_THAT(parsed, IsOk()) << spelled;
    EXPECT_EQ(*parsed, "1101700207030");
  }
}

TEST(NationalIdTest, RejectsWrongLengthsAndOtherCharacters) {
  const char* const cases[] = {
      "",
      "110170020703",     // 12 digits
      "11017002070300",   // 14 digits
      "1-1017-00207-03",  // 12 digits with dashes
      "11017002O7030",    // letter O for zero
      "1101700207030x",
      "1.1017.00207.03.0",
      "๑๑๐๑๗๐๐๒๐๗๐๓๐",  // Thai digits
      "+1101700207030",
  };
  for (const char* id : cases) {
    EXPECT_THAT(
        ParseNationalId("id", id),
        HasError(absl::StatusCode::kInvalidArgument, "NATIONAL_ID_INVALID"))
        << id;
  }
}

TEST(NationalIdTest, ErrorNeverContainsTheId) {
  const char* const cases[] = {
      "1101700207031",      // wrong check digit
      "1-1017-00207-03-1",  // same, with dashes
      "110170020703",       // too short
      "11017002070300",     // too long
      "1101700207O30",      // a letter
  };
  for (const char* id : cases) {
    absl::Status status = ParseNationalId("profile.national_id", id).status();
    ASSERT_FALSE(status.ok()) << id;
    const std::string message(status.message());
    EXPECT_FALSE(absl::StrContains(message, id)) << message;
    // Not even a run of the digits.
    EXPECT_FALSE(absl::StrContains(message, "10170")) << message;
    EXPECT_FALSE(absl::StrContains(message, "0207")) << message;
    EXPECT_TRUE(absl::StartsWith(message, "profile.national_id: ")) << message;
  }
}

TEST(NationalIdTest, MaskShowsOnlyTheLastThreeDigits) {
  EXPECT_EQ(MaskNationalId("1101700207030"), "x-xxxx-xxxxx-03-0");
  EXPECT_EQ(MaskNationalId("1234567890121"), "x-xxxx-xxxxx-12-1");
  const std::string masked = MaskNationalId("9876543210987");
  int digits = 0;
  for (char c : masked) digits += (c >= '0' && c <= '9');
  EXPECT_EQ(digits, 3);
}

TEST(NationalIdTest, MaskOfAnythingButThirteenDigitsIsEmpty) {
  EXPECT_EQ(MaskNationalId(""), "");
  EXPECT_EQ(MaskNationalId("110170020703"), "");
  EXPECT_EQ(MaskNationalId("1-1017-00207-03-0"), "");
}

}  // namespace
}  // namespace welfare::domain
