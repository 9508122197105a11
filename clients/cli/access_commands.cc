// welfare principal add|revoke|list|changes, welfare whoami.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/access_client.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "google/protobuf/util/time_util.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

const format::Label kRoleLabels[] = {
    {v1::ADMINISTRATOR, "administrator", "ผู้ดูแลระบบ", "administrator"},
    {v1::TREASURER, "treasurer", "เหรัญญิก", "treasurer"},
    {v1::AUDITOR, "auditor", "ผู้ตรวจสอบ", "auditor"},
    {v1::PARTNER, "partner", "หน่วยงานภาคี", "partner"},
};

const ArgumentSpec kPrincipalArgument = {
    "principal", "the principal's id: 3..40 of a-z, 0-9 and '-', e.g. somsri"};

std::string RoleText(const Cells& cells, v1::Role role) {
  for (const format::Label& label : kRoleLabels) {
    if (label.value == role) return cells.Words(label.thai, label.english);
  }
  return absl::StrCat(role);
}

std::string TimeText(const Cells& cells, int64_t micros) {
  if (micros == 0) return "";
  return cells.Time(
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(micros));
}

std::string GrantText(const Cells& cells, const v1::Principal& principal) {
  if (principal.all_funds()) return cells.Words("ทุกกองทุน", "all funds");
  std::vector<std::string> funds;
  for (const std::string& fund : principal.funds()) {
    funds.push_back(LastPart(fund));
  }
  return absl::StrJoin(funds, " ");
}

std::vector<format::TablePrinter::Column> PrincipalColumns(const Cells& cells) {
  return {cells.Text("ผู้ใช้", "Principal"),    cells.Text("บทบาท", "Role"),
          cells.Text("กองทุน", "Funds"),      cells.Text("ชื่อ", "Name"),
          cells.Text("เพิ่มเมื่อ", "Added"),     cells.Text("เพิ่มโดย", "Added by"),
          cells.Text("เพิกถอนเมื่อ", "Revoked")};
}

std::vector<std::string> PrincipalRow(const Cells& cells,
                                      const v1::Principal& principal) {
  return {LastPart(principal.name()),
          RoleText(cells, principal.role()),
          GrantText(cells, principal),
          principal.display_name(),
          TimeText(cells, principal.create_time_micros()),
          principal.created_by(),
          TimeText(cells, principal.revoke_time_micros())};
}

Document PrincipalView(const Cells& cells, const v1::Principal& principal) {
  Report report;
  report.record = true;
  report.columns = PrincipalColumns(cells);
  report.rows.push_back(PrincipalRow(cells, principal));
  return {{report}};
}

// Writes the token to a new file of mode 0600 (never over an existing
// one).
absl::Status WriteTokenFile(const std::string& path, const std::string& token) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot create ", path, ": ", std::strerror(errno),
                     errno == EEXIST ? " (choose a new file: a token file is "
                                       "never overwritten)"
                                     : ""));
  }
  const std::string line = token + "\n";
  bool written = ::write(fd, line.data(), line.size()) ==
                 static_cast<ssize_t>(line.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

int AddPrincipal(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::AddPrincipalRequest request;
  request.set_principal_id(flags.arguments()[0]);
  request.set_role(static_cast<v1::Role>(read.Enum("role", kRoleLabels)));
  for (const std::string& funds : flags.GetAll("funds")) {
    for (absl::string_view fund :
         absl::StrSplit(funds, ',', absl::SkipWhitespace())) {
      fund = absl::StripAsciiWhitespace(fund);
      request.add_funds(absl::StartsWith(fund, "funds/")
                            ? std::string(fund)
                            : absl::StrCat("funds/", fund));
    }
  }
  request.set_all_funds(flags.Has("all-funds"));
  request.set_display_name(read.Text("name"));
  const std::string token_out = read.Text("token-out");
  if (read.ok() && ::access(token_out.c_str(), F_OK) == 0) {
    read.Fail(absl::InvalidArgumentError(absl::StrCat(
        "--token-out: ", token_out,
        " exists; choose a new file (a token file is never overwritten)")));
  }
  if (!read.ok()) return context.Usage(read.status(), "principal add");
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), "principal add");
  client::AccessClient access((*client)->channel());
  auto added = access.AddPrincipal(request);
  if (!added.ok()) return context.Failed(added.status());
  if (absl::Status saved = WriteTokenFile(token_out, added->token());
      !saved.ok()) {
    context.err() << "welfare: " << LastPart(added->principal().name())
                  << " was added, but its token could not be saved: "
                  << saved.message()
                  << "\nRevoke it (welfare principal revoke) and add it "
                     "again under a new id.\n";
    return 1;
  }
  context.err() << "welfare: the token is in " << token_out
                << " (mode 0600); give it to its holder, and only to them\n";
  v1::AddPrincipalResponse shown = *added;
  shown.clear_token();  // Never printed.
  return context.Print(shown.principal(),
                       PrincipalView(context.cells(), shown.principal()));
}

int RevokePrincipal(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RevokePrincipalRequest request;
  request.set_name(absl::StrCat("principals/", flags.arguments()[0]));
  request.set_reason(read.Text("reason"));
  if (!read.ok()) return context.Usage(read.status(), "principal revoke");
  return CallAndPrint(
      context, "principal revoke", "",
      [&](client::LedgerClient& client) {
        return client::AccessClient(client.channel()).RevokePrincipal(request);
      },
      PrincipalView);
}

int ListPrincipals(Context& context, const ParsedFlags& flags) {
  return CallAndPrint(
      context, "principal list", "",
      [&](client::LedgerClient& client) {
        return client::AccessClient(client.channel()).ListPrincipals();
      },
      [](const Cells& cells, const v1::ListPrincipalsResponse& response) {
        Report report;
        report.columns = PrincipalColumns(cells);
        for (const v1::Principal& principal : response.principals()) {
          report.rows.push_back(PrincipalRow(cells, principal));
        }
        return Document({report});
      });
}

int ListChanges(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListAccessChangesRequest request;
  request.set_page_size(
      static_cast<int32_t>(read.Integer("page-size", 1, 1000)));
  request.set_page_token(read.Text("page-token"));
  if (!read.ok()) return context.Usage(read.status(), "principal changes");
  return CallAndPrint(
      context, "principal changes", "",
      [&](client::LedgerClient& client) {
        client::AccessClient access(client.channel());
        return FetchPages<v1::ListAccessChangesRequest,
                          v1::ListAccessChangesResponse>(
            request, flags.Has("all"),
            [&](const v1::ListAccessChangesRequest& page) {
              return access.ListAccessChanges(page);
            });
      },
      [&](const Cells& cells, const v1::ListAccessChangesResponse& response) {
        NoteNextPage(context, response.next_page_token());
        Report report;
        report.columns = {cells.Number("ลำดับ", "No."),
                          cells.Text("เมื่อ", "When"),
                          cells.Text("โดย", "By"),
                          cells.Text("การเปลี่ยนแปลง", "Change"),
                          cells.Text("ผู้ใช้", "Principal"),
                          cells.Text("บทบาท", "Role"),
                          cells.Text("กองทุน", "Funds"),
                          cells.Text("เหตุผล", "Reason")};
        for (const v1::AccessChange& change : response.changes()) {
          const bool added = change.action() == v1::AccessChange::ADDED;
          report.rows.push_back(
              {absl::StrCat(change.sequence()),
               TimeText(cells, change.time_micros()), change.actor(),
               added ? cells.Words("เพิ่ม", "added")
                     : cells.Words("เพิกถอน", "revoked"),
               LastPart(change.principal().name()),
               RoleText(cells, change.principal().role()),
               GrantText(cells, change.principal()),
               added ? "" : change.principal().revoke_reason()});
        }
        return Document({report});
      });
}

int WhoAmI(Context& context, const ParsedFlags& flags) {
  return CallAndPrint(
      context, "whoami", "",
      [&](client::LedgerClient& client) {
        return client::AccessClient(client.channel()).WhoAmI();
      },
      PrincipalView);
}

}  // namespace

std::vector<Command> AccessCommands() {
  return {
      {"principal add",
       "add a principal (administrators): its role, its funds, its token",
       "Adds a principal who may call the server with the token this "
       "command writes to --token-out (a new file, mode 0600; the token is "
       "never printed and cannot be shown again). Roles: administrator "
       "(funds and principals), treasurer (writes and reads its funds), "
       "auditor (reads and verifies its funds, never writes), partner "
       "(aggregates only). Give a treasurer, auditor or partner its funds "
       "with --funds, or --all-funds. Ids are never reused.",
       {kPrincipalArgument},
       {{"role", "ROLE", "administrator, treasurer, auditor or partner",
         FlagKind::kValue, true},
        {"funds", "FUND,...",
         "the funds of the grant (repeatable, comma-separated)",
         FlagKind::kRepeated},
        {"all-funds", "", "grant every fund, present and future",
         FlagKind::kSwitch},
        {"name", "TEXT", "who holds the token, for people (no national ID)"},
        {"token-out", "PATH", "a new file to write the token to (mode 0600)",
         FlagKind::kValue, true}},
       "welfare principal add somsri --role=treasurer --funds=ban-nong-khu "
       "--name=\"นางสมศรี ใจดี\" --token-out=somsri.token\n"
       "welfare principal add khet-33 --role=partner --all-funds "
       "--token-out=khet-33.token",
       AddPrincipal},
      {"principal revoke",
       "revoke a principal (administrators): its token stops working",
       "Revokes a principal at once; it stays listed with who revoked it, "
       "when and why. To give someone a new token, revoke and add them "
       "again under a new id.",
       {kPrincipalArgument},
       {{"reason", "TEXT", "why, for the record (1..200 characters)",
         FlagKind::kValue, true}},
       "welfare principal revoke somsri --reason=\"พ้นวาระ\"",
       RevokePrincipal},
      {"principal list",
       "every principal, revoked ones too (administrators, auditors of all "
       "funds)",
       "Lists every principal with its role, funds, who added it and when, "
       "and when it was revoked.",
       {},
       {},
       "welfare principal list",
       ListPrincipals},
      {"principal changes",
       "every addition and revocation, in order (administrators, auditors "
       "of all funds)",
       "The access record: changes numbered 1, 2, 3, ... with who made "
       "each, when, and the principal as it was after it.",
       {},
       PagingFlags(),
       "welfare principal changes --all",
       ListChanges},
      {"whoami",
       "the principal your token belongs to",
       "Shows the principal of the token in use (--token_file, "
       "$WELFARE_TOKEN_FILE or $WELFARE_TOKEN), its role and funds.",
       {},
       {},
       "welfare whoami",
       WhoAmI},
  };
}

}  // namespace welfare::cli
