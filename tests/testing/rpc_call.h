// One unary call through a generated stub, with the error as absl::Status
// (the client library's conversion, reason included), for tests that call
// services the client library does not wrap.
#ifndef WELFARE_TESTS_TESTING_RPC_CALL_H_
#define WELFARE_TESTS_TESTING_RPC_CALL_H_

#include <chrono>

#include "absl/status/statusor.h"
#include "clients/status.h"
#include "grpcpp/grpcpp.h"

namespace welfare::testing {

// e.g. CallRpc(stub.get(), &ClaimService::Stub::GetClaim, request).
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallRpc(
    Stub* stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                 Response*),
    const Request& request) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  Response response;
  grpc::Status status = (stub->*method)(&context, request, &response);
  if (!status.ok()) return client::FromGrpcStatus(status, context);
  return response;
}

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_TESTING_RPC_CALL_H_
