#include "clients/cli/context.h"

#include <istream>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "clients/format/refusals.h"
#include "clients/status.h"
#include "google/protobuf/util/json_util.h"

namespace welfare::cli {

Context::Context(GlobalOptions options, Io io)
    : options_(std::move(options)),
      io_(io),
      cells_(options_.output, options_.calendar, options_.language),
      today_(format::ThaiToday(absl::Now())) {}

absl::StatusOr<std::string> Context::ReadLine(absl::string_view prompt) {
  if (io_.in_is_terminal) io_.err << prompt << std::flush;
  std::string line;
  if (!std::getline(io_.in, line) && line.empty()) {
    return absl::NotFoundError("standard input ended");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

absl::StatusOr<client::LedgerClient*> Context::Client() {
  if (client_ == nullptr) {
    client::ClientOptions options;
    options.target = options_.server;
    options.credentials = options_.credentials;
    options.deadline_ms = options_.deadline_ms;
    auto connected = client::LedgerClient::Connect(options);
    if (!connected.ok()) return connected.status();
    client_ = std::move(*connected);
  }
  return client_.get();
}

int Context::Usage(const absl::Status& status, absl::string_view command) {
  io_.err << "welfare: " << status.message() << "\n"
          << "Run 'welfare " << command << " --help' for its usage.\n";
  return kExitUsage;
}

bool IsUnreachable(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable ||
         status.code() == absl::StatusCode::kDeadlineExceeded;
}

std::string FailureLine(absl::string_view tool, const absl::Status& status,
                        absl::string_view server, format::Calendar calendar) {
  std::string reason = client::ErrorReason(status);
  if (reason.empty()) reason = absl::StatusCodeToString(status.code());
  return absl::StrCat(
      tool, ": ",
      IsUnreachable(status) ? absl::StrCat("server ", server, ": ") : "",
      format::RefusalInCalendar(status.message(), calendar), " [", reason,
      "]\n");
}

int Context::Failed(const absl::Status& status, absl::string_view request_id) {
  io_.err << FailureLine("welfare", status, options_.server, options_.calendar);
  if (!IsUnreachable(status)) return kExitRefused;
  if (!request_id.empty()) {
    io_.err << "welfare: the write may or may not have been recorded. Repeat "
               "the same command with --request-id="
            << request_id << ": it is recorded at most once.\n";
  }
  return kExitUnreachable;
}

int Context::Print(const google::protobuf::Message& response,
                   const Document& document) {
  if (options_.output == OutputFormat::kJson) {
    io_.out << ToJson(response) << "\n";
  } else {
    io_.out << Render(document, options_.output);
  }
  io_.out << std::flush;
  return kExitOk;
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  // Printing a valid message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  while (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

}  // namespace welfare::cli
