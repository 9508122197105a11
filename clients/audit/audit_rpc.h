// AuditRpc: the calls the auditor makes to a welfared server, with a
// deadline on every attempt and retries on UNAVAILABLE (as LedgerClient's
// reads do). Results are the server's answers, unverified: checking them
// is the caller's job. Errors are the server's status (clients/status.h).
// Thread-safe.
#ifndef WELFARE_CLIENTS_AUDIT_AUDIT_RPC_H_
#define WELFARE_CLIENTS_AUDIT_AUDIT_RPC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "clients/ledger_client.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"

namespace welfare::auditor {

namespace ledger_v1 = welfare::ledger::v1;

class AuditRpc {
 public:
  // `options` gives the deadline and attempts of each unary call; the
  // client's channel is shared. stream_deadline_ms bounds one
  // StreamEntries call as a whole.
  AuditRpc(client::LedgerClient* client, const client::ClientOptions& options,
           int64_t stream_deadline_ms);

  absl::StatusOr<ledger_v1::GetBalancesResponse> GetBalances(
      const std::string& fund_id);
  absl::StatusOr<ledger_v1::ListMembersResponse> ListMembers(
      const std::string& fund_id, const std::string& page_token);
  absl::StatusOr<ledger_v1::SignedCheckpoint> GetCheckpoint(
      const std::string& fund_id);
  absl::StatusOr<ledger_v1::InclusionProof> GetInclusionProof(
      const std::string& fund_id, uint64_t sequence, uint64_t tree_size);
  absl::StatusOr<ledger_v1::ConsistencyProof> GetConsistencyProof(
      const std::string& fund_id, uint64_t first_tree_size,
      uint64_t second_tree_size);

  // Streams entries first_sequence..last_sequence, calling on_chunk with
  // each chunk as it arrives; on_chunk may take the chunk's contents
  // (Swap). on_chunk returns false to stop early (the call is then
  // cancelled and StreamEntries returns OK). Not retried.
  absl::Status StreamEntries(
      const std::string& fund_id, uint64_t first_sequence,
      uint64_t last_sequence,
      const std::function<bool(ledger_v1::StoredEntries*)>& on_chunk);

  client::LedgerClient& ledger() { return *client_; }

 private:
  // Runs attempt(context) with a deadline, retrying on UNAVAILABLE.
  absl::Status Call(
      const std::function<grpc::Status(grpc::ClientContext*)>& attempt);

  client::LedgerClient* client_;
  client::ClientOptions options_;
  int64_t stream_deadline_ms_;
  std::unique_ptr<ledger_v1::AuditService::Stub> stub_;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_AUDIT_RPC_H_
