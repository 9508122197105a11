#include "clients/audit/checkpoint_check.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace welfare::auditor {

std::string OriginOf(const verify::NoteVerifier& verifier,
                     const std::string& fund_id) {
  return absl::StrCat(verifier.name, "/funds/", fund_id);
}

std::optional<verify::Checkpoint> OpenCheckpoint(
    const std::string& note, const verify::NoteVerifier& verifier,
    const std::string& fund_id, Findings& findings) {
  absl::StatusOr<std::string> text = verify::OpenNote(note, verifier);
  if (!text.ok()) {
    findings.Add(v1::CHECKPOINT_SIGNATURE, 0,
                 absl::StrCat("the checkpoint does not verify with the "
                              "trusted key ",
                              verifier.name, ": ", text.status().message()));
    return std::nullopt;
  }
  absl::StatusOr<verify::Checkpoint> checkpoint =
      verify::ParseCheckpoint(*text);
  if (!checkpoint.ok()) {
    findings.Add(v1::CHECKPOINT_MALFORMED, 0,
                 absl::StrCat("the signed text is not a checkpoint: ",
                              checkpoint.status().message()));
    return std::nullopt;
  }
  const std::string origin = OriginOf(verifier, fund_id);
  if (checkpoint->origin != origin) {
    findings.Add(v1::CHECKPOINT_MALFORMED, 0,
                 absl::StrCat("the checkpoint's origin is \"",
                              absl::CHexEscape(checkpoint->origin),
                              "\"; want \"", origin, "\""));
    return std::nullopt;
  }
  return std::move(*checkpoint);
}

absl::StatusOr<bool> ExtendsStored(AuditRpc& rpc, const v1::FundState& stored,
                                   const verify::Checkpoint& next,
                                   Findings& findings) {
  const uint64_t old_size = stored.tree_size();
  if (next.size < old_size) {
    findings.Add(v1::CHECKPOINT_SHRANK, 0,
                 absl::StrCat("the server's checkpoint has ", next.size,
                              " entries; a checkpoint of ", old_size,
                              " entries was verified before"));
    return false;
  }
  absl::StatusOr<verify::Hash> old_root =
      verify::HashFromBytes(stored.root_hash());
  if (!old_root.ok()) return old_root.status();
  absl::Status consistent;
  if (old_size == 0) {
    consistent = absl::OkStatus();
  } else if (old_size == next.size) {
    consistent = verify::VerifyConsistency(old_size, next.size, {}, *old_root,
                                           next.root);
  } else {
    absl::StatusOr<ledger_v1::ConsistencyProof> proof =
        rpc.GetConsistencyProof(stored.fund_id(), old_size, next.size);
    if (!proof.ok()) return proof.status();
    const std::vector<std::string> hashes(proof->hashes().begin(),
                                          proof->hashes().end());
    consistent = verify::VerifyConsistency(old_size, next.size, hashes,
                                           *old_root, next.root);
  }
  if (!consistent.ok()) {
    findings.Add(v1::FORK_OR_REWRITE, 0,
                 absl::StrCat("the checkpoint of ", next.size,
                              " entries does not extend the one of ", old_size,
                              " entries verified before (root ",
                              verify::ToHex(*old_root),
                              "): the history was rewritten or forked. ",
                              consistent.message()));
    return false;
  }
  return true;
}

v1::VerifiedCheckpoint ToReport(const verify::Checkpoint& checkpoint,
                                const std::string& note) {
  v1::VerifiedCheckpoint out;
  out.set_origin(checkpoint.origin);
  out.set_tree_size(checkpoint.size);
  out.set_root_hash_hex(verify::ToHex(checkpoint.root));
  out.set_note(note);
  return out;
}

}  // namespace welfare::auditor
