// Staging: the writes of one commit group, readable before they are durable.
//
// The committer validates requests in order; a later request must see what
// an earlier one of the same group staged. Keys that may be read back within
// the group (Put, Delete) live in an in-memory overlay over the latest
// committed state, and only their last value of the group is written, once,
// at Commit (a member's view changed by twenty dues payments of one batch is
// written once). Keys never read back within a group (indexes, balances:
// PutUnread) go straight into the group's WriteBatch. Savepoints undo one
// request's writes when it is rejected. Used by the committer thread only;
// not thread-safe.
#ifndef WELFARE_STORAGE_STAGING_H_
#define WELFARE_STORAGE_STAGING_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/write_batch.h"
#include "storage/store.h"

namespace welfare::storage {

class Staging {
 public:
  explicit Staging(Store* store);

  // The value Put or Deleted in this group, else the committed one; nullopt
  // if neither.
  absl::StatusOr<std::optional<std::string>> Get(Column column,
                                                 absl::string_view key);
  // The greatest key with the prefix, staged (Put) or committed, that is not
  // deleted; nullopt if none.
  absl::StatusOr<std::optional<std::string>> LastKeyWithPrefix(
      Column column, absl::string_view prefix);
  // Committed keys only (nothing staged), in key order.
  PrefixIterator ScanCommitted(Column column, absl::string_view prefix) const;

  // Writes that later Gets of this group see.
  void Put(Column column, absl::string_view key, absl::string_view value);
  void Delete(Column column, absl::string_view key);
  // A write that no Get of this group will ask for (Get would not see it).
  void PutUnread(Column column, absl::string_view key, absl::string_view value);
  // Adds delta to the total under key in a column whose merge operator adds
  // (totals.h). The group's deltas of one key are summed and written as one
  // merge operand at Commit; Get never sees them.
  void AddToTotal(Column column, absl::string_view key, int64_t delta);

  void SetSavePoint();
  // Undoes every write since the last SetSavePoint, and removes it.
  void RollbackToSavePoint();
  // Keeps the writes since the last SetSavePoint, and removes it.
  void PopSavePoint();

  // Writes everything staged durably, then empties the staging.
  absl::Status Commit();
  // Drops everything staged.
  void Clear();
  // Number of writes staged (a key Put twice counts twice).
  uint32_t count() const { return writes_; }

 private:
  struct Undo {
    std::string overlay_key;
    std::optional<std::optional<std::string>> previous;  // nullopt: absent
  };
  static std::string OverlayKey(Column column, absl::string_view key);
  void Remember(const std::string& overlay_key,
                std::optional<std::string> value);

  Store* store_;
  rocksdb::WriteBatch batch_;
  // Column byte + key -> value, or nullopt for a deletion.
  std::map<std::string, std::optional<std::string>, std::less<>> overlay_;
  std::vector<Undo> undo_;
  // Column byte + key -> the group's summed delta; every addition is logged
  // while a savepoint is set, so a rollback can take it back.
  std::map<std::string, int64_t, std::less<>> totals_;
  std::vector<std::pair<int64_t*, int64_t>> total_undo_;
  std::string total_key_;  // Scratch, to look keys up without allocating.
  struct SavePoint {
    size_t undo_size;
    size_t total_undo_size;
    uint32_t writes;
  };
  std::vector<SavePoint> savepoints_;
  uint32_t writes_ = 0;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_STAGING_H_
