// Staging: the writes of one commit group, readable before they are durable.
//
// The committer validates requests in order; a later request must see what
// an earlier one of the same group staged. Staging layers the group's
// pending writes (a RocksDB WriteBatchWithIndex) over the latest committed
// state of the database. Savepoints undo one request's writes when it is
// rejected. Used by the committer thread only; not thread-safe.
#ifndef WELFARE_STORAGE_STAGING_H_
#define WELFARE_STORAGE_STAGING_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "storage/store.h"

namespace welfare::storage {

class Staging {
 public:
  explicit Staging(Store* store);

  // The staged value of key, else the committed one; nullopt if neither.
  absl::StatusOr<std::optional<std::string>> Get(Column column,
                                                 absl::string_view key);
  // Staged and committed keys with a prefix, merged in key order.
  PrefixIterator Scan(Column column, absl::string_view prefix);

  void Put(Column column, absl::string_view key, absl::string_view value);
  void Delete(Column column, absl::string_view key);

  void SetSavePoint();
  // Undoes every write since the last SetSavePoint, and removes it.
  void RollbackToSavePoint();
  // Keeps the writes since the last SetSavePoint, and removes it.
  void PopSavePoint();

  // Writes everything staged durably, then empties the staging.
  absl::Status Commit();
  // Drops everything staged.
  void Clear();
  // Number of writes staged.
  uint32_t count() const;

 private:
  Store* store_;
  rocksdb::WriteBatchWithIndex batch_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_STAGING_H_
