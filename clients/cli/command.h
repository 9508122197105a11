// A command of the `welfare` tool: its words, help and runner. Each command
// group's file defines its commands; app.cc finds and runs them.
#ifndef WELFARE_CLIENTS_CLI_COMMAND_H_
#define WELFARE_CLIENTS_CLI_COMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/context.h"
#include "clients/cli/flags.h"

namespace welfare::cli {

struct ArgumentSpec {
  std::string name;  // shown as <name>
  std::string help;
};

struct Command {
  // The words that name it: "dues", "fund create".
  std::string path;
  // One line: what it does.
  std::string summary;
  // Paragraphs of help: what it does and what to know.
  std::string description;
  // Every argument is required, in order.
  std::vector<ArgumentSpec> arguments;
  std::vector<FlagSpec> flags;
  // Example command lines, one per line.
  std::string example;
  // Runs with parsed flags (arguments already counted); returns an exit
  // code (context.h).
  std::function<int(Context&, const ParsedFlags&)> run;
};

// The commands of each group (fund_commands.cc, member_commands.cc,
// money_commands.cc, collection_commands.cc, import_commands.cc,
// journal_commands.cc, document_commands.cc, rulebook_commands.cc,
// claim_commands.cc, access_commands.cc).
std::vector<Command> AccessCommands();
std::vector<Command> FundCommands();
std::vector<Command> MemberCommands();
std::vector<Command> MoneyCommands();
std::vector<Command> CollectionCommands();
std::vector<Command> ImportCommands();
std::vector<Command> JournalCommands();
std::vector<Command> DocumentCommands();
std::vector<Command> RulebookCommands();
std::vector<Command> ClaimCommands();

// Flags several commands share.
FlagSpec RequestIdFlag();
// --page-size, --page-token and --all.
std::vector<FlagSpec> PagingFlags();
// `flags` followed by `more`.
std::vector<FlagSpec> WithFlags(std::vector<FlagSpec> flags,
                                const std::vector<FlagSpec>& more);

// The request id of a write: --request-id, or a fresh random one.
std::string RequestIdOf(const ParsedFlags& flags);

// Runs a list call: with --page-size and --page-token set on the request
// already; with --all, follows next_page_token to the end and returns every
// item in one response (next_page_token empty). Response is a List*Response
// with a next_page_token field.
inline constexpr int kPagesMax = 100000;

template <typename Request, typename Response>
absl::StatusOr<Response> FetchPages(
    Request request, bool all,
    const std::function<absl::StatusOr<Response>(const Request&)>& call) {
  Response merged;
  for (int page = 1;; ++page) {
    absl::StatusOr<Response> response = call(request);
    if (!response.ok()) return response.status();
    const std::string next = response->next_page_token();
    merged.MergeFrom(*response);
    merged.set_next_page_token(next);
    if (!all || next.empty()) return merged;
    if (page >= kPagesMax || next == request.page_token()) {
      return absl::InternalError("the server's page tokens do not end");
    }
    request.set_page_token(next);
  }
}

// Connects, makes the call and prints its response with view(cells,
// response), or the error; returns the exit code. `request_id` is the
// write's (printed when its outcome is unknown), "" for reads.
template <typename Call, typename View>
int CallAndPrint(Context& context, const std::string& command,
                 const std::string& request_id, Call call, View view) {
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), command);
  auto response = call(**client);
  if (!response.ok()) return context.Failed(response.status(), request_id);
  return context.Print(*response, view(context.cells(), *response));
}

// The whole of a file ("-": standard input), at most kInputFileBytesMax;
// INVALID_ARGUMENT naming the path if it cannot be read or is larger.
inline constexpr size_t kInputFileBytesMax = 64 << 20;
absl::StatusOr<std::string> ReadInputFile(Context& context,
                                          const std::string& path);

// Tells on standard error how to get the next page, if there is one.
void NoteNextPage(Context& context, const std::string& next_page_token);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_COMMAND_H_
