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
#include "tests/storage/journal_model.h"

namespace welfare::storage::testing {
namespace {

using ::welfare::testing::IsOk;

const int32_t kFirstDay = kSimulationFirstDay;

class Simulation {
 public:
  Simulation(uint64_t seed, const CommitterOptions& options)
      : random_(seed), harness_(/*shards=*/1, /*env=*/nullptr, options) {}

  void Run() {
    ASSERT_THAT(harness_.Open(), IsOk());
    for (const std::string& fund : kSimulationFunds) {
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
  bool Chance(double p) { return maker_.Chance(p); }
  int Uniform(int low, int high) { return maker_.Uniform(low, high); }
  RequestSpec RandomRequest() { return maker_.RandomRequest(); }

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
  RequestMaker maker_{&random_};
};

void Simulate(const CommitterOptions& options) {
  for (uint64_t seed : SimulationSeeds(4)) {
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
