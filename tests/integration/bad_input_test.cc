// Every kind of bad input gets the right gRPC code and reason, and leaves
// the books exactly as they were. The cases run in a table against one
// fund set up with money, members in each status and a reversed entry.
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using client::LedgerClient;

constexpr char kFund[] = "funds/ban-a";

v1::Contribution Donation(int64_t satang) {
  v1::Contribution donation;
  donation.set_source(v1::CONTRIBUTION_SOURCE_DONATION);
  donation.set_amount_satang(satang);
  *donation.mutable_effective_date() = MakeDate(2026, 3, 1);
  return donation;
}

v1::Contribution Dues(int member, int first_month, int count) {
  v1::Contribution dues;
  dues.set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues.set_amount_satang(3000 * count);
  dues.set_member_number(member);
  dues.mutable_months()->mutable_first_month()->set_year(2026);
  dues.mutable_months()->mutable_first_month()->set_month(first_month);
  dues.mutable_months()->set_month_count(count);
  *dues.mutable_effective_date() = MakeDate(2026, 6, 1);
  return dues;
}

v1::Disbursement Benefit(int member, v1::BenefitCategory category,
                         int64_t satang) {
  v1::Disbursement benefit;
  benefit.mutable_benefit()->set_category(category);
  benefit.mutable_benefit()->set_member_number(member);
  benefit.set_amount_satang(satang);
  *benefit.mutable_effective_date() = MakeDate(2026, 6, 10);
  return benefit;
}

v1::Transaction Transfer(int64_t debit, int64_t credit) {
  v1::Transaction transfer;
  auto* to_bank = transfer.add_postings();
  to_bank->set_account_code("1111");
  to_bank->set_side(v1::DEBIT);
  to_bank->set_amount_satang(debit);
  auto* from_cash = transfer.add_postings();
  from_cash->set_account_code("1101");
  from_cash->set_side(v1::CREDIT);
  from_cash->set_amount_satang(credit);
  *transfer.mutable_effective_date() = MakeDate(2026, 6, 1);
  return transfer;
}

struct BadCase {
  std::string name;
  std::function<absl::Status(LedgerClient&)> call;
  absl::StatusCode code;
  std::string reason;
};

absl::Status Contribute(LedgerClient& client, v1::Contribution contribution,
                        const std::string& parent = kFund) {
  v1::RecordContributionRequest request;
  request.set_parent(parent);
  *request.mutable_contribution() = std::move(contribution);
  return client.RecordContribution(request).status();
}

absl::Status Disburse(LedgerClient& client, v1::Disbursement disbursement) {
  v1::RecordDisbursementRequest request;
  request.set_parent(kFund);
  *request.mutable_disbursement() = std::move(disbursement);
  return client.RecordDisbursement(request).status();
}

absl::Status Post(LedgerClient& client, v1::Transaction transaction) {
  v1::PostTransactionRequest request;
  request.set_parent(kFund);
  *request.mutable_transaction() = std::move(transaction);
  return client.PostTransaction(request).status();
}

absl::Status Reverse(LedgerClient& client, uint64_t sequence) {
  v1::ReverseEntryRequest request;
  request.set_name(absl::StrCat(kFund, "/entries/", sequence));
  request.set_reason("แก้ไขรายการ");
  return client.ReverseEntry(request).status();
}

absl::Status RegisterWithId(LedgerClient& client, const std::string& id) {
  v1::RegisterMemberRequest request;
  request.set_parent(kFund);
  request.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
  *request.mutable_member()->mutable_join_date() = MakeDate(2026, 1, 1);
  request.mutable_member()->mutable_profile()->set_full_name("นายทดสอบ");
  request.mutable_member()->mutable_profile()->set_national_id(id);
  return client.RegisterMember(request).status();
}

absl::Status CreateFundWith(LedgerClient& client, const std::string& id,
                            const std::string& name, const std::string& area) {
  v1::CreateFundRequest request;
  request.set_fund_id(id);
  request.mutable_fund()->set_display_name(name);
  request.mutable_fund()->set_area_code(area);
  // Before every date the cases write.
  *request.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
  return client.CreateFund(request).status();
}

// Everything a bad request could have changed.
struct Books {
  std::string funds;
  std::string fund;
  std::string balances;
  std::string members;
  bool operator==(const Books& other) const {
    return funds == other.funds && fund == other.fund &&
           balances == other.balances && members == other.members;
  }
};

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    ASSERT_THAT(CreateFundWith(*client_, "ban-a", "กองทุนบ้านเอ", "330101"),
                IsOk());
    for (int i = 1; i <= 3; ++i) {
      ASSERT_THAT(RegisterWithId(*client_, NationalIdFor(i)), IsOk());
    }
    // 1,000 baht of donations: entry 5.
    ASSERT_THAT(Contribute(*client_, Donation(100000)), IsOk());
    // Member 1 has paid January to June 2026: entry 6.
    ASSERT_THAT(Contribute(*client_, Dues(1, 1, 6)), IsOk());
    // Member 2 resigned on 1 May, member 3 died on 1 June: entries 7, 8.
    ASSERT_THAT(
        ChangeStatus(2, v1::MEMBER_STATUS_RESIGNED, MakeDate(2026, 5, 1)),
        IsOk());
    ASSERT_THAT(
        ChangeStatus(3, v1::MEMBER_STATUS_DECEASED, MakeDate(2026, 6, 1)),
        IsOk());
    // A donation recorded by mistake (entry 9) and its reversal (entry 10).
    ASSERT_THAT(Contribute(*client_, Donation(500)), IsOk());
    ASSERT_THAT(Reverse(*client_, 9), IsOk());
  }

  absl::Status ChangeStatus(int member, v1::MemberStatus status,
                            v1::Date date) {
    v1::ChangeMemberStatusRequest request;
    request.set_name(absl::StrCat(kFund, "/members/", member));
    request.mutable_change()->set_status(status);
    *request.mutable_change()->mutable_effective_date() = date;
    return client_->ChangeMemberStatus(request).status();
  }

  Books Read() {
    Books books;
    auto funds = client_->ListFunds(v1::ListFundsRequest());
    EXPECT_THAT(funds, IsOk());
    books.funds = funds->SerializeAsString();
    v1::GetFundRequest get;
    get.set_name(kFund);
    auto fund = client_->GetFund(get);
    EXPECT_THAT(fund, IsOk());
    books.fund = fund->SerializeAsString();
    v1::GetBalancesRequest balances;
    balances.set_parent(kFund);
    auto read = client_->GetBalances(balances);
    EXPECT_THAT(read, IsOk());
    books.balances = read->SerializeAsString();
    v1::ListMembersRequest members;
    members.set_parent(kFund);
    auto listed = client_->ListMembers(members);
    EXPECT_THAT(listed, IsOk());
    books.members = listed->SerializeAsString();
    return books;
  }

  TestServer server_;
  std::unique_ptr<LedgerClient> client_;
};

std::vector<BadCase> Cases() {
  using C = absl::StatusCode;
  const C kInvalid = C::kInvalidArgument;
  const C kPrecondition = C::kFailedPrecondition;
  std::vector<BadCase> cases = {
      {"zero amount",
       [](LedgerClient& c) { return Contribute(c, Donation(0)); }, kInvalid,
       "AMOUNT_MUST_BE_POSITIVE"},
      {"negative amount",
       [](LedgerClient& c) { return Contribute(c, Donation(-100)); }, kInvalid,
       "AMOUNT_MUST_BE_POSITIVE"},
      {"amount beyond a billion baht",
       [](LedgerClient& c) { return Contribute(c, Donation(100'000'000'001)); },
       kInvalid, "AMOUNT_TOO_LARGE"},
      {"amount that would overflow",
       [](LedgerClient& c) { return Post(c, Transfer(INT64_MAX, INT64_MAX)); },
       kInvalid, "AMOUNT_TOO_LARGE"},
      {"unbalanced postings",
       [](LedgerClient& c) { return Post(c, Transfer(1000, 900)); }, kInvalid,
       "POSTINGS_UNBALANCED"},
      {"too many postings",
       [](LedgerClient& c) {
         v1::Transaction many = Transfer(100, 100);
         for (int i = 0; i < 32; ++i) {
           *many.add_postings() = many.postings(0);
           *many.add_postings() = many.postings(1);
         }
         return Post(c, many);
       },
       kInvalid, "TOO_MANY_POSTINGS"},
      {"unknown fund",
       [](LedgerClient& c) {
         return Contribute(c, Donation(100), "funds/no-such-fund");
       },
       C::kNotFound, "FUND_NOT_FOUND"},
      {"unknown account",
       [](LedgerClient& c) {
         v1::Transaction transfer = Transfer(100, 100);
         transfer.mutable_postings(0)->set_account_code("1999");
         return Post(c, transfer);
       },
       C::kNotFound, "ACCOUNT_NOT_FOUND"},
      {"unknown member",
       [](LedgerClient& c) { return Contribute(c, Dues(99, 7, 1)); },
       C::kNotFound, "MEMBER_NOT_FOUND"},
      {"unknown entry", [](LedgerClient& c) { return Reverse(c, 999); },
       C::kNotFound, "ENTRY_NOT_FOUND"},
      {"cash would go negative",
       [](LedgerClient& c) {
         return Disburse(c, Benefit(1, v1::BENEFIT_CATEGORY_SICKNESS, 500000));
       },
       kPrecondition, "INSUFFICIENT_FUNDS"},
      {"cash would go negative on an earlier date",
       [](LedgerClient& c) {
         // Before the dues of 1 June, cash held only the 1,000 baht.
         // (1,000 + 5 baht on 1 March; 1,180 today.)
         v1::Disbursement early =
             Benefit(1, v1::BENEFIT_CATEGORY_SICKNESS, 100600);
         *early.mutable_effective_date() = MakeDate(2026, 5, 1);
         return Disburse(c, early);
       },
       kPrecondition, "INSUFFICIENT_FUNDS"},
      {"national id with a wrong check digit",
       [](LedgerClient& c) {
         std::string id = NationalIdFor(77);
         id.back() = id.back() == '9' ? '0' : id.back() + 1;
         return RegisterWithId(c, id);
       },
       kInvalid, "NATIONAL_ID_INVALID"},
      {"national id of 12 digits",
       [](LedgerClient& c) { return RegisterWithId(c, "110370012345"); },
       kInvalid, "NATIONAL_ID_INVALID"},
      {"national id already a member",
       [](LedgerClient& c) { return RegisterWithId(c, NationalIdFor(1)); },
       C::kAlreadyExists, "MEMBER_ALREADY_REGISTERED"},
      {"area code of no province",
       [](LedgerClient& c) {
         return CreateFundWith(c, "ban-b", "กองทุนบ้านบี", "990101");
       },
       kInvalid, "AREA_CODE_INVALID"},
      {"area code too short",
       [](LedgerClient& c) {
         return CreateFundWith(c, "ban-b", "กองทุนบ้านบี", "3301");
       },
       kInvalid, "AREA_CODE_INVALID"},
      {"impossible date",
       [](LedgerClient& c) {
         v1::Contribution late = Donation(100);
         *late.mutable_effective_date() = MakeDate(2026, 2, 30);
         return Contribute(c, late);
       },
       kInvalid, "DATE_INVALID"},
      {"future date",
       [](LedgerClient& c) {
         v1::Contribution future = Donation(100);
         *future.mutable_effective_date() = MakeDate(2026, 6, 16);
         return Contribute(c, future);
       },
       kInvalid, "DATE_IN_FUTURE"},
      {"Buddhist Era year given as a date",
       [](LedgerClient& c) {
         v1::Contribution be = Donation(100);
         *be.mutable_effective_date() = MakeDate(2569, 6, 1);
         return Contribute(c, be);
       },
       kInvalid, "DATE_INVALID"},
      {"Buddhist Era year in dues months",
       [](LedgerClient& c) {
         v1::Contribution dues = Dues(1, 7, 1);
         dues.mutable_months()->mutable_first_month()->set_year(2569);
         return Contribute(c, dues);
       },
       kInvalid, "DATE_INVALID"},
      {"oversized text",
       [](LedgerClient& c) {
         v1::Contribution long_memo = Donation(100);
         long_memo.set_memo(std::string(501, 'a'));
         return Contribute(c, long_memo);
       },
       kInvalid, "TEXT_TOO_LONG"},
      {"oversized Thai name",
       [](LedgerClient& c) {
         std::string name;
         for (int i = 0; i < 201; ++i) name += "ก";
         return CreateFundWith(c, "ban-b", name, "330101");
       },
       kInvalid, "TEXT_TOO_LONG"},
      {"control character in text",
       [](LedgerClient& c) {
         v1::Contribution bell = Donation(100);
         bell.set_payer(std::string("a\a") + "b");
         return Contribute(c, bell);
       },
       kInvalid, "FIELD_INVALID"},
      {"batch too large",
       [](LedgerClient& c) {
         v1::PostBatchRequest batch;
         batch.set_parent(kFund);
         for (int i = 0; i < 2001; ++i) {
           *batch.add_items()->mutable_contribution() = Donation(100);
         }
         return c.PostBatch(batch).status();
       },
       kInvalid, "BATCH_TOO_LARGE"},
      {"batch with one bad item",
       [](LedgerClient& c) {
         v1::PostBatchRequest batch;
         batch.set_parent(kFund);
         for (int i = 0; i < 10; ++i) {
           *batch.add_items()->mutable_contribution() = Donation(100);
         }
         *batch.add_items()->mutable_contribution() = Dues(1, 3, 1);
         return c.PostBatch(batch).status();
       },
       kPrecondition, "DUES_MONTHS_ALREADY_PAID"},
      {"reversing an entry twice",
       [](LedgerClient& c) { return Reverse(c, 9); }, kPrecondition,
       "ENTRY_ALREADY_REVERSED"},
      {"reversing a reversal", [](LedgerClient& c) { return Reverse(c, 10); },
       kPrecondition, "ENTRY_IS_REVERSAL"},
      {"reversing a member registration",
       [](LedgerClient& c) { return Reverse(c, 2); }, kPrecondition,
       "ENTRY_NOT_REVERSIBLE"},
      {"dues for months already paid",
       [](LedgerClient& c) { return Contribute(c, Dues(1, 6, 2)); },
       kPrecondition, "DUES_MONTHS_ALREADY_PAID"},
      {"dues of a resigned member",
       [](LedgerClient& c) { return Contribute(c, Dues(2, 6, 1)); },
       kPrecondition, "MEMBER_NOT_ACTIVE"},
      {"dues of a member who died",
       [](LedgerClient& c) {
         v1::Contribution dues = Dues(3, 7, 1);
         *dues.mutable_effective_date() = MakeDate(2026, 6, 2);
         return Contribute(c, dues);
       },
       kPrecondition, "MEMBER_NOT_ACTIVE"},
      {"sickness benefit for a member who died",
       [](LedgerClient& c) {
         return Disburse(c, Benefit(3, v1::BENEFIT_CATEGORY_SICKNESS, 100));
       },
       kPrecondition, "MEMBER_NOT_ACTIVE"},
      {"benefit before the member joined",
       [](LedgerClient& c) {
         v1::Disbursement early = Benefit(1, v1::BENEFIT_CATEGORY_BIRTH, 100);
         *early.mutable_effective_date() = MakeDate(2025, 12, 31);
         return Disburse(c, early);
       },
       kPrecondition, "MEMBER_NOT_YET_JOINED"},
      {"malformed fund name",
       [](LedgerClient& c) {
         return Contribute(c, Donation(100), "fund/ban-a");
       },
       kInvalid, "NAME_MALFORMED"},
      {"fund that exists already",
       [](LedgerClient& c) {
         return CreateFundWith(c, "ban-a", "กองทุนซ้ำ", "330101");
       },
       C::kAlreadyExists, "FUND_ALREADY_EXISTS"},
      {"request id reused for other content",
       [](LedgerClient& c) {
         v1::RecordContributionRequest request;
         request.set_parent(kFund);
         request.set_request_id("reused-id");
         *request.mutable_contribution() = Donation(100);
         absl::Status first = c.RecordContribution(request).status();
         if (!first.ok()) return first;
         request.mutable_contribution()->set_amount_satang(200);
         return c.RecordContribution(request).status();
       },
       C::kAlreadyExists, "REQUEST_ID_REUSED"},
  };
  return cases;
}

TEST_F(BadInputTest, EveryBadInputIsRefusedWithItsReasonAndWritesNothing) {
  for (const BadCase& bad : Cases()) {
    SCOPED_TRACE(bad.name);
    // The reused-id case writes its first, valid request on purpose.
    const bool writes_first = bad.reason == "REQUEST_ID_REUSED";
    Books before = Read();
    absl::Status status = bad.call(*client_);
    EXPECT_THAT(status, HasError(bad.code, bad.reason));
    EXPECT_FALSE(status.message().empty());
    if (!writes_first) {
      EXPECT_TRUE(Read() == before) << "the books changed";
    }
  }
}

TEST_F(BadInputTest, BatchErrorNamesTheBadItem) {
  v1::PostBatchRequest batch;
  batch.set_parent(kFund);
  for (int i = 0; i < 3; ++i) {
    *batch.add_items()->mutable_contribution() = Donation(100);
  }
  *batch.add_items()->mutable_contribution() = Donation(0);
  absl::Status status = client_->PostBatch(batch).status();
  EXPECT_THAT(status, HasError(absl::StatusCode::kInvalidArgument,
                               "AMOUNT_MUST_BE_POSITIVE"));
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("items[3]"));
}

TEST_F(BadInputTest, InvalidUtf8IsRefusedAsInvalidArgument) {
  v1::Contribution bad = Donation(100);
  bad.set_memo("caf\xc3");  // A truncated two-byte sequence.
  Books before = Read();
  absl::Status status = Contribute(*client_, bad);
  EXPECT_THAT(status,
              HasError(absl::StatusCode::kInvalidArgument, "TEXT_NOT_UTF8"));
  EXPECT_TRUE(Read() == before);
}

}  // namespace
}  // namespace welfare::testing
