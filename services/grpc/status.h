// The one conversion between absl::Status and grpc::Status, at the edge.
// The code and message carry over; the reason payload (storage/errors.h)
// goes to the trailing metadata key "welfare-error-reason".
#ifndef WELFARE_SERVICES_GRPC_STATUS_H_
#define WELFARE_SERVICES_GRPC_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"

namespace welfare::grpc_edge {

inline constexpr char kReasonMetadataKey[] = "welfare-error-reason";

grpc::Status ToGrpcStatus(const absl::Status& status,
                          grpc::ServerContextBase* context);

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_STATUS_H_
