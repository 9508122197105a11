#include "storage/disk_space.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "storage/errors.h"

namespace welfare::storage {
namespace {

std::string MiB(uint64_t bytes) {
  return absl::StrFormat("%.1f MiB", bytes / double(1 << 20));
}

}  // namespace

DiskSpace::DiskSpace(DiskSpaceOptions options) : options_(std::move(options)) {
  absl::MutexLock lock(&mu_);
  ballast_present_ = !options_.ballast_path.empty() &&
                     ::access(options_.ballast_path.c_str(), F_OK) == 0;
}

uint64_t DiskSpace::FreeBytes() const {
  struct statvfs volume;
  if (::statvfs(options_.folder.c_str(), &volume) != 0) {
    return std::numeric_limits<uint64_t>::max();
  }
  return uint64_t(volume.f_bavail) * volume.f_frsize;
}

absl::Status DiskSpace::DiskFullError(uint64_t free_bytes) const {
  return Error(
      absl::StatusCode::kUnavailable, "DISK_FULL",
      absl::StrCat("the data volume has ", MiB(free_bytes),
                   " free, less than the ", MiB(options_.reserve_bytes),
                   " welfared keeps in reserve; nothing was written. Free "
                   "space on the volume of ",
                   options_.folder,
                   ": writing resumes by itself (reads go on meanwhile)"));
}

absl::Status DiskSpace::CheckWritable() {
  const uint64_t free_bytes = FreeBytes();
  if (free_bytes < options_.reserve_bytes) return DiskFullError(free_bytes);
  absl::MutexLock lock(&mu_);
  if (!ballast_present_) MakeBallast(free_bytes);
  return absl::OkStatus();
}

void DiskSpace::ReleaseBallast() {
  absl::MutexLock lock(&mu_);
  if (!ballast_present_) return;
  if (::unlink(options_.ballast_path.c_str()) == 0 || errno == ENOENT) {
    ballast_present_ = false;
  }
}

void DiskSpace::MakeBallast(uint64_t free_bytes) {
  if (options_.ballast_path.empty() || options_.ballast_bytes == 0) return;
  // Room for the ballast and still the reserve and as much again: never
  // take the last of the space back.
  if (free_bytes < options_.ballast_bytes + 2 * options_.reserve_bytes) return;
  const std::string temporary = options_.ballast_path + ".new";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return;
  const bool made =
      ::posix_fallocate(fd, 0, static_cast<off_t>(options_.ballast_bytes)) ==
          0 &&
      ::fsync(fd) == 0;
  ::close(fd);
  if (made && ::rename(temporary.c_str(), options_.ballast_path.c_str()) == 0) {
    ballast_present_ = true;
  } else {
    ::unlink(temporary.c_str());
  }
}

bool IsDiskFull(const absl::Status& status) {
  return ReasonOf(status) == "DISK_FULL";
}

}  // namespace welfare::storage
