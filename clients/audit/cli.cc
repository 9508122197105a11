#include "clients/audit/cli.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/audit/auditor.h"
#include "clients/audit/cli_internal.h"
#include "clients/audit/state_store.h"
#include "clients/cli/context.h"
#include "clients/cli/values.h"
#include "clients/connection.h"

namespace welfare::auditor {
namespace {

constexpr int64_t kDeadlineMsMax = 3600 * 1000;
constexpr int64_t kDeadlineMsDefault = 10000;
constexpr int64_t kSpotChecksMax = 10000;
constexpr int64_t kSpotChecksDefault = 16;
constexpr size_t kKeyFileBytesMax = 4096;

struct Settings {
  AuditOptions options;
  bool json = false;
};

bool IsHelp(const std::string& token) {
  return token == "--help" || token == "-h";
}

int Usage(CliIo& io, absl::string_view message, absl::string_view command) {
  io.err << "welfare-audit: " << message << "\nRun 'welfare-audit " << command
         << (command.empty() ? "" : " ") << "--help' for help.\n";
  return kExitUsage;
}

int CouldNotCheck(CliIo& io, absl::string_view message) {
  io.err << "welfare-audit: could not check: " << message << "\n";
  return kExitCouldNotCheck;
}

int ExitCodeOf(v1::Outcome outcome) {
  switch (outcome) {
    case v1::VERIFIED:
      return kExitVerified;
    case v1::FINDINGS:
      return kExitFindings;
    default:
      return kExitCouldNotCheck;
  }
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read the verifier key file ", path, ": ",
                     std::strerror(errno)));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (text.str().size() > kKeyFileBytesMax) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the verifier key file ", path, " is over ", kKeyFileBytesMax,
        " bytes; want the one-line key welfared --print_verifier_key prints"));
  }
  return text.str();
}

// The flags every command shares. INVALID_ARGUMENT for a usage error;
// *warning is set to what the user should hear before the run ("" if
// nothing).
absl::StatusOr<Settings> ReadSettings(
    const cli::ParsedFlags& flags, const char* env_server,
    const client::CredentialsEnvironment& env_credentials,
    std::string* warning) {
  Settings settings;
  client::ClientOptions& client = settings.options.client;
  if (flags.Has("server")) {
    client.target = flags.Get("server");
  } else if (env_server != nullptr && *env_server != '\0') {
    client.target = env_server;
  }
  if (flags.Has("output") && flags.Has("format")) {
    return absl::InvalidArgumentError(
        "--output and --format are the same flag; give one");
  }
  const std::string output =
      flags.Has("format") ? flags.Get("format") : flags.Get("output");
  if (output == "json") {
    settings.json = true;
  } else if (!output.empty() && output != "text") {
    return absl::InvalidArgumentError(
        absl::StrCat("--output: \"", output, "\"; want text or json"));
  }
  cli::FlagReader read(flags);
  client.deadline_ms =
      read.Integer("deadline-ms", 1, kDeadlineMsMax, kDeadlineMsDefault);
  if (!read.ok()) return read.status();
  settings.options.state_dir = flags.Get("state-dir");
  absl::StatusOr<client::Credentials> credentials = client::ReadCredentials(
      flags.Get("token-file"), flags.Get("ca-file"), env_credentials, warning);
  if (!credentials.ok()) return credentials.status();
  client.credentials = std::move(*credentials);
  return settings;
}

// Shows "fund: n of m entries (p%)" on standard error, rewriting the line.
void ShowProgress(std::ostream& err, const std::string& fund_id, uint64_t done,
                  uint64_t total) {
  const uint64_t percent = total == 0 ? 100 : done * 100 / total;
  err << "\rwelfare-audit: " << fund_id << ": " << CountText(done) << " of "
      << CountText(total) << " entries (" << percent << "%)"
      << (done == total ? "\n" : "") << std::flush;
}

// The auditor of the settings, with the key read from its file; or the
// exit code of the failure, written to io.err.
std::unique_ptr<Auditor> MakeAuditor(const cli::ParsedFlags& flags,
                                     Settings& settings, CliIo& io,
                                     int* exit_code) {
  absl::StatusOr<std::string> key = ReadKeyFile(flags.Get("verifier-key"));
  if (!key.ok()) {
    *exit_code = CouldNotCheck(io, key.status().message());
    return nullptr;
  }
  settings.options.verifier_key = *key;
  absl::StatusOr<std::unique_ptr<Auditor>> auditor =
      Auditor::Create(settings.options);
  if (!auditor.ok()) {
    *exit_code = CouldNotCheck(io, auditor.status().message());
    return nullptr;
  }
  return std::move(*auditor);
}

int RunVerify(const cli::ParsedFlags& flags, Settings settings, CliIo& io) {
  const std::vector<std::string> funds = flags.GetAll("fund");
  const bool all = flags.Has("all");
  if (funds.empty() == !all) {
    return Usage(io,
                 "give the funds to verify: --fund=ID (repeatable) or --all",
                 "verify");
  }
  for (const std::string& fund : funds) {
    if (!IsFundId(fund)) {
      return Usage(io,
                   absl::StrCat("--fund: \"", fund,
                                "\" is not a fund id (3..40 of a-z 0-9 -)"),
                   "verify");
    }
  }
  cli::FlagReader read(flags);
  settings.options.spot_checks = static_cast<uint32_t>(
      read.Integer("spot-checks", 0, kSpotChecksMax, kSpotChecksDefault));
  if (!read.ok()) return Usage(io, read.status().message(), "verify");
  if (io.err_is_terminal || flags.Has("progress")) {
    std::ostream* err = &io.err;
    settings.options.progress = [err](const std::string& fund_id, uint64_t done,
                                      uint64_t total) {
      ShowProgress(*err, fund_id, done, total);
    };
  }
  int exit_code = kExitCouldNotCheck;
  std::unique_ptr<Auditor> auditor =
      MakeAuditor(flags, settings, io, &exit_code);
  if (auditor == nullptr) return exit_code;
  v1::RunReport run;
  if (all) {
    absl::StatusOr<std::vector<std::string>> ids = auditor->ListFundIds();
    if (ids.ok()) {
      run = auditor->VerifyFunds(*ids);
    } else {
      run.set_outcome(v1::COULD_NOT_CHECK);
      run.set_error(
          absl::StrCat("listing the funds: ", ids.status().ToString()));
    }
  } else {
    run = auditor->VerifyFunds(funds);
  }
  io.out << (settings.json ? cli::ToJson(run) + "\n" : RunReportText(run))
         << std::flush;
  return ExitCodeOf(run.outcome());
}

int RunProve(const cli::ParsedFlags& flags, Settings settings, CliIo& io) {
  const std::string fund = flags.Get("fund");
  if (!IsFundId(fund)) {
    return Usage(io,
                 absl::StrCat("--fund: \"", fund,
                              "\" is not a fund id (3..40 of a-z 0-9 -)"),
                 "prove");
  }
  cli::FlagReader read(flags);
  const int64_t sequence = read.Integer("sequence", 1, INT64_MAX);
  if (!read.ok()) return Usage(io, read.status().message(), "prove");
  int exit_code = kExitCouldNotCheck;
  std::unique_ptr<Auditor> auditor =
      MakeAuditor(flags, settings, io, &exit_code);
  if (auditor == nullptr) return exit_code;
  const v1::InclusionReport report = auditor->ProveEntry(
      fund, static_cast<uint64_t>(sequence), flags.Has("fresh"));
  io.out << (settings.json ? cli::ToJson(report) + "\n"
                           : InclusionReportText(report))
         << std::flush;
  return ExitCodeOf(report.outcome());
}

}  // namespace

int RunAuditCli(const std::vector<std::string>& args, CliIo io,
                const char* env_server,
                const client::CredentialsEnvironment& env_credentials) {
  if (absl::Status refused = client::RefuseTokenArgument(args); !refused.ok()) {
    return Usage(io, refused.message(), "");
  }
  if (args.empty()) {
    io.err << AuditOverviewHelp();
    return kExitUsage;
  }
  const std::string& command = args[0];
  if (IsHelp(command) || command == "help") {
    if (args.size() > 1 && args[1] == "verify") {
      io.out << AuditVerifyHelp();
    } else if (args.size() > 1 && args[1] == "prove") {
      io.out << AuditProveHelp();
    } else {
      io.out << AuditOverviewHelp();
    }
    return kExitVerified;
  }
  const bool verify = command == "verify";
  if (!verify && command != "prove") {
    return Usage(
        io,
        absl::StrCat("unknown command '", command, "'; want verify or prove"),
        "");
  }
  const std::vector<std::string> tokens(args.begin() + 1, args.end());
  for (const std::string& token : tokens) {
    if (token == "--") break;
    if (IsHelp(token)) {
      io.out << (verify ? AuditVerifyHelp() : AuditProveHelp());
      return kExitVerified;
    }
  }
  std::vector<cli::FlagSpec> specs = verify ? VerifyFlags() : ProveFlags();
  specs.insert(specs.end(), CommonFlags().begin(), CommonFlags().end());
  absl::StatusOr<cli::ParsedFlags> flags = cli::ParseFlags(specs, tokens);
  if (!flags.ok()) return Usage(io, flags.status().message(), command);
  if (!flags->arguments().empty()) {
    return Usage(io,
                 absl::StrCat("'", flags->arguments()[0],
                              "' is not a flag; this command takes flags only"),
                 command);
  }
  std::string warning;
  absl::StatusOr<Settings> settings =
      ReadSettings(*flags, env_server, env_credentials, &warning);
  if (!settings.ok()) return Usage(io, settings.status().message(), command);
  if (!warning.empty()) io.err << "welfare-audit: warning: " << warning << "\n";
  return verify ? RunVerify(*flags, std::move(*settings), io)
                : RunProve(*flags, std::move(*settings), io);
}

}  // namespace welfare::auditor
