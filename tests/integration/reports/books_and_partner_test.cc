// The books and partner figures at the cases a random fund seldom makes,
// over a real server: a receipts and payments account that is gross (a loan
// out and back in one year shows on both sides, a receipt voided a year
// later is a negative receipt); the status form's loans, liabilities and
// member types; a partner cell derived from one person's reversal a year
// later, or from money that names no member, withheld; and the period of
// every partner answer, for a fund whose accounting year starts in January.
#include <map>
#include <string>

#include "google/protobuf/util/message_differencer.h"
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using Partner = v1::PartnerService::Stub;
using Reports = v1::ReportService::Stub;
using google::protobuf::util::MessageDifferencer;

class BooksAndPartnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    CreateFund("ban-a", "340101", 10);
  }

  void CreateFund(const std::string& id, const std::string& area,
                  int start_month) {
    v1::CreateFundRequest create;
    create.set_fund_id(id);
    create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชน " + id);
    create.mutable_fund()->set_area_code(area);
    create.mutable_fund()->set_fiscal_year_start_month(start_month);
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2024, 1, 1);
    ASSERT_THAT(client_->CreateFund(create), IsOk());
  }

  void Register(const std::string& fund, v1::MemberCategory category,
                const v1::Date& joined, int64_t id_seed) {
    v1::RegisterMemberRequest request;
    request.set_parent("funds/" + fund);
    request.mutable_member()->set_category(category);
    *request.mutable_member()->mutable_join_date() = joined;
    request.mutable_member()->mutable_profile()->set_full_name("นายทดสอบ");
    request.mutable_member()->mutable_profile()->set_national_id(
        NationalIdFor(id_seed));
    ASSERT_THAT(client_->RegisterMember(request), IsOk());
  }

  uint64_t Contribute(const std::string& fund, v1::ContributionSource source,
                      int64_t satang, const v1::Date& date) {
    v1::RecordContributionRequest request;
    request.set_parent("funds/" + fund);
    request.mutable_contribution()->set_source(source);
    request.mutable_contribution()->set_amount_satang(satang);
    *request.mutable_contribution()->mutable_effective_date() = date;
    auto entry = client_->RecordContribution(request);
    EXPECT_THAT(entry, IsOk());
    return entry.ok() ? entry->sequence() : 0;
  }

  // Debits `debit`, credits `credit`.
  void Transfer(const std::string& debit, const std::string& credit,
                int64_t satang, const v1::Date& date) {
    v1::PostTransactionRequest request;
    request.set_parent("funds/ban-a");
    for (const auto& [code, side] :
         {std::pair{debit, v1::DEBIT}, std::pair{credit, v1::CREDIT}}) {
      v1::Posting* posting = request.mutable_transaction()->add_postings();
      posting->set_account_code(code);
      posting->set_side(side);
      posting->set_amount_satang(satang);
    }
    *request.mutable_transaction()->mutable_effective_date() = date;
    ASSERT_THAT(client_->PostTransaction(request), IsOk());
  }

  uint64_t Benefit(int member, v1::BenefitCategory category, int64_t satang,
                   const v1::Date& date) {
    v1::RecordDisbursementRequest request;
    request.set_parent("funds/ban-a");
    request.mutable_disbursement()->mutable_benefit()->set_category(category);
    request.mutable_disbursement()->mutable_benefit()->set_member_number(
        member);
    request.mutable_disbursement()->set_amount_satang(satang);
    *request.mutable_disbursement()->mutable_effective_date() = date;
    auto entry = client_->RecordDisbursement(request);
    EXPECT_THAT(entry, IsOk());
    return entry.ok() ? entry->sequence() : 0;
  }

  void Reverse(uint64_t sequence, const v1::Date& date) {
    v1::ReverseEntryRequest request;
    request.set_name("funds/ban-a/entries/" + std::to_string(sequence));
    request.set_reason("บันทึกผิด");
    *request.mutable_effective_date() = date;
    ASSERT_THAT(client_->ReverseEntry(request), IsOk());
  }

  // Fund ban-a's fiscal year 2026 (1 October 2025 to today, 15 June 2026),
  // with the year before.
  void WriteTheYear() {
    Register("ban-a", v1::MEMBER_CATEGORY_ELDERLY, MakeDate(2024, 1, 1), 1);
    Register("ban-a", v1::MEMBER_CATEGORY_CHILD, MakeDate(2025, 3, 1), 2);
    Register("ban-a", v1::MEMBER_CATEGORY_DISADVANTAGED, MakeDate(2026, 1, 10),
             3);
    Contribute("ban-a", v1::CONTRIBUTION_SOURCE_DONATION, 800000,
               MakeDate(2025, 5, 1));
    const uint64_t interest =
        Contribute("ban-a", v1::CONTRIBUTION_SOURCE_BANK_INTEREST, 10000,
                   MakeDate(2025, 6, 30));
    const uint64_t benefit = Benefit(2, v1::BENEFIT_CATEGORY_DISADVANTAGED,
                                     50000, MakeDate(2025, 9, 1));
    Contribute("ban-a", v1::CONTRIBUTION_SOURCE_DONATION, 500000,
               MakeDate(2025, 10, 5));
    Transfer("1301", "1101", 150000, MakeDate(2025, 11, 1));  // A loan...
    Transfer("1101", "1301", 150000, MakeDate(2026, 2, 1));   // ...repaid.
    Transfer("1101", "2201", 200000, MakeDate(2026, 3, 1));   // To refund.
    Reverse(interest, MakeDate(2026, 4, 1));
    Reverse(benefit, MakeDate(2026, 4, 2));
    Transfer("1301", "1101", 30000, MakeDate(2026, 5, 1));   // Still out.
    Transfer("5111", "1101", 20000, MakeDate(2026, 5, 10));  // No member.
  }

  v1::ReportRequest Fiscal2026() {
    v1::ReportRequest request;
    request.set_parent("funds/ban-a");
    request.mutable_period()->set_fiscal_year(2026);
    return request;
  }

  static std::map<std::string, int64_t> ByAccount(
      const google::protobuf::RepeatedPtrField<v1::AccountAmount>& rows) {
    std::map<std::string, int64_t> amounts;
    for (const auto& row : rows)
      amounts[row.account_code()] = row.amount_satang();
    return amounts;
  }

  static const v1::CategoryAggregate& Cell(const v1::StatusTotals& totals,
                                           v1::BenefitCategory category) {
    return totals.benefits(static_cast<int>(category) - 1);
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  ReportRpc rpc_{server_.NewChannel()};
};

TEST_F(BooksAndPartnerTest, ReceiptsAndPaymentsAreGross) {
  WriteTheYear();
  Transfer("1111", "1101", 10000, MakeDate(2026, 5, 20));  // Nothing: within.
  // Received into cash and paid from the bank in one entry: cash and bank
  // net to zero, and it is still a receipt and a payment.
  v1::PostTransactionRequest both;
  both.set_parent("funds/ban-a");
  for (const auto& [code, side] :
       {std::pair{"1101", v1::DEBIT}, std::pair{"4401", v1::CREDIT},
        std::pair{"5201", v1::DEBIT}, std::pair{"1111", v1::CREDIT}}) {
    v1::Posting* posting = both.mutable_transaction()->add_postings();
    posting->set_account_code(code);
    posting->set_side(side);
    posting->set_amount_satang(10000);
  }
  *both.mutable_transaction()->mutable_effective_date() = MakeDate(2026, 5, 21);
  ASSERT_THAT(client_->PostTransaction(both), IsOk());
  auto report = rpc_.Call(&Reports::GetReceiptsAndPayments, Fiscal2026());
  ASSERT_THAT(report, IsOk());
  using Amounts = std::map<std::string, int64_t>;
  EXPECT_EQ(ByAccount(report->receipts()), (Amounts{{"1301", 150000},
                                                    {"2201", 200000},
                                                    {"4401", 510000},
                                                    {"4501", -10000}}));
  // The benefit of fiscal 2025 voided in 2026 is a negative payment.
  EXPECT_EQ(ByAccount(report->payments()), (Amounts{{"1301", 180000},
                                                    {"5106", -50000},
                                                    {"5111", 20000},
                                                    {"5201", 10000}}));
  EXPECT_EQ(ByAccount(report->net_flows()), (Amounts{{"1301", -30000},
                                                     {"2201", 200000},
                                                     {"4401", 510000},
                                                     {"4501", -10000},
                                                     {"5106", 50000},
                                                     {"5111", -20000},
                                                     {"5201", -10000}}));
  EXPECT_EQ(report->receipts_total_satang(), 850000);
  EXPECT_EQ(report->payments_total_satang(), 160000);
  EXPECT_EQ(report->opening_total_satang() + 850000 - 160000,
            report->closing_total_satang());
}

TEST_F(BooksAndPartnerTest, TheStatusFormShowsLoansLiabilitiesAndMemberTypes) {
  WriteTheYear();
  auto form = rpc_.Call(&Reports::GetFundStatusForm, Fiscal2026());
  ASSERT_THAT(form, IsOk());
  EXPECT_EQ(form->loans_to_members_satang(), 30000);
  EXPECT_EQ(ByAccount(form->liabilities()),
            (std::map<std::string, int64_t>{{"2201", 200000}}));
  EXPECT_EQ(form->liabilities_total_satang(), 200000);
  EXPECT_EQ(form->header().fiscal_year_start_month(), 10);
  auto counts = [](const auto& rows) {
    std::map<int, int64_t> by_type;
    for (const auto& row : rows) {
      if (row.count() != 0) by_type[row.category()] = row.count();
    }
    return by_type;
  };
  EXPECT_EQ(form->members_founding_by_type_size(), 6);
  EXPECT_EQ(counts(form->members_founding_by_type()),
            (std::map<int, int64_t>{{v1::MEMBER_CATEGORY_ELDERLY, 1}}));
  EXPECT_EQ(counts(form->members_cumulative_by_type()),
            (std::map<int, int64_t>{{v1::MEMBER_CATEGORY_ELDERLY, 1},
                                    {v1::MEMBER_CATEGORY_CHILD, 1},
                                    {v1::MEMBER_CATEGORY_DISADVANTAGED, 1}}));
  EXPECT_EQ(form->members_founding(), 1);
  EXPECT_EQ(form->members_cumulative(), 3);
}

TEST_F(BooksAndPartnerTest, ACellOfOnePersonsReversalOrOfNoMemberIsWithheld) {
  WriteTheYear();
  v1::GetFundStatusRequest fund;
  fund.set_name("funds/ban-a");
  auto status = rpc_.Call(&Partner::GetFundStatus, fund);
  ASSERT_THAT(status, IsOk());
  v1::GetAreaStatusRequest area;
  area.set_area_code_prefix("34");
  auto province = rpc_.Call(&Partner::GetAreaStatus, area);
  ASSERT_THAT(province, IsOk());
  ASSERT_EQ(province->fund_count(), 1);
  for (const v1::StatusTotals* totals :
       {&status->totals(), &province->totals()}) {
    // One member's benefit of fiscal 2025, reversed in 2026: -500.00 baht
    // for 0 people would say what that person got.
    const auto& reversed = Cell(*totals, v1::BENEFIT_CATEGORY_DISADVANTAGED);
    EXPECT_EQ(reversed.people().count(), 0);
    EXPECT_EQ(reversed.people().fewer_than_five_cells(), 1);
    EXPECT_EQ(reversed.amount_satang(), 0);
    // A general transaction on 5111 names nobody.
    const auto& unnamed = Cell(*totals, v1::BENEFIT_CATEGORY_DISASTER);
    EXPECT_EQ(unnamed.people().count(), 0);
    EXPECT_EQ(unnamed.people().unattributed_cells(), 1);
    EXPECT_EQ(unnamed.people().fewer_than_five_cells(), 0);
    EXPECT_EQ(unnamed.amount_satang(), 0);
  }
  // The year before, the same benefit is one person's: withheld too.
  fund.set_fiscal_year(2025);
  auto before = rpc_.Call(&Partner::GetFundStatus, fund);
  ASSERT_THAT(before, IsOk());
  const auto& paid = Cell(before->totals(), v1::BENEFIT_CATEGORY_DISADVANTAGED);
  EXPECT_EQ(paid.people().fewer_than_five_cells(), 1);
  EXPECT_EQ(paid.amount_satang(), 0);
}

TEST_F(BooksAndPartnerTest, EveryPartnerAnswerNamesItsPeriod) {
  CreateFund("ban-b", "350101", 1);  // Its accounting year is the calendar's.
  Contribute("ban-b", v1::CONTRIBUTION_SOURCE_DONATION, 100000,
             MakeDate(2025, 11, 1));
  Contribute("ban-b", v1::CONTRIBUTION_SOURCE_DONATION, 200000,
             MakeDate(2026, 2, 1));
  auto income = [](const v1::StatusTotals& totals) {
    int64_t sum = 0;
    for (const auto& row : totals.income()) sum += row.amount_satang();
    return sum;
  };
  v1::GetFundStatusRequest fund;
  fund.set_name("funds/ban-b");
  auto own = rpc_.Call(&Partner::GetFundStatus, fund);
  ASSERT_THAT(own, IsOk());
  EXPECT_EQ(own->fiscal_year(), 2026);
  EXPECT_EQ(own->year_start_month(), 1);
  EXPECT_EQ(CivilOf(own->start_date()), absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(CivilOf(own->as_of_date()), absl::CivilDay(2026, 6, 15));
  EXPECT_EQ(income(own->totals()), 200000);

  fund.set_thai_fiscal_year(true);
  auto thai = rpc_.Call(&Partner::GetFundStatus, fund);
  ASSERT_THAT(thai, IsOk());
  EXPECT_EQ(thai->year_start_month(), 10);
  EXPECT_EQ(CivilOf(thai->start_date()), absl::CivilDay(2025, 10, 1));
  EXPECT_EQ(income(thai->totals()), 300000);

  v1::GetAreaStatusRequest area;
  area.set_area_code_prefix("35");
  auto province = rpc_.Call(&Partner::GetAreaStatus, area);
  ASSERT_THAT(province, IsOk());
  EXPECT_EQ(province->fiscal_year(), 2026);
  EXPECT_EQ(CivilOf(province->start_date()), absl::CivilDay(2025, 10, 1));
  EXPECT_EQ(CivilOf(province->as_of_date()), absl::CivilDay(2026, 6, 15));
  // The area's figures are the fund's over the Thai fiscal year.
  EXPECT_TRUE(MessageDifferencer::Equals(province->totals(), thai->totals()));
}

}  // namespace
}  // namespace welfare::testing
