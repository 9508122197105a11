// The gRPC edge of welfare.ledger.v1.AuditService: unary reads answered at
// once from snapshots, and StreamEntries as a write reactor that sends one
// chunk at a time (flow control: the next chunk is read only after the last
// one was written). Open streams hold a share of the server's StreamBudget.
#ifndef WELFARE_SERVICES_GRPC_AUDIT_SERVICE_H_
#define WELFARE_SERVICES_GRPC_AUDIT_SERVICE_H_

#include "services/audit/audit_log.h"
#include "services/grpc/admission.h"
#include "services/grpc/stream_budget.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"

namespace welfare::grpc_edge {

namespace v1 = welfare::ledger::v1;

class AuditService final : public v1::AuditService::CallbackService {
 public:
  // log, admission and streams must outlive the service.
  AuditService(audit::AuditLog* log, Admission* admission,
               StreamBudget* streams)
      : log_(log), admission_(admission), streams_(streams) {}

  grpc::ServerUnaryReactor* GetVerifierKey(
      grpc::CallbackServerContext* context,
      const v1::GetVerifierKeyRequest* request,
      v1::VerifierKey* response) override;
  grpc::ServerUnaryReactor* GetCheckpoint(
      grpc::CallbackServerContext* context,
      const v1::GetCheckpointRequest* request,
      v1::SignedCheckpoint* response) override;
  grpc::ServerUnaryReactor* GetInclusionProof(
      grpc::CallbackServerContext* context,
      const v1::GetInclusionProofRequest* request,
      v1::InclusionProof* response) override;
  grpc::ServerUnaryReactor* GetConsistencyProof(
      grpc::CallbackServerContext* context,
      const v1::GetConsistencyProofRequest* request,
      v1::ConsistencyProof* response) override;
  grpc::ServerWriteReactor<v1::StoredEntries>* StreamEntries(
      grpc::CallbackServerContext* context,
      const v1::StreamEntriesRequest* request) override;

 private:
  audit::AuditLog* const log_;
  Admission* const admission_;
  StreamBudget* const streams_;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_AUDIT_SERVICE_H_
