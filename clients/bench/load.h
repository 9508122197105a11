// A closed-loop load generator over the gRPC callback API: `clients`
// simulated treasurers, each with one call in flight, recording member dues
// into a set of funds for a fixed time, measuring durable transactions per
// second and call latency.
#ifndef WELFARE_CLIENTS_BENCH_LOAD_H_
#define WELFARE_CLIENTS_BENCH_LOAD_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "clients/connection.h"

namespace welfare::bench {

struct LoadSpec {
  std::string target;
  // The CA and the token of every call (clients/connection.h).
  client::Credentials credentials;
  // Calls in flight at any time (one per simulated client).
  int clients = 1;
  // gRPC channels (TCP connections) the clients share.
  int channels = 2;
  // 1: RecordContribution calls; > 1: PostBatch calls of that many dues.
  int batch_size = 1;
  // What each call does: write dues (batch_size), or read. kGetFund costs
  // what a call costs without the journal; the audit calls read the first
  // fund's tree of tree_size entries (proofs of random entries and sizes).
  enum class Call {
    kWriteDues,
    kGetFund,
    kCheckpoint,
    kInclusionProof,
    kConsistencyProof
  };
  Call call = Call::kWriteDues;
  uint64_t tree_size = 0;
  absl::Duration warmup = absl::Seconds(1);
  absl::Duration duration = absl::Seconds(5);
  // Funds (created by PrepareFunds) and members per fund to pay dues for.
  std::vector<std::string> fund_ids;
  int members_per_fund = 100;
  // Stop after this many transactions (0: no limit), e.g. to fill journals.
  int64_t transactions_max = 0;
};

struct LoadResult {
  int64_t calls = 0;
  int64_t transactions = 0;
  int64_t failures = 0;
  std::string first_failure;
  double seconds = 0;
  double transactions_per_second = 0;
  // Call latency in milliseconds.
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, p999_ms = 0, max_ms = 0;
};

// Where each fund's dues have got to, so that successive runs against the
// same funds never pay the same member's month twice.
class DuesCursor {
 public:
  explicit DuesCursor(int funds);
  // Reserves `count` consecutive (member, month) slots of fund f; returns
  // the first slot number.
  int64_t Reserve(int fund, int count);

 private:
  std::unique_ptr<std::atomic<int64_t>[]> next_;
};

// Creates the funds and registers their members (in parallel).
absl::Status PrepareFunds(const std::string& target,
                          const client::Credentials& credentials,
                          const std::vector<std::string>& fund_ids,
                          int members_per_fund);

LoadResult RunLoad(const LoadSpec& spec, DuesCursor& cursor);

}  // namespace welfare::bench

#endif  // WELFARE_CLIENTS_BENCH_LOAD_H_
