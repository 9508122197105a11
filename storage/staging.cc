#include "storage/staging.h"

#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::storage {
namespace {

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

}  // namespace

Staging::Staging(Store* store) : store_(store) {}

std::string Staging::OverlayKey(Column column, absl::string_view key) {
  std::string overlay_key;
  overlay_key.reserve(1 + key.size());
  overlay_key.push_back(static_cast<char>(column));
  overlay_key.append(key.data(), key.size());
  return overlay_key;
}

absl::StatusOr<std::optional<std::string>> Staging::Get(Column column,
                                                        absl::string_view key) {
  auto staged = overlay_.find(OverlayKey(column, key));
  if (staged != overlay_.end()) return staged->second;
  std::string value;
  rocksdb::Status status = store_->db()->Get(
      rocksdb::ReadOptions(), store_->handle(column), ToSlice(key), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocksDb(status, "reading committed state"));
  return value;
}

absl::StatusOr<std::optional<std::string>> Staging::LastKeyWithPrefix(
    Column column, absl::string_view prefix) {
  // The last staged key of the prefix that is not a deletion.
  std::optional<std::string> staged_last;
  const std::string overlay_prefix = OverlayKey(column, prefix);
  auto it = overlay_.lower_bound(keys::PrefixEnd(overlay_prefix));
  while (it != overlay_.begin()) {
    --it;
    if (it->first.compare(0, overlay_prefix.size(), overlay_prefix) != 0) break;
    if (it->second.has_value()) {
      staged_last = it->first.substr(1);
      break;
    }
  }
  // The last committed key not deleted in this group.
  PrefixIterator committed = ScanCommitted(column, prefix);
  for (committed.SeekToLast(); committed.Valid(); committed.Prev()) {
    auto deleted = overlay_.find(OverlayKey(column, committed.key()));
    if (deleted == overlay_.end() || deleted->second.has_value()) break;
  }
  RETURN_IF_ERROR(committed.status());
  if (committed.Valid() &&
      (!staged_last.has_value() || committed.key() > *staged_last)) {
    return std::string(committed.key());
  }
  return staged_last;
}

PrefixIterator Staging::ScanCommitted(Column column,
                                      absl::string_view prefix) const {
  return PrefixIterator(
      std::string(prefix), [this, column](const rocksdb::Slice* upper) {
        rocksdb::ReadOptions options;
        options.iterate_upper_bound = upper;
        return store_->db()->NewIterator(options, store_->handle(column));
      });
}

void Staging::Remember(const std::string& overlay_key,
                       std::optional<std::string> value) {
  auto [it, inserted] = overlay_.try_emplace(overlay_key);
  if (!savepoints_.empty()) {
    Undo undo{overlay_key, std::nullopt};
    if (!inserted) undo.previous = it->second;
    undo_.push_back(std::move(undo));
  }
  it->second = std::move(value);
}

void Staging::Put(Column column, absl::string_view key,
                  absl::string_view value) {
  ++writes_;
  Remember(OverlayKey(column, key), std::string(value));
}

void Staging::Delete(Column column, absl::string_view key) {
  ++writes_;
  Remember(OverlayKey(column, key), std::nullopt);
}

void Staging::PutUnread(Column column, absl::string_view key,
                        absl::string_view value) {
  ++writes_;
  WELFARE_CHECK(
      batch_.Put(store_->handle(column), ToSlice(key), ToSlice(value)).ok());
}

void Staging::AddToTotal(Column column, absl::string_view key, int64_t delta) {
  ++writes_;
  // Most keys recur within a group (a day's or month's total): find them
  // without allocating.
  total_key_.assign(1, static_cast<char>(column));
  total_key_.append(key.data(), key.size());
  auto it = totals_.find(total_key_);
  if (it == totals_.end()) it = totals_.emplace(total_key_, 0).first;
  int64_t& total = it->second;
  total = static_cast<int64_t>(static_cast<uint64_t>(total) +
                               static_cast<uint64_t>(delta));
  // Map nodes stay put until Clear, which also drops the undo records.
  if (!savepoints_.empty()) total_undo_.emplace_back(&total, delta);
}

void Staging::SetSavePoint() {
  batch_.SetSavePoint();
  savepoints_.push_back({undo_.size(), total_undo_.size(), writes_});
}

void Staging::RollbackToSavePoint() {
  WELFARE_CHECK(!savepoints_.empty());
  WELFARE_CHECK(batch_.RollbackToSavePoint().ok());
  const size_t keep = savepoints_.back().undo_size;
  const size_t keep_totals = savepoints_.back().total_undo_size;
  writes_ = savepoints_.back().writes;
  savepoints_.pop_back();
  while (undo_.size() > keep) {
    Undo& undo = undo_.back();
    if (undo.previous.has_value()) {
      overlay_[undo.overlay_key] = std::move(*undo.previous);
    } else {
      overlay_.erase(undo.overlay_key);
    }
    undo_.pop_back();
  }
  while (total_undo_.size() > keep_totals) {
    auto [total, delta] = total_undo_.back();
    *total = static_cast<int64_t>(static_cast<uint64_t>(*total) -
                                  static_cast<uint64_t>(delta));
    total_undo_.pop_back();
  }
}

void Staging::PopSavePoint() {
  WELFARE_CHECK(!savepoints_.empty());
  WELFARE_CHECK(batch_.PopSavePoint().ok());
  savepoints_.pop_back();
  // An enclosing savepoint still needs the undo records; the outermost
  // does not.
  if (savepoints_.empty()) {
    undo_.clear();
    total_undo_.clear();
  }
}

absl::Status Staging::Commit() {
  // The overlay's last values, in key order.
  for (const auto& [overlay_key, value] : overlay_) {
    rocksdb::ColumnFamilyHandle* handle =
        store_->handle(static_cast<Column>(overlay_key[0]));
    const rocksdb::Slice key(overlay_key.data() + 1, overlay_key.size() - 1);
    WELFARE_CHECK((value.has_value() ? batch_.Put(handle, key, *value)
                                     : batch_.Delete(handle, key))
                      .ok());
  }
  for (const auto& [overlay_key, total] : totals_) {
    if (total == 0) continue;
    WELFARE_CHECK(
        batch_
            .Merge(
                store_->handle(static_cast<Column>(overlay_key[0])),
                rocksdb::Slice(overlay_key.data() + 1, overlay_key.size() - 1),
                keys::EncodeFixed64(total))
            .ok());
  }
  absl::Status status = absl::OkStatus();
  if (batch_.Count() > 0) status = store_->WriteDurably(&batch_);
  Clear();
  return status;
}

void Staging::Clear() {
  batch_.Clear();
  overlay_.clear();
  undo_.clear();
  totals_.clear();
  total_undo_.clear();
  savepoints_.clear();
  writes_ = 0;
}

}  // namespace welfare::storage
