// Rulebooks and claims through a real server: rulebook history and the
// version in force on a date; a claim walked through every state with the
// forbidden steps refused; payments never above what the rules allow
// without a committee's override; the rulebook of the event date governing
// even after a new one; benefits outside claims refused once rules exist;
// a claim's health details erased with the member's profile.
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/testing/rpc_call.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/claims.grpc.pb.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using v1::ClaimService;
using v1::RulebookService;

constexpr char kFund[] = "funds/ban-claim";

class ClaimsTest : public ::testing::Test {
 protected:
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

TEST_F(ClaimsTest, RulebooksKeepEveryVersionAndTheOneInForceByDate) {
  EXPECT_THAT(InForce(MakeDate(2026, 6, 1)),
              HasError(absl::StatusCode::kNotFound, "RULEBOOK_NOT_FOUND"));
  auto first = Adopt(Rules(MakeDate(2025, 10, 1), 20000));
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->resolution(), "มติที่ประชุมใหญ่ 1/2568");
  EXPECT_EQ(first->name(),
            absl::StrCat(kFund, "/rulebooks/", first->sequence()));
  EXPECT_FALSE(first->has_superseded_date());
  // Adopted now, in force from a later day (after today, 2026-06-15).
  auto second = Adopt(Rules(MakeDate(2026, 10, 1), 30000));
  ASSERT_THAT(second, IsOk());

  auto before = InForce(MakeDate(2026, 9, 30));
  ASSERT_THAT(before, IsOk());
  EXPECT_EQ(before->sequence(), first->sequence());
  EXPECT_EQ(before->superseded_date().year(), 2026);
  EXPECT_EQ(before->superseded_date().month(), 10);
  EXPECT_EQ(before->benefits(0).amount_per_night_satang(), 20000);
  auto after = InForce(MakeDate(2026, 10, 1));
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->sequence(), second->sequence());
  EXPECT_EQ(after->benefits(0).amount_per_night_satang(), 30000);
  EXPECT_THAT(InForce(MakeDate(2025, 9, 30)),
              HasError(absl::StatusCode::kNotFound, "RULEBOOK_NOT_FOUND"));

  // Never dated before the last one; on its day, a correction replaces it.
  EXPECT_THAT(
      Adopt(Rules(MakeDate(2026, 9, 30), 25000)),
      HasError(absl::StatusCode::kFailedPrecondition, "RULEBOOK_DATE_INVALID"));
  auto correction = Adopt(Rules(MakeDate(2026, 10, 1), 35000));
  ASSERT_THAT(correction, IsOk());
  auto corrected = InForce(MakeDate(2026, 10, 1));
  ASSERT_THAT(corrected, IsOk());
  EXPECT_EQ(corrected->sequence(), correction->sequence());
  EXPECT_EQ(RulebookCount(), 3);
}

TEST_F(ClaimsTest, BadRulebooksAreRefusedAndWriteNothing) {
  struct Case {
    const char* what;
    const char* reason;
    void (*spoil)(v1::Rulebook&);
  };
  const Case cases[] = {
      {"no resolution", "FIELD_REQUIRED",
       [](v1::Rulebook& r) { r.clear_resolution(); }},
      {"no date", "FIELD_REQUIRED",
       [](v1::Rulebook& r) { r.clear_effective_date(); }},
      {"no rules", "FIELD_REQUIRED",
       [](v1::Rulebook& r) { r.clear_benefits(); }},
      {"a rule paying nothing", "FIELD_REQUIRED",
       [](v1::Rulebook& r) {
         r.mutable_benefits(0)->clear_amount_per_night_satang();
       }},
      {"two rules for one benefit", "FIELD_INVALID",
       [](v1::Rulebook& r) { *r.add_benefits() = r.benefits(0); }},
      {"tiers out of order", "FIELD_INVALID",
       [](v1::Rulebook& r) {
         auto* tier = r.mutable_benefits(1)->add_tiers();
         tier->set_min_years(1);
         tier->set_amount_satang(700'000);
       }},
      {"a negative cap", "FIELD_INVALID",
       [](v1::Rulebook& r) {
         r.mutable_benefits(0)->set_amount_per_year_max_satang(-1);
       }},
      {"no category", "FIELD_REQUIRED",
       [](v1::Rulebook& r) { r.mutable_benefits(0)->clear_category(); }},
      {"dues without a period", "FIELD_REQUIRED",
       [](v1::Rulebook& r) { r.mutable_dues()->clear_period(); }},
  };
  for (const Case& c : cases) {
    v1::Rulebook rulebook = Rules(MakeDate(2025, 10, 1), 20000);
    c.spoil(rulebook);
    EXPECT_THAT(Adopt(rulebook),
                HasError(absl::StatusCode::kInvalidArgument, c.reason))
        << c.what;
  }
  EXPECT_EQ(RulebookCount(), 0);
}

TEST_F(ClaimsTest, AClaimWalksThroughEveryStateAndForbiddenStepsAreRefused) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  auto claim =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 4);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->state(), v1::CLAIM_STATE_SUBMITTED);
  EXPECT_TRUE(claim->evaluation().eligible());
  EXPECT_EQ(claim->evaluation().allowed_satang(), 80000);
  EXPECT_GE(claim->evaluation().items_size(), 3);
  EXPECT_EQ(claim->details().documents(0), "ใบรับรองแพทย์");
  const auto invalid =
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_STATE_INVALID");

  EXPECT_THAT(Approve(*claim), invalid);  // Not certified yet.
  EXPECT_THAT(Pay(*claim), invalid);
  ASSERT_THAT(Certify(*claim), IsOk());
  EXPECT_THAT(Certify(*claim), invalid);
  EXPECT_THAT(Step(&ClaimService::Stub::ApproveClaim, *claim),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  EXPECT_THAT(Pay(*claim), invalid);
  auto approved = Approve(*claim);
  ASSERT_THAT(approved, IsOk());
  EXPECT_EQ(approved->state(), v1::CLAIM_STATE_APPROVED);

  auto paid = Pay(*claim);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().state(), v1::CLAIM_STATE_PAID);
  EXPECT_EQ(paid->claim().paid_satang(), 80000);
  EXPECT_TRUE(paid->claim().override_resolution().empty());
  EXPECT_EQ(paid->entry().disbursement().claim(), claim->name());
  EXPECT_EQ(paid->entry().disbursement().amount_satang(), 80000);
  EXPECT_EQ(paid->entry().disbursement().benefit().quantity(), 4);
  EXPECT_EQ(paid->entry().document().kind(), v1::DOCUMENT_KIND_VOUCHER);
  EXPECT_THAT(Pay(*claim), invalid);
  EXPECT_THAT(Step(&ClaimService::Stub::RejectClaim, *claim, "ช้าไป"), invalid);

  // A reversed payment leaves the claim approved, to be paid again.
  v1::ReverseEntryRequest reverse;
  reverse.set_name(paid->entry().name());
  reverse.set_request_id("reverse-1");
  reverse.set_reason("จ่ายผิดบัญชี");
  ASSERT_THAT(client_->ReverseEntry(reverse), IsOk());
  auto reopened = Get(*claim);
  ASSERT_THAT(reopened, IsOk());
  EXPECT_EQ(reopened->state(), v1::CLAIM_STATE_APPROVED);
  EXPECT_EQ(reopened->paid_satang(), 0);
  // The reversal gave the four nights back to the year's six.
  auto again = Pay(*claim);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->claim().paid_satang(), 80000);

  // Every step is an entry with its principal, in order.
  auto final = Get(*claim);
  ASSERT_THAT(final, IsOk());
  ASSERT_EQ(final->steps_size(), 6);
  const v1::ClaimState states[] = {
      v1::CLAIM_STATE_SUBMITTED, v1::CLAIM_STATE_CERTIFIED,
      v1::CLAIM_STATE_APPROVED,  v1::CLAIM_STATE_PAID,
      v1::CLAIM_STATE_APPROVED,  v1::CLAIM_STATE_PAID};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(final->steps(i).state(), states[i]) << i;
    EXPECT_FALSE(final->steps(i).principal().empty()) << i;
    if (i > 0) {
      EXPECT_GT(final->steps(i).sequence(), final->steps(i - 1).sequence());
    }
  }
  EXPECT_EQ(final->steps(2).resolution(), "มติคณะกรรมการ 6/2569");
}

TEST_F(ClaimsTest, ARejectedClaimNeedsAReasonAndIsFinal) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  auto claim =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 2);
  ASSERT_THAT(claim, IsOk());
  EXPECT_THAT(Step(&ClaimService::Stub::RejectClaim, *claim),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  auto rejected =
      Step(&ClaimService::Stub::RejectClaim, *claim, "ไม่มีใบรับรองแพทย์");
  ASSERT_THAT(rejected, IsOk());
  EXPECT_EQ(rejected->state(), v1::CLAIM_STATE_REJECTED);
  EXPECT_EQ(rejected->steps(1).note(), "ไม่มีใบรับรองแพทย์");
  const auto invalid =
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_STATE_INVALID");
  EXPECT_THAT(Certify(*claim), invalid);
  EXPECT_THAT(Approve(*claim), invalid);
  EXPECT_THAT(Pay(*claim), invalid);
  EXPECT_THAT(Step(&ClaimService::Stub::RejectClaim, *claim, "อีกครั้ง"), invalid);
}

TEST_F(ClaimsTest, AnApprovedClaimMayStillBeRejected) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  v1::Claim claim =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 2);
  auto rejected = Step(&ClaimService::Stub::RejectClaim, claim, "ทุจริต");
  ASSERT_THAT(rejected, IsOk());
  EXPECT_EQ(rejected->state(), v1::CLAIM_STATE_REJECTED);
  EXPECT_THAT(Pay(claim), HasError(absl::StatusCode::kFailedPrecondition,
                                   "CLAIM_STATE_INVALID"));
}

TEST_F(ClaimsTest, ARequestIdOfOneStepIsNotAnotherStepsAnswer) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  auto claim =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 2);
  ASSERT_THAT(claim, IsOk());
  v1::ClaimStepRequest step;
  step.set_name(claim->name());
  step.set_request_id("step-same");
  step.set_note("เอกสารครบ");
  ASSERT_THAT(Call(claims_.get(), &ClaimService::Stub::CertifyClaim, step),
              IsOk());
  // The same id and message sent as a rejection is not the certification.
  EXPECT_THAT(Call(claims_.get(), &ClaimService::Stub::RejectClaim, step),
              HasError(absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED"));
  // The same certification again is its first answer.
  auto repeated = Call(claims_.get(), &ClaimService::Stub::CertifyClaim, step);
  ASSERT_THAT(repeated, IsOk());
  EXPECT_EQ(repeated->state(), v1::CLAIM_STATE_CERTIFIED);
}

TEST_F(ClaimsTest, AClaimIsPaidOnTheMembersStatusOnTheEventDate) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  v1::Claim claim =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 2);
  // The member died after the stay and before the payment.
  v1::ChangeMemberStatusRequest died;
  died.set_name(absl::StrCat(kFund, "/members/1"));
  died.set_request_id("died-1");
  died.mutable_change()->set_status(v1::MEMBER_STATUS_DECEASED);
  *died.mutable_change()->mutable_effective_date() = MakeDate(2026, 6, 10);
  ASSERT_THAT(client_->ChangeMemberStatus(died), IsOk());
  auto paid = Pay(claim);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().paid_satang(), 40000);
  // A stay after the death is not a member's.
  auto later =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 12), 1);
  ASSERT_THAT(later, IsOk());
  EXPECT_FALSE(later->evaluation().eligible());
}

TEST_F(ClaimsTest, PaymentsNeverExceedTheRulesWithoutAnOverride) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  // Nine nights: the stay pays at most five.
  v1::Claim claim =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 9);
  EXPECT_EQ(claim.evaluation().allowed_satang(), 100000);
  EXPECT_EQ(claim.evaluation().nights_paid(), 5);
  EXPECT_THAT(
      Pay(claim, 180000),
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_EXCEEDS_RULES"));
  EXPECT_THAT(Pay(claim, 100000, "มติคณะกรรมการ 7/2569"),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  auto paid = Pay(claim, 180000, "มติคณะกรรมการ 7/2569 ให้จ่ายเต็ม");
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().paid_satang(), 180000);
  EXPECT_EQ(paid->claim().override_resolution(),
            "มติคณะกรรมการ 7/2569 ให้จ่ายเต็ม");
  EXPECT_EQ(paid->entry().disbursement().override_resolution(),
            "มติคณะกรรมการ 7/2569 ให้จ่ายเต็ม");
  // Every report marks it: benefits by category, and the passbook.
  auto reports = v1::ReportService::NewStub(server_.NewChannel());
  v1::ReportRequest report;
  report.set_parent(kFund);
  auto benefits = CallRpc(
      reports.get(), &v1::ReportService::Stub::GetBenefitsByCategory, report);
  ASSERT_THAT(benefits, IsOk());
  const v1::BenefitCategoryRow& sickness =
      benefits->rows(v1::BENEFIT_CATEGORY_SICKNESS - 1);
  EXPECT_EQ(sickness.amount_satang(), 180000);
  // 1,800 paid where the rules allowed 1,000: 800 over them.
  EXPECT_EQ(sickness.override_amount_satang(), 80000);
  EXPECT_EQ(sickness.override_amount_cumulative_satang(), 80000);
  EXPECT_EQ(
      benefits->rows(v1::BENEFIT_CATEGORY_DEATH - 1).override_amount_satang(),
      0);
  v1::GetPassbookRequest passbook;
  passbook.set_name(absl::StrCat(kFund, "/members/1"));
  auto book =
      CallRpc(reports.get(), &v1::ReportService::Stub::GetPassbook, passbook);
  ASSERT_THAT(book, IsOk());
  bool marked = false;
  for (const auto& line : book->lines()) {
    if (line.sequence() == paid->entry().sequence()) {
      marked = line.override_resolution() == "มติคณะกรรมการ 7/2569 ให้จ่ายเต็ม" &&
               line.claim() == claim.name();
    }
  }
  EXPECT_TRUE(marked) << book->DebugString();

  // The override paid all nine nights: they count against the year's six,
  // so a second stay gets nothing without another override.
  EXPECT_EQ(paid->entry().disbursement().benefit().quantity(), 9);
  v1::Claim second =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 10), 4);
  EXPECT_EQ(second.evaluation().allowed_satang(), 0);
  EXPECT_THAT(Pay(second), HasError(absl::StatusCode::kFailedPrecondition,
                                    "CLAIM_EXCEEDS_RULES"));
  // A blank resolution is no resolution.
  EXPECT_THAT(Pay(second, 20000, "   "),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
}

TEST_F(ClaimsTest, ClaimsApprovedTogetherAreCappedAtPayment) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  v1::Claim first =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 5, 1), 4);
  v1::Claim second =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 4);
  // Each alone was within the year's six nights when submitted.
  EXPECT_EQ(first.evaluation().allowed_satang(), 80000);
  EXPECT_EQ(second.evaluation().allowed_satang(), 80000);
  ASSERT_THAT(Pay(first), IsOk());
  EXPECT_THAT(
      Pay(second, 80000),
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_EXCEEDS_RULES"));
  auto paid = Pay(second);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().paid_satang(), 40000);
}

TEST_F(ClaimsTest, TheRulebookOfTheEventDateGovernsAfterANewOne) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  // Event on 1 March; a new rulebook from 1 April pays 300 baht a night.
  auto march =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 3, 1), 2);
  ASSERT_THAT(march, IsOk());
  ASSERT_THAT(Certify(*march), IsOk());
  auto newer = Adopt(Rules(MakeDate(2026, 4, 1), 30000));
  ASSERT_THAT(newer, IsOk());
  ASSERT_THAT(Approve(*march), IsOk());
  auto paid = Pay(*march);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().paid_satang(), 40000);
  EXPECT_NE(paid->claim().rulebook(), newer->name());
  // An event after 1 April is under the new rulebook, even if the stay
  // was submitted the same day.
  v1::Claim may =
      Approved(2, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 5, 1), 2);
  EXPECT_EQ(may.rulebook(), newer->name());
  EXPECT_EQ(may.evaluation().allowed_satang(), 60000);
  auto paid_may = Pay(may);
  ASSERT_THAT(paid_may, IsOk());
  EXPECT_EQ(paid_may->claim().paid_satang(), 60000);
}

TEST_F(ClaimsTest, OnceOnlyBenefitsAndTheRulesWaitingPeriod) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  v1::ChangeMemberStatusRequest died;
  died.set_name(absl::StrCat(kFund, "/members/2"));
  died.set_request_id("died-2");
  died.mutable_change()->set_status(v1::MEMBER_STATUS_DECEASED);
  *died.mutable_change()->mutable_effective_date() = MakeDate(2026, 6, 2);
  ASSERT_THAT(client_->ChangeMemberStatus(died), IsOk());
  v1::Claim death =
      Approved(2, v1::BENEFIT_CATEGORY_DEATH, MakeDate(2026, 6, 2), 0);
  // Two full years of membership: the tier pays 10,000 baht to the nominee.
  EXPECT_EQ(death.evaluation().allowed_satang(), 1'000'000);
  EXPECT_EQ(death.payee(), v1::PAYEE_NOMINEE);
  ASSERT_THAT(Pay(death), IsOk());
  auto twice = Submit(2, v1::BENEFIT_CATEGORY_DEATH, MakeDate(2026, 6, 2), 0);
  ASSERT_THAT(twice, IsOk());  // Recorded, with the reason it fails.
  EXPECT_FALSE(twice->evaluation().eligible());
  EXPECT_EQ(twice->evaluation().allowed_satang(), 0);

  // A member who joined 30 days before the stay has not waited 90 days.
  v1::RegisterMemberRequest member;
  member.set_parent(kFund);
  member.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
  *member.mutable_member()->mutable_join_date() = MakeDate(2026, 5, 2);
  member.mutable_member()->mutable_profile()->set_full_name("สมาชิกใหม่");
  member.mutable_member()->mutable_profile()->set_national_id(NationalIdFor(3));
  ASSERT_THAT(client_->RegisterMember(member), IsOk());
  auto early =
      Submit(3, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 1);
  ASSERT_THAT(early, IsOk());
  EXPECT_FALSE(early->evaluation().eligible());
  bool named = false;
  for (const auto& item : early->evaluation().items()) {
    if (!item.passed()) {
      named = named || item.explanation().find("30 of 90") != std::string::npos;
    }
  }
  EXPECT_TRUE(named) << early->evaluation().DebugString();
}

TEST_F(ClaimsTest, ClaimsNeedARulebookAndARuleForTheBenefit) {
  EXPECT_THAT(
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 1),
      HasError(absl::StatusCode::kFailedPrecondition, "RULEBOOK_NOT_FOUND"));
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  EXPECT_THAT(Submit(1, v1::BENEFIT_CATEGORY_BIRTH, MakeDate(2026, 6, 1), 0),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "BENEFIT_NOT_IN_RULEBOOK"));
  EXPECT_THAT(
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2025, 9, 1), 1),
      HasError(absl::StatusCode::kFailedPrecondition, "RULEBOOK_NOT_FOUND"));
  EXPECT_THAT(Submit(9, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 1),
              HasError(absl::StatusCode::kNotFound, "MEMBER_NOT_FOUND"));
  EXPECT_THAT(
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 16), 1),
      HasError(absl::StatusCode::kInvalidArgument, "DATE_INVALID"));
}

TEST_F(ClaimsTest, BenefitsOutsideClaimsAreRefusedOnceRulesAreInForce) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2026, 1, 1), 20000)), IsOk());
  auto benefit = [&](const v1::Date& date) {
    v1::RecordDisbursementRequest request;
    request.set_parent(kFund);
    request.mutable_disbursement()->mutable_benefit()->set_category(
        v1::BENEFIT_CATEGORY_SICKNESS);
    request.mutable_disbursement()->mutable_benefit()->set_member_number(1);
    request.mutable_disbursement()->mutable_benefit()->set_quantity(5);
    request.mutable_disbursement()->set_amount_satang(100000);
    *request.mutable_disbursement()->mutable_effective_date() = date;
    return request;
  };
  EXPECT_THAT(
      client_->RecordDisbursement(benefit(MakeDate(2026, 1, 1))),
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_REQUIRED"));
  // Before the rulebook took effect (an import of the past), allowed.
  auto past = client_->RecordDisbursement(benefit(MakeDate(2025, 12, 31)));
  ASSERT_THAT(past, IsOk());
  // Output-only fields cannot be sent.
  v1::RecordDisbursementRequest forged = benefit(MakeDate(2025, 12, 31));
  forged.mutable_disbursement()->set_claim("funds/ban-claim/claims/1");
  EXPECT_THAT(client_->RecordDisbursement(forged),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  // The five nights paid before count against the year's six.
  v1::Claim claim =
      Approved(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 3);
  EXPECT_EQ(claim.evaluation().allowed_satang(), 20000);
  // Reversed, they count no more.
  v1::ReverseEntryRequest reverse;
  reverse.set_name(past->name());
  reverse.set_request_id("reverse-past");
  reverse.set_reason("นำเข้าซ้ำ");
  ASSERT_THAT(client_->ReverseEntry(reverse), IsOk());
  auto paid = Pay(claim);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->claim().paid_satang(), 60000);

  // Nor in a batch, nor as a general transaction on a benefit account.
  v1::PostBatchRequest batch;
  batch.set_parent(kFund);
  *batch.add_items()->mutable_disbursement() =
      benefit(MakeDate(2026, 6, 1)).disbursement();
  EXPECT_THAT(
      client_->PostBatch(batch),
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_REQUIRED"));
  v1::PostTransactionRequest disguised;
  disguised.set_parent(kFund);
  auto* debit = disguised.mutable_transaction()->add_postings();
  debit->set_account_code("5102");
  debit->set_amount_satang(20000);
  debit->set_side(v1::DEBIT);
  auto* credit = disguised.mutable_transaction()->add_postings();
  credit->set_account_code("1101");
  credit->set_amount_satang(20000);
  credit->set_side(v1::CREDIT);
  *disguised.mutable_transaction()->mutable_effective_date() =
      MakeDate(2026, 6, 1);
  EXPECT_THAT(
      client_->PostTransaction(disguised),
      HasError(absl::StatusCode::kFailedPrecondition, "CLAIM_REQUIRED"));
}

TEST_F(ClaimsTest, DetailsAreErasedWithTheMembersProfile) {
  ASSERT_THAT(Adopt(Rules(MakeDate(2025, 10, 1), 20000)), IsOk());
  auto claim =
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 1), 1);
  ASSERT_THAT(claim, IsOk());
  EXPECT_EQ(claim->details().description(), "ไข้เลือดออก รพ.สต.หนองคู");
  v1::EraseMemberProfileRequest erase;
  erase.set_name(absl::StrCat(kFund, "/members/1"));
  erase.set_request_id("erase-1");
  ASSERT_THAT(client_->EraseMemberProfile(erase), IsOk());
  // No new details may be kept for them.
  EXPECT_THAT(
      Submit(1, v1::BENEFIT_CATEGORY_SICKNESS, MakeDate(2026, 6, 2), 1),
      HasError(absl::StatusCode::kFailedPrecondition, "PROFILE_ERASED"));
  auto after = Get(*claim);
  ASSERT_THAT(after, IsOk());
  EXPECT_FALSE(after->has_details());
  EXPECT_TRUE(after->details_erased());
  // The claim itself, its evaluation and state, stay.
  EXPECT_EQ(after->state(), v1::CLAIM_STATE_SUBMITTED);
  EXPECT_EQ(after->evaluation().allowed_satang(), 20000);
  // Listing by state and member.
  v1::ListClaimsRequest list;
  list.set_parent(kFund);
  list.set_state(v1::CLAIM_STATE_SUBMITTED);
  list.set_member_number(1);
  auto listed = Call(claims_.get(), &ClaimService::Stub::ListClaims, list);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->claims_size(), 1);
  list.set_member_number(2);
  listed = Call(claims_.get(), &ClaimService::Stub::ListClaims, list);
  ASSERT_THAT(listed, IsOk());
  EXPECT_EQ(listed->claims_size(), 0);
}

}  // namespace
}  // namespace welfare::testing
