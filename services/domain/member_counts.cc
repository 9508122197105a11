#include "services/domain/member_counts.h"

#include "storage/status_macros.h"
#include "storage/tallies.h"

namespace welfare::domain {

absl::StatusOr<MemberCounts> CountMembers(storage::TotalsReader& totals,
                                          absl::string_view fund_id,
                                          int32_t founding_day, int32_t day) {
  MemberCounts counts;
  ASSIGN_OR_RETURN(counts.by_category_and_status,
                   totals.MembersByCategoryAndStatus(fund_id, day));
  for (const auto& [cell, members] : counts.by_category_and_status) {
    counts.joined += members;
    counts.joined_by_category[cell.first] += members;
  }
  ASSIGN_OR_RETURN(auto at_founding,
                   totals.MembersByCategoryAndStatus(fund_id, founding_day));
  for (const auto& [cell, members] : at_founding) {
    counts.founding += members;
    counts.founding_by_category[cell.first] += members;
  }
  return counts;
}

}  // namespace welfare::domain
