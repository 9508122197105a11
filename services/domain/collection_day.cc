// A collection day: many members' dues, one receipt each, checked row by
// row so that every bad row is reported, and written all or nothing.
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/documents.h"
#include "services/domain/fund_facts.h"
#include "services/domain/ledger.h"
#include "services/domain/money_items.h"
#include "services/domain/names.h"
#include "services/domain/records.h"
#include "services/domain/report_tallies.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/append_context.h"
#include "storage/errors.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using storage::Error;

inline constexpr int kCollectionRowsMax = 2000;
// Problems named in the message of a refused collection day.
// Few enough to keep the status message well within gRPC's metadata limit
// (8 KiB by default); validate_only answers every problem.
inline constexpr int kProblemsInMessageMax = 20;
// What apply returns after a validate_only check, so that the committer
// undoes every row; the done callback turns it into the answer.
inline constexpr char kValidatedOnly[] = "validated only";

v1::CollectionProblem ProblemOf(const v1::CollectionRow& row, int index,
                                const absl::Status& status) {
  v1::CollectionProblem problem;
  problem.set_row(index);
  problem.set_line(row.line());
  problem.set_member_number(row.member_number());
  problem.set_reason(storage::ReasonOf(status));
  problem.set_message(std::string(status.message()));
  return problem;
}

// "line 7 (member 12): MEMBER_NOT_FOUND: ..." per problem, in row order.
absl::Status RowsInvalid(int rows,
                         const std::vector<v1::CollectionProblem>& problems) {
  std::string message = absl::StrCat(problems.size(), " of ", rows,
                                     " rows are wrong; nothing was written:");
  int listed = 0;
  for (const v1::CollectionProblem& problem : problems) {
    if (++listed > kProblemsInMessageMax) {
      absl::StrAppend(&message, "\n... and ",
                      problems.size() - kProblemsInMessageMax,
                      " more (validate_only lists them all)");
      break;
    }
    absl::StrAppend(&message, "\n",
                    problem.line() > 0
                        ? absl::StrCat("line ", problem.line())
                        : absl::StrCat("rows[", problem.row(), "]"),
                    " (member ", problem.member_number(),
                    "): ", problem.reason(), ": ", problem.message());
  }
  return Error(absl::StatusCode::kInvalidArgument, "ROWS_INVALID", message);
}

// Whether a row's failure is the row's fault (reported with the others)
// rather than the server's (which ends the request).
bool IsRowProblem(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
      return true;
    default:
      return false;
  }
}

// The contribution a row stands for.
v1::Contribution RowContribution(const v1::RecordCollectionDayRequest& request,
                                 const v1::CollectionRow& row) {
  v1::Contribution contribution;
  contribution.set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  contribution.set_member_number(row.member_number());
  *contribution.mutable_months() = row.months();
  contribution.set_amount_satang(row.amount_satang());
  contribution.set_deposit_account_code(request.deposit_account_code());
  *contribution.mutable_effective_date() = request.effective_date();
  contribution.set_memo(request.memo());
  return contribution;
}

// The rows checked against the request alone: their items (nullopt for a
// bad row) and the problems found; then, by apply, every problem.
struct CheckedRows {
  std::vector<std::optional<MoneyItem>> items;
  std::vector<v1::CollectionProblem> request_problems;
  std::vector<v1::CollectionProblem> problems;
};

}  // namespace

void Ledger::RecordCollectionDay(const std::string& principal,
                                 const v1::RecordCollectionDayRequest& request,
                                 Done<v1::RecordCollectionDayResponse> done) {
  std::string fund_id;
  auto rows = std::make_shared<CheckedRows>();
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(fund_id, ParseFundName("parent", request.parent()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    const int count = request.rows_size();
    if (count == 0 || count > kCollectionRowsMax) {
      return Error(
          absl::StatusCode::kInvalidArgument,
          count == 0 ? "FIELD_REQUIRED" : "BATCH_TOO_LARGE",
          absl::StrCat("rows: ", count, " rows, want 1..", kCollectionRowsMax));
    }
    // What every row shares is checked once, so that it is reported once.
    v1::CollectionRow probe;
    probe.set_member_number(1);
    probe.mutable_months()->mutable_first_month()->set_year(2000);
    probe.mutable_months()->mutable_first_month()->set_month(1);
    probe.mutable_months()->set_month_count(1);
    probe.set_amount_satang(1);
    const int32_t today = Today();
    RETURN_IF_ERROR(
        ContributionItem(RowContribution(request, probe), today, "request")
            .status());
    rows->items.reserve(count);
    for (int i = 0; i < count; ++i) {
      const v1::CollectionRow& row = request.rows(i);
      absl::StatusOr<MoneyItem> item =
          ContributionItem(RowContribution(request, row), today, "row");
      if (item.ok()) {
        rows->items.push_back(std::move(*item));
      } else {
        rows->items.push_back(std::nullopt);
        rows->request_problems.push_back(ProblemOf(row, i, item.status()));
      }
    }
    return absl::OkStatus();
  }();
  if (!checked.ok()) return done(checked);
  const bool validate_only = request.validate_only();
  auto shared_request =
      std::make_shared<v1::RecordCollectionDayRequest>(request);
  auto apply = [rows, shared_request, validate_only](
                   storage::AppendContext& context) -> absl::Status {
    if (!context.fund().exists()) return FundNotFound(context.fund_id());
    rows->problems = rows->request_problems;
    // The account and date every row shares are checked once, so reported
    // once.
    for (const auto& item : rows->items) {
      if (!item.has_value()) continue;
      RETURN_IF_ERROR(CheckCashAccount(context, item->cash_account));
      RETURN_IF_ERROR(CheckNotBeforeFounding(context, "effective_date",
                                             item->entry.effective_day()));
      break;
    }
    for (size_t i = 0; i < rows->items.size(); ++i) {
      if (!rows->items[i].has_value()) continue;
      MoneyItem item = *rows->items[i];  // A copy: the check may be repeated.
      context.staging().SetSavePoint();
      absl::Status status = ApplyMoneyItem(context, item).status();
      if (status.ok()) {
        context.staging().PopSavePoint();
      } else {
        context.staging().RollbackToSavePoint();
        if (!IsRowProblem(status))
          return status;  // The server's, not the row's.
        rows->problems.push_back(
            ProblemOf(shared_request->rows(i), static_cast<int>(i), status));
      }
    }
    std::sort(rows->problems.begin(), rows->problems.end(),
              [](const auto& a, const auto& b) { return a.row() < b.row(); });
    if (validate_only) return absl::AbortedError(kValidatedOnly);
    if (!rows->problems.empty()) {
      return RowsInvalid(shared_request->rows_size(), rows->problems);
    }
    return absl::OkStatus();
  };
  auto answer = [rows, done = std::move(done)](
                    absl::StatusOr<storage::AppendResult> result) {
    v1::RecordCollectionDayResponse response;
    if (!result.ok()) {
      if (result.status().code() != absl::StatusCode::kAborted ||
          result.status().message() != kValidatedOnly) {
        return done(result.status());
      }
      for (auto& problem : rows->problems) {
        *response.add_problems() = std::move(problem);
      }
      return done(std::move(response));
    }
    response.set_first_sequence(result->first_sequence);
    response.set_entry_count(result->entry_count);
    for (const storage::StoredEntry& entry : result->entries) {
      response.set_total_satang(response.total_satang() +
                                MoneyOf(entry.record));
      *response.add_receipts() = DocumentNumberToApi(entry.record);
    }
    done(std::move(response));
  };
  Submit(fund_id, request.request_id(), request, principal,
         static_cast<uint32_t>(request.rows_size()), /*keep_entries=*/true,
         std::move(apply), std::move(answer));
}

}  // namespace welfare::domain
