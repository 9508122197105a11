// The text views of reports: Thai tables that line up, baht, the two
// calendars, English labels, CSV, the "<5" of partner answers, and empty
// reports.
#include "clients/report/views.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/format/width.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/sample_reports.h"
#include "tests/testing/test_util.h"

namespace welfare::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::SampleAreaStatus;
using testing::SampleBenefits;
using testing::SampleFundStatus;
using testing::SampleTrialBalance;
using ::testing::StartsWith;

const Style kThaiTable(Output::kTable, format::Calendar::kBuddhistEra,
                       format::Language::kThai);
const Style kEnglishTable(Output::kTable, format::Calendar::kGregorian,
                          format::Language::kEnglish);
const Style kCsv(Output::kCsv, format::Calendar::kBuddhistEra,
                 format::Language::kEnglish);

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

TEST(ViewsTest, ThaiTableColumnsLineUpByDisplayWidth) {
  // Every line of the benefits table ends with a filled amount column, so
  // every line has the same display width when columns line up.
  const View view = BenefitsView(kThaiTable, SampleBenefits());
  const std::string table =
      cli::Render(view.document, cli::OutputFormat::kTable);
  const std::vector<std::string> lines = Lines(table);
  ASSERT_GT(lines.size(), 16u);
  const int width = format::DisplayWidth(lines[0]);
  for (const std::string& line : lines) {
    if (line.find_first_not_of("- ") == std::string::npos) continue;  // rule
    EXPECT_EQ(format::DisplayWidth(line), width) << line;
  }
  EXPECT_THAT(table, HasSubstr("ผู้ด้อยโอกาสและคนพิการ"));
}

TEST(ViewsTest, MoneyHasThousandsSeparatorsAndTwoDecimals) {
  const std::string text = RenderText(
      TrialBalanceView(kThaiTable, SampleTrialBalance()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("1,234,567.89"));
  EXPECT_THAT(text, Not(HasSubstr("1234567.89")));
}

TEST(ViewsTest, TrialBalanceLeavesOutAccountsZeroThroughout) {
  const std::string text = RenderText(
      TrialBalanceView(kThaiTable, SampleTrialBalance()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("1101"));
  EXPECT_THAT(text, Not(HasSubstr("1201")));
}

TEST(ViewsTest, DatesAndYearsFollowTheCalendar) {
  const View thai = TrialBalanceView(kThaiTable, SampleTrialBalance());
  EXPECT_THAT(thai.title, HasSubstr("งบทดลอง: กองทุนสวัสดิการชุมชนตำบลหนองคู"));
  EXPECT_THAT(thai.subtitle, HasSubstr("01/10/2568 \u2013 30/09/2569"));
  EXPECT_THAT(thai.subtitle, HasSubstr("ปีงบประมาณ 2569"));
  EXPECT_THAT(thai.subtitle, HasSubstr("สมุดรายวัน 1,234 รายการ"));

  const View english = TrialBalanceView(kEnglishTable, SampleTrialBalance());
  EXPECT_THAT(english.title, StartsWith("Trial balance: "));
  EXPECT_THAT(english.subtitle, HasSubstr("2025-10-01 \u2013 2026-09-30"));
  EXPECT_THAT(english.subtitle, HasSubstr("fiscal year 2026"));
  EXPECT_THAT(english.subtitle, Not(HasSubstr("2569")));

  const Style english_be(Output::kTable, format::Calendar::kBuddhistEra,
                         format::Language::kEnglish);
  EXPECT_EQ(english_be.FiscalYear(2026), "fiscal year 2569 BE");
}

TEST(ViewsTest, EnglishUsesEnglishAccountNamesAndLabels) {
  const std::string text = RenderText(
      TrialBalanceView(kEnglishTable, SampleTrialBalance()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("Cash on hand"));
  EXPECT_THAT(text, Not(HasSubstr("เงินสด")));
  const std::string benefits =
      RenderText(BenefitsView(kEnglishTable, SampleBenefits()), Output::kTable);
  EXPECT_THAT(benefits, HasSubstr("sickness"));
}

TEST(ViewsTest, CsvIsOneHeaderRecordAndRowsWithPlainNumbers) {
  const std::string csv =
      RenderText(TrialBalanceView(kCsv, SampleTrialBalance()), Output::kCsv);
  const std::vector<std::string> records = absl::StrSplit(csv, "\r\n");
  // Header, two accounts, the total, and the empty string after the last
  // CRLF.
  ASSERT_EQ(records.size(), 5u) << csv;
  EXPECT_EQ(records[0], "Code,Account,Opening,Movement,Debit,Credit");
  EXPECT_EQ(records[1], "1101,Cash on hand,0.00,1234567.89,1234567.89,");
  EXPECT_EQ(records[3], ",Total,,,1234567.89,1234567.89");
  EXPECT_EQ(records[4], "");
}

TEST(ViewsTest, CsvOfSectionedReportsHasASectionColumn) {
  const std::string csv = RenderText(
      ReceiptsAndPaymentsView(kCsv, testing::SampleReceiptsAndPayments()),
      Output::kCsv);
  const std::vector<std::string> records =
      absl::StrSplit(csv, "\r\n", absl::SkipEmpty());
  EXPECT_EQ(records[0], "section,code,account,amount");
  EXPECT_THAT(records,
              ::testing::Contains("Receipts,4101,Member dues,120000.00"));
  EXPECT_THAT(records, ::testing::Contains("Payments,,Total,6000.00"));
  EXPECT_EQ(records.size(), 1u + 4 * 2);  // One row and a total per part.
}

TEST(ViewsTest, OneFundShowsSuppressedCountsAsFewerThanFive) {
  const std::string text = RenderText(
      FundStatusView(kThaiTable, SampleFundStatus()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("<5"));
  EXPECT_THAT(text, Not(HasSubstr("<5 \u00d7")));
  EXPECT_THAT(text, HasSubstr("\"<5\": 1–4 คน ไม่แสดงจำนวน"));
  for (const std::string& line : Lines(text)) {
    if (absl::StrContains(line, "ผู้สูงอายุ")) {
      EXPECT_THAT(line, ::testing::EndsWith("<5"));
    }
  }
}

TEST(ViewsTest, AreaShowsTheSumAndHowManyCellsWereLeftOut) {
  v1::PeopleCount people;
  people.set_count(100000);
  people.set_fewer_than_five_cells(3);
  EXPECT_EQ(kThaiTable.People(people, /*area=*/true), "100,000 + <5 \u00d73");
  people.set_count(0);
  people.set_fewer_than_five_cells(2);
  EXPECT_EQ(kThaiTable.People(people, /*area=*/true), "<5 \u00d72");
  people.set_fewer_than_five_cells(1);
  EXPECT_EQ(kThaiTable.People(people, /*area=*/false), "<5");
  people.set_fewer_than_five_cells(0);
  people.set_count(7);
  EXPECT_EQ(kThaiTable.People(people, /*area=*/false), "7");

  const std::string text = RenderText(
      AreaStatusView(kEnglishTable, SampleAreaStatus()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("Funds of area 33 (170 funds)"));
  EXPECT_THAT(text, HasSubstr("100,000 + <5 \u00d73"));
  EXPECT_THAT(text, HasSubstr("k more funds had 1 to 4 people each"));
}

TEST(ViewsTest, PartnerCsvKeepsTheSumAndTheSuppressedCellsApart) {
  const std::string csv =
      RenderText(AreaStatusView(kCsv, SampleAreaStatus()), Output::kCsv);
  EXPECT_THAT(csv, StartsWith("section,item,people,people_fewer_than_five_"
                              "cells,people_unattributed_cells,amount\r\n"));
  EXPECT_THAT(csv, HasSubstr(",general / active,100000,3,0,\r\n"));
  EXPECT_THAT(csv, Not(HasSubstr("<5")));
}

TEST(ViewsTest, MoneyNamingNoMemberIsShownAsWithheld) {
  v1::PeopleCount people;
  people.set_unattributed_cells(1);
  EXPECT_EQ(kThaiTable.People(people, /*area=*/false), "ไม่ระบุ");
  EXPECT_EQ(kEnglishTable.People(people, /*area=*/false), "n/a");
  people.set_count(100);
  people.set_fewer_than_five_cells(3);
  people.set_unattributed_cells(2);
  EXPECT_EQ(kEnglishTable.People(people, /*area=*/true),
            "100 + <5 \u00d73 + n/a \u00d72");
  v1::FundStatus status = SampleFundStatus();
  v1::CategoryAggregate* disaster = status.mutable_totals()->add_benefits();
  disaster->set_category(v1::BENEFIT_CATEGORY_DISASTER);
  disaster->mutable_people()->set_unattributed_cells(1);
  const std::string csv =
      RenderText(FundStatusView(kCsv, status), Output::kCsv);
  EXPECT_THAT(csv, HasSubstr(",disaster,0,0,1,0.00\r\n"));
}

TEST(ViewsTest, AYearNotStartingInOctoberIsTheFundsAccountingYear) {
  EXPECT_EQ(kThaiTable.FiscalYear(2026), "ปีงบประมาณ 2569");
  EXPECT_EQ(kThaiTable.FiscalYear(2026, 10), "ปีงบประมาณ 2569");
  EXPECT_EQ(kThaiTable.FiscalYear(2026, 0), "ปีงบประมาณ 2569");
  EXPECT_EQ(kThaiTable.FiscalYear(2026, 1), "ปีบัญชี 2569");
  EXPECT_EQ(kEnglishTable.FiscalYear(2026, 4), "accounting year 2026");
  v1::TrialBalance report = SampleTrialBalance();
  report.mutable_header()->set_fiscal_year_start_month(1);
  EXPECT_THAT(RenderText(TrialBalanceView(kThaiTable, report), Output::kTable),
              AllOf(HasSubstr("ปีบัญชี 2569"), Not(HasSubstr("ปีงบประมาณ"))));

  // A partner answer names the days it covers.
  v1::FundStatus status = SampleFundStatus();
  status.set_year_start_month(1);
  *status.mutable_start_date() = welfare::testing::MakeDate(2026, 1, 1);
  const std::string text =
      RenderText(FundStatusView(kThaiTable, status), Output::kTable);
  EXPECT_THAT(text, HasSubstr("ปีบัญชี 2569 (01/01/2569 \u2013 15/06/2569)"));
  v1::AreaStatus area = SampleAreaStatus();
  *area.mutable_start_date() = welfare::testing::MakeDate(2025, 10, 1);
  EXPECT_THAT(RenderText(AreaStatusView(kThaiTable, area), Output::kTable),
              AllOf(HasSubstr("ปีงบประมาณ 2569 (01/10/2568 \u2013"),
                    HasSubstr("ทุกกองทุนนับตามปีงบประมาณ")));
}

TEST(ViewsTest, ReceiptsAndPaymentsNetIsOneLinePerAccount) {
  v1::ReceiptsAndPayments report = testing::SampleReceiptsAndPayments();
  v1::AccountAmount* loan = report.add_net_flows();
  loan->set_account_code("1301");
  loan->set_english_name("Loans to members");
  loan->set_amount_satang(-150000);
  const std::string csv =
      RenderText(NetReceiptsAndPaymentsView(kCsv, report), Output::kCsv);
  EXPECT_THAT(csv, HasSubstr("Net received (paid),1301,Loans to members,"
                             "-1500.00\r\n"));
  EXPECT_THAT(csv, HasSubstr("Net received (paid),,Total,114000.00\r\n"));
  EXPECT_THAT(csv, Not(HasSubstr("Receipts,")));
}

TEST(ViewsTest, EmptyReportsStillPrintTheirTotals) {
  v1::TrialBalance empty;
  *empty.mutable_header() = testing::SampleHeader();
  const std::string text =
      RenderText(TrialBalanceView(kThaiTable, empty), Output::kTable);
  EXPECT_THAT(text, HasSubstr("รวม"));
  EXPECT_THAT(text, HasSubstr("0.00"));
  const std::string csv =
      RenderText(TrialBalanceView(kCsv, empty), Output::kCsv);
  EXPECT_EQ(csv,
            "Code,Account,Opening,Movement,Debit,Credit\r\n"
            ",Total,,,0.00,0.00\r\n");
}

TEST(ViewsTest, StatusFormHasEveryPartInTheFormsOrder) {
  const View view = StatusFormView(kThaiTable, testing::SampleStatusForm());
  // Members, money, income, benefits, and receipts and payments (four
  // parts: opening, receipts, payments, closing).
  const std::vector<cli::Report>& reports = view.document.reports;
  ASSERT_EQ(reports.size(), 8u);
  for (int part = 1; part <= 5; ++part) {
    EXPECT_THAT(reports[part - 1].title, StartsWith(absl::StrCat(part, ". ")));
  }
  const std::string csv = RenderText(
      StatusFormView(kCsv, testing::SampleStatusForm()), Output::kCsv);
  EXPECT_THAT(csv, HasSubstr("1. Members,,Current members,740,,,\r\n"));
  EXPECT_THAT(csv, HasSubstr("1. Members,,Founding members: elderly,"));
  EXPECT_THAT(csv, HasSubstr("1. Members,,Members ever joined: general,"));
  EXPECT_THAT(csv, HasSubstr("2. Money,,Loans to members at "));
  EXPECT_THAT(csv, HasSubstr("2. Money,2201,Liabilities: Matching excess to "
                             "refund,,2500.00,,\r\n"));
  EXPECT_THAT(csv, HasSubstr("4. Benefits by category,02,sickness,12,6000.00,"
                             "36,18000.00\r\n"));
  EXPECT_THAT(csv, HasSubstr("3. Income by source,4202,Government match "
                             "2568/1,,40000.00,,160000.00\r\n"));
}

TEST(ViewsTest, PassbookListsEntriesAndMissedMonths) {
  const std::string text = RenderText(
      PassbookView(kThaiTable, testing::SamplePassbook()), Output::kTable);
  EXPECT_THAT(text, HasSubstr("สมาชิกเลขที่ 17"));
  EXPECT_THAT(text, HasSubstr("เงินสัจจะ 10/2568\u201312/2568"));
  EXPECT_THAT(text, HasSubstr("RC-0001"));
  EXPECT_THAT(text, HasSubstr("01/2569"));
}

TEST(ViewsTest, ArrearsMarkTheMembersDueToLapseAndNameTheRulebook) {
  v1::DuesArrears report;
  *report.mutable_header() = testing::SampleHeader();
  report.set_members_checked(12);
  report.set_rulebook("funds/ban-nong-khu/rulebooks/5");
  report.set_lapse_after_months(3);
  report.set_members_lapse_due(1);
  for (int member : {4, 9}) {
    v1::ArrearsRow* row = report.add_rows();
    row->set_member_number(member);
    row->set_status(v1::MEMBER_STATUS_ACTIVE);
    row->set_unpaid_months(member == 4 ? 3 : 2);
    row->set_owed_satang(member == 4 ? 9100 : 6100);
    row->set_unpaid_in_a_row(member == 4 ? 3 : 1);
    row->set_lapse_due(member == 4);
  }
  const std::string csv = RenderText(ArrearsView(kCsv, report), Output::kCsv);
  EXPECT_THAT(csv, HasSubstr(",3,91.00,3,LAPSE DUE\r\n"));
  EXPECT_THAT(csv, HasSubstr(",2,61.00,1,\r\n"));
  const std::string thai =
      RenderText(ArrearsView(kThaiTable, report), Output::kTable);
  // Member 4's line is marked, member 9's is not.
  int lines_seen = 0;
  for (const std::string& line : Lines(thai)) {
    if (absl::StrContains(line, "91.00")) {
      EXPECT_THAT(line, HasSubstr("ครบเกณฑ์")) << line;
      ++lines_seen;
    }
    if (absl::StrContains(line, "61.00")) {
      EXPECT_THAT(line, Not(HasSubstr("ครบเกณฑ์"))) << line;
      ++lines_seen;
    }
  }
  EXPECT_EQ(lines_seen, 2) << thai;
  EXPECT_THAT(thai, HasSubstr("3 เดือน"));
  EXPECT_THAT(thai, HasSubstr("funds/ban-nong-khu/rulebooks/5"));
}

}  // namespace
}  // namespace welfare::report
