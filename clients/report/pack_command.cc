// committee-pack: every statement of a fiscal year and the charts, in one
// document for the committee's meeting.
#include <functional>

#include "absl/strings/str_cat.h"
#include "clients/report/commands.h"
#include "clients/report/periods.h"

namespace welfare::report {
namespace {

// The responses of a pack, fetched in this order.
struct Pack {
  v1::TrialBalance trial_balance;
  v1::ReceiptsAndPayments receipts_and_payments;
  v1::IncomeAndExpenditure income_and_expenditure;
  v1::BalanceSheet balance_sheet;
  v1::BenefitsByCategory benefits;
  v1::ContributionsBySource contributions;
};

template <typename Response>
absl::Status Into(absl::StatusOr<Response> response, Response* out) {
  if (!response.ok()) return response.status();
  *out = std::move(*response);
  return absl::OkStatus();
}

// Stops at the first failed call.
absl::Status FetchPack(ReportClient& client, const v1::ReportRequest& request,
                       Pack* pack) {
  const std::function<absl::Status()> calls[] = {
      [&] {
        return Into(client.GetTrialBalance(request), &pack->trial_balance);
      },
      [&] {
        return Into(client.GetReceiptsAndPayments(request),
                    &pack->receipts_and_payments);
      },
      [&] {
        return Into(client.GetIncomeAndExpenditure(request),
                    &pack->income_and_expenditure);
      },
      [&] {
        return Into(client.GetBalanceSheet(request), &pack->balance_sheet);
      },
      [&] {
        return Into(client.GetBenefitsByCategory(request), &pack->benefits);
      },
      [&] {
        return Into(client.GetContributionsBySource(request),
                    &pack->contributions);
      }};
  for (const auto& call : calls) {
    absl::Status status = call();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

std::vector<View> PackViews(const Style& style, const Pack& pack) {
  return {TrialBalanceView(style, pack.trial_balance),
          ReceiptsAndPaymentsView(style, pack.receipts_and_payments),
          IncomeAndExpenditureView(style, pack.income_and_expenditure),
          BalanceSheetView(style, pack.balance_sheet),
          BenefitsView(style, pack.benefits),
          ContributionsView(style, pack.contributions)};
}

// {"trialBalance": {...}, ...}: every response, as protobuf JSON.
std::string PackJson(const Pack& pack) {
  const std::pair<const char*, const google::protobuf::Message*> parts[] = {
      {"trialBalance", &pack.trial_balance},
      {"receiptsAndPayments", &pack.receipts_and_payments},
      {"incomeAndExpenditure", &pack.income_and_expenditure},
      {"balanceSheet", &pack.balance_sheet},
      {"benefitsByCategory", &pack.benefits},
      {"contributionsBySource", &pack.contributions}};
  std::string json = "{";
  for (const auto& [name, message] : parts) {
    absl::StrAppend(&json, json.size() > 1 ? ",\n" : "\n", "\"", name,
                    "\": ", cli::ToJson(*message));
  }
  return json + "\n}\n";
}

int RunPack(Session& session, const cli::ParsedFlags& flags) {
  const Output output = session.options().output;
  if (output == Output::kCsv) {
    return session.Usage(
        absl::InvalidArgumentError(
            "--output=csv: committee-pack holds several reports; want html, "
            "table or json (or run each report with --output=csv)"),
        "committee-pack");
  }
  absl::StatusOr<int32_t> year = ReadFiscalYear(flags);
  if (!year.ok()) return session.Usage(year.status(), "committee-pack");
  v1::ReportRequest request;
  request.set_parent(session.FundName());
  if (*year != 0) request.mutable_period()->set_fiscal_year(*year);
  Pack pack;
  absl::Status status = FetchPack(session.Client(), request, &pack);
  if (!status.ok()) return session.Failed(status);
  const Style& style = session.style();
  std::vector<View> views = PackViews(style, pack);
  if (output == Output::kJson) {
    session.out() << PackJson(pack);
  } else if (output == Output::kTable) {
    for (const View& view : views) {
      session.out() << (&view == &views.front() ? "" : "\n")
                    << RenderText(view, Output::kTable);
    }
  } else {
    const v1::ReportHeader& header = pack.trial_balance.header();
    absl::StatusOr<std::vector<Chart>> charts =
        YearCharts(session, header.fiscal_year(), pack.benefits);
    if (!charts.ok()) return session.Failed(charts.status());
    HtmlPage page{absl::StrCat(style.Words("รายงานต่อที่ประชุมคณะกรรมการ: ",
                                           "Committee report: "),
                               header.fund_display_name()),
                  views.front().subtitle, std::move(views), std::move(*charts)};
    session.out() << RenderHtml(style, page);
  }
  session.out() << std::flush;
  return cli::kExitOk;
}

}  // namespace

Command CommitteePackCommand() {
  return {
      "committee-pack",
      "a fiscal year's statements and charts, for a meeting",
      "One document for the committee's meeting: trial balance, receipts\n"
      "and payments, income and expenditure, balance sheet, benefits by\n"
      "category and contributions by source of a fiscal year, and (HTML)\n"
      "two charts: dues and benefits month by month, and benefits by\n"
      "category. Made for --output=html: each report starts a new A4 page\n"
      "when printed. table and json work too (json: an object of the six\n"
      "responses); csv does not (run each report for CSV).",
      {FiscalYearFlag()},
      "welfare-report committee-pack --fund=ban-nong-khu --fiscal-year=2569 "
      "--output=html > meeting.html",
      true,
      &RunPack};
}

}  // namespace welfare::report
