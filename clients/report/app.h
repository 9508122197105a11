// The `welfare-report` tool as a function, so that tests can run it
// in-process with string streams and a channel of their own.
//
//   welfare-report [global flags] <command> [flags]
//
// Flags may stand anywhere on the line. `welfare-report --help` lists the
// commands; `welfare-report <command> --help` teaches one. Exit codes are
// the `welfare` tool's (clients/cli/context.h); every bad flag is a usage
// error (exit 2) found before anything is sent.
#ifndef WELFARE_CLIENTS_REPORT_APP_H_
#define WELFARE_CLIENTS_REPORT_APP_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "clients/cli/context.h"
#include "clients/cli/flags.h"
#include "clients/connection.h"
#include "clients/report/session.h"
#include "grpcpp/grpcpp.h"

namespace welfare::report {

struct Environment {
  // $WELFARE_SERVER, or nullptr: the server when --server is not given.
  const char* env_server = nullptr;
  // $WELFARE_TOKEN_FILE, $WELFARE_TOKEN and $WELFARE_CA_FILE: the token
  // and the CA when --token_file and --ca_file are not given.
  client::CredentialsEnvironment credentials;
  // If not null, every call goes over this channel (tests); --server is
  // then checked but not dialled.
  std::shared_ptr<grpc::ChannelInterface> channel;
};

// Runs one command line (without the program name); returns the exit code.
// A token given on the command line, or a token file that cannot be read,
// is a usage error.
int Run(const std::vector<std::string>& args, cli::Io io,
        const Environment& environment);

struct Command {
  std::string name;
  // One line, and paragraphs ('\n' breaks lines) of what it shows.
  std::string summary;
  std::string description;
  // The command's own flags (the global ones come on top).
  std::vector<cli::FlagSpec> flags;
  // Example command lines, one per line.
  std::string example;
  // Whether --fund must be given.
  bool needs_fund = true;
  // Runs with parsed flags and checked options; returns an exit code.
  std::function<int(Session&, const cli::ParsedFlags&)> run;
};

// Every command, in the order help lists them (commands.cc).
const std::vector<Command>& AllCommands();
// The flags every command takes.
const std::vector<cli::FlagSpec>& GlobalFlags();

// Help texts (help.cc).
std::string OverviewHelp();
std::string CommandHelp(const Command& command);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_APP_H_
