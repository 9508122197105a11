// Views of benefits by CODI category and contributions by source.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/report/view_parts.h"

namespace welfare::report {

View BenefitsView(const Style& style, const v1::BenefitsByCategory& report) {
  View view = HeadedView(style, "สวัสดิการตามประเภท (พอช. 16 ประเภท)",
                         "Benefits by CODI category", report.header());
  const cli::Cells& cells = style.cells();
  cli::Report table;
  table.columns = {cells.Text("ที่", "No."),
                   cells.Text("ประเภทสวัสดิการ", "Category"),
                   cells.Number("คน", "People"),
                   cells.Number("จำนวนเงิน", "Amount"),
                   cells.Number("คน (สะสม)", "People (cumulative)"),
                   cells.Number("จำนวนเงิน (สะสม)", "Amount (cumulative)")};
  for (const v1::BenefitCategoryRow& row : report.rows()) {
    table.rows.push_back(
        {absl::StrFormat("%02d", static_cast<int>(row.category())),
         cells.Label(format::BenefitCategoryLabels(), row.category()),
         style.Count(row.people()), style.Money(row.amount_satang()),
         style.Count(row.people_cumulative()),
         style.Money(row.amount_cumulative_satang())});
  }
  table.rows.emplace_back();
  table.rows.push_back({"", style.Words("รวม", "Total"), "",
                        style.Money(report.amount_total_satang()), "",
                        style.Money(report.amount_cumulative_total_satang())});
  view.document.reports.push_back(std::move(table));
  // Claims paid above the rulebook by a committee's override, shown
  // whenever there are any (ClaimService.PayClaim).
  cli::Report overrides;
  overrides.title = style.Words("ในจำนวนนี้ จ่ายเกินระเบียบตามมติคณะกรรมการ",
                                "Of which paid OVER THE RULES by committee "
                                "resolution");
  overrides.columns = {cells.Text("ที่", "No."),
                       cells.Text("ประเภทสวัสดิการ", "Category"),
                       cells.Number("จำนวนเงิน", "Amount"),
                       cells.Number("จำนวนเงิน (สะสม)", "Amount (cumulative)")};
  for (const v1::BenefitCategoryRow& row : report.rows()) {
    if (row.override_amount_satang() == 0 &&
        row.override_amount_cumulative_satang() == 0) {
      continue;
    }
    overrides.rows.push_back(
        {absl::StrFormat("%02d", static_cast<int>(row.category())),
         cells.Label(format::BenefitCategoryLabels(), row.category()),
         style.Money(row.override_amount_satang()),
         style.Money(row.override_amount_cumulative_satang())});
  }
  if (!overrides.rows.empty()) {
    view.document.reports.push_back(std::move(overrides));
  }
  return view;
}

View ContributionsView(const Style& style,
                       const v1::ContributionsBySource& report) {
  View view = HeadedView(style, "รายได้ตามแหล่งที่มา", "Contributions by source",
                         report.header());
  const cli::Cells& cells = style.cells();
  cli::Report table;
  table.columns = {cells.Text("รหัส", "Code"), cells.Text("แหล่งที่มา", "Source"),
                   cells.Text("รอบ", "Round"),
                   cells.Number("จำนวนเงิน", "Amount"),
                   cells.Number("จำนวนเงิน (สะสม)", "Amount (cumulative)")};
  for (const v1::ContributionSourceRow& row : report.rows()) {
    table.rows.push_back(
        {row.account_code(), style.Name(row.display_name(), row.english_name()),
         row.matching_round(), style.Money(row.amount_satang()),
         style.Money(row.amount_cumulative_satang())});
  }
  table.rows.emplace_back();
  table.rows.push_back({"", style.Words("รวม", "Total"), "",
                        style.Money(report.amount_total_satang()),
                        style.Money(report.amount_cumulative_total_satang())});
  view.document.reports.push_back(std::move(table));
  return view;
}

}  // namespace welfare::report
