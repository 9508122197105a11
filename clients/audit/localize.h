// Localizing the first bad entry when the root of the entries received
// differs from the signed root: the smallest size m for which the server's
// consistency proof from m to the checkpoint does not verify against the
// auditor's own root at m. Leaves before entry m agree with the server's
// signed tree; leaf m (entry sequence m) is the first that does not.
//
// First a binary search over the sizes the fold kept a tree for (every
// kSnapshotInterval entries), then, within the interval found, the entries
// are fetched again, their leaves rebuilt from the snapshot, and a binary
// search runs over those sizes: O(log n) consistency proofs and at most
// kSnapshotInterval entries fetched again.
//
// A server that answers with wrong consistency proofs can move the entry
// named; the root mismatch itself stands regardless.
#ifndef WELFARE_CLIENTS_AUDIT_LOCALIZE_H_
#define WELFARE_CLIENTS_AUDIT_LOCALIZE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/entry_fold.h"
#include "clients/audit/findings.h"
#include "clients/verify/checkpoint.h"

namespace welfare::auditor {

// The smallest m in (good, bad] with consistent(m) false, given that
// consistent(good) is true and consistent(bad) false (neither is asked).
// Requires good < bad. Stops at consistent's first error.
absl::StatusOr<uint64_t> FirstInconsistent(
    uint64_t good, uint64_t bad,
    const std::function<absl::StatusOr<bool>(uint64_t)>& consistent);

// The sequence of the first entry whose leaf differs from the checkpoint's
// tree, for a fold of checkpoint.size entries whose root differs. 0 with a
// finding added when the entries fetched again differ from those folded
// (the server served two versions). Errors when a call fails.
absl::StatusOr<uint64_t> LocateFirstBadEntry(
    AuditRpc& rpc, const std::string& fund_id, const EntryFold& fold,
    const verify::Checkpoint& checkpoint, Findings& findings);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_LOCALIZE_H_
