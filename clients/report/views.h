// Views: each report response as the tables people read (terminal and
// HTML) and the one CSV table programs read, in the words, calendar and
// number style of a Style.
//
// Tables show what a committee needs: rows that are zero everywhere are
// left out of account lists (JSON keeps every row). CSV holds one header
// record and one record per row, with a "section" column where a report
// has parts; amounts are baht without thousands separators.
#ifndef WELFARE_CLIENTS_REPORT_VIEWS_H_
#define WELFARE_CLIENTS_REPORT_VIEWS_H_

#include <string>

#include "clients/cli/report.h"
#include "clients/report/style.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::report {

struct View {
  // What the report is and of which fund (or area): the page title.
  std::string title;
  // The period, fiscal year and journal size it covers.
  std::string subtitle;
  cli::Document document{{}};
};

// book_views.cc
View TrialBalanceView(const Style& style, const v1::TrialBalance& report);
View ReceiptsAndPaymentsView(const Style& style,
                             const v1::ReceiptsAndPayments& report);
// The same with one line per counter account: receipts minus payments.
View NetReceiptsAndPaymentsView(const Style& style,
                                const v1::ReceiptsAndPayments& report);
View IncomeAndExpenditureView(const Style& style,
                              const v1::IncomeAndExpenditure& report);
View BalanceSheetView(const Style& style, const v1::BalanceSheet& report);

// member_views.cc
View PassbookView(const Style& style, const v1::Passbook& report);
View ArrearsView(const Style& style, const v1::DuesArrears& report);
View MatchListView(const Style& style, const v1::MatchEligibility& report);

// category_views.cc
View BenefitsView(const Style& style, const v1::BenefitsByCategory& report);
View ContributionsView(const Style& style,
                       const v1::ContributionsBySource& report);

// status_form_view.cc
View StatusFormView(const Style& style, const v1::FundStatusForm& report);

// partner_views.cc: "<5" as Style::People says.
View FundStatusView(const Style& style, const v1::FundStatus& status);
View AreaStatusView(const Style& style, const v1::AreaStatus& status);

// The text form of a view: title, subtitle and every table (kTable), or
// the CSV table (kCsv).
std::string RenderText(const View& view, Output output);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_VIEWS_H_
