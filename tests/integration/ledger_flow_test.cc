// A fund's life over a real server on a loopback port: creation, a member,
// dues, a benefit, idempotent retries and reversals.
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::SizeIs;

class LedgerFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-nong-khu");
    create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนตำบลหนองคู");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2026, 1, 15);
    ASSERT_THAT(client_->CreateFund(create), IsOk());
  }

  v1::Member Register(int64_t id_seed) {
    v1::RegisterMemberRequest request;
    request.set_parent("funds/ban-nong-khu");
    v1::Member* member = request.mutable_member();
    member->set_category(v1::MEMBER_CATEGORY_GENERAL);
    *member->mutable_join_date() = MakeDate(2026, 2, 1);
    member->mutable_profile()->set_full_name("นางสมศรี ใจดี");
    member->mutable_profile()->set_national_id(NationalIdFor(id_seed));
    auto registered = client_->RegisterMember(request);
    EXPECT_THAT(registered, IsOk());
    return registered.value_or(v1::Member());
  }

  v1::RecordContributionRequest Dues(int member, int year, int month, int count,
                                     int64_t satang) {
    v1::RecordContributionRequest request;
    request.set_parent("funds/ban-nong-khu");
    v1::Contribution* dues = request.mutable_contribution();
    dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    dues->set_amount_satang(satang);
    dues->set_member_number(member);
    dues->mutable_months()->mutable_first_month()->set_year(year);
    dues->mutable_months()->mutable_first_month()->set_month(month);
    dues->mutable_months()->set_month_count(count);
    *dues->mutable_effective_date() = MakeDate(2026, 3, 1);
    dues->set_source_document("RC-0001");
    return request;
  }

  int64_t Balance(const std::string& code) {
    v1::GetBalancesRequest request;
    request.set_parent("funds/ban-nong-khu");
    auto balances = client_->GetBalances(request);
    EXPECT_THAT(balances, IsOk());
    for (const auto& row : balances->balances()) {
      if (row.account_code() == code) return row.balance_satang();
    }
    ADD_FAILURE() << "no account " << code;
    return 0;
  }

  uint64_t JournalSize() {
    v1::GetFundRequest request;
    request.set_name("funds/ban-nong-khu");
    auto fund = client_->GetFund(request);
    EXPECT_THAT(fund, IsOk());
    return fund->journal_size();
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

TEST_F(LedgerFlowTest, NewFundHasTheDefaultChartOfAccounts) {
  v1::ListAccountsRequest request;
  request.set_parent("funds/ban-nong-khu");
  auto accounts = client_->ListAccounts(request);
  ASSERT_THAT(accounts, IsOk());
  EXPECT_THAT(accounts->accounts(), SizeIs(41));
  EXPECT_EQ(accounts->accounts(0).code(), "1101");
  EXPECT_EQ(accounts->accounts(0).kind(), v1::ACCOUNT_KIND_CASH);
  EXPECT_EQ(JournalSize(), 1u);
}

TEST_F(LedgerFlowTest, DuesRaiseCashAndIncomeAndMarkMonthsPaid) {
  v1::Member member = Register(1);
  EXPECT_EQ(member.member_number(), 1);
  EXPECT_EQ(member.profile().national_id_masked().substr(0, 13),
            "x-xxxx-xxxxx-");
  auto entry = client_->RecordContribution(Dues(1, 2026, 2, 12, 36500));
  ASSERT_THAT(entry, IsOk());
  EXPECT_EQ(entry->sequence(), 3u);
  EXPECT_EQ(entry->postings_size(), 2);
  EXPECT_EQ(Balance("1101"), 36500);
  EXPECT_EQ(Balance("4101"), 36500);

  v1::GetMemberRequest get;
  get.set_name("funds/ban-nong-khu/members/1");
  auto stored = client_->GetMember(get);
  ASSERT_THAT(stored, IsOk());
  ASSERT_EQ(stored->paid_months_size(), 1);
  EXPECT_EQ(stored->paid_months(0).month_count(), 12);
}

TEST_F(LedgerFlowTest, DuesForMonthsAlreadyPaidAreRefusedAndWriteNothing) {
  Register(1);
  ASSERT_THAT(client_->RecordContribution(Dues(1, 2026, 2, 12, 36500)), IsOk());
  const uint64_t size = JournalSize();
  EXPECT_THAT(client_->RecordContribution(Dues(1, 2026, 12, 2, 6000)),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "DUES_MONTHS_ALREADY_PAID"));
  EXPECT_EQ(JournalSize(), size);
  EXPECT_EQ(Balance("1101"), 36500);
}

TEST_F(LedgerFlowTest, BenefitBeyondCashIsRefused) {
  Register(1);
  ASSERT_THAT(client_->RecordContribution(Dues(1, 2026, 2, 1, 3000)), IsOk());
  v1::RecordDisbursementRequest request;
  request.set_parent("funds/ban-nong-khu");
  v1::Disbursement* pay = request.mutable_disbursement();
  pay->mutable_benefit()->set_category(v1::BENEFIT_CATEGORY_SICKNESS);
  pay->mutable_benefit()->set_member_number(1);
  pay->mutable_benefit()->set_quantity(3);
  pay->set_amount_satang(60000);
  *pay->mutable_effective_date() = MakeDate(2026, 3, 2);
  EXPECT_THAT(
      client_->RecordDisbursement(request),
      HasError(absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS"));
  pay->set_amount_satang(2000);
  ASSERT_THAT(client_->RecordDisbursement(request), IsOk());
  EXPECT_EQ(Balance("1101"), 1000);
  EXPECT_EQ(Balance("5102"), 2000);
}

TEST_F(LedgerFlowTest, SameRequestIdReturnsTheFirstResult) {
  Register(1);
  auto request = Dues(1, 2026, 2, 1, 3000);
  request.set_request_id("collection-day-1:row-7");
  auto first = client_->RecordContribution(request);
  ASSERT_THAT(first, IsOk());
  auto again = client_->RecordContribution(request);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->sequence(), first->sequence());
  EXPECT_EQ(again->hash(), first->hash());
  EXPECT_EQ(Balance("1101"), 3000);

  request.mutable_contribution()->set_amount_satang(3100);
  EXPECT_THAT(client_->RecordContribution(request),
              HasError(absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED"));
  EXPECT_EQ(Balance("1101"), 3000);
}

TEST_F(LedgerFlowTest, RepeatedBatchAnswersTheFirstResultAndWritesNothing) {
  Register(1);
  v1::PostBatchRequest batch;
  batch.set_parent("funds/ban-nong-khu");
  batch.set_request_id("collection-day-2026-03-01");
  for (int month = 2; month <= 7; ++month) {
    *batch.add_items()->mutable_contribution() =
        Dues(1, 2026, month, 1, 3000).contribution();
  }
  auto first = client_->PostBatch(batch);
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->first_sequence(), 3u);
  EXPECT_EQ(first->entry_count(), 6u);
  v1::GetEntryRequest last;
  last.set_name("funds/ban-nong-khu/entries/8");
  auto last_entry = client_->GetEntry(last);
  ASSERT_THAT(last_entry, IsOk());
  EXPECT_EQ(first->last_hash(), last_entry->hash());

  server_.Restart();
  client_ = server_.NewClient();
  auto again = client_->PostBatch(batch);
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->SerializeAsString(), first->SerializeAsString());
  EXPECT_EQ(JournalSize(), 8u);
  EXPECT_EQ(Balance("1101"), 18000);
}

TEST_F(LedgerFlowTest, ReversalUndoesPostingsAndFreesDuesMonths) {
  Register(1);
  auto dues = client_->RecordContribution(Dues(1, 2026, 2, 6, 18000));
  ASSERT_THAT(dues, IsOk());
  v1::ReverseEntryRequest reverse;
  reverse.set_name(dues->name());
  reverse.set_reason("ลงผิดคน");
  auto reversal = client_->ReverseEntry(reverse);
  ASSERT_THAT(reversal, IsOk());
  EXPECT_EQ(reversal->reversal().reversed_sequence(), dues->sequence());
  EXPECT_EQ(Balance("1101"), 0);
  EXPECT_EQ(Balance("4101"), 0);

  reverse.clear_request_id();
  EXPECT_THAT(client_->ReverseEntry(reverse),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "ENTRY_ALREADY_REVERSED"));
  reverse.set_name(reversal->name());
  EXPECT_THAT(
      client_->ReverseEntry(reverse),
      HasError(absl::StatusCode::kFailedPrecondition, "ENTRY_IS_REVERSAL"));
  // The months are free again.
  EXPECT_THAT(client_->RecordContribution(Dues(1, 2026, 2, 6, 18000)), IsOk());
}

TEST_F(LedgerFlowTest, EverythingSurvivesARestart) {
  Register(1);
  ASSERT_THAT(client_->RecordContribution(Dues(1, 2026, 2, 1, 3000)), IsOk());
  server_.Restart();
  client_ = server_.NewClient();
  EXPECT_EQ(JournalSize(), 3u);
  EXPECT_EQ(Balance("1101"), 3000);
  v1::GetEntryRequest get;
  get.set_name("funds/ban-nong-khu/entries/3");
  auto entry = client_->GetEntry(get);
  ASSERT_THAT(entry, IsOk());
  get.set_name("funds/ban-nong-khu/entries/2");
  auto previous = client_->GetEntry(get);
  ASSERT_THAT(previous, IsOk());
  EXPECT_EQ(entry->previous_hash(), previous->hash());
}

}  // namespace
}  // namespace welfare::testing
