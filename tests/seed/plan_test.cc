// The seeded province plan: deterministic, and made only of requests the
// server accepts. Pure: no server here (execute_test.cc runs a plan).
#include "clients/seed/plan.h"

#include <map>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/seed/national_id.h"
#include "tests/testing/test_util.h"

namespace welfare::seed {
namespace {

using ::testing::SizeIs;
using ::welfare::testing::IsOk;

ProvinceSpec SmallSpec(uint64_t seed) {
  ProvinceSpec spec;
  spec.seed = seed;
  spec.funds = 6;
  spec.members_median = 80;
  spec.members_min = 20;
  spec.members_max = 400;
  spec.rates.deaths_per_1000 = 40;  // Enough deaths to see some.
  return spec;
}

ProvincePlan Plan(const ProvinceSpec& spec) {
  absl::StatusOr<ProvincePlan> plan = PlanProvince(spec);
  EXPECT_THAT(plan, IsOk());
  return plan.ok() ? *std::move(plan) : ProvincePlan();
}

absl::CivilDay DayOf(const v1::Date& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

const v1::Date& DateOf(const v1::BatchItem& item) {
  switch (item.item_case()) {
    case v1::BatchItem::kContribution:
      return item.contribution().effective_date();
    case v1::BatchItem::kDisbursement:
      return item.disbursement().effective_date();
    default:
      return item.transaction().effective_date();
  }
}

// Every batch item of a fund in order, with the deaths recorded before it.
template <typename Visit>
void ForEachItem(const FundPlan& fund, Visit visit) {
  std::map<int, absl::CivilDay> deaths;  // member -> death day
  for (const FundStep& step : fund.steps) {
    if (step.kind == FundStep::Kind::kStatusChange) {
      const std::string& name = step.status_change.name();
      const int member = std::stoi(name.substr(name.rfind('/') + 1));
      deaths[member] = DayOf(step.status_change.change().effective_date());
      continue;
    }
    for (const v1::BatchItem& item : step.batch.items()) visit(item, deaths);
  }
}

TEST(PlanTest, SameSeedGivesAByteIdenticalPlan) {
  const std::string first = PlanBytes(Plan(SmallSpec(42)));
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(PlanBytes(Plan(SmallSpec(42))), first);
}

TEST(PlanTest, DifferentSeedGivesADifferentPlan) {
  EXPECT_NE(PlanBytes(Plan(SmallSpec(42))), PlanBytes(Plan(SmallSpec(43))));
}

TEST(PlanTest, SmallerProvinceIsThePrefixOfABiggerOne) {
  ProvinceSpec spec = SmallSpec(7);
  const ProvincePlan big = Plan(spec);
  spec.funds = 2;
  const ProvincePlan small = Plan(spec);
  ProvincePlan prefix = big;
  prefix.funds.resize(2);
  EXPECT_EQ(PlanBytes(small), PlanBytes(prefix));
}

TEST(PlanTest, NationalIdsPassTheChecksumAndAreUniqueInTheProvince) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  std::set<std::string> seen;
  for (const FundPlan& fund : plan.funds) {
    for (const auto& request : fund.members) {
      const std::string& id = request.member().profile().national_id();
      EXPECT_TRUE(IsValidNationalId(id)) << id;
      EXPECT_EQ(id.substr(1, 2), "33");
      EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
    }
  }
  EXPECT_EQ(static_cast<int64_t>(seen.size()), plan.totals.members);
}

TEST(PlanTest, NationalIdCheckDigitMatchesTheTestHelper) {
  for (int64_t n : {1, 2, 12345, 99999999}) {
    const std::string id = testing::NationalIdFor(n);
    EXPECT_TRUE(IsValidNationalId(id)) << id;
    std::string wrong = id;
    wrong[12] = static_cast<char>('0' + (id[12] - '0' + 1) % 10);
    EXPECT_FALSE(IsValidNationalId(wrong)) << wrong;
  }
}

TEST(PlanTest, DuesMonthsNeverOverlapAndArePaidOnlyByTheLiving) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  int64_t dues = 0;
  for (const FundPlan& fund : plan.funds) {
    std::map<int, std::set<int>> paid;  // member -> month indexes
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto& deaths) {
      if (!item.has_contribution() || item.contribution().member_number() == 0)
        return;
      const v1::Contribution& c = item.contribution();
      ASSERT_EQ(c.source(), v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
      EXPECT_EQ(deaths.count(c.member_number()), 0u)
          << fund.fund_id << " member " << c.member_number() << " paid dead";
      const int first = c.months().first_month().year() * 12 +
                        c.months().first_month().month() - 1;
      ASSERT_GE(c.months().month_count(), 1);
      for (int m = first; m < first + c.months().month_count(); ++m) {
        EXPECT_TRUE(paid[c.member_number()].insert(m).second)
            << fund.fund_id << " member " << c.member_number() << " month " << m
            << " paid twice";
      }
      ++dues;
    });
  }
  EXPECT_EQ(dues, plan.totals.dues_payments);
}

TEST(PlanTest, BatchesAreSmallBalancedAndCarryUniqueRequestIds) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  for (const FundPlan& fund : plan.funds) {
    std::set<std::string> ids = {fund.create.request_id()};
    for (const auto& member : fund.members) ids.insert(member.request_id());
    for (const FundStep& step : fund.steps) {
      EXPECT_TRUE(ids.insert(step.request_id()).second) << step.request_id();
      EXPECT_LE(step.request_id().size(), 64u);
      EXPECT_TRUE(absl::StartsWith(step.request_id(),
                                   absl::StrCat("seed42:", fund.fund_id, ":")));
      if (step.kind != FundStep::Kind::kBatch) continue;
      EXPECT_GE(step.batch.items_size(), 1);
      EXPECT_LE(step.batch.items_size(), kBatchItemsMax);
      for (const v1::BatchItem& item : step.batch.items()) {
        if (!item.has_transaction()) continue;
        int64_t debits = 0, credits = 0;
        for (const v1::Posting& posting : item.transaction().postings()) {
          EXPECT_GT(posting.amount_satang(), 0);
          (posting.side() == v1::DEBIT ? debits : credits) +=
              posting.amount_satang();
        }
        EXPECT_EQ(debits, credits);
      }
    }
    EXPECT_EQ(ids.size(), 1 + fund.members.size() + fund.steps.size());
  }
}

// The field rules of ledger.proto that a request alone can break.
TEST(PlanTest, ItemsFillTheFieldsTheServerRequires) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  const std::set<std::string> cash_or_bank = {"1101", "1111"};
  for (const FundPlan& fund : plan.funds) {
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto&) {
      if (item.has_contribution()) {
        const v1::Contribution& c = item.contribution();
        EXPECT_NE(c.source(), v1::CONTRIBUTION_SOURCE_UNSPECIFIED);
        EXPECT_GT(c.amount_satang(), 0);
        EXPECT_EQ(c.member_number() > 0,
                  c.source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
        EXPECT_EQ(c.has_months(),
                  c.source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
        EXPECT_EQ(!c.matching_round().empty(),
                  c.source() == v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
        EXPECT_EQ(cash_or_bank.count(c.deposit_account_code()), 1u);
      } else if (item.has_disbursement()) {
        const v1::Disbursement& d = item.disbursement();
        EXPECT_GT(d.amount_satang(), 0);
        EXPECT_EQ(cash_or_bank.count(d.payment_account_code()), 1u);
        if (d.has_benefit()) {
          EXPECT_NE(d.benefit().category(), v1::BENEFIT_CATEGORY_UNSPECIFIED);
          EXPECT_GT(d.benefit().member_number(), 0);
          EXPECT_LE(d.benefit().member_number(),
                    static_cast<int>(fund.members.size()));
        } else {
          ASSERT_TRUE(d.has_operating_cost());
          EXPECT_NE(d.operating_cost().kind(), v1::COST_KIND_UNSPECIFIED);
        }
      } else {
        ASSERT_TRUE(item.has_transaction());
        EXPECT_GE(item.transaction().postings_size(), 2);
        EXPECT_LE(item.transaction().postings_size(), 64);
      }
    });
  }
}

TEST(PlanTest, BigFundsSplitBatchesAtTheLimit) {
  ProvinceSpec spec = SmallSpec(3);
  spec.funds = 1;
  spec.members_min = spec.members_median = spec.members_max = 5000;
  const ProvincePlan plan = Plan(spec);
  int full = 0;
  for (const FundStep& step : plan.funds[0].steps) {
    if (step.kind != FundStep::Kind::kBatch) continue;
    EXPECT_LE(step.batch.items_size(), kBatchItemsMax);
    if (step.batch.items_size() == kBatchItemsMax) ++full;
  }
  EXPECT_GE(full, 1);  // October's dues alone are more than one batch.
}

// A reference model of the server's rule: with items in date order, cash
// and bank may never go negative after any item.
TEST(PlanTest, CashAndBankNeverGoNegativeAndItemsAreInDateOrder) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  for (const FundPlan& fund : plan.funds) {
    std::map<std::string, int64_t> balance;
    absl::CivilDay last = plan.first_day - 1;  // The opening balances' day.
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto&) {
      const absl::CivilDay day = DayOf(DateOf(item));
      EXPECT_GE(day, last) << fund.fund_id;
      last = day;
      if (item.has_contribution()) {
        balance[item.contribution().deposit_account_code()] +=
            item.contribution().amount_satang();
      } else if (item.has_disbursement()) {
        balance[item.disbursement().payment_account_code()] -=
            item.disbursement().amount_satang();
      } else {
        for (const v1::Posting& p : item.transaction().postings()) {
          balance[p.account_code()] +=
              p.side() == v1::DEBIT ? p.amount_satang() : -p.amount_satang();
        }
      }
      EXPECT_GE(balance["1101"], 0) << fund.fund_id << " on " << day;
      EXPECT_GE(balance["1111"], 0) << fund.fund_id << " on " << day;
    });
  }
}

TEST(PlanTest, BenefitsGoToTheLivingAndDeathBenefitsToTheDeceased) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  ASSERT_GT(plan.totals.status_changes, 0);
  int64_t death_benefits = 0;
  for (const FundPlan& fund : plan.funds) {
    std::map<int, absl::CivilDay> joined;
    for (size_t i = 0; i < fund.members.size(); ++i) {
      joined[static_cast<int>(i) + 1] =
          DayOf(fund.members[i].member().join_date());
    }
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto& deaths) {
      if (!item.has_disbursement() || !item.disbursement().has_benefit())
        return;
      const v1::Benefit& benefit = item.disbursement().benefit();
      const absl::CivilDay day = DayOf(item.disbursement().effective_date());
      const bool for_the_dead =
          benefit.category() == v1::BENEFIT_CATEGORY_DEATH ||
          benefit.category() == v1::BENEFIT_CATEGORY_FUNERAL;
      const auto death = deaths.find(benefit.member_number());
      EXPECT_EQ(for_the_dead, death != deaths.end())
          << fund.fund_id << " member " << benefit.member_number();
      if (death != deaths.end()) {
        EXPECT_GE(day, death->second);
      }
      EXPECT_GE(day, joined.at(benefit.member_number()));
      if (benefit.category() == v1::BENEFIT_CATEGORY_DEATH) {
        ++death_benefits;
        EXPECT_EQ(benefit.payee(), v1::PAYEE_NOMINEE);
        EXPECT_GE(item.disbursement().amount_satang(), 3000 * 100);
        EXPECT_LE(item.disbursement().amount_satang(), 30000 * 100);
      }
    });
  }
  EXPECT_GT(death_benefits, 0);
}

bool IsOpeningBalance(const v1::BatchItem& item) {
  if (!item.has_transaction()) return false;
  for (const v1::Posting& posting : item.transaction().postings()) {
    if (posting.account_code() == "3101" || posting.account_code() == "3201") {
      return true;
    }
  }
  return false;
}

TEST(PlanTest, NothingIsDatedAfterAsOfOrBeforeTheFiscalYearButTheOpening) {
  ProvinceSpec spec = SmallSpec(42);
  spec.as_of = absl::CivilDay(2026, 6, 15);
  const ProvincePlan plan = Plan(spec);
  const absl::CivilDay first(2025, 10, 1);
  EXPECT_EQ(plan.first_day, first);
  for (const FundPlan& fund : plan.funds) {
    const absl::CivilDay founded = DayOf(fund.create.fund().founding_date());
    for (const auto& member : fund.members) {
      EXPECT_GE(DayOf(member.member().join_date()), founded);
      EXPECT_LT(DayOf(member.member().join_date()), first);
    }
    for (const FundStep& step : fund.steps) {
      if (step.kind == FundStep::Kind::kStatusChange) {
        EXPECT_LE(DayOf(step.status_change.change().effective_date()),
                  *spec.as_of);
      }
    }
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto&) {
      EXPECT_GE(DayOf(DateOf(item)),
                IsOpeningBalance(item) ? first - 1 : first);
      EXPECT_LE(DayOf(DateOf(item)), *spec.as_of);
    });
  }
}

// The balances brought forward open fiscal year 2569 on 30 September 2568
// (2025), as `welfare import --opening-date` does: dated 1 October they
// would be the year's receipts. The fund exists by then, and its members
// have joined before they pay.
TEST(PlanTest, OpeningBalancesAreDatedOnTheLastDayOfThePreviousYear) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  const absl::CivilDay opening(2025, 9, 30);
  for (const FundPlan& fund : plan.funds) {
    ASSERT_FALSE(fund.steps.empty());
    ASSERT_EQ(fund.steps.front().kind, FundStep::Kind::kBatch);
    const v1::PostBatchRequest& first = fund.steps.front().batch;
    ASSERT_EQ(first.items_size(), 1) << fund.fund_id;
    ASSERT_TRUE(IsOpeningBalance(first.items(0))) << fund.fund_id;
    EXPECT_EQ(DayOf(DateOf(first.items(0))), opening) << fund.fund_id;
    EXPECT_LE(DayOf(fund.create.fund().founding_date()), opening);
    int openings = 0;
    std::map<int, absl::CivilDay> joined;
    for (size_t i = 0; i < fund.members.size(); ++i) {
      joined[static_cast<int>(i) + 1] =
          DayOf(fund.members[i].member().join_date());
      EXPECT_LE(joined[static_cast<int>(i) + 1], opening);
    }
    ForEachItem(fund, [&](const v1::BatchItem& item, const auto&) {
      openings += IsOpeningBalance(item) ? 1 : 0;
      if (item.has_contribution() && item.contribution().member_number() > 0) {
        EXPECT_GT(DayOf(DateOf(item)),
                  joined.at(item.contribution().member_number()));
      }
    });
    EXPECT_EQ(openings, 1) << fund.fund_id;
  }
}

TEST(PlanTest, FundsHaveAreaCodesUnderTheProvince) {
  const ProvincePlan plan = Plan(SmallSpec(42));
  ASSERT_THAT(plan.funds, SizeIs(6));
  EXPECT_EQ(plan.funds[0].fund_id, "p33-f0001");
  std::set<std::string> areas, names;
  for (const FundPlan& fund : plan.funds) {
    const v1::Fund& body = fund.create.fund();
    EXPECT_EQ(body.area_code().size(), 6u);
    EXPECT_TRUE(absl::StartsWith(body.area_code(), "33"));
    EXPECT_TRUE(areas.insert(body.area_code()).second);
    EXPECT_TRUE(names.insert(body.display_name()).second);
    EXPECT_TRUE(absl::StartsWith(body.display_name(), "กองทุนสวัสดิการชุมชน"));
    EXPECT_GE(body.village_codes_size(), 1);
    for (const std::string& village : body.village_codes()) {
      EXPECT_EQ(village.size(), 8u);
      EXPECT_TRUE(absl::StartsWith(village, body.area_code()));
    }
    for (const auto& member : fund.members) {
      EXPECT_TRUE(
          absl::StartsWith(member.member().village_code(), body.area_code()));
    }
  }
}

}  // namespace
}  // namespace welfare::seed
