// Help texts: `welfare-report --help` and `welfare-report <command> --help`.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "clients/format/width.h"
#include "clients/report/app.h"

namespace welfare::report {
namespace {

constexpr int kNameColumn = 26;
constexpr int kLineWidth = 79;

// Help texts break their own lines with '\n'; continuation lines are
// indented to `indent` columns.
std::string Indented(const std::string& text, int indent) {
  return absl::StrReplaceAll(
      text, {{"\n", absl::StrCat("\n", std::string(indent, ' '))}});
}

std::string FlagLines(const std::vector<cli::FlagSpec>& flags) {
  std::string text;
  for (const cli::FlagSpec& flag : flags) {
    const std::string name = absl::StrCat(
        "  --", flag.name, flag.value_name.empty() ? "" : "=", flag.value_name);
    const std::string help =
        absl::StrCat(flag.required ? "(required) " : "", flag.help);
    if (format::DisplayWidth(name) + 2 > kNameColumn) {
      absl::StrAppend(&text, name, "\n", std::string(kNameColumn, ' '));
    } else {
      text += format::PadRight(name, kNameColumn);
    }
    absl::StrAppend(&text, Indented(help, kNameColumn), "\n");
  }
  return text;
}

constexpr char kOverview[] =
    R"(welfare-report: the books of a community welfare fund (กองทุนสวัสดิการชุมชน)
for its committee, and the aggregates partner agencies ask for, read from a
welfared server.

Usage:
  welfare-report [global flags] <command> [flags]

Periods (reports of one fund):
  --fiscal-year=YEAR     a Thai fiscal year, 1 October to 30 September, named
                         by its end year. Type the year printed on Thai
                         documents (2569, Buddhist Era) or its CE year (2026):
                         a year from 2400 is taken as BE. 2569 = 2026 =
                         1 October 2025 to 30 September 2026.
  --month=YYYY-MM        one calendar month (2569-11 or 2026-11)
  --from=DATE --to=DATE  two dates, both included (2569-10-01 or 1/10/2569)
  --as-of=DATE           from the fund's founding to DATE
  (none)                 the current fiscal year

Outputs (--output): table for the terminal (Thai text lines up; baht with
thousands separators and two decimals; dates in the Buddhist Era unless
--calendar=gregorian); csv (one header record and the rows; amounts without
thousands separators); json (the server's response, protobuf JSON); html (one
self-contained page that prints on A4, with inline SVG charts for
status-form, benefits and committee-pack).

Exit codes: 0 done; 1 the server refused (the message and [REASON] say why);
2 usage error, nothing was sent; 3 the server could not be reached.

Commands:
)";

}  // namespace

std::string OverviewHelp() {
  std::string text = kOverview;
  for (const Command& command : AllCommands()) {
    absl::StrAppend(
        &text, format::PadRight(absl::StrCat("  ", command.name), kNameColumn),
        command.summary, "\n");
  }
  absl::StrAppend(&text, "\nGlobal flags (anywhere on the line):\n",
                  FlagLines(GlobalFlags()),
                  "\nRun 'welfare-report <command> --help' for a command's "
                  "flags and an example.\nMore: docs/REPORTS.md.\n");
  return text;
}

std::string CommandHelp(const Command& command) {
  std::string heading = absl::StrCat("welfare-report ", command.name, ":");
  // The summary goes on a line of its own when both do not fit on one.
  heading += format::DisplayWidth(heading) + 1 +
                         format::DisplayWidth(command.summary) >
                     kLineWidth
                 ? "\n  "
                 : " ";
  std::string text =
      absl::StrCat(heading, command.summary, "\n\nUsage:\n  welfare-report ",
                   command.name, command.needs_fund ? " --fund=ID" : "");
  for (const cli::FlagSpec& flag : command.flags) {
    if (flag.required) {
      absl::StrAppend(&text, " --", flag.name, "=", flag.value_name);
    }
  }
  absl::StrAppend(&text, " [flags]\n\n", command.description, "\n");
  if (!command.flags.empty()) {
    absl::StrAppend(&text, "\nFlags:\n", FlagLines(command.flags));
  }
  absl::StrAppend(&text, "\nGlobal flags:\n", FlagLines(GlobalFlags()),
                  "\nExample:\n  ", Indented(command.example, 2), "\n");
  return text;
}

}  // namespace welfare::report
