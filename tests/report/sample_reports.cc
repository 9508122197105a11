#include "tests/report/sample_reports.h"

#include "tests/testing/test_util.h"

namespace welfare::report::testing {
namespace {

using welfare::testing::MakeDate;

void AddAmount(google::protobuf::RepeatedPtrField<v1::AccountAmount>* rows,
               const char* code, const char* thai, const char* english,
               int64_t satang) {
  v1::AccountAmount* row = rows->Add();
  row->set_account_code(code);
  row->set_display_name(thai);
  row->set_english_name(english);
  row->set_amount_satang(satang);
}

v1::PeopleCount People(int64_t count, int32_t cells) {
  v1::PeopleCount people;
  people.set_count(count);
  people.set_fewer_than_five_cells(cells);
  return people;
}

void AddMembers(v1::StatusTotals* totals, v1::MemberCategory category,
                const v1::PeopleCount& people) {
  v1::MemberStatusCount* row = totals->add_members();
  row->set_category(category);
  row->set_status(v1::MEMBER_STATUS_ACTIVE);
  *row->mutable_people() = people;
}

}  // namespace

v1::ReportHeader SampleHeader() {
  v1::ReportHeader header;
  header.set_fund(kFundName);
  header.set_fund_display_name(kFundDisplayName);
  *header.mutable_start_date() = MakeDate(2025, 10, 1);
  *header.mutable_end_date() = MakeDate(2026, 9, 30);
  header.set_fiscal_year(2026);
  header.set_journal_size(1234);
  return header;
}

v1::TrialBalance SampleTrialBalance() {
  v1::TrialBalance report;
  *report.mutable_header() = SampleHeader();
  const struct {
    const char* code;
    const char* thai;
    const char* english;
    v1::AccountType type;
    int64_t closing;
  } rows[] = {
      {"1101", "เงินสด", "Cash on hand", v1::ACCOUNT_TYPE_ASSET, 123456789},
      {"1201", "เงินลงทุน", "Investments", v1::ACCOUNT_TYPE_ASSET, 0},
      {"4101", "เงินสัจจะสมาชิก", "Member dues", v1::ACCOUNT_TYPE_INCOME,
       -123456789},
  };
  for (const auto& row : rows) {
    v1::TrialBalanceRow* out = report.add_rows();
    out->set_account_code(row.code);
    out->set_display_name(row.thai);
    out->set_english_name(row.english);
    out->set_type(row.type);
    out->set_movement_debit_minus_credit_satang(row.closing);
    out->set_closing_debit_minus_credit_satang(row.closing);
  }
  report.set_total_debit_satang(123456789);
  report.set_total_credit_satang(123456789);
  return report;
}

v1::ReceiptsAndPayments SampleReceiptsAndPayments() {
  v1::ReceiptsAndPayments report;
  *report.mutable_header() = SampleHeader();
  AddAmount(report.mutable_opening(), "1101", "เงินสด", "Cash on hand", 500000);
  report.set_opening_total_satang(500000);
  AddAmount(report.mutable_receipts(), "4101", "เงินสัจจะสมาชิก", "Member dues",
            12000000);
  report.set_receipts_total_satang(12000000);
  AddAmount(report.mutable_payments(), "5102", "สวัสดิการการเจ็บป่วย",
            "Sickness benefits", 600000);
  report.set_payments_total_satang(600000);
  AddAmount(report.mutable_closing(), "1101", "เงินสด", "Cash on hand",
            11900000);
  report.set_closing_total_satang(11900000);
  return report;
}

v1::IncomeAndExpenditure SampleIncomeAndExpenditure() {
  v1::IncomeAndExpenditure report;
  *report.mutable_header() = SampleHeader();
  AddAmount(report.mutable_income(), "4101", "เงินสัจจะสมาชิก", "Member dues",
            12000000);
  AddAmount(report.mutable_income(), "4501", "ดอกเบี้ยเงินฝากธนาคาร",
            "Bank interest", 150050);
  report.set_income_total_satang(12150050);
  AddAmount(report.mutable_expenditure(), "5102", "สวัสดิการการเจ็บป่วย",
            "Sickness benefits", 600000);
  report.set_expenditure_total_satang(600000);
  report.set_surplus_satang(11550050);
  return report;
}

v1::BalanceSheet SampleBalanceSheet() {
  v1::BalanceSheet report;
  *report.mutable_header() = SampleHeader();
  AddAmount(report.mutable_assets(), "1101", "เงินสด", "Cash on hand", 11900000);
  report.set_assets_total_satang(11900000);
  AddAmount(report.mutable_fund_balance(), "3101", "ทุนของกองทุน", "Fund capital",
            349950);
  report.set_accumulated_surplus_satang(11550050);
  report.set_fund_balance_total_satang(11900000);
  return report;
}

v1::Passbook SamplePassbook() {
  v1::Passbook report;
  *report.mutable_header() = SampleHeader();
  report.set_member_number(17);
  report.set_category(v1::MEMBER_CATEGORY_GENERAL);
  *report.mutable_join_date() = MakeDate(2020, 1, 15);
  report.set_status(v1::MEMBER_STATUS_ACTIVE);
  v1::PassbookLine* dues = report.add_lines();
  dues->set_sequence(40);
  *dues->mutable_effective_date() = MakeDate(2025, 10, 5);
  dues->set_kind(v1::ENTRY_KIND_CONTRIBUTION);
  dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues->mutable_months()->mutable_first_month()->set_year(2025);
  dues->mutable_months()->mutable_first_month()->set_month(10);
  dues->mutable_months()->set_month_count(3);
  dues->set_amount_satang(9000);
  dues->set_source_document("RC-0001");
  report.set_dues_total_satang(9000);
  for (int month : {10, 11, 12}) {
    v1::YearMonth* paid = report.add_months_paid();
    paid->set_year(2025);
    paid->set_month(month);
  }
  v1::YearMonth* missed = report.add_months_missed();
  missed->set_year(2026);
  missed->set_month(1);
  return report;
}

v1::BenefitsByCategory SampleBenefits() {
  v1::BenefitsByCategory report;
  *report.mutable_header() = SampleHeader();
  for (int category = 1; category <= 16; ++category) {
    v1::BenefitCategoryRow* row = report.add_rows();
    row->set_category(static_cast<v1::BenefitCategory>(category));
    row->set_account_code(std::to_string(5100 + category));
  }
  auto set = [&](v1::BenefitCategory category, int64_t people, int64_t satang) {
    v1::BenefitCategoryRow* row = report.mutable_rows(category - 1);
    row->set_people(people);
    row->set_amount_satang(satang);
    row->set_people_cumulative(people * 3);
    row->set_amount_cumulative_satang(satang * 3);
  };
  set(v1::BENEFIT_CATEGORY_SICKNESS, 12, 600000);
  set(v1::BENEFIT_CATEGORY_DEATH, 2, 3000000);
  set(v1::BENEFIT_CATEGORY_EDUCATION, 3, 150000);
  report.set_amount_total_satang(3750000);
  report.set_amount_cumulative_total_satang(11250000);
  return report;
}

v1::ContributionsBySource SampleContributions() {
  v1::ContributionsBySource report;
  *report.mutable_header() = SampleHeader();
  const struct {
    v1::ContributionSource source;
    const char* code;
    const char* thai;
    const char* english;
    const char* round;
    int64_t satang;
  } rows[] = {
      {v1::CONTRIBUTION_SOURCE_MEMBER_DUES, "4101", "เงินสัจจะสมาชิก",
       "Member dues", "", 12000000},
      {v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH, "4202", "เงินสมทบจากรัฐบาล",
       "Government match", "2568/1", 4000000},
  };
  for (const auto& row : rows) {
    v1::ContributionSourceRow* out = report.add_rows();
    out->set_source(row.source);
    out->set_account_code(row.code);
    out->set_display_name(row.thai);
    out->set_english_name(row.english);
    out->set_matching_round(row.round);
    out->set_amount_satang(row.satang);
    out->set_amount_cumulative_satang(row.satang * 4);
  }
  report.set_amount_total_satang(16000000);
  report.set_amount_cumulative_total_satang(64000000);
  return report;
}

v1::FundStatusForm SampleStatusForm() {
  v1::FundStatusForm form;
  *form.mutable_header() = SampleHeader();
  form.set_members_founding(120);
  form.set_members_cumulative(812);
  v1::MemberCount* general = form.add_members_current();
  general->set_category(v1::MEMBER_CATEGORY_GENERAL);
  general->set_count(650);
  v1::MemberCount* elderly = form.add_members_current();
  elderly->set_category(v1::MEMBER_CATEGORY_ELDERLY);
  elderly->set_count(90);
  form.set_members_current_total(740);
  form.set_villages_covered(9);
  form.set_opening_balance_satang(500000);
  *form.mutable_income() = SampleContributions();
  *form.mutable_benefits() = SampleBenefits();
  *form.mutable_receipts_and_payments() = SampleReceiptsAndPayments();
  form.set_bank_satang(10000000);
  form.set_cash_satang(1900000);
  form.set_loans_to_members_satang(300000);
  AddAmount(form.mutable_liabilities(), "2201", "เงินสมทบส่วนเกินรอส่งคืน",
            "Matching excess to refund", 250000);
  form.set_liabilities_total_satang(250000);
  for (auto* by_type : {form.mutable_members_founding_by_type(),
                        form.mutable_members_cumulative_by_type()}) {
    for (auto [category, count] :
         {std::pair{v1::MEMBER_CATEGORY_GENERAL, 100},
          std::pair{v1::MEMBER_CATEGORY_ELDERLY, 20}}) {
      v1::MemberCount* row = by_type->Add();
      row->set_category(category);
      row->set_count(count);
    }
  }
  return form;
}

v1::FundStatus SampleFundStatus() {
  v1::FundStatus status;
  status.set_fund(kFundName);
  status.set_display_name(kFundDisplayName);
  status.set_area_code("330101");
  status.set_fiscal_year(2026);
  *status.mutable_as_of_date() = MakeDate(2026, 6, 15);
  v1::StatusTotals* totals = status.mutable_totals();
  totals->mutable_balances()->set_cash_satang(1900000);
  totals->mutable_balances()->set_bank_satang(10000000);
  totals->mutable_balances()->set_fund_balance_satang(11900000);
  AddMembers(totals, v1::MEMBER_CATEGORY_GENERAL, People(700, 0));
  AddMembers(totals, v1::MEMBER_CATEGORY_ELDERLY, People(0, 1));
  v1::SourceAmount* income = totals->add_income();
  income->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  income->set_amount_satang(12000000);
  v1::CategoryAggregate* death = totals->add_benefits();
  death->set_category(v1::BENEFIT_CATEGORY_DEATH);
  *death->mutable_people() = People(0, 1);
  death->set_amount_satang(3000000);
  v1::CategoryAggregate* sickness = totals->add_benefits();
  sickness->set_category(v1::BENEFIT_CATEGORY_SICKNESS);
  *sickness->mutable_people() = People(12, 0);
  sickness->set_amount_satang(600000);
  return status;
}

v1::AreaStatus SampleAreaStatus() {
  v1::AreaStatus status;
  status.set_area_code_prefix("33");
  status.set_fiscal_year(2026);
  *status.mutable_as_of_date() = MakeDate(2026, 6, 15);
  status.set_fund_count(170);
  v1::StatusTotals* totals = status.mutable_totals();
  totals->mutable_balances()->set_bank_satang(2000000000);
  AddMembers(totals, v1::MEMBER_CATEGORY_GENERAL, People(100000, 3));
  AddMembers(totals, v1::MEMBER_CATEGORY_DISABLED, People(0, 2));
  return status;
}

MonthlySeries SampleSeries() {
  MonthlySeries series;
  series.fiscal_year = 2026;
  v1::YearMonth october;
  october.set_year(2025);
  october.set_month(10);
  for (int i = 0; i < kMonthsPerYear; ++i) {
    MonthlyFigures figures;
    figures.month = AddMonths(october, i);
    figures.dues_satang = (i + 1) * 1000000;
    figures.benefits_satang = i * 100000;
    series.months.push_back(figures);
  }
  return series;
}

}  // namespace welfare::report::testing
