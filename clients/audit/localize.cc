#include "clients/audit/localize.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/verify/merkle.h"

namespace welfare::auditor {
namespace {

// Whether the server's consistency proof from size m to the checkpoint
// verifies against own_root, the auditor's root at m.
absl::StatusOr<bool> ConsistentAt(AuditRpc& rpc, const std::string& fund_id,
                                  const verify::Checkpoint& checkpoint,
                                  uint64_t m, const Hash& own_root) {
  absl::StatusOr<ledger_v1::ConsistencyProof> proof =
      rpc.GetConsistencyProof(fund_id, m, checkpoint.size);
  if (!proof.ok()) return proof.status();
  const std::vector<std::string> hashes(proof->hashes().begin(),
                                        proof->hashes().end());
  return verify::VerifyConsistency(m, checkpoint.size, hashes, own_root,
                                   checkpoint.root)
      .ok();
}

// The roots of the trees of sizes first+1..last, rebuilt from `tree` (of
// size first) with the entries fetched again; empty if the server does not
// send exactly those entries.
absl::StatusOr<std::vector<Hash>> RebuiltRoots(AuditRpc& rpc,
                                               const std::string& fund_id,
                                               verify::TreeBuilder tree,
                                               uint64_t last) {
  std::vector<Hash> roots;
  bool in_order = true;
  absl::Status streamed = rpc.StreamEntries(
      fund_id, tree.size() + 1, last, [&](ledger_v1::StoredEntries* chunk) {
        for (const ledger_v1::StoredEntry& entry : chunk->entries()) {
          in_order =
              entry.sequence() == tree.size() + 1 && entry.sequence() <= last;
          if (!in_order) return false;
          tree.Append(verify::LeafHash(entry.data()));
          roots.push_back(tree.Root());
        }
        return true;
      });
  if (!streamed.ok()) return streamed;
  if (!in_order || tree.size() != last) roots.clear();
  return roots;
}

}  // namespace

absl::StatusOr<uint64_t> FirstInconsistent(
    uint64_t good, uint64_t bad,
    const std::function<absl::StatusOr<bool>(uint64_t)>& consistent) {
  while (bad - good > 1) {
    const uint64_t middle = good + (bad - good) / 2;
    absl::StatusOr<bool> ok = consistent(middle);
    if (!ok.ok()) return ok.status();
    (*ok ? good : bad) = middle;
  }
  return bad;
}

absl::StatusOr<uint64_t> LocateFirstBadEntry(
    AuditRpc& rpc, const std::string& fund_id, const EntryFold& fold,
    const verify::Checkpoint& checkpoint, Findings& findings) {
  const uint64_t start = fold.start_size();
  const uint64_t end = checkpoint.size;
  auto boundary = [&](uint64_t i) {
    return std::min(start + i * kSnapshotInterval, end);
  };
  const uint64_t intervals =
      (end - start + kSnapshotInterval - 1) / kSnapshotInterval;
  absl::StatusOr<uint64_t> interval =
      FirstInconsistent(0, intervals, [&](uint64_t i) {
        const uint64_t m = boundary(i);
        return ConsistentAt(rpc, fund_id, checkpoint, m,
                            fold.TreeAtOrBefore(m).Root());
      });
  if (!interval.ok()) return interval.status();
  const uint64_t good = boundary(*interval - 1);
  const uint64_t bad = boundary(*interval);
  absl::StatusOr<std::vector<Hash>> roots =
      RebuiltRoots(rpc, fund_id, fold.TreeAtOrBefore(good), bad);
  if (!roots.ok()) return roots.status();
  if (roots->empty() || roots->back() != fold.TreeAtOrBefore(bad).Root()) {
    findings.Add(v1::ROOT_MISMATCH, 0,
                 absl::StrCat("asked again for entries ", good + 1, "..", bad,
                              ", the server sent other entries than the "
                              "first time"));
    return 0;
  }
  return FirstInconsistent(good, bad, [&](uint64_t m) {
    return ConsistentAt(rpc, fund_id, checkpoint, m, (*roots)[m - good - 1]);
  });
}

}  // namespace welfare::auditor
