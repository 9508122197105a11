// Whether a stored entry is still the entry the server committed: its bytes
// against the leaf hash stored for it in the fund's Merkle tree
// (merkle_tree.h). The tree and the entry are written in one batch, so a
// mismatch means the entry was changed behind the server's back or damaged
// on disk; the server then never serves it and never chains onto it.
#ifndef WELFARE_STORAGE_ENTRY_CHECK_H_
#define WELFARE_STORAGE_ENTRY_CHECK_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "storage/merkle_tree.h"

namespace welfare::storage {

// OK if bytes hash to the committed leaf of entry sequence (1-based) of the
// fund; DATA_LOSS ENTRY_DAMAGED naming the fund and the entry if not;
// DATA_LOSS JOURNAL_CORRUPT if the tree has no such leaf.
absl::Status CheckEntryLeaf(const KeyReader& read, absl::string_view fund_id,
                            uint64_t sequence, absl::string_view bytes);

// The same, against a committed leaf already read (32 bytes).
absl::Status CheckEntryAgainstLeaf(absl::string_view fund_id, uint64_t sequence,
                                   absl::string_view bytes,
                                   absl::string_view leaf);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_ENTRY_CHECK_H_
