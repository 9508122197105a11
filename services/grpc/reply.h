// Finishing a unary callback RPC with a domain result, and the helpers of
// the services' handlers.
#ifndef WELFARE_SERVICES_GRPC_REPLY_H_
#define WELFARE_SERVICES_GRPC_REPLY_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "services/auth/gate.h"
#include "services/grpc/status.h"

namespace welfare::grpc_edge {

// The full gRPC name of a method of a welfare.ledger.v1 service, whose
// edge class has the service's name.
#define WELFARE_METHOD(Service, Method) \
  "/welfare.ledger.v1." #Service "/" #Method

// A completion that keeps the call's pass (one of its principal's running
// calls) until the call is answered. The pass is given back just before the
// answer is sent, not when the journal drops the completion (after a whole
// commit group): a client that calls again as soon as it is answered must
// not find its earlier call still counted.
template <typename Completion>
auto HoldingPass(auth::Pass pass, Completion completion) {
  return [pass = std::make_shared<std::optional<auth::Pass>>(std::move(pass)),
          completion = std::move(completion)](auto result) mutable {
    pass->reset();
    completion(std::move(result));
  };
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
