// Dues arrears and the government match list against members whose every
// limit is at, below or above its boundary; arrears priced by the dues plan
// of the rulebook in force, and the members due to lapse under it.
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/rpc_call.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using v1::ReportService;

constexpr char kFund[] = "funds/ban-match";

class ArrearsMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    v1::CreateFundRequest fund;
    fund.set_fund_id("ban-match");
    fund.mutable_fund()->set_display_name("กองทุนบ้านสมทบ");
    fund.mutable_fund()->set_area_code("330101");
    *fund.mutable_fund()->mutable_founding_date() = MakeDate(2020, 1, 1);
    ASSERT_THAT(client_->CreateFund(fund), IsOk());
  }

  int Register(const v1::Date& joined) {
    v1::RegisterMemberRequest request;
    request.set_parent(kFund);
    request.mutable_member()->set_category(v1::MEMBER_CATEGORY_GENERAL);
    *request.mutable_member()->mutable_join_date() = joined;
    request.mutable_member()->mutable_profile()->set_full_name("สมาชิก");
    request.mutable_member()->mutable_profile()->set_national_id(
        NationalIdFor(++ids_));
    auto member = client_->RegisterMember(request);
    EXPECT_THAT(member, IsOk());
    return member.ok() ? member->member_number() : 0;
  }

  void SetStatus(int member, v1::MemberStatus status, const v1::Date& date) {
    v1::ChangeMemberStatusRequest request;
    request.set_name(absl::StrCat(kFund, "/members/", member));
    request.mutable_change()->set_status(status);
    *request.mutable_change()->mutable_effective_date() = date;
    request.mutable_change()->set_reason("test");
    ASSERT_THAT(client_->ChangeMemberStatus(request), IsOk());
  }

  void PayDues(int member, int year, int month, int count) {
    v1::RecordContributionRequest request;
    request.set_parent(kFund);
    auto* dues = request.mutable_contribution();
    dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    dues->set_member_number(member);
    dues->mutable_months()->mutable_first_month()->set_year(year);
    dues->mutable_months()->mutable_first_month()->set_month(month);
    dues->mutable_months()->set_month_count(count);
    dues->set_amount_satang(3000 * count);
    *dues->mutable_effective_date() = MakeDate(2026, 6, 1);
    ASSERT_THAT(client_->RecordContribution(request), IsOk());
  }

  void GovernmentMatch(const v1::Date& date, const std::string& round) {
    v1::RecordContributionRequest request;
    request.set_parent(kFund);
    auto* grant = request.mutable_contribution();
    grant->set_source(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
    grant->set_matching_round(round);
    grant->set_amount_satang(1000000);
    *grant->mutable_effective_date() = date;
    ASSERT_THAT(client_->RecordContribution(request), IsOk());
  }

  // A rulebook from `effective` whose dues plan is `amount` satang a
  // `period`, lapsing after `lapse_months` unpaid; returns its name.
  std::string AdoptDuesPlan(const v1::Date& effective, v1::DuesPeriod period,
                            int64_t amount, int lapse_months) {
    v1::AdoptRulebookRequest request;
    request.set_parent(kFund);
    request.set_request_id(absl::StrCat("rules-", ++ids_));
    v1::Rulebook* rulebook = request.mutable_rulebook();
    rulebook->set_resolution("มติที่ประชุมใหญ่ 1/2569");
    *rulebook->mutable_effective_date() = effective;
    rulebook->mutable_dues()->set_period(period);
    rulebook->mutable_dues()->set_amount_satang(amount);
    rulebook->mutable_dues()->set_lapse_after_months(lapse_months);
    v1::BenefitRule* birth = rulebook->add_benefits();
    birth->set_category(v1::BENEFIT_CATEGORY_BIRTH);
    birth->set_amount_per_event_satang(50000);
    auto stub = v1::RulebookService::NewStub(server_.NewChannel());
    auto adopted =
        CallRpc(stub.get(), &v1::RulebookService::Stub::AdoptRulebook, request);
    EXPECT_THAT(adopted, IsOk());
    return adopted.ok() ? adopted->name() : "";
  }

  absl::StatusOr<v1::DuesArrears> Arrears(const v1::Date& as_of,
                                          int min_months = 0,
                                          int64_t monthly_satang = 3000) {
    v1::GetDuesArrearsRequest request;
    request.set_parent(kFund);
    *request.mutable_as_of_date() = as_of;
    request.set_monthly_dues_satang(monthly_satang);
    request.set_min_unpaid_months(min_months);
    return rpc_.Call(&ReportService::Stub::GetDuesArrears, request);
  }

  absl::StatusOr<v1::MatchEligibility> Eligibility(int fiscal_year) {
    v1::GetMatchEligibilityRequest request;
    request.set_parent(kFund);
    request.set_fiscal_year(fiscal_year);
    return rpc_.Call(&ReportService::Stub::GetMatchEligibility, request);
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  ReportRpc rpc_{server_.NewChannel()};
  int ids_ = 0;
};

TEST_F(ArrearsMatchTest, ArrearsCountTheUnpaidMonthsWhileActiveOrLapsed) {
  const int paid_to_march = Register(MakeDate(2026, 1, 1));
  PayDues(paid_to_march, 2026, 1, 3);
  const int joined_in_may = Register(MakeDate(2026, 5, 31));
  const int resigned = Register(MakeDate(2026, 1, 1));
  PayDues(resigned, 2026, 1, 1);
  SetStatus(resigned, v1::MEMBER_STATUS_RESIGNED, MakeDate(2026, 3, 1));
  const int lapsed = Register(MakeDate(2026, 1, 1));
  SetStatus(lapsed, v1::MEMBER_STATUS_LAPSED, MakeDate(2026, 4, 1));
  const int paid_ahead = Register(MakeDate(2026, 1, 1));
  PayDues(paid_ahead, 2026, 1, 12);

  auto report = Arrears(MakeDate(2026, 6, 15));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->members_checked(), 4);  // Not the one who resigned.
  std::map<int, v1::ArrearsRow> rows;
  for (const auto& row : report->rows()) rows[row.member_number()] = row;
  ASSERT_EQ(rows.size(), 3u);
  const v1::ArrearsRow& behind = rows.at(paid_to_march);
  EXPECT_EQ(behind.unpaid_months(), 3);  // April, May, June.
  EXPECT_EQ(behind.first_unpaid_month().month(), 4);
  EXPECT_EQ(behind.last_paid_month().month(), 3);
  EXPECT_EQ(behind.owed_satang(), 9000);
  EXPECT_EQ(rows.at(joined_in_may).unpaid_months(), 2);  // May and June.
  EXPECT_FALSE(rows.at(joined_in_may).has_last_paid_month());
  EXPECT_EQ(rows.at(lapsed).unpaid_months(), 6);  // Lapsed months count too.
  EXPECT_EQ(rows.at(lapsed).status(), v1::MEMBER_STATUS_LAPSED);
  EXPECT_EQ(report->unpaid_months_total(), 11);
  EXPECT_EQ(report->owed_satang_total(), 33000);

  // At and above the threshold: 3 months is listed, 2 is not.
  auto three_or_more = Arrears(MakeDate(2026, 6, 15), 3);
  ASSERT_THAT(three_or_more, IsOk());
  ASSERT_EQ(three_or_more->rows_size(), 2);
  EXPECT_EQ(three_or_more->rows(0).member_number(), paid_to_march);
  EXPECT_EQ(three_or_more->rows(1).member_number(), lapsed);
  // Earlier, before anything fell due, nobody paid up is behind.
  auto march = Arrears(MakeDate(2026, 3, 31));
  ASSERT_THAT(march, IsOk());
  ASSERT_EQ(march->rows_size(), 1);  // Only the one who paid nothing.
  EXPECT_EQ(march->rows(0).member_number(), lapsed);
  EXPECT_EQ(march->rows(0).unpaid_months(), 3);
  v1::GetDuesArrearsRequest bad;
  bad.set_parent(kFund);
  bad.set_monthly_dues_satang(-1);
  EXPECT_THAT(rpc_.Call(&ReportService::Stub::GetDuesArrears, bad),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
}

TEST_F(ArrearsMatchTest, TheRulebooksDuesPlanPricesArrearsAndMarksLapses) {
  const int three_behind = Register(MakeDate(2026, 1, 1));
  PayDues(three_behind, 2026, 1, 3);  // April, May, June unpaid.
  const int two_behind = Register(MakeDate(2026, 1, 1));
  PayDues(two_behind, 2026, 1, 4);  // May, June unpaid.
  const int lapsed = Register(MakeDate(2026, 1, 1));
  SetStatus(lapsed, v1::MEMBER_STATUS_LAPSED, MakeDate(2026, 4, 1));
  const int gaps = Register(MakeDate(2026, 1, 1));
  PayDues(gaps, 2026, 1, 1);
  PayDues(gaps, 2026, 3, 2);  // February, May and June unpaid.
  auto rows_of = [](const v1::DuesArrears& report) {
    std::map<int, v1::ArrearsRow> rows;
    for (const auto& row : report.rows()) rows[row.member_number()] = row;
    return rows;
  };

  // No rulebook: nothing to price by, no lapse limit.
  auto bare = Arrears(MakeDate(2026, 6, 15), 0, 0);
  ASSERT_THAT(bare, IsOk());
  EXPECT_EQ(bare->owed_satang_total(), 0);
  EXPECT_EQ(bare->rulebook(), "");
  EXPECT_EQ(bare->members_lapse_due(), 0);

  // One baht a day, lapse after 3 months unpaid.
  const std::string daily_plan =
      AdoptDuesPlan(MakeDate(2026, 1, 1), v1::DUES_PERIOD_DAY, 100, 3);
  // A half-year of 180 baht from 1 June, without a lapse limit.
  const std::string half_year_plan =
      AdoptDuesPlan(MakeDate(2026, 6, 1), v1::DUES_PERIOD_HALF_YEAR, 18000, 0);

  // On 31 May, May has ended: two months in a row unpaid, not yet three.
  auto daily = Arrears(MakeDate(2026, 5, 31), 0, 0);
  ASSERT_THAT(daily, IsOk());
  EXPECT_EQ(daily->rulebook(), daily_plan);
  EXPECT_EQ(daily->lapse_after_months(), 3);
  auto rows = rows_of(*daily);
  // April and May: 30 + 31 days at one baht.
  EXPECT_EQ(rows.at(three_behind).owed_satang(), 6100);
  EXPECT_FALSE(rows.at(three_behind).lapse_due());  // 2 of 3 months.
  EXPECT_EQ(rows.at(two_behind).owed_satang(), 3100);
  // Already lapsed: 5 months unpaid, but not due to lapse again.
  EXPECT_EQ(rows.at(lapsed).unpaid_months(), 5);
  EXPECT_FALSE(rows.at(lapsed).lapse_due());
  EXPECT_EQ(daily->members_lapse_due(), 0);

  // Back to a baht a day, and the lapse limit, from 1 July.
  AdoptDuesPlan(MakeDate(2026, 7, 1), v1::DUES_PERIOD_DAY, 100, 3);
  auto june_30 = Arrears(MakeDate(2026, 6, 30), 0, 0);
  ASSERT_THAT(june_30, IsOk());
  EXPECT_EQ(june_30->rulebook(), half_year_plan);
  EXPECT_EQ(june_30->lapse_after_months(), 0);
  rows = rows_of(*june_30);
  // The half-year plan: 3 months of 180 baht a half-year, pro rata; 3
  // months unpaid, but this plan sets no lapse limit.
  EXPECT_EQ(rows.at(three_behind).owed_satang(), 9000);
  EXPECT_FALSE(rows.at(three_behind).lapse_due());

  // On 1 July, under the daily plan again, the months that have ended are
  // those to June: three in a row are unpaid for one member only. July is
  // unpaid but may still be paid; it is owed, not counted for the lapse.
  auto july = Arrears(MakeDate(2026, 7, 1), 0, 0);
  ASSERT_THAT(july, IsOk());
  EXPECT_EQ(july->lapse_after_months(), 3);
  rows = rows_of(*july);
  // April to July: 30 + 31 + 30 + 31 days.
  EXPECT_EQ(rows.at(three_behind).owed_satang(), 12200);
  EXPECT_EQ(rows.at(three_behind).unpaid_in_a_row(), 3);
  EXPECT_TRUE(rows.at(three_behind).lapse_due());
  EXPECT_EQ(rows.at(two_behind).unpaid_in_a_row(), 2);  // May, June.
  EXPECT_FALSE(rows.at(two_behind).lapse_due());
  EXPECT_FALSE(rows.at(lapsed).lapse_due());
  // Four months unpaid, but not three in a row: March and April were paid.
  EXPECT_EQ(rows.at(gaps).unpaid_months(), 4);
  EXPECT_EQ(rows.at(gaps).unpaid_in_a_row(), 2);
  EXPECT_FALSE(rows.at(gaps).lapse_due());
  EXPECT_EQ(july->members_lapse_due(), 1);
  // --monthly prices the months instead; the lapse limit stays the plan's.
  // Listing only members 5 months behind still counts every lapse due.
  auto monthly = Arrears(MakeDate(2026, 7, 1), 5, 3000);
  ASSERT_THAT(monthly, IsOk());
  EXPECT_EQ(rows_of(*monthly).count(three_behind), 0u);
  EXPECT_EQ(monthly->members_lapse_due(), 1);
  monthly = Arrears(MakeDate(2026, 7, 1), 0, 3000);
  ASSERT_THAT(monthly, IsOk());
  EXPECT_EQ(rows_of(*monthly).at(three_behind).owed_satang(), 12000);
  // On the last day of July, July has ended too: three in a row.
  auto july_31 = Arrears(MakeDate(2026, 7, 31), 0, 0);
  ASSERT_THAT(july_31, IsOk());
  EXPECT_TRUE(rows_of(*july_31).at(two_behind).lapse_due());
  EXPECT_TRUE(rows_of(*july_31).at(gaps).lapse_due());
  EXPECT_EQ(july_31->members_lapse_due(), 3);
  // The report changed nobody's status.
  auto member = client_->GetMember([&] {
    v1::GetMemberRequest get;
    get.set_name(absl::StrCat(kFund, "/members/", three_behind));
    return get;
  }());
  ASSERT_THAT(member, IsOk());
  EXPECT_EQ(member->status(), v1::MEMBER_STATUS_ACTIVE);
}

TEST_F(ArrearsMatchTest, MatchListNeedsAFullYearAndFewerThanThreeMatches) {
  // Matched on the lists of 30 Sep 2022, 2023 and 2024 (paid in the year
  // after each), not on that of 2021.
  GovernmentMatch(MakeDate(2023, 3, 1), "2566/1");
  GovernmentMatch(MakeDate(2024, 3, 1), "2567/1");
  GovernmentMatch(MakeDate(2025, 3, 1), "2568/1");
  const int veteran = Register(MakeDate(2021, 1, 1));  // Matched 3 times.
  const int newer = Register(MakeDate(2023, 6, 1));    // Matched for 2024.
  const int recent = Register(MakeDate(2025, 1, 1));   // Not a full year.
  const int left = Register(MakeDate(2021, 1, 1));
  SetStatus(left, v1::MEMBER_STATUS_RESIGNED, MakeDate(2025, 8, 1));
  const int on_the_day = Register(MakeDate(2024, 9, 30));  // Exactly a year.
  const int day_after = Register(MakeDate(2024, 10, 1));   // A day short.

  auto report = Eligibility(2025);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->cutoff_date().year(), 2025);
  EXPECT_EQ(report->cutoff_date().month(), 9);
  EXPECT_EQ(report->cutoff_date().day(), 30);
  std::map<int, int> matched;
  for (const auto& member : report->members()) {
    matched[member.member_number()] = member.times_matched_before();
  }
  EXPECT_EQ(matched, (std::map<int, int>{{newer, 1}, {on_the_day, 0}}));
  EXPECT_EQ(report->matched_three_times(), 1) << "member " << veteran;
  EXPECT_EQ(report->not_a_full_year(), 2) << recent << " " << day_after;

  // A year earlier the veteran had been matched twice and was on the list.
  auto earlier = Eligibility(2024);
  ASSERT_THAT(earlier, IsOk());
  std::map<int, int> before;
  for (const auto& member : earlier->members()) {
    before[member.member_number()] = member.times_matched_before();
  }
  EXPECT_EQ(before.at(veteran), 2);
  EXPECT_EQ(before.at(left), 2);
  EXPECT_EQ(before.at(newer), 0);

  EXPECT_THAT(Eligibility(2568),
              HasError(absl::StatusCode::kInvalidArgument, "FIELD_INVALID"));
}

}  // namespace
}  // namespace welfare::testing
