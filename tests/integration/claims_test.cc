// Claims through a real server: a claim walked through every state with
// the forbidden steps refused, each step an entry with its principal;
// request ids per step; the member's status of the event date; a claim's
// health details erased with the member's profile.
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/claims_fixture.h"

namespace welfare::testing {
namespace {

using v1::ClaimService;
using v1::RulebookService;

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
