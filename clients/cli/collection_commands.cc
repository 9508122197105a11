// A collection day: welfare collect, the dues of many members from a CSV
// file in one call, all or nothing.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/command.h"
#include "clients/cli/csv_rows.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "clients/format/dates.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int kRowsMax = 2000;
constexpr const char* kColumns[] = {"member", "from", "months", "amount"};

// A row the file gets wrong, before anything is sent.
struct BadRow {
  int line = 0;
  std::string reason;
};

// The rows of a collection-day file, or every line it gets wrong.
struct ParsedRows {
  std::vector<v1::CollectionRow> rows;
  std::vector<BadRow> bad;
};

// One data row as a collection row; the reason it is bad otherwise.
absl::StatusOr<v1::CollectionRow> ParseRow(const CsvRows& rows, size_t i) {
  v1::CollectionRow row;
  row.set_line(rows.line(i));
  int member = 0;
  if (!absl::SimpleAtoi(rows.Get(i, "member"), &member) || member <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("member: \"", rows.Get(i, "member"),
                     "\"; want a member number (1, 2, 3, ...)"));
  }
  row.set_member_number(member);
  absl::StatusOr<v1::YearMonth> from =
      format::ParseYearMonth(rows.Get(i, "from"));
  if (!from.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("from: ", from.status().message()));
  }
  *row.mutable_months()->mutable_first_month() = *from;
  int months = 0;
  if (!absl::SimpleAtoi(rows.Get(i, "months"), &months) || months < 1 ||
      months > 120) {
    return absl::InvalidArgumentError(absl::StrCat(
        "months: \"", rows.Get(i, "months"), "\"; want 1..120 months"));
  }
  row.mutable_months()->set_month_count(months);
  absl::StatusOr<int64_t> amount = format::ParseBaht(rows.Get(i, "amount"));
  if (!amount.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("amount: ", amount.status().message()));
  }
  row.set_amount_satang(*amount);
  return row;
}

absl::StatusOr<ParsedRows> ParseCollectionFile(const std::string& text) {
  absl::StatusOr<CsvRows> rows = CsvRows::Parse("the file", text, kColumns);
  if (!rows.ok()) return rows.status();
  ParsedRows parsed;
  for (const auto& [line, reason] : rows->problems()) {
    parsed.bad.push_back({line, reason});
  }
  for (size_t i = 0; i < rows->size(); ++i) {
    absl::StatusOr<v1::CollectionRow> row = ParseRow(*rows, i);
    if (row.ok()) {
      parsed.rows.push_back(std::move(*row));
    } else {
      parsed.bad.push_back(
          {rows->line(i), std::string(row.status().message())});
    }
  }
  const size_t count = rows->size() + rows->problems().size();
  if (count == 0 || count > kRowsMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("the file has ", count, " rows; want 1..", kRowsMax,
                     " (split a larger collection day into several files)"));
  }
  return parsed;
}

Document ProblemsView(const Cells& cells,
                      const v1::RecordCollectionDayResponse& response) {
  Report report;
  report.columns = {
      cells.Number("บรรทัด", "Line"), cells.Number("สมาชิก", "Member"),
      cells.Text("เหตุผล", "Reason"), cells.Text("รายละเอียด", "Details")};
  for (const v1::CollectionProblem& problem : response.problems()) {
    report.rows.push_back({absl::StrCat(problem.line()),
                           absl::StrCat(problem.member_number()),
                           problem.reason(), cells.Refusal(problem.message())});
  }
  return {{report}};
}

Document CollectedView(const Cells& cells,
                       const v1::RecordCollectionDayResponse& response) {
  Report report;
  report.record = true;
  report.columns = {cells.Number("จำนวนรายการ", "Rows"),
                    cells.Number("รวมเงิน", "Total"),
                    cells.Text("รายการในสมุดรายวัน", "Journal entries"),
                    cells.Text("ใบเสร็จรับเงิน", "Receipts")};
  std::string receipts;
  if (response.receipts_size() > 0) {
    receipts = DocumentNumberText(cells, response.receipts(0));
    if (response.receipts_size() > 1) {
      absl::StrAppend(
          &receipts, " \u2013 ",
          DocumentNumberText(cells,
                             response.receipts(response.receipts_size() - 1)));
    }
  }
  report.rows.push_back(
      {absl::StrCat(response.entry_count()),
       cells.Money(response.total_satang()),
       absl::StrCat(response.first_sequence(), " \u2013 ",
                    response.first_sequence() + response.entry_count() - 1),
       receipts});
  return {{report}};
}

int Collect(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RecordCollectionDayRequest request;
  request.set_parent(absl::StrCat("funds/", read.FundArgument(0)));
  read.DateUpToInto("date", context.today(), request.mutable_effective_date());
  request.set_deposit_account_code(read.Text("account"));
  request.set_memo(read.Text("memo"));
  request.set_validate_only(flags.Has("dry-run"));
  request.set_request_id(RequestIdOf(flags));
  if (!read.ok()) return context.Usage(read.status(), "collect");
  absl::StatusOr<std::string> text =
      ReadInputFile(context, flags.arguments()[1]);
  if (!text.ok()) return context.Usage(text.status(), "collect");
  absl::StatusOr<ParsedRows> parsed = ParseCollectionFile(*text);
  if (!parsed.ok()) return context.Usage(parsed.status(), "collect");
  if (!parsed->bad.empty()) {
    std::sort(parsed->bad.begin(), parsed->bad.end(),
              [](const BadRow& a, const BadRow& b) { return a.line < b.line; });
    for (const BadRow& bad : parsed->bad) {
      context.err() << "welfare: line " << bad.line << ": " << bad.reason
                    << "\n";
    }
    context.err() << "welfare: " << parsed->bad.size()
                  << " rows are wrong; nothing was sent or written\n";
    return kExitUsage;
  }
  for (auto& row : parsed->rows) *request.add_rows() = std::move(row);
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), "collect");
  absl::StatusOr<v1::RecordCollectionDayResponse> response =
      (*client)->RecordCollectionDay(request);
  if (!response.ok()) {
    const int code = context.Failed(
        response.status(), request.validate_only() ? "" : request.request_id());
    if (response.status().code() == absl::StatusCode::kInvalidArgument) {
      context.err() << "welfare: --dry-run lists every row the server "
                       "refuses\n";
    }
    return code;
  }
  if (!request.validate_only()) {
    return context.Print(*response, CollectedView(context.cells(), *response));
  }
  if (response->problems_size() > 0) {
    context.Print(*response, ProblemsView(context.cells(), *response));
    context.err() << "welfare: " << response->problems_size() << " of "
                  << request.rows_size()
                  << " rows would be refused; nothing was written\n";
    return kExitRefused;
  }
  int64_t total = 0;
  for (const auto& row : request.rows()) total += row.amount_satang();
  context.err() << "welfare: all " << request.rows_size()
                << " rows are good; without --dry-run they would be written "
                << "as " << request.rows_size() << " receipts totalling "
                << format::FormatBaht(total) << " baht\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> CollectionCommands() {
  return {{
      "collect",
      "record a collection day: many members' dues from a CSV file at once",
      "Records the dues of many members received on one day, one receipt "
      "(ใบเสร็จรับเงิน) per row, from a CSV file with a header naming the "
      "columns member, from, months and amount (in any order; other columns "
      "are ignored): the member number, the first month paid (2569-10 or "
      "10/2569), how many months, and the baht. The file is checked first: "
      "every line it gets wrong is named and nothing is sent. The server "
      "then checks every row against the fund (the member exists and is "
      "active, the months are not paid yet, not even by an earlier row) and "
      "writes all rows, or none, naming every bad row by its line. "
      "--dry-run checks without writing. Up to 2,000 rows.",
      {{"fund", "the fund's id, e.g. ban-nong-khu"},
       {"file", "the CSV file; - for standard input"}},
      {
          {"date", "DATE", "the day the money was received (default: today)"},
          {"account", "CODE",
           "the cash or bank account that received it (default 1101 cash)"},
          {"memo", "TEXT", "a note on every entry, up to 500 characters"},
          {"dry-run", "", "check every row and write nothing",
           FlagKind::kSwitch},
          RequestIdFlag(),
      },
      "welfare collect ban-nong-khu collection-2569-11-05.csv "
      "--date=2569-11-05\n"
      "  where the file reads:\n"
      "    member,from,months,amount\n"
      "    1,2569-11,1,30\n"
      "    7,2569-10,12,365",
      Collect,
  }};
}

}  // namespace welfare::cli
