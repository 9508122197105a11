// Scrub: re-hashes every stored journal entry against the leaf hash
// committed for it (entry_check.h), so that damage to old entries is found
// even when nobody reads them. An incremental audit only checks what was
// appended since its last run; a record changed behind the server's back
// with the tree left alone is invisible to it, but not to a scrub.
//
// A pass reads in key order from short-lived snapshots (never one snapshot
// for the whole pass, which would pin old files), at most entries_per_second,
// and never writes.
#ifndef WELFARE_STORAGE_SCRUB_H_
#define WELFARE_STORAGE_SCRUB_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/clock.h"
#include "storage/store.h"

namespace welfare::storage {

struct ScrubOptions {
  // 0: as fast as the disk allows.
  int64_t entries_per_second = 0;
  // Called for each damaged entry found (DATA_LOSS ENTRY_DAMAGED or
  // JOURNAL_CORRUPT naming fund and entry). May be empty.
  std::function<void(const absl::Status&)> on_damage;
  // Waits between batches to keep the rate; returns false to stop the
  // pass. Empty: sleep. (Tests and shutdown pass their own.)
  std::function<bool(int64_t micros)> wait;
};

struct ScrubReport {
  uint64_t funds = 0;
  uint64_t entries = 0;
  uint64_t damaged = 0;
  // The first damage found, up to 100 (the message of each).
  std::vector<std::string> damage;
  // False if the pass was stopped before the end.
  bool complete = true;
};

// One pass over every fund. Errors: those of reading (UNAVAILABLE); damage
// is reported, not an error.
absl::StatusOr<ScrubReport> ScrubJournal(const Store& store,
                                         const ScrubOptions& options);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_SCRUB_H_
