#include "clients/audit/entry_fold.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace welfare::auditor {
namespace {

std::string Hex(const Hash& hash) { return verify::ToHex(hash); }

}  // namespace

Hash ChainHash(absl::string_view bytes) { return verify::Sha256(bytes); }

EntryFold::EntryFold(std::string fund_id, LedgerModel::EarlierEntry earlier)
    : EntryFold(std::move(fund_id), LedgerModel(std::move(earlier)),
                verify::TreeBuilder(), Hash{}) {}

EntryFold::EntryFold(std::string fund_id, LedgerModel model,
                     verify::TreeBuilder tree, Hash last_hash)
    : fund_id_(std::move(fund_id)),
      model_(std::move(model)),
      start_size_(tree.size()),
      tree_(std::move(tree)),
      checked_size_(start_size_),
      last_hash_(last_hash) {
  snapshots_.push_back(tree_);
}

absl::StatusOr<EntryFold> EntryFold::Resume(const v1::FundState& state,
                                            LedgerModel::EarlierEntry earlier) {
  std::vector<Hash> border;
  for (const std::string& bytes : state.tree_border()) {
    absl::StatusOr<Hash> hash = verify::HashFromBytes(bytes);
    if (!hash.ok()) return hash.status();
    border.push_back(*hash);
  }
  absl::StatusOr<verify::TreeBuilder> tree =
      verify::TreeBuilder::FromBorder(state.tree_size(), std::move(border));
  if (!tree.ok()) return tree.status();
  if (tree->Root() !=
      verify::HashFromBytes(state.root_hash()).value_or(Hash{})) {
    return absl::InvalidArgumentError(
        "the stored tree border does not make the stored root");
  }
  absl::StatusOr<Hash> last_hash = verify::HashFromBytes(
      state.tree_size() == 0 ? std::string(verify::kHashSize, '\0')
                             : state.last_entry_hash());
  if (!last_hash.ok()) return last_hash.status();
  absl::StatusOr<LedgerModel> model =
      LedgerModel::FromState(state, std::move(earlier));
  if (!model.ok()) return model.status();
  return EntryFold(state.fund_id(), std::move(*model), std::move(*tree),
                   *last_hash);
}

absl::StatusOr<EntryFold::Step> EntryFold::Add(uint64_t sequence,
                                               absl::string_view bytes,
                                               Findings& findings) {
  Hash chain;
  if (HashEntry(sequence, bytes, findings, &chain) == Step::kStop) {
    return Step::kStop;
  }
  absl::Status checked = CheckEntry(sequence, bytes, chain, findings);
  if (!checked.ok()) return checked;
  return Step::kNext;
}

EntryFold::Step EntryFold::HashEntry(uint64_t sequence, absl::string_view bytes,
                                     Findings& findings, Hash* chain_hash) {
  const uint64_t expected = tree_.size() + 1;
  if (sequence != expected) {
    findings.Add(FindingKind::STREAM_GAP, expected,
                 sequence > expected
                     ? absl::StrCat("entries ", expected, "..", sequence - 1,
                                    " are missing from the stream (it sent ",
                                    sequence, " next)")
                     : absl::StrCat("the stream sent entry ", sequence,
                                    " where entry ", expected, " belongs"));
    return Step::kStop;
  }
  const Hash leaf = verify::LeafHash(bytes);
  tree_.Append(leaf);
  if ((tree_.size() - start_size_) % kSnapshotInterval == 0) {
    snapshots_.push_back(tree_);
  }
  *chain_hash = verify::Sha256(bytes);
  return Step::kNext;
}

absl::Status EntryFold::CheckEntry(uint64_t sequence, absl::string_view bytes,
                                   const Hash& chain_hash, Findings& findings) {
  const Hash previous = last_hash_;
  last_hash_ = chain_hash;
  checked_size_ = sequence;
  if (!record_.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    findings.Add(FindingKind::ENTRY_MALFORMED, sequence,
                 absl::StrCat("its ", bytes.size(),
                              " stored bytes do not parse as an EntryRecord"));
    return absl::OkStatus();
  }
  if (record_.format_version() != kEntryFormatVersion ||
      record_.fund_id() != fund_id_ || record_.sequence() != sequence) {
    findings.Add(
        FindingKind::ENTRY_MALFORMED, sequence,
        absl::StrCat("the record says format ", record_.format_version(),
                     ", fund ", absl::CHexEscape(record_.fund_id()), ", entry ",
                     record_.sequence(), "; want format ", kEntryFormatVersion,
                     ", fund ", fund_id_, ", entry ", sequence));
    return absl::OkStatus();
  }
  const std::string& named = record_.previous_hash();
  if (named.size() != verify::kHashSize ||
      std::memcmp(named.data(), previous.data(), verify::kHashSize) != 0) {
    findings.Add(
        FindingKind::CHAIN_BROKEN, sequence,
        absl::StrCat("previous_hash is ", absl::BytesToHexString(named),
                     "; SHA-256 of entry ", sequence - 1, "'s stored bytes is ",
                     Hex(previous)));
  }
  return model_.Apply(record_, findings);
}

void EntryFold::Reserve(uint64_t entries) {
  model_.Reserve(std::min(entries, kReserveEntriesMax));
}

const verify::TreeBuilder& EntryFold::TreeAtOrBefore(uint64_t m) const {
  if (m < start_size_ || m > tree_.size()) std::abort();  // A caller's bug.
  if (m == tree_.size()) return tree_;
  return snapshots_[(m - start_size_) / kSnapshotInterval];
}

void EntryFold::SaveTo(v1::FundState* state) const {
  state->set_tree_size(tree_.size());
  state->set_root_hash(verify::ToBytes(tree_.Root()));
  state->clear_tree_border();
  for (const Hash& hash : tree_.border()) {
    state->add_tree_border(verify::ToBytes(hash));
  }
  state->set_last_entry_hash(verify::ToBytes(last_hash_));
  model_.SaveTo(state);
}

}  // namespace welfare::auditor
