// The conversions of stored records to API messages (records.h) on records
// the server never writes but a damaged or altered database might hold.
#include "services/domain/records.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace welfare::domain {
namespace {

// Found by fuzz/stored_entry_fuzzer.cc: the amount of a credit was its
// negation, undefined for INT64_MIN. It reads as the largest amount.
TEST(RecordsTest, ACreditOfTheSmallestInt64ReadsAsTheLargestAmount) {
  storage::StoredEntry entry;
  entry.record.set_fund_id("ban-a");
  entry.record.set_sequence(2);
  auto* posting = entry.record.add_postings();
  posting->set_account_code(1101);
  posting->set_debit_minus_credit_satang(std::numeric_limits<int64_t>::min());
  const v1::Entry api = EntryToApi(entry, /*reversed_by_sequence=*/0);
  ASSERT_EQ(api.postings_size(), 1);
  EXPECT_EQ(api.postings(0).side(), v1::CREDIT);
  EXPECT_EQ(api.postings(0).amount_satang(),
            std::numeric_limits<int64_t>::max());
}

}  // namespace
}  // namespace welfare::domain
