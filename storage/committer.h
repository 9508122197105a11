// Committer: the single writer of one journal shard (group commit).
//
// Its thread drains every waiting request, runs each one's apply function in
// order against the state the earlier ones left, stages all their writes in
// one RocksDB WriteBatch, syncs the write-ahead log once, and only then
// answers them all. Acknowledged means durable. A rejected request writes
// nothing and does not affect the others of its group; if the batch itself
// cannot be written, every request of the group gets that error.
//
// Idempotency: before applying a request, the committer looks up its
// request_id; a request seen before with the same fingerprint is answered
// with the entries it wrote then (replayed), one with another fingerprint is
// rejected with ALREADY_EXISTS REQUEST_ID_REUSED.
#ifndef WELFARE_STORAGE_COMMITTER_H_
#define WELFARE_STORAGE_COMMITTER_H_

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "storage/clock.h"
#include "storage/fund_state.h"
#include "storage/staging.h"
#include "storage/store.h"
#include "storage/write_request.h"

namespace welfare::storage {

struct CommitterOptions {
  // Requests waiting beyond this are refused with RESOURCE_EXHAUSTED
  // (SERVER_BUSY) at once.
  size_t queued_requests_max = 8192;
  // A group stops taking requests once their weights reach this.
  uint32_t group_weight_max = 8192;
  // Fund states kept in memory; beyond it the cache starts afresh.
  size_t cached_funds_max = 20000;
  // Called on the committer thread each time a group cannot be written
  // (every request of it has failed). After DISK_FULL, writing resumes by
  // itself once space is freed (Store::WriteDurably); after any other
  // failure RocksDB refuses every later write until the database is
  // reopened. May be empty.
  std::function<void(const absl::Status&)> on_write_failure;
  // Called on the committer thread when a group is written after the
  // previous one of this committer failed. May be empty.
  std::function<void()> on_write_recovered;
};

class Committer {
 public:
  // store and clock must outlive the committer. Starts the thread.
  Committer(Store* store, const Clock* clock, const CommitterOptions& options);
  // Answers everything queued, then stops.
  ~Committer();
  Committer(const Committer&) = delete;
  Committer& operator=(const Committer&) = delete;

  // Queues a request; its done callback runs later on the committer thread,
  // or at once (RESOURCE_EXHAUSTED, UNAVAILABLE) if it cannot be queued.
  void Submit(WriteRequest request);

 private:
  struct Outcome {
    absl::StatusOr<AppendResult> result;
    std::string fund_id;
  };

  void Run();
  void CommitGroup(std::vector<WriteRequest>& group);
  absl::StatusOr<AppendResult> Process(const WriteRequest& request);
  absl::StatusOr<AppendResult> Replay(const WriteRequest& request,
                                      FundState& fund,
                                      absl::string_view stored_record);
  absl::StatusOr<FundState*> FundFor(const std::string& fund_id);

  Store* const store_;
  const Clock* const clock_;
  const CommitterOptions options_;

  absl::Mutex mu_;
  std::deque<WriteRequest> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;

  // Committer thread only.
  Staging staging_;
  int64_t group_now_micros_ = 0;
  absl::flat_hash_map<std::string, std::unique_ptr<FundState>> funds_;
  bool last_group_failed_ = false;
  // Funds whose state the current group changed.
  absl::flat_hash_map<std::string, FundState*> touched_;

  std::thread thread_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_COMMITTER_H_
