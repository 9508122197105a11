#include "storage/store.h"

#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "rocksdb/write_buffer_manager.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/memtable_hint.h"
#include "storage/rocksdb_logger.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"
#include "storage/totals.h"

namespace welfare::storage {
namespace {

// Column family names, in Column order.
const char* const kColumnNames[kColumnCount] = {
    "journal", "views", "profiles", "indexes", "default", "tree", "tallies"};

rocksdb::ColumnFamilyOptions ColumnOptions(
    Column column, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions options;
  options.write_buffer_size = 32 << 20;
  options.max_write_buffer_number = 3;
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kLZ4Compression;
  options.level_compaction_dynamic_level_bytes = true;
  options.memtable_insert_with_hint_prefix_extractor = NewMemtableHint();
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.cache_index_and_filter_blocks = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  table.format_version = 5;
  if (column == Column::kViews || column == Column::kProfiles ||
      column == Column::kTree) {
    // Views, profiles and Merkle nodes are read by key (request ids,
    // members, the nodes of a proof): a Bloom
    // filter answers most misses without reading a data block, and one in
    // the memtable without searching its skiplist (a new request id is
    // always a miss). Building a filter holds a hash of every key of the
    // output file: smaller files bound that memory during compactions.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    options.memtable_whole_key_filtering = true;
    options.memtable_prefix_bloom_size_ratio = 0.02;
    options.target_file_size_base = 16 << 20;
  }
  if (column == Column::kTree) {
    // Hashes do not compress: LZ4 would only cost time. (1 KiB blocks were
    // tried for proofs' random reads: slower, the bigger index crowds the
    // block cache.)
    options.compression = rocksdb::kNoCompression;
    options.bottommost_compression = rocksdb::kNoCompression;
  }
  if (column == Column::kTallies) {
    // Totals are only added to, by merge operands that reads and
    // compactions sum; they are scanned by range, never looked up by key.
    options.merge_operator = NewAddInt64MergeOperator();
  }
  // The journal, the indexes and the tallies are only scanned: no filter.
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

absl::Status CheckFormat(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta) {
  std::string format;
  rocksdb::Status status =
      db->Get(rocksdb::ReadOptions(), meta, keys::kFormatKey, &format);
  if (status.IsNotFound()) {
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    return FromRocksDb(
        db->Put(write_options, meta, keys::kFormatKey, keys::kFormatVersion),
        "writing the format marker");
  }
  RETURN_IF_ERROR(FromRocksDb(status, "reading the format marker"));
  if (format != keys::kFormatVersion) {
    return absl::FailedPreconditionError(
        "the database was written in format version " + format +
        "; this server reads version " + keys::kFormatVersion);
  }
  return absl::OkStatus();
}

// The token key, made on first open (a database from before there was one
// gets one too: only tokens it handed out so far stop working).
absl::StatusOr<std::string> LoadOrCreateTokenKey(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta) {
  std::string key;
  rocksdb::Status status =
      db->Get(rocksdb::ReadOptions(), meta, keys::kTokenKeyKey, &key);
  if (status.IsNotFound()) {
    key = RandomBytes(kHashBytes);
    rocksdb::WriteOptions write_options;
    write_options.sync = true;
    RETURN_IF_ERROR(
        FromRocksDb(db->Put(write_options, meta, keys::kTokenKeyKey, key),
                    "writing the token key"));
    return key;
  }
  RETURN_IF_ERROR(FromRocksDb(status, "reading the token key"));
  if (key.size() != kHashBytes) {
    return absl::DataLossError(absl::StrCat("the token key holds ", key.size(),
                                            " bytes, want ", kHashBytes));
  }
  return key;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> Store::Open(
    const StoreOptions& store_options) {
  std::shared_ptr<rocksdb::Cache> cache =
      rocksdb::NewLRUCache(store_options.block_cache_bytes);
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.max_background_jobs = 2;
  // The memtable insert hints work only for one writer at a time; the
  // journal has one writer per shard anyway.
  options.allow_concurrent_memtable_write = false;
  options.enable_pipelined_write = true;
  options.bytes_per_sync = 1 << 20;
  options.keep_log_file_num = 5;
  options.max_total_wal_size = 256 << 20;
  options.write_buffer_manager = std::make_shared<rocksdb::WriteBufferManager>(
      store_options.memtable_budget_bytes, cache);
  if (store_options.env != nullptr) options.env = store_options.env;
  options.info_log = NewRocksDbLogger(store_options.log);
  // Opening replays the write-ahead log into memtables without writing
  // table files, so that a server restarted on a full volume opens.
  options.avoid_flush_during_recovery = true;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kColumnCount; ++i) {
    descriptors.emplace_back(kColumnNames[i],
                             ColumnOptions(static_cast<Column>(i), cache));
  }
  auto store = std::unique_ptr<Store>(new Store());
  store->cache_ = cache;
  DiskSpaceOptions disk;
  disk.folder = store_options.path;
  if (!store_options.read_only) {
    std::error_code error;
    std::filesystem::create_directories(store_options.path, error);
    if (error) {
      return absl::UnavailableError(absl::StrCat(
          "cannot create ", store_options.path, ": ", error.message()));
    }
    disk.reserve_bytes = store_options.disk_reserve_bytes;
    disk.ballast_path = store_options.path + ".ballast";
    disk.ballast_bytes = store_options.ballast_bytes;
  }
  store->disk_ = std::make_unique<DiskSpace>(std::move(disk));
  // Opening writes a little (a new MANIFEST and write-ahead log): on a
  // full volume the ballast makes the room.
  if (!store_options.read_only &&
      store->disk_->FreeBytes() <
          store_options.disk_reserve_bytes + (4 << 20)) {
    store->disk_->ReleaseBallast();
  }
  if (store_options.read_only) {
    RETURN_IF_ERROR(store->OpenReadOnly(options, store_options.path,
                                        descriptors, /*full_volume=*/false));
    return store;
  }
  rocksdb::DB* db = nullptr;
  absl::Status opened =
      FromRocksDb(rocksdb::DB::Open(options, store_options.path, descriptors,
                                    &store->handles_, &db),
                  "opening " + store_options.path);
  if (IsDiskFull(opened)) {
    // Not even room for a new MANIFEST: serve reads, refuse writes.
    store->handles_.clear();  // DB::Open left none on failure.
    absl::Status read_only =
        store->OpenReadOnly(options, store_options.path, descriptors,
                            /*full_volume=*/true);
    if (!read_only.ok()) return opened;
    return store;
  }
  RETURN_IF_ERROR(opened);
  store->db_.reset(db);
  RETURN_IF_ERROR(CheckFormat(db, store->handle(Column::kDefault)));
  ASSIGN_OR_RETURN(store->token_key_,
                   LoadOrCreateTokenKey(db, store->handle(Column::kDefault)));
  // Makes the ballast if there is room for it (a refusal here is only
  // news: the writes will hear it).
  store->disk_->CheckWritable().IgnoreError();
  return store;
}

absl::Status Store::OpenReadOnly(
    const rocksdb::DBOptions& options, const std::string& path,
    const std::vector<rocksdb::ColumnFamilyDescriptor>& descriptors,
    bool full_volume) {
  rocksdb::DB* db = nullptr;
  RETURN_IF_ERROR(FromRocksDb(
      rocksdb::DB::OpenForReadOnly(options, path, descriptors, &handles_, &db),
      "opening " + path + " read-only"));
  db_.reset(db);
  read_only_ = true;
  opened_on_full_volume_ = full_volume;
  RETURN_IF_ERROR(CheckFormat(db, handle(Column::kDefault)));
  rocksdb::Status status =
      db->Get(rocksdb::ReadOptions(), handle(Column::kDefault),
              keys::kTokenKeyKey, &token_key_);
  if (status.IsNotFound() && !full_volume) return absl::OkStatus();
  return FromRocksDb(status, "reading the token key");
}

Store::~Store() {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle);
  }
  if (db_ != nullptr) db_->Close().PermitUncheckedError();
}

Store::MemoryUsage Store::Memory() const {
  MemoryUsage usage;
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    uint64_t value = 0;
    if (db_->GetIntProperty(handle, "rocksdb.cur-size-all-mem-tables",
                            &value)) {
      usage.memtables += value;
    }
    if (db_->GetIntProperty(handle, "rocksdb.estimate-table-readers-mem",
                            &value)) {
      usage.table_readers += value;
    }
  }
  usage.block_cache = cache_->GetUsage();
  usage.block_cache_pinned = cache_->GetPinnedUsage();
  return usage;
}

rocksdb::ColumnFamilyHandle* Store::handle(Column column) const {
  return handles_[static_cast<int>(column)];
}

bool Store::AnyMemtableHoldsData() const {
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    for (const char* property : {"rocksdb.num-entries-active-mem-table",
                                 "rocksdb.num-entries-imm-mem-tables"}) {
      uint64_t entries = 0;
      if (db_->GetIntProperty(handle, property, &entries) && entries > 0) {
        return true;
      }
    }
  }
  return false;
}

absl::Status Store::WriteDurably(rocksdb::WriteBatch* batch) {
  if (opened_on_full_volume_) {
    return Error(absl::StatusCode::kUnavailable, "DISK_FULL",
                 "welfared started on a full data volume and opened the "
                 "database read-only; nothing was written. Free space on the "
                 "data volume, then restart welfared");
  }
  if (read_only_) {
    return absl::FailedPreconditionError("the database is open read-only");
  }
  RETURN_IF_ERROR(disk_->CheckWritable());
  if (out_of_space_.load()) {
    if (resume_needs_restart_.load()) {
      return Error(absl::StatusCode::kUnavailable, "DISK_FULL",
                   "a write failed for want of space and the database cannot "
                   "resume in-process; nothing was written. Restart welfared "
                   "now that there is space");
    }
    // Space is back above the reserve. Busy means RocksDB's own recovery (its
    // SstFileManager polls free space) is under way.
    rocksdb::Status resumed = db_->Resume();
    if (!resumed.ok()) {
      return Error(absl::StatusCode::kUnavailable, "DISK_FULL",
                   absl::StrCat("the database is recovering from a full "
                                "volume (",
                                resumed.ToString(),
                                "); nothing was written, retry shortly"));
    }
    out_of_space_.store(false);
  }
  rocksdb::WriteOptions options;
  options.sync = true;
  absl::Status written =
      FromRocksDb(db_->Write(options, batch), "writing the journal");
  if (IsDiskFull(written)) {
    // RocksDB now refuses every write until resumed; give it the ballast's
    // room to flush once it is. Resuming flushes the memtables, which moves
    // writes to a new write-ahead log; with every memtable empty there is
    // nothing to flush and RocksDB 7.8 would go on with the log whose write
    // may just have failed, which it refuses for good (and Debian's build,
    // assertions on, aborts on: tests/storage/fault_simulation_test.cc).
    if (!AnyMemtableHoldsData()) resume_needs_restart_.store(true);
    out_of_space_.store(true);
    disk_->ReleaseBallast();
  }
  return written;
}

PrefixIterator::PrefixIterator(
    std::string prefix,
    const std::function<rocksdb::Iterator*(const rocksdb::Slice*)>& make)
    : bounds_(std::make_unique<Bounds>()) {
  bounds_->prefix = std::move(prefix);
  bounds_->upper = keys::PrefixEnd(bounds_->prefix);
  bounds_->upper_slice = rocksdb::Slice(bounds_->upper);
  iterator_.reset(
      make(bounds_->upper.empty() ? nullptr : &bounds_->upper_slice));
}

void PrefixIterator::SetPrefix(absl::string_view prefix) {
  WELFARE_CHECK(reusable_);
  bounds_->prefix.assign(prefix.data(), prefix.size());
}

void PrefixIterator::Seek(absl::string_view suffix) {
  std::string target = bounds_->prefix;
  target.append(suffix.data(), suffix.size());
  iterator_->Seek(target);
}

void PrefixIterator::SeekToLast() {
  WELFARE_CHECK(!reusable_);
  if (bounds_->upper.empty()) {
    iterator_->SeekToLast();
  } else {
    iterator_->SeekForPrev(bounds_->upper);
    if (iterator_->Valid() && iterator_->key() == bounds_->upper) {
      iterator_->Prev();
    }
  }
}

bool PrefixIterator::Valid() const {
  return iterator_->Valid() && iterator_->key().starts_with(bounds_->prefix);
}

void PrefixIterator::Next() { iterator_->Next(); }
void PrefixIterator::Prev() { iterator_->Prev(); }

absl::string_view PrefixIterator::key() const {
  rocksdb::Slice key = iterator_->key();
  return absl::string_view(key.data(), key.size());
}

absl::string_view PrefixIterator::value() const {
  rocksdb::Slice value = iterator_->value();
  return absl::string_view(value.data(), value.size());
}

absl::string_view PrefixIterator::suffix() const {
  return key().substr(bounds_->prefix.size());
}

absl::Status PrefixIterator::status() const {
  return FromRocksDb(iterator_->status(), "reading");
}

ReadView::ReadView(const Store* store)
    : store_(store), snapshot_(store->db()->GetSnapshot()) {}

ReadView::~ReadView() { store_->db()->ReleaseSnapshot(snapshot_); }

absl::StatusOr<std::optional<std::string>> ReadView::Get(
    Column column, absl::string_view key) const {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot_;
  std::string value;
  rocksdb::Status status =
      store_->db()->Get(options, store_->handle(column),
                        rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) return std::nullopt;
  RETURN_IF_ERROR(FromRocksDb(status, "reading"));
  return value;
}

PrefixIterator ReadView::Scan(Column column, absl::string_view prefix) const {
  return PrefixIterator(
      std::string(prefix), [this, column](const rocksdb::Slice* upper) {
        rocksdb::ReadOptions options;
        options.snapshot = snapshot_;
        options.iterate_upper_bound = upper;
        return store_->db()->NewIterator(options, store_->handle(column));
      });
}

PrefixIterator ReadView::Cursor(Column column) const {
  PrefixIterator cursor("", [this, column](const rocksdb::Slice*) {
    rocksdb::ReadOptions options;
    options.snapshot = snapshot_;
    return store_->db()->NewIterator(options, store_->handle(column));
  });
  cursor.reusable_ = true;
  return cursor;
}

}  // namespace welfare::storage
