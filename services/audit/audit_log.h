// AuditLog: the read-only side of verification (proto audit.proto): signed
// checkpoints, inclusion and consistency proofs, and the entries as their
// exact stored bytes. Everything is read from RocksDB snapshots; nothing but
// the record of the last signed checkpoint (C-key) is ever written here.
//
// The server never signs two inconsistent checkpoints: before signing a
// fund's tree of size n it checks that the tree's root at the size of the
// last checkpoint it signed equals that checkpoint's root (and that n is not
// smaller); otherwise it refuses with DATA_LOSS CHECKPOINT_INCONSISTENT.
//
// Thread-safe.
#ifndef WELFARE_SERVICES_AUDIT_AUDIT_LOG_H_
#define WELFARE_SERVICES_AUDIT_AUDIT_LOG_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "clients/verify/note.h"
#include "storage/merkle_tree.h"
#include "storage/store.h"
#include "welfare/ledger/v1/audit.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::audit {

namespace v1 = welfare::ledger::v1;

// The origin line of a fund's checkpoints: "<log_name>/funds/<fund_id>".
std::string CheckpointOrigin(absl::string_view log_name,
                             absl::string_view fund_id);

// The most bytes of entries one chunk of StreamEntries holds (one entry may
// take it past this).
inline constexpr size_t kEntryChunkBytesMax = 1 << 20;

// Reads a fund's entries from one snapshot in chunks (StreamEntries).
class EntryCursor {
 public:
  virtual ~EntryCursor() = default;
  // Fills *chunk (cleared first) with the next entries, at most about
  // chunk_bytes_max bytes; false when there were none left.
  virtual absl::StatusOr<bool> Next(v1::StoredEntries* chunk) = 0;
};

class AuditLog {
 public:
  // store must outlive the log. signer's name is the log name.
  AuditLog(const storage::Store* store, welfare::verify::NoteSigner signer);

  v1::VerifierKey GetVerifierKey() const;
  absl::StatusOr<v1::SignedCheckpoint> GetCheckpoint(
      const v1::GetCheckpointRequest& request);
  absl::StatusOr<v1::InclusionProof> GetInclusionProof(
      const v1::GetInclusionProofRequest& request) const;
  absl::StatusOr<v1::ConsistencyProof> GetConsistencyProof(
      const v1::GetConsistencyProofRequest& request) const;
  // Validates the request and opens a cursor on a snapshot.
  absl::StatusOr<std::unique_ptr<EntryCursor>> OpenEntries(
      const v1::StreamEntriesRequest& request) const;

 private:
  // The last signed checkpoint of the fund, from the cache or the C-key.
  absl::StatusOr<const welfare::storage::v1::CheckpointRecord*> LastSigned(
      const std::string& fund_id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const storage::Store* const store_;
  const welfare::verify::NoteSigner signer_;
  // Upper Merkle nodes, shared by every proof and checkpoint.
  mutable storage::TreeNodeCache tree_cache_;
  absl::Mutex mu_;
  // Fund id -> the last checkpoint signed (tree_size 0: none yet).
  absl::flat_hash_map<std::string, welfare::storage::v1::CheckpointRecord>
      signed_ ABSL_GUARDED_BY(mu_);
};

}  // namespace welfare::audit

#endif  // WELFARE_SERVICES_AUDIT_AUDIT_LOG_H_
