// Helpers of the journal engine's tests: a journal over a temporary folder
// with a fake clock, hand-written write requests (their apply functions
// append given entries), a gate that holds the committer so that the next
// requests form one commit group, and readers of what was stored.
#ifndef WELFARE_TESTS_STORAGE_JOURNAL_HARNESS_H_
#define WELFARE_TESTS_STORAGE_JOURNAL_HARNESS_H_

#include <atomic>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "storage/append_context.h"
#include "storage/clock.h"
#include "storage/journal.h"
#include "storage/write_request.h"
#include "tests/testing/test_util.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::storage::testing {

using welfare::storage::v1::EntryRecord;

// The accounts every test fund starts with.
inline constexpr uint32_t kCash = 1101;     // CASH: never negative
inline constexpr uint32_t kBank = 1111;     // BANK: never negative
inline constexpr uint32_t kLoans = 1301;    // OTHER asset
inline constexpr uint32_t kCapital = 3101;  // OTHER
inline constexpr uint32_t kDues = 4101;     // OTHER
inline constexpr uint32_t kBenefit = 5101;  // OTHER
inline constexpr int32_t kKindOther = 3;

struct Posting {
  uint32_t code;
  int64_t debit_minus_credit_satang;
};

// Days since 1970-01-01.
int32_t DayOf(int year, int month, int day);

// A FUND_CREATED entry opening the six test accounts.
EntryRecord FundCreatedEntry(int32_t day);
// A TRANSACTION entry with the given postings.
EntryRecord TransactionEntry(int32_t day, const std::vector<Posting>& postings);

// A request whose apply appends the entries in order and returns the first
// error. Its fingerprint covers the entries, not the request_id.
WriteRequest AppendRequest(const std::string& fund_id,
                           const std::string& request_id,
                           std::vector<EntryRecord> entries);

// A clock that counts its readings: the committer reads it once per group.
class CountingClock : public FakeClock {
 public:
  using FakeClock::FakeClock;
  int64_t NowMicros() const override {
    readings_.fetch_add(1);
    return FakeClock::NowMicros();
  }
  int readings() const { return readings_.load(); }

 private:
  mutable std::atomic<int> readings_{0};
};

using Result = absl::StatusOr<AppendResult>;

class JournalHarness {
 public:
  // env: optional, for fault injection; must outlive the harness.
  explicit JournalHarness(int shards = 1, rocksdb::Env* env = nullptr,
                          CommitterOptions committer = {});
  ~JournalHarness();

  absl::Status Open();
  // Drains every queued write and closes the store.
  void Close();
  absl::Status Reopen();

  Journal& journal() { return *journal_; }
  CountingClock& clock() { return clock_; }
  const std::string& path() const { return dir_.path(); }

  // Submits a request; the future holds its result once done ran.
  std::future<Result> Start(WriteRequest request);
  // Submits a request and waits for its result.
  Result Write(WriteRequest request);

  Result CreateFund(const std::string& fund_id, int32_t day);
  Result Post(const std::string& fund_id, const std::string& request_id,
              int32_t day, const std::vector<Posting>& postings);

  // Reads from a fresh snapshot; a failed read fails the test.
  uint64_t Size(const std::string& fund_id);
  std::map<uint32_t, int64_t> Balances(const std::string& fund_id,
                                       std::optional<int32_t> as_of_day = {});
  // The exact bytes stored under every E-key of the fund, in key order.
  std::vector<std::string> StoredEntryBytes(const std::string& fund_id);

 private:
  welfare::testing::TempDir dir_;
  CountingClock clock_{welfare::testing::kTestNowMicros};
  int shards_;
  rocksdb::Env* env_;
  CommitterOptions committer_;
  std::unique_ptr<Journal> journal_;
};

// Holds a committer: Hold() submits a request whose done callback blocks the
// committer thread until Release(). Requests submitted in between wait in
// the queue and are then drained as one group (with at most the group
// weight limit). Used with one shard.
class CommitterGate {
 public:
  explicit CommitterGate(JournalHarness* harness) : harness_(harness) {}
  ~CommitterGate();
  // Returns once the committer thread is blocked.
  void Hold();
  void Release();

 private:
  JournalHarness* harness_;
  absl::Notification held_;
  absl::Notification released_;
  bool holding_ = false;
};

// Checks that stored entries form a hash chain from sequence 1: the key,
// record.sequence and position agree, and each previous_hash is SHA-256 of
// the previous entry's stored bytes (32 zero bytes for the first).
::testing::AssertionResult IsHashChain(
    const std::vector<std::string>& stored_bytes);

}  // namespace welfare::storage::testing

#endif  // WELFARE_TESTS_STORAGE_JOURNAL_HARNESS_H_
