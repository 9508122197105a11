#include "clients/status.h"

#include "absl/strings/cord.h"

namespace welfare::client {

absl::Status FromGrpcStatus(const grpc::Status& status,
                            const grpc::ClientContext& context) {
  if (status.ok()) return absl::OkStatus();
  absl::Status converted(static_cast<absl::StatusCode>(status.error_code()),
                         status.error_message());
  const auto& trailers = context.GetServerTrailingMetadata();
  auto it = trailers.find(kReasonMetadataKey);
  if (it != trailers.end()) {
    converted.SetPayload(
        kReasonPayloadUrl,
        absl::Cord(std::string(it->second.data(), it->second.size())));
  }
  return converted;
}

std::string ErrorReason(const absl::Status& status) {
  auto payload = status.GetPayload(kReasonPayloadUrl);
  return payload.has_value() ? std::string(*payload) : std::string();
}

}  // namespace welfare::client
