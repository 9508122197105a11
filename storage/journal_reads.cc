#include "storage/journal_reads.h"

#include "absl/strings/str_cat.h"
#include "storage/entry_check.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/tallies.h"

namespace welfare::storage {
namespace {

absl::Status Corrupt(absl::string_view fund_id, absl::string_view what) {
  return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
               absl::StrCat("fund ", fund_id, ": ", what));
}

}  // namespace

absl::StatusOr<uint64_t> JournalSize(const ReadView& view,
                                     absl::string_view fund_id) {
  PrefixIterator last = view.Scan(Column::kJournal, keys::EntryPrefix(fund_id));
  last.SeekToLast();
  RETURN_IF_ERROR(last.status());
  return last.Valid() ? keys::TrailingSequence(last.key()) : 0;
}

absl::StatusOr<std::optional<StoredEntry>> ReadEntry(const ReadView& view,
                                                     absl::string_view fund_id,
                                                     uint64_t sequence) {
  ASSIGN_OR_RETURN(auto bytes,
                   view.Get(Column::kJournal, keys::Entry(fund_id, sequence)));
  if (!bytes.has_value()) return std::nullopt;
  ASSIGN_OR_RETURN(StoredEntry entry,
                   ParseStoredEntry(std::move(*bytes), fund_id, sequence));
  return entry;
}

absl::StatusOr<std::optional<StoredEntry>> ReadCheckedEntry(
    const ReadView& view, absl::string_view fund_id, uint64_t sequence) {
  ASSIGN_OR_RETURN(auto bytes,
                   view.Get(Column::kJournal, keys::Entry(fund_id, sequence)));
  if (!bytes.has_value()) return std::nullopt;
  RETURN_IF_ERROR(CheckEntryLeaf(
      [&view](Column column, absl::string_view key) {
        return view.Get(column, key);
      },
      fund_id, sequence, *bytes));
  ASSIGN_OR_RETURN(StoredEntry entry,
                   ParseStoredEntry(std::move(*bytes), fund_id, sequence));
  return entry;
}

absl::StatusOr<std::vector<AccountBalance>> ReadBalances(
    const ReadView& view, absl::string_view fund_id,
    std::optional<int32_t> as_of_day) {
  std::vector<AccountBalance> balances;
  PrefixIterator accounts =
      view.Scan(Column::kViews, keys::AccountPrefix(fund_id));
  for (accounts.Seek(); accounts.Valid(); accounts.Next()) {
    AccountBalance& row = balances.emplace_back();
    if (!row.account.ParseFromArray(
            accounts.value().data(),
            static_cast<int>(accounts.value().size()))) {
      return Corrupt(fund_id, "unreadable account");
    }
  }
  RETURN_IF_ERROR(accounts.status());
  // The balances (B-keys) in code order beside them: one scan, not a
  // lookup per account (a lookup may load a large filter block).
  PrefixIterator stored =
      view.Scan(Column::kViews, keys::BalancePrefix(fund_id));
  stored.Seek();
  for (AccountBalance& row : balances) {
    const uint32_t code = row.account.code();
    while (stored.Valid() && (stored.suffix().size() != 2 ||
                              keys::ReadBigEndian16(stored.suffix()) < code)) {
      if (stored.suffix().size() != 2) {
        return Corrupt(fund_id, "malformed balance key");
      }
      stored.Next();
    }
    if (!stored.Valid() || keys::ReadBigEndian16(stored.suffix()) != code) {
      continue;  // Never posted to: zero.
    }
    if (!keys::DecodeFixed64(stored.value(), &row.balance)) {
      return Corrupt(fund_id, absl::StrCat("unreadable balance of ", code));
    }
    row.posted = true;
  }
  RETURN_IF_ERROR(stored.status());
  if (as_of_day.has_value()) {
    TotalsReader totals(&view);
    for (AccountBalance& row : balances) {
      if (!row.posted) continue;
      ASSIGN_OR_RETURN(
          int64_t after,
          totals.MovementAfter(fund_id, row.account.code(), *as_of_day));
      row.balance -= after;
    }
  }
  return balances;
}

}  // namespace welfare::storage
