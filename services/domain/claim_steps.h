// What the claim writes share (claim_writes.cc, claim_payment.cc): the
// claim's view, its steps and their order, and the rules' evaluation of a
// claim against the member's history. Used on the committer only.
#ifndef WELFARE_SERVICES_DOMAIN_CLAIM_STEPS_H_
#define WELFARE_SERVICES_DOMAIN_CLAIM_STEPS_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storage/append_context.h"
#include "welfare/ledger/v1/claims.pb.h"
#include "welfare/ledger/v1/rules.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// The claim; NOT_FOUND CLAIM_NOT_FOUND (or FUND_NOT_FOUND).
absl::StatusOr<welfare::storage::v1::ClaimView> ReadClaim(
    storage::AppendContext& context, uint64_t number);
void PutClaim(storage::AppendContext& context,
              const welfare::storage::v1::ClaimView& claim);

// FAILED_PRECONDITION CLAIM_STATE_INVALID unless the claim is in one of
// the states (step names the step in the message); INVALID_ARGUMENT
// DATE_INVALID if day is before its last step.
absl::Status CheckStep(
    const welfare::storage::v1::ClaimView& claim, absl::string_view step,
    std::initializer_list<welfare::ledger::v1::ClaimState> from, int32_t day);

// Moves the claim to state, recording the step.
void AddStep(welfare::storage::v1::ClaimView& claim,
             welfare::ledger::v1::ClaimState state, uint64_t sequence,
             int32_t day, const std::string& principal, int64_t now_micros,
             const std::string& note, const std::string& resolution);

// The rule a claim is evaluated under, and its evaluation against the
// member's history now.
struct Evaluated {
  welfare::storage::v1::BenefitRuleRecord rule;
  welfare::ledger::v1::BenefitEvaluation evaluation;
};

// FAILED_PRECONDITION BENEFIT_NOT_IN_RULEBOOK if the rulebook has no rule
// for the benefit.
absl::StatusOr<Evaluated> Evaluate(
    storage::AppendContext& context,
    const welfare::storage::v1::MemberView& member,
    const welfare::storage::v1::RulebookVersion& rulebook, int32_t category,
    const std::string& sub_type, int32_t event_day, int32_t nights);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_CLAIM_STEPS_H_
