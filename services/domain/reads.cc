// Ledger reads: each from one consistent snapshot, never waiting for writes.
#include <algorithm>
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/domain/chart.h"
#include "services/domain/dates.h"
#include "services/domain/ledger.h"
#include "services/domain/names.h"
#include "services/domain/page_token.h"
#include "services/domain/records.h"
#include "services/domain/views.h"
#include "storage/journal_reads.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
using storage::ReadView;
namespace keys = storage::keys;

// At most this many keys are read per page before it is returned short.
constexpr int kScanKeysPerPageMax = 20000;

absl::StatusOr<int32_t> MemberCount(const ReadView& view,
                                    absl::string_view fund_id) {
  storage::PrefixIterator last =
      view.Scan(Column::kViews, keys::MemberPrefix(fund_id));
  last.SeekToLast();
  RETURN_IF_ERROR(last.status());
  return last.Valid()
             ? static_cast<int32_t>(keys::ReadBigEndian32(last.suffix()))
             : 0;
}

absl::StatusOr<v1::Fund> FundOf(const ReadView& view,
                                const record::FundView& fund) {
  ASSIGN_OR_RETURN(uint64_t size, storage::JournalSize(view, fund.fund_id()));
  ASSIGN_OR_RETURN(int32_t members, MemberCount(view, fund.fund_id()));
  return FundToApi(fund, size, members);
}

absl::StatusOr<v1::Member> MemberOf(const ReadView& view,
                                    absl::string_view fund_id,
                                    const record::MemberView& member,
                                    int32_t today) {
  ASSIGN_OR_RETURN(auto profile,
                   ReadRecord<record::ProfileRecord>(
                       view, Column::kProfiles,
                       keys::Profile(fund_id, member.member_number())));
  return MemberToApi(fund_id, member, profile, today);
}

// What ListEntries reads: which index, and the filters left to apply.
struct EntryQuery {
  char tag = 'e';
  std::string prefix;
  std::optional<int32_t> start_day, end_day;
  int32_t member_number = 0;
  int kind = 0;
};

absl::StatusOr<EntryQuery> PlanEntryQuery(const v1::ListEntriesRequest& request,
                                          const std::string& fund_id) {
  EntryQuery query;
  if (!IsUnset(request.start_date())) {
    ASSIGN_OR_RETURN(query.start_day,
                     DayOf("start_date", request.start_date()));
  }
  if (!IsUnset(request.end_date())) {
    ASSIGN_OR_RETURN(query.end_day, DayOf("end_date", request.end_date()));
  }
  if (query.start_day && query.end_day && *query.start_day > *query.end_day) {
    return Error(absl::StatusCode::kInvalidArgument, "DATE_INVALID",
                 "start_date is after end_date; want start_date <= end_date");
  }
  if (request.member_number() < 0) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 "member_number: want 0 (any) or a member number");
  }
  if (!v1::EntryKind_IsValid(request.kind())) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("kind: ", request.kind(), " is no entry kind"));
  }
  query.member_number = request.member_number();
  query.kind = request.kind();
  if (query.member_number > 0) {
    query.tag = 'm';
    query.prefix = keys::IndexByMemberPrefix(fund_id, query.member_number);
  } else if (query.kind != 0) {
    query.tag = 'k';
    query.prefix =
        keys::IndexByKindPrefix(fund_id, static_cast<uint8_t>(query.kind));
  } else if (query.start_day || query.end_day) {
    query.tag = 'd';
    query.prefix = keys::IndexByDayPrefix(fund_id);
  } else {
    query.prefix = keys::EntryPrefix(fund_id);
  }
  return query;
}

bool Matches(const EntryQuery& query, const record::EntryRecord& entry) {
  if (query.start_day && entry.effective_day() < *query.start_day) return false;
  if (query.end_day && entry.effective_day() > *query.end_day) return false;
  if (query.member_number > 0 && entry.member_number() != query.member_number) {
    return false;
  }
  return query.kind == 0 || entry.kind() == query.kind;
}

std::string EntryFilters(const v1::ListEntriesRequest& request) {
  v1::ListEntriesRequest filters = request;
  filters.clear_page_size();
  filters.clear_page_token();
  return filters.SerializeAsString();
}

}  // namespace

absl::StatusOr<v1::Fund> Ledger::GetFund(
    const v1::GetFundRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id, ParseFundName("name", request.name()));
  ReadView view(&journal_->store());
  ASSIGN_OR_RETURN(record::FundView fund, ReadFundView(view, fund_id));
  return FundOf(view, fund);
}

absl::StatusOr<v1::ListFundsResponse> Ledger::ListFunds(
    const v1::ListFundsRequest& request,
    const std::vector<std::string>* only) const {
  ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  const std::string& area = request.area_code_prefix();
  if (area.size() > 8 || !std::all_of(area.begin(), area.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return Error(absl::StatusCode::kInvalidArgument, "AREA_CODE_INVALID",
                 "area_code_prefix: want up to 8 digits, e.g. \"33\"");
  }
  ASSIGN_OR_RETURN(std::string after,
                   page_tokens_->Decode(request.page_token(), 'f', area));
  ReadView view(&journal_->store());
  v1::ListFundsResponse response;
  if (only != nullptr) {
    for (auto id = std::upper_bound(only->begin(), only->end(), after);
         id != only->end(); ++id) {
      if (response.funds_size() == page_size) {
        response.set_next_page_token(page_tokens_->Encode('f', area, after));
        break;
      }
      after = *id;
      ASSIGN_OR_RETURN(std::optional<std::string> value,
                       view.Get(Column::kViews, keys::Fund(*id)));
      if (!value.has_value()) continue;
      record::FundView fund;
      if (!fund.ParseFromString(*value)) {
        return CorruptRecord("FundView", keys::Fund(*id));
      }
      if (!absl::StartsWith(fund.area_code(), area)) continue;
      ASSIGN_OR_RETURN(*response.add_funds(), FundOf(view, fund));
    }
    return response;
  }
  storage::PrefixIterator funds = view.Scan(Column::kViews, keys::FundPrefix());
  funds.Seek(after);
  int scanned = 0;
  for (; funds.Valid(); funds.Next()) {
    if (funds.suffix() == after) continue;
    if (response.funds_size() == page_size || ++scanned > kScanKeysPerPageMax) {
      response.set_next_page_token(page_tokens_->Encode('f', area, after));
      break;
    }
    record::FundView fund;
    if (!fund.ParseFromArray(funds.value().data(),
                             static_cast<int>(funds.value().size()))) {
      return CorruptRecord("FundView", funds.key());
    }
    after = std::string(funds.suffix());
    if (!absl::StartsWith(fund.area_code(), area)) continue;
    ASSIGN_OR_RETURN(*response.add_funds(), FundOf(view, fund));
  }
  RETURN_IF_ERROR(funds.status());
  return response;
}

absl::StatusOr<v1::ListAccountsResponse> Ledger::ListAccounts(
    const v1::ListAccountsRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  ASSIGN_OR_RETURN(auto balances,
                   storage::ReadBalances(view, fund_id, std::nullopt));
  v1::ListAccountsResponse response;
  for (const auto& row : balances) {
    *response.add_accounts() = AccountToApi(fund_id, row.account);
  }
  return response;
}

absl::StatusOr<v1::Member> Ledger::GetMember(
    const v1::GetMemberRequest& request) const {
  ASSIGN_OR_RETURN(MemberName name, ParseMemberName("name", request.name()));
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, name.fund_id).status());
  ASSIGN_OR_RETURN(record::MemberView member,
                   ReadMemberView(view, name.fund_id, name.member_number));
  return MemberOf(view, name.fund_id, member, Today());
}

absl::StatusOr<v1::ListMembersResponse> Ledger::ListMembers(
    const v1::ListMembersRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  ASSIGN_OR_RETURN(std::string after,
                   page_tokens_->Decode(request.page_token(), 'm', fund_id));
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  const int32_t today = Today();
  v1::ListMembersResponse response;
  storage::PrefixIterator members =
      view.Scan(Column::kViews, keys::MemberPrefix(fund_id));
  for (members.Seek(after); members.Valid(); members.Next()) {
    if (members.suffix() == after) continue;
    if (response.members_size() == page_size) {
      response.set_next_page_token(page_tokens_->Encode('m', fund_id, after));
      break;
    }
    record::MemberView member;
    if (!member.ParseFromArray(members.value().data(),
                               static_cast<int>(members.value().size()))) {
      return CorruptRecord("MemberView", members.key());
    }
    after = std::string(members.suffix());
    ASSIGN_OR_RETURN(*response.add_members(),
                     MemberOf(view, fund_id, member, today));
  }
  RETURN_IF_ERROR(members.status());
  ASSIGN_OR_RETURN(uint64_t journal_size, storage::JournalSize(view, fund_id));
  response.set_journal_size(journal_size);
  return response;
}

absl::StatusOr<v1::Entry> Ledger::GetEntry(
    const v1::GetEntryRequest& request) const {
  ASSIGN_OR_RETURN(EntryName name, ParseEntryName("name", request.name()));
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, name.fund_id).status());
  ASSIGN_OR_RETURN(
      auto entry, storage::ReadCheckedEntry(view, name.fund_id, name.sequence));
  if (!entry.has_value()) {
    ASSIGN_OR_RETURN(uint64_t size, storage::JournalSize(view, name.fund_id));
    return Error(
        absl::StatusCode::kNotFound, "ENTRY_NOT_FOUND",
        absl::StrCat("fund ", name.fund_id, " has no entry ", name.sequence,
                     "; its journal has ", size, " entries"));
  }
  ASSIGN_OR_RETURN(uint64_t reversed_by,
                   ReadReversedBy(view, name.fund_id, name.sequence));
  return EntryToApi(*entry, reversed_by);
}

absl::StatusOr<v1::ListEntriesResponse> Ledger::ListEntries(
    const v1::ListEntriesRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  ASSIGN_OR_RETURN(EntryQuery query, PlanEntryQuery(request, fund_id));
  const std::string filters = EntryFilters(request);
  ASSIGN_OR_RETURN(std::string after, page_tokens_->Decode(request.page_token(),
                                                           query.tag, filters));
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());

  v1::ListEntriesResponse response;
  storage::PrefixIterator keys = view.Scan(
      query.tag == 'e' ? Column::kJournal : Column::kIndexes, query.prefix);
  if (after.empty() && query.tag == 'd' && query.start_day) {
    std::string start;
    keys::AppendDay(&start, *query.start_day);
    keys.Seek(start);
  } else {
    keys.Seek(after);
  }
  int scanned = 0;
  for (; keys.Valid(); keys.Next()) {
    if (!after.empty() && keys.suffix() == after) continue;
    if (query.tag == 'd' && query.end_day &&
        keys::ReadDay(keys.suffix()) > *query.end_day) {
      break;  // The date index is in date order: nothing later matches.
    }
    if (response.entries_size() == page_size ||
        ++scanned > kScanKeysPerPageMax) {
      response.set_next_page_token(
          page_tokens_->Encode(query.tag, filters, after));
      break;
    }
    after = std::string(keys.suffix());
    const uint64_t sequence = keys::TrailingSequence(keys.key());
    std::optional<storage::StoredEntry> entry;
    if (query.tag == 'e') {
      ASSIGN_OR_RETURN(
          entry, storage::ParseStoredEntry(std::string(keys.value()), fund_id,
                                           sequence));
    } else {
      ASSIGN_OR_RETURN(entry, storage::ReadEntry(view, fund_id, sequence));
      if (!entry.has_value()) {
        return CorruptRecord("index entry without its entry", keys.key());
      }
    }
    if (!Matches(query, entry->record)) continue;
    ASSIGN_OR_RETURN(uint64_t reversed_by,
                     ReadReversedBy(view, fund_id, sequence));
    *response.add_entries() = EntryToApi(*entry, reversed_by);
  }
  RETURN_IF_ERROR(keys.status());
  return response;
}

absl::StatusOr<v1::GetBalancesResponse> Ledger::GetBalances(
    const v1::GetBalancesRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  std::optional<int32_t> as_of;
  if (!IsUnset(request.as_of_date())) {
    ASSIGN_OR_RETURN(as_of, DayOf("as_of_date", request.as_of_date()));
  }
  ReadView view(&journal_->store());
  RETURN_IF_ERROR(ReadFundView(view, fund_id).status());
  ASSIGN_OR_RETURN(auto balances, storage::ReadBalances(view, fund_id, as_of));
  v1::GetBalancesResponse response;
  if (as_of.has_value()) *response.mutable_as_of_date() = DateOf(*as_of);
  int64_t debits = 0, credits = 0;
  for (const auto& row : balances) {
    v1::AccountBalance* out = response.add_balances();
    const uint32_t code = row.account.code();
    out->set_account_code(AccountCodeText(code));
    out->set_display_name(row.account.display_name());
    out->set_english_name(row.account.english_name());
    out->set_type(AccountTypeOf(code));
    out->set_kind(static_cast<v1::AccountKind>(row.account.kind()));
    out->set_debit_minus_credit_satang(row.balance);
    out->set_balance_satang(IsDebitNormal(code) ? row.balance : -row.balance);
    if (row.balance > 0) debits += row.balance;
    if (row.balance < 0) credits -= row.balance;
  }
  response.set_total_debit_satang(debits);
  response.set_total_credit_satang(credits);
  ASSIGN_OR_RETURN(uint64_t size, storage::JournalSize(view, fund_id));
  response.set_journal_size(size);
  return response;
}

}  // namespace welfare::domain
