#include "clients/seed/execute.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>
#include <vector>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace welfare::seed {
namespace {

constexpr int kThreadsMax = 64;

// The status with "fund <id>, request <request_id>: " before its message;
// code and payloads (the server's reason) kept.
absl::Status InFund(const absl::Status& status, const std::string& fund_id,
                    const std::string& request_id) {
  absl::Status annotated(
      status.code(), absl::StrCat("fund ", fund_id, ", request ", request_id,
                                  ": ", status.message()));
  status.ForEachPayload(
      [&annotated](absl::string_view url, const absl::Cord& payload) {
        annotated.SetPayload(url, payload);
      });
  return annotated;
}

class Executor {
 public:
  Executor(const ProvincePlan& plan, client::LedgerClient& client,
           const ExecuteOptions& options)
      : plan_(plan), client_(client), options_(options) {
    progress_.funds_total = static_cast<int>(plan.funds.size());
    progress_.entries_total = plan.totals.entries;
  }

  // Runs the funds (indexes into plan.funds, in this order) on the workers.
  absl::Status Run(const std::vector<size_t>& order);
  ExecuteProgress progress() const {
    absl::MutexLock lock(&mutex_);
    return progress_;
  }
  int64_t entries_new() const { return entries_new_.load(); }

 private:
  absl::Status RunFund(const FundPlan& fund);
  absl::StatusOr<uint64_t> JournalSize(const std::string& fund_id);
  absl::Status RegisterMembers(const FundPlan& fund);
  absl::Status RunStep(const FundStep& step);
  // Adds to the progress and reports it.
  void Report(int funds, int64_t members, int64_t status_changes,
              int64_t entries);

  const ProvincePlan& plan_;
  client::LedgerClient& client_;
  const ExecuteOptions& options_;
  std::atomic<bool> failed_{false};
  std::atomic<int64_t> entries_new_{0};
  mutable absl::Mutex mutex_;
  ExecuteProgress progress_ ABSL_GUARDED_BY(mutex_);
};

void Executor::Report(int funds, int64_t members, int64_t status_changes,
                      int64_t entries) {
  absl::MutexLock lock(&mutex_);
  progress_.funds_done += funds;
  progress_.members += members;
  progress_.status_changes += status_changes;
  progress_.entries += entries;
  if (options_.on_progress) options_.on_progress(progress_);
}

absl::StatusOr<uint64_t> Executor::JournalSize(const std::string& fund_id) {
  v1::GetFundRequest request;
  request.set_name(absl::StrCat("funds/", fund_id));
  absl::StatusOr<v1::Fund> fund = client_.GetFund(request);
  if (absl::IsNotFound(fund.status())) return 0;
  if (!fund.ok()) return fund.status();
  return fund->journal_size();
}

absl::Status Executor::RegisterMembers(const FundPlan& fund) {
  int64_t unreported = 0;
  for (size_t i = 0; i < fund.members.size(); ++i) {
    if (failed_.load()) return absl::OkStatus();
    const v1::RegisterMemberRequest& request = fund.members[i];
    absl::StatusOr<v1::Member> member = client_.RegisterMember(request);
    if (!member.ok()) {
      return InFund(member.status(), fund.fund_id, request.request_id());
    }
    const int expected = static_cast<int>(i) + 1;
    if (member->member_number() != expected) {
      return InFund(absl::FailedPreconditionError(absl::StrCat(
                        "the server numbered the member ",
                        member->member_number(), ", the plan ", expected,
                        "; the fund holds members the plan did not write")),
                    fund.fund_id, request.request_id());
    }
    if (++unreported == kMembersPerProgress) {
      Report(0, unreported, 0, unreported);
      unreported = 0;
    }
  }
  if (unreported > 0) Report(0, unreported, 0, unreported);
  return absl::OkStatus();
}

absl::Status Executor::RunStep(const FundStep& step) {
  if (step.kind == FundStep::Kind::kStatusChange) {
    absl::StatusOr<v1::Member> member =
        client_.ChangeMemberStatus(step.status_change);
    if (!member.ok()) return member.status();
    Report(0, 0, 1, 1);
    return absl::OkStatus();
  }
  absl::StatusOr<v1::PostBatchResponse> response =
      client_.PostBatch(step.batch);
  if (!response.ok()) return response.status();
  if (static_cast<int>(response->entry_count()) != step.batch.items_size()) {
    return absl::InternalError(
        absl::StrCat("the server wrote ", response->entry_count(),
                     " entries for ", step.batch.items_size(), " items"));
  }
  Report(0, 0, 0, response->entry_count());
  return absl::OkStatus();
}

absl::Status Executor::RunFund(const FundPlan& fund) {
  absl::StatusOr<uint64_t> before = JournalSize(fund.fund_id);
  if (!before.ok()) return InFund(before.status(), fund.fund_id, "GetFund");
  absl::StatusOr<v1::Fund> created = client_.CreateFund(fund.create);
  if (!created.ok()) {
    return InFund(created.status(), fund.fund_id, fund.create.request_id());
  }
  Report(0, 0, 0, 1);
  if (absl::Status status = RegisterMembers(fund); !status.ok()) {
    return status;
  }
  for (const FundStep& step : fund.steps) {
    if (failed_.load()) return absl::OkStatus();
    if (absl::Status status = RunStep(step); !status.ok()) {
      return InFund(status, fund.fund_id, step.request_id());
    }
  }
  absl::StatusOr<uint64_t> after = JournalSize(fund.fund_id);
  if (!after.ok()) return InFund(after.status(), fund.fund_id, "GetFund");
  entries_new_ += static_cast<int64_t>(*after - *before);
  Report(1, 0, 0, 0);
  return absl::OkStatus();
}

absl::Status Executor::Run(const std::vector<size_t>& order) {
  std::atomic<size_t> next{0};
  absl::Mutex error_mutex;
  absl::Status first_error;
  const auto work = [&] {
    while (!failed_.load()) {
      const size_t i = next++;
      if (i >= order.size()) return;
      absl::Status status = RunFund(plan_.funds[order[i]]);
      if (!status.ok()) {
        absl::MutexLock lock(&error_mutex);
        if (first_error.ok()) first_error = status;
        failed_ = true;
      }
    }
  };
  const int threads =
      std::min(options_.threads, static_cast<int>(order.size()));
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  absl::MutexLock lock(&error_mutex);
  return first_error;
}

}  // namespace

absl::StatusOr<ExecuteSummary> ExecutePlan(const ProvincePlan& plan,
                                           client::LedgerClient& client,
                                           const ExecuteOptions& options) {
  if (options.threads < 1 || options.threads > kThreadsMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("threads: ", options.threads, ", want 1..", kThreadsMax));
  }
  // Biggest funds first, so that no worker is left with a big one at the end.
  std::vector<size_t> order(plan.funds.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&plan](size_t a, size_t b) {
    return plan.funds[a].totals.entries > plan.funds[b].totals.entries;
  });
  const absl::Time start = absl::Now();
  Executor executor(plan, client, options);
  if (absl::Status status = executor.Run(order); !status.ok()) return status;
  ExecuteSummary summary;
  const ExecuteProgress progress = executor.progress();
  summary.funds = progress.funds_done;
  summary.members = progress.members;
  summary.status_changes = progress.status_changes;
  summary.entries = progress.entries;
  summary.entries_new = executor.entries_new();
  summary.elapsed = absl::Now() - start;
  const double seconds = absl::ToDoubleSeconds(summary.elapsed);
  summary.entries_per_second =
      seconds > 0 ? static_cast<double>(summary.entries) / seconds : 0;
  return summary;
}

}  // namespace welfare::seed
