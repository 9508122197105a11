// MemtableHint: tells RocksDB which keys arrive in order, so that inserting
// them into the memtable continues from the last insert of the same prefix
// instead of searching the skiplist (memtable_insert_with_hint_prefix_
// extractor). See keys.h for the layout.
//
//   E-keys         fund_key sequence  -> hint per fund (sequences ascend)
//   T-keys         fund_key level index -> hint per fund and level (indexes
//   ascend) X-keys 'd','k','m' ... sequence   -> hint per fund and day, kind or
//   member B-, D- and M-keys                 -> hint per key (rewritten in
//   place)
//
// Request ids (R-keys) are random and stay outside. Each hint costs about
// 250 bytes while its memtable lives; a memtable holds at most a few
// hundred thousand keys, so hints stay within tens of MiB at worst.
// Measured: dues batches ran twice as fast with member keys hinted.
#ifndef WELFARE_STORAGE_MEMTABLE_HINT_H_
#define WELFARE_STORAGE_MEMTABLE_HINT_H_

#include <memory>

#include "rocksdb/slice_transform.h"

namespace welfare::storage {

std::shared_ptr<const rocksdb::SliceTransform> NewMemtableHint();

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_MEMTABLE_HINT_H_
