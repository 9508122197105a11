// Dues arrears and the government match list against members whose every
// limit is at, below or above its boundary.
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "tests/integration/reports/report_rpc.h"
#include "tests/testing/test_util.h"

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

  absl::StatusOr<v1::DuesArrears> Arrears(const v1::Date& as_of,
                                          int min_months = 0) {
    v1::GetDuesArrearsRequest request;
    request.set_parent(kFund);
    *request.mutable_as_of_date() = as_of;
    request.set_monthly_dues_satang(3000);
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
