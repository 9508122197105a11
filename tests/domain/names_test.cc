// Resource names (services/domain/names.h): parsing good names, refusing
// malformed ones, and round trips with the formatters.
#include "services/domain/names.h"

#include <cstdint>
#include <string>

#include "tests/domain/holds_value.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::HoldsValue;
using ::welfare::testing::IsOk;

auto Malformed() {
  return HasError(absl::StatusCode::kInvalidArgument, "NAME_MALFORMED");
}

TEST(NamesTest, ParsesFundNames) {
  auto fund = ParseFundName("name", "funds/ban-nong-khu");
  ASSERT_THAT(fund, IsOk());
  EXPECT_EQ(*fund, "ban-nong-khu");
}

TEST(NamesTest, RefusesMalformedFundNames) {
  for (const char* name :
       {"", "funds", "funds/", "ban-nong-khu", "fund/ban-nong-khu",
        "Funds/ban-nong-khu", "funds/ban-nong-khu/", "/funds/ban-nong-khu",
        "funds/Ban", "funds/ab", "funds/1abc", "funds/abc-", "funds//abc",
        "funds/abc/members/1", "funds/ab c"}) {
    EXPECT_THAT(ParseFundName("parent", name), Malformed()) << name;
  }
}

TEST(NamesTest, ParsesMemberNames) {
  const struct {
    const char* name;
    int32_t number;
  } cases[] = {{"funds/abc/members/1", 1},
               {"funds/ban-nong-khu/members/705", 705},
               {"funds/abc/members/2147483647", INT32_MAX}};
  for (const auto& c : cases) {
    auto member = ParseMemberName("name", c.name);
    ASSERT_THAT(member, IsOk()) << c.name;
    EXPECT_EQ(member->member_number, c.number);
  }
  EXPECT_EQ(ParseMemberName("name", "funds/ban-a/members/3")->fund_id, "ban-a");
}

TEST(NamesTest, RefusesMalformedMemberNames) {
  for (const char* name :
       {"funds/abc/members/0", "funds/abc/members/007", "funds/abc/members/",
        "funds/abc/members/-1", "funds/abc/members/+1", "funds/abc/members/1a",
        "funds/abc/members/1.0", "funds/abc/members/ 1",
        "funds/abc/members/2147483648",
        "funds/abc/members/99999999999999999999", "funds/abc/members/1/x",
        "funds/abc/member/1", "funds/abc/entries/1", "funds/ABC/members/1",
        "funds/abc/members", "funds/abc-/members/1"}) {
    EXPECT_THAT(ParseMemberName("name", name), Malformed()) << name;
  }
}

TEST(NamesTest, ParsesEntryNamesUpToTheLargestSequence) {
  const struct {
    const char* name;
    uint64_t sequence;
  } cases[] = {{"funds/abc/entries/1", 1},
               {"funds/abc/entries/4294967296", uint64_t{1} << 32},
               {"funds/abc/entries/18446744073709551615", UINT64_MAX}};
  for (const auto& c : cases) {
    auto entry = ParseEntryName("name", c.name);
    ASSERT_THAT(entry, IsOk()) << c.name;
    EXPECT_EQ(entry->sequence, c.sequence);
    EXPECT_EQ(entry->fund_id, "abc");
  }
}

TEST(NamesTest, RefusesMalformedEntryNames) {
  for (const char* name :
       {"funds/abc/entries/0", "funds/abc/entries/01",
        "funds/abc/entries/18446744073709551616",
        "funds/abc/entries/100000000000000000000", "funds/abc/entries/-5",
        "funds/abc/entries/1/2", "funds/abc/entries/x", "funds/abc/entries/",
        "funds/abc/members/1"}) {
    EXPECT_THAT(ParseEntryName("name", name), Malformed()) << name;
  }
}

TEST(NamesTest, FormattedNamesParseBack) {
  auto member = ParseMemberName("n", MemberResourceName("ban-a", 42));
  ASSERT_THAT(member, IsOk());
  EXPECT_EQ(member->fund_id, "ban-a");
  EXPECT_EQ(member->member_number, 42);
  auto entry = ParseEntryName("n", EntryResourceName("ban-a", 9000000000));
  ASSERT_THAT(entry, IsOk());
  EXPECT_EQ(entry->sequence, 9000000000u);
  EXPECT_THAT(ParseFundName("n", FundName("ban-a")), HoldsValue("ban-a"));
  EXPECT_EQ(AccountName("ban-a", 1101), "funds/ban-a/accounts/1101");
  EXPECT_EQ(AccountCodeText(101), "0101");
}

TEST(NamesTest, ErrorNamesTheFieldAndThePattern) {
  absl::Status status =
      ParseMemberName("member.name", "funds/abc/members/007").status();
  EXPECT_THAT(std::string(status.message()),
              ::testing::AllOf(::testing::StartsWith("member.name: "),
                               ::testing::HasSubstr("{member_number}")));
}

}  // namespace
}  // namespace welfare::domain
