// ExecutePlan: writes a province plan (plan.h) to a welfared through a
// LedgerClient, with worker threads.
//
// Funds are spread over the workers, biggest first; within a fund the
// requests run in the plan's order: CreateFund, RegisterMember for each
// member (checking that the server gave the planned member number), then the
// steps (PostBatch, ChangeMemberStatus). The client retries what may be
// retried; every request has the plan's request_id, so executing a plan that
// was (partly) executed before writes only what is missing.
#ifndef WELFARE_CLIENTS_SEED_EXECUTE_H_
#define WELFARE_CLIENTS_SEED_EXECUTE_H_

#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "clients/ledger_client.h"
#include "clients/seed/plan.h"

namespace welfare::seed {

struct ExecuteProgress {
  int funds_done = 0;
  int funds_total = 0;
  int64_t members = 0;  // registered so far
  int64_t status_changes = 0;
  // Entries the requests answered so far stand for.
  int64_t entries = 0;
  int64_t entries_total = 0;  // the plan's
};

struct ExecuteOptions {
  // Worker threads: 1..64.
  int threads = 4;
  // Called after each batch, each status change, every
  // kMembersPerProgress members and each fund done, from the worker threads
  // but never two at once. It must be quick and must not call ExecutePlan.
  std::function<void(const ExecuteProgress&)> on_progress;
};

inline constexpr int kMembersPerProgress = 100;

struct ExecuteSummary {
  int funds = 0;
  int64_t members = 0;
  int64_t status_changes = 0;
  // Entries the requests stand for, whether written now or by an earlier run
  // (the server answers a repeated request_id with the first result).
  int64_t entries = 0;
  // How much the funds' journals grew during this run: 0 when the plan had
  // been executed before.
  int64_t entries_new = 0;
  absl::Duration elapsed;
  double entries_per_second = 0;  // entries / elapsed
};

// Runs every request of the plan. Returns the first error, with its code
// and the server's reason (clients/status.h ErrorReason) kept, and the fund
// and request it came from first in the message: "fund p33-f0002, request
// seed42:p33-f0002:b3: ...". FAILED_PRECONDITION if the server numbers a
// member differently from the plan (the fund held other members).
// INVALID_ARGUMENT for bad options. Workers stop at their next request once
// one has failed.
absl::StatusOr<ExecuteSummary> ExecutePlan(const ProvincePlan& plan,
                                           client::LedgerClient& client,
                                           const ExecuteOptions& options);

}  // namespace welfare::seed

#endif  // WELFARE_CLIENTS_SEED_EXECUTE_H_
