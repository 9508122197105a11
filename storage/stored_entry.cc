#include "storage/stored_entry.h"

#include "absl/strings/str_cat.h"
#include "storage/errors.h"

namespace welfare::storage {

absl::StatusOr<StoredEntry> ParseStoredEntry(std::string bytes,
                                             absl::string_view fund_id,
                                             uint64_t sequence) {
  StoredEntry entry;
  auto corrupt = [&](absl::string_view what) {
    return Error(
        absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
        absl::StrCat("fund ", fund_id, " entry ", sequence, ": ", what));
  };
  if (!entry.record.ParseFromString(bytes)) {
    return corrupt("stored bytes do not parse as an EntryRecord");
  }
  if (entry.record.format_version() != kEntryFormatVersion) {
    return corrupt(
        absl::StrCat("unknown format version ", entry.record.format_version()));
  }
  if (entry.record.fund_id() != fund_id ||
      entry.record.sequence() != sequence) {
    return corrupt(absl::StrCat("record claims fund ", entry.record.fund_id(),
                                " entry ", entry.record.sequence()));
  }
  entry.hash = Sha256(bytes);
  entry.bytes = std::move(bytes);
  return entry;
}

}  // namespace welfare::storage
