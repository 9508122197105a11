// The `welfare` tool as a function, so that tests can run it in-process.
//
//   welfare [global flags] <command> [arguments] [flags]
//
// Global flags may stand anywhere on the line. See Run's help
// (`welfare --help`) for the commands.
#ifndef WELFARE_CLIENTS_CLI_APP_H_
#define WELFARE_CLIENTS_CLI_APP_H_

#include <string>
#include <vector>

#include "clients/cli/command.h"
#include "clients/cli/context.h"
#include "clients/connection.h"

namespace welfare::cli {

// Runs one command line (without the program name). `env_server` is the
// WELFARE_SERVER environment variable, or nullptr; `env_credentials` the
// variables of the CA file and the token (clients/connection.h). Returns
// the exit code (context.h); a token given on the command line, or a token
// file that cannot be read, is a usage error.
int Run(const std::vector<std::string>& args, Io io, const char* env_server,
        const client::CredentialsEnvironment& env_credentials = {});

// Every command, in the order help lists them.
const std::vector<Command>& AllCommands();

// The global flags every command takes.
const std::vector<FlagSpec>& GlobalFlags();

// Help texts (help.cc).
std::string OverviewHelp();
std::string GroupHelp(const std::string& group);
std::string CommandHelp(const Command& command);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_APP_H_
