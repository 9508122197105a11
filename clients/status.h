// The client side's one conversion from grpc::Status to absl::Status. The
// server's reason (trailing metadata "welfare-error-reason", a
// welfare.ledger.v1.ErrorReason name) becomes a payload of the status.
#ifndef WELFARE_CLIENTS_STATUS_H_
#define WELFARE_CLIENTS_STATUS_H_

#include <string>

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"

namespace welfare::client {

inline constexpr char kReasonMetadataKey[] = "welfare-error-reason";
inline constexpr char kReasonPayloadUrl[] =
    "type.welfare.ledger/welfare.ledger.v1.ErrorReason";

absl::Status FromGrpcStatus(const grpc::Status& status,
                            const grpc::ClientContext& context);

// The ErrorReason name the server gave, e.g. "INSUFFICIENT_FUNDS"; "" if
// none (e.g. the server could not be reached).
std::string ErrorReason(const absl::Status& status);

}  // namespace welfare::client

#endif  // WELFARE_CLIENTS_STATUS_H_
