// AppendContext: what a write request's apply function (write_request.h)
// may do inside the committer: read the fund's state, read and stage views,
// and append entries to the fund's journal.
//
// Append is where the journal's invariants live, whatever the domain asks:
// the sequence is gap-free, every entry names the previous entry's hash,
// postings balance, refer to open accounts and never overflow a balance, and
// a cash or bank account never goes negative on any date. Balances, day
// totals and indexes are staged with the entry, in the same batch.
#ifndef WELFARE_STORAGE_APPEND_CONTEXT_H_
#define WELFARE_STORAGE_APPEND_CONTEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "storage/fund_state.h"
#include "storage/staging.h"
#include "storage/stored_entry.h"
#include "storage/write_request.h"

namespace welfare::storage {

// Limits of one entry.
inline constexpr int kPostingsPerEntryMax = 64;
inline constexpr size_t kEntryBytesMax = 64 << 10;

class AppendContext {
 public:
  // fund is the request's working copy of the fund state; the committer keeps
  // it only if the request succeeds.
  AppendContext(const WriteRequest& request, FundState* fund, Staging* staging,
                int64_t now_micros);
  AppendContext(const AppendContext&) = delete;
  AppendContext& operator=(const AppendContext&) = delete;

  const std::string& fund_id() const { return request_.fund_id; }
  const FundState& fund() const { return *fund_; }
  Staging& staging() { return *staging_; }
  // The server time the request's entries will carry.
  int64_t now_micros() const { return now_micros_; }
  // Caches the fund's unchanging facts in its state (FundState), which the
  // committer keeps only if the request succeeds.
  void set_fund_facts(const FundState::Facts& facts) { fund_->facts = facts; }
  // Sequence the next Append will get.
  uint64_t next_sequence() const { return fund_->last_sequence + 1; }

  // Appends record to the fund's journal. Fills in format_version, fund_id,
  // sequence, previous_hash, server_time_micros, principal, request_id and
  // request_item; the caller sets everything else. Returns the sequence.
  // Postings may name only accounts opened by earlier entries.
  // Errors: NOT_FOUND FUND_NOT_FOUND (no fund and record is not
  // FUND_CREATED) or ACCOUNT_NOT_FOUND; ALREADY_EXISTS FUND_ALREADY_EXISTS or
  // ACCOUNT_ALREADY_EXISTS; INVALID_ARGUMENT POSTINGS_UNBALANCED,
  // TOO_MANY_POSTINGS, AMOUNT_TOO_LARGE (a sum of postings overflows),
  // FIELD_INVALID (entry too large); FAILED_PRECONDITION BALANCE_OVERFLOW
  // (a balance on the effective date or later would overflow),
  // INSUFFICIENT_FUNDS. A failed Append changes nothing: the context stays
  // as it was, so a caller may go on.
  absl::StatusOr<uint64_t> Append(welfare::storage::v1::EntryRecord record);

  // An entry of this fund, staged or committed; nullopt if there is none.
  absl::StatusOr<std::optional<StoredEntry>> ReadEntry(uint64_t sequence);

  // How many entries were appended so far, and the first one's sequence.
  uint32_t appended_count() const { return appended_count_; }
  uint64_t first_appended_sequence() const { return first_appended_sequence_; }
  // The entries appended so far, if the request keeps them.
  std::vector<StoredEntry> TakeAppended() { return std::move(appended_); }

 private:
  // A planned change of one account's balance and day total.
  struct BalanceChange {
    uint32_t code = 0;
    int64_t delta = 0;
    int64_t new_balance = 0;
    int32_t day = 0;
    int64_t new_day_total = 0;
  };
  // The lowest and highest balance as of a day and every later day.
  struct Extremes {
    int64_t lowest = 0;
    int64_t highest = 0;
  };

  // Checks, which change nothing.
  absl::Status CheckAccountsToOpen(
      const welfare::storage::v1::EntryRecord& record) const;
  absl::StatusOr<absl::InlinedVector<BalanceChange, 4>> PlanPostings(
      const welfare::storage::v1::EntryRecord& record);
  absl::StatusOr<BalanceChange> PlanAccount(const AccountState& account,
                                            int64_t delta, int32_t day);
  absl::StatusOr<int64_t> DayTotal(const AccountState& account, int32_t day);
  absl::StatusOr<Extremes> BalanceExtremesFrom(const AccountState& account,
                                               int32_t day);
  // Changes, which cannot fail.
  void OpenAccounts(welfare::storage::v1::EntryRecord& record);
  void OpenAccount(welfare::storage::v1::AccountRecord& account);
  void ApplyChange(const BalanceChange& change);
  // Month totals (O) and cash flows (Y 'c', 'C') and receipts (Y 'r', 'R')
  // of the entry's changes; reversal: whether the entry is a reversal.
  void StageTotals(int32_t day, bool reversal,
                   absl::Span<const BalanceChange> changes);
  void StageIndexes(const welfare::storage::v1::EntryRecord& record);

  const WriteRequest& request_;
  FundState* fund_;
  Staging* staging_;
  int64_t now_micros_;
  uint32_t appended_count_ = 0;
  uint64_t first_appended_sequence_ = 0;
  std::vector<StoredEntry> appended_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_APPEND_CONTEXT_H_
