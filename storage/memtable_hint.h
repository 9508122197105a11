// MemtableHint: tells RocksDB which keys arrive in order, so that inserting
// them into the memtable continues from the last insert of the same prefix
// instead of searching the skiplist (memtable_insert_with_hint_prefix_
// extractor). See keys.h for the layout.
//
//   E-keys         fund_key sequence  -> hint per fund (sequences ascend)
//   X-keys 'd','k' ... sequence       -> hint per fund and day or kind
//   B- and D-keys                     -> hint per key (rewritten in place)
//
// Keys with many distinct prefixes that do not ascend (members, request
// ids) stay outside its domain: each hint costs ~250 bytes of memtable.
#ifndef WELFARE_STORAGE_MEMTABLE_HINT_H_
#define WELFARE_STORAGE_MEMTABLE_HINT_H_

#include <memory>

#include "rocksdb/slice_transform.h"

namespace welfare::storage {

std::shared_ptr<const rocksdb::SliceTransform> NewMemtableHint();

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_MEMTABLE_HINT_H_
