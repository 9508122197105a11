// The commands of one fund's books: every ReportService report.
#include "clients/report/commands.h"

#include "absl/strings/str_cat.h"
#include "clients/cli/values.h"
#include "clients/report/charts.h"
#include "clients/report/monthly_series.h"
#include "clients/report/periods.h"

namespace welfare::report {
namespace {

constexpr int64_t kMemberNumberMax = 2147483647;

template <typename Response>
using Fetch =
    absl::StatusOr<Response> (ReportClient::*)(const v1::ReportRequest&);

// A command's words and flags, to be given its runner.
Command Describe(std::string name, std::string summary, std::string description,
                 std::vector<cli::FlagSpec> flags, std::string example) {
  Command command;
  command.name = std::move(name);
  command.summary = std::move(summary);
  command.description = std::move(description);
  command.flags = std::move(flags);
  command.example = std::move(example);
  return command;
}

// A command that fetches one report of a period and shows it.
template <typename Response>
Command PeriodCommand(Command command, Fetch<Response> fetch,
                      View (*view)(const Style&, const Response&),
                      ChartsOf<Response> charts = nullptr) {
  if (command.flags.empty()) command.flags = PeriodFlags();
  const std::string name = command.name;
  command.run = [=](Session& session, const cli::ParsedFlags& flags) {
    absl::StatusOr<v1::ReportPeriod> period = ReadPeriod(flags);
    if (!period.ok()) return session.Usage(period.status(), name);
    v1::ReportRequest request;
    request.set_parent(session.FundName());
    if (period->period_case() != v1::ReportPeriod::PERIOD_NOT_SET) {
      *request.mutable_period() = *period;
    }
    return Show(session, (session.Client().*fetch)(request), view, charts);
  };
  return command;
}

int RunReceiptsPayments(Session& session, const cli::ParsedFlags& flags) {
  absl::StatusOr<v1::ReportPeriod> period = ReadPeriod(flags);
  if (!period.ok()) return session.Usage(period.status(), "receipts-payments");
  v1::ReportRequest request;
  request.set_parent(session.FundName());
  if (period->period_case() != v1::ReportPeriod::PERIOD_NOT_SET) {
    *request.mutable_period() = *period;
  }
  return Show(session, session.Client().GetReceiptsAndPayments(request),
              flags.Has("net") ? &NetReceiptsAndPaymentsView
                               : &ReceiptsAndPaymentsView);
}

int RunPassbook(Session& session, const cli::ParsedFlags& flags) {
  absl::StatusOr<v1::ReportPeriod> period = ReadPeriod(flags);
  if (!period.ok()) return session.Usage(period.status(), "passbook");
  cli::FlagReader read(flags);
  const int64_t member = read.Integer("member", 1, kMemberNumberMax);
  if (!read.ok()) return session.Usage(read.status(), "passbook");
  v1::GetPassbookRequest request;
  request.set_name(absl::StrCat(session.FundName(), "/members/", member));
  if (period->period_case() != v1::ReportPeriod::PERIOD_NOT_SET) {
    *request.mutable_period() = *period;
  }
  return Show(session, session.Client().GetPassbook(request), &PassbookView);
}

int RunArrears(Session& session, const cli::ParsedFlags& flags) {
  cli::FlagReader read(flags);
  v1::GetDuesArrearsRequest request;
  request.set_parent(session.FundName());
  read.DateInto("as-of", request.mutable_as_of_date());
  if (flags.Has("monthly")) {
    request.set_monthly_dues_satang(read.Amount("monthly"));
  }
  request.set_min_unpaid_months(
      static_cast<int32_t>(read.Integer("min-months", 1, 1200)));
  if (!read.ok()) return session.Usage(read.status(), "arrears");
  return Show(session, session.Client().GetDuesArrears(request), &ArrearsView);
}

int RunMatchList(Session& session, const cli::ParsedFlags& flags) {
  absl::StatusOr<v1::ReportPeriod> period = ReadPeriod(flags);
  if (!period.ok()) return session.Usage(period.status(), "match-list");
  if (period->period_case() != v1::ReportPeriod::kFiscalYear) {
    return session.Usage(
        absl::InvalidArgumentError(
            "--fiscal-year: want the fiscal year whose 30 September is the "
            "cut-off, e.g. 2569"),
        "match-list");
  }
  v1::GetMatchEligibilityRequest request;
  request.set_parent(session.FundName());
  request.set_fiscal_year(period->fiscal_year());
  return Show(session, session.Client().GetMatchEligibility(request),
              &MatchListView);
}

}  // namespace

absl::StatusOr<std::vector<Chart>> YearCharts(
    Session& session, int32_t fiscal_year,
    const v1::BenefitsByCategory& benefits) {
  absl::StatusOr<MonthlySeries> series =
      FetchMonthlySeries(session.Client(), session.FundName(), fiscal_year);
  if (!series.ok()) return series.status();
  const Style& style = session.style();
  return std::vector<Chart>{
      {style.Words("เงินสัจจะและสวัสดิการรายเดือน", "Dues and benefits by month"),
       MonthlyChartSvg(style, *series)},
      {style.Words("สวัสดิการตามประเภท", "Benefits by category"),
       CategoryChartSvg(style, benefits)}};
}

std::vector<Command> BookCommands() {
  std::vector<Command> commands;
  commands.push_back(PeriodCommand(
      Describe("trial-balance",
               "every account: opening, movement, closing (งบทดลอง)",
               "Every account of the fund's chart with its balance before the "
               "period,\n"
               "its movement in the period (both debit minus credit) and its "
               "closing\n"
               "balance on the debit or credit side. Debits equal credits in a "
               "sound\n"
               "journal. Accounts that are zero throughout are left out (not "
               "in JSON).",
               {},
               "welfare-report trial-balance --fund=ban-nong-khu "
               "--fiscal-year=2569"),
      &ReportClient::GetTrialBalance, &TrialBalanceView));
  Command receipts{
      "receipts-payments",
      "cash basis: money in and out (งบรับ-จ่าย)",
      "Cash and bank at the start of the period, the money received and\n"
      "paid in it by counter account, and cash and bank at its end. Both\n"
      "sides are gross: a loan paid out and repaid in the period shows on\n"
      "both. A reversal takes back on the side of the entry it reverses, in\n"
      "its own period (a receipt voided a year later is a negative receipt\n"
      "of that year). --net shows one line per account instead: what it\n"
      "gave minus what it took.",
      PeriodFlags(),
      "welfare-report receipts-payments --fund=ban-nong-khu "
      "--month=2569-11",
      true,
      &RunReceiptsPayments};
  receipts.flags.push_back({"net", "",
                            "one line per account: receipts minus payments",
                            cli::FlagKind::kSwitch});
  commands.push_back(std::move(receipts));
  commands.push_back(PeriodCommand(
      Describe(
          "income-expenditure",
          "income and expenses of a period (งบรายได้-ค่าใช้จ่าย)",
          "Income accounts (4xxx) and expense accounts (5xxx) with their\n"
          "movement in the period, and the surplus (deficit when negative).",
          {},
          "welfare-report income-expenditure --fund=ban-nong-khu "
          "--fiscal-year=2026"),
      &ReportClient::GetIncomeAndExpenditure, &IncomeAndExpenditureView));
  commands.push_back(PeriodCommand(
      Describe("balance-sheet",
               "assets, liabilities, fund balance (งบแสดงฐานะการเงิน)",
               "Assets, liabilities and the fund's balance at the end of the "
               "period,\n"
               "with the surplus accumulated since the founding.",
               {},
               "welfare-report balance-sheet --fund=ban-nong-khu "
               "--as-of=30/09/2569"),
      &ReportClient::GetBalanceSheet, &BalanceSheetView));
  Command passbook{
      "passbook",
      "one member's dues and benefits (สมุดประจำตัวสมาชิก)",
      "A member's entries in the period (dues with the months they cover,\n"
      "fees, benefits, reversals), the totals, and the months of the period\n"
      "paid and still unpaid.",
      PeriodFlags(),
      "welfare-report passbook --fund=ban-nong-khu --member=17 "
      "--fiscal-year=2569",
      true,
      &RunPassbook};
  passbook.flags.insert(
      passbook.flags.begin(),
      {"member", "N", "the member number", cli::FlagKind::kValue, true});
  commands.push_back(std::move(passbook));
  commands.push_back(Command{
      "arrears",
      "members behind with their dues (เงินสัจจะค้างชำระ)",
      "Every member active or lapsed on the date whose dues are unpaid for a\n"
      "month from the join month to the date's month: how many months, since\n"
      "when, and what they come to: under the dues plan of the rulebook in\n"
      "force on the date (a day's dues times each month's days; a half-year's\n"
      "or year's pro rata), or --monthly. Months in which the member had\n"
      "resigned count for nothing. Active members whose last months that\n"
      "have ended are unpaid, as many in a row as the plan's lapse months, "
      "are\n"
      "marked LAPSE DUE (the date's own month may still be paid, so it does\n"
      "not count until its last day): the committee decides and records it\n"
      "with `welfare member set-status --status=lapsed`; this report changes\n"
      "nothing.",
      {{"as-of", "DATE", "the date to count up to (default: today)"},
       {"monthly", "BAHT",
        "one month's dues, instead of the rulebook's dues plan"},
       {"min-months", "N", "only members with at least N unpaid months"}},
      "welfare-report arrears --fund=ban-nong-khu --monthly=30 "
      "--min-months=3",
      true,
      &RunArrears});
  commands.push_back(Command{
      "match-list",
      "members who qualify for the government match on 30 September",
      "The members active on 30 September of the fiscal year who have been\n"
      "members for a full year and were matched fewer than 3 times before: "
      "the\n"
      "list a fund sends with its yearly request for the government match. A\n"
      "member counts as matched for an earlier year if they qualified then\n"
      "and the fund received a government match in the year after.",
      {{"fiscal-year", "YEAR", "the fiscal year, e.g. 2569 (BE) or 2026",
        cli::FlagKind::kValue, true}},
      "welfare-report match-list --fund=ban-nong-khu --fiscal-year=2569",
      true,
      &RunMatchList});
  commands.push_back(PeriodCommand<v1::BenefitsByCategory>(
      Describe(
          "benefits", "benefits by the 16 CODI categories: people and baht",
          "People and baht of each of CODI's 16 benefit categories, for the\n"
          "period and from the founding to its end. HTML adds a bar chart.",
          {},
          "welfare-report benefits --fund=ban-nong-khu --fiscal-year=2569 "
          "--output=html"),
      &ReportClient::GetBenefitsByCategory, &BenefitsView,
      [](Session& session, const v1::BenefitsByCategory& benefits)
          -> absl::StatusOr<std::vector<Chart>> {
        const Style& style = session.style();
        return std::vector<Chart>{
            {style.Words("สวัสดิการตามประเภท", "Benefits by category"),
             CategoryChartSvg(style, benefits)}};
      }));
  commands.push_back(PeriodCommand(
      Describe(
          "contributions", "income by source and matching round",
          "Every income account: members' dues and fees, each government\n"
          "matching round, local government, donations, interest; for the\n"
          "period and from the founding to its end.",
          {},
          "welfare-report contributions --fund=ban-nong-khu --from=2568-10-01 "
          "--to=2569-03-31"),
      &ReportClient::GetContributionsBySource, &ContributionsView));
  commands.push_back(PeriodCommand<v1::FundStatusForm>(
      Describe(
          "status-form", "CODI's yearly fund status form (แบบแสดงสถานะกองทุน)",
          "Every figure of CODI's yearly form that the books hold: members\n"
          "(founding, cumulative, current by type), villages, opening "
          "balance,\n"
          "income by source, benefits by category, receipts and payments, and\n"
          "bank, cash and investments. Use --fiscal-year (or none for the\n"
          "current year). HTML adds the monthly dues-and-benefits chart and "
          "the\n"
          "benefits-by-category chart.",
          {FiscalYearFlag()},
          "welfare-report status-form --fund=ban-nong-khu --fiscal-year=2569 "
          "--output=html > form.html"),
      &ReportClient::GetFundStatusForm, &StatusFormView,
      [](Session& session, const v1::FundStatusForm& form) {
        return YearCharts(session, form.header().fiscal_year(),
                          form.benefits());
      }));
  return commands;
}

const std::vector<Command>& AllCommands() {
  static const auto* const commands = [] {
    auto* all = new std::vector<Command>(BookCommands());
    for (Command& command : PartnerCommands()) all->push_back(command);
    all->push_back(CommitteePackCommand());
    return all;
  }();
  return *commands;
}

}  // namespace welfare::report
