// Finishing a unary callback RPC with a domain result.
#ifndef WELFARE_SERVICES_GRPC_REPLY_H_
#define WELFARE_SERVICES_GRPC_REPLY_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "services/grpc/status.h"

namespace welfare::grpc_edge {

// The principal recorded in entries. Until authentication exists every
// caller is "anonymous".
inline std::string PrincipalOf(grpc::CallbackServerContext* context) {
  return "anonymous";
}

// A completion that moves an OK result into *response and finishes the RPC
// through reactor (the context's DefaultReactor(), which may be obtained only
// once per call), or finishes it with the converted error.
template <typename Response>
auto Reply(grpc::CallbackServerContext* context,
           grpc::ServerUnaryReactor* reactor, Response* response) {
  return [context, reactor, response](absl::StatusOr<Response> result) {
    if (result.ok()) {
      *response = std::move(*result);
      reactor->Finish(grpc::Status::OK);
    } else {
      reactor->Finish(ToGrpcStatus(result.status(), context));
    }
  };
}

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_REPLY_H_
