// Stateless field checks (services/domain/validate.h): amounts, request
// ids, fund ids, DOPA area codes and account codes.
#include <set>
#include <string>

#include "absl/strings/str_format.h"
#include "services/domain/validate.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

constexpr auto kInvalid = absl::StatusCode::kInvalidArgument;

TEST(CheckAmountTest, AcceptsOneSatangToOneBillionBaht) {
  const struct {
    int64_t satang;
    const char* reason;  // "" when accepted
  } cases[] = {
      {INT64_MIN, "AMOUNT_MUST_BE_POSITIVE"},
      {-1, "AMOUNT_MUST_BE_POSITIVE"},
      {0, "AMOUNT_MUST_BE_POSITIVE"},
      {1, ""},
      {100'000'000'000, ""},
      {100'000'000'001, "AMOUNT_TOO_LARGE"},
      {INT64_MAX, "AMOUNT_TOO_LARGE"},
  };
  for (const auto& c : cases) {
    absl::Status status = CheckAmount("contribution.amount_satang", c.satang);
    if (*c.reason == '\0') {
      EXPECT_THAT(status, IsOk()) << c.satang;
    } else {
      EXPECT_THAT(status, HasError(kInvalid, c.reason)) << c.satang;
    }
  }
  EXPECT_EQ(kAmountSatangMax, 100'000'000'000);
}

TEST(CheckRequestIdTest, AcceptsOneToSixtyFourSafeCharacters) {
  for (const std::string& id :
       {std::string("a"), std::string(64, 'z'),
        std::string("2026-06-15T10:00:00.123_Z-9"),
        std::string("550e8400-e29b-41d4-a716-446655440000")}) {
    EXPECT_THAT(CheckRequestId(id), IsOk()) << id;
  }
}

TEST(CheckRequestIdTest, RejectsEmptyLongAndUnsafeIds) {
  for (const std::string& id :
       {std::string(), std::string(65, 'a'), std::string("a b"),
        std::string("a/b"), std::string("a+b"), std::string("ก"),
        std::string("a\nb"), std::string("a\0b", 3)}) {
    EXPECT_THAT(CheckRequestId(id), HasError(kInvalid, "REQUEST_ID_INVALID"))
        << id;
  }
}

TEST(CheckFundIdTest, AcceptsLowercaseSlugs) {
  for (const std::string& id :
       {std::string("abc"), std::string("ban-nong-khu"), std::string("a1-2"),
        std::string("a--b"), "a" + std::string(39, 'b')}) {
    EXPECT_THAT(CheckFundId("fund_id", id), IsOk()) << id;
  }
}

TEST(CheckFundIdTest, RejectsEverythingElse) {
  for (const std::string& id :
       {std::string(""), std::string("ab"), "a" + std::string(40, 'b'),
        std::string("1abc"), std::string("-abc"), std::string("abc-"),
        std::string("Abc"), std::string("aBc"), std::string("a_bc"),
        std::string("a.bc"), std::string("a/bc"), std::string("ab c"),
        std::string("abc\0", 4), std::string("กองทุน")}) {
    EXPECT_THAT(CheckFundId("fund_id", id), HasError(kInvalid, "FIELD_INVALID"))
        << id;
  }
}

// The 77 province codes of TIS 1099, region by region.
std::set<int> ProvinceCodes() {
  std::set<int> codes;
  const std::pair<int, int> regions[] = {{10, 27}, {30, 49}, {50, 58}, {60, 67},
                                         {70, 77}, {80, 86}, {90, 96}};
  for (const auto& [first, last] : regions) {
    for (int code = first; code <= last; ++code) codes.insert(code);
  }
  return codes;
}

TEST(CheckAreaCodeTest, AcceptsEveryProvinceCodeAndNoOther) {
  const std::set<int> provinces = ProvinceCodes();
  ASSERT_EQ(provinces.size(), 77u);
  for (int code = 0; code <= 99; ++code) {
    const std::string province = absl::StrFormat("%02d", code);
    const std::string village = province + "010203";
    if (provinces.count(code)) {
      EXPECT_THAT(CheckAreaCode("area_code", province, 2), IsOk()) << province;
      EXPECT_THAT(CheckAreaCode("area_code", village, 8), IsOk()) << village;
    } else {
      EXPECT_THAT(CheckAreaCode("area_code", province, 2),
                  HasError(kInvalid, "AREA_CODE_INVALID"))
          << province;
      EXPECT_THAT(CheckAreaCode("area_code", village, 8),
                  HasError(kInvalid, "AREA_CODE_INVALID"))
          << village;
    }
  }
}

TEST(CheckAreaCodeTest, RejectsWrongLengthsAndNonDigits) {
  const struct {
    const char* code;
    size_t digits;
  } cases[] = {
      {"3301", 6}, {"33010", 6}, {"3301011", 6}, {"33010a", 6}, {"33-010", 6},
      {"", 2},     {"3", 2},     {"33 ", 2},     {"๓๓", 2},     {"330101", 4},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(CheckAreaCode("fund.area_code", c.code, c.digits),
                HasError(kInvalid, "AREA_CODE_INVALID"))
        << c.code;
  }
  EXPECT_THAT(CheckAreaCode("fund.area_code", "330101", 6), IsOk());  // Sisaket
}

TEST(ParseAccountCodeTest, ParsesFourDigitsStartingOneToFive) {
  const struct {
    const char* code;
    uint32_t value;
  } cases[] = {{"1101", 1101}, {"1000", 1000}, {"2101", 2101},
               {"5116", 5116}, {"5999", 5999}, {"3201", 3201}};
  for (const auto& c : cases) {
    auto parsed = ParseAccountCode("account.code", c.code);
    ASSERT_THAT(parsed, IsOk()) << c.code;
    EXPECT_EQ(*parsed, c.value);
  }
}

TEST(ParseAccountCodeTest, RejectsOtherCodes) {
  EXPECT_THAT(ParseAccountCode("account.code", ""),
              HasError(kInvalid, "FIELD_REQUIRED"));
  for (const char* code : {"110", "11011", "0101", "6101", "9999", "11a1",
                           " 1101", "-101", "1,01", "๑๑๐๑"}) {
    EXPECT_THAT(ParseAccountCode("account.code", code),
                HasError(kInvalid, "ACCOUNT_CODE_INVALID"))
        << code;
  }
}

}  // namespace
}  // namespace welfare::domain
