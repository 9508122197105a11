// Claims (คำขอรับสวัสดิการ): what a claim's evaluation is built from, and
// the API form of a claim. The writes are in claim_writes.cc, the reads in
// claims.cc; proto/welfare/ledger/v1/claims.proto states the rules.
#ifndef WELFARE_SERVICES_DOMAIN_CLAIMS_H_
#define WELFARE_SERVICES_DOMAIN_CLAIMS_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"
#include "services/domain/rule_evaluation.h"
#include "welfare/ledger/v1/claims.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// The facts of one event of a member under a rule: status on the event
// day, months unpaid and paid from the join month to the event's month
// (both counted), the birth date and sex from the profile (none if it was
// erased), and the benefits of the rule's category (and sub-type, if the
// rule has one) paid to the member and not reversed.
BenefitFacts FactsFor(
    const welfare::storage::v1::MemberView& member,
    const std::optional<welfare::storage::v1::ProfileRecord>& profile,
    const welfare::storage::v1::BenefitRuleRecord& rule, int32_t event_day,
    int32_t nights, int32_t fiscal_start_month);

// What the benefit paid for a claim adds to the member's history.
welfare::storage::v1::BenefitPaidRecord BenefitPaidOf(
    const welfare::storage::v1::EntryRecord& disbursement, uint64_t sequence);

// The claim as the API shows it; details is nullopt once erased (or if the
// claim had none).
welfare::ledger::v1::Claim ClaimToApi(
    absl::string_view fund_id, const welfare::storage::v1::ClaimView& claim,
    const std::optional<welfare::storage::v1::ClaimDetailsRecord>& details);

// SHA-256(salt || the details serialized deterministically without the
// salt): what the claim's entry records of its details.
std::string ClaimDetailsHash(
    const welfare::storage::v1::ClaimDetailsRecord& details);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_CLAIMS_H_
