#include "storage/journal_reads.h"

#include "absl/strings/str_cat.h"
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
    const uint32_t code = row.account.code();
    ASSIGN_OR_RETURN(auto stored,
                     view.Get(Column::kViews, keys::Balance(fund_id, code)));
    if (stored.has_value() && !keys::DecodeFixed64(*stored, &row.balance)) {
      return Corrupt(fund_id, absl::StrCat("unreadable balance of ", code));
    }
    if (!as_of_day.has_value()) continue;
    ASSIGN_OR_RETURN(int64_t after,
                     MovementAfter(view, fund_id, code, *as_of_day));
    row.balance -= after;
  }
  RETURN_IF_ERROR(accounts.status());
  return balances;
}

}  // namespace welfare::storage
