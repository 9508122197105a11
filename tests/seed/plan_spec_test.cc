// The province spec: what it refuses, and that a plan of it follows the
// synthetic-data parameters of DOMAIN.md.
#include <string>

#include "clients/seed/plan.h"
#include "tests/testing/test_util.h"

namespace welfare::seed {
namespace {

using ::welfare::testing::IsOk;

TEST(PlanSpecTest, DefaultSpecIsSisaketFiscalYear2569) {
  const ProvinceSpec spec;
  EXPECT_THAT(ValidateSpec(spec), IsOk());
  EXPECT_EQ(spec.province_code, "33");
  EXPECT_EQ(spec.funds, 170);
  EXPECT_EQ(FiscalYearFirstDay(spec.fiscal_year_be),
            absl::CivilDay(2025, 10, 1));
  EXPECT_EQ(FiscalYearLastDay(spec.fiscal_year_be),
            absl::CivilDay(2026, 9, 30));
}

// In the order ValidateSpec checks.
TEST(PlanSpecTest, ValidateSpecRefusesBadFields) {
  const struct {
    const char* field;
    void (*spoil)(ProvinceSpec&);
  } cases[] = {
      {"province_code", [](ProvinceSpec& s) { s.province_code = "99"; }},
      {"province_code", [](ProvinceSpec& s) { s.province_code = "330"; }},
      {"funds", [](ProvinceSpec& s) { s.funds = 0; }},
      {"funds", [](ProvinceSpec& s) { s.funds = kFundsMax + 1; }},
      {"members_min", [](ProvinceSpec& s) { s.members_min = 0; }},
      {"members_min", [](ProvinceSpec& s) { s.members_median = 6000; }},
      {"members_min", [](ProvinceSpec& s) { s.members_max = 10000; }},
      {"members_sigma", [](ProvinceSpec& s) { s.members_sigma = -1; }},
      {"fiscal_year_be", [](ProvinceSpec& s) { s.fiscal_year_be = 2026; }},
      {"as_of", [](ProvinceSpec& s) { s.as_of = absl::CivilDay(2025, 9, 30); }},
      {"as_of", [](ProvinceSpec& s) { s.as_of = absl::CivilDay(2026, 10, 1); }},
      {"rates.hospital_stays_per_1000",
       [](ProvinceSpec& s) { s.rates.hospital_stays_per_1000_min = 200; }},
      {"rates.operating_cost_percent",
       [](ProvinceSpec& s) { s.rates.operating_cost_percent_max = 90; }},
  };
  for (const auto& c : cases) {
    ProvinceSpec spec;
    c.spoil(spec);
    const absl::Status status = ValidateSpec(spec);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.field;
    EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr(c.field));
    EXPECT_FALSE(PlanProvince(spec).ok()) << c.field;
  }
}

// Twenty funds of the default size: about 18,000 members.
TEST(PlanSpecTest, PlanFollowsTheSyntheticDataParameters) {
  ProvinceSpec spec;
  spec.seed = 2569;
  spec.funds = 20;
  absl::StatusOr<ProvincePlan> plan = PlanProvince(spec);
  ASSERT_THAT(plan, IsOk());
  const PlanTotals& t = plan->totals;
  for (const FundPlan& fund : plan->funds) {
    EXPECT_GE(fund.members.size(), 100u);
    EXPECT_LE(fund.members.size(), 5000u);
  }
  const double members = static_cast<double>(t.members);
  const auto share = [&](v1::MemberCategory category) {
    return static_cast<double>(t.members_by_category[category]) / members;
  };
  EXPECT_NEAR(share(v1::MEMBER_CATEGORY_GENERAL), 0.59, 0.02);
  EXPECT_NEAR(share(v1::MEMBER_CATEGORY_CHILD), 0.16, 0.02);
  EXPECT_NEAR(share(v1::MEMBER_CATEGORY_ELDERLY), 0.22, 0.02);
  EXPECT_NEAR(share(v1::MEMBER_CATEGORY_DISADVANTAGED), 0.03, 0.01);
  EXPECT_NEAR(static_cast<double>(t.status_changes) / members, 0.005, 0.002);

  int64_t yearly = 0, hospital = 0;
  for (const FundPlan& fund : plan->funds) {
    for (const FundStep& step : fund.steps) {
      for (const v1::BatchItem& item : step.batch.items()) {
        if (item.contribution().months().month_count() == 12) ++yearly;
        if (item.disbursement().benefit().category() ==
            v1::BENEFIT_CATEGORY_SICKNESS) {
          ++hospital;
          EXPECT_GE(item.disbursement().benefit().quantity(), 3);
          EXPECT_LE(item.disbursement().benefit().quantity(), 4);
        }
      }
    }
  }
  EXPECT_NEAR(static_cast<double>(yearly) / members, 0.45, 0.03);
  // 80..120 per 1,000, less the members still in their waiting period.
  EXPECT_GT(static_cast<double>(hospital) / members, 0.060);
  EXPECT_LT(static_cast<double>(hospital) / members, 0.125);
  const double costs = static_cast<double>(t.operating_costs_satang) /
                       static_cast<double>(t.income_satang);
  EXPECT_GT(costs, 0.04);
  EXPECT_LT(costs, 0.16);
  EXPECT_EQ(t.deferred_benefits, 0);
}

}  // namespace
}  // namespace welfare::seed
