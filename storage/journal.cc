#include "storage/journal.h"

#include "absl/hash/hash.h"
#include "storage/status_macros.h"

namespace welfare::storage {

absl::StatusOr<std::unique_ptr<Journal>> Journal::Open(
    const JournalOptions& options) {
  if (options.shards < 1 || options.shards > 64) {
    return absl::InvalidArgumentError("shards must be 1..64");
  }
  auto journal = std::unique_ptr<Journal>(new Journal());
  ASSIGN_OR_RETURN(journal->store_, Store::Open(options.store));
  const Clock* clock = options.clock != nullptr ? options.clock : RealClock();
  for (int i = 0; i < options.shards; ++i) {
    journal->committers_.push_back(std::make_unique<Committer>(
        journal->store_.get(), clock, options.committer));
  }
  return journal;
}

Journal::~Journal() {
  committers_.clear();  // Joins each committer after it drains its queue.
  store_.reset();
}

void Journal::Submit(WriteRequest request) {
  // absl::Hash is salted per process; that is fine, a shard exists only in
  // memory.
  size_t shard =
      absl::Hash<std::string>()(request.fund_id) % committers_.size();
  committers_[shard]->Submit(std::move(request));
}

}  // namespace welfare::storage
