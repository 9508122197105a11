// Totals that writers only add to: the values of the tallies column family.
//
// Every value is a fixed64le two's-complement int64. A writer never reads a
// total back: it stages a delta (Staging::AddToTotal) and RocksDB merges the
// deltas with AddInt64MergeOperator on read and in compactions. Sums wrap
// modulo 2^64 instead of failing; the totals are sub-sums of postings whose
// every balance is overflow-checked when appended, far below 2^63.
#ifndef WELFARE_STORAGE_TOTALS_H_
#define WELFARE_STORAGE_TOTALS_H_

#include <memory>

#include "rocksdb/merge_operator.h"

namespace welfare::storage {

// Adds fixed64le int64 values. A value of another length is corruption:
// the merge fails and the read returns it as such.
std::shared_ptr<rocksdb::MergeOperator> NewAddInt64MergeOperator();

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_TOTALS_H_
