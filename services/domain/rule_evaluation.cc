#include "services/domain/rule_evaluation.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;

void Add(v1::BenefitEvaluation& evaluation, const char* rule, bool passed,
         std::string explanation) {
  v1::EvaluationItem* item = evaluation.add_items();
  item->set_rule(rule);
  item->set_passed(passed);
  item->set_explanation(std::move(explanation));
}

bool MayReceive(const v1::BenefitRule& rule, int32_t status) {
  if (status == v1::MEMBER_STATUS_ACTIVE) return true;
  return status == v1::MEMBER_STATUS_DECEASED &&
         (rule.category() == v1::BENEFIT_CATEGORY_DEATH ||
          rule.category() == v1::BENEFIT_CATEGORY_FUNERAL);
}

// What the member was paid of this benefit in the event's fiscal year
// (before the event), and whether ever.
struct History {
  int32_t claims = 0;
  int32_t nights = 0;
  int64_t paid = 0;
  bool ever = false;
};

History Summarize(const BenefitFacts& facts) {
  History history;
  for (const PastBenefit& past : facts.past) {
    if (past.reversed) continue;
    history.ever = true;
    if (past.day < facts.fiscal_year.first ||
        past.day > facts.fiscal_year.last) {
      continue;
    }
    ++history.claims;
    history.nights += past.nights;
    history.paid += past.amount_satang;
  }
  return history;
}

// The tier paid for `years`, or nullptr if none reaches it.
const v1::AmountTier* TierFor(const v1::BenefitRule& rule, int32_t years) {
  const v1::AmountTier* best = nullptr;
  for (const v1::AmountTier& tier : rule.tiers()) {
    if (tier.min_years() <= years &&
        (best == nullptr || tier.min_years() > best->min_years())) {
      best = &tier;
    }
  }
  return best;
}

// "60 to 70", "60 and over", "up to 12".
std::string AgeRange(const v1::BenefitRule& rule) {
  if (rule.max_age_years() == 0) {
    return absl::StrCat(rule.min_age_years(), " and over");
  }
  if (rule.min_age_years() == 0) {
    return absl::StrCat("up to ", rule.max_age_years());
  }
  return absl::StrCat(rule.min_age_years(), " to ", rule.max_age_years());
}

// A checked item: whether it passed, and why.
struct Verdict {
  bool passed;
  std::string explanation;
};

// The age item. Its explanation names the rule's ages, never the member's
// age or birth date: the evaluation is kept in the journal for good, and
// the birth date only in the erasable profile.
Verdict AgeVerdict(const v1::BenefitRule& rule, const BenefitFacts& facts) {
  const std::string range = AgeRange(rule);
  if (!facts.birth_day.has_value()) {
    return {false, absl::StrCat("age: the rule wants ", range,
                                "; the member's profile has no birth date")};
  }
  const int32_t age = FullYears(*facts.birth_day, facts.event_day);
  if (age < rule.min_age_years()) {
    return {false, absl::StrCat("age on the event date: under ",
                                rule.min_age_years(), " (", range, ")")};
  }
  if (rule.max_age_years() > 0 && age > rule.max_age_years()) {
    return {false, absl::StrCat("age on the event date: over ",
                                rule.max_age_years(), " (", range, ")")};
  }
  return {true, absl::StrCat("age on the event date: within ", range)};
}

Verdict SexVerdict(const v1::BenefitRule& rule, const BenefitFacts& facts) {
  const std::string wanted =
      absl::StrCat("sex: the rule is for ",
                   rule.sex() == v1::SEX_FEMALE ? "women" : "men", " only; ");
  if (facts.sex == v1::SEX_UNSPECIFIED) {
    return {false,
            absl::StrCat(wanted, "the member's profile does not record it")};
  }
  const bool met = facts.sex == rule.sex();
  return {met, absl::StrCat(wanted, met ? "met" : "not met")};
}

// The years a tier counts, and how they read: "12 years of membership",
// "3 years of contribution (40 months of dues paid)".
std::pair<int32_t, std::string> TierYears(const v1::BenefitRule& rule,
                                          const BenefitFacts& facts) {
  if (rule.tier_basis() == v1::TIER_BASIS_CONTRIBUTION) {
    const int32_t years = std::max(0, facts.paid_months) / 12;
    return {years, absl::StrCat(years, " years of contribution (",
                                facts.paid_months, " months of dues paid)")};
  }
  const int32_t years = FullYears(facts.join_day, facts.event_day);
  return {years, absl::StrCat(years, " years of membership")};
}

}  // namespace

int32_t FullYears(int32_t from_day, int32_t day) {
  if (day < from_day) return 0;
  const absl::CivilDay from = storage::CivilDayOf(from_day);
  const absl::CivilDay on = storage::CivilDayOf(day);
  int32_t years = static_cast<int32_t>(on.year() - from.year());
  if (on.month() < from.month() ||
      (on.month() == from.month() && on.day() < from.day())) {
    --years;
  }
  return years;
}

v1::BenefitEvaluation EvaluateBenefit(const v1::BenefitRule& rule,
                                      const BenefitFacts& facts) {
  v1::BenefitEvaluation evaluation;
  bool passed = true;
  auto check = [&](const char* name, bool ok, std::string explanation) {
    Add(evaluation, name, ok, std::move(explanation));
    passed = passed && ok;
  };

  check("membership", MayReceive(rule, facts.status),
        MayReceive(rule, facts.status)
            ? "a member who may receive it on the event date"
        : facts.status == v1::MEMBER_STATUS_UNSPECIFIED
            ? absl::StrCat("not yet a member on the event date (joined ",
                           storage::DayText(facts.join_day), ")")
            : absl::StrCat("not active on the event date (",
                           v1::MemberStatus_Name(
                               static_cast<v1::MemberStatus>(facts.status)),
                           ")"));
  if (rule.min_age_years() > 0 || rule.max_age_years() > 0) {
    Verdict age = AgeVerdict(rule, facts);
    check("age", age.passed, std::move(age.explanation));
  }
  if (rule.sex() != v1::SEX_UNSPECIFIED) {
    Verdict sex = SexVerdict(rule, facts);
    check("sex", sex.passed, std::move(sex.explanation));
  }
  const int32_t days = std::max(0, facts.event_day - facts.join_day);
  check("waiting period", days >= rule.waiting_days(),
        absl::StrCat("waiting period: ", days, " of ", rule.waiting_days(),
                     " days"));
  if (rule.has_arrears_months_allowed()) {
    check("dues", facts.unpaid_months <= rule.arrears_months_allowed(),
          absl::StrCat("dues: ", facts.unpaid_months, " months unpaid, ",
                       rule.arrears_months_allowed(), " allowed"));
  }
  const History history = Summarize(facts);
  if (rule.once_only()) {
    check("once only", !history.ever,
          history.ever ? "paid once already; it is paid only once"
                       : "not paid before; it is paid only once");
  }
  if (rule.claims_per_year_max() > 0) {
    check("claims this fiscal year",
          history.claims < rule.claims_per_year_max(),
          absl::StrCat("claims this fiscal year: ", history.claims, " of ",
                       rule.claims_per_year_max(), " used"));
  }

  int64_t amount = 0;
  const auto [years, years_text] = TierYears(rule, facts);
  if (rule.amount_per_night_satang() > 0) {
    int32_t nights = std::max(0, facts.nights);
    if (rule.nights_per_stay_max() > 0 && nights > rule.nights_per_stay_max()) {
      Add(evaluation, "nights per stay", true,
          absl::StrCat("nights this stay: ", nights, " asked, ",
                       rule.nights_per_stay_max(), " paid at most"));
      nights = rule.nights_per_stay_max();
    }
    if (rule.nights_per_year_max() > 0) {
      const int32_t left =
          std::max(0, rule.nights_per_year_max() - history.nights);
      nights = std::min(nights, left);
      check("nights this fiscal year", nights > 0,
            absl::StrCat("nights this fiscal year: ", history.nights, " of ",
                         rule.nights_per_year_max(), ", ", nights, " paid"));
    } else {
      check("nights", nights > 0, absl::StrCat(nights, " nights paid"));
    }
    evaluation.set_nights_paid(nights);
    amount = nights * rule.amount_per_night_satang();
    Add(evaluation, "amount", true,
        absl::StrCat(nights, " nights x ",
                     storage::BahtText(rule.amount_per_night_satang()), " = ",
                     storage::BahtText(amount)));
  } else if (const v1::AmountTier* tier = TierFor(rule, years)) {
    amount = tier->amount_satang();
    Add(evaluation, "amount", true,
        absl::StrCat(years_text, ": the tier from ", tier->min_years(),
                     " years, ", storage::BahtText(amount)));
  } else if (rule.tiers_size() > 0 && rule.amount_per_event_satang() == 0) {
    check("amount", false, absl::StrCat(years_text, ": below every tier"));
  } else if (rule.tiers_size() > 0) {
    amount = rule.amount_per_event_satang();
    Add(evaluation, "amount", true,
        absl::StrCat(years_text, ": below every tier, ",
                     storage::BahtText(amount), " per event"));
  } else {
    amount = rule.amount_per_event_satang();
    Add(evaluation, "amount", true,
        absl::StrCat(storage::BahtText(amount), " per event"));
  }
  if (rule.amount_per_stay_max_satang() > 0 &&
      amount > rule.amount_per_stay_max_satang()) {
    Add(evaluation, "baht per stay", true,
        absl::StrCat(storage::BahtText(amount), " capped at ",
                     storage::BahtText(rule.amount_per_stay_max_satang()),
                     " per stay"));
    amount = rule.amount_per_stay_max_satang();
  }
  if (rule.amount_per_year_max_satang() > 0) {
    const int64_t left =
        std::max<int64_t>(0, rule.amount_per_year_max_satang() - history.paid);
    amount = std::min(amount, left);
    check("baht this fiscal year", amount > 0,
          absl::StrCat(
              "baht this fiscal year: ", storage::BahtText(history.paid),
              " of ", storage::BahtText(rule.amount_per_year_max_satang()),
              " paid, ", storage::BahtText(amount), " allowed"));
  }
  evaluation.set_allowed_satang(passed ? amount : 0);
  evaluation.set_eligible(passed && amount > 0);
  return evaluation;
}

}  // namespace welfare::domain
