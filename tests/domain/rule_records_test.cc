// The stored rule records convert to and from their API twins by their wire
// bytes (Rewire, services/domain/rulebooks.h). That holds only while each
// pair has the same fields: same numbers, names, types and cardinality.
#include "gtest/gtest.h"
#include "services/domain/rulebooks.h"
#include "welfare/ledger/v1/rules.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
namespace record = welfare::storage::v1;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// Enums are stored as int32; every other type must be the same.
bool SameType(const FieldDescriptor* api, const FieldDescriptor* stored) {
  if (api->type() == FieldDescriptor::TYPE_ENUM) {
    return stored->type() == FieldDescriptor::TYPE_INT32;
  }
  return api->type() == stored->type();
}

void ExpectTwins(const Descriptor* api, const Descriptor* stored) {
  SCOPED_TRACE(api->full_name() + " / " + stored->full_name());
  ASSERT_EQ(api->field_count(), stored->field_count());
  for (int i = 0; i < api->field_count(); ++i) {
    const FieldDescriptor* field = api->field(i);
    const FieldDescriptor* twin = stored->FindFieldByNumber(field->number());
    ASSERT_NE(twin, nullptr) << field->name();
    EXPECT_EQ(twin->name(), field->name());
    EXPECT_TRUE(SameType(field, twin)) << field->name();
    EXPECT_EQ(twin->is_repeated(), field->is_repeated()) << field->name();
    EXPECT_EQ(twin->has_presence(), field->has_presence()) << field->name();
  }
}

TEST(RuleRecordsTest, EveryRecordHasItsApiTwinsFields) {
  ExpectTwins(v1::AmountTier::descriptor(),
              record::AmountTierRecord::descriptor());
  ExpectTwins(v1::BenefitRule::descriptor(),
              record::BenefitRuleRecord::descriptor());
  ExpectTwins(v1::EvaluationItem::descriptor(),
              record::EvaluationItemRecord::descriptor());
  ExpectTwins(v1::BenefitEvaluation::descriptor(),
              record::BenefitEvaluationRecord::descriptor());
  ExpectTwins(v1::DuesPlan::descriptor(), record::DuesPlanRecord::descriptor());
}

TEST(RuleRecordsTest, ARuleRoundTripsThroughItsRecord) {
  v1::BenefitRule rule;
  rule.set_category(v1::BENEFIT_CATEGORY_SICKNESS);
  rule.set_sub_type("ค่านอนโรงพยาบาล");
  rule.set_waiting_days(180);
  rule.set_arrears_months_allowed(0);  // Set, and zero: must survive.
  rule.set_amount_per_night_satang(20000);
  rule.set_nights_per_stay_max(5);
  rule.set_amount_per_stay_max_satang(60000);
  rule.set_nights_per_year_max(20);
  rule.set_amount_per_year_max_satang(200000);
  rule.set_claims_per_year_max(4);
  rule.add_tiers()->set_min_years(5);
  rule.mutable_tiers(0)->set_amount_satang(30000);
  rule.set_once_only(true);
  rule.set_payee(v1::PAYEE_NOMINEE);
  rule.set_tier_basis(v1::TIER_BASIS_CONTRIBUTION);
  rule.set_min_age_years(60);
  rule.set_max_age_years(99);
  rule.set_sex(v1::SEX_FEMALE);
  const auto stored = Rewire<record::BenefitRuleRecord>(rule);
  EXPECT_TRUE(stored.has_arrears_months_allowed());
  EXPECT_EQ(stored.payee(), v1::PAYEE_NOMINEE);
  EXPECT_EQ(stored.tier_basis(), v1::TIER_BASIS_CONTRIBUTION);
  EXPECT_EQ(stored.min_age_years(), 60);
  EXPECT_EQ(stored.max_age_years(), 99);
  EXPECT_EQ(stored.sex(), v1::SEX_FEMALE);
  const auto back = Rewire<v1::BenefitRule>(stored);
  EXPECT_EQ(back.SerializeAsString(), rule.SerializeAsString());
}

}  // namespace
}  // namespace welfare::domain
