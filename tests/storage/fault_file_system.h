// A RocksDB FileSystem that injects the faults of real disks, one at a
// time, at an operation the test chooses: a write that fails or is torn, a
// sync that fails (keeping or losing what it should have synced), a write
// refused for want of space, a read of a table file that returns damaged
// bytes. Every file RocksDB writes (write-ahead logs, tables, MANIFEST) can
// take a write or sync fault; only table files take read faults, whose
// damage RocksDB's block checksums must catch. Thread-safe: RocksDB's
// background flushes and compactions count as operations too.
#ifndef WELFARE_TESTS_STORAGE_FAULT_FILE_SYSTEM_H_
#define WELFARE_TESTS_STORAGE_FAULT_FILE_SYSTEM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/synchronization/mutex.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace welfare::storage::testing {

enum class Fault {
  kWriteFails,         // Append writes nothing and fails (EIO)
  kTornWrite,          // Append writes the first half and fails (EIO)
  kNoSpace,            // Append writes nothing and fails (ENOSPC)
  kSyncFails,          // the sync fails; the unsynced bytes stay
  kSyncLosesUnsynced,  // the sync fails; the unsynced bytes are cut off
  kCorruptRead,        // a table file read returns one byte flipped
};
inline constexpr int kFaultKinds = 6;
const char* FaultName(Fault fault);

class FaultFileSystem : public rocksdb::FileSystemWrapper {
 public:
  FaultFileSystem();
  const char* Name() const override { return "FaultFileSystem"; }

  // The countdown-th operation of the fault's kind from now (1: the next
  // one) suffers the fault, once. Replaces any fault armed before.
  void Arm(Fault fault, int countdown);
  void Disarm();
  // How many armed faults have fired since the file system was made.
  int fired() const;

  enum class Operation { kAppend, kSync, kRead };
  // Called by this file system's files before an operation: the fault the
  // operation must suffer, if the armed fault is of its kind and counts
  // down to it (the fault is then spent).
  std::optional<Fault> Take(Operation operation);

  rocksdb::IOStatus NewWritableFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* file,
      rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus ReuseWritableFile(
      const std::string& name, const std::string& old_name,
      const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSWritableFile>* file,
      rocksdb::IODebugContext* debug) override;
  rocksdb::IOStatus NewRandomAccessFile(
      const std::string& name, const rocksdb::FileOptions& options,
      std::unique_ptr<rocksdb::FSRandomAccessFile>* file,
      rocksdb::IODebugContext* debug) override;

 private:
  mutable absl::Mutex mu_;
  bool armed_ ABSL_GUARDED_BY(mu_) = false;
  Fault fault_ ABSL_GUARDED_BY(mu_) = Fault::kWriteFails;
  int countdown_ ABSL_GUARDED_BY(mu_) = 0;
  int fired_ ABSL_GUARDED_BY(mu_) = 0;
};

// An Env whose files come from a FaultFileSystem (rocksdb::NewCompositeEnv).
struct FaultEnv {
  std::shared_ptr<FaultFileSystem> faults = std::make_shared<FaultFileSystem>();
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(faults);
};

}  // namespace welfare::storage::testing

#endif  // WELFARE_TESTS_STORAGE_FAULT_FILE_SYSTEM_H_
