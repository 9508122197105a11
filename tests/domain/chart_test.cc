// The default chart of accounts (services/domain/chart.h) against the list
// in DOMAIN.md, and where each kind of money goes.
#include "services/domain/chart.h"

#include <set>
#include <vector>

#include "services/domain/validate.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
using ::welfare::testing::IsOk;

// DOMAIN.md, "Sensible defaults": the chart of accounts.
const std::vector<uint32_t> kDomainChart = {
    1101, 1111, 1201, 1301, 2101, 2201, 3101, 3201, 4101, 4102, 4201,
    4202, 4203, 4204, 4301, 4401, 4501, 4502, 4509, 5101, 5102, 5103,
    5104, 5105, 5106, 5107, 5108, 5109, 5110, 5111, 5112, 5113, 5114,
    5115, 5116, 5201, 5301, 5302, 5303, 5304, 5399};

std::set<uint32_t> ChartCodes() {
  std::set<uint32_t> codes;
  for (const auto& account : DefaultChart()) codes.insert(account.code());
  return codes;
}

TEST(ChartTest, HasTheFortyOneAccountsOfTheDomainInCodeOrder) {
  const auto chart = DefaultChart();
  ASSERT_EQ(kDomainChart.size(), 41u);
  std::vector<uint32_t> codes;
  for (const auto& account : chart) codes.push_back(account.code());
  EXPECT_EQ(codes, kDomainChart);  // Sorted and unique, as the list is.
}

TEST(ChartTest, OnlyCashOnHandAndBankDepositsAreCashOrBank) {
  for (const auto& account : DefaultChart()) {
    const int want = account.code() == 1101   ? v1::ACCOUNT_KIND_CASH
                     : account.code() == 1111 ? v1::ACCOUNT_KIND_BANK
                                              : v1::ACCOUNT_KIND_OTHER;
    EXPECT_EQ(account.kind(), want) << account.code();
  }
  EXPECT_EQ(kCashAccount, 1101u);
}

TEST(ChartTest, EveryAccountHasValidThaiAndEnglishNames) {
  for (const auto& account : DefaultChart()) {
    EXPECT_THAT(CheckText("display_name", account.display_name(), 200, true),
                IsOk())
        << account.code();
    EXPECT_THAT(CheckText("english_name", account.english_name(), 200, true),
                IsOk())
        << account.code();
  }
}

TEST(ChartTest, BenefitCategoriesMapToTheirOwnAccounts) {
  const std::set<uint32_t> codes = ChartCodes();
  for (int category = 1; category <= 16; ++category) {
    const uint32_t account =
        BenefitAccountFor(static_cast<v1::BenefitCategory>(category));
    EXPECT_EQ(account, 5100u + category) << category;
    EXPECT_TRUE(codes.count(account)) << account;
  }
  EXPECT_EQ(BenefitAccountFor(v1::BENEFIT_CATEGORY_UNSPECIFIED), 0u);
  EXPECT_EQ(BenefitAccountFor(static_cast<v1::BenefitCategory>(17)), 0u);
  EXPECT_EQ(BenefitAccountFor(static_cast<v1::BenefitCategory>(-1)), 0u);
}

TEST(ChartTest, EveryContributionSourceCreditsAnIncomeAccountOfTheChart) {
  const std::set<uint32_t> codes = ChartCodes();
  std::set<uint32_t> used;
  const auto* sources = v1::ContributionSource_descriptor();
  for (int i = 0; i < sources->value_count(); ++i) {
    const auto source =
        static_cast<v1::ContributionSource>(sources->value(i)->number());
    const uint32_t account = IncomeAccountFor(source);
    if (source == v1::CONTRIBUTION_SOURCE_UNSPECIFIED) {
      EXPECT_EQ(account, 0u);
      continue;
    }
    EXPECT_TRUE(codes.count(account)) << sources->value(i)->name();
    EXPECT_EQ(AccountTypeOf(account), v1::ACCOUNT_TYPE_INCOME)
        << sources->value(i)->name();
    EXPECT_TRUE(used.insert(account).second) << "two sources share " << account;
  }
  EXPECT_EQ(IncomeAccountFor(v1::CONTRIBUTION_SOURCE_MEMBER_DUES), 4101u);
  EXPECT_EQ(IncomeAccountFor(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH), 4202u);
}

TEST(ChartTest, EveryCostKindDebitsAnExpenseAccountOfTheChart) {
  const std::set<uint32_t> codes = ChartCodes();
  const auto* kinds = v1::CostKind_descriptor();
  for (int i = 0; i < kinds->value_count(); ++i) {
    const auto kind = static_cast<v1::CostKind>(kinds->value(i)->number());
    const uint32_t account = CostAccountFor(kind);
    if (kind == v1::COST_KIND_UNSPECIFIED) {
      EXPECT_EQ(account, 0u);
      continue;
    }
    EXPECT_TRUE(codes.count(account)) << kinds->value(i)->name();
    EXPECT_EQ(AccountTypeOf(account), v1::ACCOUNT_TYPE_EXPENSE);
  }
}

TEST(ChartTest, AccountTypeAndNormalSideFollowTheFirstDigit) {
  const struct {
    uint32_t code;
    v1::AccountType type;
    bool debit_normal;
  } cases[] = {
      {1101, v1::ACCOUNT_TYPE_ASSET, true},
      {2101, v1::ACCOUNT_TYPE_LIABILITY, false},
      {3101, v1::ACCOUNT_TYPE_FUND_BALANCE, false},
      {4101, v1::ACCOUNT_TYPE_INCOME, false},
      {5101, v1::ACCOUNT_TYPE_EXPENSE, true},
      {6101, v1::ACCOUNT_TYPE_UNSPECIFIED, false},
      {101, v1::ACCOUNT_TYPE_UNSPECIFIED, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(AccountTypeOf(c.code), c.type) << c.code;
    EXPECT_EQ(IsDebitNormal(c.code), c.debit_normal) << c.code;
  }
}

}  // namespace
}  // namespace welfare::domain
