// The auditor's check of rulebooks and claims (proto/welfare/ledger/v1/
// claims.proto): rulebooks in date order; every claim step allowed by its
// claim's state (SUBMITTED -> CERTIFIED -> APPROVED -> PAID, REJECTED from
// SUBMITTED, CERTIFIED or APPROVED, PAID -> APPROVED by a reversal); from
// the first rulebook's day, benefits paid only for approved claims of the
// same member and benefit (and no transaction posting to a benefit
// account); and no payment above the evaluation its entry
// records without the committee's override. The auditor checks a payment
// against the evaluation the server recorded in it; it does not evaluate
// the rulebook again.
#include <algorithm>
#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/audit/ledger_model.h"
#include "welfare/ledger/v1/claims.pb.h"

namespace welfare::auditor {
namespace {

namespace api = welfare::ledger::v1;
namespace record_v1 = welfare::storage::v1;

// The expense accounts of the 16 CODI benefit categories.
constexpr uint32_t kFirstBenefitAccount = 5101;
constexpr uint32_t kLastBenefitAccount = 5116;

std::string StateName(int32_t state) {
  return api::ClaimState_IsValid(state)
             ? api::ClaimState_Name(static_cast<api::ClaimState>(state))
             : absl::StrCat("state ", state);
}

// The sum of the debits, at most INT64_MAX (an entry whose postings
// overflow is reported by Post; its claim check must still not overflow).
int64_t AmountOf(const EntryRecord& record) {
  int64_t amount = 0;
  for (const auto& posting : record.postings()) {
    if (posting.debit_minus_credit_satang() > 0 &&
        __builtin_add_overflow(amount, posting.debit_minus_credit_satang(),
                               &amount)) {
      return std::numeric_limits<int64_t>::max();
    }
  }
  return amount;
}

}  // namespace

void LedgerModel::ApplyRulebook(const EntryRecord& record, Findings& findings) {
  const int32_t day = record.effective_day();
  if (has_rulebook_ && day < last_rulebook_day_) {
    findings.Add(FindingKind::CLAIM_RULE_BROKEN, record.sequence(),
                 absl::StrCat("adopts a rulebook effective ", DayText(day),
                              ", before the one adopted before it (",
                              DayText(last_rulebook_day_), ")"));
  }
  if (!has_rulebook_) first_rulebook_day_ = day;
  has_rulebook_ = true;
  last_rulebook_day_ = std::max(last_rulebook_day_, day);
}

void LedgerModel::ApplyClaimStep(const EntryRecord& record,
                                 Findings& findings) {
  const uint64_t sequence = record.sequence();
  if (record.kind() == record_v1::ENTRY_KIND_CLAIM_SUBMITTED) {
    FindMember(record.member_number(), sequence, findings);
    if (!has_rulebook_) {
      findings.Add(FindingKind::CLAIM_RULE_BROKEN, sequence,
                   "submits a claim in a fund without a rulebook");
    }
    v1::ClaimModelState& claim = claims_[sequence];
    claim.set_sequence(sequence);
    claim.set_state(api::CLAIM_STATE_SUBMITTED);
    claim.set_member_number(record.member_number());
    claim.set_category(record.claim_submitted().category());
    return;
  }
  const uint64_t number = record.claim_step().claim_sequence();
  auto found = claims_.find(number);
  if (found == claims_.end()) {
    findings.Add(FindingKind::CLAIM_RULE_BROKEN, sequence,
                 absl::StrCat("takes a step of claim ", number,
                              ", which was never submitted"));
    return;
  }
  v1::ClaimModelState& claim = found->second;
  int32_t to = 0;
  bool allowed = false;
  switch (record.kind()) {
    case record_v1::ENTRY_KIND_CLAIM_CERTIFIED:
      to = api::CLAIM_STATE_CERTIFIED;
      allowed = claim.state() == api::CLAIM_STATE_SUBMITTED;
      break;
    case record_v1::ENTRY_KIND_CLAIM_APPROVED:
      to = api::CLAIM_STATE_APPROVED;
      allowed = claim.state() == api::CLAIM_STATE_CERTIFIED;
      break;
    default:
      to = api::CLAIM_STATE_REJECTED;
      allowed = claim.state() == api::CLAIM_STATE_SUBMITTED ||
                claim.state() == api::CLAIM_STATE_CERTIFIED ||
                claim.state() == api::CLAIM_STATE_APPROVED;
      break;
  }
  if (!allowed) {
    findings.Add(FindingKind::CLAIM_RULE_BROKEN, sequence,
                 absl::StrCat("moves claim ", number, " from ",
                              StateName(claim.state()), " to ", StateName(to)));
  }
  if (record.member_number() != claim.member_number()) {
    findings.Add(
        FindingKind::CLAIM_RULE_BROKEN, sequence,
        absl::StrCat("names member ", record.member_number(), "; claim ",
                     number, " is member ", claim.member_number(), "'s"));
  }
  claim.set_state(to);
}

void LedgerModel::CheckBenefitClaim(const EntryRecord& record,
                                    Findings& findings) {
  const uint64_t sequence = record.sequence();
  const record_v1::DisbursementBody& body = record.disbursement();
  const uint64_t number = body.claim_sequence();
  if (number == 0) {
    if (has_rulebook_ && record.effective_day() >= first_rulebook_day_) {
      findings.Add(
          FindingKind::CLAIM_RULE_BROKEN, sequence,
          absl::StrCat("pays a benefit on ", DayText(record.effective_day()),
                       " without a claim; the rulebook is in force "
                       "from ",
                       DayText(first_rulebook_day_)));
    }
    return;
  }
  auto found = claims_.find(number);
  if (found == claims_.end()) {
    findings.Add(
        FindingKind::CLAIM_RULE_BROKEN, sequence,
        absl::StrCat("pays claim ", number, ", which was never submitted"));
    return;
  }
  v1::ClaimModelState& claim = found->second;
  if (claim.state() != api::CLAIM_STATE_APPROVED) {
    findings.Add(FindingKind::CLAIM_RULE_BROKEN, sequence,
                 absl::StrCat("pays claim ", number, ", which is ",
                              StateName(claim.state()), ", not APPROVED"));
  }
  if (record.member_number() != claim.member_number() ||
      body.benefit_category() != claim.category()) {
    findings.Add(
        FindingKind::CLAIM_RULE_BROKEN, sequence,
        absl::StrCat("pays member ", record.member_number(), " benefit ",
                     body.benefit_category(), " for claim ", number,
                     " of member ", claim.member_number(), " benefit ",
                     claim.category()));
  }
  const int64_t amount = AmountOf(record);
  const bool exceeds = !body.evaluation().eligible() ||
                       amount > body.evaluation().allowed_satang();
  const bool overridden =
      !absl::StripAsciiWhitespace(body.override_resolution()).empty();
  if (exceeds && !overridden) {
    findings.Add(
        FindingKind::CLAIM_RULE_BROKEN, sequence,
        absl::StrCat(
            "pays ", Baht(amount), " for claim ", number,
            "; its evaluation allows ",
            Baht(body.evaluation().allowed_satang()),
            body.evaluation().eligible() ? "" : " and finds it not eligible",
            ", and no committee resolution overrides it"));
  }
  if (!exceeds && overridden) {
    findings.Add(
        FindingKind::CLAIM_RULE_BROKEN, sequence,
        absl::StrCat("marks a payment within the rules (", Baht(amount), " of ",
                     Baht(body.evaluation().allowed_satang()),
                     ") as overriding them"));
  }
  claim.set_state(api::CLAIM_STATE_PAID);
  claim.set_payment_sequence(sequence);
  payments_[sequence] = number;
}

void LedgerModel::CheckBenefitTransaction(const EntryRecord& record,
                                          Findings& findings) {
  if (!has_rulebook_ || record.effective_day() < first_rulebook_day_) return;
  for (const auto& posting : record.postings()) {
    if (posting.account_code() >= kFirstBenefitAccount &&
        posting.account_code() <= kLastBenefitAccount) {
      findings.Add(
          FindingKind::CLAIM_RULE_BROKEN, record.sequence(),
          absl::StrCat("posts to benefit account ", posting.account_code(),
                       " in a general transaction; the rulebook is in "
                       "force from ",
                       DayText(first_rulebook_day_),
                       " and benefits are paid for claims"));
      return;
    }
  }
}

void LedgerModel::ReopenPaidClaim(uint64_t payment_sequence) {
  auto payment = payments_.find(payment_sequence);
  if (payment == payments_.end()) return;
  v1::ClaimModelState& claim = claims_[payment->second];
  if (claim.payment_sequence() == payment_sequence) {
    claim.set_state(api::CLAIM_STATE_APPROVED);
    claim.clear_payment_sequence();
  }
  payments_.erase(payment);
}

void LedgerModel::LoadClaims(const v1::FundState& state) {
  has_rulebook_ = state.has_rulebook();
  first_rulebook_day_ = state.first_rulebook_day();
  last_rulebook_day_ = state.last_rulebook_day();
  for (const v1::ClaimModelState& claim : state.claims()) {
    claims_[claim.sequence()] = claim;
    if (claim.payment_sequence() != 0) {
      payments_[claim.payment_sequence()] = claim.sequence();
    }
  }
}

void LedgerModel::SaveClaims(v1::FundState* state) const {
  state->set_has_rulebook(has_rulebook_);
  state->set_first_rulebook_day(first_rulebook_day_);
  state->set_last_rulebook_day(last_rulebook_day_);
  state->clear_claims();
  for (const auto& [number, claim] : claims_) *state->add_claims() = claim;
}

}  // namespace welfare::auditor
