#include "clients/audit/audit_rpc.h"

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "clients/status.h"

namespace welfare::auditor {
namespace {

constexpr int kMembersPageSize = 1000;

std::string FundName(const std::string& fund_id) {
  return absl::StrCat("funds/", fund_id);
}

std::chrono::system_clock::time_point DeadlineAfter(int64_t ms) {
  return std::chrono::system_clock::now() + std::chrono::milliseconds(ms);
}

}  // namespace

AuditRpc::AuditRpc(client::LedgerClient* client,
                   const client::ClientOptions& options,
                   int64_t stream_deadline_ms)
    : client_(client),
      options_(options),
      stream_deadline_ms_(stream_deadline_ms),
      stub_(ledger_v1::AuditService::NewStub(client->channel())) {}

absl::Status AuditRpc::Call(
    const std::function<grpc::Status(grpc::ClientContext*)>& attempt) {
  int64_t backoff_ms = options_.backoff_initial_ms;
  absl::Status status;
  for (int i = 0; i < options_.attempts_max; ++i) {
    if (i > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
      backoff_ms = std::min(backoff_ms * 2, options_.backoff_max_ms);
    }
    grpc::ClientContext context;
    context.set_deadline(DeadlineAfter(options_.deadline_ms));
    status = client::FromGrpcStatus(attempt(&context), context);
    if (status.code() != absl::StatusCode::kUnavailable) break;
  }
  return status;
}

absl::StatusOr<ledger_v1::GetBalancesResponse> AuditRpc::GetBalances(
    const std::string& fund_id) {
  ledger_v1::GetBalancesRequest request;
  request.set_parent(FundName(fund_id));
  return client_->GetBalances(request);
}

absl::StatusOr<ledger_v1::ListMembersResponse> AuditRpc::ListMembers(
    const std::string& fund_id, const std::string& page_token) {
  ledger_v1::ListMembersRequest request;
  request.set_parent(FundName(fund_id));
  request.set_page_size(kMembersPageSize);
  request.set_page_token(page_token);
  return client_->ListMembers(request);
}

absl::StatusOr<ledger_v1::SignedCheckpoint> AuditRpc::GetCheckpoint(
    const std::string& fund_id) {
  ledger_v1::GetCheckpointRequest request;
  request.set_fund(FundName(fund_id));
  ledger_v1::SignedCheckpoint response;
  absl::Status status = Call([&](grpc::ClientContext* context) {
    return stub_->GetCheckpoint(context, request, &response);
  });
  if (!status.ok()) return status;
  return response;
}

absl::StatusOr<ledger_v1::InclusionProof> AuditRpc::GetInclusionProof(
    const std::string& fund_id, uint64_t sequence, uint64_t tree_size) {
  ledger_v1::GetInclusionProofRequest request;
  request.set_fund(FundName(fund_id));
  request.set_sequence(sequence);
  request.set_tree_size(tree_size);
  ledger_v1::InclusionProof response;
  absl::Status status = Call([&](grpc::ClientContext* context) {
    return stub_->GetInclusionProof(context, request, &response);
  });
  if (!status.ok()) return status;
  return response;
}

absl::StatusOr<ledger_v1::ConsistencyProof> AuditRpc::GetConsistencyProof(
    const std::string& fund_id, uint64_t first_tree_size,
    uint64_t second_tree_size) {
  ledger_v1::GetConsistencyProofRequest request;
  request.set_fund(FundName(fund_id));
  request.set_first_tree_size(first_tree_size);
  request.set_second_tree_size(second_tree_size);
  ledger_v1::ConsistencyProof response;
  absl::Status status = Call([&](grpc::ClientContext* context) {
    return stub_->GetConsistencyProof(context, request, &response);
  });
  if (!status.ok()) return status;
  return response;
}

absl::Status AuditRpc::StreamEntries(
    const std::string& fund_id, uint64_t first_sequence, uint64_t last_sequence,
    const std::function<bool(ledger_v1::StoredEntries*)>& on_chunk) {
  ledger_v1::StreamEntriesRequest request;
  request.set_fund(FundName(fund_id));
  request.set_first_sequence(first_sequence);
  request.set_tree_size(last_sequence);
  grpc::ClientContext context;
  context.set_deadline(DeadlineAfter(stream_deadline_ms_));
  std::unique_ptr<grpc::ClientReader<ledger_v1::StoredEntries>> reader =
      stub_->StreamEntries(&context, request);
  ledger_v1::StoredEntries chunk;
  bool stopped = false;
  while (reader->Read(&chunk)) {
    if (!on_chunk(&chunk)) {
      stopped = true;
      context.TryCancel();
      break;
    }
  }
  const grpc::Status status = reader->Finish();
  if (stopped) return absl::OkStatus();
  return client::FromGrpcStatus(status, context);
}

}  // namespace welfare::auditor
