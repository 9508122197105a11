#include "clients/report/session.h"

#include <ostream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/cli/values.h"

namespace welfare::report {
namespace {

constexpr int64_t kDeadlineMsMax = 3600 * 1000;
constexpr size_t kFundIdLengthMin = 3;
constexpr size_t kFundIdLengthMax = 40;

absl::Status Bad(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

// As funds.proto says: 3..40 of a-z, 0-9 and '-', starting with a letter.
bool IsFundId(absl::string_view id) {
  if (id.size() < kFundIdLengthMin || id.size() > kFundIdLengthMax ||
      !absl::ascii_islower(id[0])) {
    return false;
  }
  for (char c : id) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '-') {
      return false;
    }
  }
  return true;
}

absl::StatusOr<Output> ReadOutput(const std::string& text) {
  if (text.empty() || text == "table") return Output::kTable;
  if (text == "csv") return Output::kCsv;
  if (text == "json") return Output::kJson;
  if (text == "html") return Output::kHtml;
  return Bad(
      absl::StrCat("--output: \"", text, "\"; want table, csv, json or html"));
}

}  // namespace

absl::StatusOr<Options> ReadOptions(
    const cli::ParsedFlags& flags, const char* env_server,
    const client::CredentialsEnvironment& env_credentials,
    std::string* warning) {
  Options options;
  if (flags.Has("server")) {
    options.server = flags.Get("server");
  } else if (env_server != nullptr && *env_server != '\0') {
    options.server = env_server;
  }
  if (options.server.empty()) return Bad("--server: want HOST:PORT");
  absl::StatusOr<Output> output = ReadOutput(flags.Get("output"));
  if (!output.ok()) return output.status();
  options.output = *output;
  const std::string calendar = flags.Get("calendar");
  if (calendar == "gregorian" || calendar == "ce") {
    options.calendar = format::Calendar::kGregorian;
  } else if (!calendar.empty() && calendar != "be") {
    return Bad(absl::StrCat("--calendar: \"", calendar,
                            "\"; want be (Buddhist Era) or gregorian"));
  }
  if (flags.Has("lang") && flags.Has("language")) {
    return Bad("--lang and --language are the same flag; give one");
  }
  const std::string language =
      flags.Has("lang") ? flags.Get("lang") : flags.Get("language");
  if (language == "en") {
    options.language = format::Language::kEnglish;
  } else if (!language.empty() && language != "th") {
    return Bad(absl::StrCat("--lang: \"", language, "\"; want th or en"));
  }
  cli::FlagReader read(flags);
  options.deadline_ms =
      read.Integer("deadline_ms", 1, kDeadlineMsMax, options.deadline_ms);
  if (!read.ok()) return read.status();
  if (flags.Has("fund")) {
    const std::string typed = flags.Get("fund");
    absl::string_view fund = typed;
    absl::ConsumePrefix(&fund, "funds/");
    if (!IsFundId(fund)) {
      return Bad(absl::StrCat("--fund: \"", typed,
                              "\" is not a fund id; want 3..40 of a-z, 0-9 "
                              "and '-', starting with a letter, e.g. "
                              "ban-nong-khu"));
    }
    options.fund_id = std::string(fund);
  }
  absl::StatusOr<client::Credentials> credentials = client::ReadCredentials(
      flags.Get("token_file"), flags.Get("ca_file"), env_credentials, warning);
  if (!credentials.ok()) return credentials.status();
  options.credentials = std::move(*credentials);
  return options;
}

Session::Session(Options options, cli::Io io,
                 std::shared_ptr<grpc::ChannelInterface> channel)
    : options_(std::move(options)),
      io_(io),
      style_(options_.output, options_.calendar, options_.language),
      channel_(std::move(channel)) {}

absl::Status Session::Connect() {
  if (channel_ != nullptr) return absl::OkStatus();
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      client::OpenChannel(options_.server, options_.credentials);
  if (!channel.ok()) return channel.status();
  channel_ = std::move(*channel);
  return absl::OkStatus();
}

ReportClient& Session::Client() {
  if (client_ == nullptr) {
    client_ = std::make_unique<ReportClient>(
        channel_, ReportClientOptions{options_.deadline_ms});
  }
  return *client_;
}

int Session::Usage(const absl::Status& status, const std::string& command) {
  io_.err << "welfare-report: " << status.message() << "\n"
          << "Run 'welfare-report " << command << " --help' for its usage.\n";
  return cli::kExitUsage;
}

int Session::Failed(const absl::Status& status) {
  io_.err << cli::FailureLine("welfare-report", status, options_.server,
                              options_.calendar);
  return cli::IsUnreachable(status) ? cli::kExitUnreachable : cli::kExitRefused;
}

int Session::Print(const google::protobuf::Message& response, const View& view,
                   std::vector<Chart> charts) {
  switch (options_.output) {
    case Output::kJson:
      io_.out << cli::ToJson(response) << "\n";
      break;
    case Output::kHtml:
      io_.out << RenderHtml(
          style_, {view.title, view.subtitle, {view}, std::move(charts)});
      break;
    default:
      io_.out << RenderText(view, options_.output);
  }
  io_.out << std::flush;
  return cli::kExitOk;
}

}  // namespace welfare::report
