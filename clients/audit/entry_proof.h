// Fetching one entry's stored bytes and proving them part of a tree the
// auditor trusts: StreamEntries(first = last = sequence), then
// GetInclusionProof(sequence, tree_size) checked against the trusted root.
#ifndef WELFARE_CLIENTS_AUDIT_ENTRY_PROOF_H_
#define WELFARE_CLIENTS_AUDIT_ENTRY_PROOF_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/findings.h"
#include "clients/verify/merkle.h"

namespace welfare::auditor {

struct ProvenEntry {
  // The stored bytes as served.
  std::string bytes;
  verify::Hash leaf_hash{};
  // FINDING_KIND_UNSPECIFIED if the bytes are proved; otherwise what is
  // wrong with the server's answer (STREAM_GAP, STREAM_TRUNCATED,
  // INCLUSION_PROOF) and fault_message says how.
  FindingKind fault = v1::FINDING_KIND_UNSPECIFIED;
  std::string fault_message;
};

// Requires 1 <= sequence <= tree_size. Errors only when a call fails
// (the server's status).
absl::StatusOr<ProvenEntry> FetchProvenEntry(AuditRpc& rpc,
                                             const std::string& fund_id,
                                             uint64_t sequence,
                                             uint64_t tree_size,
                                             const verify::Hash& root);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_ENTRY_PROOF_H_
