// Kill the server with SIGKILL while clients write; after each restart every
// acknowledged entry is there with the same hash, the hash chain and the
// balances check out, and retrying every write with its request_id posts
// nothing twice. welfared runs as a real child process.
#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "clients/bench/server_process.h"
#include "tests/testing/journal_check.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int kFunds = 3;
constexpr int kWriters = 6;

std::string FundId(int f) { return absl::StrCat("crash-fund-", f); }

// One logical write: a donation with a fixed request_id.
struct Write {
  std::string fund;
  std::string request_id;
  int64_t amount = 0;
};

v1::RecordContributionRequest RequestFor(const Write& write) {
  v1::RecordContributionRequest request;
  request.set_parent("funds/" + write.fund);
  request.set_request_id(write.request_id);
  request.mutable_contribution()->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
  request.mutable_contribution()->set_amount_satang(write.amount);
  request.mutable_contribution()->mutable_effective_date()->set_year(2026);
  request.mutable_contribution()->mutable_effective_date()->set_month(1);
  request.mutable_contribution()->mutable_effective_date()->set_day(1);
  return request;
}

std::unique_ptr<client::LedgerClient> ClientOf(
    const bench::ServerProcess& server, const std::string& data_dir,
    int attempts) {
  client::ClientOptions options;
  options.target = server.target();
  options.credentials.token = AdminTokenOf(data_dir);
  options.deadline_ms = 5000;
  options.attempts_max = attempts;
  options.backoff_initial_ms = 5;
  return std::move(*client::LedgerClient::Connect(options));
}

struct Progress {
  const std::map<std::string, std::pair<uint64_t, std::string>>* acknowledged;
  size_t wanted;
};
bool Enough(Progress* progress) {
  return progress->acknowledged->size() >= progress->wanted;
}

class CrashRestartTest : public ::testing::Test {
 protected:
  bench::ServerProcess Start() {
    auto server = bench::ServerProcess::Start(WELFARED_PATH, dir_.path(), {});
    if (!server.ok()) {
      ADD_FAILURE() << server.status();
      std::abort();
    }
    return std::move(*server);
  }

  TempDir dir_;
  std::vector<Write> writes_;
  // Acknowledged writes: request_id -> (sequence, hash).
  std::map<std::string, std::pair<uint64_t, std::string>> acknowledged_;
};

TEST_F(CrashRestartTest, AcknowledgedWritesSurviveSigkillAndRetriesPostOnce) {
  {
    bench::ServerProcess server = Start();
    auto client = ClientOf(server, dir_.path(), 3);
    for (int f = 0; f < kFunds; ++f) {
      v1::CreateFundRequest create;
      create.set_fund_id(FundId(f));
      create.mutable_fund()->set_display_name("กองทุนทดสอบการล่ม");
      // Before every date the test writes.
      *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
      create.mutable_fund()->set_area_code("330101");
      ASSERT_THAT(client->CreateFund(create), IsOk());
    }
  }
  int next_write = 0;
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    bench::ServerProcess server = Start();
    std::atomic<bool> stop{false};
    absl::Mutex mu;
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w] {
        // One attempt per call: the crash must find calls in flight.
        auto client = ClientOf(server, dir_.path(), 1);
        while (!stop.load()) {
          Write write;
          {
            absl::MutexLock lock(&mu);
            const int n = next_write++;
            write = {FundId(n % kFunds), absl::StrCat("write-", n),
                     100 + n % 997};
            writes_.push_back(write);
          }
          auto entry = client->RecordContribution(RequestFor(write));
          if (entry.ok()) {
            absl::MutexLock lock(&mu);
            acknowledged_[write.request_id] = {entry->sequence(),
                                               entry->hash()};
          }
        }
      });
    }
    // Let writes flow, then pull the plug while they still do.
    {
      Progress progress{&acknowledged_, 150u * (round + 1)};
      absl::MutexLock lock(&mu);
      mu.Await(absl::Condition(&Enough, &progress));
    }
    server.Kill();
    stop = true;
    for (auto& writer : writers) writer.join();
  }

  // Recovery: every acknowledged write is there, unchanged.
  bench::ServerProcess server = Start();
  auto client = ClientOf(server, dir_.path(), 3);
  for (const auto& [request_id, sequence_and_hash] : acknowledged_) {
    const Write* write = nullptr;
    for (const Write& candidate : writes_) {
      if (candidate.request_id == request_id) write = &candidate;
    }
    ASSERT_NE(write, nullptr);
    v1::GetEntryRequest get;
    get.set_name(absl::StrCat("funds/", write->fund, "/entries/",
                              sequence_and_hash.first));
    auto entry = client->GetEntry(get);
    ASSERT_THAT(entry, IsOk()) << request_id;
    EXPECT_EQ(entry->hash(), sequence_and_hash.second) << request_id;
    EXPECT_EQ(entry->request_id(), request_id);
  }
  // Retrying every write, acknowledged or not, posts each exactly once.
  std::map<std::string, int64_t> expected_cash;
  for (const Write& write : writes_) {
    auto entry = client->RecordContribution(RequestFor(write));
    ASSERT_THAT(entry, IsOk()) << write.request_id;
    auto acked = acknowledged_.find(write.request_id);
    if (acked != acknowledged_.end()) {
      EXPECT_EQ(entry->sequence(), acked->second.first) << write.request_id;
    }
    expected_cash[write.fund] += write.amount;
  }
  for (int f = 0; f < kFunds; ++f) {
    auto journal = ReadAndCheckJournal(*client, FundId(f));
    ASSERT_THAT(journal, IsOk());
    EXPECT_EQ(journal->balances["1101"], expected_cash[FundId(f)]) << FundId(f);
    std::set<std::string> request_ids;
    for (const auto& entry : journal->entries) {
      if (entry.sequence() == 1) continue;
      EXPECT_TRUE(request_ids.insert(entry.request_id()).second)
          << "request " << entry.request_id() << " posted twice";
    }
  }
  EXPECT_GE(acknowledged_.size(), 450u);
}

}  // namespace
}  // namespace welfare::testing
