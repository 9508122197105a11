// The reference model of the journal simulations: random requests of
// postings on random (often back-dated) days over two funds, some invalid,
// some multi-entry, some retried or reusing a request id, and the plainest
// model of what the journal must answer to each.
#ifndef WELFARE_TESTS_STORAGE_JOURNAL_MODEL_H_
#define WELFARE_TESTS_STORAGE_JOURNAL_MODEL_H_

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tests/storage/journal_harness.h"

namespace welfare::storage::testing {

// Every entry of a simulation falls within 41 days from this one.
inline const int32_t kSimulationFirstDay = DayOf(2026, 1, 1);
// The two funds of a simulation, created the day before the first.
inline const std::vector<std::string> kSimulationFunds = {"sim-a", "sim-b"};

struct EntrySpec {
  int32_t day;
  std::vector<Posting> postings;
};

struct RequestSpec {
  std::string fund_id;
  std::string request_id;
  std::vector<EntrySpec> entries;
};

// A text that differs between any two requests of different content.
std::string ContentOf(const RequestSpec& spec);
WriteRequest ToRequest(const RequestSpec& spec);

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
  ModelFund();

  uint64_t size() const { return size_; }
  std::map<uint32_t, int64_t> Balances(int32_t day) const;

  // Applies the request as the journal must (all its entries or none).
  Expected Apply(const RequestSpec& spec);

 private:
  int64_t BalanceAsOf(uint32_t code, int32_t day) const;
  std::string ApplyEntry(const EntrySpec& entry);
  // The lowest balance of code on day or any later date.
  int64_t LowestFrom(uint32_t code, int32_t day) const;

  uint64_t size_ = 1;  // The FUND_CREATED entry.
  std::map<uint32_t, std::map<int32_t, int64_t>> totals_;
  // request_id -> (content, first sequence)
  std::map<std::string, std::pair<std::string, uint64_t>> requests_;
};

// Makes the random requests of a simulation from its random source.
class RequestMaker {
 public:
  explicit RequestMaker(std::mt19937_64* random) : random_(random) {}

  bool Chance(double p);
  int Uniform(int low, int high);

  // Mostly a new request of one entry; sometimes several entries, an
  // unbalanced entry, an unknown account, or an earlier request sent again
  // (as it was, or with an entry more under the same request id).
  RequestSpec RandomRequest();

 private:
  EntrySpec RandomEntry();

  std::mt19937_64* random_;
  std::map<std::string, std::vector<RequestSpec>> sent_;
  int request_count_ = 0;
};

// The seeds to run: WELFARE_SIMULATION_SEED if set, else 1 to count.
std::vector<uint64_t> SimulationSeeds(int count);

}  // namespace welfare::storage::testing

#endif  // WELFARE_TESTS_STORAGE_JOURNAL_MODEL_H_
