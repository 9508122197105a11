// RocksDB's info log, sent to a function instead of a LOG file in the
// database folder. RocksDB's own LOG file writer aborts the process (an
// assertion in Debian's librocksdb 7.8, built without NDEBUG) on the next
// line logged after one failed write, which a full volume guarantees; and a
// log on the data volume competes with the books for the last of its space.
#ifndef WELFARE_STORAGE_ROCKSDB_LOGGER_H_
#define WELFARE_STORAGE_ROCKSDB_LOGGER_H_

#include <functional>
#include <memory>
#include <string>

#include "rocksdb/env.h"

namespace welfare::storage {

// Lines at level or above go to sink (without a trailing newline); to
// standard error if sink is empty. Thread-safe if sink is.
std::shared_ptr<rocksdb::Logger> NewRocksDbLogger(
    std::function<void(const std::string&)> sink,
    rocksdb::InfoLogLevel level = rocksdb::InfoLogLevel::WARN_LEVEL);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_ROCKSDB_LOGGER_H_
