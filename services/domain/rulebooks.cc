// Rulebooks: checking one, adopting it by an entry, and reading them back.
#include "services/domain/rulebooks.h"

#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "services/domain/dates.h"
#include "services/domain/fund_facts.h"
#include "services/domain/ledger.h"
#include "services/domain/names.h"
#include "services/domain/validate.h"
#include "storage/append_context.h"
#include "storage/errors.h"
#include "storage/status_macros.h"
#include "storage/store.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
namespace record = welfare::storage::v1;

constexpr int kRulesMax = 64;
constexpr int kTiersMax = 20;
constexpr int kWaitingDaysMax = 3660;
constexpr int kMonthsMax = 120;
constexpr int kNightsMax = 366;
constexpr int kYearsMax = 100;
constexpr int kAgeMax = 150;

// 0..kAmountSatangMax.
absl::Status CheckCap(const std::string& field, int64_t satang) {
  if (satang < 0 || satang > kAmountSatangMax) {
    return InvalidField(
        "FIELD_INVALID", field,
        absl::StrCat(satang, " satang, want 0..", kAmountSatangMax));
  }
  return absl::OkStatus();
}

absl::Status CheckCount(const std::string& field, int64_t value, int64_t max) {
  if (value < 0 || value > max) {
    return InvalidField("FIELD_INVALID", field,
                        absl::StrCat(value, ", want 0..", max));
  }
  return absl::OkStatus();
}

absl::Status CheckDues(const v1::DuesPlan& dues) {
  if (!v1::DuesPeriod_IsValid(dues.period())) {
    return InvalidField("FIELD_INVALID", "rulebook.dues.period",
                        "want DAY, MONTH, HALF_YEAR or YEAR");
  }
  RETURN_IF_ERROR(
      CheckCap("rulebook.dues.amount_satang", dues.amount_satang()));
  if (dues.amount_satang() > 0 &&
      dues.period() == v1::DUES_PERIOD_UNSPECIFIED) {
    return InvalidField("FIELD_REQUIRED", "rulebook.dues.period",
                        "want the period the amount is for: DAY, MONTH, "
                        "HALF_YEAR or YEAR");
  }
  RETURN_IF_ERROR(
      CheckCap("rulebook.dues.entry_fee_satang", dues.entry_fee_satang()));
  return CheckCount("rulebook.dues.lapse_after_months",
                    dues.lapse_after_months(), kMonthsMax);
}

absl::Status CheckRule(const v1::BenefitRule& rule, const std::string& field) {
  if (rule.category() == v1::BENEFIT_CATEGORY_UNSPECIFIED ||
      !v1::BenefitCategory_IsValid(rule.category())) {
    return InvalidField("FIELD_REQUIRED", field + ".category",
                        "want one of the 16 CODI benefit categories");
  }
  RETURN_IF_ERROR(CheckText(field + ".sub_type", rule.sub_type(), 100, false));
  RETURN_IF_ERROR(CheckCount(field + ".waiting_days", rule.waiting_days(),
                             kWaitingDaysMax));
  if (rule.has_arrears_months_allowed()) {
    RETURN_IF_ERROR(CheckCount(field + ".arrears_months_allowed",
                               rule.arrears_months_allowed(), kMonthsMax));
  }
  RETURN_IF_ERROR(CheckCap(field + ".amount_per_event_satang",
                           rule.amount_per_event_satang()));
  RETURN_IF_ERROR(CheckCap(field + ".amount_per_night_satang",
                           rule.amount_per_night_satang()));
  RETURN_IF_ERROR(CheckCount(field + ".nights_per_stay_max",
                             rule.nights_per_stay_max(), kNightsMax));
  RETURN_IF_ERROR(CheckCap(field + ".amount_per_stay_max_satang",
                           rule.amount_per_stay_max_satang()));
  RETURN_IF_ERROR(CheckCount(field + ".nights_per_year_max",
                             rule.nights_per_year_max(), kNightsMax));
  RETURN_IF_ERROR(CheckCap(field + ".amount_per_year_max_satang",
                           rule.amount_per_year_max_satang()));
  RETURN_IF_ERROR(CheckCount(field + ".claims_per_year_max",
                             rule.claims_per_year_max(), kNightsMax));
  if (rule.tiers_size() > kTiersMax) {
    return InvalidField(
        "FIELD_INVALID", field + ".tiers",
        absl::StrCat(rule.tiers_size(), " tiers, want at most ", kTiersMax));
  }
  for (int i = 0; i < rule.tiers_size(); ++i) {
    const std::string tier = absl::StrCat(field, ".tiers[", i, "]");
    RETURN_IF_ERROR(
        CheckCount(tier + ".min_years", rule.tiers(i).min_years(), kYearsMax));
    if (i > 0 && rule.tiers(i).min_years() <= rule.tiers(i - 1).min_years()) {
      return InvalidField("FIELD_INVALID", tier + ".min_years",
                          absl::StrCat(rule.tiers(i).min_years(),
                                       ", want more than the tier before's ",
                                       rule.tiers(i - 1).min_years()));
    }
    RETURN_IF_ERROR(
        CheckAmount(tier + ".amount_satang", rule.tiers(i).amount_satang()));
  }
  if (rule.amount_per_event_satang() == 0 &&
      rule.amount_per_night_satang() == 0 && rule.tiers_size() == 0) {
    return InvalidField("FIELD_REQUIRED", field,
                        "want amount_per_event_satang, "
                        "amount_per_night_satang or tiers");
  }
  if (!v1::TierBasis_IsValid(rule.tier_basis())) {
    return InvalidField("FIELD_INVALID", field + ".tier_basis",
                        "want MEMBERSHIP or CONTRIBUTION");
  }
  RETURN_IF_ERROR(
      CheckCount(field + ".min_age_years", rule.min_age_years(), kAgeMax));
  RETURN_IF_ERROR(
      CheckCount(field + ".max_age_years", rule.max_age_years(), kAgeMax));
  if (rule.max_age_years() > 0 && rule.max_age_years() < rule.min_age_years()) {
    return InvalidField(
        "FIELD_INVALID", field + ".max_age_years",
        absl::StrCat(rule.max_age_years(), ", want at least min_age_years (",
                     rule.min_age_years(), ") or 0 for no limit"));
  }
  if (!v1::Sex_IsValid(rule.sex())) {
    return InvalidField("FIELD_INVALID", field + ".sex",
                        "want FEMALE, MALE or unset for either");
  }
  if (!v1::Payee_IsValid(rule.payee())) {
    return InvalidField("FIELD_INVALID", field + ".payee",
                        "want MEMBER, NOMINEE or FAMILY");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<record::RulebookAdoptedBody> CheckRulebook(
    const v1::Rulebook& rulebook, int32_t* effective_day) {
  RETURN_IF_ERROR(
      CheckText("rulebook.resolution", rulebook.resolution(), 200, true));
  RETURN_IF_ERROR(CheckText("rulebook.title", rulebook.title(), 200, false));
  if (IsUnset(rulebook.effective_date())) {
    return InvalidField("FIELD_REQUIRED", "rulebook.effective_date",
                        "want the date the rulebook takes effect");
  }
  ASSIGN_OR_RETURN(*effective_day,
                   DayOf("rulebook.effective_date", rulebook.effective_date()));
  RETURN_IF_ERROR(CheckDues(rulebook.dues()));
  if (rulebook.benefits_size() == 0 || rulebook.benefits_size() > kRulesMax) {
    return InvalidField(
        rulebook.benefits_size() == 0 ? "FIELD_REQUIRED" : "FIELD_INVALID",
        "rulebook.benefits",
        absl::StrCat(rulebook.benefits_size(), " rules, want 1..", kRulesMax));
  }
  std::set<std::pair<int, std::string>> seen;
  record::RulebookAdoptedBody body;
  body.set_resolution(rulebook.resolution());
  body.set_title(rulebook.title());
  *body.mutable_dues() = Rewire<record::DuesPlanRecord>(rulebook.dues());
  for (int i = 0; i < rulebook.benefits_size(); ++i) {
    const v1::BenefitRule& rule = rulebook.benefits(i);
    const std::string field = absl::StrCat("rulebook.benefits[", i, "]");
    RETURN_IF_ERROR(CheckRule(rule, field));
    if (!seen.emplace(rule.category(), rule.sub_type()).second) {
      return InvalidField(
          "FIELD_INVALID", field,
          absl::StrCat("a second rule for ",
                       v1::BenefitCategory_Name(rule.category()),
                       rule.sub_type().empty() ? "" : " / ", rule.sub_type()));
    }
    *body.add_benefits() = Rewire<record::BenefitRuleRecord>(rule);
  }
  return body;
}

int RulebookInForce(const record::RulebooksView& rulebooks, int32_t day) {
  int in_force = -1;
  for (int i = 0; i < rulebooks.versions_size(); ++i) {
    // Versions are in the order adopted, their days never decreasing.
    if (rulebooks.versions(i).effective_day() <= day) in_force = i;
  }
  return in_force;
}

const record::BenefitRuleRecord* RuleFor(
    const record::RulebookAdoptedBody& rulebook, int32_t category,
    absl::string_view sub_type) {
  const record::BenefitRuleRecord* general = nullptr;
  for (const auto& rule : rulebook.benefits()) {
    if (rule.category() != category) continue;
    if (rule.sub_type() == sub_type) return &rule;
    if (rule.sub_type().empty()) general = &rule;
  }
  return general;
}

v1::Rulebook RulebookToApi(absl::string_view fund_id,
                           const record::RulebooksView& rulebooks, int index) {
  const record::RulebookVersion& version = rulebooks.versions(index);
  const record::RulebookAdoptedBody& body = version.body();
  v1::Rulebook out;
  out.set_name(RulebookResourceName(fund_id, version.sequence()));
  out.set_resolution(body.resolution());
  *out.mutable_effective_date() = DateOf(version.effective_day());
  out.set_title(body.title());
  *out.mutable_dues() = Rewire<v1::DuesPlan>(body.dues());
  for (const auto& rule : body.benefits()) {
    *out.add_benefits() = Rewire<v1::BenefitRule>(rule);
  }
  out.set_sequence(version.sequence());
  out.set_principal(version.principal());
  out.mutable_adopt_time()->set_seconds(version.adopt_time_micros() / 1000000);
  out.mutable_adopt_time()->set_nanos(
      static_cast<int32_t>(version.adopt_time_micros() % 1000000) * 1000);
  if (index + 1 < rulebooks.versions_size()) {
    // The next version replaces this one from its day on.
    *out.mutable_superseded_date() =
        DateOf(rulebooks.versions(index + 1).effective_day());
  }
  return out;
}

void Ledger::AdoptRulebook(const std::string& principal,
                           const v1::AdoptRulebookRequest& request,
                           Done<v1::Rulebook> done) {
  std::string fund_id;
  int32_t day = 0;
  absl::StatusOr<record::RulebookAdoptedBody> body =
      [&]() -> absl::StatusOr<record::RulebookAdoptedBody> {
    ASSIGN_OR_RETURN(fund_id, ParseFundName("parent", request.parent()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    return CheckRulebook(request.rulebook(), &day);
  }();
  if (!body.ok()) return done(body.status());

  record::EntryRecord entry;
  entry.set_kind(record::ENTRY_KIND_RULEBOOK_ADOPTED);
  entry.set_effective_day(day);
  *entry.mutable_rulebook_adopted() = *std::move(body);
  auto apply = [entry = std::move(entry), principal](
                   storage::AppendContext& context) mutable -> absl::Status {
    if (!context.fund().exists()) return FundNotFound(context.fund_id());
    RETURN_IF_ERROR(CheckNotBeforeFounding(context, "rulebook.effective_date",
                                           entry.effective_day()));
    ASSIGN_OR_RETURN(record::RulebooksView rulebooks,
                     ReadRulebooks(context.staging(), context.fund_id()));
    if (rulebooks.versions_size() > 0) {
      const int32_t last = rulebooks.versions().rbegin()->effective_day();
      if (entry.effective_day() < last) {
        return Error(absl::StatusCode::kFailedPrecondition,
                     "RULEBOOK_DATE_INVALID",
                     absl::StrCat("rulebook.effective_date: ",
                                  storage::DayText(entry.effective_day()),
                                  " is before ", storage::DayText(last),
                                  ", when the rulebook adopted last takes "
                                  "effect; want that date or later"));
      }
    }
    record::RulebookVersion* version = rulebooks.add_versions();
    version->set_effective_day(entry.effective_day());
    version->set_principal(principal);
    version->set_adopt_time_micros(context.now_micros());
    *version->mutable_body() = entry.rulebook_adopted();
    ASSIGN_OR_RETURN(uint64_t sequence, context.Append(std::move(entry)));
    version->set_sequence(sequence);
    context.staging().Put(Column::kViews,
                          storage::keys::Rulebooks(context.fund_id()),
                          rulebooks.SerializeAsString());
    return absl::OkStatus();
  };
  Submit(fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         [this, fund_id, done = std::move(done)](
             absl::StatusOr<storage::AppendResult> result) {
           if (!result.ok()) return done(result.status());
           const uint64_t sequence = result->entries.front().record.sequence();
           storage::ReadView view(&journal_->store());
           absl::StatusOr<record::RulebooksView> rulebooks =
               ReadRulebooks(view, fund_id);
           if (!rulebooks.ok()) return done(rulebooks.status());
           for (int i = 0; i < rulebooks->versions_size(); ++i) {
             if (rulebooks->versions(i).sequence() == sequence) {
               return done(RulebookToApi(fund_id, *rulebooks, i));
             }
           }
           done(Error(absl::StatusCode::kInternal, "STORAGE_FAILURE",
                      absl::StrCat("rulebook ", sequence,
                                   " is not in the "
                                   "fund's rulebooks view")));
         });
}

absl::StatusOr<v1::Rulebook> Ledger::GetRulebook(
    const v1::GetRulebookRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  int32_t day = Today();
  if (!IsUnset(request.on_date())) {
    ASSIGN_OR_RETURN(day, DayOf("on_date", request.on_date()));
  }
  storage::ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  ASSIGN_OR_RETURN(record::RulebooksView rulebooks,
                   ReadRulebooks(view, fund_id));
  const int in_force = RulebookInForce(rulebooks, day);
  if (in_force < 0) {
    return Error(absl::StatusCode::kNotFound, "RULEBOOK_NOT_FOUND",
                 absl::StrCat("fund ", fund_id, " has no rulebook in force on ",
                              storage::DayText(day)));
  }
  return RulebookToApi(fund_id, rulebooks, in_force);
}

absl::StatusOr<v1::ListRulebooksResponse> Ledger::ListRulebooks(
    const v1::ListRulebooksRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  storage::ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  ASSIGN_OR_RETURN(record::RulebooksView rulebooks,
                   ReadRulebooks(view, fund_id));
  v1::ListRulebooksResponse response;
  for (int i = 0; i < rulebooks.versions_size(); ++i) {
    *response.add_rulebooks() = RulebookToApi(fund_id, rulebooks, i);
  }
  return response;
}

}  // namespace welfare::domain
