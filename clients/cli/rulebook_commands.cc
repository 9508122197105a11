// A fund's rulebooks (ระเบียบกองทุน): welfare rulebook adopt|show|list.
#include <openssl/sha.h>

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/claim_views.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "google/protobuf/util/json_util.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};

// "rb-" and 40 hex digits of SHA-256 over the fund and the file: adopting
// the same file again is recorded once.
std::string AdoptRequestId(const std::string& fund_id,
                           const std::string& content) {
  const std::string text = absl::StrCat(fund_id, "\nrulebook\n", content);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(),
         digest);
  return absl::StrCat("rb-", absl::BytesToHexString(absl::string_view(
                                 reinterpret_cast<const char*>(digest), 20)));
}

// The rulebook as one writes it: without the fields the server fills in.
v1::Rulebook AsWritten(v1::Rulebook rulebook) {
  rulebook.clear_name();
  rulebook.clear_sequence();
  rulebook.clear_principal();
  rulebook.clear_adopt_time();
  rulebook.clear_superseded_date();
  return rulebook;
}

int Adopt(Context& context, const ParsedFlags& flags) {
  const std::string command = "rulebook adopt";
  FlagReader read(flags);
  const std::string fund_id = read.FundArgument(0);
  if (!read.ok()) return context.Usage(read.status(), command);
  const std::string path = flags.arguments()[1];
  absl::StatusOr<std::string> text = ReadInputFile(context, path);
  if (!text.ok()) return context.Usage(text.status(), command);
  v1::AdoptRulebookRequest request;
  request.set_parent(absl::StrCat("funds/", fund_id));
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      *text, request.mutable_rulebook());
  if (!parsed.ok()) {
    return context.Usage(
        absl::InvalidArgumentError(
            absl::StrCat("\"", path, "\" is not a rulebook in protobuf JSON: ",
                         std::string(parsed.message()))),
        command);
  }
  request.set_request_id(flags.Has("request-id")
                             ? flags.Get("request-id")
                             : AdoptRequestId(fund_id, *text));
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) {
        return client.AdoptRulebook(request);
      },
      RulebookView);
}

int Show(Context& context, const ParsedFlags& flags) {
  const std::string command = "rulebook show";
  FlagReader read(flags);
  v1::GetRulebookRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  read.DateInto("date", request.mutable_on_date());
  if (!read.ok()) return context.Usage(read.status(), command);
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), command);
  absl::StatusOr<v1::Rulebook> rulebook = (*client)->GetRulebook(request);
  if (!rulebook.ok()) return context.Failed(rulebook.status());
  if (flags.Has("json")) {
    context.out() << ToJson(AsWritten(*rulebook)) << "\n";
    return kExitOk;
  }
  return context.Print(*rulebook, RulebookView(context.cells(), *rulebook));
}

int List(Context& context, const ParsedFlags& flags) {
  const std::string command = "rulebook list";
  FlagReader read(flags);
  v1::ListRulebooksRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  if (!read.ok()) return context.Usage(read.status(), command);
  return CallAndPrint(
      context, command, "",
      [&](client::LedgerClient& client) {
        return client.ListRulebooks(request);
      },
      RulebookListView);
}

}  // namespace

std::vector<Command> RulebookCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "rulebook adopt",
      "adopt a new version of the fund's rulebook (ระเบียบ) from a JSON file",
      "Records a rulebook the general meeting adopted: its resolution, the "
      "date it takes effect, the dues plan, and one rule per benefit (the "
      "CODI category and, if any, the fund's sub-type; the waiting days; the "
      "amount per event, per night or by years of membership or of dues "
      "paid (\"tierBasis\": \"TIER_BASIS_CONTRIBUTION\"); the caps per stay "
      "and per fiscal year; ages (\"minAgeYears\", \"maxAgeYears\", from "
      "the birth date in the member's profile) and sex (\"sex\": "
      "\"SEX_FEMALE\"); who is paid). Claims are evaluated against "
      "the rulebook in force on their event date. Nothing is ever changed: a "
      "correction is a new version, in force from its date.\n\n"
      "FILE (- for standard input) is a Rulebook message in protobuf JSON. "
      "Amounts are in satang (20000 is 200 baht), dates are "
      "{\"year\": 2026, \"month\": 10, \"day\": 1} (CE), enums are their "
      "names, e.g.\n"
      "{\"resolution\": \"มติที่ประชุมใหญ่ 2569 วาระที่ 5\", \"effectiveDate\": "
      "{\"year\": 2026, \"month\": 10, \"day\": 1}, \"benefits\": "
      "[{\"category\": \"BENEFIT_CATEGORY_SICKNESS\", "
      "\"amountPerNightSatang\": 20000, \"nightsPerStayMax\": 5}]}\n"
      "'welfare rulebook show FUND --json' prints the rulebook in force in "
      "this form, to edit and adopt again.\n\n"
      "The file is read and checked before anything is sent; a file that is "
      "not such JSON sends nothing. The request id comes from the fund and "
      "the file's content, so adopting the same file again is recorded once "
      "(to adopt it again as a new version on purpose, give a new "
      "--request-id).",
      {kFundArgument,
       {"file", "the rulebook in protobuf JSON (- for standard input)"}},
      {{"request-id", "ID",
        "idempotency key, 1..64 of A-Z a-z 0-9 . _ : - (default: derived "
        "from the fund and the file, so repeating the command is safe)"}},
      "welfare rulebook adopt ban-nong-khu rulebook-2570.json",
      Adopt,
  });
  commands.push_back({
      "rulebook show",
      "show the rulebook in force on a date, with a table of its rules",
      "Shows the rulebook in force on --date (default today): its "
      "resolution, the date it took effect (and, if a later one replaced it, "
      "when), its title and dues plan, and a table of its benefit rules: "
      "category and sub-type, waiting days, months of unpaid dues allowed, "
      "the amount per event or per night, the caps per stay and per fiscal "
      "year (blank: no limit), claims per year, amounts by years of "
      "membership, whether it is paid once only, and who is paid. CSV "
      "output is the table of rules.\n\n"
      "With --json it prints the rulebook as protobuf JSON without the "
      "fields the server fills in: the file 'welfare rulebook adopt' takes, "
      "to edit and adopt as a new version.",
      {kFundArgument},
      {{"date", "DATE", "the date the rulebook is in force on (default today)"},
       {"json", "",
        "print the rulebook as JSON that 'rulebook adopt' takes back",
        FlagKind::kSwitch}},
      "welfare rulebook show ban-nong-khu --date=2569-10-01\n"
      "welfare rulebook show ban-nong-khu --json > rulebook-2570.json",
      Show,
  });
  commands.push_back({
      "rulebook list",
      "list every version of the fund's rulebook, in the order adopted",
      "Lists every rulebook the fund adopted: its number, the date it took "
      "effect and the date a later one replaced it, the general meeting's "
      "resolution, who recorded it and how many rules it has.",
      {kFundArgument},
      {},
      "welfare rulebook list ban-nong-khu",
      List,
  });
  return commands;
}

}  // namespace welfare::cli
