#include "storage/staging.h"

#include "storage/errors.h"
#include "storage/status_macros.h"

namespace welfare::storage {
namespace {

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

}  // namespace

Staging::Staging(Store* store)
    : store_(store),
      batch_(rocksdb::BytewiseComparator(), /*reserved_bytes=*/1 << 20,
             /*overwrite_key=*/true) {}

absl::StatusOr<std::optional<std::string>> Staging::Get(Column column,
                                                        absl::string_view key) {
  std::string value;
  rocksdb::Status status =
      batch_.GetFromBatchAndDB(store_->db(), rocksdb::ReadOptions(),
                               store_->handle(column), ToSlice(key), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocksDb(status, "reading staged state"));
  return value;
}

PrefixIterator Staging::Scan(Column column, absl::string_view prefix) {
  return PrefixIterator(
      std::string(prefix), [this, column](const rocksdb::Slice* upper) {
        rocksdb::ReadOptions options;
        options.iterate_upper_bound = upper;
        rocksdb::ColumnFamilyHandle* handle = store_->handle(column);
        // The staged side is unbounded; PrefixIterator::Valid() stops at
        // the end of the prefix.
        return batch_.NewIteratorWithBase(
            handle, store_->db()->NewIterator(options, handle));
      });
}

void Staging::Put(Column column, absl::string_view key,
                  absl::string_view value) {
  WELFARE_CHECK(
      batch_.Put(store_->handle(column), ToSlice(key), ToSlice(value)).ok());
}

void Staging::Delete(Column column, absl::string_view key) {
  WELFARE_CHECK(batch_.Delete(store_->handle(column), ToSlice(key)).ok());
}

void Staging::SetSavePoint() { batch_.SetSavePoint(); }

void Staging::RollbackToSavePoint() {
  WELFARE_CHECK(batch_.RollbackToSavePoint().ok());
}

void Staging::PopSavePoint() { WELFARE_CHECK(batch_.PopSavePoint().ok()); }

absl::Status Staging::Commit() {
  absl::Status status = absl::OkStatus();
  if (batch_.GetWriteBatch()->Count() > 0) {
    status = store_->WriteDurably(batch_.GetWriteBatch());
  }
  batch_.Clear();
  return status;
}

void Staging::Clear() { batch_.Clear(); }

uint32_t Staging::count() const {
  return const_cast<rocksdb::WriteBatchWithIndex&>(batch_)
      .GetWriteBatch()
      ->Count();
}

}  // namespace welfare::storage
