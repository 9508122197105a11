// Many clients writing at once, to one fund and to many: every fund's
// sequence stays gap-free, its debits equal its credits, and nothing
// acknowledged is lost or written twice. Seeded; a failure prints the seed.
#include <atomic>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "tests/testing/journal_check.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr uint32_t kSeed = 20261122;

v1::Date June(int day) { return MakeDate(2026, 6, day); }

absl::Status CreateFund(client::LedgerClient& client, const std::string& id) {
  v1::CreateFundRequest request;
  request.set_fund_id(id);
  request.mutable_fund()->set_display_name("กองทุน " + id);
  // Before every date the test writes.
  *request.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
  request.mutable_fund()->set_area_code("330101");
  return client.CreateFund(request).status();
}

// What the writers got acknowledged, per fund.
struct Acknowledged {
  absl::Mutex mu;
  std::map<std::string, std::set<uint64_t>> sequences ABSL_GUARDED_BY(mu);
  std::map<std::string, int64_t> cash ABSL_GUARDED_BY(mu);
  int refused_for_funds ABSL_GUARDED_BY(mu) = 0;
};

// One writer: donations, cash-to-bank transfers, payments that may be
// refused for want of cash, and reads in between.
void Write(client::LedgerClient& client, const std::vector<std::string>& funds,
           uint32_t seed, int operations, Acknowledged& acknowledged,
           std::atomic<int>& failures) {
  std::mt19937 random(seed);
  for (int i = 0; i < operations; ++i) {
    const std::string fund = funds[random() % funds.size()];
    const int64_t amount = 100 + static_cast<int64_t>(random() % 10000);
    const int kind = static_cast<int>(random() % 4);
    absl::StatusOr<v1::Entry> entry;
    int64_t cash_change = 0;
    if (kind <= 1) {
      v1::RecordContributionRequest request;
      request.set_parent("funds/" + fund);
      request.mutable_contribution()->set_source(
          v1::CONTRIBUTION_SOURCE_DONATION);
      request.mutable_contribution()->set_amount_satang(amount);
      *request.mutable_contribution()->mutable_effective_date() =
          June(1 + static_cast<int>(random() % 15));
      entry = client.RecordContribution(request);
      cash_change = amount;
    } else if (kind == 2) {
      v1::RecordDisbursementRequest request;
      request.set_parent("funds/" + fund);
      request.mutable_disbursement()->mutable_operating_cost()->set_kind(
          v1::COST_KIND_STATIONERY);
      request.mutable_disbursement()->set_amount_satang(amount);
      *request.mutable_disbursement()->mutable_effective_date() = June(15);
      entry = client.RecordDisbursement(request);
      cash_change = -amount;
    } else {
      v1::GetBalancesRequest request;
      request.set_parent("funds/" + fund);
      if (!client.GetBalances(request).ok()) ++failures;
      continue;
    }
    absl::MutexLock lock(&acknowledged.mu);
    if (entry.ok()) {
      if (!acknowledged.sequences[fund].insert(entry->sequence()).second) {
        ++failures;  // Two acknowledgements of one sequence.
      }
      acknowledged.cash[fund] += cash_change;
    } else if (ReasonOf(entry.status()) == "INSUFFICIENT_FUNDS") {
      ++acknowledged.refused_for_funds;
    } else {
      ++failures;
    }
  }
}

void RunWriters(TestServer& server, const std::vector<std::string>& funds,
                int writers, int operations_each) {
  SCOPED_TRACE(absl::StrCat("seed ", kSeed));
  auto setup = server.NewClient();
  for (const auto& fund : funds) ASSERT_THAT(CreateFund(*setup, fund), IsOk());

  Acknowledged acknowledged;
  std::atomic<int> failures{0};
  std::vector<std::unique_ptr<client::LedgerClient>> clients;
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    clients.push_back(server.NewClient());
    threads.emplace_back([&, w] {
      Write(*clients[w], funds, kSeed + w, operations_each, acknowledged,
            failures);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);

  absl::MutexLock lock(&acknowledged.mu);
  for (const auto& fund : funds) {
    auto journal = ReadAndCheckJournal(*setup, fund);
    ASSERT_THAT(journal, IsOk());
    // Entry 1 created the fund; every other entry was acknowledged to
    // exactly one writer.
    const auto& mine = acknowledged.sequences[fund];
    EXPECT_EQ(journal->entries.size(), mine.size() + 1) << fund;
    ASSERT_FALSE(mine.empty()) << fund;
    EXPECT_EQ(*mine.begin(), 2u) << fund;
    EXPECT_EQ(journal->balances["1101"], acknowledged.cash[fund]) << fund;
  }
}

TEST(ConcurrencyTest, ManyClientsOneFundKeepTheJournalWhole) {
  TestServer server;
  RunWriters(server, {"one-fund"}, 16, 60);
}

TEST(ConcurrencyTest, ManyClientsManyFundsKeepEveryJournalWhole) {
  TestServer server;
  std::vector<std::string> funds;
  for (int i = 0; i < 12; ++i) funds.push_back(absl::StrCat("fund-", i));
  RunWriters(server, funds, 24, 50);
}

TEST(ConcurrencyTest, ConcurrentBatchesAreAllOrNothing) {
  TestServer server;
  auto setup = server.NewClient();
  ASSERT_THAT(CreateFund(*setup, "batch-fund"), IsOk());
  std::atomic<int64_t> cash{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      auto client = server.NewClient();
      for (int b = 0; b < 10; ++b) {
        v1::PostBatchRequest batch;
        batch.set_parent("funds/batch-fund");
        int64_t total = 0;
        for (int i = 0; i < 50; ++i) {
          auto* donation = batch.add_items()->mutable_contribution();
          donation->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
          donation->set_amount_satang(100 + w);
          total += 100 + w;
        }
        // Every third batch ends with a payment bigger than all the money
        // there could be: the whole batch must be refused.
        if (b % 3 == 2) {
          auto* pay = batch.add_items()->mutable_disbursement();
          pay->mutable_operating_cost()->set_kind(v1::COST_KIND_OTHER);
          pay->set_amount_satang(1'000'000'000);
        }
        auto posted = client->PostBatch(batch);
        if (b % 3 == 2) {
          if (ReasonOf(posted.status()) != "INSUFFICIENT_FUNDS") ++failures;
        } else if (posted.ok() && posted->entry_count() == 50) {
          cash += total;
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto journal = ReadAndCheckJournal(*setup, "batch-fund");
  ASSERT_THAT(journal, IsOk());
  EXPECT_EQ(journal->entries.size(), 1u + 8 * 7 * 50);
  EXPECT_EQ(journal->balances["1101"], cash.load());
}

}  // namespace
}  // namespace welfare::testing
