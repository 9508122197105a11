// Streaming a fund's entries through an EntryFold on two threads: a
// receiver thread reads the stream and runs HashEntry on each entry (the
// gRPC read, the leaf and chain hashes, the tree); the calling thread runs
// CheckEntry (parse, chain, model) and then `after_entry` on each, in
// sequence order. Between them, a queue of at most kPipelineChunksMax
// chunks.
#ifndef WELFARE_CLIENTS_AUDIT_ENTRY_PIPELINE_H_
#define WELFARE_CLIENTS_AUDIT_ENTRY_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/entry_fold.h"
#include "clients/audit/findings.h"

namespace welfare::auditor {

inline constexpr size_t kPipelineChunksMax = 16;

struct PipelineOutcome {
  // The stream's status; OK when the pipeline stopped it on purpose.
  absl::Status stream;
  // CheckEntry's error, if any (the audit cannot go on).
  absl::Status check;
  // A finding (in stream_findings) or an error stopped the pipeline before
  // the stream ended.
  bool stopped = false;
};

// Streams entries first..last of the fund through `fold`, which must have
// folded first - 1 entries. The receiver adds its findings (STREAM_GAP:
// a gap, an entry out of order or beyond `last`) to stream_findings, the
// calling thread its own to `findings`; both are the caller's to merge.
PipelineOutcome RunEntryPipeline(AuditRpc& rpc, const std::string& fund_id,
                                 uint64_t first, uint64_t last, EntryFold& fold,
                                 Findings& stream_findings, Findings& findings,
                                 const std::function<void()>& after_entry);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_ENTRY_PIPELINE_H_
