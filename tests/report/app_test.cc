// welfare-report run in-process against a real welfared holding the known
// fund (known_fund.h): help, usage errors (exit 2), each command in each
// output, the figures written as the tables print them, periods as the
// server resolved them, refusals (exit 1), and a server that is
// unreachable or does not answer in time (exit 3).
#include "clients/report/app.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/report/charts.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/report/known_fund.h"
#include "tests/report/sample_reports.h"
#include "tests/report/silent_listener.h"
#include "tests/report/svg_inspect.h"

namespace welfare::report {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::kBenefitsByMonth2026;
using testing::kDuesByMonth2026;
using testing::kFundDisplayName;
using ::testing::Not;
using ::testing::StartsWith;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the tool over `environment`: over its channel if it has one, else
// to the --server of the command line.
Outcome RunWith(const std::vector<std::string>& args,
                const Environment& environment) {
  std::istringstream in;
  std::ostringstream out, err;
  Outcome outcome;
  outcome.exit_code =
      report::Run(args, cli::Io{in, out, err, false}, environment);
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

class AppTest : public testing::KnownFundTest {
 protected:
  static Outcome RunTool(const std::vector<std::string>& args) {
    Environment environment;
    environment.channel = NewChannel();
    return RunWith(args, environment);
  }

  // Runs and expects exit 0 with nothing on standard error.
  static std::string Printed(const std::vector<std::string>& args) {
    Outcome outcome = RunTool(args);
    EXPECT_EQ(outcome.exit_code, cli::kExitOk)
        << absl::StrJoin(args, " ") << ": " << outcome.err;
    EXPECT_THAT(outcome.err, IsEmpty());
    return outcome.out;
  }
};

TEST_F(AppTest, HelpListsEveryCommandAndExplainsBuddhistEraYears) {
  for (const char* help : {"--help", "help", "-h"}) {
    Outcome outcome = RunTool({help});
    EXPECT_EQ(outcome.exit_code, cli::kExitOk);
    for (const Command& command : AllCommands()) {
      EXPECT_THAT(outcome.out,
                  HasSubstr(absl::StrCat("  ", command.name, " ")));
    }
    EXPECT_THAT(outcome.out, HasSubstr("a year from 2400 is taken as BE"));
  }
  Outcome none = RunTool({});
  EXPECT_EQ(none.exit_code, cli::kExitUsage);
  EXPECT_THAT(none.err, HasSubstr("Usage:"));
}

TEST_F(AppTest, EveryCommandsHelpHasAnExampleOfItself) {
  for (const Command& command : AllCommands()) {
    for (std::vector<std::string> args :
         {std::vector<std::string>{command.name, "--help"},
          {"help", command.name}}) {
      Outcome outcome = RunTool(args);
      EXPECT_EQ(outcome.exit_code, cli::kExitOk) << command.name;
      EXPECT_THAT(outcome.out,
                  HasSubstr(absl::StrCat("Example:\n  welfare-report ",
                                         command.name, " ")));
    }
  }
}

// Exit 2 says that nothing was sent: the server would have answered (0) or
// refused (1).
TEST_F(AppTest, BadCommandLinesAreUsageErrors) {
  const std::vector<std::vector<std::string>> cases = {
      {"no-such-report", "--fund=ban-nong-khu"},
      {"trial-balance"},  // No --fund.
      {"trial-balance", "--fund=Ban Nong Khu"},
      {"trial-balance", "--fund=ban-nong-khu", "extra"},
      {"trial-balance", "--fund=ban-nong-khu", "--output=pdf"},
      {"trial-balance", "--fund=ban-nong-khu", "--calendar=julian"},
      {"trial-balance", "--fund=ban-nong-khu", "--lang=fr"},
      {"trial-balance", "--fund=ban-nong-khu", "--deadline_ms=0"},
      {"trial-balance", "--fund=ban-nong-khu", "--fiscal-year=69"},
      {"trial-balance", "--fund=ban-nong-khu", "--month=2569-13"},
      {"trial-balance", "--fund=ban-nong-khu", "--from=2569-10-01"},
      {"trial-balance", "--fund=ban-nong-khu", "--as-of=31/02/2569"},
      {"trial-balance", "--fund=ban-nong-khu", "--member=3"},
      {"passbook", "--fund=ban-nong-khu"},  // No --member.
      {"passbook", "--fund=ban-nong-khu", "--member=0"},
      {"status-form", "--fund=ban-nong-khu", "--month=2569-11"},
      {"fund-status", "--fund=ban-nong-khu", "--as-of=2569-01-01"},
      {"area-status"},  // No --area.
      {"area-status", "--area=333"},
      {"area-status", "--area=ab"},
      // The server takes 2, 4 or 6 digits (reports.proto).
      {"area-status", "--area=33010101"},
      {"committee-pack", "--fund=ban-nong-khu", "--output=csv"},
      {"benefits", "--fund=ban-nong-khu", "--lang=en", "--language=th"},
  };
  for (const auto& args : cases) {
    Outcome outcome = RunTool(args);
    EXPECT_EQ(outcome.exit_code, cli::kExitUsage)
        << args.back() << ": " << outcome.err;
    EXPECT_THAT(outcome.err, StartsWith("welfare-report: ")) << args.back();
    EXPECT_THAT(outcome.out, IsEmpty()) << args.back();
  }
}

TEST_F(AppTest, EveryCommandPrintsEveryOutput) {
  const std::vector<std::vector<std::string>> commands = {
      {"trial-balance"},
      {"receipts-payments"},
      {"income-expenditure"},
      {"balance-sheet"},
      {"passbook", "--member=1"},
      {"benefits"},
      {"contributions"},
      {"status-form"},
      {"fund-status"},
      {"area-status", "--area=33"},
      {"committee-pack"}};
  // The known fund, and the random one with reversals, transfers and
  // members who left.
  for (const char* fund : {testing::kFundId, testing::kOtherFundId}) {
    for (const auto& command : commands) {
      for (const std::string output : {"table", "csv", "json", "html"}) {
        if (command[0] == "committee-pack" && output == "csv") continue;
        std::vector<std::string> args = command;
        args.push_back(absl::StrCat("--fund=", fund));
        args.push_back(absl::StrCat("--output=", output));
        const std::string printed = Printed(args);
        const std::string what = absl::StrCat(fund, " ", command[0], " ");
        EXPECT_FALSE(printed.empty()) << what << output;
        if (output == "json") {
          EXPECT_THAT(printed, StartsWith("{")) << what;
        } else if (output == "html") {
          EXPECT_THAT(printed, StartsWith("<!DOCTYPE html>")) << what;
        } else if (output == "table") {
          EXPECT_THAT(printed, HasSubstr("กองทุน")) << what;
        }
      }
    }
  }
}

TEST_F(AppTest, TablesShowTheFiguresWrittenInBahtWithBuddhistEraDates) {
  const std::string statement =
      Printed({"income-expenditure", "--fund=ban-nong-khu"});
  // No period flag: the server's current fiscal year.
  EXPECT_THAT(statement,
              StartsWith(absl::StrCat(
                  "งบรายได้-ค่าใช้จ่าย: ", kFundDisplayName,
                  "\n01/10/2568 \u2013 30/09/2569 \u00b7 ปีงบประมาณ 2569")));
  for (const char* figure : {"720.00", "123,456.75", "124,176.75", "800.00",
                             "3,000.00", "5,050.00", "119,126.75"}) {
    EXPECT_THAT(statement, HasSubstr(figure));
  }
  EXPECT_THAT(statement, Not(HasSubstr("12345675")));

  const std::string trial = Printed({"trial-balance", "--fund=ban-nong-khu"});
  EXPECT_THAT(trial, HasSubstr("25,160.00"));   // Cash brought forward.
  EXPECT_THAT(trial, HasSubstr("144,286.75"));  // Cash at the end.
  EXPECT_THAT(trial, HasSubstr("149,536.75"));  // Debits and credits.

  const std::string sources = Printed({"contributions", "--fund=ban-nong-khu"});
  EXPECT_THAT(sources, HasSubstr("2568/1"));
  EXPECT_THAT(sources, HasSubstr("25,000.00"));
  EXPECT_THAT(sources, HasSubstr("2569/1"));

  const std::string english = Printed(
      {"benefits", "--fund=ban-nong-khu", "--lang=en", "--calendar=gregorian"});
  EXPECT_THAT(english, StartsWith("Benefits by CODI category: "));
  EXPECT_THAT(english, HasSubstr("2025-10-01 \u2013 2026-09-30"));
  EXPECT_THAT(english, HasSubstr("4,800.00"));
}

TEST_F(AppTest, JsonIsTheResponseMessage) {
  const std::string json =
      Printed({"balance-sheet", "--fund=ban-nong-khu", "--output=json"});
  EXPECT_THAT(json, HasSubstr("\"assetsTotalSatang\": \"14428675\""));
  EXPECT_THAT(json, HasSubstr("\"fund\": \"funds/ban-nong-khu\""));
  EXPECT_THAT(json, HasSubstr("\"fundDisplayName\": "));
}

TEST_F(AppTest, PeriodFlagsReachTheServer) {
  const struct {
    std::vector<std::string> args;
    std::string period;  // The second line, as the server resolved it.
    std::string figure;
  } cases[] = {
      {{"income-expenditure", "--fiscal-year=2568"},
       "01/10/2567 \u2013 30/09/2568 \u00b7 ปีงบประมาณ 2568",
       "25,360.00"},
      {{"income-expenditure", "--month=2569-01"},
       "01/01/2569 \u2013 31/01/2569 \u00b7 ปีงบประมาณ 2569",
       "270.00"},
      {{"income-expenditure", "--from=2568-10-01", "--to=31/12/2568"},
       "01/10/2568 \u2013 31/12/2568",
       "180.00"},
      {{"balance-sheet", "--as-of=31/12/2568"},
       "ณ วันที่ 31/12/2568",
       "24,840.00"},
      {{"receipts-payments", "--month=2026-02", "--calendar=gregorian"},
       "2026-02-01 \u2013 2026-02-28",
       "123,456.75"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = c.args;
    args.push_back("--fund=ban-nong-khu");
    const std::string printed = Printed(args);
    EXPECT_THAT(printed.substr(printed.find('\n') + 1), StartsWith(c.period))
        << printed;
    EXPECT_THAT(printed, HasSubstr(c.figure)) << printed;
  }
}

TEST_F(AppTest, FlagsMayStandAnywhereAndYearsInEitherCalendar) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--fund", "ban-nong-khu", "trial-balance",
                                 "--fiscal-year", "2568"},
        {"trial-balance", "--fiscal-year=2025", "--fund=funds/ban-nong-khu"}}) {
    EXPECT_THAT(
        Printed(args),
        HasSubstr("\n01/10/2567 \u2013 30/09/2568 \u00b7 ปีงบประมาณ 2568"));
  }
}

TEST_F(AppTest, StatusFormHtmlChartsTheMonthsWritten) {
  const std::string html = Printed({"status-form", "--fund=ban-nong-khu",
                                    "--fiscal-year=2569", "--output=html"});
  const auto bars = testing::Bars(html);
  ASSERT_EQ(bars.size(), 24u + testing::kBenefitCategoriesWithMoney2026);
  // May's benefits are the largest figure: the axis covers them.
  const int64_t axis_max = AxisFor(kBenefitsByMonth2026[7]).max_satang;
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(std::stoll(bars[2 * i].at("height")),
              kDuesByMonth2026[i] * kMonthlyBarMaxPx / axis_max)
        << i;
    EXPECT_EQ(std::stoll(bars[2 * i + 1].at("height")),
              kBenefitsByMonth2026[i] * kMonthlyBarMaxPx / axis_max)
        << i;
  }
  EXPECT_EQ(bars[0].at("data-month"), "2025-10");
  // The table of the form itself: the members and the opening balance.
  EXPECT_THAT(html, HasSubstr("25,160.00"));
}

TEST_F(AppTest, CommitteePackHtmlHoldsEveryStatementAndTheCharts) {
  const std::string html =
      Printed({"committee-pack", "--fund=ban-nong-khu", "--output=html",
               "--lang=en", "--calendar=gregorian"});
  for (const char* title :
       {"<h2>Trial balance: ", "<h2>Receipts and payments: ",
        "<h2>Income and expenditure: ", "<h2>Balance sheet: ",
        "<h2>Benefits by CODI category: ", "<h2>Contributions by source: "}) {
    EXPECT_THAT(html, HasSubstr(title));
  }
  EXPECT_THAT(html, HasSubstr("<title>Committee report: "));
  EXPECT_THAT(html, HasSubstr(">Oct</text>"));
  EXPECT_THAT(html, HasSubstr("123,456.75"));
  EXPECT_EQ(testing::Bars(html).size(),
            24u + testing::kBenefitCategoriesWithMoney2026);
}

TEST_F(AppTest, PartnerCommandsAnswerForTheFundAndTheFundsOfTheArea) {
  const std::string fund =
      Printed({"fund-status", "--fund=ban-nong-khu", "--fiscal-year=2568"});
  EXPECT_THAT(fund,
              StartsWith(absl::StrCat("สถานะกองทุน: ", kFundDisplayName,
                                      "\nรหัสพื้นที่ 330101 \u00b7 ปีงบประมาณ "
                                      "2568 (01/10/2567 \u2013 30/09/2568) "
                                      "\u00b7 ยอด ณ วันที่ 30/09/2568")));
  EXPECT_THAT(fund, HasSubstr("25,160.00"));  // Cash at the year's end.

  const std::string current = Printed({"fund-status", "--fund=ban-nong-khu"});
  EXPECT_THAT(current, HasSubstr("ยอด ณ วันที่ 15/06/2569"));
  EXPECT_THAT(current, HasSubstr("144,286.75"));
  // Five general members; one elderly, suppressed.
  EXPECT_THAT(current, HasSubstr("<5"));

  const struct {
    const char* area;
    const char* title;
  } areas[] = {{"33", "สถานะกองทุนในพื้นที่ 33 (2 กองทุน)\n"},
               {"3301", "สถานะกองทุนในพื้นที่ 3301 (1 กองทุน)\n"},
               {"330101", "สถานะกองทุนในพื้นที่ 330101 (1 กองทุน)\n"},
               {"34", "สถานะกองทุนในพื้นที่ 34 (0 กองทุน)\n"}};
  for (const auto& area : areas) {
    EXPECT_THAT(Printed({"area-status", "--area", area.area}),
                StartsWith(area.title));
  }
  EXPECT_THAT(Printed({"area-status", "--area=33", "--lang=en"}),
              StartsWith("Funds of area 33 (2 funds)\n"));
}

TEST_F(AppTest, PassbookShowsTheMembersLines) {
  const std::string year = Printed(
      {"passbook", "--fund=ban-nong-khu", "--member=1", "--fiscal-year=2569"});
  EXPECT_THAT(year, HasSubstr("สมาชิกเลขที่ 1"));
  for (const char* text :
       {"05/10/2568", "RC-0002", "90.00", "10/12/2568", "500.00", "15/01/2569",
        "RC-0005", "180.00", "270.00"}) {
    EXPECT_THAT(year, HasSubstr(text));
  }
  EXPECT_THAT(year, Not(HasSubstr("RC-0001")));  // Fiscal year 2568.

  const std::string month = Printed(
      {"passbook", "--fund=ban-nong-khu", "--member=1", "--month=2569-01"});
  EXPECT_THAT(month.substr(month.find('\n') + 1),
              StartsWith("01/01/2569 \u2013 31/01/2569"));
  EXPECT_THAT(month, HasSubstr("RC-0005"));
  EXPECT_THAT(month, Not(HasSubstr("RC-0002")));
}

TEST_F(AppTest, ARefusalExitsOneWithTheReason) {
  const struct {
    std::vector<std::string> args;
    const char* reason;
  } cases[] = {{{"trial-balance", "--fund=missing"}, "[FUND_NOT_FOUND]"},
               {{"fund-status", "--fund=funds/missing"}, "[FUND_NOT_FOUND]"},
               {{"passbook", "--fund=ban-nong-khu", "--member=99"},
                "[MEMBER_NOT_FOUND]"}};
  for (const auto& c : cases) {
    Outcome outcome = RunTool(c.args);
    EXPECT_EQ(outcome.exit_code, cli::kExitRefused) << c.reason;
    EXPECT_THAT(outcome.err, StartsWith("welfare-report: "));
    EXPECT_THAT(outcome.err, HasSubstr(c.reason));
    EXPECT_THAT(outcome.out, IsEmpty());
  }
}

// The server, whose today is 15/06/2569, refuses a fiscal year that has not
// begun, in CE; the tool shows the refusal in the calendar it shows dates
// in (BE unless --calendar=gregorian), as the year was typed.
TEST_F(AppTest, ARefusedYearIsQuotedInTheCalendarOfTheCommandLine) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"fund-status", "--fund=ban-nong-khu",
                                 "--fiscal-year=2570"},
        {"area-status", "--area=33", "--fiscal-year=2570"}}) {
    Outcome outcome = RunTool(args);
    EXPECT_EQ(outcome.exit_code, cli::kExitRefused);
    EXPECT_EQ(outcome.err,
              "welfare-report: fiscal_year: 2570 has not begun; want the "
              "current year (2569) or an earlier one [FIELD_INVALID]\n");
  }
  Outcome gregorian = RunTool({"fund-status", "--fund=ban-nong-khu",
                               "--fiscal-year=2027", "--calendar=gregorian"});
  EXPECT_EQ(gregorian.exit_code, cli::kExitRefused);
  EXPECT_THAT(gregorian.err,
              HasSubstr("fiscal_year: 2027 has not begun; want the current "
                        "year (2026)"));
}

TEST(AppUnreachableTest, AnUnreachableServerExitsThree) {
  Outcome outcome =
      RunWith({"trial-balance", "--fund=ban-nong-khu", "--server=127.0.0.1:1"},
              Environment());
  EXPECT_EQ(outcome.exit_code, cli::kExitUnreachable);
  EXPECT_THAT(outcome.err, HasSubstr("server 127.0.0.1:1: "));
}

TEST(AppUnreachableTest, AServerThatDoesNotAnswerInTimeExitsThree) {
  testing::SilentListener silent;
  Outcome outcome =
      RunWith({"trial-balance", "--fund=ban-nong-khu", "--deadline_ms=100",
               absl::StrCat("--server=", silent.target())},
              Environment());
  EXPECT_EQ(outcome.exit_code, cli::kExitUnreachable);
  EXPECT_THAT(outcome.err,
              HasSubstr(absl::StrCat("server ", silent.target(), ": ")));
  EXPECT_THAT(outcome.err, HasSubstr("[DEADLINE_EXCEEDED]"));
}

}  // namespace
}  // namespace welfare::report
