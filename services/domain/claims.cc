// Claims: the facts a claim's evaluation is built from, the API form of a
// claim, and the reads.
#include "services/domain/claims.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "services/domain/dates.h"
#include "services/domain/ledger.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"
#include "services/domain/page_token.h"
#include "services/domain/report_period.h"
#include "services/domain/rulebooks.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/store.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
namespace keys = storage::keys;
namespace record = welfare::storage::v1;

void SetTime(int64_t micros, google::protobuf::Timestamp* time) {
  time->set_seconds(micros / 1000000);
  time->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);
}

absl::StatusOr<std::optional<record::ClaimDetailsRecord>> ReadDetails(
    storage::ReadView& view, absl::string_view fund_id,
    const record::ClaimView& claim) {
  return ReadRecord<record::ClaimDetailsRecord>(
      view, Column::kProfiles,
      keys::ClaimDetails(fund_id, claim.member_number(), claim.sequence()));
}

}  // namespace

BenefitFacts FactsFor(const record::MemberView& member,
                      const std::optional<record::ProfileRecord>& profile,
                      const record::BenefitRuleRecord& rule, int32_t event_day,
                      int32_t nights, int32_t fiscal_start_month) {
  BenefitFacts facts;
  facts.event_day = event_day;
  facts.join_day = member.join_day();
  facts.status = StatusOn(member, event_day);
  for (int32_t month = storage::MonthIndexOfDay(member.join_day());
       month <= storage::MonthIndexOfDay(event_day); ++month) {
    ++(IsMonthPaid(member, month) ? facts.paid_months : facts.unpaid_months);
  }
  if (profile.has_value()) {
    if (profile->has_birth_day()) facts.birth_day = profile->birth_day();
    facts.sex = profile->sex();
  }
  facts.nights = nights;
  for (const auto& paid : member.benefits_paid()) {
    if (paid.category() != rule.category()) continue;
    if (!rule.sub_type().empty() && paid.sub_type() != rule.sub_type()) {
      continue;
    }
    PastBenefit past;
    past.day = paid.day();
    past.amount_satang = paid.amount_satang();
    past.nights = paid.nights();
    facts.past.push_back(past);
  }
  facts.fiscal_year = FiscalYearDays(
      FiscalYearOf(event_day, fiscal_start_month), fiscal_start_month);
  return facts;
}

record::BenefitPaidRecord BenefitPaidOf(const record::EntryRecord& disbursement,
                                        uint64_t sequence) {
  const record::DisbursementBody& body = disbursement.disbursement();
  record::BenefitPaidRecord paid;
  paid.set_sequence(sequence);
  paid.set_category(body.benefit_category());
  paid.set_sub_type(body.sub_type());
  paid.set_day(body.claim_sequence() != 0 ? body.event_day()
                                          : disbursement.effective_day());
  for (const auto& posting : disbursement.postings()) {
    if (posting.debit_minus_credit_satang() > 0) {
      paid.set_amount_satang(paid.amount_satang() +
                             posting.debit_minus_credit_satang());
    }
  }
  paid.set_nights(body.quantity());
  return paid;
}

std::string ClaimDetailsHash(const record::ClaimDetailsRecord& details) {
  record::ClaimDetailsRecord unsalted = details;
  unsalted.clear_salt();
  return SaltedHash(details.salt(), unsalted);
}

v1::Claim ClaimToApi(absl::string_view fund_id, const record::ClaimView& claim,
                     const std::optional<record::ClaimDetailsRecord>& details) {
  const record::ClaimSubmittedBody& submitted = claim.submitted();
  v1::Claim out;
  out.set_name(ClaimResourceName(fund_id, claim.sequence()));
  out.set_member_number(claim.member_number());
  out.set_category(static_cast<v1::BenefitCategory>(submitted.category()));
  out.set_sub_type(submitted.sub_type());
  *out.mutable_event_date() = DateOf(submitted.event_day());
  out.set_nights(submitted.nights());
  out.set_payee(static_cast<v1::Payee>(submitted.payee()));
  if (details.has_value()) {
    v1::ClaimDetails* shown = out.mutable_details();
    shown->set_description(details->description());
    *shown->mutable_documents() = details->documents();
    shown->set_proxy_name(details->proxy_name());
  } else if (!submitted.details_hash().empty()) {
    out.set_details_erased(true);
  }
  if (claim.steps_size() > 0) {
    *out.mutable_submit_date() = DateOf(claim.steps(0).day());
  }
  out.set_number(claim.sequence());
  out.set_state(static_cast<v1::ClaimState>(claim.state()));
  out.set_rulebook(
      RulebookResourceName(fund_id, submitted.rulebook_sequence()));
  *out.mutable_evaluation() =
      Rewire<v1::BenefitEvaluation>(submitted.evaluation());
  for (const auto& step : claim.steps()) {
    v1::ClaimStep* shown = out.add_steps();
    shown->set_state(static_cast<v1::ClaimState>(step.state()));
    shown->set_sequence(step.sequence());
    *shown->mutable_date() = DateOf(step.day());
    shown->set_principal(step.principal());
    SetTime(step.time_micros(), shown->mutable_time());
    shown->set_note(step.note());
    shown->set_resolution(step.resolution());
  }
  out.set_payment_sequence(claim.payment_sequence());
  out.set_paid_satang(claim.paid_satang());
  out.set_override_resolution(claim.override_resolution());
  return out;
}

absl::StatusOr<v1::Claim> Ledger::GetClaim(
    const v1::GetClaimRequest& request) const {
  ASSIGN_OR_RETURN(EntryName name, ParseClaimName("name", request.name()));
  storage::ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, name.fund_id).status());
  ASSIGN_OR_RETURN(auto claim, ReadRecord<record::ClaimView>(
                                   view, Column::kViews,
                                   keys::Claim(name.fund_id, name.sequence)));
  if (!claim.has_value()) return ClaimNotFound(name.fund_id, name.sequence);
  ASSIGN_OR_RETURN(auto details, ReadDetails(view, name.fund_id, *claim));
  return ClaimToApi(name.fund_id, *claim, details);
}

absl::StatusOr<v1::ListClaimsResponse> Ledger::ListClaims(
    const v1::ListClaimsRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  if (!v1::ClaimState_IsValid(request.state())) {
    return InvalidField("FIELD_INVALID", "state",
                        "want SUBMITTED, CERTIFIED, APPROVED, REJECTED, PAID "
                        "or UNSPECIFIED (any)");
  }
  if (request.member_number() < 0) {
    return InvalidField("FIELD_INVALID", "member_number",
                        "want a member number, or 0 for any");
  }
  const std::string filters =
      absl::StrCat(fund_id, "/", request.state(), "/", request.member_number());
  ASSIGN_OR_RETURN(std::string after,
                   page_tokens_->Decode(request.page_token(), 'c', filters));
  storage::ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  v1::ListClaimsResponse response;
  storage::PrefixIterator claims =
      view.Scan(Column::kViews, keys::ClaimPrefix(fund_id));
  for (claims.Seek(after); claims.Valid(); claims.Next()) {
    if (claims.suffix() == after) continue;
    record::ClaimView claim;
    if (!claim.ParseFromArray(claims.value().data(),
                              static_cast<int>(claims.value().size()))) {
      return CorruptRecord("ClaimView", claims.key());
    }
    if ((request.state() != v1::CLAIM_STATE_UNSPECIFIED &&
         claim.state() != request.state()) ||
        (request.member_number() != 0 &&
         claim.member_number() != request.member_number())) {
      continue;
    }
    if (response.claims_size() == page_size) {
      response.set_next_page_token(page_tokens_->Encode('c', filters, after));
      break;
    }
    after = std::string(claims.suffix());
    ASSIGN_OR_RETURN(auto details, ReadDetails(view, fund_id, claim));
    *response.add_claims() = ClaimToApi(fund_id, claim, details);
  }
  RETURN_IF_ERROR(claims.status());
  return response;
}

}  // namespace welfare::domain
