// A fund's members: category, join date, dues habit, whether they die in the
// year, and a made-up profile with a national ID unique in the province.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/seed/national_id.h"
#include "clients/seed/plan_internal.h"
#include "clients/seed/thai_names.h"

namespace welfare::seed::internal {
namespace {

// Per 100 members (DOMAIN.md): 59 general working age, 16 children,
// 22 elderly, 3 disadvantaged.
constexpr int kGeneralPercent = 59;
constexpr int kChildPercent = 16;
constexpr int kElderlyPercent = 22;
// Dues habits per 100: 45 yearly, 35 monthly, 15 half-yearly, 5 irregular.
constexpr int kYearlyPercent = 45;
constexpr int kMonthlyPercent = 35;
constexpr int kHalfYearlyPercent = 15;
// Founding members join on the founding day.
constexpr int kFoundingMembersPercent = 30;

// Relative risk of death by category, per mille of the fund's rate, so that
// the fund's deaths average about its rate: 0.59*0.55 + 0.16*0.2 +
// 0.22*2.7 + 0.03*1.0 = 0.98.
int DeathWeightPerMille(v1::MemberCategory category) {
  switch (category) {
    case v1::MEMBER_CATEGORY_CHILD:
      return 200;
    case v1::MEMBER_CATEGORY_ELDERLY:
      return 2700;
    case v1::MEMBER_CATEGORY_DISADVANTAGED:
      return 1000;
    default:
      return 550;
  }
}

v1::MemberCategory DrawCategory(Rng& rng) {
  const int64_t percent = rng.Uniform(0, 99);
  if (percent < kGeneralPercent) return v1::MEMBER_CATEGORY_GENERAL;
  if (percent < kGeneralPercent + kChildPercent) {
    return v1::MEMBER_CATEGORY_CHILD;
  }
  if (percent < kGeneralPercent + kChildPercent + kElderlyPercent) {
    return v1::MEMBER_CATEGORY_ELDERLY;
  }
  return v1::MEMBER_CATEGORY_DISADVANTAGED;
}

DuesHabit DrawDuesHabit(Rng& rng) {
  const int64_t percent = rng.Uniform(0, 99);
  if (percent < kYearlyPercent) return DuesHabit::kYearly;
  if (percent < kYearlyPercent + kMonthlyPercent) return DuesHabit::kMonthly;
  if (percent < kYearlyPercent + kMonthlyPercent + kHalfYearlyPercent) {
    return DuesHabit::kHalfYearly;
  }
  return DuesHabit::kIrregular;
}

// 1: registered at birth since 1984; 3: registered before.
int PersonTypeDigit(Rng& rng, v1::MemberCategory category) {
  if (category == v1::MEMBER_CATEGORY_CHILD) return 1;
  if (category == v1::MEMBER_CATEGORY_ELDERLY) return 3;
  return rng.Chance(1, 2) ? 1 : 3;
}

v1::MemberProfile MakeProfile(Rng& rng, const ProvinceSpec& spec,
                              const ProvinceLayout& province,
                              const FundLayout& fund, int village,
                              const MemberFacts& facts) {
  const bool child = facts.category == v1::MEMBER_CATEGORY_CHILD;
  const Sex sex = rng.Chance(1, 2) ? Sex::kMale : Sex::kFemale;
  const std::string family_name = FamilyName(rng);
  v1::MemberProfile profile;
  profile.set_full_name(
      absl::StrCat(Title(rng, sex, child), GivenName(rng), " ", family_name));
  const uint64_t serial =
      static_cast<uint64_t>(fund.index) * (kMembersPerFundMax + 1) +
      static_cast<uint64_t>(facts.number - 1);
  profile.set_national_id(MakeNationalId(PersonTypeDigit(rng, facts.category),
                                         spec.province_code, serial,
                                         spec.seed));
  profile.set_address(absl::StrFormat(
      "%d หมู่ %d บ้าน%s ต.%s อ.%s จ.%s", rng.Uniform(1, 250), village + 1,
      fund.village_names[village], fund.subdistrict_name, fund.district_name,
      province.province_name));
  const Sex nominee_sex = rng.Chance(1, 2) ? Sex::kMale : Sex::kFemale;
  profile.set_nominee_name(
      absl::StrCat(Title(rng, nominee_sex, false), GivenName(rng), " ",
                   rng.Chance(7, 10) ? family_name : FamilyName(rng)));
  profile.set_nominee_relationship(NomineeRelationship(rng, child));
  return profile;
}

}  // namespace

void PlanMembers(const ProvinceSpec& spec, const ProvinceLayout& province,
                 const FundLayout& fund, std::vector<MemberFacts>* facts,
                 std::vector<v1::RegisterMemberRequest>* requests) {
  Rng rng = StreamFor(spec.seed, fund.index, Stream::kMembers);
  facts->reserve(fund.member_count);
  requests->reserve(fund.member_count);
  const std::string parent = absl::StrCat("funds/", fund.fund_id);
  for (int number = 1; number <= fund.member_count; ++number) {
    MemberFacts& member = facts->emplace_back();
    member.number = number;
    member.category = DrawCategory(rng);
    member.dues = DrawDuesHabit(rng);
    member.join_day = rng.Chance(kFoundingMembersPercent, 100)
                          ? fund.founding_day
                          : static_cast<Day>(rng.Uniform(fund.founding_day,
                                                         province.opening_day));
    if (rng.Chance(static_cast<int64_t>(spec.rates.deaths_per_1000) *
                       DeathWeightPerMille(member.category),
                   1000 * 1000)) {
      member.death_day =
          static_cast<Day>(rng.Uniform(province.first_day, province.last_day));
    }
    const int village = static_cast<int>(
        rng.Uniform(0, static_cast<int64_t>(fund.village_codes.size()) - 1));

    v1::RegisterMemberRequest& request = requests->emplace_back();
    request.set_parent(parent);
    request.set_request_id(
        RequestId(spec.seed, fund.fund_id, absl::StrCat("m", number)));
    v1::Member* body = request.mutable_member();
    body->set_category(member.category);
    *body->mutable_join_date() = ProtoDate(member.join_day);
    body->set_village_code(fund.village_codes[village]);
    *body->mutable_profile() =
        MakeProfile(rng, spec, province, fund, village, member);
  }
}

}  // namespace welfare::seed::internal
