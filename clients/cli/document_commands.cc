// Receipts and vouchers: welfare receipt|voucher print|list.
#include <cstdio>
#include <fstream>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "clients/format/dates.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};

const char* Collection(v1::DocumentKind kind) {
  return kind == v1::DOCUMENT_KIND_RECEIPT ? "receipts" : "vouchers";
}

const char* Word(v1::DocumentKind kind) {
  return kind == v1::DOCUMENT_KIND_RECEIPT ? "receipt" : "voucher";
}

// A fiscal year as typed: BE from 2400 on ("2569"), else CE ("2026").
absl::StatusOr<int> ParseFiscalYear(absl::string_view field,
                                    absl::string_view text) {
  int year = 0;
  if (!absl::SimpleAtoi(text, &year) || year < format::kYearMin ||
      year > format::kYearMax + format::kBuddhistEraOffset) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": \"", text,
                     "\"; want a fiscal year such as 2569 (BE) or 2026 (CE)"));
  }
  return format::CommonEraYear(year);
}

// "12/2569": the number as printed on the paper, then its fiscal year.
absl::StatusOr<std::string> DocumentName(const std::string& fund_id,
                                         v1::DocumentKind kind,
                                         absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '/');
  uint32_t number = 0;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &number) ||
      number == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("number: \"", text,
                     "\"; want NUMBER/FISCAL_YEAR as printed, e.g. 12/2569"));
  }
  absl::StatusOr<int> year = ParseFiscalYear("number", parts[1]);
  if (!year.ok()) return year.status();
  return absl::StrCat("funds/", fund_id, "/", Collection(kind), "/", *year, "-",
                      number);
}

// Writes text to path through a temporary file, so that a failed write
// leaves no half page behind.
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::string& text) {
  const std::string temporary = absl::StrCat(path, ".partial");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return absl::InvalidArgumentError(
          absl::StrCat("cannot write \"", path, "\""));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write \"", path, "\""));
  }
  return absl::OkStatus();
}

// The member's name if the caller may read it, else "".
std::string MemberName(client::LedgerClient& client, const v1::Entry& entry) {
  if (entry.member_number() <= 0) return "";
  v1::GetMemberRequest request;
  request.set_name(
      absl::StrCat(entry.name().substr(0, entry.name().find("/entries/")),
                   "/members/", entry.member_number()));
  absl::StatusOr<v1::Member> member = client.GetMember(request);
  return member.ok() ? member->profile().full_name() : "";
}

int Print(Context& context, const ParsedFlags& flags, v1::DocumentKind kind) {
  const std::string command = absl::StrCat(Word(kind), " print");
  FlagReader read(flags);
  const std::string fund_id = read.FundArgument(0);
  if (!read.ok()) return context.Usage(read.status(), command);
  absl::StatusOr<std::string> name =
      DocumentName(fund_id, kind, flags.arguments()[1]);
  if (!name.ok()) return context.Usage(name.status(), command);
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), command);
  v1::GetDocumentRequest request;
  request.set_name(*name);
  absl::StatusOr<v1::Document> document = (*client)->GetDocument(request);
  if (!document.ok()) return context.Failed(document.status());
  const std::string member_name = MemberName(**client, document->entry());
  if (flags.Has("html")) {
    const std::string html =
        PrintedDocumentHtml(context.cells(), *document, member_name);
    const std::string path = flags.Get("html");
    if (path == "-") {
      context.out() << html;
      return kExitOk;
    }
    absl::Status written = WriteFileAtomically(path, html);
    if (!written.ok()) return context.Usage(written, command);
    context.err() << "welfare: wrote " << path << "\n";
    return kExitOk;
  }
  if (context.options().output == OutputFormat::kJson) {
    context.out() << ToJson(*document);
    return kExitOk;
  }
  context.out() << PrintedDocumentText(context.cells(), *document, member_name);
  return kExitOk;
}

int List(Context& context, const ParsedFlags& flags, v1::DocumentKind kind) {
  const std::string command = absl::StrCat(Word(kind), " list");
  FlagReader read(flags);
  v1::ListDocumentsRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  request.set_kind(kind);
  request.set_page_size(
      static_cast<int32_t>(read.Integer("page-size", 1, 1000)));
  request.set_page_token(read.Text("page-token"));
  if (!read.ok()) return context.Usage(read.status(), command);
  absl::StatusOr<int> year = ParseFiscalYear("--year", flags.Get("year"));
  if (!year.ok()) return context.Usage(year.status(), command);
  request.set_fiscal_year(*year);
  const bool all = flags.Has("all");
  return CallAndPrint(
      context, command, "",
      [&](client::LedgerClient& client) {
        return FetchPages<v1::ListDocumentsRequest, v1::ListDocumentsResponse>(
            request, all, [&](const v1::ListDocumentsRequest& page) {
              return client.ListDocuments(page);
            });
      },
      [&](const Cells& cells, const v1::ListDocumentsResponse& list) {
        NoteNextPage(context, list.next_page_token());
        return DocumentListView(cells, list);
      });
}

void AddCommands(v1::DocumentKind kind, std::vector<Command>& commands) {
  const bool receipt = kind == v1::DOCUMENT_KIND_RECEIPT;
  const std::string word = Word(kind);
  commands.push_back({
      absl::StrCat(word, " print"),
      receipt ? "print a receipt (ใบเสร็จรับเงิน) with the amount in words"
              : "print a payment voucher (ใบสำคัญจ่าย) with the amount in "
                "words",
      absl::StrCat(
          "Prints ", receipt ? "a receipt" : "a payment voucher",
          " as the fund hands it out: the fund's name, the number and date "
          "(Buddhist Era unless --calendar=gregorian), ",
          receipt ? "who paid" : "who was paid",
          " (with the member's name when you may read it), what for, the "
          "amount in figures and in Thai words, and the journal entry's "
          "sequence and hash, by which an auditor can check it. A reversed "
          "one prints as VOID with the reason. Every ",
          receipt ? "contribution is a receipt" : "disbursement is a voucher",
          ", numbered 1, 2, 3, ... in each fiscal year. With --html=FILE it "
          "writes a page to print on A5 instead (- for standard output)."),
      {kFundArgument,
       {"number", "the number as printed, NUMBER/FISCAL_YEAR: 12/2569"}},
      {{"html", "FILE", "write a printable HTML page to FILE (- for stdout)"}},
      absl::StrCat("welfare ", word, " print ban-nong-khu 12/2569\nwelfare ",
                   word, " print ban-nong-khu 12/2569 --html=", word,
                   "-12.html"),
      [kind](Context& context, const ParsedFlags& flags) {
        return Print(context, flags, kind);
      },
  });
  commands.push_back({
      absl::StrCat(word, " list"),
      receipt ? "list the receipts of a fiscal year in number order"
              : "list the payment vouchers of a fiscal year in number order",
      "Lists every number of the fiscal year from 1 on, with no gaps; void "
      "ones show their reason.",
      {kFundArgument},
      WithFlags({{"year", "YEAR",
                  "the fiscal year, e.g. 2569 (BE) or 2026 (CE), named by the "
                  "year it ends in",
                  FlagKind::kValue, true}},
                PagingFlags()),
      absl::StrCat("welfare ", word, " list ban-nong-khu --year=2569 --all"),
      [kind](Context& context, const ParsedFlags& flags) {
        return List(context, flags, kind);
      },
  });
}

}  // namespace

std::vector<Command> DocumentCommands() {
  std::vector<Command> commands;
  AddCommands(v1::DOCUMENT_KIND_RECEIPT, commands);
  AddCommands(v1::DOCUMENT_KIND_VOUCHER, commands);
  return commands;
}

}  // namespace welfare::cli
