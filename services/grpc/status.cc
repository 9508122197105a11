#include "services/grpc/status.h"

#include <string>

#include "storage/errors.h"

namespace welfare::grpc_edge {

grpc::Status ToGrpcStatus(const absl::Status& status,
                          grpc::ServerContextBase* context) {
  if (status.ok()) return grpc::Status::OK;
  const std::string reason = storage::ReasonOf(status);
  if (!reason.empty()) context->AddTrailingMetadata(kReasonMetadataKey, reason);
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace welfare::grpc_edge
