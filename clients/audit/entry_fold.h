// EntryFold: checks a fund's entries as the server streams them and folds
// them into the Merkle tree, the hash chain and the LedgerModel.
//
// For each entry, in this order:
//   1. the sequence is the next one                      STREAM_GAP (stops)
//   2. leaf hash SHA-256(0x00 || bytes) into the tree; chain hash
//   SHA-256(bytes)
//   3. the bytes parse as an EntryRecord of format 1,
//      this fund and this sequence                       ENTRY_MALFORMED
//   4. previous_hash is the previous entry's chain hash  CHAIN_BROKEN
//   5. the LedgerModel's rules                           (ledger_model.h)
// An entry that fails 3 is in the tree and the chain but not in the model.
//
// Steps 1-2 (HashEntry) and 3-5 (CheckEntry) touch separate parts of the
// fold, so one thread may hash entries while another checks those already
// hashed (entry_pipeline.h); Add does both in turn.
//
// For localizing the first bad entry when the signed root differs
// (localize.h), the fold keeps the tree's border every kSnapshotInterval
// entries of this run (about 2 KB each), not the entries or their leaf
// hashes: memory per entry is what LedgerModel keeps. Not thread-safe.
#ifndef WELFARE_CLIENTS_AUDIT_ENTRY_FOLD_H_
#define WELFARE_CLIENTS_AUDIT_ENTRY_FOLD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/audit/findings.h"
#include "clients/audit/ledger_model.h"
#include "clients/audit/state.pb.h"
#include "clients/verify/merkle.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::auditor {

using verify::Hash;

inline constexpr uint64_t kSnapshotInterval = 4096;
inline constexpr uint32_t kEntryFormatVersion = 1;
inline constexpr uint64_t kReserveEntriesMax = uint64_t{1} << 22;

// SHA-256(bytes): the hash the next entry's previous_hash names.
Hash ChainHash(absl::string_view bytes);

class EntryFold {
 public:
  // A fold of fund_id's journal from its start.
  EntryFold(std::string fund_id, LedgerModel::EarlierEntry earlier);

  // A fold that goes on from a stored state (its tree border, last entry
  // hash and model). INVALID_ARGUMENT if the state contradicts itself.
  static absl::StatusOr<EntryFold> Resume(const v1::FundState& state,
                                          LedgerModel::EarlierEntry earlier);

  enum class Step {
    kNext,  // go on with the next entry
    kStop,  // a finding says why the stream cannot be followed further
  };

  // Folds entry `sequence` with its stored bytes: HashEntry, then
  // CheckEntry. Errors only when the model's `earlier` fails (the audit
  // cannot go on).
  absl::StatusOr<Step> Add(uint64_t sequence, absl::string_view bytes,
                           Findings& findings);

  // Steps 1-2: on kNext, *chain_hash is SHA-256(bytes).
  Step HashEntry(uint64_t sequence, absl::string_view bytes, Findings& findings,
                 Hash* chain_hash);
  // Steps 3-5, for the entries HashEntry passed, in the same order.
  absl::Status CheckEntry(uint64_t sequence, absl::string_view bytes,
                          const Hash& chain_hash, Findings& findings);

  // Makes room for `entries` more entries (at most kReserveEntriesMax), so
  // that the model's per-entry table does not grow by copying.
  void Reserve(uint64_t entries);

  // Entries hashed (and, outside a pipeline, checked), from the journal's
  // start.
  uint64_t size() const { return tree_.size(); }
  // Entries checked, from the journal's start.
  uint64_t checked_size() const { return checked_size_; }
  // The size the fold started from (0, or the stored state's).
  uint64_t start_size() const { return start_size_; }
  Hash Root() const { return tree_.Root(); }
  // The tree at the largest size <= m that the fold keeps: size() and
  // start_size() + i * kSnapshotInterval. Requires start_size() <= m <=
  // size().
  const verify::TreeBuilder& TreeAtOrBefore(uint64_t m) const;
  const LedgerModel& model() const { return model_; }

  // Writes tree_size, tree_border, last_entry_hash and the model into
  // state (the caller sets the rest).
  void SaveTo(v1::FundState* state) const;

 private:
  EntryFold(std::string fund_id, LedgerModel model, verify::TreeBuilder tree,
            Hash last_hash);

  std::string fund_id_;
  LedgerModel model_;
  uint64_t start_size_ = 0;
  // HashEntry's.
  verify::TreeBuilder tree_;
  // snapshots_[i] is the tree of start_size_ + i * kSnapshotInterval
  // leaves.
  std::vector<verify::TreeBuilder> snapshots_;
  // CheckEntry's: the chain hash of entry checked_size_.
  uint64_t checked_size_ = 0;
  Hash last_hash_{};
  welfare::storage::v1::EntryRecord record_;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_ENTRY_FOLD_H_
