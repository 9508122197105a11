// A fund's benefits under its own rulebook: deaths (the status change, a
// death benefit to the nominee, a funeral benefit to the family), hospital
// stays, births, education grants, elderly allowances and help for the
// disadvantaged. A benefit goes only to a member alive on the day and past
// the fund's waiting period; death and funeral benefits to the deceased.
#include <algorithm>

#include "clients/seed/plan_internal.h"

namespace welfare::seed::internal {
namespace {

constexpr int kDaysPerYear = 365;
constexpr int64_t kDeathBenefitBaseBaht = 3000;
constexpr int64_t kDeathBenefitMaxBaht = 30000;
// Benefits of this size and more are paid from the bank.
constexpr int64_t kFromBankBaht = 3000;
// Tries to find an eligible member for an event before giving it up.
constexpr int kPickTriesMax = 50;
// Fiscal-year month offsets (0 = October).
constexpr int kDecember = 2;
constexpr int kJanuary = 3;
constexpr int kApril = 6;
constexpr int kMay = 7;

// The fund's rulebook, drawn once per fund.
struct Rulebook {
  Day waiting_days = 180;
  int64_t death_baht_per_year = 1000;
  int64_t funeral_baht = 0;  // 0: no funeral benefit
  int64_t hospital_baht_per_night = 100;
  int hospital_stays_per_1000 = 100;
  int64_t birth_baht = 500;
  int births_per_1000 = 6;
  int64_t education_baht = 500;
  int education_grants_per_1000 = 20;
  bool elderly_allowance = false;
  int64_t disadvantaged_baht = 0;  // 0: no such help
};

Rulebook DrawRulebook(Rng& rng, const Rates& rates) {
  Rulebook rules;
  rules.waiting_days = rng.Chance(1, 2) ? 180 : 365;
  rules.death_baht_per_year = rng.Uniform(2, 4) * 500;
  rules.funeral_baht = rng.Chance(3, 5) ? rng.Uniform(5, 20) * 100 : 0;
  rules.hospital_baht_per_night = rng.Uniform(10, 20) * 10;
  rules.hospital_stays_per_1000 = static_cast<int>(rng.Uniform(
      rates.hospital_stays_per_1000_min, rates.hospital_stays_per_1000_max));
  rules.birth_baht = rng.Uniform(5, 10) * 100;
  rules.births_per_1000 = static_cast<int>(
      rng.Uniform(rates.births_per_1000_min, rates.births_per_1000_max));
  static constexpr int64_t kEducationBaht[] = {300, 500, 1000};
  rules.education_baht = rng.Pick(kEducationBaht);
  rules.education_grants_per_1000 =
      static_cast<int>(rng.Uniform(rates.education_grants_per_1000_min,
                                   rates.education_grants_per_1000_max));
  rules.elderly_allowance = rng.Chance(3, 5);
  rules.disadvantaged_baht = rng.Chance(1, 2) ? rng.Uniform(3, 10) * 100 : 0;
  return rules;
}

class BenefitPlanner {
 public:
  BenefitPlanner(Rng& rng, const ProvinceLayout& province,
                 const std::vector<MemberFacts>& members, const Rulebook& rules,
                 std::vector<Event>* events)
      : rng_(rng),
        province_(province),
        members_(members),
        rules_(rules),
        events_(events) {
    for (const MemberFacts& member : members) {
      by_category_[member.category].push_back(&member);
    }
  }

  void Deaths();
  // `count` benefits on random days to random eligible members of
  // `category` (UNSPECIFIED: any); a benefit with no eligible member found
  // is not paid.
  void Scattered(int count, v1::MemberCategory category,
                 v1::BenefitCategory benefit, const char* sub_type);
  // One benefit on `day` to every eligible member of `category`.
  void Allowance(Day day, v1::MemberCategory category,
                 v1::BenefitCategory benefit, const char* sub_type);

 private:
  bool Eligible(const MemberFacts& member, Day day) const {
    return member.AliveOn(day) && day >= member.join_day + rules_.waiting_days;
  }
  Event& AddBenefit(Day day, const MemberFacts& member,
                    v1::BenefitCategory category, int64_t baht,
                    const char* sub_type);
  Day RandomDay() {
    return static_cast<Day>(
        rng_.Uniform(province_.first_day, province_.last_day));
  }
  Day ScatteredDay(v1::BenefitCategory benefit);
  int64_t ScatteredBaht(v1::BenefitCategory benefit, int32_t* quantity);

  Rng& rng_;
  const ProvinceLayout& province_;
  const std::vector<MemberFacts>& members_;
  const Rulebook& rules_;
  std::vector<Event>* events_;
  std::vector<const MemberFacts*> by_category_[7];
};

Event& BenefitPlanner::AddBenefit(Day day, const MemberFacts& member,
                                  v1::BenefitCategory category, int64_t baht,
                                  const char* sub_type) {
  Event& event = events_->emplace_back();
  event.day = day;
  event.phase = Phase::kPayment;
  event.kind = EventKind::kBenefit;
  event.member = member.number;
  event.category = category;
  event.payee = v1::PAYEE_MEMBER;
  event.amount_satang = baht * kSatangPerBaht;
  event.from_bank = baht >= kFromBankBaht;
  event.text = sub_type;
  return event;
}

void BenefitPlanner::Deaths() {
  for (const MemberFacts& member : members_) {
    if (member.death_day == kNever) continue;
    Event& death = events_->emplace_back();
    death.day = member.death_day;
    death.phase = Phase::kFirst;
    death.kind = EventKind::kStatusChange;
    death.member = member.number;
    if (rules_.funeral_baht > 0 && member.death_day < province_.last_day) {
      AddBenefit(member.death_day + 1, member, v1::BENEFIT_CATEGORY_FUNERAL,
                 rules_.funeral_baht, "ค่าพวงหรีดและช่วยจัดงานศพ")
          .payee = v1::PAYEE_FAMILY;
    }
    const Day paid = member.death_day + static_cast<Day>(rng_.Uniform(3, 20));
    if (member.death_day < member.join_day + rules_.waiting_days ||
        paid > province_.last_day) {
      continue;
    }
    // Tiered by whole years of membership.
    const int64_t years = (member.death_day - member.join_day) / kDaysPerYear;
    const int64_t baht =
        std::min(kDeathBenefitMaxBaht,
                 kDeathBenefitBaseBaht + years * rules_.death_baht_per_year);
    AddBenefit(paid, member, v1::BENEFIT_CATEGORY_DEATH, baht,
               "เงินช่วยเหลือกรณีเสียชีวิต")
        .payee = v1::PAYEE_NOMINEE;
  }
}

Day BenefitPlanner::ScatteredDay(v1::BenefitCategory benefit) {
  if (benefit != v1::BENEFIT_CATEGORY_EDUCATION) return RandomDay();
  // Grants at the start of the school year in May, or on Children's Day.
  const int32_t first_month = MonthIndexOf(province_.first_day);
  return rng_.Chance(7, 10) ? DayInMonth(first_month + kMay,
                                         static_cast<int>(rng_.Uniform(1, 31)))
                            : DayInMonth(first_month + kJanuary,
                                         static_cast<int>(rng_.Uniform(8, 14)));
}

int64_t BenefitPlanner::ScatteredBaht(v1::BenefitCategory benefit,
                                      int32_t* quantity) {
  switch (benefit) {
    case v1::BENEFIT_CATEGORY_SICKNESS:
      *quantity = static_cast<int32_t>(rng_.Uniform(3, 4));  // nights
      return *quantity * rules_.hospital_baht_per_night;
    case v1::BENEFIT_CATEGORY_BIRTH:
      return rules_.birth_baht;
    default:
      return rules_.education_baht;
  }
}

void BenefitPlanner::Scattered(int count, v1::MemberCategory category,
                               v1::BenefitCategory benefit,
                               const char* sub_type) {
  const std::vector<const MemberFacts*>* pool = &by_category_[category];
  std::vector<const MemberFacts*> everyone;
  if (category == v1::MEMBER_CATEGORY_UNSPECIFIED) {
    for (const MemberFacts& member : members_) everyone.push_back(&member);
    pool = &everyone;
  }
  if (pool->empty()) return;
  for (int i = 0; i < count; ++i) {
    const Day day = ScatteredDay(benefit);
    for (int attempt = 0; attempt < kPickTriesMax; ++attempt) {
      const MemberFacts& member = *rng_.Pick(*pool);
      if (!Eligible(member, day)) continue;
      int32_t quantity = 0;
      const int64_t baht = ScatteredBaht(benefit, &quantity);
      AddBenefit(day, member, benefit, baht, sub_type).quantity = quantity;
      break;
    }
  }
}

void BenefitPlanner::Allowance(Day day, v1::MemberCategory category,
                               v1::BenefitCategory benefit,
                               const char* sub_type) {
  for (const MemberFacts* member : by_category_[category]) {
    if (!Eligible(*member, day)) continue;
    if (benefit == v1::BENEFIT_CATEGORY_ELDERLY) {
      // 300 baht after 5 years of membership, 500 after 10.
      const Day years = (day - member->join_day) / kDaysPerYear;
      if (years < 5) continue;
      AddBenefit(day, *member, benefit, years < 10 ? 300 : 500, sub_type);
    } else {
      AddBenefit(day, *member, benefit, rules_.disadvantaged_baht, sub_type);
    }
  }
}

}  // namespace

void PlanBenefits(const ProvinceSpec& spec, const ProvinceLayout& province,
                  const FundLayout& fund,
                  const std::vector<MemberFacts>& members,
                  std::vector<Event>* events) {
  Rng rng = StreamFor(spec.seed, fund.index, Stream::kBenefits);
  const Rulebook rules = DrawRulebook(rng, spec.rates);
  BenefitPlanner planner(rng, province, members, rules, events);
  const int people = static_cast<int>(members.size());
  planner.Deaths();
  planner.Scattered(
      CountPerThousand(rng, people, rules.hospital_stays_per_1000),
      v1::MEMBER_CATEGORY_UNSPECIFIED, v1::BENEFIT_CATEGORY_SICKNESS,
      "ค่านอนโรงพยาบาล");
  planner.Scattered(CountPerThousand(rng, people, rules.births_per_1000),
                    v1::MEMBER_CATEGORY_GENERAL, v1::BENEFIT_CATEGORY_BIRTH,
                    "รับขวัญเด็กแรกเกิด");
  planner.Scattered(
      CountPerThousand(rng, people, rules.education_grants_per_1000),
      v1::MEMBER_CATEGORY_CHILD, v1::BENEFIT_CATEGORY_EDUCATION, "ทุนการศึกษา");
  const int32_t first_month = MonthIndexOf(province.first_day);
  if (rules.elderly_allowance) {  // On Songkran, the elderly's day.
    planner.Allowance(DayInMonth(first_month + kApril, 13),
                      v1::MEMBER_CATEGORY_ELDERLY, v1::BENEFIT_CATEGORY_ELDERLY,
                      "เงินวันผู้สูงอายุ");
  }
  if (rules.disadvantaged_baht > 0) {  // Day of persons with disabilities.
    planner.Allowance(DayInMonth(first_month + kDecember, 3),
                      v1::MEMBER_CATEGORY_DISADVANTAGED,
                      v1::BENEFIT_CATEGORY_DISADVANTAGED,
                      "เงินช่วยเหลือผู้ด้อยโอกาส");
  }
}

}  // namespace welfare::seed::internal
