// Checking a fund's signed checkpoint with the trusted key, and tying it to
// the checkpoint verified before (shared by verify and prove).
#ifndef WELFARE_CLIENTS_AUDIT_CHECKPOINT_CHECK_H_
#define WELFARE_CLIENTS_AUDIT_CHECKPOINT_CHECK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/findings.h"
#include "clients/audit/state.pb.h"
#include "clients/verify/checkpoint.h"
#include "clients/verify/note.h"

namespace welfare::auditor {

// "<key name>/funds/<fund_id>".
std::string OriginOf(const verify::NoteVerifier& verifier,
                     const std::string& fund_id);

// The checkpoint a signed note says, if it verifies with `verifier` and is
// a checkpoint of the fund; otherwise a finding (CHECKPOINT_SIGNATURE or
// CHECKPOINT_MALFORMED) and nullopt.
std::optional<verify::Checkpoint> OpenCheckpoint(
    const std::string& note, const verify::NoteVerifier& verifier,
    const std::string& fund_id, Findings& findings);

// Whether `next` extends the stored checkpoint: no smaller, and a
// consistency proof from the server ties the stored root to next's. Adds
// CHECKPOINT_SHRANK or FORK_OR_REWRITE and returns false if not. Errors
// only when the call fails.
absl::StatusOr<bool> ExtendsStored(AuditRpc& rpc, const v1::FundState& stored,
                                   const verify::Checkpoint& next,
                                   Findings& findings);

// The checkpoint as the report shows it.
v1::VerifiedCheckpoint ToReport(const verify::Checkpoint& checkpoint,
                                const std::string& note);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_CHECKPOINT_CHECK_H_
