// The gRPC edge of welfare.ledger.v1.AccessService (access.proto): thin
// adapters over services/auth/principals.h.
#ifndef WELFARE_SERVICES_GRPC_ACCESS_SERVICE_H_
#define WELFARE_SERVICES_GRPC_ACCESS_SERVICE_H_

#include "services/auth/principals.h"
#include "services/grpc/admission.h"
#include "welfare/ledger/v1/access.grpc.pb.h"

namespace welfare::grpc_edge {

namespace v1 = welfare::ledger::v1;

class AccessService final : public v1::AccessService::CallbackService {
 public:
  // principals and admission must outlive the service.
  AccessService(auth::Principals* principals, Admission* admission)
      : principals_(principals), admission_(admission) {}

#define WELFARE_DECLARE(Method, Request, Response)                       \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* context, \
                                   const v1::Request* request,           \
                                   v1::Response* response) override;
  WELFARE_DECLARE(AddPrincipal, AddPrincipalRequest, AddPrincipalResponse)
  WELFARE_DECLARE(RevokePrincipal, RevokePrincipalRequest, Principal)
  WELFARE_DECLARE(ListPrincipals, ListPrincipalsRequest, ListPrincipalsResponse)
  WELFARE_DECLARE(ListAccessChanges, ListAccessChangesRequest,
                  ListAccessChangesResponse)
  WELFARE_DECLARE(WhoAmI, WhoAmIRequest, Principal)
#undef WELFARE_DECLARE

 private:
  auth::Principals* const principals_;
  Admission* const admission_;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_ACCESS_SERVICE_H_
