// The fixture of the rulebook and claim tests (claims_test.cc,
// claim_rules_test.cc): a real server with fund ban-claim, 100,000 baht of
// donations and two members whose dues are paid from January 2024 to June
// 2026, and calls of RulebookService and ClaimService.
#ifndef WELFARE_TESTS_INTEGRATION_CLAIMS_FIXTURE_H_
#define WELFARE_TESTS_INTEGRATION_CLAIMS_FIXTURE_H_

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/testing/rpc_call.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/claims.grpc.pb.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare::testing {

namespace v1 = welfare::ledger::v1;

inline constexpr char kFund[] = "funds/ban-claim";

class ClaimsTest : public ::testing::Test {
 protected:
  using ClaimService = welfare::ledger::v1::ClaimService;
  using RulebookService = welfare::ledger::v1::RulebookService;

  void SetUp() override {
    client_ = server_.NewClient();
    auto channel = server_.NewChannel();
    rulebooks_ = RulebookService::NewStub(channel);
    claims_ = ClaimService::NewStub(channel);
    v1::CreateFundRequest fund;
    fund.set_fund_id("ban-claim");
    fund.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนบ้านเคลม");
    fund.mutable_fund()->set_area_code("330101");
    *fund.mutable_fund()->mutable_founding_date() = MakeDate(2024, 1, 1);
    ASSERT_THAT(client_->CreateFund(fund), IsOk());
    v1::RecordContributionRequest grant;
    grant.set_parent(kFund);
    grant.mutable_contribution()->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
    grant.mutable_contribution()->set_amount_satang(10'000'000);
    grant.mutable_contribution()->set_payer("อบต. หนองคู");
    *grant.mutable_contribution()->mutable_effective_date() =
        MakeDate(2024, 1, 1);
    ASSERT_THAT(client_->RecordContribution(grant), IsOk());
    for (int i = 1; i <= 2; ++i) {
      v1::RegisterMemberRequest member;
      member.set_parent(kFund);
      member.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
      *member.mutable_member()->mutable_join_date() = MakeDate(2024, 1, 1);
      member.mutable_member()->mutable_profile()->set_full_name(
          absl::StrCat("สมาชิก ", i));
      member.mutable_member()->mutable_profile()->set_national_id(
          NationalIdFor(i));
      ASSERT_THAT(client_->RegisterMember(member), IsOk());
      // Dues paid from January 2024 to June 2026.
      v1::RecordContributionRequest dues;
      dues.set_parent(kFund);
      auto* contribution = dues.mutable_contribution();
      contribution->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
      contribution->set_member_number(i);
      contribution->set_amount_satang(30 * 3000);
      contribution->mutable_months()->mutable_first_month()->set_year(2024);
      contribution->mutable_months()->mutable_first_month()->set_month(1);
      contribution->mutable_months()->set_month_count(30);
      *contribution->mutable_effective_date() = MakeDate(2024, 1, 5);
      ASSERT_THAT(client_->RecordContribution(dues), IsOk());
    }
  }

  template <typename Stub, typename Method, typename Request>
  auto Call(Stub* stub, Method method, const Request& request) {
    return CallRpc(stub, method, request);
  }

  // Hospital stays: 200 baht a night, at most 5 nights a stay and 6 a
  // year; 90 days' wait. Death: 5,000 baht, 10,000 after 2 years, once.
  static v1::Rulebook Rules(const v1::Date& effective, int64_t per_night) {
    v1::Rulebook rulebook;
    rulebook.set_resolution("มติที่ประชุมใหญ่ 1/2568");
    rulebook.set_title("ระเบียบกองทุน");
    *rulebook.mutable_effective_date() = effective;
    rulebook.mutable_dues()->set_period(v1::DUES_PERIOD_MONTH);
    rulebook.mutable_dues()->set_amount_satang(3000);
    rulebook.mutable_dues()->set_lapse_after_months(3);
    v1::BenefitRule* stay = rulebook.add_benefits();
    stay->set_category(v1::BENEFIT_CATEGORY_SICKNESS);
    stay->set_waiting_days(90);
    stay->set_arrears_months_allowed(3);
    stay->set_amount_per_night_satang(per_night);
    stay->set_nights_per_stay_max(5);
    stay->set_nights_per_year_max(6);
    v1::BenefitRule* death = rulebook.add_benefits();
    death->set_category(v1::BENEFIT_CATEGORY_DEATH);
    death->set_amount_per_event_satang(500'000);
    death->add_tiers()->set_min_years(2);
    death->mutable_tiers(0)->set_amount_satang(1'000'000);
    death->set_once_only(true);
    death->set_payee(v1::PAYEE_NOMINEE);
    return rulebook;
  }

  absl::StatusOr<v1::Rulebook> Adopt(const v1::Rulebook& rulebook) {
    v1::AdoptRulebookRequest request;
    request.set_parent(kFund);
    request.set_request_id(absl::StrCat("rules-", ++request_ids_));
    *request.mutable_rulebook() = rulebook;
    return Call(rulebooks_.get(), &RulebookService::Stub::AdoptRulebook,
                request);
  }

  absl::StatusOr<v1::Rulebook> InForce(const v1::Date& date) {
    v1::GetRulebookRequest request;
    request.set_parent(kFund);
    *request.mutable_on_date() = date;
    return Call(rulebooks_.get(), &RulebookService::Stub::GetRulebook, request);
  }

  int RulebookCount() {
    v1::ListRulebooksRequest request;
    request.set_parent(kFund);
    auto list =
        Call(rulebooks_.get(), &RulebookService::Stub::ListRulebooks, request);
    EXPECT_THAT(list, IsOk());
    return list.ok() ? list->rulebooks_size() : -1;
  }

  absl::StatusOr<v1::Claim> Submit(int member, v1::BenefitCategory category,
                                   const v1::Date& event, int nights) {
    v1::SubmitClaimRequest request;
    request.set_parent(kFund);
    request.set_request_id(absl::StrCat("claim-", ++request_ids_));
    v1::Claim* claim = request.mutable_claim();
    claim->set_member_number(member);
    claim->set_category(category);
    *claim->mutable_event_date() = event;
    claim->set_nights(nights);
    claim->mutable_details()->set_description("ไข้เลือดออก รพ.สต.หนองคู");
    claim->mutable_details()->add_documents("ใบรับรองแพทย์");
    return Call(claims_.get(), &ClaimService::Stub::SubmitClaim, request);
  }

  absl::StatusOr<v1::Claim> Step(grpc::Status (ClaimService::Stub::*method)(
                                     grpc::ClientContext*,
                                     const v1::ClaimStepRequest&, v1::Claim*),
                                 const v1::Claim& claim,
                                 const std::string& note = "",
                                 const std::string& resolution = "") {
    v1::ClaimStepRequest request;
    request.set_name(claim.name());
    request.set_request_id(absl::StrCat("step-", ++request_ids_));
    request.set_note(note);
    request.set_resolution(resolution);
    return Call(claims_.get(), method, request);
  }

  absl::StatusOr<v1::Claim> Certify(const v1::Claim& claim) {
    return Step(&ClaimService::Stub::CertifyClaim, claim, "ตรวจแล้ว");
  }
  absl::StatusOr<v1::Claim> Approve(const v1::Claim& claim) {
    return Step(&ClaimService::Stub::ApproveClaim, claim, "",
                "มติคณะกรรมการ 6/2569");
  }

  absl::StatusOr<v1::PayClaimResponse> Pay(const v1::Claim& claim,
                                           int64_t satang = 0,
                                           const std::string& override = "") {
    v1::PayClaimRequest request;
    request.set_name(claim.name());
    request.set_request_id(absl::StrCat("pay-", ++request_ids_));
    request.set_amount_satang(satang);
    request.set_override_resolution(override);
    return Call(claims_.get(), &ClaimService::Stub::PayClaim, request);
  }

  absl::StatusOr<v1::Claim> Get(const v1::Claim& claim) {
    v1::GetClaimRequest request;
    request.set_name(claim.name());
    return Call(claims_.get(), &ClaimService::Stub::GetClaim, request);
  }

  // An approved claim, ready to pay.
  v1::Claim Approved(int member, v1::BenefitCategory category,
                     const v1::Date& event, int nights) {
    auto submitted = Submit(member, category, event, nights);
    EXPECT_THAT(submitted, IsOk());
    if (!submitted.ok()) return {};
    EXPECT_THAT(Certify(*submitted), IsOk());
    auto approved = Approve(*submitted);
    EXPECT_THAT(approved, IsOk());
    return approved.ok() ? *approved : v1::Claim();
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::unique_ptr<RulebookService::Stub> rulebooks_;
  std::unique_ptr<ClaimService::Stub> claims_;
  int request_ids_ = 0;
};

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_INTEGRATION_CLAIMS_FIXTURE_H_
