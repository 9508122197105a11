#include "clients/audit/entry_proof.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace welfare::auditor {

absl::StatusOr<ProvenEntry> FetchProvenEntry(AuditRpc& rpc,
                                             const std::string& fund_id,
                                             uint64_t sequence,
                                             uint64_t tree_size,
                                             const verify::Hash& root) {
  ProvenEntry proven;
  int received = 0;
  absl::Status streamed = rpc.StreamEntries(
      fund_id, sequence, sequence, [&](ledger_v1::StoredEntries* chunk) {
        for (const auto& entry : chunk->entries()) {
          if (++received > 1 || entry.sequence() != sequence) {
            proven.fault = v1::STREAM_GAP;
            proven.fault_message = absl::StrCat(
                "asked for entry ", sequence, " alone, the stream sent entry ",
                entry.sequence(), received > 1 ? " after it" : " instead");
            return false;
          }
          proven.bytes = entry.data();
        }
        return true;
      });
  if (!streamed.ok()) return streamed;
  if (proven.fault != v1::FINDING_KIND_UNSPECIFIED) return proven;
  if (received == 0) {
    proven.fault = v1::STREAM_TRUNCATED;
    proven.fault_message =
        absl::StrCat("asked for entry ", sequence, ", the stream sent none");
    return proven;
  }
  proven.leaf_hash = verify::LeafHash(proven.bytes);
  absl::StatusOr<ledger_v1::InclusionProof> proof =
      rpc.GetInclusionProof(fund_id, sequence, tree_size);
  if (!proof.ok()) return proof.status();
  const std::vector<std::string> hashes(proof->hashes().begin(),
                                        proof->hashes().end());
  absl::Status verified = verify::VerifyInclusion(
      sequence - 1, tree_size, proven.leaf_hash, hashes, root);
  if (!verified.ok()) {
    proven.fault = v1::INCLUSION_PROOF;
    proven.fault_message = absl::StrCat(
        "entry ", sequence, " as served is not proved part of the tree of ",
        tree_size, " entries: ", verified.message());
  }
  return proven;
}

}  // namespace welfare::auditor
