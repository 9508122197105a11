// Ledger writes of claims: paying an approved claim, evaluated again under
// the rulebook of its submission against what has been paid since.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/claim_steps.h"
#include "services/domain/claims.h"
#include "services/domain/dates.h"
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
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {

using storage::Error;
namespace keys = storage::keys;
namespace record = welfare::storage::v1;

void Ledger::PayClaim(const std::string& principal,
                      const v1::PayClaimRequest& request,
                      Done<v1::PayClaimResponse> done) {
  EntryName name;
  int32_t day = 0;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseClaimName("name", request.name()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    if (request.amount_satang() != 0) {
      RETURN_IF_ERROR(CheckAmount("amount_satang", request.amount_satang()));
    }
    ASSIGN_OR_RETURN(
        day, BusinessDay("effective_date", request.effective_date(), Today()));
    RETURN_IF_ERROR(
        CheckText("source_document", request.source_document(), 64, false));
    RETURN_IF_ERROR(
        CheckText("memo", request.memo(), 500, false, TextKind::kMultiLine));
    if (!request.payment_account_code().empty()) {
      RETURN_IF_ERROR(ParseAccountCode("payment_account_code",
                                       request.payment_account_code())
                          .status());
    }
    // Given at all, a resolution must say something: a blank one would
    // let a payment exceed the rules on no one's authority.
    return CheckText("override_resolution", request.override_resolution(), 200,
                     /*required=*/!request.override_resolution().empty());
  }();
  if (!checked.ok()) return done(checked);

  auto apply = [request, day,
                principal](storage::AppendContext& context) -> absl::Status {
    const uint64_t number = ParseClaimName("name", request.name())->sequence;
    ASSIGN_OR_RETURN(record::ClaimView claim, ReadClaim(context, number));
    RETURN_IF_ERROR(CheckStep(claim, "pay", {v1::CLAIM_STATE_APPROVED}, day));
    const record::ClaimSubmittedBody& submitted = claim.submitted();
    ASSIGN_OR_RETURN(record::MemberView member,
                     ReadMemberView(context.staging(), context.fund_id(),
                                    claim.member_number()));
    ASSIGN_OR_RETURN(record::RulebooksView rulebooks,
                     ReadRulebooks(context.staging(), context.fund_id()));
    const record::RulebookVersion* rulebook = nullptr;
    for (const auto& version : rulebooks.versions()) {
      if (version.sequence() == submitted.rulebook_sequence()) {
        rulebook = &version;
      }
    }
    if (rulebook == nullptr) {
      return CorruptRecord("claim's rulebook",
                           keys::Claim(context.fund_id(), number));
    }
    ASSIGN_OR_RETURN(Evaluated evaluated,
                     Evaluate(context, member, *rulebook, submitted.category(),
                              submitted.sub_type(), submitted.event_day(),
                              submitted.nights()));
    const v1::BenefitEvaluation& evaluation = evaluated.evaluation;
    const int64_t amount = request.amount_satang() != 0
                               ? request.amount_satang()
                               : evaluation.allowed_satang();
    const bool exceeds =
        !evaluation.eligible() || amount > evaluation.allowed_satang();
    if (exceeds && request.override_resolution().empty()) {
      std::vector<std::string> failed;
      for (const auto& item : evaluation.items()) {
        if (!item.passed()) failed.push_back(item.explanation());
      }
      return Error(
          absl::StatusCode::kFailedPrecondition, "CLAIM_EXCEEDS_RULES",
          absl::StrCat("claim ", number, ": the rules allow ",
                       storage::BahtText(evaluation.allowed_satang()), " now",
                       failed.empty() ? "" : " (", absl::StrJoin(failed, "; "),
                       failed.empty() ? "" : ")",
                       request.amount_satang() != 0
                           ? absl::StrCat(", not ", storage::BahtText(amount))
                           : "",
                       "; paying more needs the committee's resolution in "
                       "override_resolution"));
    }
    if (!exceeds && !request.override_resolution().empty()) {
      return InvalidField("FIELD_INVALID", "override_resolution",
                          "the payment is within the rules; give no "
                          "override");
    }
    if (amount == 0) {
      return InvalidField("FIELD_REQUIRED", "amount_satang",
                          "the rules allow nothing; give the amount the "
                          "committee's resolution pays");
    }
    v1::Disbursement disbursement;
    v1::Benefit* benefit = disbursement.mutable_benefit();
    benefit->set_category(
        static_cast<v1::BenefitCategory>(submitted.category()));
    benefit->set_member_number(claim.member_number());
    benefit->set_sub_type(submitted.sub_type());
    benefit->set_payee(static_cast<v1::Payee>(submitted.payee()));
    // The nights paid for: those the rules allow, or with an override all
    // the claim's nights (they count against later claims' caps).
    benefit->set_quantity(exceeds || evaluation.nights_paid() == 0
                              ? submitted.nights()
                              : evaluation.nights_paid());
    disbursement.set_amount_satang(amount);
    disbursement.set_payment_account_code(request.payment_account_code());
    *disbursement.mutable_effective_date() = DateOf(day);
    disbursement.set_source_document(request.source_document());
    disbursement.set_memo(request.memo());
    ASSIGN_OR_RETURN(MoneyItem item,
                     DisbursementItem(disbursement, day, "payment"));
    record::DisbursementBody* body = item.entry.mutable_disbursement();
    body->set_claim_sequence(number);
    body->set_event_day(submitted.event_day());
    body->set_override_resolution(exceeds ? request.override_resolution() : "");
    *body->mutable_evaluation() =
        Rewire<record::BenefitEvaluationRecord>(evaluation);
    ASSIGN_OR_RETURN(uint64_t sequence, ApplyMoneyItem(context, item));
    claim.set_payment_sequence(sequence);
    claim.set_paid_satang(amount);
    claim.set_override_resolution(body->override_resolution());
    AddStep(claim, v1::CLAIM_STATE_PAID, sequence, day, principal,
            context.now_micros(), request.memo(),
            request.override_resolution());
    PutClaim(context, claim);
    return absl::OkStatus();
  };
  Submit(
      name.fund_id, request.request_id(), request, principal, 1,
      /*keep_entries=*/true, std::move(apply),
      [this, fund_id = name.fund_id, number = name.sequence,
       done = std::move(done)](absl::StatusOr<storage::AppendResult> result) {
        if (!result.ok()) return done(result.status());
        v1::PayClaimResponse response;
        v1::GetClaimRequest get;
        get.set_name(ClaimResourceName(fund_id, number));
        absl::StatusOr<v1::Claim> claim = GetClaim(get);
        if (!claim.ok()) return done(claim.status());
        *response.mutable_claim() = *std::move(claim);
        *response.mutable_entry() = EntryToApi(result->entries.front(), 0);
        done(std::move(response));
      });
}

}  // namespace welfare::domain
