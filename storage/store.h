// Store: the RocksDB database of welfare-ledger, with its column families
// (see keys.h), and ReadView, a consistent snapshot to read from.
//
// Thread-safe. Writes go only through the journal's committers
// (journal.h); everyone may read through a ReadView at any time without
// waiting for them.
#ifndef WELFARE_STORAGE_STORE_H_
#define WELFARE_STORAGE_STORE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "storage/disk_space.h"

namespace welfare::storage {

enum class Column {
  kJournal = 0,
  kViews = 1,
  kProfiles = 2,
  kIndexes = 3,
  kDefault = 4,
  kTree = 5,
  // Report totals (keys.h): every value is a fixed64le int64 that writers
  // only add to (RocksDB merge with AddInt64MergeOperator, totals.h).
  kTallies = 6,
};
inline constexpr int kColumnCount = 7;

struct StoreOptions {
  // The database folder; created if missing.
  std::string path;
  // Shared by every column family's data, index and filter blocks.
  size_t block_cache_bytes = 32 << 20;
  // Upper bound on the memory of all memtables together.
  size_t memtable_budget_bytes = 64 << 20;
  // Writes are refused UNAVAILABLE DISK_FULL while the volume has less
  // free (disk_space.h); 0 never refuses before RocksDB itself fails.
  uint64_t disk_reserve_bytes = 0;
  // The ballast file kept beside the database folder (<path>.ballast) to
  // be released when the volume fills anyway; 0: none.
  uint64_t ballast_bytes = 0;
  // Where RocksDB's warnings and errors go (never to a LOG file in the
  // database folder: rocksdb_logger.h); standard error if empty.
  std::function<void(const std::string&)> log;
  // Opens the database read-only (RocksDB's OpenForReadOnly): writes
  // nothing at all, not even on open, and may run beside a server that has
  // it open. WriteDurably then fails. For inspection (welfared --inspect).
  bool read_only = false;
  // Tests only: an environment that fails on demand. Not owned; must outlive
  // the store.
  rocksdb::Env* env = nullptr;
};

class Store {
 public:
  // Opens or creates the database. FAILED_PRECONDITION if it was written by
  // an incompatible format version; UNAVAILABLE if RocksDB cannot open it
  // (e.g. another process holds its lock); DATA_LOSS on corruption.
  static absl::StatusOr<std::unique_ptr<Store>> Open(
      const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes batch atomically and syncs the write-ahead log before returning:
  // OK means durable. UNAVAILABLE DISK_FULL, writing nothing, while the
  // volume is below the reserve or RocksDB ran out of space; the first
  // write after space is back resumes RocksDB (DB::Resume) in-process,
  // unless every memtable was empty when space ran out: then writes are
  // refused DISK_FULL until a restart (store.cc says why).
  absl::Status WriteDurably(rocksdb::WriteBatch* batch);

  // Where RocksDB's memory goes, in bytes, summed over the column families.
  struct MemoryUsage {
    uint64_t memtables = 0;    // Active and immutable memtables.
    uint64_t block_cache = 0;  // Everything charged to the block cache.
    uint64_t block_cache_pinned = 0;
    uint64_t table_readers = 0;  // Index and filter blocks outside the cache.
  };
  MemoryUsage Memory() const;

  // The database's own secret (made when it was created): the key of
  // tokens only this database's server may make, such as page tokens.
  const std::string& token_key() const { return token_key_; }

  // The volume was too full to open the database for writing (not even a
  // new MANIFEST fit): it is open read-only, reads are served and every
  // write is refused UNAVAILABLE DISK_FULL until a restart with space.
  bool opened_on_full_volume() const { return opened_on_full_volume_; }

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* handle(Column column) const;

 private:
  Store() = default;
  // Opens db_ with OpenForReadOnly and checks its format.
  absl::Status OpenReadOnly(
      const rocksdb::DBOptions& options, const std::string& path,
      const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
      bool full_volume);
  // Whether any column family's memtables (active or immutable) hold an
  // entry.
  bool AnyMemtableHoldsData() const;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::shared_ptr<rocksdb::Cache> cache_;
  std::string token_key_;
  std::unique_ptr<DiskSpace> disk_;
  bool read_only_ = false;
  bool opened_on_full_volume_ = false;
  // A write failed for want of space: RocksDB refuses writes until resumed.
  std::atomic<bool> out_of_space_{false};
  // ... and every memtable was empty then: RocksDB cannot resume safely.
  std::atomic<bool> resume_needs_restart_{false};
};

// An iterator over the keys that start with a prefix, in key order.
class PrefixIterator {
 public:
  // make creates the underlying iterator from read options whose
  // iterate_upper_bound the PrefixIterator owns.
  PrefixIterator(
      std::string prefix,
      const std::function<rocksdb::Iterator*(const rocksdb::Slice*)>& make);
  PrefixIterator(PrefixIterator&&) = default;
  // Only for an iterator made by ReadView::Cursor: the prefix of the next
  // Seek (reusing one RocksDB iterator costs far less than making one).
  void SetPrefix(absl::string_view prefix);
  // Positions at the first key >= prefix + suffix (Seek) or the last key
  // <= prefix + suffix (SeekForPrev, suffix empty: the last key).
  void Seek(absl::string_view suffix = {});
  void SeekToLast();
  bool Valid() const;
  void Next();
  void Prev();
  absl::string_view key() const;
  absl::string_view value() const;
  // The key without the prefix.
  absl::string_view suffix() const;
  // OK, or why iteration stopped early.
  absl::Status status() const;

 private:
  struct Bounds {
    std::string prefix;
    std::string upper;
    rocksdb::Slice upper_slice;
  };
  friend class ReadView;            // Makes reusable cursors.
  std::unique_ptr<Bounds> bounds_;  // Stable address for the read options.
  bool reusable_ = false;
  std::unique_ptr<rocksdb::Iterator> iterator_;
};

// A consistent snapshot of the whole database; released on destruction.
class ReadView {
 public:
  explicit ReadView(const Store* store);
  ~ReadView();
  ReadView(const ReadView&) = delete;
  ReadView& operator=(const ReadView&) = delete;

  // The value of key, nullopt if there is none.
  absl::StatusOr<std::optional<std::string>> Get(Column column,
                                                 absl::string_view key) const;
  PrefixIterator Scan(Column column, absl::string_view prefix) const;
  // An iterator for many prefixes in turn (PrefixIterator::SetPrefix). It
  // has no upper bound, so a seek may read a block past its prefix; Valid()
  // still stops at the prefix. Use it where a read visits many small ranges.
  PrefixIterator Cursor(Column column) const;

 private:
  const Store* store_;
  const rocksdb::Snapshot* snapshot_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_STORE_H_
