#include "storage/fund_state.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "storage/entry_check.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/merkle_tree.h"
#include "storage/status_macros.h"
#include "storage/stored_entry.h"

namespace welfare::storage {
namespace {

bool CodeLess(const AccountState& account, uint32_t code) {
  return account.code < code;
}

}  // namespace

AccountState* FundState::FindAccount(uint32_t code) {
  auto it = std::lower_bound(accounts.begin(), accounts.end(), code, CodeLess);
  return it != accounts.end() && it->code == code ? &*it : nullptr;
}

const AccountState* FundState::FindAccount(uint32_t code) const {
  return const_cast<FundState*>(this)->FindAccount(code);
}

bool FundState::AddAccount(const AccountState& account) {
  auto it = std::lower_bound(accounts.begin(), accounts.end(), account.code,
                             CodeLess);
  if (it != accounts.end() && it->code == account.code) return false;
  accounts.insert(it, account);
  return true;
}

absl::StatusOr<FundState> LoadFundState(Staging& staging,
                                        absl::string_view fund_id) {
  FundState state;
  PrefixIterator last =
      staging.ScanCommitted(Column::kJournal, keys::EntryPrefix(fund_id));
  last.SeekToLast();
  RETURN_IF_ERROR(last.status());
  if (!last.Valid()) return state;  // No such fund yet.

  uint64_t sequence = keys::TrailingSequence(last.key());
  const KeyReader read = [&staging](Column column, absl::string_view key) {
    return staging.Get(column, key);
  };
  // Never chain a new entry onto damaged bytes: the fund takes no more
  // writes until its head is restored.
  RETURN_IF_ERROR(CheckEntryLeaf(read, fund_id, sequence, last.value()));
  ASSIGN_OR_RETURN(StoredEntry head, ParseStoredEntry(std::string(last.value()),
                                                      fund_id, sequence));
  state.last_sequence = sequence;
  state.last_hash = head.hash;
  state.last_time_micros = head.record.server_time_micros();
  TreeReader tree(read, fund_id);
  ASSIGN_OR_RETURN(auto border, tree.Border(sequence));
  ASSIGN_OR_RETURN(state.tree, welfare::verify::TreeBuilder::FromBorder(
                                   sequence, std::move(border)));

  PrefixIterator accounts =
      staging.ScanCommitted(Column::kViews, keys::AccountPrefix(fund_id));
  for (accounts.Seek(); accounts.Valid(); accounts.Next()) {
    welfare::storage::v1::AccountRecord record;
    if (!record.ParseFromArray(accounts.value().data(),
                               static_cast<int>(accounts.value().size()))) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id, ": unreadable account"));
    }
    AccountState account;
    account.code = record.code();
    account.kind = record.kind();
    ASSIGN_OR_RETURN(
        auto balance,
        staging.Get(Column::kViews, keys::Balance(fund_id, record.code())));
    if (balance.has_value() &&
        !keys::DecodeFixed64(*balance, &account.balance)) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id, ": unreadable balance of ",
                                record.code()));
    }
    PrefixIterator days = staging.ScanCommitted(
        Column::kViews, keys::DayPrefix(fund_id, record.code()));
    days.SeekToLast();
    RETURN_IF_ERROR(days.status());
    if (days.Valid()) account.last_day = keys::ReadDay(days.suffix());
    state.AddAccount(account);
  }
  RETURN_IF_ERROR(accounts.status());
  return state;
}

void StageAccountChanges(absl::string_view fund_id, FundState& fund,
                         Staging& staging) {
  for (AccountState& account : fund.accounts) {
    if (account.balance_changed) {
      staging.PutUnread(Column::kViews, keys::Balance(fund_id, account.code),
                        keys::EncodeFixed64(account.balance));
      account.balance_changed = false;
    }
    for (const auto& [day, total] : account.changed_days) {
      staging.PutUnread(Column::kViews, keys::Day(fund_id, account.code, day),
                        keys::EncodeFixed64(total));
      account.known_day = day;
      account.known_day_total = total;
    }
    account.changed_days.clear();
  }
}

}  // namespace welfare::storage
