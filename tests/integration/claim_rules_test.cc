// The rules of rulebooks and claims through a real server: rulebook
// history and the version in force on a date; payments never above what
// the rules allow without a committee's override, and the override marked
// in the reports; caps counted at payment; the rulebook of the event date
// governing after a new one; once-only benefits and the waiting period;
// benefits outside claims refused once rules are in force.
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/claims_fixture.h"

namespace welfare::testing {
namespace {

using v1::ClaimService;
using v1::RulebookService;

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

}  // namespace
}  // namespace welfare::testing
