// The welfare tool run in-process: help, and usage errors that exit 2
// before anything is sent. The server address is a closed port, so a
// command that did try to send would exit 3 instead.
#include "clients/cli/app.h"

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/cli/values.h"
#include "clients/format/width.h"
#include "tests/testing/test_util.h"

namespace welfare::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kNowhere[] = "--server=127.0.0.1:1";

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Outcome RunTool(std::vector<std::string> args, const std::string& in = "",
                const char* env_server = nullptr) {
  std::istringstream input(in);
  std::ostringstream out, err;
  Outcome outcome;
  outcome.exit_code = Run(args, Io{input, out, err, false}, env_server);
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

std::vector<std::string> Words(const std::string& path) {
  return absl::StrSplit(path, ' ');
}

TEST(AppTest, NoArgumentsShowsTheOverviewAndExitsTwo) {
  Outcome outcome = RunTool({});
  EXPECT_EQ(outcome.exit_code, kExitUsage);
  EXPECT_THAT(outcome.err, HasSubstr("Usage:"));
  EXPECT_EQ(outcome.out, "");
}

TEST(AppTest, HelpListsEveryCommand) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, {"help"}, {"-h"}}) {
    Outcome outcome = RunTool(args);
    EXPECT_EQ(outcome.exit_code, kExitOk);
    for (const Command& command : AllCommands()) {
      EXPECT_THAT(outcome.out,
                  HasSubstr(absl::StrCat("  ", command.path, " ")));
    }
  }
}

TEST(AppTest, EveryApiOperationHasACommand) {
  std::vector<std::string> paths;
  for (const Command& command : AllCommands()) paths.push_back(command.path);
  EXPECT_THAT(
      paths,
      ::testing::UnorderedElementsAre(
          "fund create", "fund get", "fund list", "account open",
          "account list", "member register", "member get", "member list",
          "member set-status", "member update-profile", "member erase-profile",
          "dues", "collect", "import", "contribute", "benefit", "cost", "post",
          "batch", "reverse", "entry get", "entry list", "balances", "health",
          "receipt print", "receipt list", "voucher print", "voucher list",
          "rulebook adopt", "rulebook show", "rulebook list", "claim submit",
          "claim certify", "claim approve", "claim reject", "claim pay",
          "claim show", "claim list", "principal add", "principal revoke",
          "principal list", "principal changes", "whoami"));
}

TEST(AppTest, EveryCommandsHelpTeachesItsFlagsAndAnExample) {
  for (const Command& command : AllCommands()) {
    SCOPED_TRACE(command.path);
    std::vector<std::string> args = Words(command.path);
    args.push_back("--help");
    Outcome outcome = RunTool(args);
    EXPECT_EQ(outcome.exit_code, kExitOk);
    const std::string& help = outcome.out;
    EXPECT_THAT(help, StartsWith(absl::StrCat("welfare ", command.path, ": ")));
    EXPECT_THAT(help,
                HasSubstr(absl::StrCat("Usage:\n  welfare ", command.path)));
    for (const ArgumentSpec& argument : command.arguments) {
      EXPECT_THAT(help, HasSubstr(absl::StrCat("<", argument.name, ">")));
    }
    for (const FlagSpec& flag : command.flags) {
      EXPECT_THAT(help, HasSubstr(absl::StrCat("  --", flag.name)));
    }
    EXPECT_THAT(help, HasSubstr("  --server=HOST:PORT"));
    EXPECT_THAT(help,
                HasSubstr(absl::StrCat("Example:\n  welfare ", command.path)));
    // Everything but the example fits a terminal.
    const std::string text = help.substr(0, help.find("Example:"));
    for (absl::string_view line : absl::StrSplit(text, '\n')) {
      EXPECT_LE(format::DisplayWidth(line), 79) << line;
    }
  }
}

TEST(AppTest, GroupHelpAndUnknownCommands) {
  Outcome group = RunTool({"member", "--help"});
  EXPECT_EQ(group.exit_code, kExitOk);
  EXPECT_THAT(group.out, HasSubstr("member set-status"));
  Outcome bare = RunTool({"fund"});
  EXPECT_EQ(bare.exit_code, kExitUsage);
  EXPECT_THAT(bare.err, HasSubstr("'fund' needs one more word"));
  EXPECT_THAT(bare.err, HasSubstr("fund create"));
  Outcome wrong = RunTool({"fund", "delete", "x"});
  EXPECT_EQ(wrong.exit_code, kExitUsage);
  EXPECT_THAT(wrong.err, HasSubstr("'fund delete' is not a command"));
  Outcome unknown = RunTool({"withdraw"});
  EXPECT_EQ(unknown.exit_code, kExitUsage);
  EXPECT_THAT(unknown.err, HasSubstr("unknown command 'withdraw'"));
}

TEST(AppTest, UsageErrorsExitTwoAndSendNothing) {
  const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{"dues", "f", "--member=1", "--amount=12.345", "--from=2569-10",
        "--months=12"},
       "--amount: \"12.345\" has more than two decimals"},
      {{"dues", "f", "--member=1", "--amount=0", "--from=2569-10",
        "--months=12"},
       "--amount: 0 baht; want an amount above zero"},
      {{"dues", "f", "--member=1", "--amount=-5", "--from=2569-10",
        "--months=12"},
       "--amount: \"-5\" is negative"},
      {{"dues", "f", "--member=1", "--amount=30", "--from=2569-13",
        "--months=1"},
       "--from: \"2569-13\" is not a month"},
      {{"dues", "f", "--member=1", "--amount=30", "--from=2569-10",
        "--months=121"},
       "--months: \"121\"; want a whole number 1..120"},
      {{"dues", "f", "--member=1", "--amount=30", "--from=2569-10"},
       "missing --months=N"},
      {{"dues", "f", "g", "--member=1", "--amount=30", "--from=2569-10",
        "--months=1"},
       "'welfare dues' takes 1 argument(s): <fund>; got 2"},
      {{"benefit", "f", "--member=1", "--category=flu", "--amount=5"},
       "--category: \"flu\"; want one of birth, sickness"},
      {{"benefit", "f", "--member=1", "--category=17", "--amount=5"},
       "(or 1..16)"},
      {{"benefit", "f", "--member=1", "--category=2", "--amount=5",
        "--nights=1", "--quantity=2"},
       "--nights and --quantity are the same"},
      {{"post", "f", "--debit=1111", "--credit=1101:5"},
       "--debit: \"1111\"; want CODE:AMOUNT"},
      {{"post", "f", "--debit=1111:5", "--credit=1101:5.001"},
       "more than two decimals"},
      {{"contribute", "f", "--source=member-dues", "--amount=5"},
       "'welfare dues'"},
      {{"balances", "f", "--as-of=2569-02-30"}, "not a real date"},
      {{"balances", "f", "--output=xml"}, "--output: \"xml\""},
      {{"balances", "f", "--calendar=julian"}, "--calendar"},
      {{"balances", "f", "--deadline_ms=0"}, "--deadline_ms: \"0\""},
      {{"balances", "f", "--bogus"}, "unknown flag --bogus"},
      {{"balances", "f", "--as-of"}, "--as-of wants a value"},
      {{"balances", "f", "--as-of=2569-01-01", "--as-of=2569-01-02"},
       "--as-of is given twice"},
      {{"balances", "funds/a/b"}, "is not a fund id"},
      {{"entry", "get", "f", "0"}, "\"0\" is not a sequence"},
      {{"member", "get", "f", "seven"}, "\"seven\" is not a member number"},
      {{"member", "erase-profile", "f", "1"}, "missing --confirm"},
      {{"member", "register", "f", "--full-name=x", "--national-id=1"},
       "unknown flag --national-id"},
      {{"batch", "f", "/nonexistent/items.json"}, "cannot open"},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> args = c.args;
    args.push_back(kNowhere);
    Outcome outcome = RunTool(args);
    SCOPED_TRACE(absl::StrJoin(args, " "));
    EXPECT_EQ(outcome.exit_code, kExitUsage) << outcome.err;
    EXPECT_THAT(outcome.err, StartsWith("welfare: "));
    EXPECT_THAT(outcome.err, HasSubstr(c.message));
    EXPECT_THAT(outcome.err, HasSubstr("--help' for its usage"));
    EXPECT_EQ(outcome.out, "");
  }
}

TEST(AppTest, TheNationalIdIsReadFromStandardInputAndNeverEchoed) {
  const std::vector<std::string> args = {"member", "register", "f",
                                         "--full-name=นางสมศรี ใจดี", kNowhere};
  Outcome none = RunTool(args, "");
  EXPECT_EQ(none.exit_code, kExitUsage);
  EXPECT_THAT(none.err, HasSubstr("no national ID on standard input"));

  std::string wrong = testing::NationalIdFor(5);
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  Outcome typo = RunTool(args, wrong + "\n");
  EXPECT_EQ(typo.exit_code, kExitUsage);
  EXPECT_THAT(typo.err, HasSubstr("check digit is wrong"));
  EXPECT_THAT(typo.err, Not(HasSubstr(wrong)));
  EXPECT_THAT(typo.err, Not(HasSubstr(wrong.substr(0, 6))));
}

TEST(AppTest, CheckNationalIdWantsThirteenDigitsAndTheCheckDigit) {
  const std::string id = testing::NationalIdFor(12345);
  EXPECT_EQ(CheckNationalId(id).value_or(""), id);
  const std::string dashed =
      absl::StrCat(id.substr(0, 1), "-", id.substr(1, 4), "-", id.substr(5, 5),
                   "-", id.substr(10, 2), " ", id.substr(12));
  EXPECT_EQ(CheckNationalId(dashed).value_or(""), id);
  EXPECT_THAT(CheckNationalId(id.substr(1)).status().message(),
              HasSubstr("has 12 digits; want 13"));
  EXPECT_THAT(CheckNationalId("12345x7890123").status().message(),
              HasSubstr("only digits"));
}

TEST(AppTest, AnUnreachableServerExitsThree) {
  Outcome flag_last = RunTool({"health", "--deadline_ms=2000", kNowhere});
  EXPECT_EQ(flag_last.exit_code, kExitUnreachable);
  EXPECT_THAT(flag_last.err, HasSubstr("server 127.0.0.1:1: "));
  EXPECT_THAT(flag_last.err, HasSubstr("[UNAVAILABLE]"));
  Outcome flag_first = RunTool({"--server", "127.0.0.1:1", "health"});
  EXPECT_EQ(flag_first.exit_code, kExitUnreachable);
  Outcome from_env = RunTool({"health"}, "", "127.0.0.1:1");
  EXPECT_EQ(from_env.exit_code, kExitUnreachable);
  EXPECT_THAT(from_env.err, HasSubstr("server 127.0.0.1:1: "));
}

TEST(AppTest, AWriteWhoseOutcomeIsUnknownTellsHowToRepeatIt) {
  Outcome outcome =
      RunTool({"dues", "f", "--member=1", "--amount=30", "--from=2569-10",
               "--months=1", "--request-id=day-1:row-7", kNowhere});
  EXPECT_EQ(outcome.exit_code, kExitUnreachable);
  EXPECT_THAT(outcome.err, HasSubstr("--request-id=day-1:row-7"));
}

}  // namespace
}  // namespace welfare::cli
