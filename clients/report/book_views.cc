// Views of the books: trial balance, receipts and payments, income and
// expenditure, balance sheet.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "clients/report/view_parts.h"

namespace welfare::report {

View TrialBalanceView(const Style& style, const v1::TrialBalance& report) {
  View view = HeadedView(style, "งบทดลอง", "Trial balance", report.header());
  const cli::Cells& cells = style.cells();
  cli::Report table;
  table.title = style.Words(
      "ยอดยกมาและระหว่างงวด: เดบิต − เครดิต; ยอดคงเหลือปลายงวด: เดบิต / เครดิต",
      "Opening and movement: debit − credit; closing balance: debit / credit");
  table.columns = {
      cells.Text("รหัส", "Code"),          cells.Text("บัญชี", "Account"),
      cells.Number("ยอดยกมา", "Opening"), cells.Number("ระหว่างงวด", "Movement"),
      cells.Number("เดบิต", "Debit"),      cells.Number("เครดิต", "Credit")};
  for (const v1::TrialBalanceRow& row : report.rows()) {
    const int64_t opening = row.opening_debit_minus_credit_satang();
    const int64_t movement = row.movement_debit_minus_credit_satang();
    const int64_t closing = row.closing_debit_minus_credit_satang();
    if (opening == 0 && movement == 0 && closing == 0) continue;
    table.rows.push_back({row.account_code(),
                          style.Name(row.display_name(), row.english_name()),
                          style.Money(opening), style.Money(movement),
                          closing > 0 ? style.Money(closing) : "",
                          closing < 0 ? style.Money(-closing) : ""});
  }
  table.rows.emplace_back();
  table.rows.push_back({"", style.Words("รวม", "Total"), "", "",
                        style.Money(report.total_debit_satang()),
                        style.Money(report.total_credit_satang())});
  view.document.reports.push_back(std::move(table));
  return view;
}

namespace {

// One part of a statement: a titled list of accounts and its total.
struct Part {
  std::string title;
  const AccountAmounts* rows;
  int64_t total;
};

// Cash and bank at the start, the middle parts, cash and bank at the end:
// a table each, and one CSV of them all.
View CashStatementView(const Style& style, View view,
                       const v1::ReceiptsAndPayments& report,
                       const std::vector<Part>& middle) {
  std::vector<Part> parts = {
      {style.Words("เงินสดและเงินฝากธนาคารต้นงวด", "Cash and bank at the start"),
       &report.opening(), report.opening_total_satang()}};
  parts.insert(parts.end(), middle.begin(), middle.end());
  parts.push_back(
      {style.Words("เงินสดและเงินฝากธนาคารปลายงวด", "Cash and bank at the end"),
       &report.closing(), report.closing_total_satang()});
  cli::Report csv = AmountCsv(style);
  for (const Part& part : parts) {
    view.document.reports.push_back(
        AmountTable(style, part.title, *part.rows, part.total));
    AppendAmountCsv(style, part.title, *part.rows, part.total, &csv);
  }
  view.document.csv = std::move(csv);
  return view;
}

}  // namespace

View ReceiptsAndPaymentsView(const Style& style,
                             const v1::ReceiptsAndPayments& report) {
  return CashStatementView(
      style,
      HeadedView(style, "งบรับ-จ่าย", "Receipts and payments", report.header()),
      report,
      {{style.Words("รายรับ", "Receipts"), &report.receipts(),
        report.receipts_total_satang()},
       {style.Words("รายจ่าย", "Payments"), &report.payments(),
        report.payments_total_satang()}});
}

View NetReceiptsAndPaymentsView(const Style& style,
                                const v1::ReceiptsAndPayments& report) {
  return CashStatementView(
      style,
      HeadedView(style, "งบรับ-จ่าย (สุทธิรายบัญชี)",
                 "Receipts and payments (net by account)", report.header()),
      report,
      {{style.Words("รับ (จ่าย) สุทธิ", "Net received (paid)"), &report.net_flows(),
        report.receipts_total_satang() - report.payments_total_satang()}});
}

View IncomeAndExpenditureView(const Style& style,
                              const v1::IncomeAndExpenditure& report) {
  View view = HeadedView(style, "งบรายได้-ค่าใช้จ่าย", "Income and expenditure",
                         report.header());
  const std::string income = style.Words("รายได้", "Income");
  const std::string expenditure = style.Words("ค่าใช้จ่าย", "Expenditure");
  const std::string surplus =
      style.Words("รายได้สูง (ต่ำ) กว่าค่าใช้จ่าย", "Surplus (deficit)");
  view.document.reports.push_back(AmountTable(style, income, report.income(),
                                              report.income_total_satang()));
  view.document.reports.push_back(
      AmountTable(style, expenditure, report.expenditure(),
                  report.expenditure_total_satang()));
  cli::Report summary = PairTable(style, surplus);
  summary.rows = {{income, style.Money(report.income_total_satang())},
                  {expenditure, style.Money(report.expenditure_total_satang())},
                  {},
                  {surplus, style.Money(report.surplus_satang())}};
  view.document.reports.push_back(std::move(summary));

  cli::Report csv = AmountCsv(style);
  AppendAmountCsv(style, income, report.income(), report.income_total_satang(),
                  &csv);
  AppendAmountCsv(style, expenditure, report.expenditure(),
                  report.expenditure_total_satang(), &csv);
  csv.rows.push_back(
      {surplus, "", surplus, style.Money(report.surplus_satang())});
  view.document.csv = std::move(csv);
  return view;
}

View BalanceSheetView(const Style& style, const v1::BalanceSheet& report) {
  View view =
      HeadedView(style, "งบแสดงฐานะการเงิน", "Balance sheet", report.header());
  // A position at a date: "as of" the end instead of the period's span.
  const v1::ReportHeader& header = report.header();
  view.subtitle = absl::StrReplaceAll(
      view.subtitle, {{DateSpan(style, header.start_date(), header.end_date()),
                       absl::StrCat(style.Words("ณ วันที่ ", "as of "),
                                    style.Date(header.end_date()))}});
  const std::string assets = style.Words("สินทรัพย์", "Assets");
  const std::string liabilities = style.Words("หนี้สิน", "Liabilities");
  const std::string fund = style.Words("ทุนของกองทุน", "Fund balance");
  const std::string surplus =
      style.Words("รายได้สูงกว่าค่าใช้จ่ายสะสม", "Accumulated surplus");
  view.document.reports.push_back(AmountTable(style, assets, report.assets(),
                                              report.assets_total_satang()));
  view.document.reports.push_back(
      AmountTable(style, liabilities, report.liabilities(),
                  report.liabilities_total_satang()));
  cli::Report fund_table = AmountTable(style, fund, report.fund_balance(),
                                       report.fund_balance_total_satang());
  // The accumulated surplus goes above the rule and total.
  fund_table.rows.insert(
      fund_table.rows.end() - 2,
      {"", surplus, style.Money(report.accumulated_surplus_satang())});
  view.document.reports.push_back(std::move(fund_table));

  cli::Report csv = AmountCsv(style);
  AppendAmountCsv(style, assets, report.assets(), report.assets_total_satang(),
                  &csv);
  AppendAmountCsv(style, liabilities, report.liabilities(),
                  report.liabilities_total_satang(), &csv);
  csv.rows.push_back(
      {fund, "", surplus, style.Money(report.accumulated_surplus_satang())});
  AppendAmountCsv(style, fund, report.fund_balance(),
                  report.fund_balance_total_satang(), &csv);
  view.document.csv = std::move(csv);
  return view;
}

}  // namespace welfare::report
