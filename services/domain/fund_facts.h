// What never changes about a fund once it exists (its first fiscal month
// and its founding day), read from its view once and then kept in the
// committer's state of the fund; and the rule that nothing of the fund is
// dated before its founding.
#ifndef WELFARE_SERVICES_DOMAIN_FUND_FACTS_H_
#define WELFARE_SERVICES_DOMAIN_FUND_FACTS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/append_context.h"
#include "storage/fund_state.h"

namespace welfare::domain {

// The fund's facts. Errors: FUND_NOT_FOUND, or those of reading its view.
absl::StatusOr<storage::FundState::Facts> FundFactsOf(
    storage::AppendContext& context);

// The fund's first fiscal month (1..12).
absl::StatusOr<int32_t> FiscalStartMonthOf(storage::AppendContext& context);

// FAILED_PRECONDITION DATE_BEFORE_FOUNDING if day is before the fund's
// founding day; the message names field, the day and the founding date.
// A fund that moves in older books is created with an earlier founding
// date.
absl::Status CheckNotBeforeFounding(storage::AppendContext& context,
                                    absl::string_view field, int32_t day);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_FUND_FACTS_H_
