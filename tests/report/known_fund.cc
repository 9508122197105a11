#include "tests/report/known_fund.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/reports/random_fund.h"
#include "tests/report/sample_reports.h"

namespace welfare::report::testing {
namespace {

using welfare::testing::IsOk;
using welfare::testing::MakeDate;

struct Dues {
  v1::Date paid;
  int member;
  int first_year, first_month, months;
  const char* receipt;
};

struct Benefit {
  v1::Date paid;
  int member;
  v1::BenefitCategory category;
  int64_t satang;
};

class Writer {
 public:
  explicit Writer(client::LedgerClient& client) : client_(client) {}

  void CreateFund() {
    v1::CreateFundRequest create;
    create.set_fund_id(kFundId);
    create.mutable_fund()->set_display_name(kFundDisplayName);
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2024, 10, 1);
    ASSERT_THAT(client_.CreateFund(create), IsOk());
  }

  void Register(int number) {
    v1::RegisterMemberRequest request;
    request.set_parent(kFundName);
    v1::Member* member = request.mutable_member();
    member->set_category(number == 2 ? v1::MEMBER_CATEGORY_ELDERLY
                                     : v1::MEMBER_CATEGORY_GENERAL);
    *member->mutable_join_date() =
        number <= 2 ? MakeDate(2024, 10, 1) : MakeDate(2025, 10, 1);
    member->mutable_profile()->set_full_name(absl::StrCat("สมาชิก ", number));
    member->mutable_profile()->set_national_id(
        welfare::testing::NationalIdFor(100 + number));
    auto registered = client_.RegisterMember(request);
    ASSERT_THAT(registered, IsOk());
    ASSERT_EQ(registered->member_number(), number);
  }

  void Pay(const Dues& dues) {
    v1::Contribution contribution;
    contribution.set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    contribution.set_member_number(dues.member);
    contribution.set_amount_satang(3000 * dues.months);
    v1::MonthRange* months = contribution.mutable_months();
    months->mutable_first_month()->set_year(dues.first_year);
    months->mutable_first_month()->set_month(dues.first_month);
    months->set_month_count(dues.months);
    contribution.set_source_document(dues.receipt);
    Contribute(contribution, dues.paid);
  }

  void Match(const char* round, int64_t satang, v1::Date paid) {
    v1::Contribution contribution;
    contribution.set_source(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
    contribution.set_matching_round(round);
    contribution.set_amount_satang(satang);
    Contribute(contribution, paid);
  }

  void Pay(const Benefit& benefit) {
    v1::Disbursement disbursement;
    disbursement.mutable_benefit()->set_category(benefit.category);
    disbursement.mutable_benefit()->set_member_number(benefit.member);
    disbursement.set_amount_satang(benefit.satang);
    Disburse(disbursement, benefit.paid);
  }

  void Stationery(int64_t satang, v1::Date paid) {
    v1::Disbursement disbursement;
    disbursement.mutable_operating_cost()->set_kind(v1::COST_KIND_STATIONERY);
    disbursement.mutable_operating_cost()->set_description("กระดาษและหมึก");
    disbursement.set_amount_satang(satang);
    Disburse(disbursement, paid);
  }

 private:
  void Contribute(v1::Contribution contribution, v1::Date paid) {
    v1::RecordContributionRequest request;
    request.set_parent(kFundName);
    *contribution.mutable_effective_date() = paid;
    *request.mutable_contribution() = std::move(contribution);
    EXPECT_THAT(client_.RecordContribution(request), IsOk());
  }

  void Disburse(v1::Disbursement disbursement, v1::Date paid) {
    v1::RecordDisbursementRequest request;
    request.set_parent(kFundName);
    *disbursement.mutable_effective_date() = paid;
    *request.mutable_disbursement() = std::move(disbursement);
    EXPECT_THAT(client_.RecordDisbursement(request), IsOk());
  }

  client::LedgerClient& client_;
};

}  // namespace

void WriteKnownFunds(client::LedgerClient& client) {
  Writer writer(client);
  ASSERT_NO_FATAL_FAILURE(writer.CreateFund());
  for (int number = 1; number <= kKnownMembers; ++number) {
    ASSERT_NO_FATAL_FAILURE(writer.Register(number));
  }
  // In date order, so that cash never goes below zero.
  writer.Pay(Dues{MakeDate(2024, 11, 5), 1, 2024, 10, 12, "RC-0001"});
  writer.Match("2568/1", 2500000, MakeDate(2025, 3, 10));
  writer.Pay(
      Benefit{MakeDate(2025, 6, 1), 1, v1::BENEFIT_CATEGORY_SICKNESS, 20000});
  writer.Pay(Dues{MakeDate(2025, 10, 5), 1, 2025, 10, 3, "RC-0002"});
  writer.Pay(Dues{MakeDate(2025, 10, 5), 2, 2025, 10, 1, "RC-0003"});
  writer.Pay(Dues{MakeDate(2025, 11, 10), 3, 2025, 10, 2, "RC-0004"});
  writer.Pay(
      Benefit{MakeDate(2025, 12, 10), 1, v1::BENEFIT_CATEGORY_SICKNESS, 50000});
  writer.Pay(Dues{MakeDate(2026, 1, 15), 1, 2026, 1, 6, "RC-0005"});
  writer.Pay(Dues{MakeDate(2026, 1, 15), 2, 2025, 11, 3, "RC-0006"});
  writer.Match("2569/1", 12345675, MakeDate(2026, 2, 20));
  writer.Pay(
      Benefit{MakeDate(2026, 2, 25), 3, v1::BENEFIT_CATEGORY_BIRTH, 100000});
  writer.Stationery(25000, MakeDate(2026, 3, 15));
  writer.Pay(Dues{MakeDate(2026, 3, 20), 3, 2025, 12, 4, "RC-0007"});
  writer.Pay(
      Benefit{MakeDate(2026, 4, 5), 2, v1::BENEFIT_CATEGORY_SICKNESS, 30000});
  writer.Pay(
      Benefit{MakeDate(2026, 5, 18), 2, v1::BENEFIT_CATEGORY_ELDERLY, 300000});
  writer.Pay(Dues{MakeDate(2026, 6, 10), 2, 2026, 2, 5, "RC-0008"});

  welfare::testing::RandomFundSpec other;
  other.fund_id = kOtherFundId;
  other.area_code = "330201";
  other.members = 12;
  other.operations = 120;
  welfare::testing::WriteRandomFund(client, other);
}

welfare::testing::TestServer* KnownFundTest::server_ = nullptr;

void KnownFundTest::SetUpTestSuite() {
  server_ = new welfare::testing::TestServer();
  WriteKnownFunds(*server_->NewClient());
}

void KnownFundTest::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
}

std::shared_ptr<grpc::Channel> KnownFundTest::NewChannel() {
  return server_->NewChannel();
}

}  // namespace welfare::report::testing
