// FundState: what the committer keeps in memory about one fund's journal so
// that appending needs no reads: the head of the hash chain and every
// account's balance. It is a cache of the database, loaded on first use and
// always at least as new as what is committed.
#ifndef WELFARE_STORAGE_FUND_STATE_H_
#define WELFARE_STORAGE_FUND_STATE_H_

#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/verify/merkle.h"
#include "storage/sha256.h"
#include "storage/staging.h"

namespace welfare::storage {

// Values of welfare.ledger.v1.AccountKind that may never go negative.
inline constexpr int32_t kAccountKindCash = 1;
inline constexpr int32_t kAccountKindBank = 2;

struct AccountState {
  uint32_t code = 0;
  int32_t kind = 0;
  // Debits minus credits over every entry, staged ones included.
  int64_t balance = 0;
  // The latest day with a day total (D-key), INT32_MIN if none.
  int32_t last_day = INT32_MIN;
  // What the current commit group changed and has not staged yet: the new
  // totals of days (day -> total) and whether the balance moved. The
  // committer stages them once per group (StageAccountChanges).
  std::map<int32_t, int64_t> changed_days;
  bool balance_changed = false;
  // A committed day total, remembered to spare a read.
  int32_t known_day = INT32_MIN;
  int64_t known_day_total = 0;

  bool never_negative() const {
    return kind == kAccountKindCash || kind == kAccountKindBank;
  }
};

struct FundState {
  // 0 while the fund does not exist.
  uint64_t last_sequence = 0;
  Hash last_hash{};
  int64_t last_time_micros = 0;
  // The right border of the journal's Merkle tree (size last_sequence).
  welfare::verify::TreeBuilder tree;
  // Sorted by code.
  std::vector<AccountState> accounts;
  // Facts of the fund's view that never change once the fund exists, as
  // the domain last read them, so that numbering a receipt or checking a
  // date against the founding need not read the view for every entry.
  struct Facts {
    // 1..12; 0 until read.
    int32_t fiscal_year_start_month = 0;
    // The day the fund was founded (the day number of its creation entry).
    int32_t founding_day = 0;

    bool known() const { return fiscal_year_start_month != 0; }
  };
  Facts facts;

  bool exists() const { return last_sequence > 0; }
  // nullptr if the fund has no such account.
  AccountState* FindAccount(uint32_t code);
  const AccountState* FindAccount(uint32_t code) const;
  // Adds an account in code order; false if the code exists.
  bool AddAccount(const AccountState& account);
};

// Reads a fund's state from the committed data. The caller must not have
// staged anything for the fund in the current group.
absl::StatusOr<FundState> LoadFundState(Staging& staging,
                                        absl::string_view fund_id);

// Stages every changed balance and day total of the fund (B- and D-keys)
// and clears the changes.
void StageAccountChanges(absl::string_view fund_id, FundState& fund,
                         Staging& staging);

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_FUND_STATE_H_
