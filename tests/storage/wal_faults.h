// A RocksDB FileSystem that makes syncs of the write-ahead log fail on
// demand, for the tests of "acknowledged means durable".
#ifndef WELFARE_TESTS_STORAGE_WAL_FAULTS_H_
#define WELFARE_TESTS_STORAGE_WAL_FAULTS_H_

#include <atomic>
#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace welfare::storage::testing {

class WalSyncFaults : public rocksdb::FileSystemWrapper {
 public:
  // What a failing sync does to the bytes written since the last good sync.
  enum class Unsynced {
    kKept,  // they stay in the file, as when only the fsync call failed
    kLost,  // they are cut off, as when the machine crashed before syncing
  };

  WalSyncFaults();
  const char* Name() const override { return "WalSyncFaults"; }

  // The next `count` syncs of a WAL file fail with an I/O error.
  void FailNextSyncs(int count, Unsynced unsynced);
  int failed_syncs() const { return failed_.load(); }

  rocksdb::IOStatus NewWritableFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* file,
      rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus ReuseWritableFile(
      const std::string& name, const std::string& old_name,
      const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* file,
      rocksdb::IODebugContext* debug) override;

  // Called by a WAL file when it syncs: true if this sync must fail.
  bool TakeFailure(Unsynced* unsynced);

 private:
  std::atomic<int> to_fail_{0};
  std::atomic<int> failed_{0};
  std::atomic<Unsynced> unsynced_{Unsynced::kKept};
};

// An Env whose files come from faults (rocksdb::NewCompositeEnv).
struct FaultyEnv {
  std::shared_ptr<WalSyncFaults> faults = std::make_shared<WalSyncFaults>();
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(faults);
};

}  // namespace welfare::storage::testing

#endif  // WELFARE_TESTS_STORAGE_WAL_FAULTS_H_
