#include "services/grpc/audit_service.h"

#include <memory>
#include <optional>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "services/grpc/reply.h"
#include "services/grpc/status.h"

namespace welfare::grpc_edge {
namespace {

// A stream is ended after this long, so that a client that reads slowly,
// or stops reading, cannot hold a snapshot (and a call of its principal)
// for ever; the auditor continues from the next sequence.
constexpr absl::Duration kStreamDurationMax = absl::Minutes(30);

// What the stream's watchdog (on Admission's thread) may touch: the
// context, until the stream is done.
struct Watch {
  absl::Mutex mu;
  grpc::CallbackServerContext* context ABSL_GUARDED_BY(mu);
};

// Sends the cursor's chunks one by one, then finishes; deletes itself when
// gRPC is done with it.
class EntryStreamer final : public grpc::ServerWriteReactor<v1::StoredEntries> {
 public:
  // A refused stream: finished by the caller through Finish.
  EntryStreamer() = default;

  EntryStreamer(grpc::CallbackServerContext* context, auth::Pass pass,
                StreamBudget::Lease lease,
                absl::StatusOr<std::unique_ptr<audit::EntryCursor>> cursor,
                Admission* admission)
      : context_(context),
        pass_(std::move(pass)),
        lease_(std::move(lease)),
        stop_at_(absl::Now() + kStreamDurationMax),
        watch_(std::make_shared<Watch>()) {
    {
      absl::MutexLock lock(&watch_->mu);
      watch_->context = context;
    }
    // A client that stops reading never brings OnWriteDone: cancel it.
    admission->RunAt(stop_at_, [watch = watch_] {
      absl::MutexLock lock(&watch->mu);
      if (watch->context != nullptr) watch->context->TryCancel();
    });
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

  void OnDone() override {
    if (watch_ != nullptr) {
      absl::MutexLock lock(&watch_->mu);
      watch_->context = nullptr;
    }
    delete this;
  }

 private:
  void SendNext() {
    if (context_->IsCancelled()) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
      return;
    }
    if (absl::Now() > stop_at_) {
      Finish(grpc::Status(
          grpc::StatusCode::DEADLINE_EXCEEDED,
          absl::StrCat("the stream ran for ",
                       absl::FormatDuration(kStreamDurationMax),
                       ", the most the server allows; continue from the "
                       "sequence after the last one received")));
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

  grpc::CallbackServerContext* const context_ = nullptr;
  std::optional<auth::Pass> pass_;
  std::optional<StreamBudget::Lease> lease_;
  const absl::Time stop_at_ = absl::InfinitePast();
  std::shared_ptr<Watch> watch_;
  std::unique_ptr<audit::EntryCursor> cursor_;
  v1::StoredEntries chunk_;
};

}  // namespace

grpc::ServerUnaryReactor* AuditService::GetVerifierKey(
    grpc::CallbackServerContext* context,
    const v1::GetVerifierKeyRequest* request, v1::VerifierKey* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::optional<auth::Pass> pass = admission_->Admit(
      context, WELFARE_METHOD(AuditService, GetVerifierKey), *request, reactor);
  if (!pass.has_value()) return reactor;
  Reply(context, reactor, response)(log_->GetVerifierKey());
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetCheckpoint(
    grpc::CallbackServerContext* context,
    const v1::GetCheckpointRequest* request, v1::SignedCheckpoint* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::optional<auth::Pass> pass = admission_->Admit(
      context, WELFARE_METHOD(AuditService, GetCheckpoint), *request, reactor);
  if (!pass.has_value()) return reactor;
  Reply(context, reactor, response)(log_->GetCheckpoint(*request));
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetInclusionProof(
    grpc::CallbackServerContext* context,
    const v1::GetInclusionProofRequest* request, v1::InclusionProof* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::optional<auth::Pass> pass = admission_->Admit(
      context, WELFARE_METHOD(AuditService, GetInclusionProof), *request,
      reactor);
  if (!pass.has_value()) return reactor;
  Reply(context, reactor, response)(log_->GetInclusionProof(*request));
  return reactor;
}

grpc::ServerUnaryReactor* AuditService::GetConsistencyProof(
    grpc::CallbackServerContext* context,
    const v1::GetConsistencyProofRequest* request,
    v1::ConsistencyProof* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::optional<auth::Pass> pass = admission_->Admit(
      context, WELFARE_METHOD(AuditService, GetConsistencyProof), *request,
      reactor);
  if (!pass.has_value()) return reactor;
  Reply(context, reactor, response)(log_->GetConsistencyProof(*request));
  return reactor;
}

grpc::ServerWriteReactor<v1::StoredEntries>* AuditService::StreamEntries(
    grpc::CallbackServerContext* context,
    const v1::StreamEntriesRequest* request) {
  std::variant<auth::Pass, auth::Refusal> answer = admission_->Check(
      context, WELFARE_METHOD(AuditService, StreamEntries), *request);
  if (auto* refusal = std::get_if<auth::Refusal>(&answer)) {
    auto* refused = new EntryStreamer();
    admission_->Refuse(
        context, *refusal,
        [refused](const grpc::Status& status) { refused->Finish(status); });
    return refused;
  }
  // The chunk being read and the one being sent.
  absl::StatusOr<StreamBudget::Lease> lease =
      streams_->Acquire(2 * audit::kEntryChunkBytesMax);
  if (!lease.ok()) {
    auto* refused = new EntryStreamer();
    refused->Finish(ToGrpcStatus(lease.status(), context));
    return refused;
  }
  return new EntryStreamer(context, std::get<auth::Pass>(std::move(answer)),
                           *std::move(lease), log_->OpenEntries(*request),
                           admission_);
}

}  // namespace welfare::grpc_edge
