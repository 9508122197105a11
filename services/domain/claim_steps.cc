// What the claim writes share: the claim's view, its steps, its evaluation.
#include "services/domain/claim_steps.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/claims.h"
#include "services/domain/documents.h"
#include "services/domain/fund_facts.h"
#include "services/domain/names.h"
#include "services/domain/rulebooks.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
namespace record = welfare::storage::v1;

std::string StateName(int32_t state) {
  return v1::ClaimState_Name(static_cast<v1::ClaimState>(state))
      .substr(sizeof("CLAIM_STATE_") - 1);
}

}  // namespace

using storage::Column;
using storage::Error;
namespace keys = storage::keys;

absl::StatusOr<record::ClaimView> ReadClaim(storage::AppendContext& context,
                                            uint64_t number) {
  if (!context.fund().exists()) return FundNotFound(context.fund_id());
  ASSIGN_OR_RETURN(auto claim, ReadRecord<record::ClaimView>(
                                   context.staging(), Column::kViews,
                                   keys::Claim(context.fund_id(), number)));
  if (!claim.has_value()) return ClaimNotFound(context.fund_id(), number);
  return *std::move(claim);
}

void PutClaim(storage::AppendContext& context, const record::ClaimView& claim) {
  context.staging().Put(Column::kViews,
                        keys::Claim(context.fund_id(), claim.sequence()),
                        claim.SerializeAsString());
}

absl::Status CheckStep(const record::ClaimView& claim, absl::string_view step,
                       std::initializer_list<v1::ClaimState> from,
                       int32_t day) {
  bool allowed = false;
  std::vector<std::string> names;
  for (v1::ClaimState state : from) {
    allowed = allowed || claim.state() == state;
    names.push_back(StateName(state));
  }
  if (!allowed) {
    return Error(absl::StatusCode::kFailedPrecondition, "CLAIM_STATE_INVALID",
                 absl::StrCat("claim ", claim.sequence(), " is ",
                              StateName(claim.state()), "; to ", step,
                              " it must be ", absl::StrJoin(names, " or ")));
  }
  const int32_t last = claim.steps(claim.steps_size() - 1).day();
  if (day < last) {
    return InvalidField("DATE_INVALID", "effective_date",
                        absl::StrCat(storage::DayText(day),
                                     " is before the claim's last step, on ",
                                     storage::DayText(last)));
  }
  return absl::OkStatus();
}

void AddStep(record::ClaimView& claim, v1::ClaimState state, uint64_t sequence,
             int32_t day, const std::string& principal, int64_t now_micros,
             const std::string& note, const std::string& resolution) {
  claim.set_state(state);
  record::ClaimStepRecord* step = claim.add_steps();
  step->set_state(state);
  step->set_sequence(sequence);
  step->set_day(day);
  step->set_principal(principal);
  step->set_time_micros(now_micros);
  step->set_note(note);
  step->set_resolution(resolution);
}

absl::StatusOr<Evaluated> Evaluate(storage::AppendContext& context,
                                   const record::MemberView& member,
                                   const record::RulebookVersion& rulebook,
                                   int32_t category,
                                   const std::string& sub_type,
                                   int32_t event_day, int32_t nights) {
  const record::BenefitRuleRecord* rule =
      RuleFor(rulebook.body(), category, sub_type);
  if (rule == nullptr) {
    return Error(
        absl::StatusCode::kFailedPrecondition, "BENEFIT_NOT_IN_RULEBOOK",
        absl::StrCat(
            "the rulebook in force on ", storage::DayText(event_day), " (",
            RulebookResourceName(context.fund_id(), rulebook.sequence()),
            ") has no rule for ",
            v1::BenefitCategory_Name(
                static_cast<v1::BenefitCategory>(category)),
            sub_type.empty() ? "" : " / ", sub_type));
  }
  ASSIGN_OR_RETURN(const int32_t start_month, FiscalStartMonthOf(context));
  // Only age and sex limits read the profile.
  std::optional<record::ProfileRecord> profile;
  if (rule->min_age_years() > 0 || rule->max_age_years() > 0 ||
      rule->sex() != v1::SEX_UNSPECIFIED) {
    ASSIGN_OR_RETURN(
        profile,
        ReadRecord<record::ProfileRecord>(
            context.staging(), storage::Column::kProfiles,
            storage::keys::Profile(context.fund_id(), member.member_number())));
  }
  Evaluated out{*rule, {}};
  out.evaluation = EvaluateBenefit(
      Rewire<v1::BenefitRule>(*rule),
      FactsFor(member, profile, *rule, event_day, nights, start_month));
  return out;
}

}  // namespace welfare::domain
