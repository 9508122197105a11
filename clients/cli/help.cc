// Help texts: `welfare --help`, `welfare <group> --help` and
// `welfare <command> --help`.
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/cli/app.h"
#include "clients/format/width.h"

namespace welfare::cli {
namespace {

constexpr int kLineWidth = 79;
constexpr int kNameColumn = 26;

// Wraps `text` at spaces to kLineWidth, every line starting with `indent`
// spaces, the first with `first_indent` (which the caller already wrote
// when it differs from `indent`). Paragraphs are separated by "\n\n";
// a single "\n" starts a new line.
std::string Wrap(const std::string& text, int indent, int first_indent) {
  std::string wrapped;
  int column = first_indent;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty()) {
      wrapped += "\n";
      continue;
    }
    if (column < 0) {
      wrapped += std::string(indent, ' ');
      column = indent;
    }
    bool line_start = true;
    for (absl::string_view word :
         absl::StrSplit(line, ' ', absl::SkipEmpty())) {
      const int width = format::DisplayWidth(word);
      if (!line_start && column + 1 + width > kLineWidth) {
        absl::StrAppend(&wrapped, "\n", std::string(indent, ' '));
        column = indent;
        line_start = true;
      }
      if (!line_start) {
        wrapped += " ";
        ++column;
      }
      absl::StrAppend(&wrapped, word);
      column += width;
      line_start = false;
    }
    wrapped += "\n";
    column = -1;
  }
  return wrapped;
}

std::string FlagName(const FlagSpec& flag) {
  return flag.value_name.empty()
             ? absl::StrCat("--", flag.name)
             : absl::StrCat("--", flag.name, "=", flag.value_name);
}

std::string FlagLines(const std::vector<FlagSpec>& flags) {
  std::string text;
  for (const FlagSpec& flag : flags) {
    std::string name = absl::StrCat("  ", FlagName(flag));
    std::string help = flag.help;
    if (flag.required) help = absl::StrCat("(required) ", help);
    if (flag.kind == FlagKind::kRepeated) help += " (repeatable)";
    if (static_cast<int>(name.size()) + 2 > kNameColumn) {
      absl::StrAppend(&text, name, "\n", std::string(kNameColumn, ' '));
    } else {
      absl::StrAppend(&text, format::PadRight(name, kNameColumn));
    }
    text += Wrap(help, kNameColumn, kNameColumn);
  }
  return text;
}

std::string UsageLine(const Command& command) {
  std::string line = absl::StrCat("welfare ", command.path);
  for (const ArgumentSpec& argument : command.arguments) {
    absl::StrAppend(&line, " <", argument.name, ">");
  }
  for (const FlagSpec& flag : command.flags) {
    if (flag.required) absl::StrAppend(&line, " ", FlagName(flag));
  }
  return absl::StrCat(line, " [flags]");
}

std::string CommandList(const std::string& group) {
  std::string text;
  for (const Command& command : AllCommands()) {
    if (!group.empty() && !absl::StartsWith(command.path, group + " ")) {
      continue;
    }
    const std::string name = absl::StrCat("  ", command.path);
    absl::StrAppend(&text, format::PadRight(name, kNameColumn));
    if (static_cast<int>(name.size()) >= kNameColumn) {
      absl::StrAppend(&text, "\n", std::string(kNameColumn, ' '));
    }
    text += Wrap(command.summary, kNameColumn, kNameColumn);
  }
  return text;
}

}  // namespace

std::string OverviewHelp() {
  return absl::StrCat(
      Wrap("welfare: the treasurer's tool for the books of a community "
           "welfare fund (กองทุนสวัสดิการชุมชน), kept by a welfared server.",
           0, 0),
      "\nUsage:\n  welfare [global flags] <command> [arguments] [flags]\n\n"
      "Commands:\n",
      CommandList(""), "\nGlobal flags (anywhere on the line):\n",
      FlagLines(GlobalFlags()), "\n",
      Wrap(
          "Amounts are baht: 30, 30.50 or 1,234.50. Dates are YYYY-MM-DD or "
          "DD/MM/YYYY; a year from 2400 is Buddhist Era (2569-10-01 is 1 "
          "October "
          "2026). Months are YYYY-MM or MM/YYYY.\n\n"
          "Exit codes: 0 done; 1 the server refused (the message and [REASON] "
          "say why); 2 usage error, nothing was sent; 3 the server could not "
          "be "
          "reached.\n\n"
          "Run 'welfare <command> --help' for a command's arguments, flags and "
          "an example.",
          0, 0));
}

std::string GroupHelp(const std::string& group) {
  return absl::StrCat("Commands of 'welfare ", group, "':\n",
                      CommandList(group), "\nRun 'welfare ", group,
                      " <command> --help' for one of them.\n");
}

std::string CommandHelp(const Command& command) {
  std::string text = absl::StrCat(
      Wrap(absl::StrCat("welfare ", command.path, ": ", command.summary), 2, 0),
      "\nUsage:\n  ", UsageLine(command), "\n\n",
      Wrap(command.description, 0, 0));
  if (!command.arguments.empty()) {
    text += "\nArguments:\n";
    for (const ArgumentSpec& argument : command.arguments) {
      absl::StrAppend(&text,
                      format::PadRight(absl::StrCat("  <", argument.name, ">"),
                                       kNameColumn),
                      Wrap(argument.help, kNameColumn, kNameColumn));
    }
  }
  if (!command.flags.empty()) {
    absl::StrAppend(&text, "\nFlags:\n", FlagLines(command.flags));
  }
  absl::StrAppend(&text, "\nGlobal flags:\n", FlagLines(GlobalFlags()),
                  "\nExample:\n");
  for (absl::string_view line : absl::StrSplit(command.example, '\n')) {
    absl::StrAppend(&text, "  ", line, "\n");
  }
  return text;
}

}  // namespace welfare::cli
