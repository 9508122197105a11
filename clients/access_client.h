// AccessClient: the calls of welfare.ledger.v1.AccessService
// (proto/welfare/ledger/v1/access.proto) over an existing channel, usually
// a LedgerClient's (which carries the caller's token). Every call has a
// deadline and is made once: a repeated AddPrincipal would be refused
// ALREADY_EXISTS, and a token lost with a reply cannot be recovered, so the
// caller decides. Failed calls carry the server's reason
// (client::ErrorReason).
//
// Thread-safe.
#ifndef WELFARE_CLIENTS_ACCESS_CLIENT_H_
#define WELFARE_CLIENTS_ACCESS_CLIENT_H_

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "welfare/ledger/v1/access.grpc.pb.h"

namespace welfare::client {

class AccessClient {
 public:
  explicit AccessClient(std::shared_ptr<grpc::Channel> channel,
                        int64_t deadline_ms = 10000);

  absl::StatusOr<ledger::v1::AddPrincipalResponse> AddPrincipal(
      const ledger::v1::AddPrincipalRequest& request);
  absl::StatusOr<ledger::v1::Principal> RevokePrincipal(
      const ledger::v1::RevokePrincipalRequest& request);
  absl::StatusOr<ledger::v1::ListPrincipalsResponse> ListPrincipals();
  absl::StatusOr<ledger::v1::ListAccessChangesResponse> ListAccessChanges(
      const ledger::v1::ListAccessChangesRequest& request);
  absl::StatusOr<ledger::v1::Principal> WhoAmI();

 private:
  const int64_t deadline_ms_;
  std::unique_ptr<ledger::v1::AccessService::Stub> stub_;
};

}  // namespace welfare::client

#endif  // WELFARE_CLIENTS_ACCESS_CLIENT_H_
