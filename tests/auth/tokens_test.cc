#include "services/auth/tokens.h"

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"

namespace welfare::auth {
namespace {

TEST(TokensTest, NewTokenParsesBackToItsParts) {
  NewTokenResult token = NewToken();
  EXPECT_EQ(token.text.size(), 4 + 16 + 1 + 64);
  std::optional<TokenParts> parts = ParseToken(token.text);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->key_id, token.parts.key_id);
  EXPECT_EQ(parts->secret, token.parts.secret);
  EXPECT_EQ(parts->secret.size(), kSecretBytes);
}

TEST(TokensTest, TokensAreDistinct) {
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(seen.insert(NewToken().text).second);
  }
}

TEST(TokensTest, MalformedTokensDoNotParse) {
  const std::string good = NewToken().text;
  EXPECT_FALSE(ParseToken("").has_value());
  EXPECT_FALSE(ParseToken(good.substr(1)).has_value());
  EXPECT_FALSE(ParseToken(good + "0").has_value());
  EXPECT_FALSE(ParseToken(good.substr(0, good.size() - 1)).has_value());
  std::string upper = good;
  upper[10] = 'A';
  EXPECT_FALSE(ParseToken(upper).has_value());
  std::string no_separator = good;
  no_separator[20] = '0';
  EXPECT_FALSE(ParseToken(no_separator).has_value());
  EXPECT_FALSE(ParseToken("xyz_" + good.substr(4)).has_value());
}

TEST(TokensTest, SecretMatchesOnlyItsHash) {
  const std::string secret(kSecretBytes, 'a');
  const std::string hash = SecretHash(secret);
  EXPECT_EQ(hash.size(), 32u);
  EXPECT_TRUE(SecretMatches(secret, hash));
  std::string other = secret;
  other.back() = 'b';
  EXPECT_FALSE(SecretMatches(other, hash));
  EXPECT_FALSE(SecretMatches(secret, hash.substr(1)));
  EXPECT_FALSE(SecretMatches(secret, ""));
}

TEST(TokensTest, BearerTokenReadsTheSchemeCaseInsensitively) {
  EXPECT_EQ(BearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerToken("bearer  abc "), "abc");
  EXPECT_EQ(BearerToken("Basic abc"), "");
  EXPECT_EQ(BearerToken("Bearer"), "");
  EXPECT_EQ(BearerToken("abc"), "");
}

}  // namespace
}  // namespace welfare::auth
