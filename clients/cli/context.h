// Context: what every command runs with: the global options, the standard
// streams, the client (connected on first use), and the one place that
// turns outcomes into output and exit codes.
//
// Exit codes:
//   0  done
//   1  the server refused (INVALID_ARGUMENT, FAILED_PRECONDITION, NOT_FOUND,
//      ALREADY_EXISTS, ...): the message and reason say why
//   2  usage error: bad flags or arguments; nothing was sent
//   3  the server could not be reached (UNAVAILABLE, DEADLINE_EXCEEDED)
#ifndef WELFARE_CLIENTS_CLI_CONTEXT_H_
#define WELFARE_CLIENTS_CLI_CONTEXT_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/report.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"
#include "google/protobuf/message.h"

namespace welfare::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitRefused = 1,
  kExitUsage = 2,
  kExitUnreachable = 3,
};

struct GlobalOptions {
  std::string server = "127.0.0.1:7543";
  // The CA file and the bearer token (--ca_file, --token_file).
  client::Credentials credentials;
  OutputFormat output = OutputFormat::kTable;
  int64_t deadline_ms = 10000;
  format::Calendar calendar = format::Calendar::kBuddhistEra;
  format::Language language = format::Language::kThai;
};

// The process's standard streams; tests pass string streams.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  // Whether standard input is a terminal (then prompts are shown).
  bool in_is_terminal = false;
};

class Context {
 public:
  Context(GlobalOptions options, Io io);

  const GlobalOptions& options() const { return options_; }
  const Cells& cells() const { return cells_; }
  // Today in Thailand by this machine's clock, read once: a write's date
  // after it is refused before anything is sent (the server would refuse
  // it too, by its own clock).
  const welfare::ledger::v1::Date& today() const { return today_; }
  std::istream& in() { return io_.in; }
  std::ostream& out() { return io_.out; }
  std::ostream& err() { return io_.err; }

  // One line of standard input, without its line ending; when standard
  // input is a terminal, `prompt` is shown on standard error first. The
  // line is never echoed or logged by the tool. NOT_FOUND if standard
  // input has ended without a line.
  absl::StatusOr<std::string> ReadLine(absl::string_view prompt);

  // The client, connecting on first use. Connecting does not wait for the
  // server; a failure here is a usage error (a bad --server).
  absl::StatusOr<client::LedgerClient*> Client();

  // Prints "welfare: <message>" and a pointer to the command's help;
  // returns kExitUsage.
  int Usage(const absl::Status& status, absl::string_view command);

  // Prints FailureLine("welfare", ...) and returns kExitRefused or
  // kExitUnreachable.
  // For a write whose outcome is unknown, tells how to repeat it safely
  // with its request_id.
  int Failed(const absl::Status& status, absl::string_view request_id = "");

  // Prints the response: JSON of `response`, or `document` as a table or
  // CSV. Returns kExitOk.
  int Print(const google::protobuf::Message& response,
            const Document& document);

 private:
  GlobalOptions options_;
  Io io_;
  Cells cells_;
  welfare::ledger::v1::Date today_;
  std::unique_ptr<client::LedgerClient> client_;
};

// UNAVAILABLE or DEADLINE_EXCEEDED: the server was not reached in time.
bool IsUnreachable(const absl::Status& status);

// How a tool shows a failed call, the one place for both tools:
// "<tool>: <message> [<REASON>]\n", REASON the server's reason (the status
// code's name when it gave none), with "server <server>: " before the
// message when it was unreachable. The server's message is shown in
// `calendar` (format::RefusalInCalendar): its CE dates and years in BE.
std::string FailureLine(absl::string_view tool, const absl::Status& status,
                        absl::string_view server, format::Calendar calendar);

// Prints a message as protobuf JSON (camelCase names, indented).
std::string ToJson(const google::protobuf::Message& message);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_CONTEXT_H_
