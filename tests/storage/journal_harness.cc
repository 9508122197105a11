#include "tests/storage/journal_harness.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "storage/journal_reads.h"
#include "storage/keys.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::storage::testing {

using welfare::storage::v1::AccountRecord;

int32_t DayOf(int year, int month, int day) {
  return DayNumber(absl::CivilDay(year, month, day));
}

EntryRecord FundCreatedEntry(int32_t day) {
  EntryRecord entry;
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_FUND_CREATED);
  entry.set_effective_day(day);
  auto* body = entry.mutable_fund_created();
  body->set_display_name("กองทุนทดสอบ");
  const std::pair<uint32_t, int32_t> accounts[] = {
      {kCash, kAccountKindCash}, {kBank, kAccountKindBank},
      {kLoans, kKindOther},      {kCapital, kKindOther},
      {kDues, kKindOther},       {kBenefit, kKindOther}};
  for (const auto& [code, kind] : accounts) {
    AccountRecord* account = body->add_accounts();
    account->set_code(code);
    account->set_kind(kind);
    account->set_display_name(absl::StrCat("account ", code));
  }
  return entry;
}

EntryRecord TransactionEntry(int32_t day,
                             const std::vector<Posting>& postings) {
  EntryRecord entry;
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_TRANSACTION);
  entry.set_effective_day(day);
  for (const Posting& posting : postings) {
    auto* record = entry.add_postings();
    record->set_account_code(posting.code);
    record->set_debit_minus_credit_satang(posting.debit_minus_credit_satang);
  }
  return entry;
}

WriteRequest AppendRequest(const std::string& fund_id,
                           const std::string& request_id,
                           std::vector<EntryRecord> entries) {
  std::string content = fund_id;
  for (const EntryRecord& entry : entries) {
    absl::StrAppend(&content, "|", entry.SerializeAsString());
  }
  WriteRequest request;
  request.fund_id = fund_id;
  request.request_id = request_id;
  request.fingerprint = Sha256(content);
  request.principal = "treasurer@test";
  request.weight = static_cast<uint32_t>(entries.size());
  request.apply =
      [entries = std::move(entries)](AppendContext& context) -> absl::Status {
    for (const EntryRecord& entry : entries) {
      RETURN_IF_ERROR(context.Append(entry).status());
    }
    return absl::OkStatus();
  };
  return request;
}

JournalHarness::JournalHarness(int shards, rocksdb::Env* env,
                               CommitterOptions committer)
    : shards_(shards), env_(env), committer_(committer) {}

JournalHarness::~JournalHarness() { Close(); }

absl::Status JournalHarness::Open() {
  JournalOptions options;
  options.store.path = dir_.path();
  options.store.block_cache_bytes = 1 << 20;
  options.store.memtable_budget_bytes = 8 << 20;
  options.store.env = env_;
  options.shards = shards_;
  options.committer = committer_;
  options.clock = &clock_;
  ASSIGN_OR_RETURN(journal_, Journal::Open(options));
  return absl::OkStatus();
}

void JournalHarness::Close() { journal_.reset(); }

absl::Status JournalHarness::Reopen() {
  Close();
  return Open();
}

std::future<Result> JournalHarness::Start(WriteRequest request) {
  auto promise = std::make_shared<std::promise<Result>>();
  std::future<Result> future = promise->get_future();
  request.done = [promise](Result result) {
    promise->set_value(std::move(result));
  };
  journal_->Submit(std::move(request));
  return future;
}

Result JournalHarness::Write(WriteRequest request) {
  return Start(std::move(request)).get();
}

Result JournalHarness::CreateFund(const std::string& fund_id, int32_t day) {
  return Write(AppendRequest(fund_id, absl::StrCat("create-", fund_id),
                             {FundCreatedEntry(day)}));
}

Result JournalHarness::Post(const std::string& fund_id,
                            const std::string& request_id, int32_t day,
                            const std::vector<Posting>& postings) {
  return Write(
      AppendRequest(fund_id, request_id, {TransactionEntry(day, postings)}));
}

uint64_t JournalHarness::Size(const std::string& fund_id) {
  ReadView view(&journal_->store());
  absl::StatusOr<uint64_t> size = JournalSize(view, fund_id);
  EXPECT_THAT(size, welfare::testing::IsOk());
  return size.value_or(0);
}

std::map<uint32_t, int64_t> JournalHarness::Balances(
    const std::string& fund_id, std::optional<int32_t> as_of_day) {
  ReadView view(&journal_->store());
  auto rows = ReadBalances(view, fund_id, as_of_day);
  EXPECT_THAT(rows, welfare::testing::IsOk());
  std::map<uint32_t, int64_t> balances;
  if (!rows.ok()) return balances;
  for (const AccountBalance& row : *rows) {
    balances[row.account.code()] = row.balance;
  }
  return balances;
}

std::vector<std::string> JournalHarness::StoredEntryBytes(
    const std::string& fund_id) {
  ReadView view(&journal_->store());
  std::vector<std::string> entries;
  PrefixIterator it = view.Scan(Column::kJournal, keys::EntryPrefix(fund_id));
  for (it.Seek(); it.Valid(); it.Next()) {
    EXPECT_EQ(keys::TrailingSequence(it.key()), entries.size() + 1)
        << "the E-keys of " << fund_id << " have a gap";
    entries.emplace_back(it.value());
  }
  EXPECT_THAT(it.status(), welfare::testing::IsOk());
  return entries;
}

CommitterGate::~CommitterGate() {
  if (holding_) Release();
}

void CommitterGate::Hold() {
  WriteRequest request;
  request.fund_id = "gate";
  request.request_id = "gate";
  request.apply = [](AppendContext&) {
    return absl::FailedPreconditionError("the gate writes nothing");
  };
  request.done = [this](Result) {
    held_.Notify();
    released_.WaitForNotification();
  };
  harness_->journal().Submit(std::move(request));
  held_.WaitForNotification();
  holding_ = true;
}

void CommitterGate::Release() {
  holding_ = false;
  released_.Notify();
}

::testing::AssertionResult IsHashChain(
    const std::vector<std::string>& stored_bytes) {
  std::string previous_hash(kHashBytes, '\0');
  for (size_t i = 0; i < stored_bytes.size(); ++i) {
    EntryRecord record;
    if (!record.ParseFromString(stored_bytes[i])) {
      return ::testing::AssertionFailure()
             << "entry " << i + 1 << " does not parse";
    }
    if (record.sequence() != i + 1) {
      return ::testing::AssertionFailure()
             << "entry " << i + 1 << " says sequence " << record.sequence();
    }
    if (record.previous_hash() != previous_hash) {
      return ::testing::AssertionFailure()
             << "entry " << i + 1 << " does not name the SHA-256 of entry " << i
             << "'s bytes";
    }
    previous_hash = HashBytes(Sha256(stored_bytes[i]));
  }
  return ::testing::AssertionSuccess();
}

}  // namespace welfare::storage::testing
