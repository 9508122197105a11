#include "clients/report/app.h"

#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace welfare::report {
namespace {

bool IsHelp(const std::string& token) {
  return token == "--help" || token == "-h";
}

// Whether `token` is "--name" (no '=') of a value flag of any command or
// of the globals, so that the next token is its value.
bool TakesNextToken(const std::string& token) {
  if (!absl::StartsWith(token, "--") || absl::StrContains(token, '=')) {
    return false;
  }
  const std::string name = cli::CanonicalFlagName(token.substr(2));
  auto matches = [&](const std::vector<cli::FlagSpec>& specs) {
    for (const cli::FlagSpec& spec : specs) {
      if (cli::CanonicalFlagName(spec.name) == name &&
          spec.kind != cli::FlagKind::kSwitch) {
        return true;
      }
    }
    return false;
  };
  if (matches(GlobalFlags())) return true;
  for (const Command& command : AllCommands()) {
    if (matches(command.flags)) return true;
  }
  return false;
}

// The index of the command word: the first token that is neither a flag
// nor a flag's value; args.size() if none.
size_t CommandIndex(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") return i + 1;
    if (!absl::StartsWith(args[i], "-")) return i;
    if (TakesNextToken(args[i]) && i + 1 < args.size() &&
        !absl::StartsWith(args[i + 1], "--")) {
      ++i;
    }
  }
  return args.size();
}

const Command* FindCommand(const std::string& name) {
  for (const Command& command : AllCommands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

bool AsksForHelp(const std::vector<std::string>& tokens) {
  for (const std::string& token : tokens) {
    if (token == "--") return false;
    if (IsHelp(token)) return true;
  }
  return false;
}

int RunCommand(const Command& command, const std::vector<std::string>& tokens,
               cli::Io io, const Environment& environment) {
  if (AsksForHelp(tokens)) {
    io.out << CommandHelp(command);
    return cli::kExitOk;
  }
  std::vector<cli::FlagSpec> specs = command.flags;
  specs.insert(specs.end(), GlobalFlags().begin(), GlobalFlags().end());
  auto parsed = cli::ParseFlags(specs, tokens);
  std::string warning;
  absl::StatusOr<Options> options =
      parsed.ok() ? ReadOptions(*parsed, environment.env_server,
                                environment.credentials, &warning)
                  : absl::StatusOr<Options>(parsed.status());
  Session session(options.value_or(Options()), io, environment.channel);
  if (!options.ok()) return session.Usage(options.status(), command.name);
  if (!parsed->arguments().empty()) {
    return session.Usage(absl::InvalidArgumentError(absl::StrCat(
                             "'", parsed->arguments().front(),
                             "' is not a flag; 'welfare-report ", command.name,
                             "' takes flags only, e.g. --fund=ban-nong-khu")),
                         command.name);
  }
  if (command.needs_fund && options->fund_id.empty()) {
    return session.Usage(
        absl::InvalidArgumentError("missing --fund=ID: the fund to report "
                                   "on, e.g. --fund=ban-nong-khu"),
        command.name);
  }
  if (absl::Status connected = session.Connect(); !connected.ok()) {
    return session.Usage(connected, command.name);
  }
  if (!warning.empty())
    io.err << "welfare-report: warning: " << warning << "\n";
  return command.run(session, *parsed);
}

}  // namespace

const std::vector<cli::FlagSpec>& GlobalFlags() {
  static const auto* const flags = new std::vector<cli::FlagSpec>{
      {"fund", "ID",
       "the fund, e.g. ban-nong-khu (every command but\n"
       "area-status)"},
      {"server", "HOST:PORT",
       "the welfared server (default: $WELFARE_SERVER,\nelse 127.0.0.1:7543)"},
      {"token_file", "PATH",
       "the file whose first line is your access\ntoken, readable by you alone "
       "(chmod 600);\ndefault: $WELFARE_TOKEN_FILE, else the token in\n"
       "$WELFARE_TOKEN. Never the token itself on the\ncommand line"},
      {"ca_file", "PATH",
       "PEM certificate of the CA that signed the\nserver's certificate: "
       "connect with TLS\n(default: $WELFARE_CA_FILE; none: plaintext,\n"
       "which the server allows on loopback only)"},
      {"output", "FORMAT",
       "table (the default), csv (for spreadsheets),\njson (protobuf JSON of "
       "the response) or html\n(one self-contained page to print on A4)"},
      {"calendar", "CALENDAR",
       "be: dates as 15/06/2569 (Buddhist Era, the\ndefault); gregorian: "
       "2026-06-15"},
      {"lang", "LANG", "th (the default) or en: words and labels"},
      {"language", "LANG", "the same as --lang"},
      {"deadline_ms", "MS", "how long each call may take (default 10000)"},
  };
  return *flags;
}

int Run(const std::vector<std::string>& args, cli::Io io,
        const Environment& environment) {
  if (absl::Status refused = client::RefuseTokenArgument(args); !refused.ok()) {
    io.err << "welfare-report: " << refused.message() << "\n";
    return cli::kExitUsage;
  }
  const size_t index = CommandIndex(args);
  if (index >= args.size()) {
    const bool asked = AsksForHelp(args);
    (asked ? io.out : io.err) << OverviewHelp();
    return asked ? cli::kExitOk : cli::kExitUsage;
  }
  std::vector<std::string> tokens(args.begin(), args.begin() + index);
  if (index > 0 && args[index - 1] == "--") tokens.pop_back();
  std::string word = args[index];
  std::vector<std::string> rest(args.begin() + index + 1, args.end());
  if (word == "help") {
    if (rest.empty()) {
      io.out << OverviewHelp();
      return cli::kExitOk;
    }
    word = rest.front();
    rest = {"--help"};
  }
  const Command* command = FindCommand(word);
  if (command == nullptr) {
    io.err << "welfare-report: unknown command '" << word
           << "'. Run 'welfare-report --help' for the commands.\n";
    return cli::kExitUsage;
  }
  tokens.insert(tokens.end(), rest.begin(), rest.end());
  return RunCommand(*command, tokens, io, environment);
}

}  // namespace welfare::report
