// The rulebook's limits, each at, below and above its boundary, from one
// table: waiting period, dues arrears, once only, claims, nights and baht
// per stay and per fiscal year (with payments on either side of 1 October),
// tiers by years of membership and of contribution, age and sex limits, and
// who may receive.
#include "services/domain/rule_evaluation.h"

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::HasSubstr;

int32_t Day(int year, int month, int day) {
  return storage::DayNumber(absl::CivilDay(year, month, day));
}

// Fiscal year 2026: 1 October 2025 .. 30 September 2026.
const storage::DayRange kYear2026 = {Day(2025, 10, 1), Day(2026, 9, 30)};

// A hospital stay: 200 baht a night, 3 nights a stay, 600 baht a stay, 20
// nights and 2,000 baht a year, 5 claims a year, 180 days' wait, 1 month
// of dues may be unpaid.
v1::BenefitRule HospitalRule() {
  v1::BenefitRule rule;
  rule.set_category(v1::BENEFIT_CATEGORY_SICKNESS);
  rule.set_sub_type("ค่านอนโรงพยาบาล");
  rule.set_waiting_days(180);
  rule.set_arrears_months_allowed(1);
  rule.set_amount_per_night_satang(20000);
  rule.set_nights_per_stay_max(3);
  rule.set_amount_per_stay_max_satang(60000);
  rule.set_nights_per_year_max(20);
  rule.set_amount_per_year_max_satang(200000);
  rule.set_claims_per_year_max(5);
  return rule;
}

// Death: tiers by years of membership, once only, to the nominee.
v1::BenefitRule DeathRule() {
  v1::BenefitRule rule;
  rule.set_category(v1::BENEFIT_CATEGORY_DEATH);
  rule.set_waiting_days(365);
  rule.set_once_only(true);
  rule.set_payee(v1::PAYEE_NOMINEE);
  for (auto [years, baht] : {std::pair{1, 3000}, {5, 10000}, {10, 30000}}) {
    v1::AmountTier* tier = rule.add_tiers();
    tier->set_min_years(years);
    tier->set_amount_satang(baht * 100);
  }
  return rule;
}

// Elderly allowance: from 60 to 99 years old, tiers by years of dues paid.
v1::BenefitRule ElderlyRule() {
  v1::BenefitRule rule;
  rule.set_category(v1::BENEFIT_CATEGORY_ELDERLY);
  rule.set_min_age_years(60);
  rule.set_max_age_years(99);
  rule.set_tier_basis(v1::TIER_BASIS_CONTRIBUTION);
  for (auto [years, baht] : {std::pair{1, 300}, {2, 500}}) {
    v1::AmountTier* tier = rule.add_tiers();
    tier->set_min_years(years);
    tier->set_amount_satang(baht * 100);
  }
  return rule;
}

// Maternity: for women only, 1,000 baht.
v1::BenefitRule MaternityRule() {
  v1::BenefitRule rule;
  rule.set_category(v1::BENEFIT_CATEGORY_BIRTH);
  rule.set_sex(v1::SEX_FEMALE);
  rule.set_amount_per_event_satang(100000);
  return rule;
}

// A member of two years, active, dues paid, asking for 2 nights on
// 15 June 2026.
BenefitFacts Member() {
  BenefitFacts facts;
  facts.event_day = Day(2026, 6, 15);
  facts.join_day = Day(2024, 6, 15);
  facts.status = v1::MEMBER_STATUS_ACTIVE;
  facts.nights = 2;
  facts.fiscal_year = kYear2026;
  // Born 15 June 1960: 66 on the event date. Dues paid for 24 months.
  facts.birth_day = Day(1960, 6, 15);
  facts.sex = v1::SEX_FEMALE;
  facts.paid_months = 24;
  return facts;
}

struct Case {
  const char* name;
  std::function<v1::BenefitRule()> rule;
  std::function<void(BenefitFacts&)> change;
  bool eligible;
  int64_t allowed_satang;
  int32_t nights_paid;
  // What the evaluation must explain ("" for nothing in particular).
  const char* explains;
};

void NoChange(BenefitFacts&) {}

const std::vector<Case>& Cases() {
  static const auto* cases = new std::vector<Case>{
      {"two nights", HospitalRule, NoChange, true, 40000, 2, "2 nights x"},
      // Waiting period: 179, 180 and 181 days.
      {"waiting 179 days", HospitalRule,
       [](BenefitFacts& f) { f.join_day = f.event_day - 179; }, false, 0, 2,
       "waiting period: 179 of 180 days"},
      {"waiting 180 days", HospitalRule,
       [](BenefitFacts& f) { f.join_day = f.event_day - 180; }, true, 40000, 2,
       "waiting period: 180 of 180 days"},
      {"waiting 181 days", HospitalRule,
       [](BenefitFacts& f) { f.join_day = f.event_day - 181; }, true, 40000, 2,
       ""},
      // Dues: 0 and 1 month unpaid pass, 2 do not.
      {"dues 1 unpaid", HospitalRule,
       [](BenefitFacts& f) { f.unpaid_months = 1; }, true, 40000, 2,
       "dues: 1 months unpaid, 1 allowed"},
      {"dues 2 unpaid", HospitalRule,
       [](BenefitFacts& f) { f.unpaid_months = 2; }, false, 0, 2,
       "dues: 2 months unpaid, 1 allowed"},
      // Nights per stay: 3 is the most; 5 asked pays 3.
      {"3 nights", HospitalRule, [](BenefitFacts& f) { f.nights = 3; }, true,
       60000, 3, ""},
      {"5 nights pays 3", HospitalRule, [](BenefitFacts& f) { f.nights = 5; },
       true, 60000, 3, "nights this stay: 5 asked, 3 paid at most"},
      {"no nights", HospitalRule, [](BenefitFacts& f) { f.nights = 0; }, false,
       0, 0, ""},
      // Nights per year: 18 of 20 used pays 2 of 3; 20 of 20 pays none.
      {"18 of 20 nights used", HospitalRule,
       [](BenefitFacts& f) {
         f.nights = 3;
         f.past = {{Day(2025, 12, 1), 60000, 3}, {Day(2026, 1, 1), 0, 15}};
       },
       true, 40000, 2, "nights this fiscal year: 18 of 20, 2 paid"},
      {"20 of 20 nights used", HospitalRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2026, 1, 1), 0, 20}};
       },
       false, 0, 0, "nights this fiscal year: 20 of 20, 0 paid"},
      // Nights of the last fiscal year do not count: 30 September 2025 is
      // in 2025, 1 October 2025 in 2026.
      {"nights on 30 September", HospitalRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2025, 9, 30), 0, 20}};
       },
       true, 40000, 2, "nights this fiscal year: 0 of 20, 2 paid"},
      {"nights on 1 October", HospitalRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2025, 10, 1), 0, 20}};
       },
       false, 0, 0, "nights this fiscal year: 20 of 20"},
      // A reversed payment counts for nothing.
      {"reversed nights", HospitalRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2026, 1, 1), 0, 20, true}};
       },
       true, 40000, 2, ""},
      // Baht per year: 1,500 of 2,000 paid allows 500 of the 600 asked;
      // 2,000 of 2,000 allows none.
      {"1,500 of 2,000 baht", HospitalRule,
       [](BenefitFacts& f) {
         f.nights = 3;
         f.past = {{Day(2025, 11, 1), 150000, 1}};
       },
       true, 50000, 3, "1,500.00 baht of 2,000.00 baht paid, 500.00 baht"},
      {"2,000 of 2,000 baht", HospitalRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2025, 11, 1), 200000, 1}};
       },
       false, 0, 2, "0.00 baht allowed"},
      // Baht per stay caps a rule whose nights would pay more.
      {"per stay cap",
       [] {
         v1::BenefitRule rule = HospitalRule();
         rule.set_nights_per_stay_max(0);
         return rule;
       },
       [](BenefitFacts& f) { f.nights = 5; }, true, 60000, 5,
       "1,000.00 baht capped at 600.00 baht per stay"},
      // Claims per year: 4 of 5 used passes, 5 of 5 does not.
      {"4 of 5 claims", HospitalRule,
       [](BenefitFacts& f) {
         f.past.assign(4, PastBenefit{Day(2026, 2, 1), 100, 0});
       },
       true, 40000, 2, "claims this fiscal year: 4 of 5 used"},
      {"5 of 5 claims", HospitalRule,
       [](BenefitFacts& f) {
         f.past.assign(5, PastBenefit{Day(2026, 2, 1), 100, 0});
       },
       false, 0, 2, "claims this fiscal year: 5 of 5 used"},
      // Membership: resigned members receive nothing; deceased members'
      // death benefits are paid.
      {"resigned", HospitalRule,
       [](BenefitFacts& f) { f.status = v1::MEMBER_STATUS_RESIGNED; }, false, 0,
       2, "not active on the event date (MEMBER_STATUS_RESIGNED)"},
      {"sick and deceased", HospitalRule,
       [](BenefitFacts& f) { f.status = v1::MEMBER_STATUS_DECEASED; }, false, 0,
       2, ""},
      {"death of a deceased member", DeathRule,
       [](BenefitFacts& f) { f.status = v1::MEMBER_STATUS_DECEASED; }, true,
       300000, 0, "2 years of membership: the tier from 1 years"},
      // Tiers: 4 years 364 days, 5 years, and 10 years.
      {"tier below 5 years", DeathRule,
       [](BenefitFacts& f) { f.join_day = Day(2021, 6, 16); }, true, 300000, 0,
       "4 years of membership"},
      {"tier at 5 years", DeathRule,
       [](BenefitFacts& f) { f.join_day = Day(2021, 6, 15); }, true, 1000000, 0,
       "5 years of membership: the tier from 5 years"},
      {"tier at 10 years", DeathRule,
       [](BenefitFacts& f) { f.join_day = Day(2016, 6, 15); }, true, 3000000, 0,
       ""},
      {"below every tier",
       [] {
         v1::BenefitRule rule = DeathRule();
         rule.set_waiting_days(0);
         return rule;
       },
       [](BenefitFacts& f) { f.join_day = Day(2026, 1, 1); }, false, 0, 0,
       "0 years of membership: below every tier"},
      // Below every tier, the amount per event is paid when there is one.
      {"below every tier, per event instead",
       [] {
         v1::BenefitRule rule = DeathRule();
         rule.set_waiting_days(0);
         rule.set_amount_per_event_satang(200000);
         return rule;
       },
       [](BenefitFacts& f) { f.join_day = Day(2026, 1, 1); }, true, 200000, 0,
       ""},
      // Tiers by years of contribution: 11, 12 and 24 months of dues paid,
      // whatever the years of membership.
      {"contribution 11 months", ElderlyRule,
       [](BenefitFacts& f) { f.paid_months = 11; }, false, 0, 0,
       "0 years of contribution (11 months of dues paid): below every tier"},
      {"contribution 12 months", ElderlyRule,
       [](BenefitFacts& f) { f.paid_months = 12; }, true, 30000, 0,
       "1 years of contribution (12 months of dues paid): the tier from 1"},
      {"contribution 24 months", ElderlyRule, NoChange, true, 50000, 0,
       "2 years of contribution"},
      {"contribution, not membership", ElderlyRule,
       [](BenefitFacts& f) {
         f.join_day = Day(2016, 6, 15);
         f.paid_months = 12;
       },
       true, 30000, 0, "1 years of contribution"},
      // Age: 59 the day before the 60th birthday, 60 on it, 99 and 100.
      {"age 59", ElderlyRule,
       [](BenefitFacts& f) { f.birth_day = Day(1966, 6, 16); }, false, 0, 0,
       "age on the event date: under 60 (60 to 99)"},
      {"age 60", ElderlyRule,
       [](BenefitFacts& f) { f.birth_day = Day(1966, 6, 15); }, true, 50000, 0,
       "age on the event date: within 60 to 99"},
      {"age 99", ElderlyRule,
       [](BenefitFacts& f) { f.birth_day = Day(1926, 6, 16); }, true, 50000, 0,
       ""},
      {"age 100", ElderlyRule,
       [](BenefitFacts& f) { f.birth_day = Day(1926, 6, 15); }, false, 0, 0,
       "age on the event date: over 99 (60 to 99)"},
      {"no birth date", ElderlyRule,
       [](BenefitFacts& f) { f.birth_day.reset(); }, false, 0, 0,
       "the member's profile has no birth date"},
      {"age limit only from below",
       [] {
         v1::BenefitRule rule = ElderlyRule();
         rule.set_max_age_years(0);
         return rule;
       },
       [](BenefitFacts& f) { f.birth_day = Day(1900, 1, 1); }, true, 50000, 0,
       "within 60 and over"},
      // Sex: for women only.
      {"sex female", MaternityRule, NoChange, true, 100000, 0,
       "sex: the rule is for women only; met"},
      {"sex male", MaternityRule, [](BenefitFacts& f) { f.sex = v1::SEX_MALE; },
       false, 0, 0, "sex: the rule is for women only; not met"},
      {"sex not recorded", MaternityRule,
       [](BenefitFacts& f) { f.sex = v1::SEX_UNSPECIFIED; }, false, 0, 0,
       "does not record it"},
      {"no limits, no profile", HospitalRule,
       [](BenefitFacts& f) {
         f.birth_day.reset();
         f.sex = v1::SEX_UNSPECIFIED;
       },
       true, 40000, 2, ""},
      // Once only: a reversed death payment does not count.
      {"death paid before", DeathRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2020, 1, 1), 300000, 0}};
       },
       false, 0, 0, "paid once already"},
      {"death paid and reversed", DeathRule,
       [](BenefitFacts& f) {
         f.past = {{Day(2020, 1, 1), 300000, 0, true}};
       },
       true, 300000, 0, "not paid before"},
  };
  return *cases;
}

TEST(RuleEvaluationTest, EveryLimitAtBelowAndAboveItsBoundary) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    BenefitFacts facts = Member();
    c.change(facts);
    const v1::BenefitEvaluation evaluation = EvaluateBenefit(c.rule(), facts);
    std::string explained;
    for (const auto& item : evaluation.items()) {
      explained += item.explanation() + "\n";
    }
    EXPECT_EQ(evaluation.eligible(), c.eligible) << explained;
    EXPECT_EQ(evaluation.allowed_satang(), c.allowed_satang) << explained;
    EXPECT_EQ(evaluation.nights_paid(), c.nights_paid) << explained;
    EXPECT_THAT(explained, HasSubstr(c.explains));
    // A refused event names the item it failed.
    bool any_failed = false;
    for (const auto& item : evaluation.items()) any_failed |= !item.passed();
    EXPECT_EQ(any_failed, !c.eligible) << explained;
  }
}

// The evaluation is journal text kept for good; the birth date lives only
// in the erasable profile. Neither the age nor the birth year is written.
TEST(RuleEvaluationTest, AgeItemsNameTheRuleNotTheMember) {
  for (int32_t birth : {Day(1947, 3, 9), Day(1966, 6, 16), Day(1920, 1, 2)}) {
    BenefitFacts facts = Member();
    facts.birth_day = birth;
    const v1::BenefitEvaluation evaluation =
        EvaluateBenefit(ElderlyRule(), facts);
    const int32_t age = FullYears(birth, facts.event_day);
    const std::string year = absl::StrCat(storage::CivilDayOf(birth).year());
    for (const auto& item : evaluation.items()) {
      EXPECT_THAT(item.explanation(),
                  ::testing::Not(HasSubstr(absl::StrCat(age))));
      EXPECT_THAT(item.explanation(), ::testing::Not(HasSubstr(year)));
    }
  }
}

TEST(RuleEvaluationTest, FullYearsCountWholeYears) {
  EXPECT_EQ(FullYears(Day(2020, 6, 15), Day(2021, 6, 14)), 0);
  EXPECT_EQ(FullYears(Day(2020, 6, 15), Day(2021, 6, 15)), 1);
  EXPECT_EQ(FullYears(Day(2020, 2, 29), Day(2021, 2, 28)), 0);
  EXPECT_EQ(FullYears(Day(2020, 2, 29), Day(2021, 3, 1)), 1);
  EXPECT_EQ(FullYears(Day(2020, 1, 1), Day(2019, 1, 1)), 0);
}

}  // namespace
}  // namespace welfare::domain
