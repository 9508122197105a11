// The seeded journal simulation (journal_model.h) on a disk that fails:
// before many commit groups one fault is armed in the FaultFileSystem (a
// failed or torn write, a failed sync that keeps or loses its bytes, no
// space, a damaged table read) to strike at a random operation of the group
// or of a flush or compaction that follows. Requests that hear a storage
// error are in doubt and are retried first in the next group, as a client
// would. After every group, with the disk healthy again:
//   - no acknowledged entry is lost or changed,
//   - every request is stored whole or not at all,
//   - the entries form a hash chain and the committed tree is theirs,
//   - the stored balances re-derive from the stored entries,
//   - and once nothing is in doubt, sizes and balances are the model's.
// A database a fault has struck must reopen. A failure names its seed;
// replay it with WELFARE_SIMULATION_SEED=<seed>.
#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/verify/merkle.h"
#include "google/protobuf/util/message_differencer.h"
#include "storage/merkle_tree.h"
#include "tests/storage/fault_file_system.h"
#include "tests/storage/journal_model.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::IsOk;
using ::welfare::testing::ReasonOf;

constexpr int kGroups = 80;
const int32_t kLastDay = kSimulationFirstDay + 41;

// A storage error: the request's fate is unknown until it is retried.
bool IsStorageError(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable ||
         status.code() == absl::StatusCode::kDataLoss;
}

// What one entry's postings add to each account, by the entry's own bytes.
std::map<uint32_t, int64_t> DerivedBalances(
    const std::vector<std::string>& stored_bytes, int32_t as_of_day) {
  std::map<uint32_t, int64_t> balances;
  for (const std::string& bytes : stored_bytes) {
    EntryRecord record;
    if (!record.ParseFromString(bytes)) continue;  // IsHashChain reports it
    if (record.kind() == welfare::storage::v1::ENTRY_KIND_FUND_CREATED) {
      for (const auto& account : record.fund_created().accounts()) {
        balances[account.code()];
      }
    }
    if (record.effective_day() > as_of_day) continue;
    for (const auto& posting : record.postings()) {
      balances[posting.account_code()] += posting.debit_minus_credit_satang();
    }
  }
  return balances;
}

class FaultSimulation {
 public:
  explicit FaultSimulation(uint64_t seed)
      : random_(seed), harness_(/*shards=*/1, fault_env_.env.get()) {}

  void Run() {
    ASSERT_THAT(harness_.Open(), IsOk());
    for (const std::string& fund : kSimulationFunds) {
      ASSERT_THAT(harness_.CreateFund(fund, kSimulationFirstDay - 1), IsOk());
      acked_[fund][1] = Stored(fund).at(0);
    }
    int troubled_groups = 0;
    for (int group = 0; group < kGroups; ++group) {
      SCOPED_TRACE(absl::StrCat("group ", group));
      const bool storage_errors = RunGroup();
      if (::testing::Test::HasFailure()) return;
      troubled_groups = storage_errors ? troubled_groups + 1 : 0;
      if ((storage_errors && maker_.Chance(0.6)) || troubled_groups >= 3 ||
          maker_.Chance(0.05)) {
        Reopen();
        troubled_groups = 0;
      }
      CheckInvariants();
      if (::testing::Test::HasFailure()) return;
    }
    // Clients retry until nothing is in doubt; then all must be the model's.
    for (int attempt = 0; !in_doubt_.empty() && attempt < 5; ++attempt) {
      Reopen();
      RunGroup(/*new_requests=*/false);
      if (::testing::Test::HasFailure()) return;
    }
    EXPECT_TRUE(in_doubt_.empty()) << in_doubt_.size() << " still in doubt";
    CheckInvariants();
    std::fprintf(stderr, "fault simulation: %d faults struck\n",
                 fault_env_.faults->fired());
  }

 private:
  // Sends the requests in doubt, then (if new_requests) a few new ones, as
  // one commit group, with a fault armed before most groups. True if any
  // request heard a storage error.
  bool RunGroup(bool new_requests = true) {
    std::vector<RequestSpec> specs = std::move(in_doubt_);
    in_doubt_.clear();
    const std::set<std::string> retried = IdsOf(specs);
    if (!retried.empty()) CatchUp(specs, retried);
    for (int i = new_requests ? maker_.Uniform(1, 8) : 0; i > 0; --i) {
      specs.push_back(maker_.RandomRequest());
      ids_[specs.back().request_id].insert(specs.back().entries.size());
    }
    std::vector<std::future<Result>> futures;
    {
      CommitterGate gate(&harness_);
      gate.Hold();
      if (new_requests && maker_.Chance(0.4)) ArmRandomFault();
      for (const RequestSpec& spec : specs) {
        futures.push_back(harness_.Start(ToRequest(spec)));
      }
    }
    std::vector<Result> results;
    for (auto& future : futures) results.push_back(future.get());
    if (new_requests) MaybeFlushOrCompact();
    fault_env_.faults->Disarm();

    const bool fault_struck = fault_env_.faults->fired() > fired_at_open_;
    bool storage_errors = false;
    for (size_t i = 0; i < specs.size(); ++i) {
      storage_errors |= IsStorageError(results[i].status());
      Judge(specs[i], results[i], retried.count(specs[i].request_id) > 0,
            fault_struck);
    }
    return storage_errors;
  }

  // A request in doubt may be in the journal already (a failed sync kept
  // its bytes, and a reopen replayed them), right after what the model
  // knows: before its retry is sent, the model takes it from there.
  void CatchUp(const std::vector<RequestSpec>& specs,
               const std::set<std::string>& retried) {
    for (const std::string& fund : kSimulationFunds) {
      ModelFund& model = models_[fund];
      const std::vector<EntryRecord> records = Stored(fund);
      while (model.size() < records.size()) {
        const std::string& id = records[model.size()].request_id();
        if (retried.count(id) == 0) break;
        auto spec = std::find_if(
            specs.begin(), specs.end(), [&](const RequestSpec& spec) {
              return spec.fund_id == fund && spec.request_id == id;
            });
        if (spec == specs.end()) break;
        const uint64_t sequence = model.size() + 1;
        const Expected stored = model.Apply(*spec);
        ASSERT_EQ(stored.reason, "") << "request " << id << " is stored";
        ASSERT_EQ(stored.first_sequence, sequence) << "request " << id;
        ASSERT_FALSE(stored.replayed) << "request " << id;
      }
    }
  }

  void ArmRandomFault() {
    const Fault fault = static_cast<Fault>(maker_.Uniform(0, kFaultKinds - 1));
    const int countdown = fault == Fault::kCorruptRead ? maker_.Uniform(1, 12)
                                                       : maker_.Uniform(1, 3);
    fault_env_.faults->Arm(fault, countdown);
    last_fault_ = FaultName(fault);
  }

  // Sometimes moves the memtables to table files (so that reads hit table
  // files, and writes of tables and the MANIFEST can fail), with the fault
  // still armed; rarely compacts them. Errors are RocksDB's to report to
  // later writes.
  void MaybeFlushOrCompact() {
    rocksdb::DB* db = harness_.journal().store().db();
    if (maker_.Chance(0.3)) {
      for (int column = 0; column < kColumnCount; ++column) {
        db->Flush(rocksdb::FlushOptions(), harness_.journal().store().handle(
                                               static_cast<Column>(column)))
            .PermitUncheckedError();
      }
    }
    if (maker_.Chance(0.05)) {
      db->CompactRange(rocksdb::CompactRangeOptions(),
                       harness_.journal().store().handle(Column::kJournal),
                       nullptr, nullptr)
          .PermitUncheckedError();
    }
  }

  // Holds one answer against the model. fault_struck: a fault fired since
  // the database was last opened, so storage errors are allowed.
  void Judge(const RequestSpec& spec, const Result& result, bool retried,
             bool fault_struck) {
    SCOPED_TRACE(absl::StrCat("request ", spec.request_id, " of ", spec.fund_id,
                              ": ", ContentOf(spec),
                              "; last fault armed: ", last_fault_));
    ModelFund& model = models_[spec.fund_id];
    const ModelFund before = model;
    const Expected want = model.Apply(spec);
    if (result.ok()) {
      ASSERT_EQ(want.reason, "") << "the journal took what the model refused";
      ASSERT_EQ(result->entries.size(), spec.entries.size());
      EXPECT_EQ(result->entries[0].record.sequence(), want.first_sequence);
      // A retried request may have been stored by this group or before.
      if (!retried) {
        EXPECT_EQ(result->replayed, want.replayed);
      }
      for (const auto& entry : result->entries) {
        acked_[spec.fund_id][entry.record.sequence()] = entry.record;
      }
      return;
    }
    model = before;
    if (IsStorageError(result.status())) {
      EXPECT_TRUE(fault_struck)
          << "a storage error with no fault: " << result.status();
      in_doubt_.push_back(spec);
      return;
    }
    if (ReasonOf(result.status()) == want.reason) return;  // refused, rightly
    // Judged against what a failed group had staged: retry it.
    EXPECT_TRUE(fault_struck)
        << result.status() << "; the model expected "
        << (want.reason.empty() ? "success" : want.reason);
    in_doubt_.push_back(spec);
  }

  void Reopen() {
    fault_env_.faults->Disarm();
    ASSERT_THAT(harness_.Reopen(), IsOk()) << "after " << last_fault_;
    fired_at_open_ = fault_env_.faults->fired();
  }

  std::vector<EntryRecord> Stored(const std::string& fund) {
    std::vector<EntryRecord> records;
    for (const std::string& bytes : harness_.StoredEntryBytes(fund)) {
      records.emplace_back().ParseFromString(bytes);
    }
    return records;
  }

  void CheckInvariants() {
    for (const std::string& fund : kSimulationFunds) {
      SCOPED_TRACE(absl::StrCat(fund, "; last fault armed: ", last_fault_));
      const std::vector<std::string> bytes = harness_.StoredEntryBytes(fund);
      ASSERT_TRUE(IsHashChain(bytes));
      EXPECT_EQ(harness_.Size(fund), bytes.size());
      CheckTree(fund, bytes);
      const std::vector<EntryRecord> records = Stored(fund);
      CheckAcknowledgedEntriesKept(fund, records);
      CheckRequestsWhole(records);
      const int32_t day = kSimulationFirstDay + maker_.Uniform(-1, 41);
      EXPECT_EQ(harness_.Balances(fund), DerivedBalances(bytes, kLastDay));
      EXPECT_EQ(harness_.Balances(fund, day), DerivedBalances(bytes, day))
          << "as of day " << day;
      if (in_doubt_.empty()) {
        EXPECT_EQ(bytes.size(), models_[fund].size());
        EXPECT_EQ(harness_.Balances(fund), models_[fund].Balances(kLastDay));
      }
    }
  }

  void CheckTree(const std::string& fund,
                 const std::vector<std::string>& bytes) {
    welfare::verify::TreeBuilder expected;
    for (const std::string& entry : bytes) {
      expected.Append(welfare::verify::LeafHash(entry));
    }
    ReadView view(&harness_.journal().store());
    EXPECT_EQ(TreeSize(view, fund).value_or(0), bytes.size());
    TreeReader tree(
        [&view](Column column, absl::string_view key) {
          return view.Get(column, key);
        },
        fund);
    absl::StatusOr<TreeHash> root = tree.Root(bytes.size());
    ASSERT_THAT(root, IsOk());
    EXPECT_EQ(*root, expected.Root()) << "the tree is not the entries'";
  }

  void CheckAcknowledgedEntriesKept(const std::string& fund,
                                    const std::vector<EntryRecord>& records) {
    for (const auto& [sequence, record] : acked_[fund]) {
      ASSERT_LE(sequence, records.size())
          << "acknowledged entry " << sequence << " is lost";
      EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
          records[sequence - 1], record))
          << "acknowledged entry " << sequence << " changed";
    }
  }

  // Each request's entries are stored together, items 0..n-1, where n is
  // the entry count of a request sent under that id.
  void CheckRequestsWhole(const std::vector<EntryRecord>& records) {
    for (size_t i = 1; i < records.size();) {
      const std::string& id = records[i].request_id();
      size_t n = 0;
      while (i + n < records.size() && records[i + n].request_id() == id) {
        EXPECT_EQ(records[i + n].request_item(), n) << "request " << id;
        ++n;
      }
      EXPECT_TRUE(ids_[id].count(n) > 0)
          << "request " << id << " is stored with " << n << " entries";
      i += n;
    }
  }

  static std::set<std::string> IdsOf(const std::vector<RequestSpec>& specs) {
    std::set<std::string> ids;
    for (const RequestSpec& spec : specs) ids.insert(spec.request_id);
    return ids;
  }

  FaultEnv fault_env_;
  std::mt19937_64 random_;
  RequestMaker maker_{&random_};
  JournalHarness harness_;
  std::map<std::string, ModelFund> models_ = {{"sim-a", {}}, {"sim-b", {}}};
  // Per fund, every acknowledged entry by sequence.
  std::map<std::string, std::map<uint64_t, EntryRecord>> acked_;
  // Every request id sent, with the entry counts of its requests.
  std::map<std::string, std::set<size_t>> ids_;
  std::vector<RequestSpec> in_doubt_;
  int fired_at_open_ = 0;
  std::string last_fault_ = "none";
};

TEST(FaultSimulationTest, InvariantsHoldAfterEveryFault) {
  for (uint64_t seed : SimulationSeeds(6)) {
    SCOPED_TRACE(absl::StrCat("seed ", seed,
                              "; replay with WELFARE_SIMULATION_SEED=", seed));
    FaultSimulation(seed).Run();
    if (::testing::Test::HasFailure()) {
      std::fprintf(stderr, "fault simulation failed with seed %llu\n",
                   static_cast<unsigned long long>(seed));
      return;
    }
  }
}

}  // namespace
}  // namespace welfare::storage::testing
