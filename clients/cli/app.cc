#include "clients/cli/app.h"

#include <fstream>
#include <ostream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/values.h"
#include "clients/connection.h"

namespace welfare::cli {
namespace {

constexpr int64_t kDeadlineMsMax = 3600 * 1000;

bool IsHelp(const std::string& token) {
  return token == "--help" || token == "-h";
}

// Whether a token asks for help before any "--".
bool AsksForHelp(const std::vector<std::string>& tokens) {
  for (const std::string& token : tokens) {
    if (token == "--") return false;
    if (IsHelp(token)) return true;
  }
  return false;
}

const Command* FindCommand(const std::string& path) {
  for (const Command& command : AllCommands()) {
    if (command.path == path) return &command;
  }
  return nullptr;
}

bool IsGroup(const std::string& word) {
  for (const Command& command : AllCommands()) {
    if (absl::StartsWith(command.path, word + " ")) return true;
  }
  return false;
}

// The global options; *warning is set to what the user should hear
// before the command runs ("" if nothing).
absl::StatusOr<GlobalOptions> ReadGlobals(
    const ParsedFlags& flags, const char* env_server,
    const client::CredentialsEnvironment& env_credentials,
    std::string* warning) {
  GlobalOptions options;
  if (flags.Has("server")) {
    options.server = flags.Get("server");
  } else if (env_server != nullptr && *env_server != '\0') {
    options.server = env_server;
  }
  const std::string output =
      flags.Has("output") ? flags.Get("output") : "table";
  if (output == "json") {
    options.output = OutputFormat::kJson;
  } else if (output == "csv") {
    options.output = OutputFormat::kCsv;
  } else if (output != "table") {
    return absl::InvalidArgumentError(
        absl::StrCat("--output: \"", output, "\"; want table, json or csv"));
  }
  const std::string calendar = flags.Get("calendar");
  if (calendar == "gregorian" || calendar == "ce") {
    options.calendar = format::Calendar::kGregorian;
  } else if (!calendar.empty() && calendar != "be") {
    return absl::InvalidArgumentError(absl::StrCat(
        "--calendar: \"", calendar, "\"; want be (Buddhist Era) or gregorian"));
  }
  const std::string language = flags.Get("language");
  if (language == "en") {
    options.language = format::Language::kEnglish;
  } else if (!language.empty() && language != "th") {
    return absl::InvalidArgumentError(
        absl::StrCat("--language: \"", language, "\"; want th or en"));
  }
  FlagReader read(flags);
  options.deadline_ms =
      read.Integer("deadline_ms", 1, kDeadlineMsMax, options.deadline_ms);
  if (!read.ok()) return read.status();
  absl::StatusOr<client::Credentials> credentials = client::ReadCredentials(
      flags.Get("token_file"), flags.Get("ca_file"), env_credentials, warning);
  if (!credentials.ok()) return credentials.status();
  options.credentials = std::move(*credentials);
  return options;
}

// How many tokens before the command words are global flags (and their
// values).
size_t LeadingFlagCount(const std::vector<std::string>& args) {
  size_t i = 0;
  while (i < args.size() && absl::StartsWith(args[i], "--") &&
         args[i] != "--" && !IsHelp(args[i])) {
    const std::string& token = args[i++];
    if (absl::StrContains(token, '=') || i == args.size()) continue;
    const std::string name = CanonicalFlagName(token.substr(2));
    for (const FlagSpec& spec : GlobalFlags()) {
      if (CanonicalFlagName(spec.name) == name) ++i;  // Its value.
    }
  }
  return i;
}

int RunCommand(const Command& command, std::vector<std::string> tokens, Io io,
               const char* env_server,
               const client::CredentialsEnvironment& env_credentials) {
  if (AsksForHelp(tokens)) {
    io.out << CommandHelp(command);
    return kExitOk;
  }
  auto parsed = ParseFlags(WithFlags(command.flags, GlobalFlags()), tokens);
  std::string warning;
  absl::StatusOr<GlobalOptions> globals =
      parsed.ok() ? ReadGlobals(*parsed, env_server, env_credentials, &warning)
                  : parsed.status();
  Context context(globals.value_or(GlobalOptions()), io);
  if (!globals.ok()) return context.Usage(globals.status(), command.path);
  if (!warning.empty()) io.err << "welfare: warning: " << warning << "\n";
  if (parsed->arguments().size() != command.arguments.size()) {
    std::vector<std::string> wanted;
    for (const ArgumentSpec& argument : command.arguments) {
      wanted.push_back(absl::StrCat("<", argument.name, ">"));
    }
    return context.Usage(
        absl::InvalidArgumentError(absl::StrCat(
            "'welfare ", command.path, "' takes ", command.arguments.size(),
            " argument(s)", wanted.empty() ? "" : ": ",
            absl::StrJoin(wanted, " "), "; got ", parsed->arguments().size())),
        command.path);
  }
  return command.run(context, *parsed);
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const auto* const commands = [] {
    auto* all = new std::vector<Command>();
    for (auto group :
         {FundCommands, MemberCommands, MoneyCommands, CollectionCommands,
          ImportCommands, JournalCommands, DocumentCommands, RulebookCommands,
          ClaimCommands, AccessCommands}) {
      for (Command& command : group()) all->push_back(std::move(command));
    }
    return all;
  }();
  return *commands;
}

const std::vector<FlagSpec>& GlobalFlags() {
  static const auto* const flags = new std::vector<FlagSpec>{
      {"server", "HOST:PORT",
       "the welfared server (default: $WELFARE_SERVER, else 127.0.0.1:7543)"},
      {"token_file", "PATH", client::kTokenFileFlagHelp},
      {"ca_file", "PATH", client::kCaFileFlagHelp},
      {"output", "FORMAT",
       "table (for people, the default), json (protobuf JSON of the "
       "response, for programs) or csv (for spreadsheets)"},
      {"deadline_ms", "MS",
       "how long each attempt of a call may take (default 10000)"},
      {"calendar", "CALENDAR",
       "be: dates as 15/06/2569 (Buddhist Era, the default); gregorian: "
       "2026-06-15"},
      {"language", "LANG", "th (the default) or en: words in tables and CSV"},
  };
  return *flags;
}

int Run(const std::vector<std::string>& args, Io io, const char* env_server,
        const client::CredentialsEnvironment& env_credentials) {
  if (absl::Status refused = client::RefuseTokenArgument(args); !refused.ok()) {
    io.err << "welfare: " << refused.message() << "\n";
    return kExitUsage;
  }
  const size_t leading = LeadingFlagCount(args);
  std::vector<std::string> tokens(args.begin(), args.begin() + leading);
  std::vector<std::string> words(args.begin() + leading, args.end());
  if (words.empty() || IsHelp(words[0]) || words[0] == "help") {
    const bool asked = !words.empty();
    if (words.size() > 1) {
      words.erase(words.begin());
      words.push_back("--help");
      return Run(words, io, env_server, env_credentials);
    }
    (asked ? io.out : io.err) << OverviewHelp();
    return asked ? kExitOk : kExitUsage;
  }
  const Command* command = nullptr;
  size_t used = 1;
  if (words.size() > 1) command = FindCommand(words[0] + " " + words[1]);
  if (command != nullptr) {
    used = 2;
  } else {
    command = FindCommand(words[0]);
  }
  if (command == nullptr) {
    if (IsGroup(words[0])) {
      const bool asked = words.size() > 1 && IsHelp(words[1]);
      if (!asked) {
        io.err << "welfare: "
               << (words.size() > 1
                       ? absl::StrCat("'", words[0], " ", words[1],
                                      "' is not a command")
                       : absl::StrCat("'", words[0], "' needs one more word"))
               << "; want one of these:\n\n";
      }
      (asked ? io.out : io.err) << GroupHelp(words[0]);
      return asked ? kExitOk : kExitUsage;
    }
    io.err << "welfare: unknown command '" << words[0]
           << "'. Run 'welfare --help' for the commands.\n";
    return kExitUsage;
  }
  tokens.insert(tokens.end(), words.begin() + used, words.end());
  return RunCommand(*command, std::move(tokens), io, env_server,
                    env_credentials);
}

// Shared by the command files (command.h).

FlagSpec RequestIdFlag() {
  return {"request-id", "ID",
          "idempotency key, 1..64 of A-Z a-z 0-9 . _ : - (default: a fresh "
          "random one). The same id with the same content is recorded once, "
          "so a command that could not reach the server can be repeated "
          "safely with it"};
}

std::vector<FlagSpec> PagingFlags() {
  return {
      {"page-size", "N", "items per page, 1..1000 (default 100)"},
      {"page-token", "TOKEN", "continue from the page this token names"},
      {"all", "", "follow every page to the end", FlagKind::kSwitch},
  };
}

std::vector<FlagSpec> WithFlags(std::vector<FlagSpec> flags,
                                const std::vector<FlagSpec>& more) {
  flags.insert(flags.end(), more.begin(), more.end());
  return flags;
}

std::string RequestIdOf(const ParsedFlags& flags) {
  return flags.Has("request-id") ? flags.Get("request-id")
                                 : client::LedgerClient::NewRequestId();
}

absl::StatusOr<std::string> ReadInputFile(Context& context,
                                          const std::string& path) {
  std::ifstream file;
  std::istream* in = &context.in();
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot open \"", path, "\""));
    }
    in = &file;
  }
  std::string text;
  char buffer[1 << 16];
  while (in->read(buffer, sizeof(buffer)) || in->gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in->gcount()));
    if (text.size() > kInputFileBytesMax) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", path, "\" is larger than ", kInputFileBytesMax >> 20, " MiB"));
    }
  }
  return text;
}

void NoteNextPage(Context& context, const std::string& next_page_token) {
  if (next_page_token.empty() ||
      context.options().output == OutputFormat::kJson) {
    return;
  }
  context.err() << "welfare: more on the next page: repeat with --page-token="
                << next_page_token << " (or --all for every page)\n";
}

}  // namespace welfare::cli
