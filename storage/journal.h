// Journal: the journal engine of welfare-ledger. It owns the store and one
// committer per shard; a fund's writes always go to the same shard
// (by a hash of its id), so each fund's journal has exactly one writer.
//
// Thread-safe. Reads go straight to the store through a ReadView and never
// wait for a committer.
#ifndef WELFARE_STORAGE_JOURNAL_H_
#define WELFARE_STORAGE_JOURNAL_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/clock.h"
#include "storage/committer.h"
#include "storage/store.h"
#include "storage/write_request.h"

namespace welfare::storage {

struct JournalOptions {
  StoreOptions store;
  CommitterOptions committer;
  // Number of committers, 1..64.
  int shards = 4;
  // Not owned; must outlive the journal. Defaults to the real clock.
  const Clock* clock = nullptr;
};

class Journal {
 public:
  // Errors: those of Store::Open; INVALID_ARGUMENT for bad options.
  static absl::StatusOr<std::unique_ptr<Journal>> Open(
      const JournalOptions& options);
  // Answers every queued write, then closes the store.
  ~Journal();

  // Queues a write for the committer of request.fund_id's shard.
  void Submit(WriteRequest request);

  const Store& store() const { return *store_; }
  // For records that are not journal entries and have their own writer
  // (the access records of services/auth/principals.h).
  Store* mutable_store() { return store_.get(); }

 private:
  Journal() = default;
  std::unique_ptr<Store> store_;
  std::vector<std::unique_ptr<Committer>> committers_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_JOURNAL_H_
