// The journal: welfare batch, reverse, entry get|list, balances, health.
#include <iterator>
#include <limits>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/health/v1/health.pb.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int64_t kMemberNumberMax = std::numeric_limits<int32_t>::max();
constexpr int64_t kSequenceMax = std::numeric_limits<int64_t>::max();

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};
const ArgumentSpec kSequenceArgument = {
    "sequence", "the entry's sequence number in the fund's journal"};

std::string EntryName(FlagReader& read) {
  const std::string fund_id = read.FundArgument(0);
  const int64_t sequence = read.NumberArgument(1, "sequence", kSequenceMax);
  return absl::StrCat("funds/", fund_id, "/entries/", sequence);
}

absl::StatusOr<v1::PostBatchRequest> ReadBatch(Context& context,
                                               const std::string& path,
                                               const std::string& fund_name) {
  absl::StatusOr<std::string> json = ReadInputFile(context, path);
  if (!json.ok()) return json.status();
  v1::PostBatchRequest request;
  const auto parsed =
      google::protobuf::util::JsonStringToMessage(*json, &request);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", path, "\" is not a PostBatchRequest in protobuf ",
                     "JSON: ", std::string(parsed.message())));
  }
  if (!request.parent().empty() && request.parent() != fund_name) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", path, "\" is for ", request.parent(), ", not for ", fund_name));
  }
  if (request.items_size() == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", path, "\" has no items; want {\"items\": [...]}"));
  }
  request.set_parent(fund_name);
  return request;
}

int Batch(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  const std::string fund_name = absl::StrCat("funds/", read.FundArgument(0));
  if (!read.ok()) return context.Usage(read.status(), "batch");
  auto request = ReadBatch(context, flags.arguments()[1], fund_name);
  if (!request.ok()) return context.Usage(request.status(), "batch");
  if (flags.Has("request-id") && !request->request_id().empty() &&
      request->request_id() != flags.Get("request-id")) {
    return context.Usage(
        absl::InvalidArgumentError(
            "--request-id differs from the file's request_id; give one"),
        "batch");
  }
  if (request->request_id().empty())
    request->set_request_id(RequestIdOf(flags));
  return CallAndPrint(
      context, "batch", request->request_id(),
      [&](client::LedgerClient& client) { return client.PostBatch(*request); },
      BatchView);
}

int Reverse(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ReverseEntryRequest request;
  request.set_name(EntryName(read));
  request.set_request_id(RequestIdOf(flags));
  request.set_reason(read.Text("reason"));
  read.DateUpToInto("date", context.today(), request.mutable_effective_date());
  request.set_source_document(read.Text("document"));
  if (!read.ok()) return context.Usage(read.status(), "reverse");
  return CallAndPrint(
      context, "reverse", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.ReverseEntry(request);
      },
      EntryView);
}

int GetEntry(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::GetEntryRequest request;
  request.set_name(EntryName(read));
  if (!read.ok()) return context.Usage(read.status(), "entry get");
  return CallAndPrint(
      context, "entry get", "",
      [&](client::LedgerClient& client) { return client.GetEntry(request); },
      EntryView);
}

int ListEntries(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListEntriesRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  read.DateInto("from", request.mutable_start_date());
  read.DateInto("to", request.mutable_end_date());
  request.set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  request.set_kind(
      static_cast<v1::EntryKind>(read.Enum("kind", format::EntryKindLabels())));
  request.set_page_size(
      static_cast<int32_t>(read.Integer("page-size", 1, 1000)));
  request.set_page_token(read.Text("page-token"));
  if (!read.ok()) return context.Usage(read.status(), "entry list");
  return CallAndPrint(
      context, "entry list", "",
      [&](client::LedgerClient& client) {
        return FetchPages<v1::ListEntriesRequest, v1::ListEntriesResponse>(
            request, flags.Has("all"), [&](const v1::ListEntriesRequest& page) {
              return client.ListEntries(page);
            });
      },
      [&](const Cells& cells, const v1::ListEntriesResponse& entries) {
        NoteNextPage(context, entries.next_page_token());
        return EntryListView(cells, entries);
      });
}

int Balances(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::GetBalancesRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  read.DateInto("as-of", request.mutable_as_of_date());
  if (!read.ok()) return context.Usage(read.status(), "balances");
  const bool with_zero = flags.Has("zero");
  return CallAndPrint(
      context, "balances", "",
      [&](client::LedgerClient& client) { return client.GetBalances(request); },
      [&](const Cells& cells, const v1::GetBalancesResponse& balances) {
        return BalancesView(cells, balances, with_zero);
      });
}

int Health(Context& context, const ParsedFlags& flags) {
  return CallAndPrint(
      context, "health", "",
      [&](client::LedgerClient& client)
          -> absl::StatusOr<grpc::health::v1::HealthCheckResponse> {
        absl::Status status = client.CheckHealth();
        if (!status.ok()) return status;
        grpc::health::v1::HealthCheckResponse response;
        response.set_status(grpc::health::v1::HealthCheckResponse::SERVING);
        return response;
      },
      [&](const Cells& cells, const grpc::health::v1::HealthCheckResponse&) {
        Report report;
        report.record = true;
        report.columns = {cells.Text("เซิร์ฟเวอร์", "Server"),
                          cells.Text("สถานะ", "Status")};
        report.rows.push_back({context.options().server, "SERVING"});
        return Document{{report}};
      });
}

}  // namespace

std::vector<Command> JournalCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "batch",
      "post many contributions, disbursements and transactions at once",
      "Posts the items of a JSON file, all or nothing and in order, as "
      "entries first, first + 1, ... The file is a "
      "welfare.ledger.v1.PostBatchRequest in protobuf JSON: {\"items\": "
      "[{\"contribution\": {...}}, {\"disbursement\": {...}}, "
      "{\"transaction\": {...}}]}, with amounts in satang (amountSatang: "
      "\"36500\" is 365 baht) and dates as {\"year\": 2026, \"month\": 6, "
      "\"day\": 1} (CE). Up to 2,000 items; a bad item rejects the whole "
      "batch and the message names it (items[3]: ...). A requestId in the "
      "file is used for retries.",
      {kFundArgument, {"file", "the JSON file; - for standard input"}},
      {RequestIdFlag()},
      "welfare batch ban-nong-khu collection-day-2569-06.json",
      Batch,
  });
  commands.push_back({
      "reverse",
      "reverse a money entry with a new entry on the other side",
      "Corrects a mistake: a new entry with every posting of the given "
      "contribution, disbursement or transaction on the other side. Dues "
      "months it covered become unpaid. Nothing is ever deleted.",
      {kFundArgument, kSequenceArgument},
      {
          {"reason", "TEXT", "why, 1..500 characters", FlagKind::kValue, true},
          {"date", "DATE", "the reversal's business date (default: today)"},
          {"document", "NUMBER", "the source document's number"},
          RequestIdFlag(),
      },
      "welfare reverse ban-nong-khu 42 --reason=\"ลงผิดคน\"",
      Reverse,
  });
  commands.push_back({
      "entry get",
      "show one journal entry and its postings",
      "Shows an entry of a fund's journal: what it records, its postings, "
      "who recorded it and when, and its hash.",
      {kFundArgument, kSequenceArgument},
      {},
      "welfare entry get ban-nong-khu 42",
      GetEntry,
  });
  commands.push_back({
      "entry list",
      "list journal entries, optionally by date, member or kind",
      "Lists a fund's entries in sequence order, a page at a time.",
      {kFundArgument},
      WithFlags(
          {
              {"from", "DATE", "only entries effective on or after this date"},
              {"to", "DATE", "only entries effective on or before this date"},
              {"member", "N", "only entries concerning this member"},
              {"kind", "KIND",
               absl::StrCat(
                   "only entries of this kind: ",
                   format::TokenList(format::EntryKindLabels(), ", "))},
          },
          PagingFlags()),
      "welfare entry list ban-nong-khu --from=2568-10-01 --to=2569-09-30 "
      "--kind=disbursement --all",
      ListEntries,
  });
  commands.push_back({
      "balances",
      "show the trial balance (งบทดลอง) of a fund",
      "Shows every account with a balance, in debit and credit columns, "
      "and their totals, which are equal for a sound journal. Without "
      "--as-of, every entry recorded so far counts; with it, the entries "
      "effective on or before that date.",
      {kFundArgument},
      {
          {"as-of", "DATE", "balances at the end of this date"},
          {"zero", "", "also list accounts whose balance is zero",
           FlagKind::kSwitch},
      },
      "welfare balances ban-nong-khu --as-of=2569-09-30",
      Balances,
  });
  commands.push_back({
      "health",
      "check that the server is up and serving",
      "Asks the server's health check. Exits 0 when it is serving, 3 when it "
      "cannot be reached or is not serving.",
      {},
      {},
      "welfare health --server=127.0.0.1:7543",
      Health,
  });
  return commands;
}

}  // namespace welfare::cli
