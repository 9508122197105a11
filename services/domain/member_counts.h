// Counts of a fund's members on a date, by type and status, from the member
// tallies (storage/tallies.h): no member view or personal data is read.
#ifndef WELFARE_SERVICES_DOMAIN_MEMBER_COUNTS_H_
#define WELFARE_SERVICES_DOMAIN_MEMBER_COUNTS_H_

#include <cstdint>
#include <map>
#include <utility>

#include "absl/status/statusor.h"
#include "storage/tallies.h"

namespace welfare::domain {

struct MemberCounts {
  // Joined on or before the fund's founding day.
  int64_t founding = 0;
  // Joined on or before the day.
  int64_t joined = 0;
  // (MemberCategory, MemberStatus on the day) -> members, for those joined.
  std::map<std::pair<int32_t, int32_t>, int64_t> by_category_and_status;
  // MemberCategory -> members: those of founding, and those of joined.
  std::map<int32_t, int64_t> founding_by_category;
  std::map<int32_t, int64_t> joined_by_category;
};

absl::StatusOr<MemberCounts> CountMembers(storage::TotalsReader& totals,
                                          absl::string_view fund_id,
                                          int32_t founding_day, int32_t day);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_MEMBER_COUNTS_H_
