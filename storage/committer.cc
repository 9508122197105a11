#include "storage/committer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "storage/append_context.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::storage {

Committer::Committer(Store* store, const Clock* clock,
                     const CommitterOptions& options)
    : store_(store),
      clock_(clock),
      options_(options),
      staging_(store),
      thread_([this] { Run(); }) {}

Committer::~Committer() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

void Committer::Submit(WriteRequest request) {
  absl::Status refused;
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) {
      refused = Error(absl::StatusCode::kUnavailable, "SERVER_BUSY",
                      "the server is shutting down; retry the call");
    } else if (queue_.size() >= options_.queued_requests_max) {
      refused = Error(absl::StatusCode::kResourceExhausted, "SERVER_BUSY",
                      "too many writes are waiting; back off and retry");
    } else {
      queue_.push_back(std::move(request));
      return;
    }
  }
  request.done(refused);
}

void Committer::Run() {
  std::vector<WriteRequest> group;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](Committer* c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(c->mu_) {
            return !c->queue_.empty() || c->stopping_;
          },
          this));
      if (queue_.empty()) return;  // Stopping, and everything answered.
      uint32_t weight = 0;
      while (!queue_.empty() &&
             (group.empty() ||
              weight + queue_.front().weight <= options_.group_weight_max)) {
        weight += queue_.front().weight;
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitGroup(group);
    group.clear();
  }
}

void Committer::CommitGroup(std::vector<WriteRequest>& group) {
  if (funds_.size() > options_.cached_funds_max) funds_.clear();
  group_now_micros_ = clock_->NowMicros();
  std::vector<absl::StatusOr<AppendResult>> results;
  results.reserve(group.size());
  for (const WriteRequest& request : group) {
    results.push_back(Process(request));
  }
  for (auto& [fund_id, fund] : touched_) {
    StageAccountChanges(fund_id, *fund, staging_);
  }
  touched_.clear();
  absl::Status written = staging_.Commit();
  if (!written.ok()) {
    // Nothing of the group is durable: forget the states it advanced, and
    // tell every request that would have succeeded (a replay too: it may
    // name entries staged by this very group).
    funds_.clear();
    for (auto& result : results) {
      if (result.ok()) result = written;
    }
    if (options_.on_write_failure) options_.on_write_failure(written);
  } else if (last_group_failed_ && options_.on_write_recovered) {
    options_.on_write_recovered();
  }
  last_group_failed_ = !written.ok();
  for (size_t i = 0; i < group.size(); ++i) {
    group[i].done(std::move(results[i]));
  }
}

absl::StatusOr<FundState*> Committer::FundFor(const std::string& fund_id) {
  auto it = funds_.find(fund_id);
  if (it != funds_.end()) return it->second.get();
  ASSIGN_OR_RETURN(FundState state, LoadFundState(staging_, fund_id));
  auto& slot = funds_[fund_id];
  slot = std::make_unique<FundState>(std::move(state));
  return slot.get();
}

absl::StatusOr<AppendResult> Committer::Process(const WriteRequest& request) {
  ASSIGN_OR_RETURN(FundState * fund, FundFor(request.fund_id));
  const std::string request_key =
      keys::Request(request.fund_id, request.request_id);
  ASSIGN_OR_RETURN(auto seen, staging_.Get(Column::kViews, request_key));
  if (seen.has_value()) return Replay(request, *fund, *seen);

  FundState working = *fund;
  AppendContext context(request, &working, &staging_, group_now_micros_);
  const uint32_t staged_before = staging_.count();
  staging_.SetSavePoint();
  absl::Status status = request.apply(context);
  if (status.ok() && context.appended_count() == 0) {
    status = absl::InternalError("the request wrote no entry");
  }
  if (!status.ok()) {
    if (staging_.count() == staged_before) {
      staging_.PopSavePoint();  // Nothing to undo; skip the index rebuild.
    } else {
      staging_.RollbackToSavePoint();
    }
    return status;
  }
  welfare::storage::v1::RequestRecord record;
  record.set_fingerprint(HashBytes(request.fingerprint));
  record.set_first_sequence(context.first_appended_sequence());
  record.set_entry_count(context.appended_count());
  staging_.Put(Column::kViews, request_key, record.SerializeAsString());
  staging_.PopSavePoint();
  *fund = std::move(working);
  touched_[request.fund_id] = fund;
  AppendResult result;
  result.first_sequence = record.first_sequence();
  result.entry_count = record.entry_count();
  result.last_hash = fund->last_hash;
  result.entries = context.TakeAppended();
  return result;
}

absl::StatusOr<AppendResult> Committer::Replay(
    const WriteRequest& request, FundState& fund,
    absl::string_view stored_record) {
  welfare::storage::v1::RequestRecord record;
  if (!record.ParseFromArray(stored_record.data(),
                             static_cast<int>(stored_record.size()))) {
    return Error(
        absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
        absl::StrCat("fund ", request.fund_id, ": unreadable request record"));
  }
  if (record.fingerprint() != HashBytes(request.fingerprint)) {
    return Error(
        absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED",
        absl::StrCat("request_id \"", request.request_id,
                     "\" was already used for a different request in fund ",
                     request.fund_id, "; use a new request_id"));
  }
  if (record.entry_count() == 0 || record.first_sequence() == 0) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", request.fund_id,
                              ": a request record names no entry"));
  }
  AppendContext context(request, &fund, &staging_, group_now_micros_);
  AppendResult result;
  result.replayed = true;
  result.first_sequence = record.first_sequence();
  result.entry_count = record.entry_count();
  // Read them all if the request keeps them, else only the last (its hash).
  const uint64_t last = record.first_sequence() + record.entry_count() - 1;
  const uint64_t first = request.keep_entries ? record.first_sequence() : last;
  for (uint64_t sequence = first; sequence <= last; ++sequence) {
    ASSIGN_OR_RETURN(auto entry, context.ReadEntry(sequence));
    if (!entry.has_value()) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", request.fund_id,
                                ": a request record names a missing entry"));
    }
    result.last_hash = entry->hash;
    if (request.keep_entries) result.entries.push_back(std::move(*entry));
  }
  return result;
}

}  // namespace welfare::storage
