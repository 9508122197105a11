// The key layout (storage/keys.h): keys sort in the order the engine relies
// on, funds never share a key range, and fixed-width values round-trip.
#include "storage/keys.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace welfare::storage::keys {
namespace {

// Encodes each value, sorts the encodings as bytes, and returns the values
// in that order.
template <typename T, typename Encode>
std::vector<T> SortedByEncoding(std::vector<T> values, Encode encode) {
  std::vector<std::pair<std::string, T>> encoded;
  for (T value : values) encoded.emplace_back(encode(value), value);
  std::shuffle(encoded.begin(), encoded.end(), std::mt19937(7));
  std::sort(encoded.begin(), encoded.end());
  std::vector<T> order;
  for (const auto& [bytes, value] : encoded) order.push_back(value);
  return order;
}

TEST(KeysTest, DayEncodingSortsNegativeAndPositiveDaysInDateOrder) {
  const std::vector<int32_t> days = {INT32_MIN, -7305, -366,    -1,       0, 1,
                                     19000,     20619, 2932896, INT32_MAX};
  EXPECT_EQ(SortedByEncoding(days,
                             [](int32_t day) {
                               std::string out;
                               AppendDay(&out, day);
                               return out;
                             }),
            days);
  // And through whole D-keys of one account.
  EXPECT_EQ(SortedByEncoding(
                days, [](int32_t day) { return Day("ban-a", 1101, day); }),
            days);
}

TEST(KeysTest, DayEncodingRoundTrips) {
  for (int32_t day : {INT32_MIN, -1, 0, 1, 20619, INT32_MAX}) {
    std::string out;
    AppendDay(&out, day);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(ReadDay(out), day);
  }
}

TEST(KeysTest, SequencesSortNumerically) {
  const std::vector<uint64_t> sequences = {1,
                                           2,
                                           9,
                                           10,
                                           255,
                                           256,
                                           65535,
                                           65536,
                                           uint64_t{1} << 32,
                                           (uint64_t{1} << 63) - 1,
                                           uint64_t{1} << 63,
                                           UINT64_MAX};
  EXPECT_EQ(
      SortedByEncoding(sequences, [](uint64_t s) { return Entry("ban-a", s); }),
      sequences);
  EXPECT_EQ(
      SortedByEncoding(sequences,
                       [](uint64_t s) { return IndexByDay("ban-a", 5, s); }),
      sequences);
  for (uint64_t sequence : sequences) {
    EXPECT_EQ(TrailingSequence(Entry("ban-a", sequence)), sequence);
    EXPECT_EQ(TrailingSequence(ReversedBy("ban-a", sequence)), sequence);
    EXPECT_EQ(TrailingSequence(IndexByKind("ban-a", 9, sequence)), sequence);
    EXPECT_EQ(TrailingSequence(IndexByMember("ban-a", 42, sequence)), sequence);
  }
}

TEST(KeysTest, AccountCodesAndMemberNumbersSortNumerically) {
  const std::vector<uint32_t> codes = {1101, 1111, 1201, 2101, 5101, 5399};
  EXPECT_EQ(
      SortedByEncoding(codes, [](uint32_t c) { return Account("ban-a", c); }),
      codes);
  const std::vector<int32_t> members = {1, 2, 255, 256, 65536, INT32_MAX};
  EXPECT_EQ(
      SortedByEncoding(members, [](int32_t m) { return Member("ban-a", m); }),
      members);
}

// Every key of fund `other`, of each kind that has a per-fund prefix.
std::vector<std::string> KeysOf(const std::string& fund) {
  return {Entry(fund, 1),
          Fund(fund),
          Account(fund, 1101),
          Balance(fund, 1101),
          Day(fund, 1101, 20000),
          Member(fund, 1),
          Request(fund, "req-1"),
          ReversedBy(fund, 1),
          IndexByDay(fund, 1, 1),
          IndexByKind(fund, 7, 1),
          IndexByMember(fund, 1, 1),
          Profile(fund, 1),
          NationalId(fund, std::string(32, 'h'))};
}

// The prefixes under which the engine scans one fund.
std::vector<std::string> PrefixesOf(const std::string& fund) {
  return {EntryPrefix(fund),          Fund(fund),
          AccountPrefix(fund),        DayPrefix(fund, 1101),
          MemberPrefix(fund),         IndexByDayPrefix(fund),
          IndexByKindPrefix(fund, 7), IndexByMemberPrefix(fund, 1)};
}

TEST(KeysTest, FundIdsThatPrefixEachOtherDoNotShareKeyRanges) {
  const std::pair<std::string, std::string> pairs[] = {
      {"abc", "abc-d"}, {"abc", "abcd"}, {"abc-d", "abc"}, {"abc0", "abc"}};
  for (const auto& [fund, other] : pairs) {
    for (const std::string& prefix : PrefixesOf(fund)) {
      const std::string end = PrefixEnd(prefix);
      for (const std::string& key : KeysOf(other)) {
        EXPECT_FALSE(key >= prefix && key < end)
            << "a key of fund " << other << " falls under a prefix of " << fund;
      }
    }
  }
}

TEST(KeysTest, MemberIndexPrefixOfOneMemberExcludesOthers) {
  const std::string prefix = IndexByMemberPrefix("ban-a", 1);
  for (int32_t member : {0, 2, 256, 257, 65537}) {
    EXPECT_FALSE(absl::StartsWith(IndexByMember("ban-a", member, 1), prefix))
        << member;
  }
  EXPECT_TRUE(absl::StartsWith(IndexByMember("ban-a", 1, 99), prefix));
}

TEST(KeysTest, PrefixEndIsTheSmallestKeyAfterThePrefix) {
  const struct {
    std::string prefix;
    std::string end;
  } cases[] = {
      {"a", "b"},       {std::string("ab\0", 3), std::string("ab\x01", 3)},
      {"a\xff", "b"},   {"a\xff\xff", "b"},
      {"\xff\xff", ""},  // No upper bound.
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(PrefixEnd(c.prefix), c.end) << c.prefix;
  }
}

TEST(KeysTest, PrefixEndBoundsEveryKeyWithThePrefix) {
  std::mt19937 random(11);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 500; ++i) {
    std::string prefix, key;
    for (int n = i % 4; n > 0; --n) prefix.push_back(char(byte(random) | 0xf0));
    key = prefix;
    for (int n = i % 5; n > 0; --n) key.push_back(char(byte(random)));
    const std::string end = PrefixEnd(prefix);
    EXPECT_GE(key, prefix);
    if (!end.empty()) {
      EXPECT_LT(key, end);
      EXPECT_FALSE(absl::StartsWith(end, prefix));
    }
  }
}

TEST(KeysTest, Fixed64RoundTripsEveryValue) {
  for (int64_t value :
       {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{100'000'000'000},
        int64_t{-5}, INT64_MIN, INT64_MAX}) {
    const std::string encoded = EncodeFixed64(value);
    ASSERT_EQ(encoded.size(), 8u);
    int64_t decoded = 0;
    ASSERT_TRUE(DecodeFixed64(encoded, &decoded));
    EXPECT_EQ(decoded, value);
  }
}

TEST(KeysTest, Fixed64IsLittleEndian) {
  EXPECT_EQ(EncodeFixed64(0x0102030405060708),
            std::string("\x08\x07\x06\x05\x04\x03\x02\x01", 8));
}

TEST(KeysTest, DecodeFixed64RejectsOtherLengths) {
  int64_t value = 77;
  EXPECT_FALSE(DecodeFixed64("", &value));
  EXPECT_FALSE(DecodeFixed64(std::string(7, '\0'), &value));
  EXPECT_FALSE(DecodeFixed64(std::string(9, '\0'), &value));
  EXPECT_EQ(value, 77);
}

TEST(KeysTest, BigEndianIntegersRoundTrip) {
  for (uint64_t value :
       {uint64_t{0}, uint64_t{1}, uint64_t{0x0102030405060708}, UINT64_MAX}) {
    std::string out;
    AppendBigEndian64(&out, value);
    ASSERT_EQ(out.size(), 8u);
    EXPECT_EQ(ReadBigEndian64(out), value);
  }
  for (uint32_t value : {0u, 1u, 0x01020304u, UINT32_MAX}) {
    std::string out;
    AppendBigEndian32(&out, value);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(ReadBigEndian32(out), value);
  }
  std::string out;
  AppendBigEndian16(&out, 0x0102);
  EXPECT_EQ(out, "\x01\x02");
}

}  // namespace
}  // namespace welfare::storage::keys
