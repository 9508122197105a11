// StoredEntry: a journal entry as stored (its exact bytes), parsed, with its
// hash. The hash is SHA-256 over the stored bytes, never over a
// re-serialization.
#ifndef WELFARE_STORAGE_STORED_ENTRY_H_
#define WELFARE_STORAGE_STORED_ENTRY_H_

#include <string>

#include "absl/status/statusor.h"
#include "storage/sha256.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::storage {

inline constexpr uint32_t kEntryFormatVersion = 1;

struct StoredEntry {
  std::string bytes;
  welfare::storage::v1::EntryRecord record;
  Hash hash;
};

// Parses stored bytes. DATA_LOSS (JOURNAL_CORRUPT) if they do not parse, or
// if the entry is not the one its key promised (fund_id, sequence) or has an
// unknown format version.
absl::StatusOr<StoredEntry> ParseStoredEntry(std::string bytes,
                                             absl::string_view fund_id,
                                             uint64_t sequence);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_STORED_ENTRY_H_
