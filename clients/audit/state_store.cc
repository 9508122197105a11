#include "clients/audit/state_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace welfare::auditor {
namespace {

constexpr uint32_t kStateFormatVersion = 1;
constexpr size_t kFundIdLengthMin = 3;
constexpr size_t kFundIdLengthMax = 40;
// A state holds accounts and members, not entries: far below this.
constexpr off_t kStateBytesMax = 1 << 30;

absl::Status Failed(absl::string_view what, const std::string& path) {
  return absl::FailedPreconditionError(
      absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// Writes all of data to fd.
bool WriteAll(int fd, const std::string& data) {
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

absl::Status SyncFolder(const std::string& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Failed("cannot open the state folder", dir);
  const int synced = fsync(fd);
  close(fd);
  if (synced != 0) return Failed("cannot sync the state folder", dir);
  return absl::OkStatus();
}

}  // namespace

bool IsFundId(absl::string_view fund_id) {
  if (fund_id.size() < kFundIdLengthMin || fund_id.size() > kFundIdLengthMax ||
      fund_id[0] < 'a' || fund_id[0] > 'z') {
    return false;
  }
  for (char c : fund_id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

absl::StatusOr<StateStore> StateStore::Open(std::string dir) {
  if (dir.empty()) {
    return absl::InvalidArgumentError("no state folder given");
  }
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Failed("cannot create the state folder", dir);
  }
  struct stat info;
  if (stat(dir.c_str(), &info) != 0) {
    return Failed("cannot read the state folder", dir);
  }
  if (!S_ISDIR(info.st_mode)) {
    return absl::FailedPreconditionError(
        absl::StrCat("the state folder ", dir, " is not a folder"));
  }
  return StateStore(std::move(dir));
}

std::string StateStore::PathOf(absl::string_view fund_id) const {
  return absl::StrCat(dir_, "/", fund_id, ".audit");
}

absl::StatusOr<std::optional<v1::FundState>> StateStore::Load(
    absl::string_view fund_id) const {
  if (!IsFundId(fund_id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", fund_id, "\" is not a fund id"));
  }
  const std::string path = PathOf(fund_id);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<v1::FundState>();
    return Failed("cannot open", path);
  }
  struct stat info;
  std::string bytes;
  bool read_ok = fstat(fd, &info) == 0 && info.st_size <= kStateBytesMax;
  if (read_ok) {
    bytes.resize(static_cast<size_t>(info.st_size));
    size_t done = 0;
    while (read_ok && done < bytes.size()) {
      const ssize_t n = read(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      read_ok = n > 0;
      if (read_ok) done += static_cast<size_t>(n);
    }
  }
  close(fd);
  if (!read_ok) return Failed("cannot read", path);
  v1::FundState state;
  if (!state.ParseFromString(bytes) ||
      state.format_version() != kStateFormatVersion ||
      state.fund_id() != fund_id) {
    return absl::DataLossError(absl::StrCat(
        path, " is not an audit state of fund ", fund_id, " (format ",
        kStateFormatVersion, "); move it away to start over"));
  }
  return std::optional<v1::FundState>(std::move(state));
}

absl::Status StateStore::Save(const v1::FundState& state) const {
  if (!IsFundId(state.fund_id())) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", state.fund_id(), "\" is not a fund id"));
  }
  v1::FundState versioned = state;
  versioned.set_format_version(kStateFormatVersion);
  const std::string path = PathOf(state.fund_id());
  const std::string temporary = absl::StrCat(path, ".tmp");
  const int fd =
      open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Failed("cannot create", temporary);
  const bool written = fchmod(fd, 0600) == 0 &&
                       WriteAll(fd, versioned.SerializeAsString()) &&
                       fsync(fd) == 0;
  const int write_errno = errno;
  const bool closed = close(fd) == 0;
  if (!written || !closed) {
    if (!written) errno = write_errno;
    unlink(temporary.c_str());
    return Failed("cannot write", temporary);
  }
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    unlink(temporary.c_str());
    return Failed("cannot replace", path);
  }
  return SyncFolder(dir_);
}

}  // namespace welfare::auditor
