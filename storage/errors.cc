#include "storage/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace welfare::storage {

absl::Status Error(absl::StatusCode code, absl::string_view reason,
                   absl::string_view message) {
  absl::Status status(code, message);
  status.SetPayload(kReasonPayloadUrl, absl::Cord(reason));
  return status;
}

std::string ReasonOf(const absl::Status& status) {
  auto payload = status.GetPayload(kReasonPayloadUrl);
  return payload.has_value() ? std::string(*payload) : std::string();
}

absl::Status Annotate(const absl::Status& status, absl::string_view prefix) {
  if (status.ok()) return status;
  absl::Status annotated(status.code(), absl::StrCat(prefix, status.message()));
  status.ForEachPayload(
      [&annotated](absl::string_view url, const absl::Cord& payload) {
        annotated.SetPayload(url, payload);
      });
  return annotated;
}

absl::Status FromRocksDb(const rocksdb::Status& status,
                         absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(what, ": ", status.ToString());
  if (status.IsCorruption()) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT", message);
  }
  if (status.IsNoSpace() ||
      status.subcode() == rocksdb::Status::SubCode::kSpaceLimit) {
    return Error(absl::StatusCode::kUnavailable, "DISK_FULL",
                 absl::StrCat(message,
                              "; nothing was written. Free space on the "
                              "data volume: writing resumes by itself"));
  }
  return Error(absl::StatusCode::kUnavailable, "STORAGE_FAILURE", message);
}

}  // namespace welfare::storage
