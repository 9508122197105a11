#include "clients/audit/entry_pipeline.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"

namespace welfare::auditor {
namespace {

// A chunk as received, with the chain hash of each entry HashEntry passed
// (the first chain_hashes.size() entries).
struct HashedChunk {
  ledger_v1::StoredEntries chunk;
  std::vector<Hash> chain_hashes;
};

// A bounded queue from one producer to one consumer.
class ChunkQueue {
 public:
  // Waits for room; false if the consumer has closed the queue.
  bool Push(std::unique_ptr<HashedChunk> chunk) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock,
               [&] { return closed_ || chunks_.size() < kPipelineChunksMax; });
    if (closed_) return false;
    chunks_.push_back(std::move(chunk));
    ready_.notify_one();
    return true;
  }
  // The producer is done.
  void Finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    ready_.notify_one();
  }
  // The consumer is done: Push fails from now on.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    chunks_.clear();
    room_.notify_one();
  }
  // The next chunk; nullptr once the producer finished and all were taken.
  std::unique_ptr<HashedChunk> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return finished_ || !chunks_.empty(); });
    if (chunks_.empty()) return nullptr;
    std::unique_ptr<HashedChunk> chunk = std::move(chunks_.front());
    chunks_.pop_front();
    room_.notify_one();
    return chunk;
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_;
  std::condition_variable ready_;
  std::deque<std::unique_ptr<HashedChunk>> chunks_;
  bool finished_ = false;
  bool closed_ = false;
};

}  // namespace

PipelineOutcome RunEntryPipeline(AuditRpc& rpc, const std::string& fund_id,
                                 uint64_t first, uint64_t last, EntryFold& fold,
                                 Findings& stream_findings, Findings& findings,
                                 const std::function<void()>& after_entry) {
  PipelineOutcome outcome;
  ChunkQueue queue;
  bool hash_stopped = false;
  std::thread receiver([&] {
    outcome.stream = rpc.StreamEntries(
        fund_id, first, last, [&](ledger_v1::StoredEntries* received) {
          auto hashed = std::make_unique<HashedChunk>();
          hashed->chunk.Swap(received);
          hashed->chain_hashes.reserve(hashed->chunk.entries_size());
          for (const ledger_v1::StoredEntry& entry : hashed->chunk.entries()) {
            Hash chain;
            if (entry.sequence() > last) {
              stream_findings.Add(
                  v1::STREAM_GAP, entry.sequence(),
                  absl::StrCat("the stream sent entry ", entry.sequence(),
                               ", beyond the checkpoint's ", last));
              hash_stopped = true;
            } else if (fold.HashEntry(entry.sequence(), entry.data(),
                                      stream_findings,
                                      &chain) == EntryFold::Step::kStop) {
              hash_stopped = true;
            }
            if (hash_stopped) break;
            hashed->chain_hashes.push_back(chain);
          }
          return queue.Push(std::move(hashed)) && !hash_stopped;
        });
    queue.Finish();
  });
  while (std::unique_ptr<HashedChunk> hashed = queue.Pop()) {
    for (size_t i = 0; i < hashed->chain_hashes.size(); ++i) {
      const ledger_v1::StoredEntry& entry =
          hashed->chunk.entries(static_cast<int>(i));
      outcome.check = fold.CheckEntry(entry.sequence(), entry.data(),
                                      hashed->chain_hashes[i], findings);
      if (!outcome.check.ok()) break;
      after_entry();
    }
    if (!outcome.check.ok()) {
      queue.Close();
      break;
    }
  }
  receiver.join();
  outcome.stopped = hash_stopped || !outcome.check.ok();
  return outcome;
}

}  // namespace welfare::auditor
