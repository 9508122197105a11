#include "storage/merkle_tree.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::storage {
namespace {

using welfare::verify::NodeHash;

// The largest power of two smaller than n (n >= 2): RFC 9162's split point.
uint64_t SplitPoint(uint64_t n) {
  return uint64_t{1} << (63 - __builtin_clzll(n - 1));
}

bool IsPowerOfTwo(uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

int Log2(uint64_t power_of_two) { return __builtin_ctzll(power_of_two); }

}  // namespace

std::optional<TreeHash> TreeNodeCache::Find(const std::string& key) const {
  absl::MutexLock lock(&mu_);
  auto it = nodes_.find(key);
  if (it == nodes_.end()) return std::nullopt;
  return it->second;
}

void TreeNodeCache::Insert(const std::string& key, const TreeHash& hash) {
  absl::MutexLock lock(&mu_);
  if (nodes_.size() >= kNodesMax) nodes_.clear();
  nodes_.emplace(key, hash);
}

absl::StatusOr<uint64_t> TreeSize(const ReadView& view,
                                  absl::string_view fund_id) {
  PrefixIterator last =
      view.Scan(Column::kTree, keys::TreeLevelPrefix(fund_id, 0));
  last.SeekToLast();
  RETURN_IF_ERROR(last.status());
  return last.Valid() ? keys::ReadBigEndian64(last.suffix()) + 1 : 0;
}

absl::StatusOr<bool> TreeHasLeaves(const ReadView& view,
                                   absl::string_view fund_id, uint64_t size) {
  if (size == 0) return true;
  ASSIGN_OR_RETURN(
      auto leaf, view.Get(Column::kTree, keys::TreeNode(fund_id, 0, size - 1)));
  return leaf.has_value();
}

TreeReader::TreeReader(KeyReader read, absl::string_view fund_id,
                       TreeNodeCache* cache)
    : read_(std::move(read)), fund_id_(fund_id), cache_(cache) {}

absl::StatusOr<TreeHash> TreeReader::PerfectHash(int level, uint64_t index) {
  ++reads_;
  const std::string key =
      keys::TreeNode(fund_id_, static_cast<uint8_t>(level), index);
  const bool cacheable = cache_ != nullptr && level >= TreeNodeCache::kLevelMin;
  if (cacheable) {
    std::optional<TreeHash> cached = cache_->Find(key);
    if (cached.has_value()) return *cached;
  }
  ASSIGN_OR_RETURN(auto node, read_(Column::kTree, key));
  TreeHash hash;
  if (!node.has_value() || node->size() != hash.size()) {
    return Error(
        absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
        absl::StrCat("fund ", fund_id_, ": Merkle node ", level, "/", index,
                     node.has_value() ? " is malformed" : " is missing"));
  }
  std::copy(node->begin(), node->end(), hash.begin());
  if (cacheable) cache_->Insert(key, hash);
  return hash;
}

absl::StatusOr<TreeHash> TreeReader::RangeHash(uint64_t begin, uint64_t end) {
  const uint64_t n = end - begin;
  if (IsPowerOfTwo(n) && begin % n == 0) {
    return PerfectHash(Log2(n), begin >> Log2(n));
  }
  const uint64_t k = SplitPoint(n);
  ASSIGN_OR_RETURN(TreeHash left, RangeHash(begin, begin + k));
  ASSIGN_OR_RETURN(TreeHash right, RangeHash(begin + k, end));
  return NodeHash(left, right);
}

absl::StatusOr<TreeHash> TreeReader::Root(uint64_t size) {
  if (size == 0) return welfare::verify::EmptyRoot();
  return RangeHash(0, size);
}

absl::Status TreeReader::Path(uint64_t leaf, uint64_t begin, uint64_t end,
                              std::vector<TreeHash>* proof) {
  const uint64_t n = end - begin;
  if (n == 1) return absl::OkStatus();
  const uint64_t k = SplitPoint(n);
  TreeHash sibling;
  if (leaf < begin + k) {
    RETURN_IF_ERROR(Path(leaf, begin, begin + k, proof));
    ASSIGN_OR_RETURN(sibling, RangeHash(begin + k, end));
  } else {
    RETURN_IF_ERROR(Path(leaf, begin + k, end, proof));
    ASSIGN_OR_RETURN(sibling, RangeHash(begin, begin + k));
  }
  proof->push_back(sibling);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<TreeHash>> TreeReader::InclusionProof(
    uint64_t leaf_index, uint64_t size) {
  std::vector<TreeHash> proof;
  if (leaf_index >= size) {
    return absl::InvalidArgumentError("leaf index beyond the tree");
  }
  RETURN_IF_ERROR(Path(leaf_index, 0, size, &proof));
  return proof;
}

absl::Status TreeReader::SubProof(uint64_t first, uint64_t begin, uint64_t end,
                                  bool whole, std::vector<TreeHash>* proof) {
  if (first == end) {
    if (!whole) {
      ASSIGN_OR_RETURN(TreeHash hash, RangeHash(begin, end));
      proof->push_back(hash);
    }
    return absl::OkStatus();
  }
  const uint64_t k = SplitPoint(end - begin);
  TreeHash sibling;
  if (first <= begin + k) {
    RETURN_IF_ERROR(SubProof(first, begin, begin + k, whole, proof));
    ASSIGN_OR_RETURN(sibling, RangeHash(begin + k, end));
  } else {
    RETURN_IF_ERROR(SubProof(first, begin + k, end, false, proof));
    ASSIGN_OR_RETURN(sibling, RangeHash(begin, begin + k));
  }
  proof->push_back(sibling);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<TreeHash>> TreeReader::ConsistencyProof(
    uint64_t first, uint64_t second) {
  std::vector<TreeHash> proof;
  if (first > second) {
    return absl::InvalidArgumentError("first tree size beyond the second");
  }
  if (first == 0 || first == second) return proof;
  RETURN_IF_ERROR(SubProof(first, 0, second, true, &proof));
  return proof;
}

absl::StatusOr<std::vector<TreeHash>> TreeReader::Border(uint64_t size) {
  std::vector<TreeHash> border;
  uint64_t begin = 0;
  for (int level = 63; level >= 0; --level) {
    const uint64_t width = uint64_t{1} << level;
    if ((size & width) == 0) continue;
    ASSIGN_OR_RETURN(TreeHash hash, PerfectHash(level, begin >> level));
    border.push_back(hash);
    begin += width;
  }
  return border;
}

}  // namespace welfare::storage
