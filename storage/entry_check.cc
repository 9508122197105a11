#include "storage/entry_check.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "clients/verify/merkle.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::storage {

absl::Status CheckEntryAgainstLeaf(absl::string_view fund_id, uint64_t sequence,
                                   absl::string_view bytes,
                                   absl::string_view leaf) {
  if (HashBytes(welfare::verify::LeafHash(bytes)) == leaf) {
    return absl::OkStatus();
  }
  return Error(absl::StatusCode::kDataLoss, "ENTRY_DAMAGED",
               absl::StrCat("fund ", fund_id, ": entry ", sequence,
                            " as stored no longer matches the leaf hash "
                            "committed for it (damaged, or changed outside "
                            "welfared); restore the data folder from a "
                            "backup (docs/OPERATIONS.md)"));
}

absl::Status CheckEntryLeaf(const KeyReader& read, absl::string_view fund_id,
                            uint64_t sequence, absl::string_view bytes) {
  ASSIGN_OR_RETURN(
      std::optional<std::string> leaf,
      read(Column::kTree, keys::TreeNode(fund_id, 0, sequence - 1)));
  if (!leaf.has_value() || leaf->size() != kHashBytes) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", fund_id,
                              ": the Merkle tree has no leaf "
                              "for entry ",
                              sequence));
  }
  return CheckEntryAgainstLeaf(fund_id, sequence, bytes, *leaf);
}

}  // namespace welfare::storage
