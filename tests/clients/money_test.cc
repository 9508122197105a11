// Baht text <-> int64 satang, exactly.
#include "clients/format/money.h"

#include <cstdint>
#include <limits>
#include <random>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::format {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST(ParseBahtTest, ReadsWholeBahtDecimalsAndThousandsSeparators) {
  const struct {
    const char* text;
    int64_t satang;
  } kCases[] = {
      {"30", 3000},
      {"30.5", 3050},
      {"30.50", 3050},
      {"0.05", 5},
      {"0.5", 50},
      {"0", 0},
      {"007", 700},
      {"1,234.50", 123450},
      {"1234.50", 123450},
      {"1,000,000", 100000000},
      {"  365 ", 36500},
      {"92233720368547758.07", kMax},
      {"92,233,720,368,547,758.07", kMax},
  };
  for (const auto& c : kCases) {
    auto satang = ParseBaht(c.text);
    ASSERT_TRUE(satang.ok()) << c.text << ": " << satang.status();
    EXPECT_EQ(*satang, c.satang) << c.text;
  }
}

TEST(ParseBahtTest, RefusesWhatIsNotAnExactAmountAndSaysWhy) {
  const struct {
    const char* text;
    const char* why;
  } kCases[] = {
      {"", "is empty"},
      {"   ", "is empty"},
      {"-5", "is negative"},
      {"-0.01", "is negative"},
      {"+5", "is not a number"},
      {"abc", "is not a number"},
      {"12a", "is not a number"},
      {"1e3", "is not a number"},
      {"1 000", "is not a number"},
      {"1.2.3", "is not a number"},
      {"\xE0\xB9\x93\xE0\xB9\x90", "is not a number"},  // Thai digits ๓๐
      {"30.", "both sides of the decimal point"},
      {".5", "both sides of the decimal point"},
      {"1,23", "misplaced thousands separators"},
      {"1234,567", "misplaced thousands separators"},
      {",123", "misplaced thousands separators"},
      {"1,,234", "misplaced thousands separators"},
      {"1,234,56", "misplaced thousands separators"},
      {"0.005", "more than two decimals"},
      {"1.000", "more than two decimals"},
      {"92233720368547758.08", "too large"},
      {"92233720368547759", "too large"},
      {"99999999999999999999", "too large"},
      {"999999999999999999999999999999.99", "too large"},
  };
  for (const auto& c : kCases) {
    auto satang = ParseBaht(c.text);
    ASSERT_FALSE(satang.ok()) << c.text << " gave " << *satang;
    EXPECT_EQ(satang.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(satang.status().message(), HasSubstr(c.why)) << c.text;
    EXPECT_THAT(satang.status().message(), HasSubstr("want baht")) << c.text;
  }
}

TEST(FormatBahtTest, WritesTwoDecimalsAndThousandsSeparators) {
  EXPECT_EQ(FormatBaht(0), "0.00");
  EXPECT_EQ(FormatBaht(5), "0.05");
  EXPECT_EQ(FormatBaht(50), "0.50");
  EXPECT_EQ(FormatBaht(99999), "999.99");
  EXPECT_EQ(FormatBaht(100000), "1,000.00");
  EXPECT_EQ(FormatBaht(123450), "1,234.50");
  EXPECT_EQ(FormatBaht(100000000000), "1,000,000,000.00");
  EXPECT_EQ(FormatBaht(-5), "-0.05");
  EXPECT_EQ(FormatBaht(-123450), "-1,234.50");
  EXPECT_EQ(FormatBaht(kMax), "92,233,720,368,547,758.07");
  EXPECT_EQ(FormatBaht(kMin), "-92,233,720,368,547,758.08");
}

TEST(FormatBahtTest, PlainFormHasNoSeparators) {
  EXPECT_EQ(FormatBahtPlain(123456789), "1234567.89");
  EXPECT_EQ(FormatBahtPlain(-100000), "-1000.00");
  EXPECT_EQ(FormatBahtPlain(7), "0.07");
}

TEST(FormatBahtTest, ParsingWhatWasFormattedGivesTheSameSatang) {
  std::mt19937_64 random(20260615);  // Fixed seed: the same values each run.
  for (int i = 0; i < 10000; ++i) {
    const int64_t satang =
        static_cast<int64_t>(random() >> (1 + random() % 63));
    ASSERT_EQ(ParseBaht(FormatBaht(satang)).value_or(-1), satang) << satang;
    ASSERT_EQ(ParseBaht(FormatBahtPlain(satang)).value_or(-1), satang);
  }
}

}  // namespace
}  // namespace welfare::format
