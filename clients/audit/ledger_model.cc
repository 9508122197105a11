// LedgerModel: accounts, postings, the stored state and the dispatch of
// entries by kind. Members and reversals are in ledger_model_rules.cc.
#include "clients/audit/ledger_model.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace welfare::auditor {
namespace {

namespace record_v1 = welfare::storage::v1;

constexpr int32_t kAccountKindCash = 1;
constexpr int32_t kAccountKindBank = 2;

}  // namespace

LedgerModel::LedgerModel(EarlierEntry earlier) : earlier_(std::move(earlier)) {}

absl::StatusOr<LedgerModel> LedgerModel::FromState(const v1::FundState& state,
                                                   EarlierEntry earlier) {
  LedgerModel model(std::move(earlier));
  model.applied_size_ = state.tree_size();
  model.first_own_sequence_ = state.tree_size() + 1;
  for (const v1::AccountState& account : state.accounts()) {
    AccountTotal total{account.kind(), account.debit_minus_credit_satang()};
    if (!model.accounts_.emplace(account.code(), total).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the stored state has account ", account.code(), " twice"));
    }
  }
  for (const MemberState& member : state.members()) {
    if (member.member_number() !=
        static_cast<int64_t>(model.members_.size()) + 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the stored state has member ", member.member_number(),
          " where member ", model.members_.size() + 1, " belongs"));
    }
    model.members_.push_back(member);
  }
  model.reversed_.insert(state.reversed_sequences().begin(),
                         state.reversed_sequences().end());
  model.fiscal_year_start_month_ = state.fiscal_year_start_month();
  if (state.has_founding_day()) model.founding_day_ = state.founding_day();
  for (const v1::DocumentCounterState& counter : state.document_counters()) {
    model.document_counters_[{counter.kind(), counter.fiscal_year()}] =
        counter.last_number();
  }
  model.LoadClaims(state);
  return model;
}

void LedgerModel::Reserve(uint64_t entries) {
  slots_.reserve(slots_.size() + entries);
}

void LedgerModel::SaveTo(v1::FundState* state) const {
  std::vector<uint32_t> codes;
  codes.reserve(accounts_.size());
  for (const auto& [code, total] : accounts_) codes.push_back(code);
  std::sort(codes.begin(), codes.end());
  state->clear_accounts();
  for (uint32_t code : codes) {
    v1::AccountState* account = state->add_accounts();
    account->set_code(code);
    account->set_kind(accounts_.at(code).kind);
    account->set_debit_minus_credit_satang(
        accounts_.at(code).debit_minus_credit_satang);
  }
  state->clear_members();
  for (const MemberState& member : members_) *state->add_members() = member;
  std::vector<uint64_t> reversed(reversed_.begin(), reversed_.end());
  std::sort(reversed.begin(), reversed.end());
  state->clear_reversed_sequences();
  for (uint64_t sequence : reversed) state->add_reversed_sequences(sequence);
  state->set_fiscal_year_start_month(fiscal_year_start_month_);
  if (founding_day_.has_value()) state->set_founding_day(*founding_day_);
  state->clear_document_counters();
  for (const auto& [key, last] : document_counters_) {
    v1::DocumentCounterState* counter = state->add_document_counters();
    counter->set_kind(key.first);
    counter->set_fiscal_year(key.second);
    counter->set_last_number(last);
  }
  SaveClaims(state);
}

absl::Status LedgerModel::Apply(const EntryRecord& record, Findings& findings) {
  const uint64_t sequence = record.sequence();
  applied_size_ = sequence;
  // Entries the caller did not apply (malformed ones) keep empty slots.
  slots_.resize(sequence - first_own_sequence_ + 1, EntrySlot{});
  const bool creates = record.kind() == record_v1::ENTRY_KIND_FUND_CREATED;
  if (creates != (sequence == 1)) {
    findings.Add(FindingKind::ACCOUNT_INVALID, sequence,
                 creates
                     ? "a second FUND_CREATED entry"
                     : absl::StrCat("entry 1 is ",
                                    record_v1::EntryKind_Name(record.kind()),
                                    "; want FUND_CREATED"));
  }
  if (absl::Status dated = CheckFounding(record, findings); !dated.ok()) {
    return dated;
  }
  OpenAccounts(record, findings);
  Post(record, findings);
  if (absl::Status checked = CheckDocument(record, findings); !checked.ok()) {
    return checked;
  }
  switch (record.kind()) {
    case record_v1::ENTRY_KIND_FUND_CREATED:
    case record_v1::ENTRY_KIND_ACCOUNT_OPENED:
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_MEMBER_REGISTERED:
    case record_v1::ENTRY_KIND_MEMBER_STATUS_CHANGED:
    case record_v1::ENTRY_KIND_MEMBER_PROFILE_CHANGED:
    case record_v1::ENTRY_KIND_MEMBER_PROFILE_ERASED:
      ApplyMember(record, findings);
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_CONTRIBUTION:
      ApplyContribution(record, findings);
      Remember(record);
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_DISBURSEMENT:
      ApplyDisbursement(record, findings);
      Remember(record);
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_TRANSACTION:
      CheckBenefitTransaction(record, findings);
      Remember(record);
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_REVERSAL:
      return ApplyReversal(record, findings);
    case record_v1::ENTRY_KIND_RULEBOOK_ADOPTED:
      ApplyRulebook(record, findings);
      return absl::OkStatus();
    case record_v1::ENTRY_KIND_CLAIM_SUBMITTED:
    case record_v1::ENTRY_KIND_CLAIM_CERTIFIED:
    case record_v1::ENTRY_KIND_CLAIM_APPROVED:
    case record_v1::ENTRY_KIND_CLAIM_REJECTED:
      ApplyClaimStep(record, findings);
      return absl::OkStatus();
    default:
      findings.Add(
          FindingKind::ENTRY_MALFORMED, sequence,
          absl::StrCat("unknown entry kind ", static_cast<int>(record.kind())));
      return absl::OkStatus();
  }
}

absl::Status LedgerModel::CheckFounding(const EntryRecord& record,
                                        Findings& findings) {
  // Only the fund's first entry founds it; a journal whose first entry is
  // something else (ACCOUNT_INVALID) has no founding day to hold others to.
  auto founding_of = [](const EntryRecord& first) {
    return first.kind() == record_v1::ENTRY_KIND_FUND_CREATED
               ? first.effective_day()
               : INT32_MIN;
  };
  if (record.sequence() == 1) {
    founding_day_ = founding_of(record);
    return absl::OkStatus();
  }
  if (!founding_day_.has_value()) {  // A state that did not keep it.
    absl::StatusOr<EntryRecord> created = earlier_(1);
    if (!created.ok()) return created.status();
    founding_day_ = founding_of(*created);
  }
  if (record.effective_day() < *founding_day_) {
    findings.Add(FindingKind::DATE_BEFORE_FOUNDING, record.sequence(),
                 absl::StrCat(record_v1::EntryKind_Name(record.kind()),
                              " dated ", DayText(record.effective_day()),
                              ", before the fund was founded on ",
                              DayText(*founding_day_)));
  }
  return absl::OkStatus();
}

void LedgerModel::OpenAccounts(const EntryRecord& record, Findings& findings) {
  if (record.has_fund_created()) {
    for (const auto& account : record.fund_created().accounts()) {
      OpenAccount(account, record.sequence(), findings);
    }
  } else if (record.has_account_opened()) {
    OpenAccount(record.account_opened(), record.sequence(), findings);
  }
}

void LedgerModel::OpenAccount(const record_v1::AccountRecord& account,
                              uint64_t sequence, Findings& findings) {
  if (!accounts_.emplace(account.code(), AccountTotal{account.kind(), 0})
           .second) {
    findings.Add(FindingKind::ACCOUNT_INVALID, sequence,
                 absl::StrCat("opens account ", account.code(),
                              ", which was opened before"));
  }
}

void LedgerModel::Post(const EntryRecord& record, Findings& findings) {
  int64_t sum = 0;
  bool overflow = false;
  for (const auto& posting : record.postings()) {
    const int64_t amount = posting.debit_minus_credit_satang();
    overflow |= __builtin_add_overflow(sum, amount, &sum);
    auto account = accounts_.find(posting.account_code());
    if (account == accounts_.end()) {
      findings.Add(
          FindingKind::ACCOUNT_UNKNOWN, record.sequence(),
          absl::StrCat("posts ", Baht(amount), " to account ",
                       posting.account_code(), ", which was never opened"));
      continue;
    }
    AccountTotal& total = account->second;
    if (__builtin_add_overflow(total.debit_minus_credit_satang, amount,
                               &total.debit_minus_credit_satang)) {
      findings.Add(FindingKind::POSTINGS_UNBALANCED, record.sequence(),
                   absl::StrCat("account ", posting.account_code(),
                                "'s balance overflows 64 bits"));
    }
  }
  if (overflow || sum != 0) {
    findings.Add(FindingKind::POSTINGS_UNBALANCED, record.sequence(),
                 overflow
                     ? "the postings' sum overflows 64 bits"
                     : absl::StrCat("debits exceed credits by ", Baht(sum)));
  }
  for (const auto& posting : record.postings()) {
    auto account = accounts_.find(posting.account_code());
    if (account == accounts_.end()) continue;
    const AccountTotal& total = account->second;
    if ((total.kind == kAccountKindCash || total.kind == kAccountKindBank) &&
        total.debit_minus_credit_satang < 0 &&
        posting.debit_minus_credit_satang() < 0) {
      findings.Add(
          FindingKind::CASH_NEGATIVE, record.sequence(),
          absl::StrCat("cash or bank account ", posting.account_code(),
                       " goes to ", Baht(total.debit_minus_credit_satang)));
    }
  }
}

void LedgerModel::Remember(const EntryRecord& record) {
  EntrySlot& slot = slots_[record.sequence() - first_own_sequence_];
  slot.kind = static_cast<uint8_t>(record.kind());
  slot.effective_day = record.effective_day();
  slot.member_number = record.member_number();
  if (ValidDuesMonths(record.contribution().first_month_index(),
                      record.contribution().month_count())) {
    slot.first_month = record.contribution().first_month_index();
    slot.month_count =
        static_cast<int16_t>(record.contribution().month_count());
  }
  const int count = record.postings_size();
  if (count <= 2) {
    slot.posting_count = static_cast<uint8_t>(count);
    for (int i = 0; i < count; ++i) {
      slot.code[i] = record.postings(i).account_code();
      slot.amount[i] = record.postings(i).debit_minus_credit_satang();
    }
    return;
  }
  slot.posting_count = kManyPostings;
  std::vector<Posting>& postings = many_postings_[record.sequence()];
  for (const auto& posting : record.postings()) {
    postings.push_back(
        {posting.account_code(), posting.debit_minus_credit_satang()});
  }
}

}  // namespace welfare::auditor
