#include "services/audit/audit_log.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/verify/checkpoint.h"
#include "services/domain/names.h"
#include "storage/entry_check.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/merkle_tree.h"
#include "storage/status_macros.h"

namespace welfare::audit {
namespace {

using storage::Column;
using storage::Error;
using storage::ReadView;
using storage::TreeHash;
using storage::TreeReader;
using welfare::storage::v1::CheckpointRecord;

// A StreamEntries chunk stops growing past this many bytes.

storage::KeyReader ReaderOf(const ReadView& view) {
  return [&view](Column column, absl::string_view key) {
    return view.Get(column, key);
  };
}

std::string HashString(const TreeHash& hash) {
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

// The size of the fund's tree in view; NOT_FOUND if the fund does not exist.
absl::StatusOr<uint64_t> ExistingTreeSize(const ReadView& view,
                                          const std::string& fund_id) {
  ASSIGN_OR_RETURN(uint64_t size, storage::TreeSize(view, fund_id));
  if (size == 0) {
    return Error(absl::StatusCode::kNotFound, "FUND_NOT_FOUND",
                 absl::StrCat("no fund funds/", fund_id));
  }
  return size;
}

absl::Status TreeSizeInvalid(absl::string_view message) {
  return Error(absl::StatusCode::kInvalidArgument, "TREE_SIZE_INVALID",
               message);
}

// OK if the fund's tree has at least tree_size leaves: one point read when
// it has, cheaper than finding the tree's end; NOT_FOUND if the fund does
// not exist.
absl::Status RequireTreeSize(const ReadView& view, const std::string& fund_id,
                             absl::string_view field, uint64_t tree_size) {
  ASSIGN_OR_RETURN(bool has, storage::TreeHasLeaves(view, fund_id, tree_size));
  if (has) return absl::OkStatus();
  ASSIGN_OR_RETURN(uint64_t size, ExistingTreeSize(view, fund_id));
  if (size >= tree_size) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", fund_id, ": leaf ", tree_size - 1,
                              " of the tree is missing"));
  }
  return TreeSizeInvalid(absl::StrCat(
      field, " ", tree_size, " is beyond the journal's ", size, " entries"));
}

void AddHashes(const std::vector<TreeHash>& hashes,
               google::protobuf::RepeatedPtrField<std::string>* out) {
  out->Reserve(static_cast<int>(hashes.size()));
  for (const TreeHash& hash : hashes) *out->Add() = HashString(hash);
}

class SnapshotEntryCursor final : public EntryCursor {
 public:
  SnapshotEntryCursor(std::unique_ptr<ReadView> view,
                      const std::string& fund_id, uint64_t first, uint64_t last)
      : view_(std::move(view)),
        fund_id_(fund_id),
        entries_(
            view_->Scan(Column::kJournal, storage::keys::EntryPrefix(fund_id))),
        leaves_(view_->Scan(Column::kTree,
                            storage::keys::TreeLevelPrefix(fund_id, 0))),
        last_(last) {
    std::string start;
    storage::keys::AppendBigEndian64(&start, first);
    entries_.Seek(start);
    // Leaf i is entry i + 1; both scans advance in step.
    std::string leaf;
    storage::keys::AppendBigEndian64(&leaf, first - 1);
    leaves_.Seek(leaf);
  }

  absl::StatusOr<bool> Next(v1::StoredEntries* chunk) override {
    chunk->Clear();
    RETURN_IF_ERROR(refusal_);
    size_t bytes = 0;
    for (; entries_.Valid() && bytes < kEntryChunkBytesMax; entries_.Next()) {
      const uint64_t sequence = storage::keys::TrailingSequence(entries_.key());
      if (sequence > last_) break;
      // Never hand out bytes that are not the entry the tree committed; the
      // entries before the refused one still go out, so the client knows
      // which one it is.
      refusal_ = CheckedAgainstLeaf(sequence);
      if (!refusal_.ok()) {
        if (chunk->entries_size() == 0) return refusal_;
        return true;
      }
      leaves_.Next();
      v1::StoredEntry* entry = chunk->add_entries();
      entry->set_sequence(sequence);
      entry->set_data(entries_.value().data(), entries_.value().size());
      bytes += entries_.value().size() + 16;
    }
    RETURN_IF_ERROR(entries_.status());
    return chunk->entries_size() > 0;
  }

 private:
  // Whether the entry at entries_ (sequence) matches the leaf at leaves_.
  absl::Status CheckedAgainstLeaf(uint64_t sequence) {
    RETURN_IF_ERROR(leaves_.status());
    const uint64_t leaf_sequence =
        leaves_.Valid() ? storage::keys::TrailingSequence(leaves_.key()) + 1
                        : UINT64_MAX;
    if (leaf_sequence < sequence) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id_, ": entry ", leaf_sequence,
                                " is missing from the journal although the "
                                "Merkle tree committed it"));
    }
    if (leaf_sequence > sequence) {
      return Error(
          absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
          absl::StrCat("fund ", fund_id_,
                       ": the Merkle tree has no leaf for entry ", sequence));
    }
    return storage::CheckEntryAgainstLeaf(fund_id_, sequence, entries_.value(),
                                          leaves_.value());
  }

  std::unique_ptr<ReadView> view_;
  const std::string fund_id_;
  storage::PrefixIterator entries_;
  storage::PrefixIterator leaves_;
  const uint64_t last_;
  // The refusal that ended the last chunk early; returned by the next call.
  absl::Status refusal_;
};

}  // namespace

std::string CheckpointOrigin(absl::string_view log_name,
                             absl::string_view fund_id) {
  return absl::StrCat(log_name, "/funds/", fund_id);
}

AuditLog::AuditLog(const storage::Store* store,
                   welfare::verify::NoteSigner signer)
    : store_(store), signer_(std::move(signer)) {}

v1::VerifierKey AuditLog::GetVerifierKey() const {
  v1::VerifierKey key;
  key.set_verifier_key(signer_.VerifierKey());
  key.set_log_name(signer_.name());
  return key;
}

absl::StatusOr<const CheckpointRecord*> AuditLog::LastSigned(
    const std::string& fund_id) {
  auto it = signed_.find(fund_id);
  if (it != signed_.end()) return &it->second;
  CheckpointRecord record;
  std::string value;
  rocksdb::Status status =
      store_->db()->Get(rocksdb::ReadOptions(), store_->handle(Column::kViews),
                        storage::keys::SignedCheckpoint(fund_id), &value);
  if (status.ok()) {
    if (!record.ParseFromString(value) ||
        record.root_hash().size() != welfare::verify::kHashSize) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id,
                                ": unreadable record of the last checkpoint"));
    }
  } else if (!status.IsNotFound()) {
    return Error(absl::StatusCode::kUnavailable, "STORAGE_FAILURE",
                 absl::StrCat("reading the last checkpoint of fund ", fund_id,
                              ": ", status.ToString()));
  }
  return &(signed_[fund_id] = std::move(record));
}

absl::StatusOr<v1::SignedCheckpoint> AuditLog::GetCheckpoint(
    const v1::GetCheckpointRequest& request) {
  ASSIGN_OR_RETURN(std::string fund_id,
                   domain::ParseFundName("fund", request.fund()));
  absl::MutexLock lock(&mu_);
  // The snapshot is taken under the lock, so no checkpoint signed meanwhile
  // can be newer than what it shows.
  ReadView view(store_);
  ASSIGN_OR_RETURN(uint64_t size, ExistingTreeSize(view, fund_id));
  TreeReader tree(ReaderOf(view), fund_id, &tree_cache_);
  ASSIGN_OR_RETURN(TreeHash root, tree.Root(size));
  ASSIGN_OR_RETURN(const CheckpointRecord* last, LastSigned(fund_id));
  if (last->tree_size() > 0) {
    if (size < last->tree_size()) {
      return Error(absl::StatusCode::kDataLoss, "CHECKPOINT_INCONSISTENT",
                   absl::StrCat("fund ", fund_id, ": the journal has ", size,
                                " entries but the server signed a checkpoint "
                                "of ",
                                last->tree_size(), "; refusing to sign"));
    }
    ASSIGN_OR_RETURN(TreeHash old_root, tree.Root(last->tree_size()));
    if (HashString(old_root) != last->root_hash()) {
      return Error(
          absl::StatusCode::kDataLoss, "CHECKPOINT_INCONSISTENT",
          absl::StrCat("fund ", fund_id, ": the tree of ", last->tree_size(),
                       " entries no longer has the root the server "
                       "signed; refusing to sign"));
    }
  }
  v1::SignedCheckpoint response;
  response.set_origin(CheckpointOrigin(signer_.name(), fund_id));
  response.set_tree_size(size);
  response.set_root_hash(HashString(root));
  if (last->tree_size() == size) {
    response.set_note(last->note());
    return response;
  }
  // Never sign a tree whose last entry is not the entry it committed.
  ASSIGN_OR_RETURN(
      std::optional<std::string> head,
      view.Get(Column::kJournal, storage::keys::Entry(fund_id, size)));
  if (!head.has_value()) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", fund_id, ": entry ", size,
                              " of the tree is missing from the journal"));
  }
  RETURN_IF_ERROR(
      storage::CheckEntryLeaf(ReaderOf(view), fund_id, size, *head));
  welfare::verify::Checkpoint checkpoint;
  checkpoint.origin = response.origin();
  checkpoint.size = size;
  checkpoint.root = root;
  ASSIGN_OR_RETURN(std::string note,
                   signer_.Sign(welfare::verify::FormatCheckpoint(checkpoint)));
  CheckpointRecord record;
  record.set_tree_size(size);
  record.set_root_hash(response.root_hash());
  record.set_note(note);
  // Not synced: the tree it names is already durable, and losing the record
  // in a crash loses only the older bound, never a wrong one.
  rocksdb::Status status = store_->db()->Put(
      rocksdb::WriteOptions(), store_->handle(Column::kViews),
      storage::keys::SignedCheckpoint(fund_id), record.SerializeAsString());
  if (!status.ok()) {
    return Error(absl::StatusCode::kUnavailable, "STORAGE_FAILURE",
                 absl::StrCat("recording the checkpoint of fund ", fund_id,
                              ": ", status.ToString()));
  }
  signed_[fund_id] = record;
  response.set_note(std::move(note));
  return response;
}

absl::StatusOr<v1::InclusionProof> AuditLog::GetInclusionProof(
    const v1::GetInclusionProofRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   domain::ParseFundName("fund", request.fund()));
  if (request.sequence() == 0) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                 "sequence is required (1 or more)");
  }
  if (request.tree_size() == 0) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
                 "tree_size is required (1 or more)");
  }
  if (request.sequence() > request.tree_size()) {
    return TreeSizeInvalid(absl::StrCat("sequence ", request.sequence(),
                                        " is beyond tree_size ",
                                        request.tree_size()));
  }
  ReadView view(store_);
  RETURN_IF_ERROR(
      RequireTreeSize(view, fund_id, "tree_size", request.tree_size()));
  TreeReader tree(ReaderOf(view), fund_id, &tree_cache_);
  ASSIGN_OR_RETURN(auto hashes, tree.InclusionProof(request.sequence() - 1,
                                                    request.tree_size()));
  v1::InclusionProof proof;
  proof.set_leaf_index(request.sequence() - 1);
  proof.set_tree_size(request.tree_size());
  AddHashes(hashes, proof.mutable_hashes());
  return proof;
}

absl::StatusOr<v1::ConsistencyProof> AuditLog::GetConsistencyProof(
    const v1::GetConsistencyProofRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   domain::ParseFundName("fund", request.fund()));
  const uint64_t first = request.first_tree_size();
  const uint64_t second = request.second_tree_size();
  if (first == 0 || first > second) {
    return TreeSizeInvalid(
        absl::StrCat("want 1 <= first_tree_size <= second_tree_size, got ",
                     first, " and ", second));
  }
  ReadView view(store_);
  RETURN_IF_ERROR(RequireTreeSize(view, fund_id, "second_tree_size", second));
  TreeReader tree(ReaderOf(view), fund_id, &tree_cache_);
  ASSIGN_OR_RETURN(auto hashes, tree.ConsistencyProof(first, second));
  v1::ConsistencyProof proof;
  proof.set_first_tree_size(first);
  proof.set_second_tree_size(second);
  AddHashes(hashes, proof.mutable_hashes());
  return proof;
}

absl::StatusOr<std::unique_ptr<EntryCursor>> AuditLog::OpenEntries(
    const v1::StreamEntriesRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   domain::ParseFundName("fund", request.fund()));
  auto view = std::make_unique<ReadView>(store_);
  ASSIGN_OR_RETURN(uint64_t size, ExistingTreeSize(*view, fund_id));
  const uint64_t first = std::max<uint64_t>(request.first_sequence(), 1);
  const uint64_t last = request.tree_size() == 0 ? size : request.tree_size();
  if (last > size) {
    return TreeSizeInvalid(absl::StrCat(
        "tree_size ", last, " is beyond the journal's ", size, " entries"));
  }
  if (first > last + 1) {
    return TreeSizeInvalid(
        absl::StrCat("first_sequence ", first, " is beyond tree_size ", last));
  }
  return std::make_unique<SnapshotEntryCursor>(std::move(view), fund_id, first,
                                               last);
}

}  // namespace welfare::audit
