#include "services/grpc/audit_service.h"

#include <memory>
#include <utility>

#include "services/grpc/reply.h"
#include "services/grpc/status.h"

namespace welfare::grpc_edge {
namespace {

// Sends the cursor's chunks one by one, then finishes; deletes itself when
// gRPC is done with it.
class EntryStreamer final : public grpc::ServerWriteReactor<v1::StoredEntries> {
 public:
  EntryStreamer(grpc::CallbackServerContext* context,
                absl::StatusOr<std::unique_ptr<audit::EntryCursor>> cursor)
      : context_(context) {
    if (!cursor.ok()) {
      Finish(ToGrpcStatus(cursor.status(), context_));
      return;
    }
    cursor_ = std::move(*cursor);
    SendNext();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                          "the stream was closed before it ended"));
      return;
    }
    SendNext();
  }

  void OnDone() override { delete this; }

 private:
  void SendNext() {
    if (context_->IsCancelled()) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
      return;
    }
    absl::StatusOr<bool> more = cursor_->Next(&chunk_);
    if (!more.ok()) {
      Finish(ToGrpcStatus(more.status(), context_));
    } else if (!*more) {
      Finish(grpc::Status::OK);
    } else {
      StartWrite(&chunk_);
    }
  }

  grpc::CallbackServerContext* const context_;
  std::unique_ptr<audit::EntryCursor> cursor_;
  v1::StoredEntries chunk_;
};

}  // namespace

grpc::ServerUnaryReactor* AuditService::GetVerifierKey(
    grpc::CallbackServerContext* context,
    const v1::GetVerifierKeyRequest* request, v1::VerifierKey* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Reply(context, reactor, response)(log_->GetVerifierKey());
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetCheckpoint(
    grpc::CallbackServerContext* context,
    const v1::GetCheckpointRequest* request, v1::SignedCheckpoint* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Reply(context, reactor, response)(log_->GetCheckpoint(*request));
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetInclusionProof(
    grpc::CallbackServerContext* context,
    const v1::GetInclusionProofRequest* request, v1::InclusionProof* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Reply(context, reactor, response)(log_->GetInclusionProof(*request));
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetConsistencyProof(
    grpc::CallbackServerContext* context,
    const v1::GetConsistencyProofRequest* request,
    v1::ConsistencyProof* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Reply(context, reactor, response)(log_->GetConsistencyProof(*request));
  return reactor;
}

grpc::ServerWriteReactor<v1::StoredEntries>* AuditService::StreamEntries(
    grpc::CallbackServerContext* context,
    const v1::StreamEntriesRequest* request) {
  return new EntryStreamer(context, log_->OpenEntries(*request));
}

}  // namespace welfare::grpc_edge
