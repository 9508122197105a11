// Page sizes and page tokens (services/domain/page_token.h).
#include "services/domain/page_token.h"

#include <string>

#include "absl/strings/escaping.h"
#include "tests/domain/holds_value.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::HoldsValue;
using ::welfare::testing::IsOk;

// A fixed key, as a store's token key would be.
const PageTokens& Tokens() {
  static const PageTokens* tokens = new PageTokens(std::string(32, 'k'));
  return *tokens;
}

std::string EncodePageToken(char tag, absl::string_view filters,
                            absl::string_view position) {
  return Tokens().Encode(tag, filters, position);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token, char tag,
                                            absl::string_view filters) {
  return Tokens().Decode(token, tag, filters);
}

auto InvalidToken() {
  return HasError(absl::StatusCode::kInvalidArgument, "PAGE_TOKEN_INVALID");
}

TEST(PageSizeTest, ZeroMeansTheDefaultAndTheRangeIsEnforced) {
  EXPECT_THAT(PageSize(0), HoldsValue(kPageSizeDefault));
  EXPECT_THAT(PageSize(1), HoldsValue(1));
  EXPECT_THAT(PageSize(kPageSizeMax), HoldsValue(kPageSizeMax));
  for (int size : {-1, kPageSizeMax + 1, INT32_MIN, INT32_MAX}) {
    EXPECT_THAT(PageSize(size),
                HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"))
        << size;
  }
}

TEST(PageTokenTest, RoundTripsAnyPosition) {
  for (const std::string& position :
       {std::string("a"), std::string("\0\x01\xff", 3),
        std::string(300, '\x80')}) {
    const std::string token = EncodePageToken('e', "kind=7", position);
    auto decoded = DecodePageToken(token, 'e', "kind=7");
    ASSERT_THAT(decoded, IsOk());
    EXPECT_EQ(*decoded, position);
  }
}

TEST(PageTokenTest, EmptyTokenStartsAtTheBeginning) {
  EXPECT_THAT(DecodePageToken("", 'e', "anything"), HoldsValue(""));
}

TEST(PageTokenTest, TokenIsWebSafe) {
  const std::string token =
      EncodePageToken('m', "", std::string("\xfb\xff\xfe\x3e\x3f", 5));
  for (char c : token) {
    EXPECT_TRUE(absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                c == '-' || c == '_')
        << token;
  }
}

TEST(PageTokenTest, RejectsTokensOfAnotherListing) {
  const std::string token = EncodePageToken('e', "kind=7", "position");
  EXPECT_THAT(DecodePageToken(token, 'd', "kind=7"), InvalidToken());
  EXPECT_THAT(DecodePageToken(token, 'e', "kind=8"), InvalidToken());
  EXPECT_THAT(DecodePageToken(token, 'e', ""), InvalidToken());
}

TEST(PageTokenTest, RejectsTamperedTokens) {
  const std::string token = EncodePageToken('e', "kind=7", "position");
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(token, &raw));
  const auto reencoded = [&](std::string bytes) {
    return absl::WebSafeBase64Escape(bytes);
  };
  std::string other_version = raw;
  other_version[0] = '1';
  std::string other_tag = raw;
  other_tag[1] = 'd';
  std::string other_digest = raw;
  other_digest[5] ^= 0x01;
  const std::string cases[] = {
      "not base64!",
      token.substr(0, 6),            // cut inside the header
      reencoded(raw.substr(0, 10)),  // header only, no position
      reencoded(other_version),
      reencoded(other_tag),
      reencoded(other_digest),
      "AAAAAAAAAAAAAAAA",
      token + "=",  // not the canonical spelling
  };
  for (const std::string& tampered : cases) {
    EXPECT_THAT(DecodePageToken(tampered, 'e', "kind=7"), InvalidToken())
        << tampered;
  }
}

// The defect: a token with one character changed decoded to another
// position (often one past the end: an empty last page). Every single
// character change of a real token is refused now, and so is a token made
// under another database's key.
TEST(PageTokenTest, RefusesEveryOneCharacterChangeAndForeignKeys) {
  const std::string token = EncodePageToken('m', "fund-1", "position-0042");
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  int changes = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    for (char c : alphabet) {
      if (c == token[i]) continue;
      std::string changed = token;
      changed[i] = c;
      ++changes;
      EXPECT_THAT(DecodePageToken(changed, 'm', "fund-1"), InvalidToken())
          << changed;
    }
  }
  EXPECT_GT(changes, 1000);
  const PageTokens other(std::string(32, 'o'));
  EXPECT_THAT(other.Decode(token, 'm', "fund-1"), InvalidToken());
  EXPECT_THAT(Tokens().Decode(other.Encode('m', "fund-1", "position-0042"), 'm',
                              "fund-1"),
              InvalidToken());
}

}  // namespace
}  // namespace welfare::domain
