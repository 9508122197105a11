#include "clients/access_client.h"

#include <chrono>

#include "clients/status.h"

namespace welfare::client {

namespace v1 = welfare::ledger::v1;

AccessClient::AccessClient(std::shared_ptr<grpc::Channel> channel,
                           int64_t deadline_ms)
    : deadline_ms_(deadline_ms), stub_(v1::AccessService::NewStub(channel)) {}

// One call with the deadline; the response or the converted error.
#define WELFARE_ACCESS_CALL(Method, request, Response)                 \
  do {                                                                 \
    grpc::ClientContext context;                                       \
    context.set_deadline(std::chrono::system_clock::now() +            \
                         std::chrono::milliseconds(deadline_ms_));     \
    v1::Response response;                                             \
    grpc::Status status = stub_->Method(&context, request, &response); \
    if (!status.ok()) return FromGrpcStatus(status, context);          \
    return response;                                                   \
  } while (false)

absl::StatusOr<v1::AddPrincipalResponse> AccessClient::AddPrincipal(
    const v1::AddPrincipalRequest& request) {
  WELFARE_ACCESS_CALL(AddPrincipal, request, AddPrincipalResponse);
}

absl::StatusOr<v1::Principal> AccessClient::RevokePrincipal(
    const v1::RevokePrincipalRequest& request) {
  WELFARE_ACCESS_CALL(RevokePrincipal, request, Principal);
}

absl::StatusOr<v1::ListPrincipalsResponse> AccessClient::ListPrincipals() {
  WELFARE_ACCESS_CALL(ListPrincipals, v1::ListPrincipalsRequest(),
                      ListPrincipalsResponse);
}

absl::StatusOr<v1::ListAccessChangesResponse> AccessClient::ListAccessChanges(
    const v1::ListAccessChangesRequest& request) {
  WELFARE_ACCESS_CALL(ListAccessChanges, request, ListAccessChangesResponse);
}

absl::StatusOr<v1::Principal> AccessClient::WhoAmI() {
  WELFARE_ACCESS_CALL(WhoAmI, v1::WhoAmIRequest(), Principal);
}

#undef WELFARE_ACCESS_CALL

}  // namespace welfare::client
