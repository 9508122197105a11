// Migration: welfare import, an existing fund's members, opening balances,
// past dues and past benefits from spreadsheets saved as CSV. Every write's
// request id is derived from the fund and the rows it carries, so running
// the same import again writes nothing new, and an import cut short goes on
// where it stopped.
#include <openssl/sha.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/command.h"
#include "clients/cli/csv_rows.h"
#include "clients/cli/import_rows.h"
#include "clients/cli/values.h"
#include "clients/format/dates.h"
#include "clients/format/labels.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

// Items per PostBatch call: a progress step, well under the 2,000 limit.
constexpr size_t kItemsPerBatch = 500;
constexpr const char* kMemberColumns[] = {"number", "full_name", "national_id",
                                          "join_date"};
constexpr const char* kOpeningColumns[] = {"account", "balance"};
constexpr const char* kDuesColumns[] = {"member", "from", "months", "amount",
                                        "date"};
constexpr const char* kBenefitColumns[] = {"member", "category", "amount",
                                           "date"};

// "imp-<kind>-" and 40 hex digits of SHA-256 over the fund and the rows.
std::string ImportRequestId(absl::string_view kind, absl::string_view fund_id,
                            absl::string_view content) {
  const std::string text = absl::StrCat(fund_id, "\n", kind, "\n", content);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(),
         digest);
  return absl::StrCat("imp-", kind, "-",
                      absl::BytesToHexString(absl::string_view(
                          reinterpret_cast<const char*>(digest), 20)));
}

// Every bad line of every file, and what would be written.
struct Plan {
  std::vector<std::string> bad;
  std::vector<v1::RegisterMemberRequest> members;
  // The join date of each member the members file registers, by number.
  std::map<int32_t, v1::Date> joined;
  std::optional<v1::PostTransactionRequest> opening;
  // Dues, then benefits.
  std::vector<v1::PostBatchRequest> batches;
  size_t dues_rows = 0;
  size_t benefit_rows = 0;
};

// A date in an order that compares as the calendar does.
std::tuple<int32_t, int32_t, int32_t> DayKey(const v1::Date& date) {
  return {date.year(), date.month(), date.day()};
}

// The earliest date the plan would write, and the file it comes from; an
// empty file name if the plan writes nothing dated.
std::pair<v1::Date, std::string> EarliestDate(const Plan& plan,
                                              const ParsedFlags& flags) {
  std::pair<v1::Date, std::string> earliest;
  auto consider = [&earliest](const v1::Date& date, std::string file) {
    if (date.year() == 0) return;  // Unset: today.
    if (earliest.second.empty() || DayKey(date) < DayKey(earliest.first)) {
      earliest = {date, std::move(file)};
    }
  };
  for (const v1::RegisterMemberRequest& member : plan.members) {
    consider(member.member().join_date(), flags.Get("members"));
  }
  if (plan.opening) {
    consider(plan.opening->transaction().effective_date(), "--opening-date");
  }
  for (const v1::PostBatchRequest& batch : plan.batches) {
    for (const v1::BatchItem& item : batch.items()) {
      consider(item.has_contribution() ? item.contribution().effective_date()
                                       : item.disbursement().effective_date(),
               flags.Get(item.has_contribution() ? "dues" : "benefits"));
    }
  }
  return earliest;
}

// Why a dues or benefits row cannot be written for a member the same
// import registers (member n is the members file's row n): dues for a month
// before the member joined, or money dated before joining. "" if none, or
// if the member is not in the members file (the server checks those).
std::string JoinFault(const Plan& plan, const v1::BatchItem& item) {
  const bool dues = item.has_contribution();
  const int32_t number = dues ? item.contribution().member_number()
                              : item.disbursement().benefit().member_number();
  const auto member = plan.joined.find(number);
  if (member == plan.joined.end()) return "";
  const v1::Date& joined = member->second;
  if (joined.year() == 0) return "";  // Joins today.
  const v1::Date& date = dues ? item.contribution().effective_date()
                              : item.disbursement().effective_date();
  const std::string when =
      format::FormatDate(joined, format::Calendar::kBuddhistEra);
  if (date.year() != 0 && DayKey(date) < DayKey(joined)) {
    return absl::StrCat(
        "date: ", format::FormatDate(date, format::Calendar::kBuddhistEra),
        " is before member ", number, " joined (", when, ")");
  }
  if (dues) {
    const v1::YearMonth& first = item.contribution().months().first_month();
    if (std::make_pair(first.year(), first.month()) <
        std::make_pair(joined.year(), joined.month())) {
      return absl::StrCat(
          "from: ",
          format::FormatYearMonth(first, format::Calendar::kBuddhistEra),
          " is before member ", number, " joined (", when,
          "); dues are for months from the join month on");
    }
  }
  return "";
}

// Rows of a dues or benefits file as batches of kItemsPerBatch items.
void AddBatches(absl::string_view kind, const std::string& fund_id,
                const CsvRows& rows,
                absl::StatusOr<v1::BatchItem> (*parse)(const CsvRows&, size_t,
                                                       const v1::Date&),
                const v1::Date& today, absl::string_view file, Plan& plan,
                size_t* count) {
  v1::PostBatchRequest batch;
  std::string content;
  auto flush = [&] {
    if (batch.items_size() == 0) return;
    batch.set_parent(absl::StrCat("funds/", fund_id));
    batch.set_request_id(ImportRequestId(kind, fund_id, content));
    plan.batches.push_back(std::move(batch));
    batch = v1::PostBatchRequest();
    content.clear();
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    absl::StatusOr<v1::BatchItem> item = parse(rows, i, today);
    if (!item.ok()) {
      plan.bad.push_back(BadLine(file, rows.line(i), item.status().message()));
      continue;
    }
    if (const std::string fault = JoinFault(plan, *item); !fault.empty()) {
      plan.bad.push_back(BadLine(file, rows.line(i), fault));
      continue;
    }
    *batch.add_items() = std::move(*item);
    absl::StrAppend(&content, rows.Canonical(i), "\n");
    ++*count;
    if (batch.items_size() == static_cast<int>(kItemsPerBatch)) flush();
  }
  flush();
}

// Reads every file given and plans the writes; a file that cannot be read
// or lacks a column is a usage error.
absl::StatusOr<Plan> MakePlan(Context& context, const ParsedFlags& flags,
                              const std::string& fund_id) {
  Plan plan;
  auto read = [&](const char* flag, absl::Span<const char* const> columns)
      -> absl::StatusOr<std::optional<CsvRows>> {
    if (!flags.Has(flag)) return std::optional<CsvRows>();
    const std::string path = flags.Get(flag);
    absl::StatusOr<std::string> text = ReadInputFile(context, path);
    if (!text.ok()) return text.status();
    absl::StatusOr<CsvRows> rows = CsvRows::Parse(path, *text, columns);
    if (!rows.ok()) return rows.status();
    for (const auto& [line, reason] : rows->problems()) {
      plan.bad.push_back(BadLine(path, line, reason));
    }
    return std::optional<CsvRows>(std::move(*rows));
  };
  absl::StatusOr<std::optional<CsvRows>> members =
      read("members", kMemberColumns);
  if (!members.ok()) return members.status();
  if (members->has_value()) {
    const CsvRows& rows = **members;
    for (size_t i = 0; i < rows.size(); ++i) {
      absl::StatusOr<v1::RegisterMemberRequest> request =
          MemberRow(rows, i, static_cast<int>(i + 1), context.today());
      if (!request.ok()) {
        plan.bad.push_back(BadLine(flags.Get("members"), rows.line(i),
                                   request.status().message()));
        continue;
      }
      request->set_parent(absl::StrCat("funds/", fund_id));
      request->set_request_id(ImportRequestId("m", fund_id, rows.Canonical(i)));
      plan.joined[static_cast<int32_t>(i + 1)] = request->member().join_date();
      plan.members.push_back(std::move(*request));
    }
  }
  absl::StatusOr<std::optional<CsvRows>> opening =
      read("opening", kOpeningColumns);
  if (!opening.ok()) return opening.status();
  if (opening->has_value()) {
    absl::StatusOr<v1::Date> as_of =
        format::ParseDateUpTo(flags.Get("opening-date"), context.today());
    if (!as_of.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--opening-date: ", as_of.status().message(),
                       " (the date the opening balances are as of)"));
    }
    absl::StatusOr<v1::PostTransactionRequest> transaction =
        OpeningTransaction(**opening, *as_of, &plan.bad, flags.Get("opening"));
    if (!transaction.ok()) return transaction.status();
    std::string content =
        format::FormatDate(*as_of, format::Calendar::kGregorian);
    for (size_t i = 0; i < (*opening)->size(); ++i) {
      absl::StrAppend(&content, "\n", (*opening)->Canonical(i));
    }
    transaction->set_parent(absl::StrCat("funds/", fund_id));
    transaction->set_request_id(ImportRequestId("o", fund_id, content));
    plan.opening = std::move(*transaction);
  }
  absl::StatusOr<std::optional<CsvRows>> dues = read("dues", kDuesColumns);
  if (!dues.ok()) return dues.status();
  if (dues->has_value()) {
    AddBatches("d", fund_id, **dues, &DuesRow, context.today(),
               flags.Get("dues"), plan, &plan.dues_rows);
  }
  absl::StatusOr<std::optional<CsvRows>> benefits =
      read("benefits", kBenefitColumns);
  if (!benefits.ok()) return benefits.status();
  if (benefits->has_value()) {
    AddBatches("b", fund_id, **benefits, &BenefitRow, context.today(),
               flags.Get("benefits"), plan, &plan.benefit_rows);
  }
  return plan;
}

// A progress bar on standard error when it is a terminal.
class Progress {
 public:
  Progress(Context& context, std::string what, size_t total)
      : context_(context),
        what_(std::move(what)),
        total_(total),
        terminal_(isatty(STDERR_FILENO) == 1) {}

  void Step(size_t done) {
    if (!terminal_ || total_ == 0) return;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done / total_);
    context_.err() << "\r" << what_ << " [" << std::string(filled, '#')
                   << std::string(kWidth - filled, '.') << "] " << done << "/"
                   << total_ << (done == total_ ? "\n" : "") << std::flush;
  }

 private:
  Context& context_;
  std::string what_;
  size_t total_;
  bool terminal_;
};

int Import(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  const std::string fund_id = read.FundArgument(0);
  if (!read.ok()) return context.Usage(read.status(), "import");
  if (!flags.Has("members") && !flags.Has("opening") && !flags.Has("dues") &&
      !flags.Has("benefits")) {
    return context.Usage(
        absl::InvalidArgumentError(
            "give at least one of --members, --opening, --dues, --benefits"),
        "import");
  }
  absl::StatusOr<Plan> plan = MakePlan(context, flags, fund_id);
  if (!plan.ok()) return context.Usage(plan.status(), "import");
  if (!plan->bad.empty()) {
    for (const std::string& bad : plan->bad) {
      context.err() << "welfare: " << bad << "\n";
    }
    context.err() << "welfare: " << plan->bad.size()
                  << " lines are wrong; nothing was sent or written\n";
    return kExitUsage;
  }
  absl::StatusOr<client::LedgerClient*> client = context.Client();
  if (!client.ok()) return context.Usage(client.status(), "import");
  v1::GetFundRequest get_fund;
  get_fund.set_name(absl::StrCat("funds/", fund_id));
  absl::StatusOr<v1::Fund> fund = (*client)->GetFund(get_fund);
  if (!fund.ok()) return context.Failed(fund.status());
  const uint64_t journal_before = fund->journal_size();
  // The server refuses anything dated before the founding; say so before
  // anything is sent, not after the members are in.
  const auto [earliest, file] = EarliestDate(*plan, flags);
  if (!file.empty() && DayKey(earliest) < DayKey(fund->founding_date())) {
    context.err() << "welfare: " << file << " holds a date ("
                  << context.cells().Date(earliest)
                  << ") before the fund was founded ("
                  << context.cells().Date(fund->founding_date())
                  << "); nothing was sent or written. A fund that moves in "
                     "older books is created with an earlier founding date: "
                     "welfare fund create ... --founded=DATE\n";
    return kExitUsage;
  }

  std::ostream& out = context.out();
  if (flags.Has("dry-run")) {
    out << "Dry run of an import into funds/" << fund_id << " ("
        << fund->member_count() << " members, " << journal_before
        << " entries now); nothing was written. It would write:\n"
        << "  members:          " << plan->members.size() << "\n"
        << "  opening balances: "
        << (plan->opening ? plan->opening->transaction().postings_size() : 0)
        << " postings\n"
        << "  dues:             " << plan->dues_rows << "\n"
        << "  benefits:         " << plan->benefit_rows << "\n"
        << "  in "
        << plan->members.size() + (plan->opening ? 1 : 0) + plan->batches.size()
        << " calls; rows imported before are recognised and not written "
           "again.\n";
    return kExitOk;
  }

  // What a write answered: new entries, or the ones an earlier run wrote.
  size_t new_writes = 0, repeated_writes = 0;
  auto count = [&](uint64_t first_sequence) {
    ++(first_sequence > journal_before ? new_writes : repeated_writes);
  };
  auto failed = [&](const absl::Status& status, const std::string& id) {
    context.err() << "welfare: the import stopped; what it wrote stays. Run "
                     "the same command again to go on: rows already written "
                     "are recognised and not written twice.\n";
    return context.Failed(status, id);
  };
  Progress member_progress(context, "members ", plan->members.size());
  for (size_t i = 0; i < plan->members.size(); ++i) {
    const v1::RegisterMemberRequest& request = plan->members[i];
    absl::StatusOr<v1::Member> member = (*client)->RegisterMember(request);
    if (!member.ok()) return failed(member.status(), request.request_id());
    if (member->member_number() != static_cast<int32_t>(i + 1)) {
      context.err() << "welfare: the file's member " << i + 1
                    << " became member " << member->member_number()
                    << "; import members into a fund that has none yet\n";
      return kExitRefused;
    }
    count(member->registered_sequence());
    member_progress.Step(i + 1);
  }
  if (plan->opening) {
    absl::StatusOr<v1::Entry> entry =
        (*client)->PostTransaction(*plan->opening);
    if (!entry.ok()) return failed(entry.status(), plan->opening->request_id());
    count(entry->sequence());
  }
  Progress batch_progress(context, "entries ",
                          plan->dues_rows + plan->benefit_rows);
  size_t rows_done = 0;
  for (const v1::PostBatchRequest& batch : plan->batches) {
    absl::StatusOr<v1::PostBatchResponse> written = (*client)->PostBatch(batch);
    if (!written.ok()) return failed(written.status(), batch.request_id());
    count(written->first_sequence());
    rows_done += batch.items_size();
    batch_progress.Step(rows_done);
  }
  out << "Imported into funds/" << fund_id << ": " << plan->members.size()
      << " members, "
      << (plan->opening ? plan->opening->transaction().postings_size() : 0)
      << " opening postings, " << plan->dues_rows << " dues, "
      << plan->benefit_rows << " benefits; " << new_writes << " writes new, "
      << repeated_writes << " written by an earlier run.\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> ImportCommands() {
  return {{
      "import",
      "move an existing fund's books in from spreadsheets (CSV)",
      "Imports a fund kept on paper or in a spreadsheet, from CSV files with "
      "a header row naming the columns (any order; other columns ignored). "
      "--members: number,full_name,national_id,join_date and optionally "
      "category,village,address,phone,nominee,nominee_relationship,"
      "birth_date,sex (female or male); numbers "
      "1, 2, 3, ... in file order, into a fund with no members yet. "
      "--opening with --opening-date: account,balance, each on the "
      "account's normal side; fund capital 3101 takes the difference. "
      "--dues: member,from,months,amount,date (and receipt). --benefits: "
      "member,category,amount,date (and sub_type, nights, voucher). Every "
      "file is checked first and every bad line named; nothing is sent "
      "until all are good. Each write's request id comes from the rows it "
      "carries, so running the same import again writes nothing new and an "
      "import cut short goes on where it stopped. --dry-run says what would "
      "be written.",
      {{"fund", "the fund's id, e.g. ban-nong-khu"}},
      {
          {"members", "FILE", "members to register"},
          {"opening", "FILE", "opening balances (needs --opening-date)"},
          {"opening-date", "DATE", "the date the opening balances are as of"},
          {"dues", "FILE", "past dues"},
          {"benefits", "FILE", "past benefits"},
          {"dry-run", "", "check every file and write nothing",
           FlagKind::kSwitch},
      },
      "welfare import ban-nong-khu --members=members.csv "
      "--opening=opening.csv --opening-date=2568-09-30 --dues=dues.csv "
      "--benefits=benefits.csv --dry-run",
      Import,
  }};
}

}  // namespace welfare::cli
