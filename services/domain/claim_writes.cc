// Ledger writes of claims: submit, certify, approve, reject (payment:
// claim_payment.cc). Each is one entry; the claim's view (L-key) follows
// its state.
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/claim_steps.h"
#include "services/domain/claims.h"
#include "services/domain/dates.h"
#include "services/domain/documents.h"
#include "services/domain/ledger.h"
#include "services/domain/money_items.h"
#include "services/domain/names.h"
#include "services/domain/records.h"
#include "services/domain/rulebooks.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/append_context.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
namespace keys = storage::keys;
namespace record = welfare::storage::v1;

constexpr size_t kSaltBytes = 16;
constexpr int kDocumentsMax = 20;
constexpr int kNightsMax = 366;

absl::Status CheckDetails(const v1::ClaimDetails& details) {
  RETURN_IF_ERROR(CheckText("claim.details.description", details.description(),
                            500, false, TextKind::kMultiLine));
  if (details.documents_size() > kDocumentsMax) {
    return InvalidField(
        "FIELD_INVALID", "claim.details.documents",
        absl::StrCat(details.documents_size(), " documents, want at most ",
                     kDocumentsMax));
  }
  for (int i = 0; i < details.documents_size(); ++i) {
    RETURN_IF_ERROR(CheckText(absl::StrCat("claim.details.documents[", i, "]"),
                              details.documents(i), 100, true));
  }
  return CheckText("claim.details.proxy_name", details.proxy_name(), 200,
                   false);
}

absl::Status CheckClaim(const v1::Claim& claim, int32_t today,
                        int32_t* event_day, int32_t* submit_day) {
  if (claim.member_number() <= 0) {
    return InvalidField("FIELD_REQUIRED", "claim.member_number",
                        "want the member the claim is for");
  }
  if (claim.category() == v1::BENEFIT_CATEGORY_UNSPECIFIED ||
      !v1::BenefitCategory_IsValid(claim.category())) {
    return InvalidField("FIELD_REQUIRED", "claim.category",
                        "want one of the 16 CODI benefit categories");
  }
  RETURN_IF_ERROR(CheckText("claim.sub_type", claim.sub_type(), 100, false));
  if (IsUnset(claim.event_date())) {
    return InvalidField("FIELD_REQUIRED", "claim.event_date",
                        "want the date of the birth, admission, death ...");
  }
  ASSIGN_OR_RETURN(*event_day, DayOf("claim.event_date", claim.event_date()));
  ASSIGN_OR_RETURN(*submit_day, BusinessDay("claim.submit_date",
                                            claim.submit_date(), today));
  if (*event_day > *submit_day) {
    return InvalidField(
        "DATE_INVALID", "claim.event_date",
        absl::StrCat(storage::DayText(*event_day), " is after the submission ",
                     storage::DayText(*submit_day),
                     "; a claim is for an event that happened"));
  }
  if (claim.nights() < 0 || claim.nights() > kNightsMax) {
    return InvalidField("FIELD_INVALID", "claim.nights",
                        absl::StrCat(claim.nights(), ", want 0..", kNightsMax));
  }
  if (!v1::Payee_IsValid(claim.payee())) {
    return InvalidField("FIELD_INVALID", "claim.payee",
                        "want MEMBER, NOMINEE or FAMILY");
  }
  return CheckDetails(claim.details());
}

// Runs after a claim write is durable: answers with the claim as stored.
Done<storage::AppendResult> AnswerWithClaim(const Ledger* ledger,
                                            std::string fund_id,
                                            uint64_t number,
                                            Done<v1::Claim> done) {
  return [ledger, fund_id = std::move(fund_id), number, done = std::move(done)](
             absl::StatusOr<storage::AppendResult> result) {
    if (!result.ok()) return done(result.status());
    v1::GetClaimRequest get;
    get.set_name(ClaimResourceName(
        fund_id,
        number != 0 ? number : result->entries.front().record.sequence()));
    done(ledger->GetClaim(get));
  };
}

}  // namespace

void Ledger::SubmitClaim(const std::string& principal,
                         const v1::SubmitClaimRequest& request,
                         Done<v1::Claim> done) {
  const v1::Claim& claim = request.claim();
  std::string fund_id;
  int32_t event_day = 0, submit_day = 0;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(fund_id, ParseFundName("parent", request.parent()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    return CheckClaim(claim, Today(), &event_day, &submit_day);
  }();
  if (!checked.ok()) return done(checked);

  std::optional<record::ClaimDetailsRecord> details;
  const v1::ClaimDetails& given = claim.details();
  if (!given.description().empty() || given.documents_size() > 0 ||
      !given.proxy_name().empty()) {
    details.emplace();
    details->set_salt(storage::RandomBytes(kSaltBytes));
    details->set_description(given.description());
    *details->mutable_documents() = given.documents();
    details->set_proxy_name(given.proxy_name());
  }
  record::EntryRecord entry;
  entry.set_kind(record::ENTRY_KIND_CLAIM_SUBMITTED);
  entry.set_effective_day(submit_day);
  entry.set_member_number(claim.member_number());
  auto* body = entry.mutable_claim_submitted();
  body->set_category(claim.category());
  body->set_sub_type(claim.sub_type());
  body->set_event_day(event_day);
  body->set_nights(claim.nights());
  body->set_payee(claim.payee());
  if (details.has_value()) body->set_details_hash(ClaimDetailsHash(*details));

  auto apply =
      [entry = std::move(entry), details = std::move(details),
       principal](storage::AppendContext& context) mutable -> absl::Status {
    if (!context.fund().exists()) return FundNotFound(context.fund_id());
    record::ClaimSubmittedBody& body = *entry.mutable_claim_submitted();
    ASSIGN_OR_RETURN(record::MemberView member,
                     ReadMemberView(context.staging(), context.fund_id(),
                                    entry.member_number()));
    if (details.has_value() && member.profile_erased()) {
      return Error(absl::StatusCode::kFailedPrecondition, "PROFILE_ERASED",
                   absl::StrCat("member ", member.member_number(),
                                "'s profile was erased; a claim for them "
                                "cannot keep personal details"));
    }
    ASSIGN_OR_RETURN(record::RulebooksView rulebooks,
                     ReadRulebooks(context.staging(), context.fund_id()));
    const int in_force = RulebookInForce(rulebooks, body.event_day());
    if (in_force < 0) {
      return Error(absl::StatusCode::kFailedPrecondition, "RULEBOOK_NOT_FOUND",
                   absl::StrCat("fund ", context.fund_id(),
                                " has no rulebook in force on ",
                                storage::DayText(body.event_day()),
                                ", the event date; adopt one first"));
    }
    const record::RulebookVersion& rulebook = rulebooks.versions(in_force);
    ASSIGN_OR_RETURN(
        Evaluated evaluated,
        Evaluate(context, member, rulebook, body.category(), body.sub_type(),
                 body.event_day(), body.nights()));
    if (body.payee() == v1::PAYEE_UNSPECIFIED) {
      body.set_payee(evaluated.rule.payee() == v1::PAYEE_UNSPECIFIED
                         ? v1::PAYEE_MEMBER
                         : evaluated.rule.payee());
    }
    body.set_rulebook_sequence(rulebook.sequence());
    *body.mutable_evaluation() =
        Rewire<record::BenefitEvaluationRecord>(evaluated.evaluation);

    record::ClaimView claim;
    claim.set_member_number(entry.member_number());
    *claim.mutable_submitted() = body;
    const int32_t day = entry.effective_day();
    ASSIGN_OR_RETURN(uint64_t sequence, context.Append(std::move(entry)));
    claim.set_sequence(sequence);
    AddStep(claim, v1::CLAIM_STATE_SUBMITTED, sequence, day, principal,
            context.now_micros(), "", "");
    PutClaim(context, claim);
    member.add_claim_sequences(sequence);
    context.staging().Put(
        Column::kViews, keys::Member(context.fund_id(), member.member_number()),
        member.SerializeAsString());
    if (details.has_value()) {
      context.staging().Put(
          Column::kProfiles,
          keys::ClaimDetails(context.fund_id(), member.member_number(),
                             sequence),
          details->SerializeAsString());
    }
    return absl::OkStatus();
  };
  Submit(fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithClaim(this, fund_id, 0, std::move(done)));
}

void Ledger::TakeClaimStep(const std::string& principal,
                           const v1::ClaimStepRequest& request,
                           v1::ClaimState to, Done<v1::Claim> done) {
  EntryName name;
  int32_t day = 0;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseClaimName("name", request.name()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    ASSIGN_OR_RETURN(
        day, BusinessDay("effective_date", request.effective_date(), Today()));
    RETURN_IF_ERROR(CheckText("note", request.note(), 500,
                              /*required=*/to == v1::CLAIM_STATE_REJECTED,
                              TextKind::kMultiLine));
    return CheckText("resolution", request.resolution(), 200,
                     /*required=*/to == v1::CLAIM_STATE_APPROVED);
  }();
  if (!checked.ok()) return done(checked);

  record::EntryRecord entry;
  entry.set_effective_day(day);
  entry.mutable_claim_step()->set_claim_sequence(name.sequence);
  entry.mutable_claim_step()->set_note(request.note());
  entry.mutable_claim_step()->set_resolution(request.resolution());
  auto apply = [entry = std::move(entry), to, principal](
                   storage::AppendContext& context) mutable -> absl::Status {
    ASSIGN_OR_RETURN(record::ClaimView claim,
                     ReadClaim(context, entry.claim_step().claim_sequence()));
    const int32_t day = entry.effective_day();
    switch (to) {
      case v1::CLAIM_STATE_CERTIFIED:
        entry.set_kind(record::ENTRY_KIND_CLAIM_CERTIFIED);
        RETURN_IF_ERROR(
            CheckStep(claim, "certify", {v1::CLAIM_STATE_SUBMITTED}, day));
        break;
      case v1::CLAIM_STATE_APPROVED:
        entry.set_kind(record::ENTRY_KIND_CLAIM_APPROVED);
        RETURN_IF_ERROR(
            CheckStep(claim, "approve", {v1::CLAIM_STATE_CERTIFIED}, day));
        break;
      default:
        entry.set_kind(record::ENTRY_KIND_CLAIM_REJECTED);
        RETURN_IF_ERROR(
            CheckStep(claim, "reject",
                      {v1::CLAIM_STATE_SUBMITTED, v1::CLAIM_STATE_CERTIFIED,
                       v1::CLAIM_STATE_APPROVED},
                      day));
        break;
    }
    entry.set_member_number(claim.member_number());
    const std::string note = entry.claim_step().note();
    const std::string resolution = entry.claim_step().resolution();
    ASSIGN_OR_RETURN(uint64_t sequence, context.Append(std::move(entry)));
    AddStep(claim, to, sequence, day, principal, context.now_micros(), note,
            resolution);
    PutClaim(context, claim);
    return absl::OkStatus();
  };
  // Certify, approve and reject share their request message: the step is
  // part of the fingerprint, so a request id reused for another step is
  // REQUEST_ID_REUSED, never the first step's answer.
  Submit(name.fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithClaim(this, name.fund_id, name.sequence, std::move(done)),
         v1::ClaimState_Name(to));
}

}  // namespace welfare::domain
