#include "tests/storage/fault_file_system.h"

#include <cstring>
#include <utility>

#include "absl/strings/match.h"

namespace welfare::storage::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using Operation = FaultFileSystem::Operation;

FaultFileSystem::Operation OperationOf(Fault fault) {
  switch (fault) {
    case Fault::kWriteFails:
    case Fault::kTornWrite:
    case Fault::kNoSpace:
      return Operation::kAppend;
    case Fault::kSyncFails:
    case Fault::kSyncLosesUnsynced:
      return Operation::kSync;
    case Fault::kCorruptRead:
      return Operation::kRead;
  }
  return Operation::kRead;
}

// A writable file that counts what it was given and what was synced, so
// that a failing sync can cut off what it should have made durable.
class FaultWritableFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FaultWritableFile(std::unique_ptr<rocksdb::FSWritableFile> file,
                    FaultFileSystem* faults)
      : FSWritableFileOwnerWrapper(std::move(file)), faults_(faults) {}

  IOStatus Append(const rocksdb::Slice& data, const IOOptions& options,
                  IODebugContext* debug) override {
    return AppendWith(data, [&](const rocksdb::Slice& part) {
      return target()->Append(part, options, debug);
    });
  }
  IOStatus Append(const rocksdb::Slice& data, const IOOptions& options,
                  const rocksdb::DataVerificationInfo& info,
                  IODebugContext* debug) override {
    return AppendWith(data, [&](const rocksdb::Slice& part) {
      // A torn part no longer matches the checksum in info.
      if (part.size() != data.size()) {
        return target()->Append(part, options, debug);
      }
      return target()->Append(part, options, info, debug);
    });
  }
  IOStatus Sync(const IOOptions& options, IODebugContext* debug) override {
    return SyncWith([&] { return target()->Sync(options, debug); });
  }
  IOStatus Fsync(const IOOptions& options, IODebugContext* debug) override {
    return SyncWith([&] { return target()->Fsync(options, debug); });
  }

 private:
  template <typename AppendFn>
  IOStatus AppendWith(const rocksdb::Slice& data, AppendFn append) {
    std::optional<Fault> fault = faults_->Take(Operation::kAppend);
    if (!fault.has_value()) {
      IOStatus status = append(data);
      if (status.ok()) written_ += data.size();
      return status;
    }
    if (*fault == Fault::kNoSpace) {
      return IOStatus::NoSpace("injected: no space left on device");
    }
    if (*fault == Fault::kTornWrite) {
      const rocksdb::Slice half(data.data(), data.size() / 2);
      if (append(half).ok()) written_ += half.size();
    }
    return IOStatus::IOError("injected: write failed");
  }

  template <typename SyncFn>
  IOStatus SyncWith(SyncFn sync) {
    std::optional<Fault> fault = faults_->Take(Operation::kSync);
    if (!fault.has_value()) {
      IOStatus status = sync();
      if (status.ok()) synced_ = written_;
      return status;
    }
    if (*fault == Fault::kSyncLosesUnsynced) {
      IOStatus cut = target()->Truncate(synced_, IOOptions(), nullptr);
      if (!cut.ok()) return cut;
      written_ = synced_;
    }
    return IOStatus::IOError("injected: sync failed");
  }

  FaultFileSystem* faults_;
  uint64_t written_ = 0;
  uint64_t synced_ = 0;
};

// Flips one byte of what a read returned, in scratch (which holds at least
// result->size() bytes).
void Damage(rocksdb::Slice* result, char* scratch) {
  if (result->empty() || scratch == nullptr) return;
  if (result->data() != scratch) {
    std::memmove(scratch, result->data(), result->size());
  }
  scratch[result->size() / 2] ^= 0x5a;
  *result = rocksdb::Slice(scratch, result->size());
}

class FaultRandomAccessFile : public rocksdb::FSRandomAccessFileOwnerWrapper {
 public:
  FaultRandomAccessFile(std::unique_ptr<rocksdb::FSRandomAccessFile> file,
                        FaultFileSystem* faults)
      : FSRandomAccessFileOwnerWrapper(std::move(file)), faults_(faults) {}

  IOStatus Read(uint64_t offset, size_t n, const IOOptions& options,
                rocksdb::Slice* result, char* scratch,
                IODebugContext* debug) const override {
    IOStatus status =
        target()->Read(offset, n, options, result, scratch, debug);
    if (status.ok() && faults_->Take(Operation::kRead).has_value()) {
      Damage(result, scratch);
    }
    return status;
  }
  IOStatus MultiRead(rocksdb::FSReadRequest* requests, size_t count,
                     const IOOptions& options, IODebugContext* debug) override {
    IOStatus status = target()->MultiRead(requests, count, options, debug);
    if (status.ok() && count > 0 && requests[0].status.ok() &&
        faults_->Take(Operation::kRead).has_value()) {
      Damage(&requests[0].result, requests[0].scratch);
    }
    return status;
  }

 private:
  FaultFileSystem* faults_;
};

}  // namespace

const char* FaultName(Fault fault) {
  switch (fault) {
    case Fault::kWriteFails:
      return "a failed write";
    case Fault::kTornWrite:
      return "a torn write";
    case Fault::kNoSpace:
      return "no space for a write";
    case Fault::kSyncFails:
      return "a failed sync";
    case Fault::kSyncLosesUnsynced:
      return "a failed sync that lost the unsynced bytes";
    case Fault::kCorruptRead:
      return "a damaged table read";
  }
  return "?";
}

FaultFileSystem::FaultFileSystem()
    : FileSystemWrapper(rocksdb::FileSystem::Default()) {}

void FaultFileSystem::Arm(Fault fault, int countdown) {
  absl::MutexLock lock(&mu_);
  armed_ = true;
  fault_ = fault;
  countdown_ = countdown;
}

void FaultFileSystem::Disarm() {
  absl::MutexLock lock(&mu_);
  armed_ = false;
}

int FaultFileSystem::fired() const {
  absl::MutexLock lock(&mu_);
  return fired_;
}

std::optional<Fault> FaultFileSystem::Take(Operation operation) {
  absl::MutexLock lock(&mu_);
  if (!armed_ || OperationOf(fault_) != operation) return std::nullopt;
  if (--countdown_ > 0) return std::nullopt;
  armed_ = false;
  ++fired_;
  return fault_;
}

IOStatus FaultFileSystem::NewWritableFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* file, IODebugContext* debug) {
  IOStatus status = target()->NewWritableFile(name, options, file, debug);
  if (status.ok()) {
    *file = std::make_unique<FaultWritableFile>(std::move(*file), this);
  }
  return status;
}

IOStatus FaultFileSystem::ReuseWritableFile(
    const std::string& name, const std::string& old_name,
    const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSWritableFile>* file, IODebugContext* debug) {
  IOStatus status =
      target()->ReuseWritableFile(name, old_name, options, file, debug);
  if (status.ok()) {
    *file = std::make_unique<FaultWritableFile>(std::move(*file), this);
  }
  return status;
}

IOStatus FaultFileSystem::NewRandomAccessFile(
    const std::string& name, const rocksdb::FileOptions& options,
    std::unique_ptr<rocksdb::FSRandomAccessFile>* file, IODebugContext* debug) {
  IOStatus status = target()->NewRandomAccessFile(name, options, file, debug);
  if (status.ok() && absl::EndsWith(name, ".sst")) {
    *file = std::make_unique<FaultRandomAccessFile>(std::move(*file), this);
  }
  return status;
}

}  // namespace welfare::storage::testing
