// Session: what a welfare-report command runs with — its options, the
// standard streams, the report client (connected on first use) — and the
// one place that turns outcomes into output and exit codes (the `welfare`
// tool's, clients/cli/context.h: 0 done, 1 refused, 2 usage error with
// nothing sent, 3 server unreachable).
#ifndef WELFARE_CLIENTS_REPORT_SESSION_H_
#define WELFARE_CLIENTS_REPORT_SESSION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/context.h"
#include "clients/cli/flags.h"
#include "clients/connection.h"
#include "clients/report/html.h"
#include "clients/report/report_client.h"
#include "clients/report/style.h"
#include "clients/report/views.h"
#include "google/protobuf/message.h"

namespace welfare::report {

struct Options {
  std::string server = "127.0.0.1:7543";
  // The CA file and the bearer token (--ca_file, --token_file).
  client::Credentials credentials;
  Output output = Output::kTable;
  int64_t deadline_ms = 10000;
  format::Calendar calendar = format::Calendar::kBuddhistEra;
  format::Language language = format::Language::kThai;
  // --fund without "funds/"; "" if not given.
  std::string fund_id;
};

// The global options from parsed flags (GlobalFlags() in app.h);
// `env_server` is $WELFARE_SERVER or nullptr, `env_credentials` the
// variables of the CA file and the token. INVALID_ARGUMENT, naming the
// flag and what was wanted, for any bad value; ReadToken's errors
// (clients/connection.h) for a token file that cannot be used. *warning is
// set to what the user should hear before the command runs ("" if
// nothing).
absl::StatusOr<Options> ReadOptions(
    const cli::ParsedFlags& flags, const char* env_server,
    const client::CredentialsEnvironment& env_credentials,
    std::string* warning);

class Session {
 public:
  // `channel`, if not null, is used instead of connecting to
  // options.server.
  Session(Options options, cli::Io io,
          std::shared_ptr<grpc::ChannelInterface> channel);

  const Options& options() const { return options_; }
  const Style& style() const { return style_; }
  std::ostream& out() { return io_.out; }
  std::ostream& err() { return io_.err; }

  // "funds/{fund_id}".
  std::string FundName() const { return "funds/" + options_.fund_id; }
  // Opens the channel to options.server, unless one was given, without
  // waiting for the server: OpenChannel (clients/connection.h), whose
  // errors (an unusable CA file) are usage errors.
  absl::Status Connect();
  // The client, over the channel; Connect() must have succeeded.
  ReportClient& Client();

  // Prints "welfare-report: <message>" and a pointer to the command's
  // help; returns kExitUsage.
  int Usage(const absl::Status& status, const std::string& command);
  // Prints cli::FailureLine("welfare-report", ...): the server's message
  // in the chosen calendar. Returns kExitRefused, or kExitUnreachable for
  // UNAVAILABLE and DEADLINE_EXCEEDED.
  int Failed(const absl::Status& status);
  // Prints the response as JSON, or `view` as text, CSV or an HTML page
  // with `charts`. Returns kExitOk.
  int Print(const google::protobuf::Message& response, const View& view,
            std::vector<Chart> charts = {});

 private:
  Options options_;
  cli::Io io_;
  Style style_;
  std::shared_ptr<grpc::ChannelInterface> channel_;
  std::unique_ptr<ReportClient> client_;
};

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_SESSION_H_
