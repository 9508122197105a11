// Reads of a fund's journal and balances from a consistent snapshot.
#ifndef WELFARE_STORAGE_JOURNAL_READS_H_
#define WELFARE_STORAGE_JOURNAL_READS_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/store.h"
#include "storage/stored_entry.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::storage {

// The number of entries in the fund's journal (its last sequence); 0 if the
// fund does not exist.
absl::StatusOr<uint64_t> JournalSize(const ReadView& view,
                                     absl::string_view fund_id);

// nullopt if there is no such entry. DATA_LOSS if it does not parse.
absl::StatusOr<std::optional<StoredEntry>> ReadEntry(const ReadView& view,
                                                     absl::string_view fund_id,
                                                     uint64_t sequence);

// ReadEntry, checked against the leaf hash committed for the entry: also
// DATA_LOSS ENTRY_DAMAGED if its bytes no longer match (entry_check.h).
// For reads that hand an entry out as the journal's (GetEntry).
absl::StatusOr<std::optional<StoredEntry>> ReadCheckedEntry(
    const ReadView& view, absl::string_view fund_id, uint64_t sequence);

struct AccountBalance {
  welfare::storage::v1::AccountRecord account;
  // Debits minus credits.
  int64_t balance = 0;
  // Whether any entry ever posted to it (else every balance of it is 0).
  bool posted = false;
};

// Every account of the fund in code order with its balance: over every
// entry, or, with as_of_day, over the entries effective on or before it.
// Costs one read per account plus, with as_of_day, one per later month and
// one per later day of as_of_day's month with entries (tallies.h).
absl::StatusOr<std::vector<AccountBalance>> ReadBalances(
    const ReadView& view, absl::string_view fund_id,
    std::optional<int32_t> as_of_day);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_JOURNAL_READS_H_
