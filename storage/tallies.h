// Reads of the tallies column family (keys.h, totals.h) from a snapshot:
// account movements by month and day, and the report totals kept per day.
// Each read costs a seek per group (account, member, round) and one step
// per day or month with totals in the range, never a scan of the journal.
#ifndef WELFARE_STORAGE_TALLIES_H_
#define WELFARE_STORAGE_TALLIES_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/keys.h"
#include "storage/store.h"

namespace welfare::storage {

// Days first..last, both included.
struct DayRange {
  int32_t first = 0;
  int32_t last = 0;
};

// What BenefitPeopleWithCumulative counts.
struct BenefitPeopleCount {
  int64_t in_range = 0;
  int64_t to_date = 0;
};

// What Benefits counts.
struct BenefitFigures {
  // Members whose net benefit in the range is positive.
  int64_t people = 0;
  // Members with any benefit or reversal of one in the range, whatever its
  // net: everyone a figure of the range is derived from.
  int64_t involved = 0;
  // The net benefit paid to members in the range.
  int64_t satang = 0;
};

// Reads one fund's totals from a snapshot, with one RocksDB iterator per
// column family reused for every read. Not thread-safe; the view must
// outlive the reader.
class TotalsReader {
 public:
  explicit TotalsReader(const ReadView* view);

  // Debits minus credits of one account over the entries effective after
  // `day`: the balance as of `day` is the all-time balance (B-key) minus it.
  // Reads the month totals (O) after day's month and the day totals (D) of
  // the rest of day's month.
  absl::StatusOr<int64_t> MovementAfter(absl::string_view fund_id,
                                        uint32_t code, int32_t day);
  // Debits minus credits of one account over the entries effective on or
  // before `day`: the month totals before day's month and the day totals of
  // its days up to day. Cheaper than MovementAfter for early days.
  absl::StatusOr<int64_t> MovementThrough(absl::string_view fund_id,
                                          uint32_t code, int32_t day);

  // Net money into cash and bank accounts in the range (kNet), or only the
  // money received (kReceipts, less what reversals took back), by the
  // account on the other side of the entries (positive: received from it).
  // Accounts with none in the range are absent. Whole months are read from
  // month totals, the rest from day totals.
  absl::StatusOr<std::map<uint32_t, int64_t>> CashFlows(
      absl::string_view fund_id, DayRange range,
      keys::CashFlowKind kind = keys::CashFlowKind::kNet);

  // Net government match in the range by matching round ("" for money posted
  // to the government match account without a round).
  absl::StatusOr<std::map<std::string, int64_t>> MatchingRounds(
      absl::string_view fund_id, DayRange range);

  // Net benefit paid above the rules by committee overrides in the range,
  // by category (1..16); categories with none are absent.
  absl::StatusOr<std::map<uint8_t, int64_t>> OverridesByCategory(
      absl::string_view fund_id, DayRange range);

  // The benefits of the category (1..16) paid to members in the range, net
  // of reversals, and the people behind them. Reads one total per member and
  // day with benefits in the range.
  absl::StatusOr<BenefitFigures> Benefits(absl::string_view fund_id,
                                          uint8_t category, DayRange range);

  // The people of the category in the range and from the beginning to its
  // last day, in one pass over every benefit of the category up to then.
  absl::StatusOr<BenefitPeopleCount> BenefitPeopleWithCumulative(
      absl::string_view fund_id, uint8_t category, DayRange range);

  // Members by (MemberCategory, MemberStatus) on `day`: the sums of every
  // member tally up to it. A member who joined later is in none.
  absl::StatusOr<std::map<std::pair<int32_t, int32_t>, int64_t>>
  MembersByCategoryAndStatus(absl::string_view fund_id, int32_t day);

 private:
  PrefixIterator& Views(absl::string_view prefix);
  PrefixIterator& Tallies(absl::string_view prefix);

  PrefixIterator views_;
  PrefixIterator tallies_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_TALLIES_H_
