#include "services/audit/signing_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "storage/status_macros.h"

namespace welfare::audit {
namespace {

using welfare::verify::NoteSigner;

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(
      absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// Writes data to a new file at path with mode, and syncs it.
absl::Status WriteNewFile(const std::string& path, const std::string& data,
                          mode_t mode, bool exclusive) {
  const int flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC);
  int fd = ::open(path.c_str(), flags, mode);
  if (fd < 0) return ErrnoError("cannot create", path);
  bool written = ::write(fd, data.data(), data.size()) ==
                 static_cast<ssize_t>(data.size());
  written = ::fchmod(fd, mode) == 0 && written;
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written) return ErrnoError("cannot write", path);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<NoteSigner> LoadOrCreateSigningKey(
    const std::string& path, const std::string& log_name, bool create,
    const std::string& public_key_path) {
  std::ifstream in(path, std::ios::binary);
  std::optional<NoteSigner> signer;
  if (in) {
    std::string text((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    auto parsed = NoteSigner::FromSignerKey(absl::StripSuffix(text, "\n"));
    if (!parsed.ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat(path, ": ", parsed.status().message()));
    }
    if (parsed->name() != log_name) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " is the key of log \"", parsed->name(),
          "\", but the server was started with log name \"", log_name,
          "\"; start it with --log_name=", parsed->name(),
          " (changing the name would change every checkpoint origin)"));
    }
    signer = std::move(*parsed);
  } else if (!create) {
    return absl::NotFoundError(absl::StrCat("no signing key at ", path));
  } else {
    ASSIGN_OR_RETURN(signer, NoteSigner::Generate(log_name));
    RETURN_IF_ERROR(WriteNewFile(path, signer->SignerKey() + "\n", 0600,
                                 /*exclusive=*/true));
  }
  if (!public_key_path.empty()) {
    RETURN_IF_ERROR(WriteNewFile(public_key_path, signer->VerifierKey() + "\n",
                                 0644,
                                 /*exclusive=*/false));
  }
  return std::move(*signer);
}

}  // namespace welfare::audit
