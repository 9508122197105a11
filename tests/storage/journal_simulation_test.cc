// A seeded random simulation of the journal against a simple reference
// model: random postings on random (often back-dated) days, invalid
// entries, multi-entry requests, retried and reused request ids, commit
// groups of random size over two funds, and reopenings. After every group
// each answer must be the model's; balances as of random dates and journal
// sizes are compared as it goes. A failure names its seed; replay it with
// WELFARE_SIMULATION_SEED=<seed>.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::IsOk;

const int32_t kFirstDay = DayOf(2026, 1, 1);
const std::vector<uint32_t> kCodes = {kCash,    kBank, kLoans,
                                      kCapital, kDues, kBenefit};
constexpr uint32_t kUnknownCode = 1999;

struct EntrySpec {
  int32_t day;
  std::vector<Posting> postings;
};

struct RequestSpec {
  std::string fund_id;
  std::string request_id;
  std::vector<EntrySpec> entries;
};

std::string ContentOf(const RequestSpec& spec) {
  std::string content;
  for (const EntrySpec& entry : spec.entries) {
    absl::StrAppend(&content, entry.day, ":");
    for (const Posting& p : entry.postings) {
      absl::StrAppend(&content, p.code, "=", p.debit_minus_credit_satang, ",");
    }
    content += ";";
  }
  return content;
}

WriteRequest ToRequest(const RequestSpec& spec) {
  std::vector<EntryRecord> entries;
  for (const EntrySpec& entry : spec.entries) {
    entries.push_back(TransactionEntry(entry.day, entry.postings));
  }
  return AppendRequest(spec.fund_id, spec.request_id, std::move(entries));
}

// What the model expects of one request.
struct Expected {
  std::string reason;  // "" for success
  uint64_t first_sequence = 0;
  bool replayed = false;
};

// The reference model of one fund: day totals per account, in the plainest
// form, and the request ids it has taken.
class ModelFund {
 public:
  ModelFund() {
    for (uint32_t code : kCodes) totals_[code];
  }

  uint64_t size() const { return size_; }

  int64_t BalanceAsOf(uint32_t code, int32_t day) const {
    int64_t balance = 0;
    for (const auto& [d, total] : totals_.at(code)) {
      if (d <= day) balance += total;
    }
    return balance;
  }

  std::map<uint32_t, int64_t> Balances(int32_t day) const {
    std::map<uint32_t, int64_t> balances;
    for (uint32_t code : kCodes) balances[code] = BalanceAsOf(code, day);
    return balances;
  }

  Expected Apply(const RequestSpec& spec) {
    const std::string content = ContentOf(spec);
    auto seen = requests_.find(spec.request_id);
    if (seen != requests_.end()) {
      if (seen->second.first != content) return {"REQUEST_ID_REUSED"};
      return {"", seen->second.second, true};
    }
    ModelFund copy = *this;
    for (const EntrySpec& entry : spec.entries) {
      std::string reason = copy.ApplyEntry(entry);
      if (!reason.empty()) return {reason};
    }
    const uint64_t first = size_ + 1;
    *this = std::move(copy);
    requests_[spec.request_id] = {content, first};
    return {"", first, false};
  }

 private:
  std::string ApplyEntry(const EntrySpec& entry) {
    std::map<uint32_t, int64_t> deltas;
    int64_t sum = 0;
    for (const Posting& p : entry.postings) {
      if (!totals_.count(p.code)) return "ACCOUNT_NOT_FOUND";
      deltas[p.code] += p.debit_minus_credit_satang;
      sum += p.debit_minus_credit_satang;
    }
    if (sum != 0) return "POSTINGS_UNBALANCED";
    for (const auto& [code, delta] : deltas) {
      if ((code == kCash || code == kBank) && delta < 0 &&
          LowestFrom(code, entry.day) + delta < 0) {
        return "INSUFFICIENT_FUNDS";
      }
    }
    for (const auto& [code, delta] : deltas) totals_[code][entry.day] += delta;
    ++size_;
    return "";
  }

  // The lowest balance of code on day or any later date.
  int64_t LowestFrom(uint32_t code, int32_t day) const {
    int64_t running = BalanceAsOf(code, day);
    int64_t lowest = running;
    for (const auto& [d, total] : totals_.at(code)) {
      if (d <= day) continue;
      running += total;
      lowest = std::min(lowest, running);
    }
    return lowest;
  }

  uint64_t size_ = 1;  // The FUND_CREATED entry.
  std::map<uint32_t, std::map<int32_t, int64_t>> totals_;
  // request_id -> (content, first sequence)
  std::map<std::string, std::pair<std::string, uint64_t>> requests_;
};

class Simulation {
 public:
  Simulation(uint64_t seed, const CommitterOptions& options)
      : random_(seed), harness_(/*shards=*/1, /*env=*/nullptr, options) {}

  void Run() {
    ASSERT_THAT(harness_.Open(), IsOk());
    for (const char* fund : {"sim-a", "sim-b"}) {
      ASSERT_THAT(harness_.CreateFund(fund, kFirstDay - 1), IsOk());
    }
    for (int round = 0; round < 60; ++round) {
      RunGroup();
      if (::testing::Test::HasFailure()) return;
      if (Chance(0.1)) {
        ASSERT_THAT(harness_.Reopen(), IsOk());
      }
      if (round % 5 == 4) CompareState();
      if (::testing::Test::HasFailure()) return;
    }
    for (auto& [fund, model] : models_) {
      EXPECT_TRUE(IsHashChain(harness_.StoredEntryBytes(fund))) << fund;
    }
  }

 private:
  bool Chance(double p) { return std::bernoulli_distribution(p)(random_); }
  int Uniform(int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random_);
  }

  EntrySpec RandomEntry() {
    EntrySpec entry;
    entry.day = kFirstDay + Uniform(0, 40);
    const int count = Uniform(2, 4);
    int64_t sum = 0;
    for (int i = 0; i + 1 < count; ++i) {
      const uint32_t code = kCodes[Uniform(0, kCodes.size() - 1)];
      const int64_t amount = Uniform(-3000, 3000);
      entry.postings.push_back({code, amount});
      sum += amount;
    }
    entry.postings.push_back({kCodes[Uniform(0, kCodes.size() - 1)], -sum});
    if (Chance(0.07)) entry.postings.back().debit_minus_credit_satang += 1;
    if (Chance(0.04)) entry.postings[0].code = kUnknownCode;
    return entry;
  }

  RequestSpec RandomRequest() {
    const std::string fund = Chance(0.5) ? "sim-a" : "sim-b";
    std::vector<RequestSpec>& sent = sent_[fund];
    if (!sent.empty() && Chance(0.15)) {
      RequestSpec again = sent[Uniform(0, sent.size() - 1)];
      if (Chance(0.4)) again.entries.push_back(RandomEntry());
      return again;
    }
    RequestSpec spec{fund, absl::StrCat("r", ++request_count_), {}};
    const int entries = Chance(0.85) ? 1 : Uniform(2, 3);
    for (int i = 0; i < entries; ++i) spec.entries.push_back(RandomEntry());
    sent.push_back(spec);
    return spec;
  }

  void RunGroup() {
    std::vector<RequestSpec> specs;
    std::vector<std::future<Result>> futures;
    {
      CommitterGate gate(&harness_);
      gate.Hold();
      for (int i = Uniform(1, 10); i > 0; --i) {
        specs.push_back(RandomRequest());
        futures.push_back(harness_.Start(ToRequest(specs.back())));
      }
    }
    for (size_t i = 0; i < specs.size(); ++i) {
      const Result result = futures[i].get();
      const Expected want = models_[specs[i].fund_id].Apply(specs[i]);
      SCOPED_TRACE(absl::StrCat("request ", specs[i].request_id, " of ",
                                specs[i].fund_id, ": ", ContentOf(specs[i])));
      if (!want.reason.empty()) {
        EXPECT_EQ(welfare::testing::ReasonOf(result.status()), want.reason)
            << result.status();
        continue;
      }
      ASSERT_THAT(result, IsOk());
      EXPECT_EQ(result->replayed, want.replayed);
      ASSERT_EQ(result->entries.size(), specs[i].entries.size());
      EXPECT_EQ(result->entries[0].record.sequence(), want.first_sequence);
    }
  }

  void CompareState() {
    for (auto& [fund, model] : models_) {
      SCOPED_TRACE(fund);
      EXPECT_EQ(harness_.Size(fund), model.size());
      EXPECT_EQ(harness_.Balances(fund), model.Balances(kFirstDay + 100));
      for (int i = 0; i < 5; ++i) {
        const int32_t day = kFirstDay + Uniform(-2, 42);
        EXPECT_EQ(harness_.Balances(fund, day), model.Balances(day))
            << "as of day " << day;
      }
    }
  }

  std::mt19937_64 random_;
  JournalHarness harness_;
  std::map<std::string, ModelFund> models_ = {{"sim-a", {}}, {"sim-b", {}}};
  std::map<std::string, std::vector<RequestSpec>> sent_;
  int request_count_ = 0;
};

std::vector<uint64_t> Seeds() {
  if (const char* seed = std::getenv("WELFARE_SIMULATION_SEED")) {
    return {std::strtoull(seed, nullptr, 10)};
  }
  return {1, 2, 3, 4};
}

void Simulate(const CommitterOptions& options) {
  for (uint64_t seed : Seeds()) {
    SCOPED_TRACE(absl::StrCat("seed ", seed,
                              "; replay with WELFARE_SIMULATION_SEED=", seed));
    Simulation(seed, options).Run();
    if (::testing::Test::HasFailure()) {
      std::fprintf(stderr, "journal simulation failed with seed %llu\n",
                   static_cast<unsigned long long>(seed));
      return;
    }
  }
}

TEST(JournalSimulationTest, JournalAgreesWithAReferenceModel) {
  Simulate(CommitterOptions());
}

// The committer forgets every fund state at the start of most groups and
// splits bursts into several groups: state is reloaded from the database
// all the time.
TEST(JournalSimulationTest, JournalAgreesWithAReferenceModelWithATinyCache) {
  CommitterOptions options;
  options.cached_funds_max = 1;
  options.group_weight_max = 3;
  Simulate(options);
}

}  // namespace
}  // namespace welfare::storage::testing
