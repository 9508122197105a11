#include "tests/storage/journal_model.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace welfare::storage::testing {
namespace {

const std::vector<uint32_t> kCodes = {kCash,    kBank, kLoans,
                                      kCapital, kDues, kBenefit};
constexpr uint32_t kUnknownCode = 1999;

}  // namespace

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

ModelFund::ModelFund() {
  for (uint32_t code : kCodes) totals_[code];
}

int64_t ModelFund::BalanceAsOf(uint32_t code, int32_t day) const {
  int64_t balance = 0;
  for (const auto& [d, total] : totals_.at(code)) {
    if (d <= day) balance += total;
  }
  return balance;
}

std::map<uint32_t, int64_t> ModelFund::Balances(int32_t day) const {
  std::map<uint32_t, int64_t> balances;
  for (uint32_t code : kCodes) balances[code] = BalanceAsOf(code, day);
  return balances;
}

Expected ModelFund::Apply(const RequestSpec& spec) {
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

std::string ModelFund::ApplyEntry(const EntrySpec& entry) {
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

int64_t ModelFund::LowestFrom(uint32_t code, int32_t day) const {
  int64_t running = BalanceAsOf(code, day);
  int64_t lowest = running;
  for (const auto& [d, total] : totals_.at(code)) {
    if (d <= day) continue;
    running += total;
    lowest = std::min(lowest, running);
  }
  return lowest;
}

bool RequestMaker::Chance(double p) {
  return std::bernoulli_distribution(p)(*random_);
}

int RequestMaker::Uniform(int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(*random_);
}

EntrySpec RequestMaker::RandomEntry() {
  EntrySpec entry;
  entry.day = kSimulationFirstDay + Uniform(0, 40);
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

RequestSpec RequestMaker::RandomRequest() {
  const std::string& fund = kSimulationFunds[Chance(0.5) ? 0 : 1];
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

std::vector<uint64_t> SimulationSeeds(int count) {
  if (const char* seed = std::getenv("WELFARE_SIMULATION_SEED")) {
    return {std::strtoull(seed, nullptr, 10)};
  }
  std::vector<uint64_t> seeds;
  for (int seed = 1; seed <= count; ++seed) seeds.push_back(seed);
  return seeds;
}

}  // namespace welfare::storage::testing
