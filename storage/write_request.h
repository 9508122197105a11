// What the domain hands the journal to write, and what it gets back.
#ifndef WELFARE_STORAGE_WRITE_REQUEST_H_
#define WELFARE_STORAGE_WRITE_REQUEST_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/sha256.h"
#include "storage/stored_entry.h"

namespace welfare::storage {

class AppendContext;

struct AppendResult {
  // What the request wrote: entries first_sequence .. first_sequence +
  // entry_count - 1, the last with hash last_hash.
  uint64_t first_sequence = 0;
  uint32_t entry_count = 0;
  Hash last_hash{};
  // The entries themselves, in sequence order, if the request kept them
  // (WriteRequest::keep_entries); empty otherwise.
  std::vector<StoredEntry> entries;
  // True when the request_id had been seen with the same content, and this
  // is what the request wrote the first time.
  bool replayed = false;
};

struct WriteRequest {
  std::string fund_id;
  // Idempotency key, unique per fund; see the RequestRecord in FORMAT.md.
  std::string request_id;
  // SHA-256 of the request's content without request_id: the same request_id
  // with another fingerprint is rejected (ALREADY_EXISTS, REQUEST_ID_REUSED).
  Hash fingerprint{};
  // Who asks; recorded in every entry.
  std::string principal;
  // How many entries the request may write, to size commit groups.
  uint32_t weight = 1;
  // Whether the result carries the entries themselves. A batch answered with
  // its first sequence and count does without, which spares keeping
  // thousands of records.
  bool keep_entries = true;
  // The domain's validation and effects, run on the committer thread against
  // the state left by every earlier request. It must append at least one
  // entry and must not block. On error nothing of it is written.
  std::function<absl::Status(AppendContext&)> apply;
  // Called exactly once, after the result is durable (or failed), on the
  // committer thread; it must not block.
  std::function<void(absl::StatusOr<AppendResult>)> done;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_WRITE_REQUEST_H_
