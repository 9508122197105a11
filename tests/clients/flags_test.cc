// The command line's flag parser.
#include "clients/cli/flags.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<FlagSpec> kSpecs = {
    {"amount", "BAHT", "the baht", FlagKind::kValue, true},
    {"memo", "TEXT", "a note"},
    {"debit", "CODE:BAHT", "a debit", FlagKind::kRepeated},
    {"all", "", "every page", FlagKind::kSwitch},
    {"deadline_ms", "MS", "the deadline"},
};

absl::StatusOr<ParsedFlags> Parse(std::vector<std::string> tokens) {
  return ParseFlags(kSpecs, tokens);
}

std::string ErrorOf(std::vector<std::string> tokens) {
  auto parsed = Parse(std::move(tokens));
  EXPECT_FALSE(parsed.ok());
  return std::string(parsed.status().message());
}

TEST(ParseFlagsTest, ValuesWithEqualsOrAsTheNextToken) {
  auto parsed = Parse({"--amount=30", "--memo", "ค่าประชุม", "fund-a", "7"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("amount"), "30");
  EXPECT_EQ(parsed->Get("memo"), "ค่าประชุม");
  EXPECT_THAT(parsed->arguments(), ElementsAre("fund-a", "7"));
  EXPECT_FALSE(parsed->Has("all"));
  EXPECT_EQ(parsed->Get("debit"), "");
}

TEST(ParseFlagsTest, AnEmptyValueIsGiven) {
  auto parsed = Parse({"--amount=1", "--memo="});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->Has("memo"));
  EXPECT_EQ(parsed->Get("memo"), "");
}

TEST(ParseFlagsTest, RepeatedFlagsKeepEveryValueInOrder) {
  auto parsed = Parse({"--debit=1111:5", "--amount=1", "--debit", "1201:7"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->GetAll("debit"), ElementsAre("1111:5", "1201:7"));
}

TEST(ParseFlagsTest, Switches) {
  EXPECT_TRUE(Parse({"--amount=1", "--all"})->Has("all"));
  EXPECT_TRUE(Parse({"--amount=1", "--all=true"})->Has("all"));
  EXPECT_FALSE(Parse({"--amount=1", "--all", "--all=false"})->Has("all"));
  // A switch takes no value from the next token.
  EXPECT_THAT(Parse({"--amount=1", "--all", "x"})->arguments(),
              ElementsAre("x"));
  EXPECT_THAT(ErrorOf({"--amount=1", "--all=yes"}),
              HasSubstr("--all is a switch"));
}

TEST(ParseFlagsTest, UnderscoreAndDashAreTheSame) {
  EXPECT_EQ(Parse({"--amount=1", "--deadline-ms=5"})->Get("deadline_ms"), "5");
  EXPECT_EQ(Parse({"--amount=1", "--deadline_ms=5"})->Get("deadline-ms"), "5");
}

TEST(ParseFlagsTest, DoubleDashEndsTheFlags) {
  auto parsed = Parse({"--amount=1", "--", "--memo", "-"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->arguments(), ElementsAre("--memo", "-"));
  EXPECT_FALSE(parsed->Has("memo"));
}

TEST(ParseFlagsTest, ANegativeValueReachesItsCheck) {
  EXPECT_EQ(Parse({"--amount", "-5"})->Get("amount"), "-5");
}

TEST(ParseFlagsTest, RejectsWhatItCannotRead) {
  EXPECT_THAT(ErrorOf({"--amount=1", "--bogus=1"}),
              HasSubstr("unknown flag --bogus"));
  EXPECT_THAT(ErrorOf({"--amount=1", "--memo"}),
              HasSubstr("--memo wants a value: --memo=TEXT"));
  EXPECT_THAT(ErrorOf({"--memo", "--amount=1"}),
              HasSubstr("--memo wants a value"));
  EXPECT_THAT(ErrorOf({"--amount=1", "--amount=2"}),
              HasSubstr("--amount is given twice"));
  EXPECT_THAT(ErrorOf({"--memo=x"}),
              HasSubstr("missing --amount=BAHT: the baht"));
}

}  // namespace
}  // namespace welfare::cli
