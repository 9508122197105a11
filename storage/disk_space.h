// DiskSpace: keeps welfared able to refuse cleanly when its data volume
// fills up, and to go on by itself once space is freed.
//
//  - Before every durable write the store calls CheckWritable(): below
//    reserve_bytes free on the volume, the write is refused UNAVAILABLE
//    DISK_FULL and nothing is written. So welfared's own writes never run
//    the volume dry, and RocksDB keeps room to flush and compact.
//  - A ballast file of ballast_bytes sits in the data folder while there is
//    room for it. When the volume is full anyway (another program filled
//    it, or the server starts on a full volume), ReleaseBallast() deletes
//    it, which gives RocksDB room to finish recovering and to open; it is
//    made again once the volume has room for it and the reserve.
//
// Thread-safe.
#ifndef WELFARE_STORAGE_DISK_SPACE_H_
#define WELFARE_STORAGE_DISK_SPACE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace welfare::storage {

struct DiskSpaceOptions {
  // Any folder on the volume to watch (the database folder).
  std::string folder;
  // Writes are refused below this much free space; 0 never refuses.
  uint64_t reserve_bytes = 0;
  // The ballast file and its size; no ballast if empty or 0.
  std::string ballast_path;
  uint64_t ballast_bytes = 0;
};

class DiskSpace {
 public:
  explicit DiskSpace(DiskSpaceOptions options);

  // OK, or UNAVAILABLE DISK_FULL (saying how much is free and how much the
  // server keeps in reserve) if the volume has less than the reserve free.
  // Remakes the ballast when there is room again.
  absl::Status CheckWritable();

  // Deletes the ballast (if there is one) to give RocksDB room.
  void ReleaseBallast();

  // Free bytes on the volume for an unprivileged writer (statvfs f_bavail);
  // UINT64_MAX if the volume cannot be asked.
  uint64_t FreeBytes() const;

  // The refusal for a write that failed for want of space.
  absl::Status DiskFullError(uint64_t free_bytes) const;

  const DiskSpaceOptions& options() const { return options_; }

 private:
  // Makes the ballast if missing and the volume has room for it and the
  // reserve. Fully allocated (fallocate), so that releasing it frees
  // space.
  void MakeBallast(uint64_t free_bytes) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const DiskSpaceOptions options_;
  absl::Mutex mu_;
  bool ballast_present_ ABSL_GUARDED_BY(mu_) = false;
};

// Whether status is a DISK_FULL refusal (FromRocksDb gives one for ENOSPC
// and for the space limit of RocksDB's SstFileManager).
bool IsDiskFull(const absl::Status& status);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_DISK_SPACE_H_
