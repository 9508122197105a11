#include "storage/append_context.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/verify/merkle.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::storage {
namespace {

using welfare::storage::v1::AccountRecord;
using welfare::storage::v1::EntryRecord;

absl::Status AccountNotFound(absl::string_view fund_id, uint32_t code) {
  return Error(absl::StatusCode::kNotFound, "ACCOUNT_NOT_FOUND",
               absl::StrCat("fund ", fund_id, " has no account ", code,
                            "; open it first or use an existing code"));
}

absl::Status Overflow(uint32_t code) {
  return Error(absl::StatusCode::kFailedPrecondition, "BALANCE_OVERFLOW",
               absl::StrCat("account ", code,
                            " would overflow a 64-bit balance of satang"));
}

absl::Status Corrupt(absl::string_view fund_id, absl::string_view what) {
  return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
               absl::StrCat("fund ", fund_id, ": ", what));
}

// The accounts an entry opens.
std::vector<const AccountRecord*> AccountsOpenedBy(const EntryRecord& record) {
  std::vector<const AccountRecord*> opened;
  if (record.has_fund_created()) {
    for (const auto& account : record.fund_created().accounts()) {
      opened.push_back(&account);
    }
  } else if (record.has_account_opened()) {
    opened.push_back(&record.account_opened());
  }
  return opened;
}

}  // namespace

AppendContext::AppendContext(const WriteRequest& request, FundState* fund,
                             Staging* staging, int64_t now_micros)
    : request_(request),
      fund_(fund),
      staging_(staging),
      now_micros_(std::max(now_micros, fund->last_time_micros)) {}

absl::StatusOr<uint64_t> AppendContext::Append(EntryRecord record) {
  const bool creates_fund =
      record.kind() == welfare::storage::v1::ENTRY_KIND_FUND_CREATED;
  if (!fund_->exists() && !creates_fund) {
    return Error(absl::StatusCode::kNotFound, "FUND_NOT_FOUND",
                 absl::StrCat("no fund funds/", fund_id()));
  }
  if (fund_->exists() && creates_fund) {
    return Error(absl::StatusCode::kAlreadyExists, "FUND_ALREADY_EXISTS",
                 absl::StrCat("fund funds/", fund_id(), " already exists"));
  }
  record.set_format_version(kEntryFormatVersion);
  record.set_fund_id(fund_id());
  record.set_sequence(next_sequence());
  record.set_previous_hash(HashBytes(fund_->last_hash));
  record.set_server_time_micros(now_micros_);
  record.set_principal(request_.principal);
  record.set_request_id(request_.request_id);
  record.set_request_item(appended_count_);
  if (record.has_fund_created()) {
    for (auto& account : *record.mutable_fund_created()->mutable_accounts()) {
      account.set_opened_sequence(record.sequence());
    }
  } else if (record.has_account_opened()) {
    record.mutable_account_opened()->set_opened_sequence(record.sequence());
  }

  // Check and plan everything first: a failed Append changes nothing.
  RETURN_IF_ERROR(CheckAccountsToOpen(record));
  ASSIGN_OR_RETURN(auto changes, PlanPostings(record));
  StoredEntry stored;
  stored.bytes = record.SerializeAsString();
  if (stored.bytes.size() > kEntryBytesMax) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("the entry would take ", stored.bytes.size(),
                              " bytes, want <= ", kEntryBytesMax));
  }
  stored.hash = Sha256(stored.bytes);
  if (fund_->tree.size() != record.sequence() - 1) {
    return Error(absl::StatusCode::kInternal, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", fund_id(), ": the Merkle tree has ",
                              fund_->tree.size(), " leaves before entry ",
                              record.sequence()));
  }

  OpenAccounts(record);
  const Hash leaf = welfare::verify::LeafHash(stored.bytes);
  staging_->PutUnread(Column::kTree,
                      keys::TreeNode(fund_id(), 0, record.sequence() - 1),
                      HashBytes(leaf));
  fund_->tree.Append(leaf, [this](int level, uint64_t index, const Hash& node) {
    staging_->PutUnread(
        Column::kTree,
        keys::TreeNode(fund_id(), static_cast<uint8_t>(level), index),
        HashBytes(node));
  });
  for (const BalanceChange& change : changes) ApplyChange(change);
  StageTotals(record.effective_day(),
              record.kind() == welfare::storage::v1::ENTRY_KIND_REVERSAL,
              changes);
  staging_->Put(Column::kJournal, keys::Entry(fund_id(), record.sequence()),
                stored.bytes);
  StageIndexes(record);
  fund_->last_sequence = record.sequence();
  fund_->last_hash = stored.hash;
  fund_->last_time_micros = now_micros_;
  if (appended_count_++ == 0) first_appended_sequence_ = record.sequence();
  if (request_.keep_entries) {
    stored.record = std::move(record);
    appended_.push_back(std::move(stored));
  }
  return fund_->last_sequence;
}

absl::Status AppendContext::CheckAccountsToOpen(
    const EntryRecord& record) const {
  std::set<uint32_t> codes;
  for (const AccountRecord* account : AccountsOpenedBy(record)) {
    if (fund_->FindAccount(account->code()) != nullptr ||
        !codes.insert(account->code()).second) {
      return Error(absl::StatusCode::kAlreadyExists, "ACCOUNT_ALREADY_EXISTS",
                   absl::StrCat("fund ", fund_id(), " already has account ",
                                account->code()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<absl::InlinedVector<AppendContext::BalanceChange, 4>>
AppendContext::PlanPostings(const EntryRecord& record) {
  if (record.postings_size() > kPostingsPerEntryMax) {
    return Error(absl::StatusCode::kInvalidArgument, "TOO_MANY_POSTINGS",
                 absl::StrCat(record.postings_size(),
                              " postings, want <= ", kPostingsPerEntryMax));
  }
  // Net change per account, in order of first appearance.
  absl::InlinedVector<std::pair<uint32_t, int64_t>, 4> deltas;
  int64_t sum = 0;
  for (const auto& posting : record.postings()) {
    const int64_t amount = posting.debit_minus_credit_satang();
    if (fund_->FindAccount(posting.account_code()) == nullptr) {
      return AccountNotFound(fund_id(), posting.account_code());
    }
    auto it = std::find_if(deltas.begin(), deltas.end(), [&](const auto& d) {
      return d.first == posting.account_code();
    });
    if (it == deltas.end()) {
      deltas.emplace_back(posting.account_code(), 0);
      it = deltas.end() - 1;
    }
    if (__builtin_add_overflow(it->second, amount, &it->second) ||
        __builtin_add_overflow(sum, amount, &sum)) {
      return Error(absl::StatusCode::kInvalidArgument, "AMOUNT_TOO_LARGE",
                   "the postings' amounts overflow a 64-bit sum");
    }
  }
  if (sum != 0) {
    return Error(absl::StatusCode::kInvalidArgument, "POSTINGS_UNBALANCED",
                 absl::StrCat("debits exceed credits by ", BahtText(sum),
                              "; want them equal"));
  }
  absl::InlinedVector<BalanceChange, 4> changes;
  for (const auto& [code, delta] : deltas) {
    if (delta == 0) continue;
    ASSIGN_OR_RETURN(
        BalanceChange change,
        PlanAccount(*fund_->FindAccount(code), delta, record.effective_day()));
    changes.push_back(change);
  }
  return changes;
}

absl::StatusOr<AppendContext::BalanceChange> AppendContext::PlanAccount(
    const AccountState& account, int64_t delta, int32_t day) {
  BalanceChange change;
  change.code = account.code;
  change.delta = delta;
  change.day = day;
  // The balance as of `day` and every later day moves by delta: check the
  // extremes of those balances, which for an entry on or after the last
  // day with entries is just the current balance.
  Extremes extremes{account.balance, account.balance};
  if (day < account.last_day) {
    ASSIGN_OR_RETURN(extremes, BalanceExtremesFrom(account, day));
  }
  int64_t moved;
  if (__builtin_add_overflow(extremes.highest, delta, &moved) ||
      __builtin_add_overflow(extremes.lowest, delta, &moved) ||
      __builtin_add_overflow(account.balance, delta, &change.new_balance)) {
    return Overflow(account.code);
  }
  if (account.never_negative() && delta < 0 && extremes.lowest + delta < 0) {
    return Error(
        absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS",
        absl::StrCat(
            "account ", account.code, " holds ", BahtText(extremes.lowest),
            day < account.last_day ? " at its lowest on or after " : " on ",
            DayText(day), "; paying ", absl::StripPrefix(BahtText(delta), "-"),
            " would make it negative"));
  }
  ASSIGN_OR_RETURN(int64_t day_total, DayTotal(account, day));
  if (__builtin_add_overflow(day_total, delta, &change.new_day_total)) {
    return Overflow(account.code);
  }
  return change;
}

absl::StatusOr<int64_t> AppendContext::DayTotal(const AccountState& account,
                                                int32_t day) {
  auto changed = account.changed_days.find(day);
  if (changed != account.changed_days.end()) return changed->second;
  if (account.known_day == day) return account.known_day_total;
  if (day > account.last_day) return 0;  // No committed total after it.
  int64_t total = 0;
  ASSIGN_OR_RETURN(
      auto stored,
      staging_->Get(Column::kViews, keys::Day(fund_id(), account.code, day)));
  if (stored.has_value() && !keys::DecodeFixed64(*stored, &total)) {
    return Corrupt(fund_id(), "unreadable day total");
  }
  return total;
}

absl::StatusOr<AppendContext::Extremes> AppendContext::BalanceExtremesFrom(
    const AccountState& account, int32_t day) {
  // The day totals after `day`: committed ones, overridden by this group's.
  std::map<int32_t, int64_t> totals;
  PrefixIterator days = staging_->ScanCommitted(
      Column::kViews, keys::DayPrefix(fund_id(), account.code));
  std::string after;
  keys::AppendDay(&after, day + 1);
  for (days.Seek(after); days.Valid(); days.Next()) {
    int64_t total;
    if (!keys::DecodeFixed64(days.value(), &total)) {
      return Corrupt(fund_id(), "unreadable day total");
    }
    totals[keys::ReadDay(days.suffix())] = total;
  }
  RETURN_IF_ERROR(days.status());
  for (auto it = account.changed_days.upper_bound(day);
       it != account.changed_days.end(); ++it) {
    totals[it->first] = it->second;
  }
  // Walk back from the newest day: before each later day, the balance was
  // lower or higher by that day's total. Every stored balance fits in int64,
  // so none of these steps overflows.
  Extremes extremes{account.balance, account.balance};
  int64_t running = account.balance;
  for (auto it = totals.rbegin(); it != totals.rend(); ++it) {
    running -= it->second;
    extremes.lowest = std::min(extremes.lowest, running);
    extremes.highest = std::max(extremes.highest, running);
  }
  return extremes;
}

void AppendContext::OpenAccounts(EntryRecord& record) {
  if (record.has_fund_created()) {
    for (AccountRecord& account :
         *record.mutable_fund_created()->mutable_accounts()) {
      OpenAccount(account);
    }
  } else if (record.has_account_opened()) {
    OpenAccount(*record.mutable_account_opened());
  }
}

void AppendContext::OpenAccount(AccountRecord& account) {
  AccountState state;
  state.code = account.code();
  state.kind = account.kind();
  WELFARE_CHECK(fund_->AddAccount(state));  // CheckAccountsToOpen ran.
  staging_->PutUnread(Column::kViews, keys::Account(fund_id(), account.code()),
                      account.SerializeAsString());
}

void AppendContext::ApplyChange(const BalanceChange& change) {
  AccountState& account = *fund_->FindAccount(change.code);
  account.balance = change.new_balance;
  account.balance_changed = true;
  account.changed_days[change.day] = change.new_day_total;
  account.last_day = std::max(account.last_day, change.day);
}

void AppendContext::StageTotals(int32_t day, bool reversal,
                                absl::Span<const BalanceChange> changes) {
  const int32_t month_index = MonthIndexOfDay(day);
  bool moves_cash = false;
  for (const BalanceChange& change : changes) {
    staging_->AddToTotal(Column::kTallies,
                         keys::MonthTotal(fund_id(), change.code, month_index),
                         change.delta);
    moves_cash |= fund_->FindAccount(change.code)->never_negative();
  }
  // An entry without cash or bank postings moves no money (an accrual, a
  // loan written off). One with them: each other posting is money from or
  // to that account, even where cash and bank net to zero (received into
  // cash and paid from the bank in one entry); bank to cash alone has no
  // other posting.
  if (!moves_cash) return;
  // What cash and bank received, by the account on the other side: the
  // other postings of the entry sum to minus the cash movement.
  for (const BalanceChange& change : changes) {
    if (fund_->FindAccount(change.code)->never_negative()) continue;
    const int64_t flow = -change.delta;  // Positive: received from it.
    staging_->AddToTotal(Column::kTallies,
                         keys::CashFlow(fund_id(), change.code, day), flow);
    staging_->AddToTotal(
        Column::kTallies,
        keys::CashFlowMonth(fund_id(), change.code, month_index), flow);
    // Receipts, gross: what an entry received counts whole, whatever else
    // moved that period; a reversal takes back what its entry received (a
    // voided receipt is no payment).
    const int64_t received =
        reversal ? std::min<int64_t>(flow, 0) : std::max<int64_t>(flow, 0);
    if (received == 0) continue;
    staging_->AddToTotal(Column::kTallies,
                         keys::CashFlow(fund_id(), change.code, day,
                                        keys::CashFlowKind::kReceipts),
                         received);
    staging_->AddToTotal(
        Column::kTallies,
        keys::CashFlowMonth(fund_id(), change.code, month_index,
                            keys::CashFlowKind::kReceipts),
        received);
  }
}

void AppendContext::StageIndexes(const EntryRecord& record) {
  const uint64_t sequence = record.sequence();
  staging_->PutUnread(
      Column::kIndexes,
      keys::IndexByDay(fund_id(), record.effective_day(), sequence), "");
  staging_->PutUnread(
      Column::kIndexes,
      keys::IndexByKind(fund_id(), static_cast<uint8_t>(record.kind()),
                        sequence),
      "");
  if (record.member_number() > 0) {
    staging_->PutUnread(
        Column::kIndexes,
        keys::IndexByMember(fund_id(), record.member_number(), sequence), "");
  }
  if (record.has_document()) {
    const auto& document = record.document();
    staging_->PutUnread(
        Column::kIndexes,
        keys::IndexByDocument(fund_id(), static_cast<uint8_t>(document.kind()),
                              document.fiscal_year(), document.number(),
                              sequence),
        "");
  }
}

absl::StatusOr<std::optional<StoredEntry>> AppendContext::ReadEntry(
    uint64_t sequence) {
  if (sequence == 0 || sequence > fund_->last_sequence) return std::nullopt;
  ASSIGN_OR_RETURN(auto bytes, staging_->Get(Column::kJournal,
                                             keys::Entry(fund_id(), sequence)));
  if (!bytes.has_value()) {
    return Corrupt(fund_id(), absl::StrCat("entry ", sequence,
                                           " is missing from the journal"));
  }
  ASSIGN_OR_RETURN(StoredEntry entry,
                   ParseStoredEntry(std::move(*bytes), fund_id(), sequence));
  return entry;
}

}  // namespace welfare::storage
