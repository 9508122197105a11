#include "tests/storage/wal_faults.h"

#include <utility>

#include "absl/strings/match.h"

namespace welfare::storage::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;

// A WAL file that counts what it was given and what was synced.
class WalFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  WalFile(std::unique_ptr<rocksdb::FSWritableFile> file, WalSyncFaults* faults)
      : FSWritableFileOwnerWrapper(std::move(file)), faults_(faults) {}

  IOStatus Append(const rocksdb::Slice& data, const IOOptions& options,
                  IODebugContext* debug) override {
    written_ += data.size();
    return FSWritableFileOwnerWrapper::Append(data, options, debug);
  }
  IOStatus Append(const rocksdb::Slice& data, const IOOptions& options,
                  const rocksdb::DataVerificationInfo& info,
                  IODebugContext* debug) override {
    written_ += data.size();
    return FSWritableFileOwnerWrapper::Append(data, options, info, debug);
  }
  IOStatus Sync(const IOOptions& options, IODebugContext* debug) override {
    return SyncWith([&] { return target()->Sync(options, debug); });
  }
  IOStatus Fsync(const IOOptions& options, IODebugContext* debug) override {
    return SyncWith([&] { return target()->Fsync(options, debug); });
  }
  IOStatus RangeSync(uint64_t offset, uint64_t bytes, const IOOptions& options,
                     IODebugContext* debug) override {
    return SyncWith(
        [&] { return target()->RangeSync(offset, bytes, options, debug); });
  }

 private:
  template <typename SyncFn>
  IOStatus SyncWith(SyncFn sync) {
    WalSyncFaults::Unsynced unsynced;
    if (faults_->TakeFailure(&unsynced)) {
      if (unsynced == WalSyncFaults::Unsynced::kLost) {
        IOStatus cut = target()->Truncate(synced_, IOOptions(), nullptr);
        if (!cut.ok()) return cut;
        written_ = synced_;
      }
      return IOStatus::IOError("injected WAL sync failure");
    }
    IOStatus status = sync();
    if (status.ok()) synced_ = written_;
    return status;
  }

  WalSyncFaults* faults_;
  uint64_t written_ = 0;
  uint64_t synced_ = 0;
};

bool IsWal(const std::string& name) { return absl::EndsWith(name, ".log"); }

}  // namespace

WalSyncFaults::WalSyncFaults()
    : FileSystemWrapper(rocksdb::FileSystem::Default()) {}

void WalSyncFaults::FailNextSyncs(int count, Unsynced unsynced) {
  unsynced_.store(unsynced);
  to_fail_.store(count);
}

bool WalSyncFaults::TakeFailure(Unsynced* unsynced) {
  int left = to_fail_.load();
  while (left > 0) {
    if (to_fail_.compare_exchange_weak(left, left - 1)) {
      failed_.fetch_add(1);
      *unsynced = unsynced_.load();
      return true;
    }
  }
  return false;
}

IOStatus WalSyncFaults::NewWritableFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* file, IODebugContext* debug) {
  IOStatus status = target()->NewWritableFile(name, options, file, debug);
  if (status.ok() && IsWal(name)) {
    *file = std::make_unique<WalFile>(std::move(*file), this);
  }
  return status;
}

IOStatus WalSyncFaults::ReuseWritableFile(
    const std::string& name, const std::string& old_name,
    const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* file, IODebugContext* debug) {
  IOStatus status =
      target()->ReuseWritableFile(name, old_name, options, file, debug);
  if (status.ok() && IsWal(name)) {
    *file = std::make_unique<WalFile>(std::move(*file), this);
  }
  return status;
}

}  // namespace welfare::storage::testing
