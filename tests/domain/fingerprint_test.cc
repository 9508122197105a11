// Fingerprint (services/domain/records.h): what "the same request" means
// for idempotency. It is compared only between requests with the same
// request_id, so a retry must match and any other change must not.
#include <functional>
#include <string>
#include <vector>

#include "services/domain/records.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

v1::RecordContributionRequest Dues() {
  v1::RecordContributionRequest request;
  request.set_parent("funds/ban-nong-khu");
  request.set_request_id("client-0001");
  v1::Contribution* dues = request.mutable_contribution();
  dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues->set_amount_satang(36500);
  dues->set_member_number(12);
  dues->mutable_months()->mutable_first_month()->set_year(2026);
  dues->mutable_months()->mutable_first_month()->set_month(1);
  dues->mutable_months()->set_month_count(12);
  dues->mutable_effective_date()->set_year(2026);
  dues->mutable_effective_date()->set_month(3);
  dues->mutable_effective_date()->set_day(1);
  dues->set_source_document("RC-0001");
  dues->set_memo("ค่าสัจจะทั้งปี");
  return request;
}

TEST(FingerprintTest, ARetryHasTheSameFingerprint) {
  EXPECT_EQ(Fingerprint(Dues()), Fingerprint(Dues()));
}

TEST(FingerprintTest, DoesNotChangeTheRequestItIsGiven) {
  const v1::RecordContributionRequest request = Dues();
  Fingerprint(request);
  EXPECT_EQ(request.request_id(), "client-0001");
}

TEST(FingerprintTest, AnyOtherChangeChangesIt) {
  using Mutation = std::function<void(v1::RecordContributionRequest&)>;
  const std::vector<std::pair<const char*, Mutation>> mutations = {
      {"parent", [](auto& r) { r.set_parent("funds/ban-other"); }},
      {"source",
       [](auto& r) {
         r.mutable_contribution()->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
       }},
      {"amount",
       [](auto& r) { r.mutable_contribution()->set_amount_satang(36501); }},
      {"member",
       [](auto& r) { r.mutable_contribution()->set_member_number(13); }},
      {"first month",
       [](auto& r) {
         r.mutable_contribution()
             ->mutable_months()
             ->mutable_first_month()
             ->set_month(2);
       }},
      {"month count",
       [](auto& r) {
         r.mutable_contribution()->mutable_months()->set_month_count(11);
       }},
      {"date",
       [](auto& r) {
         r.mutable_contribution()->mutable_effective_date()->set_day(2);
       }},
      {"no date",
       [](auto& r) { r.mutable_contribution()->clear_effective_date(); }},
      {"receipt",
       [](auto& r) {
         r.mutable_contribution()->set_source_document("RC-0002");
       }},
      {"memo", [](auto& r) { r.mutable_contribution()->set_memo("ค่าสัจจะ"); }},
      {"empty memo", [](auto& r) { r.mutable_contribution()->clear_memo(); }},
      {"deposit account",
       [](auto& r) {
         r.mutable_contribution()->set_deposit_account_code("1111");
       }},
  };
  const storage::Hash original = Fingerprint(Dues());
  for (const auto& [name, mutate] : mutations) {
    v1::RecordContributionRequest changed = Dues();
    mutate(changed);
    EXPECT_NE(Fingerprint(changed), original) << name;
  }
}

TEST(FingerprintTest, SameBytesOfAnotherRequestTypeDiffer) {
  // Both messages hold only parent = "funds/abc": identical wire bytes.
  v1::RecordContributionRequest contribution;
  contribution.set_parent("funds/abc");
  v1::RecordDisbursementRequest disbursement;
  disbursement.set_parent("funds/abc");
  ASSERT_EQ(contribution.SerializeAsString(), disbursement.SerializeAsString());
  EXPECT_NE(Fingerprint(contribution), Fingerprint(disbursement));
}

}  // namespace
}  // namespace welfare::domain
