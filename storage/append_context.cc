#include "storage/append_context.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
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
  record.set_request_item(static_cast<uint32_t>(appended_.size()));

  RETURN_IF_ERROR(OpenAccounts(record));
  RETURN_IF_ERROR(ApplyPostings(record));

  StoredEntry stored;
  stored.bytes = record.SerializeAsString();
  if (stored.bytes.size() > kEntryBytesMax) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("the entry would take ", stored.bytes.size(),
                              " bytes, want <= ", kEntryBytesMax));
  }
  stored.hash = Sha256(stored.bytes);
  staging_->Put(Column::kJournal, keys::Entry(fund_id(), record.sequence()),
                stored.bytes);
  StageIndexes(record);

  fund_->last_sequence = record.sequence();
  fund_->last_hash = stored.hash;
  fund_->last_time_micros = now_micros_;
  stored.record = std::move(record);
  appended_.push_back(std::move(stored));
  return fund_->last_sequence;
}

absl::Status AppendContext::OpenAccounts(EntryRecord& record) {
  if (record.has_fund_created()) {
    for (AccountRecord& account :
         *record.mutable_fund_created()->mutable_accounts()) {
      RETURN_IF_ERROR(OpenAccount(account, record.sequence()));
    }
  } else if (record.has_account_opened()) {
    RETURN_IF_ERROR(
        OpenAccount(*record.mutable_account_opened(), record.sequence()));
  }
  return absl::OkStatus();
}

absl::Status AppendContext::OpenAccount(AccountRecord& account,
                                        uint64_t sequence) {
  account.set_opened_sequence(sequence);
  AccountState state;
  state.code = account.code();
  state.kind = account.kind();
  if (!fund_->AddAccount(state)) {
    return Error(absl::StatusCode::kAlreadyExists, "ACCOUNT_ALREADY_EXISTS",
                 absl::StrCat("fund ", fund_id(), " already has account ",
                              account.code()));
  }
  staging_->PutUnread(Column::kViews, keys::Account(fund_id(), account.code()),
                      account.SerializeAsString());
  return absl::OkStatus();
}

absl::Status AppendContext::ApplyPostings(const EntryRecord& record) {
  if (record.postings_size() > kPostingsPerEntryMax) {
    return Error(absl::StatusCode::kInvalidArgument, "TOO_MANY_POSTINGS",
                 absl::StrCat(record.postings_size(),
                              " postings, want <= ", kPostingsPerEntryMax));
  }
  // Net change per account, in posting order of first appearance.
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
  const int32_t day = record.effective_day();
  for (const auto& [code, delta] : deltas) {
    AccountState& account = *fund_->FindAccount(code);
    int64_t new_balance;
    if (__builtin_add_overflow(account.balance, delta, &new_balance)) {
      return Error(absl::StatusCode::kFailedPrecondition, "BALANCE_OVERFLOW",
                   absl::StrCat("account ", code, " would overflow"));
    }
    if (account.never_negative() && delta < 0) {
      int64_t lowest = account.balance;
      if (day < account.last_day) {
        ASSIGN_OR_RETURN(lowest, LowestBalanceFrom(account, day));
      }
      if (lowest + delta < 0) {
        return Error(
            absl::StatusCode::kFailedPrecondition, "INSUFFICIENT_FUNDS",
            absl::StrCat(
                "account ", code, " holds ", BahtText(lowest),
                day < account.last_day ? " at its lowest on or after " : " on ",
                DayText(day), "; paying ", BahtText(-delta),
                " would make it negative"));
      }
    }
    account.balance = new_balance;
    account.balance_changed = true;
    RETURN_IF_ERROR(AddToDayTotal(account, day, delta));
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> AppendContext::LowestBalanceFrom(
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
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id(), ": unreadable day total"));
    }
    totals[keys::ReadDay(days.suffix())] = total;
  }
  RETURN_IF_ERROR(days.status());
  for (auto it = account.changed_days.upper_bound(day);
       it != account.changed_days.end(); ++it) {
    totals[it->first] = it->second;
  }
  // Walk back from the newest: before each later day, the balance was
  // lower or higher by that day's total.
  int64_t running = account.balance;
  int64_t lowest = running;
  for (auto it = totals.rbegin(); it != totals.rend(); ++it) {
    running -= it->second;
    lowest = std::min(lowest, running);
  }
  return lowest;
}

absl::Status AppendContext::AddToDayTotal(AccountState& account, int32_t day,
                                          int64_t delta) {
  int64_t total = 0;
  auto changed = account.changed_days.find(day);
  if (changed != account.changed_days.end()) {
    total = changed->second;
  } else if (account.known_day == day) {
    total = account.known_day_total;
  } else if (day <= account.last_day) {
    // Only a day up to the last one can have a committed total.
    const std::string key = keys::Day(fund_id(), account.code, day);
    ASSIGN_OR_RETURN(auto stored, staging_->Get(Column::kViews, key));
    if (stored.has_value() && !keys::DecodeFixed64(*stored, &total)) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   absl::StrCat("fund ", fund_id(), ": unreadable day total"));
    }
  }
  account.changed_days[day] = total + delta;  // Bounded by the checks above.
  account.last_day = std::max(account.last_day, day);
  return absl::OkStatus();
}

void AppendContext::StageIndexes(const EntryRecord& record) {
  const uint64_t sequence = record.sequence();
  staging_->PutUnread(
      Column::kViews,
      keys::IndexByDay(fund_id(), record.effective_day(), sequence), "");
  staging_->PutUnread(
      Column::kViews,
      keys::IndexByKind(fund_id(), static_cast<uint8_t>(record.kind()),
                        sequence),
      "");
  if (record.member_number() > 0) {
    staging_->PutUnread(
        Column::kViews,
        keys::IndexByMember(fund_id(), record.member_number(), sequence), "");
  }
}

absl::StatusOr<std::optional<StoredEntry>> AppendContext::ReadEntry(
    uint64_t sequence) {
  if (sequence == 0 || sequence > fund_->last_sequence) return std::nullopt;
  ASSIGN_OR_RETURN(auto bytes, staging_->Get(Column::kJournal,
                                             keys::Entry(fund_id(), sequence)));
  if (!bytes.has_value()) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat("fund ", fund_id(), " entry ", sequence,
                              " is missing from the journal"));
  }
  ASSIGN_OR_RETURN(StoredEntry entry,
                   ParseStoredEntry(std::move(*bytes), fund_id(), sequence));
  return entry;
}

}  // namespace welfare::storage
