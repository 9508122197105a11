#include "storage/store.h"

#include <utility>

#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "rocksdb/write_buffer_manager.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/memtable_hint.h"
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

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kColumnCount; ++i) {
    descriptors.emplace_back(kColumnNames[i],
                             ColumnOptions(static_cast<Column>(i), cache));
  }
  auto store = std::unique_ptr<Store>(new Store());
  store->cache_ = cache;
  rocksdb::DB* db = nullptr;
  RETURN_IF_ERROR(
      FromRocksDb(rocksdb::DB::Open(options, store_options.path, descriptors,
                                    &store->handles_, &db),
                  "opening " + store_options.path));
  store->db_.reset(db);
  RETURN_IF_ERROR(CheckFormat(db, store->handle(Column::kDefault)));
  return store;
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

absl::Status Store::WriteDurably(rocksdb::WriteBatch* batch) {
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocksDb(db_->Write(options, batch), "writing the journal");
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
