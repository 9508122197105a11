// The rules that read a member's profile or dues history, through a real
// server: age limits from the birth date, sex limits, and tiers by years of
// contribution (months of dues paid). The evaluation the journal keeps
// names the rule's ages, never the member's.
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/claims_fixture.h"
#include "tests/testing/journal_check.h"

namespace welfare::testing {
namespace {

// Every item's explanation, one a line.
std::string Explained(const v1::BenefitEvaluation& evaluation) {
  std::string text;
  for (const auto& item : evaluation.items()) {
    absl::StrAppend(&text, item.passed() ? "+ " : "- ", item.explanation(),
                    "\n");
  }
  return text;
}

class ClaimProfileRulesTest : public ClaimsTest {
 protected:
  // The fixture's rulebook with an elderly allowance from 60, tiered by years
  // of dues paid (1 year 300 baht, 2 years 500), and a birth benefit for
  // women.
  static v1::Rulebook ProfileRules() {
    v1::Rulebook rulebook = Rules(MakeDate(2025, 10, 1), 20000);
    v1::BenefitRule* elderly = rulebook.add_benefits();
    elderly->set_category(v1::BENEFIT_CATEGORY_ELDERLY);
    elderly->set_min_age_years(60);
    elderly->set_tier_basis(v1::TIER_BASIS_CONTRIBUTION);
    elderly->add_tiers()->set_min_years(1);
    elderly->mutable_tiers(0)->set_amount_satang(30000);
    elderly->add_tiers()->set_min_years(2);
    elderly->mutable_tiers(1)->set_amount_satang(50000);
    v1::BenefitRule* birth = rulebook.add_benefits();
    birth->set_category(v1::BENEFIT_CATEGORY_BIRTH);
    birth->set_sex(v1::SEX_FEMALE);
    birth->set_amount_per_event_satang(100000);
    return rulebook;
  }

  absl::Status SetProfile(int member, const v1::Date& born, v1::Sex sex) {
    v1::UpdateMemberProfileRequest update;
    update.set_name(absl::StrCat(kFund, "/members/", member));
    update.set_request_id(absl::StrCat("profile-", ++request_ids_));
    update.mutable_profile()->set_full_name(absl::StrCat("สมาชิก ", member));
    *update.mutable_profile()->mutable_birth_date() = born;
    update.mutable_profile()->set_sex(sex);
    return client_->UpdateMemberProfile(update).status();
  }
};

TEST_F(ClaimProfileRulesTest, AgeAndSexLimitsReadTheProfile) {
  ASSERT_THAT(Adopt(ProfileRules()), IsOk());
  // Member 1: a man of 65 on 15 March 2026 (born 16 March 1960).
  ASSERT_THAT(SetProfile(1, MakeDate(1960, 3, 16), v1::SEX_MALE), IsOk());
  auto elderly =
      Submit(1, v1::BENEFIT_CATEGORY_ELDERLY, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(elderly, IsOk());
  const std::string explained = Explained(elderly->evaluation());
  EXPECT_TRUE(elderly->evaluation().eligible()) << explained;
  EXPECT_THAT(explained,
              ::testing::HasSubstr("+ age on the event date: within 60 and "
                                   "over"));
  EXPECT_THAT(explained, ::testing::Not(::testing::HasSubstr("65")));
  // Dues paid from January 2024: 27 months to March 2026, two full years.
  EXPECT_THAT(explained,
              ::testing::HasSubstr("2 years of contribution (27 months of dues "
                                   "paid): the tier from 2 years"));
  EXPECT_EQ(elderly->evaluation().allowed_satang(), 50000);

  auto birth = Submit(1, v1::BENEFIT_CATEGORY_BIRTH, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(birth, IsOk());
  EXPECT_FALSE(birth->evaluation().eligible());
  EXPECT_THAT(
      Explained(birth->evaluation()),
      ::testing::HasSubstr("- sex: the rule is for women only; not met"));

  // Member 2 has no birth date and no sex recorded: both limits fail.
  auto unknown =
      Submit(2, v1::BENEFIT_CATEGORY_ELDERLY, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(unknown, IsOk());
  EXPECT_FALSE(unknown->evaluation().eligible());
  EXPECT_THAT(Explained(unknown->evaluation()),
              ::testing::HasSubstr("the member's profile has no birth date"));
  auto unknown_birth =
      Submit(2, v1::BENEFIT_CATEGORY_BIRTH, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(unknown_birth, IsOk());
  EXPECT_THAT(Explained(unknown_birth->evaluation()),
              ::testing::HasSubstr("does not record it"));

  // Recorded now: a woman, 59 on the event date, 60 the day after.
  ASSERT_THAT(SetProfile(2, MakeDate(1966, 3, 16), v1::SEX_FEMALE), IsOk());
  auto young =
      Submit(2, v1::BENEFIT_CATEGORY_ELDERLY, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(young, IsOk());
  EXPECT_FALSE(young->evaluation().eligible());
  EXPECT_THAT(Explained(young->evaluation()),
              ::testing::HasSubstr("- age on the event date: under 60"));
  auto sixty =
      Submit(2, v1::BENEFIT_CATEGORY_ELDERLY, MakeDate(2026, 3, 16), 0);
  ASSERT_THAT(sixty, IsOk());
  EXPECT_TRUE(sixty->evaluation().eligible()) << Explained(sixty->evaluation());
  auto mother = Submit(2, v1::BENEFIT_CATEGORY_BIRTH, MakeDate(2026, 3, 15), 0);
  ASSERT_THAT(mother, IsOk());
  EXPECT_TRUE(mother->evaluation().eligible())
      << Explained(mother->evaluation());
  EXPECT_EQ(mother->evaluation().allowed_satang(), 100000);

  // The journal keeps the evaluations, never a birth date.
  auto journal = ReadAndCheckJournal(*client_, "ban-claim");
  ASSERT_THAT(journal, IsOk());
  for (const auto& entry : journal->entries) {
    const std::string text = entry.DebugString();
    EXPECT_EQ(text.find("1960"), std::string::npos) << text;
    EXPECT_EQ(text.find("1966"), std::string::npos) << text;
  }
}

TEST_F(ClaimProfileRulesTest, PaymentReadsTheProfileAgain) {
  ASSERT_THAT(Adopt(ProfileRules()), IsOk());
  ASSERT_THAT(SetProfile(1, MakeDate(1950, 1, 1), v1::SEX_FEMALE), IsOk());
  v1::Claim approved =
      Approved(1, v1::BENEFIT_CATEGORY_ELDERLY, MakeDate(2026, 3, 15), 0);
  ASSERT_TRUE(approved.evaluation().eligible());
  // The profile is erased before payment: the age limit can no longer be
  // checked, so only the committee's override pays.
  v1::EraseMemberProfileRequest erase;
  erase.set_name(absl::StrCat(kFund, "/members/1"));
  erase.set_request_id("erase-1");
  ASSERT_THAT(client_->EraseMemberProfile(erase), IsOk());
  EXPECT_THAT(Pay(approved), HasError(absl::StatusCode::kFailedPrecondition,
                                      "CLAIM_EXCEEDS_RULES"));
  // The rules now allow nothing, so the override names the amount.
  EXPECT_THAT(Pay(approved, 0, "มติคณะกรรมการ 7/2569"),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  auto paid = Pay(approved, 50000, "มติคณะกรรมการ 7/2569");
  ASSERT_THAT(paid, IsOk());
  auto after = Get(approved);
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->state(), v1::CLAIM_STATE_PAID);
  EXPECT_EQ(after->override_resolution(), "มติคณะกรรมการ 7/2569");
}

TEST_F(ClaimProfileRulesTest, BadAgeAndSexLimitsAreRefused) {
  struct Bad {
    const char* field;
    void (*spoil)(v1::BenefitRule&);
  };
  const Bad bads[] = {
      {"benefits[2].min_age_years",
       [](v1::BenefitRule& rule) { rule.set_min_age_years(151); }},
      {"benefits[2].max_age_years",
       [](v1::BenefitRule& rule) { rule.set_max_age_years(-1); }},
      {"benefits[2].max_age_years",
       [](v1::BenefitRule& rule) { rule.set_max_age_years(59); }},
      {"benefits[2].tier_basis",
       [](v1::BenefitRule& rule) {
         rule.set_tier_basis(static_cast<v1::TierBasis>(9));
       }},
      {"benefits[2].sex",
       [](v1::BenefitRule& rule) { rule.set_sex(static_cast<v1::Sex>(3)); }},
  };
  for (const Bad& bad : bads) {
    SCOPED_TRACE(bad.field);
    v1::Rulebook rulebook = ProfileRules();
    bad.spoil(*rulebook.mutable_benefits(2));
    auto adopted = Adopt(rulebook);
    EXPECT_THAT(adopted,
                HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
    EXPECT_THAT(adopted.status().message(), ::testing::HasSubstr(bad.field));
  }
  EXPECT_EQ(RulebookCount(), 0);
}

}  // namespace
}  // namespace welfare::testing
