#include "tests/audit/fund_writer.h"

#include "absl/strings/str_cat.h"
#include "tests/testing/test_util.h"

namespace welfare::auditor::testing {
namespace {

using welfare::testing::IsOk;
using welfare::testing::MakeDate;

template <typename T>
uint64_t SequenceOf(const absl::StatusOr<T>& result) {
  EXPECT_THAT(result, IsOk());
  return result.ok() ? result->sequence() : 0;
}

}  // namespace

FundWriter::FundWriter(client::LedgerClient* client, std::string fund_id)
    : client_(client), fund_id_(std::move(fund_id)) {
  ledger_v1::CreateFundRequest create;
  create.set_fund_id(fund_id_);
  create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนทดสอบ");
  create.mutable_fund()->set_area_code("330101");
  *create.mutable_fund()->mutable_founding_date() = MakeDate(2026, 1, 15);
  EXPECT_THAT(client_->CreateFund(create), IsOk());
}

uint64_t FundWriter::JournalSize() {
  ledger_v1::GetFundRequest request;
  request.set_name(parent());
  auto fund = client_->GetFund(request);
  EXPECT_THAT(fund, IsOk());
  return fund.ok() ? fund->journal_size() : 0;
}

uint64_t FundWriter::Register(int64_t national_id_seed, int join_month) {
  ledger_v1::RegisterMemberRequest request;
  request.set_parent(parent());
  ledger_v1::Member* member = request.mutable_member();
  member->set_category(ledger_v1::MEMBER_CATEGORY_GENERAL);
  *member->mutable_join_date() = MakeDate(2026, join_month, 1);
  member->set_village_code("33010101");
  member->mutable_profile()->set_full_name("นางสมศรี ใจดี");
  member->mutable_profile()->set_national_id(
      welfare::testing::NationalIdFor(national_id_seed));
  auto registered = client_->RegisterMember(request);
  EXPECT_THAT(registered, IsOk());
  return registered.ok() ? registered->registered_sequence() : 0;
}

uint64_t FundWriter::Dues(int32_t member, int month, int months,
                          int64_t satang) {
  ledger_v1::RecordContributionRequest request;
  request.set_parent(parent());
  ledger_v1::Contribution* dues = request.mutable_contribution();
  dues->set_source(ledger_v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues->set_amount_satang(satang);
  dues->set_member_number(member);
  dues->mutable_months()->mutable_first_month()->set_year(2026);
  dues->mutable_months()->mutable_first_month()->set_month(month);
  dues->mutable_months()->set_month_count(months);
  *dues->mutable_effective_date() = MakeDate(2026, 3, 1);
  return SequenceOf(client_->RecordContribution(request));
}

uint64_t FundWriter::Donation(int64_t satang) {
  ledger_v1::RecordContributionRequest request;
  request.set_parent(parent());
  ledger_v1::Contribution* gift = request.mutable_contribution();
  gift->set_source(ledger_v1::CONTRIBUTION_SOURCE_DONATION);
  gift->set_amount_satang(satang);
  gift->set_payer("อบต.หนองคู");
  *gift->mutable_effective_date() = MakeDate(2026, 3, 1);
  return SequenceOf(client_->RecordContribution(request));
}

uint64_t FundWriter::Benefit(int32_t member, int64_t satang) {
  ledger_v1::RecordDisbursementRequest request;
  request.set_parent(parent());
  ledger_v1::Disbursement* pay = request.mutable_disbursement();
  pay->mutable_benefit()->set_category(ledger_v1::BENEFIT_CATEGORY_SICKNESS);
  pay->mutable_benefit()->set_member_number(member);
  pay->set_amount_satang(satang);
  *pay->mutable_effective_date() = MakeDate(2026, 3, 2);
  return SequenceOf(client_->RecordDisbursement(request));
}

uint64_t FundWriter::AdoptRulebook() {
  ledger_v1::AdoptRulebookRequest request;
  request.set_parent(parent());
  ledger_v1::Rulebook* rulebook = request.mutable_rulebook();
  rulebook->set_resolution("มติที่ประชุมใหญ่ 1/2569");
  *rulebook->mutable_effective_date() = MakeDate(2026, 4, 1);
  ledger_v1::BenefitRule* stay = rulebook->add_benefits();
  stay->set_category(ledger_v1::BENEFIT_CATEGORY_SICKNESS);
  stay->set_amount_per_night_satang(20000);
  return SequenceOf(client_->AdoptRulebook(request));
}

uint64_t FundWriter::PaidClaim(int32_t member, int nights) {
  ledger_v1::SubmitClaimRequest submit;
  submit.set_parent(parent());
  submit.mutable_claim()->set_member_number(member);
  submit.mutable_claim()->set_category(ledger_v1::BENEFIT_CATEGORY_SICKNESS);
  *submit.mutable_claim()->mutable_event_date() = MakeDate(2026, 6, 1);
  submit.mutable_claim()->set_nights(nights);
  submit.mutable_claim()->mutable_details()->set_description("ไข้หวัดใหญ่");
  auto claim = client_->SubmitClaim(submit);
  EXPECT_THAT(claim, IsOk());
  if (!claim.ok()) return 0;
  ledger_v1::ClaimStepRequest step;
  step.set_name(claim->name());
  EXPECT_THAT(client_->CertifyClaim(step), IsOk());
  step.set_resolution("มติคณะกรรมการ 6/2569");
  EXPECT_THAT(client_->ApproveClaim(step), IsOk());
  ledger_v1::PayClaimRequest pay;
  pay.set_name(claim->name());
  auto paid = client_->PayClaim(pay);
  EXPECT_THAT(paid, IsOk());
  return paid.ok() ? paid->entry().sequence() : 0;
}

uint64_t FundWriter::Reverse(uint64_t sequence) {
  ledger_v1::ReverseEntryRequest request;
  request.set_name(absl::StrCat(parent(), "/entries/", sequence));
  request.set_reason("บันทึกผิด");
  return SequenceOf(client_->ReverseEntry(request));
}

uint64_t FundWriter::Resign(int32_t member) {
  ledger_v1::ChangeMemberStatusRequest request;
  request.set_name(absl::StrCat(parent(), "/members/", member));
  request.mutable_change()->set_status(ledger_v1::MEMBER_STATUS_RESIGNED);
  *request.mutable_change()->mutable_effective_date() = MakeDate(2026, 5, 1);
  request.mutable_change()->set_reason("ย้ายไปต่างจังหวัด");
  EXPECT_THAT(client_->ChangeMemberStatus(request), IsOk());
  return JournalSize();
}

uint64_t FundWriter::UpdateProfile(int32_t member) {
  ledger_v1::UpdateMemberProfileRequest request;
  request.set_name(absl::StrCat(parent(), "/members/", member));
  request.mutable_profile()->set_full_name("นางสมศรี ใจงาม");
  request.mutable_profile()->set_phone("0812345678");
  EXPECT_THAT(client_->UpdateMemberProfile(request), IsOk());
  return JournalSize();
}

uint64_t FundWriter::EraseProfile(int32_t member) {
  ledger_v1::EraseMemberProfileRequest request;
  request.set_name(absl::StrCat(parent(), "/members/", member));
  EXPECT_THAT(client_->EraseMemberProfile(request), IsOk());
  return JournalSize();
}

uint64_t FundWriter::Donations(int count) {
  ledger_v1::PostBatchRequest request;
  request.set_parent(parent());
  for (int i = 0; i < count; ++i) {
    ledger_v1::Contribution* gift = request.add_items()->mutable_contribution();
    gift->set_source(ledger_v1::CONTRIBUTION_SOURCE_DONATION);
    gift->set_amount_satang(100);
    *gift->mutable_effective_date() = MakeDate(2026, 3, 1);
  }
  auto batch = client_->PostBatch(request);
  EXPECT_THAT(batch, IsOk());
  return batch.ok() ? batch->first_sequence() + batch->entry_count() - 1 : 0;
}

}  // namespace welfare::auditor::testing
