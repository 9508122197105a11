// What the books refuse about dates and postings, over a real server on a
// loopback port: money, members and rulebooks dated before the fund was
// founded; dues for months before the member joined; a missing required
// field (months, dates) named as missing; a transaction that debits and
// credits one account. Every refusal writes nothing.
#include <functional>
#include <string>

#include "absl/strings/match.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using client::LedgerClient;
using ::testing::HasSubstr;

constexpr char kFund[] = "funds/ban-nong-khu";

class BookDatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    ASSERT_THAT(CreateFund("ban-nong-khu", MakeDate(2026, 1, 15)), IsOk());
  }

  absl::StatusOr<v1::Fund> CreateFund(const std::string& id,
                                      const v1::Date& founded) {
    v1::CreateFundRequest create;
    create.set_fund_id(id);
    create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนตำบลหนองคู");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = founded;
    return client_->CreateFund(create);
  }

  v1::RegisterMemberRequest Member(const v1::Date& joined, int64_t id_seed,
                                   const std::string& parent = kFund) {
    v1::RegisterMemberRequest request;
    request.set_parent(parent);
    v1::Member* member = request.mutable_member();
    member->set_category(v1::MEMBER_CATEGORY_GENERAL);
    *member->mutable_join_date() = joined;
    member->mutable_profile()->set_full_name("นางสมศรี ใจดี");
    member->mutable_profile()->set_national_id(NationalIdFor(id_seed));
    return request;
  }

  v1::Contribution Donation(const v1::Date& date) {
    v1::Contribution donation;
    donation.set_source(v1::CONTRIBUTION_SOURCE_DONATION);
    donation.set_amount_satang(100000);
    *donation.mutable_effective_date() = date;
    return donation;
  }

  v1::RecordContributionRequest Dues(int member, int year, int month) {
    v1::RecordContributionRequest request;
    request.set_parent(kFund);
    v1::Contribution* dues = request.mutable_contribution();
    dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    dues->set_amount_satang(3000);
    dues->set_member_number(member);
    dues->mutable_months()->mutable_first_month()->set_year(year);
    dues->mutable_months()->mutable_first_month()->set_month(month);
    dues->mutable_months()->set_month_count(1);
    *dues->mutable_effective_date() = MakeDate(2026, 3, 1);
    return request;
  }

  uint64_t JournalSize(const std::string& name = kFund) {
    v1::GetFundRequest request;
    request.set_name(name);
    auto fund = client_->GetFund(request);
    EXPECT_THAT(fund, IsOk());
    return fund->journal_size();
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
};

// The founding date and the refused field appear in every refusal.
MATCHER_P(BeforeFounding, field,
          std::string("is DATE_BEFORE_FOUNDING naming ") + field) {
  const absl::Status& status = StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == absl::StatusCode::kFailedPrecondition &&
         ReasonOf(status) == "DATE_BEFORE_FOUNDING" &&
         absl::StrContains(status.message(), "2026-01-15") &&
         absl::StrContains(status.message(), field);
}

TEST_F(BookDatesTest, NothingIsDatedBeforeTheFundWasFounded) {
  const v1::Date before = MakeDate(2026, 1, 14);
  const uint64_t size = JournalSize();

  v1::RecordContributionRequest contribution;
  contribution.set_parent(kFund);
  *contribution.mutable_contribution() = Donation(before);
  EXPECT_THAT(client_->RecordContribution(contribution),
              BeforeFounding("contribution.effective_date"));

  v1::RecordDisbursementRequest disbursement;
  disbursement.set_parent(kFund);
  v1::Disbursement* cost = disbursement.mutable_disbursement();
  cost->mutable_operating_cost()->set_kind(v1::COST_KIND_STATIONERY);
  cost->set_amount_satang(100);
  *cost->mutable_effective_date() = before;
  EXPECT_THAT(client_->RecordDisbursement(disbursement),
              BeforeFounding("disbursement.effective_date"));

  v1::PostTransactionRequest transaction;
  transaction.set_parent(kFund);
  v1::Transaction* moved = transaction.mutable_transaction();
  v1::Posting* debit = moved->add_postings();
  debit->set_account_code("1101");
  debit->set_side(v1::DEBIT);
  debit->set_amount_satang(500);
  v1::Posting* credit = moved->add_postings();
  credit->set_account_code("4401");
  credit->set_side(v1::CREDIT);
  credit->set_amount_satang(500);
  *moved->mutable_effective_date() = before;
  EXPECT_THAT(client_->PostTransaction(transaction),
              BeforeFounding("transaction.effective_date"));

  v1::PostBatchRequest batch;
  batch.set_parent(kFund);
  *batch.add_items()->mutable_contribution() = Donation(MakeDate(2026, 2, 1));
  *batch.add_items()->mutable_contribution() = Donation(before);
  EXPECT_THAT(client_->PostBatch(batch),
              BeforeFounding("items[1].contribution.effective_date"));

  ASSERT_THAT(client_->RegisterMember(Member(MakeDate(2026, 1, 15), 1)),
              IsOk());
  const uint64_t with_member = JournalSize();
  EXPECT_EQ(with_member, size + 1);
  v1::RecordCollectionDayRequest collection;
  collection.set_parent(kFund);
  *collection.mutable_effective_date() = before;
  v1::CollectionRow* row = collection.add_rows();
  row->set_member_number(1);
  row->mutable_months()->mutable_first_month()->set_year(2026);
  row->mutable_months()->mutable_first_month()->set_month(1);
  row->mutable_months()->set_month_count(1);
  row->set_amount_satang(3000);
  EXPECT_THAT(client_->RecordCollectionDay(collection),
              BeforeFounding("effective_date"));

  EXPECT_THAT(client_->RegisterMember(Member(MakeDate(2026, 1, 1), 2)),
              BeforeFounding("member.join_date"));

  v1::AdoptRulebookRequest adopt;
  adopt.set_parent(kFund);
  v1::Rulebook* rulebook = adopt.mutable_rulebook();
  rulebook->set_resolution("มติที่ประชุมใหญ่ 1/2569");
  *rulebook->mutable_effective_date() = MakeDate(2025, 10, 1);
  v1::BenefitRule* rule = rulebook->add_benefits();
  rule->set_category(v1::BENEFIT_CATEGORY_BIRTH);
  rule->set_amount_per_event_satang(50000);
  EXPECT_THAT(client_->AdoptRulebook(adopt),
              BeforeFounding("rulebook.effective_date"));
  EXPECT_EQ(JournalSize(), with_member);

  // The founding day itself is the fund's first business day.
  *contribution.mutable_contribution()->mutable_effective_date() =
      MakeDate(2026, 1, 15);
  EXPECT_THAT(client_->RecordContribution(contribution), IsOk());
  *collection.mutable_effective_date() = MakeDate(2026, 1, 15);
  EXPECT_THAT(client_->RecordCollectionDay(collection), IsOk());
  *rulebook->mutable_effective_date() = MakeDate(2026, 1, 15);
  EXPECT_THAT(client_->AdoptRulebook(adopt), IsOk());
}

TEST_F(BookDatesTest, AFundThatMovesInOlderBooksIsFoundedEarlier) {
  ASSERT_THAT(CreateFund("ban-kao", MakeDate(2010, 5, 1)), IsOk());
  v1::RecordContributionRequest contribution;
  contribution.set_parent("funds/ban-kao");
  *contribution.mutable_contribution() = Donation(MakeDate(2012, 9, 30));
  EXPECT_THAT(client_->RecordContribution(contribution), IsOk());
  EXPECT_THAT(
      client_->RegisterMember(Member(MakeDate(2010, 5, 1), 3, "funds/ban-kao")),
      IsOk());
  EXPECT_EQ(JournalSize("funds/ban-kao"), 3u);
}

TEST_F(BookDatesTest, DuesAreForMonthsFromTheMonthTheMemberJoined) {
  ASSERT_THAT(client_->RegisterMember(Member(MakeDate(2026, 2, 20), 1)),
              IsOk());
  const uint64_t size = JournalSize();
  auto refused = client_->RecordContribution(Dues(1, 2026, 1));
  EXPECT_THAT(refused, HasError(absl::StatusCode::kFailedPrecondition,
                                "MEMBER_NOT_YET_JOINED"));
  EXPECT_THAT(refused.status().message(),
              AllOf(HasSubstr("2026-02-20"), HasSubstr("2026-01"),
                    HasSubstr("from 2026-02")));
  EXPECT_EQ(JournalSize(), size);
  v1::GetMemberRequest get;
  get.set_name("funds/ban-nong-khu/members/1");
  auto member = client_->GetMember(get);
  ASSERT_THAT(member, IsOk());
  EXPECT_EQ(member->paid_months_size(), 0);

  // The join month itself is a month of membership, whatever its day.
  EXPECT_THAT(client_->RecordContribution(Dues(1, 2026, 2)), IsOk());
}

TEST_F(BookDatesTest, AMissingMonthOrDateIsFieldRequired) {
  ASSERT_THAT(client_->RegisterMember(Member(MakeDate(2026, 2, 1), 1)), IsOk());
  const uint64_t size = JournalSize();
  v1::RecordContributionRequest dues = Dues(1, 2026, 2);
  dues.mutable_contribution()->clear_months();
  auto no_months = client_->RecordContribution(dues);
  EXPECT_THAT(no_months,
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  EXPECT_THAT(no_months.status().message(), HasSubstr("contribution.months"));

  dues = Dues(1, 2026, 2);
  dues.mutable_contribution()->mutable_months()->clear_first_month();
  auto no_first = client_->RecordContribution(dues);
  EXPECT_THAT(no_first,
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  EXPECT_THAT(no_first.status().message(),
              HasSubstr("contribution.months.first_month"));
  EXPECT_THAT(no_first.status().message(), Not(HasSubstr("0000-00")));

  v1::SubmitClaimRequest claim;
  claim.set_parent(kFund);
  claim.mutable_claim()->set_member_number(1);
  claim.mutable_claim()->set_category(v1::BENEFIT_CATEGORY_BIRTH);
  auto no_event = client_->SubmitClaim(claim);
  EXPECT_THAT(no_event,
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
  EXPECT_THAT(no_event.status().message(), HasSubstr("claim.event_date"));
  EXPECT_EQ(JournalSize(), size);
}

// Each write with only what names its target, and nothing else that it
// needs: the refusal is FIELD_REQUIRED and names the missing field.
TEST_F(BookDatesTest, EveryWriteLeftEmptyIsFieldRequired) {
  ASSERT_THAT(client_->RegisterMember(Member(MakeDate(2026, 2, 1), 1)), IsOk());
  const uint64_t size = JournalSize();
  const std::string member = std::string(kFund) + "/members/1";
  struct Case {
    const char* rpc;
    std::function<absl::Status()> call;
  };
  LedgerClient& c = *client_;
  const Case cases[] = {
      {"CreateFund",
       [&] {
         v1::CreateFundRequest r;
         r.set_fund_id("ban-empty");
         return c.CreateFund(r).status();
       }},
      {"CreateAccount",
       [&] {
         v1::CreateAccountRequest r;
         r.set_parent(kFund);
         return c.CreateAccount(r).status();
       }},
      {"RegisterMember",
       [&] {
         v1::RegisterMemberRequest r;
         r.set_parent(kFund);
         return c.RegisterMember(r).status();
       }},
      {"ChangeMemberStatus",
       [&] {
         v1::ChangeMemberStatusRequest r;
         r.set_name(member);
         return c.ChangeMemberStatus(r).status();
       }},
      {"UpdateMemberProfile",
       [&] {
         v1::UpdateMemberProfileRequest r;
         r.set_name(member);
         return c.UpdateMemberProfile(r).status();
       }},
      {"RecordContribution",
       [&] {
         v1::RecordContributionRequest r;
         r.set_parent(kFund);
         return c.RecordContribution(r).status();
       }},
      {"RecordDisbursement",
       [&] {
         v1::RecordDisbursementRequest r;
         r.set_parent(kFund);
         return c.RecordDisbursement(r).status();
       }},
      {"PostTransaction",
       [&] {
         v1::PostTransactionRequest r;
         r.set_parent(kFund);
         return c.PostTransaction(r).status();
       }},
      {"PostBatch",
       [&] {
         v1::PostBatchRequest r;
         r.set_parent(kFund);
         return c.PostBatch(r).status();
       }},
      {"RecordCollectionDay",
       [&] {
         v1::RecordCollectionDayRequest r;
         r.set_parent(kFund);
         return c.RecordCollectionDay(r).status();
       }},
      {"ReverseEntry",
       [&] {
         v1::ReverseEntryRequest r;
         r.set_name(std::string(kFund) + "/entries/2");
         return c.ReverseEntry(r).status();
       }},
      {"AdoptRulebook",
       [&] {
         v1::AdoptRulebookRequest r;
         r.set_parent(kFund);
         return c.AdoptRulebook(r).status();
       }},
      {"SubmitClaim",
       [&] {
         v1::SubmitClaimRequest r;
         r.set_parent(kFund);
         return c.SubmitClaim(r).status();
       }},
      {"ApproveClaim",
       [&] {
         v1::ClaimStepRequest r;
         r.set_name(std::string(kFund) + "/claims/1");
         return c.ApproveClaim(r).status();
       }},
      {"RejectClaim",
       [&] {
         v1::ClaimStepRequest r;
         r.set_name(std::string(kFund) + "/claims/1");
         return c.RejectClaim(r).status();
       }},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.rpc);
    const absl::Status status = test.call();
    EXPECT_THAT(status,
                HasError(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED"));
    EXPECT_THAT(std::string(status.message()), HasSubstr("want"));
  }
  EXPECT_EQ(JournalSize(), size);
}

TEST_F(BookDatesTest, ATransactionNeverDebitsAndCreditsOneAccount) {
  auto posting = [](v1::Transaction* to, const std::string& account,
                    v1::Side side, int64_t satang) {
    v1::Posting* posting = to->add_postings();
    posting->set_account_code(account);
    posting->set_side(side);
    posting->set_amount_satang(satang);
  };
  const uint64_t size = JournalSize();
  v1::PostTransactionRequest same;
  same.set_parent(kFund);
  posting(same.mutable_transaction(), "1101", v1::DEBIT, 50000);
  posting(same.mutable_transaction(), "1101", v1::CREDIT, 50000);
  auto refused = client_->PostTransaction(same);
  EXPECT_THAT(refused,
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  EXPECT_THAT(refused.status().message(),
              AllOf(HasSubstr("transaction.postings"), HasSubstr("1101")));

  v1::PostTransactionRequest partly;
  partly.set_parent(kFund);
  posting(partly.mutable_transaction(), "1101", v1::DEBIT, 50000);
  posting(partly.mutable_transaction(), "4401", v1::CREDIT, 30000);
  posting(partly.mutable_transaction(), "1101", v1::CREDIT, 20000);
  EXPECT_THAT(client_->PostTransaction(partly),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
  EXPECT_EQ(JournalSize(), size);

  // Two debits of one account are one side: allowed.
  v1::PostTransactionRequest split;
  split.set_parent(kFund);
  posting(split.mutable_transaction(), "1101", v1::DEBIT, 30000);
  posting(split.mutable_transaction(), "1101", v1::DEBIT, 20000);
  posting(split.mutable_transaction(), "4401", v1::CREDIT, 50000);
  EXPECT_THAT(client_->PostTransaction(split), IsOk());
}

}  // namespace
}  // namespace welfare::testing
