// The province's layout: districts of kFundsPerDistrict sub-districts, one
// fund each, numbered in DOPA style; fund i depends only on funds 0..i, so a
// smaller province is a prefix of a larger one.
#include <algorithm>
#include <set>

#include "absl/strings/str_format.h"
#include "clients/seed/plan_internal.h"
#include "clients/seed/thai_names.h"

namespace welfare::seed::internal {
namespace {

constexpr int kVillagesMin = 4;
constexpr int kVillagesMax = 15;
// One fund in 12 was founded in the year before the simulated one.
constexpr int kYoungFundsPerTwelve = 1;
// One fund in 10 is run at municipal level.
constexpr int kMunicipalPerTen = 1;
constexpr int kDaysPerYear = 365;

// A place name not used yet in the province.
std::string UniquePlaceName(Rng& rng, std::set<std::string>* used) {
  for (;;) {
    std::string name = PlaceName(rng);
    if (used->insert(name).second) return name;
  }
}

void PlanVillages(Rng& rng, FundLayout* fund) {
  const int count = static_cast<int>(rng.Uniform(kVillagesMin, kVillagesMax));
  std::set<std::string> used;
  for (int v = 1; v <= count; ++v) {
    fund->village_codes.push_back(
        absl::StrFormat("%s%02d", fund->area_code, v));
    fund->village_names.push_back(UniquePlaceName(rng, &used));
  }
}

}  // namespace

ProvinceLayout PlanLayout(const ProvinceSpec& spec) {
  ProvinceLayout province;
  province.first_day = DayOf(FiscalYearFirstDay(spec.fiscal_year_be));
  province.last_day = DayOf(FiscalYearLastDay(spec.fiscal_year_be));
  province.opening_day = province.first_day - 1;
  province.as_of =
      spec.as_of.has_value() ? DayOf(*spec.as_of) : province.last_day;

  Rng names = StreamFor(spec.seed, -1, Stream::kLayout);
  province.province_name = ProvinceName(spec.province_code, names);
  std::set<std::string> used_names = {province.province_name};
  std::string district_name;
  for (int i = 0; i < spec.funds; ++i) {
    const int district = i / kFundsPerDistrict + 1;
    const int subdistrict = i % kFundsPerDistrict + 1;
    if (subdistrict == 1) district_name = UniquePlaceName(names, &used_names);

    FundLayout& fund = province.funds.emplace_back();
    fund.index = i;
    fund.fund_id = absl::StrFormat("p%s-f%04d", spec.province_code, i + 1);
    fund.area_code = absl::StrFormat("%s%02d%02d", spec.province_code, district,
                                     subdistrict);
    fund.district_name = district_name;
    fund.subdistrict_name = UniquePlaceName(names, &used_names);

    Rng rng = StreamFor(spec.seed, i, Stream::kLayout);
    fund.member_count =
        LogNormalCount(rng, spec.members_median, spec.members_sigma,
                       spec.members_min, spec.members_max);
    fund.municipal = rng.Chance(kMunicipalPerTen, 10);
    fund.young = rng.Chance(kYoungFundsPerTwelve, 12);
    // At least 200 days before the year: before its opening balances.
    fund.founding_day =
        province.first_day -
        static_cast<Day>(
            fund.young ? rng.Uniform(200, kDaysPerYear)
                       : rng.Uniform(2 * kDaysPerYear, 18 * kDaysPerYear));
    PlanVillages(rng, &fund);
  }
  return province;
}

}  // namespace welfare::seed::internal
