// Errors that carry a reason: every rejection of the service is an
// absl::Status with the gRPC-style code and, as a payload, the name of its
// welfare.ledger.v1.ErrorReason value (e.g. "INSUFFICIENT_FUNDS"). The gRPC
// edge sends the reason to clients in the trailing metadata key
// "welfare-error-reason".
#ifndef WELFARE_STORAGE_ERRORS_H_
#define WELFARE_STORAGE_ERRORS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rocksdb/status.h"

namespace welfare::storage {

inline constexpr char kReasonPayloadUrl[] =
    "type.welfare.ledger/welfare.ledger.v1.ErrorReason";

// A status with code, message and reason (an ErrorReason value name).
absl::Status Error(absl::StatusCode code, absl::string_view reason,
                   absl::string_view message);

// The reason carried by status, or "" if none.
std::string ReasonOf(const absl::Status& status);

// Prefixes the message ("items[3]: " + message), keeping code and reason.
absl::Status Annotate(const absl::Status& status, absl::string_view prefix);

// A RocksDB failure: corruption is DATA_LOSS (JOURNAL_CORRUPT), a full
// volume UNAVAILABLE (DISK_FULL), anything else UNAVAILABLE
// (STORAGE_FAILURE); what names the operation.
absl::Status FromRocksDb(const rocksdb::Status& status, absl::string_view what);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_ERRORS_H_
