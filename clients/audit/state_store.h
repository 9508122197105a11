// StateStore: the auditor's state folder, one file per fund,
// <dir>/<fund_id>.audit, holding a serialized welfare.auditor.v1.FundState
// (state.proto).
//
// Save writes <fund_id>.audit.tmp, fsyncs it, renames it over the old file
// and fsyncs the folder, so a crash leaves the old state or the new one,
// never a mix. Files are created with mode 0600; Open creates the folder
// (0700) if it is missing. Not thread-safe for the same fund.
#ifndef WELFARE_CLIENTS_AUDIT_STATE_STORE_H_
#define WELFARE_CLIENTS_AUDIT_STATE_STORE_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/audit/state.pb.h"

namespace welfare::auditor {

// A fund id as the server allows it: 3..40 of a-z, 0-9 and '-', starting
// with a letter. Only such ids name state files.
bool IsFundId(absl::string_view fund_id);

class StateStore {
 public:
  // FAILED_PRECONDITION if dir cannot be created or is not a folder.
  static absl::StatusOr<StateStore> Open(std::string dir);

  // The fund's state; nullopt if none was saved. INVALID_ARGUMENT for a
  // malformed fund id; DATA_LOSS if the file does not parse or names
  // another fund or format; FAILED_PRECONDITION if it cannot be read.
  absl::StatusOr<std::optional<v1::FundState>> Load(
      absl::string_view fund_id) const;

  // Replaces the fund's state (state.fund_id() names it).
  // FAILED_PRECONDITION if it cannot be written.
  absl::Status Save(const v1::FundState& state) const;

  const std::string& dir() const { return dir_; }
  std::string PathOf(absl::string_view fund_id) const;

 private:
  explicit StateStore(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_STATE_STORE_H_
