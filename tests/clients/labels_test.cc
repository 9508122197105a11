// Labels cover every value of every enum, with unique tokens.
#include "clients/format/labels.h"

#include <set>
#include <string>

#include "gtest/gtest.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::format {
namespace {

namespace v1 = welfare::ledger::v1;
namespace pb = google::protobuf;

void ExpectCoversEveryValue(absl::Span<const Label> labels,
                            const pb::EnumDescriptor* descriptor) {
  SCOPED_TRACE(descriptor->name());
  EXPECT_EQ(labels.size(), static_cast<size_t>(descriptor->value_count() - 1));
  std::set<std::string> tokens;
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const int value = descriptor->value(i)->number();
    if (value == 0) continue;
    const std::string thai = LabelOf(labels, value, Language::kThai);
    const std::string english = LabelOf(labels, value, Language::kEnglish);
    EXPECT_FALSE(thai.empty()) << value;
    EXPECT_NE(thai, std::to_string(value)) << "no label for " << value;
    EXPECT_NE(english, std::to_string(value)) << "no label for " << value;
  }
  for (const Label& label : labels) {
    EXPECT_TRUE(tokens.insert(label.token).second) << label.token;
    EXPECT_EQ(FindLabelByToken(labels, label.token), &label);
  }
}

TEST(LabelsTest, EveryEnumValueHasALabelAndAUniqueToken) {
  ExpectCoversEveryValue(BenefitCategoryLabels(),
                         v1::BenefitCategory_descriptor());
  ExpectCoversEveryValue(ContributionSourceLabels(),
                         v1::ContributionSource_descriptor());
  ExpectCoversEveryValue(CostKindLabels(), v1::CostKind_descriptor());
  ExpectCoversEveryValue(PayeeLabels(), v1::Payee_descriptor());
  ExpectCoversEveryValue(MemberCategoryLabels(),
                         v1::MemberCategory_descriptor());
  ExpectCoversEveryValue(MemberStatusLabels(), v1::MemberStatus_descriptor());
  ExpectCoversEveryValue(EntryKindLabels(), v1::EntryKind_descriptor());
  ExpectCoversEveryValue(AccountKindLabels(), v1::AccountKind_descriptor());
  ExpectCoversEveryValue(AccountTypeLabels(), v1::AccountType_descriptor());
}

TEST(LabelsTest, TokensMatchIgnoringCaseAndUnderscores) {
  const Label* fee = FindLabelByToken(ContributionSourceLabels(), "Entry_Fee");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->value, v1::CONTRIBUTION_SOURCE_ENTRY_FEE);
  EXPECT_EQ(FindLabelByToken(ContributionSourceLabels(), "entry fee"), nullptr);
  EXPECT_EQ(FindLabelByToken(BenefitCategoryLabels(), ""), nullptr);
}

TEST(LabelsTest, LabelsInBothLanguages) {
  EXPECT_EQ(LabelOf(BenefitCategoryLabels(), v1::BENEFIT_CATEGORY_SICKNESS,
                    Language::kThai),
            "การเจ็บป่วย");
  EXPECT_EQ(LabelOf(BenefitCategoryLabels(), v1::BENEFIT_CATEGORY_SICKNESS,
                    Language::kEnglish),
            "sickness");
  EXPECT_EQ(LabelOf(EntryKindLabels(), 0, Language::kThai), "");
  EXPECT_EQ(LabelOf(EntryKindLabels(), 99, Language::kThai), "99");
  EXPECT_EQ(TokenList(AccountKindLabels()), "cash|bank|other");
}

}  // namespace
}  // namespace welfare::format
