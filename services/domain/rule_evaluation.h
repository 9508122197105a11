// What a fund's rulebook says of one benefit event, item by item: the pure
// rules, with no storage, so that every limit can be tested at, below and
// above its boundary. The claim service gathers the facts from the journal
// and stores the evaluation with the claim.
#ifndef WELFARE_SERVICES_DOMAIN_RULE_EVALUATION_H_
#define WELFARE_SERVICES_DOMAIN_RULE_EVALUATION_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/types/span.h"
#include "storage/tallies.h"
#include "welfare/ledger/v1/rules.pb.h"

namespace welfare::domain {

// A benefit paid before the event, as the journal has it.
struct PastBenefit {
  int32_t day = 0;
  int64_t amount_satang = 0;
  int32_t nights = 0;
  // Reversed payments count for nothing.
  bool reversed = false;
};

// The facts of one event of one member.
struct BenefitFacts {
  int32_t event_day = 0;
  int32_t join_day = 0;
  // welfare.ledger.v1.MemberStatus on the event day.
  int32_t status = 0;
  // Months whose dues are unpaid, and paid, from the join month to the
  // event's.
  int32_t unpaid_months = 0;
  int32_t paid_months = 0;
  // From the member's profile: the birth date's day, if it has one, and
  // welfare.ledger.v1.Sex (zero if not recorded).
  std::optional<int32_t> birth_day;
  int32_t sex = 0;
  // Nights asked for (per-night benefits).
  int32_t nights = 0;
  // Earlier payments of the same benefit to the member, any year.
  std::vector<PastBenefit> past;
  // The fund's fiscal year that contains event_day.
  storage::DayRange fiscal_year;
};

// Evaluates rule for the event: membership, age, sex, waiting period, dues,
// once only, claims, nights and baht of the fiscal year, tiers. Every item is
// listed, passed or not; allowed_satang is what may be paid.
welfare::ledger::v1::BenefitEvaluation EvaluateBenefit(
    const welfare::ledger::v1::BenefitRule& rule, const BenefitFacts& facts);

// Full years from from_day to day (zero if day is earlier): years of
// membership from the join date, age from the birth date. Someone who
// joined (or was born) on 29 February completes a year on 1 March.
int32_t FullYears(int32_t from_day, int32_t day);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_RULE_EVALUATION_H_
