// welfare-audit, the auditor's command-line tool, as a function so that
// tests can run it in-process.
//
//   welfare-audit verify --verifier-key=FILE --state-dir=DIR
//                        (--fund=ID ... | --all) [flags]
//   welfare-audit prove --verifier-key=FILE --state-dir=DIR --fund=ID
//                       --sequence=N [flags]
//
// Flags are parsed as the `welfare` tool parses them (clients/cli/flags.h):
// '-' and '_' are the same in names, "--name=value" or "--name value".
//
// Exit codes (the `welfare` tool's where they overlap):
//   0  verified: everything was checked and nothing is wrong
//   1  findings: the server served something wrong (the output names it)
//   2  usage error: bad flags or arguments; nothing was checked
//   3  could not check: the server could not be reached, the key file or
//      state folder is unusable, ... (says nothing about the funds)
#ifndef WELFARE_CLIENTS_AUDIT_CLI_H_
#define WELFARE_CLIENTS_AUDIT_CLI_H_

#include <ostream>
#include <string>
#include <vector>

#include "clients/connection.h"

namespace welfare::auditor {

enum AuditExitCode : int {
  kExitVerified = 0,
  kExitFindings = 1,
  kExitUsage = 2,
  kExitCouldNotCheck = 3,
};

struct CliIo {
  std::ostream& out;
  std::ostream& err;
  // Whether standard error is a terminal (then progress is shown).
  bool err_is_terminal = false;
};

// Runs one command line (without the program name). `env_server` is the
// WELFARE_SERVER environment variable, or nullptr; `env_credentials` the
// variables of the CA file and the token (clients/connection.h). Returns
// the exit code; a token given on the command line, or a token file that
// cannot be read, is a usage error.
int RunAuditCli(const std::vector<std::string>& args, CliIo io,
                const char* env_server,
                const client::CredentialsEnvironment& env_credentials = {});

// Help texts (cli_help.cc).
std::string AuditOverviewHelp();
std::string AuditVerifyHelp();
std::string AuditProveHelp();

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_CLI_H_
