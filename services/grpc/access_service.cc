#include "services/grpc/access_service.h"

#include <optional>

#include "services/grpc/reply.h"

namespace welfare::grpc_edge {

// Each method admits the call, then answers with call, an expression of
// the admitted principal (actor) and the request.
#define WELFARE_ACCESS(Method, Request, Response, call)                     \
  grpc::ServerUnaryReactor* AccessService::Method(                          \
      grpc::CallbackServerContext* context, const v1::Request* request,     \
      v1::Response* response) {                                             \
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();          \
    std::optional<auth::Pass> pass = admission_->Admit(                     \
        context, WELFARE_METHOD(AccessService, Method), *request, reactor); \
    if (!pass.has_value()) return reactor;                                  \
    const auth::Principal& actor = pass->principal();                       \
    static_cast<void>(actor);                                               \
    Reply(context, reactor, response)(call);                                \
    return reactor;                                                         \
  }

WELFARE_ACCESS(AddPrincipal, AddPrincipalRequest, AddPrincipalResponse,
               principals_->Add(actor, *request))
WELFARE_ACCESS(RevokePrincipal, RevokePrincipalRequest, Principal,
               principals_->Revoke(actor, *request))
WELFARE_ACCESS(ListPrincipals, ListPrincipalsRequest, ListPrincipalsResponse,
               absl::StatusOr<v1::ListPrincipalsResponse>(principals_->List()))
WELFARE_ACCESS(ListAccessChanges, ListAccessChangesRequest,
               ListAccessChangesResponse, principals_->ListChanges(*request))
WELFARE_ACCESS(WhoAmI, WhoAmIRequest, Principal, principals_->Describe(actor))

#undef WELFARE_ACCESS

}  // namespace welfare::grpc_edge
