// A fund's journal as an RFC 9162 Merkle tree: leaf i (0-based) is entry
// sequence i + 1, leaf hash SHA-256(0x00 || stored entry bytes).
//
// The committer stores every leaf hash and the root of every perfect subtree
// (T-keys, docs/FORMAT.md) in the same batch as the entry that completes it.
// So any root, any inclusion proof and any consistency proof costs O(log n)
// point reads and no scan: each proof hash is either a stored perfect
// subtree or a subtree on the tree's right edge, which folds at most log n
// stored ones. Proofs come from the tree as committed, never from the
// entries' current bytes: an entry changed behind the server's back shows
// as a leaf that no longer matches, not as a different tree.
#ifndef WELFARE_STORAGE_MERKLE_TREE_H_
#define WELFARE_STORAGE_MERKLE_TREE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "clients/verify/merkle.h"
#include "storage/store.h"

namespace welfare::storage {

using TreeHash = welfare::verify::Hash;

// Reads one key of the committed state: a ReadView or a Staging.
using KeyReader = std::function<absl::StatusOr<std::optional<std::string>>(
    Column, absl::string_view)>;

// A bounded in-memory cache of committed Merkle nodes of the upper levels
// (subtrees of 2^kLevelMin leaves or more), which every proof of a fund
// shares. Nodes never change once committed, so a cached one is never stale.
// Holds at most kNodesMax nodes (about 6 MiB) and starts over when full.
// Thread-safe.
class TreeNodeCache {
 public:
  static constexpr int kLevelMin = 5;
  static constexpr size_t kNodesMax = 1 << 16;

  std::optional<TreeHash> Find(const std::string& key) const;
  void Insert(const std::string& key, const TreeHash& hash);

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, TreeHash> nodes_ ABSL_GUARDED_BY(mu_);
};

// The number of leaves of the fund's committed tree (its journal's size as
// the tree records it; 0 if there is no such fund). One seek in the small
// tree column family.
absl::StatusOr<uint64_t> TreeSize(const ReadView& view,
                                  absl::string_view fund_id);

// Whether the tree has at least size leaves: one point read (leaf size - 1).
absl::StatusOr<bool> TreeHasLeaves(const ReadView& view,
                                   absl::string_view fund_id, uint64_t size);

class TreeReader {
 public:
  // read must outlive the reader; so must cache, which may be null.
  TreeReader(KeyReader read, absl::string_view fund_id,
             TreeNodeCache* cache = nullptr);

  // The root of the first size leaves (EmptyRoot() for 0).
  absl::StatusOr<TreeHash> Root(uint64_t size);
  // RFC 9162 PATH(leaf_index, D[0:size]); leaf_index < size.
  absl::StatusOr<std::vector<TreeHash>> InclusionProof(uint64_t leaf_index,
                                                       uint64_t size);
  // RFC 9162 PROOF(first, D[0:second]); empty when first is 0 or equals
  // second. first <= second.
  absl::StatusOr<std::vector<TreeHash>> ConsistencyProof(uint64_t first,
                                                         uint64_t second);
  // The roots of the perfect subtrees that make up [0, size), largest first:
  // what a verify::TreeBuilder needs to go on appending.
  absl::StatusOr<std::vector<TreeHash>> Border(uint64_t size);

  // Point reads made so far (for tests of the O(log n) bound).
  uint64_t reads() const { return reads_; }

 private:
  // The root of leaves [begin, end), begin < end.
  absl::StatusOr<TreeHash> RangeHash(uint64_t begin, uint64_t end);
  absl::StatusOr<TreeHash> PerfectHash(int level, uint64_t index);
  absl::Status Path(uint64_t leaf, uint64_t begin, uint64_t end,
                    std::vector<TreeHash>* proof);
  absl::Status SubProof(uint64_t first, uint64_t begin, uint64_t end,
                        bool whole, std::vector<TreeHash>* proof);

  KeyReader read_;
  std::string fund_id_;
  TreeNodeCache* const cache_;
  uint64_t reads_ = 0;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_MERKLE_TREE_H_
