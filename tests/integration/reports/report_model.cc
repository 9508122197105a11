#include "tests/integration/reports/report_model.h"

#include <functional>
#include <set>

#include "gtest/gtest.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

int64_t Signed(const v1::Posting& posting) {
  return posting.side() == v1::DEBIT ? posting.amount_satang()
                                     : -posting.amount_satang();
}

}  // namespace

absl::CivilDay CivilOf(const v1::Date& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

ReportModel::ReportModel(std::vector<v1::Entry> entries,
                         std::vector<v1::Account> accounts,
                         std::vector<v1::Member> members)
    : entries_(std::move(entries)),
      accounts_(std::move(accounts)),
      members_(std::move(members)) {
  for (size_t i = 0; i < entries_.size(); ++i) {
    EXPECT_EQ(entries_[i].sequence(), i + 1);
  }
}

const v1::Entry& ReportModel::Entry(uint64_t sequence) const {
  return entries_.at(sequence - 1);
}

bool ReportModel::In(const v1::Entry& entry, Days days) {
  const absl::CivilDay day = CivilOf(entry.effective_date());
  return day >= days.first && day <= days.last;
}

int64_t ReportModel::MoneyOf(const v1::Entry& entry) {
  int64_t money = 0;
  for (const auto& posting : entry.postings()) {
    if (posting.side() == v1::DEBIT) money += posting.amount_satang();
  }
  return money;
}

bool ReportModel::IsCashOrBank(const std::string& code) const {
  for (const auto& account : accounts_) {
    if (account.code() == code) {
      return account.kind() == v1::ACCOUNT_KIND_CASH ||
             account.kind() == v1::ACCOUNT_KIND_BANK;
    }
  }
  ADD_FAILURE() << "no account " << code;
  return false;
}

int64_t ReportModel::DebitMinusCredit(const std::string& code,
                                      Days days) const {
  int64_t sum = 0;
  for (const auto& entry : entries_) {
    if (!In(entry, days)) continue;
    for (const auto& posting : entry.postings()) {
      if (posting.account_code() == code) sum += Signed(posting);
    }
  }
  return sum;
}

std::map<std::string, int64_t> ReportModel::CashFlows(Days days) const {
  return CashBy(days, [](const v1::Entry&, int64_t) { return true; });
}

std::map<std::string, int64_t> ReportModel::CashReceipts(Days days) const {
  return CashBy(days, [](const v1::Entry& entry, int64_t flow) {
    return entry.kind() == v1::ENTRY_KIND_REVERSAL ? flow < 0 : flow > 0;
  });
}

std::map<std::string, int64_t> ReportModel::CashBy(
    Days days,
    const std::function<bool(const v1::Entry&, int64_t flow)>& counts) const {
  std::map<std::string, int64_t> sums;
  for (const auto& entry : entries_) {
    if (!In(entry, days)) continue;
    bool moves_cash = false;
    for (const auto& posting : entry.postings()) {
      moves_cash |= IsCashOrBank(posting.account_code());
    }
    if (!moves_cash) continue;
    for (const auto& posting : entry.postings()) {
      if (IsCashOrBank(posting.account_code())) continue;
      const int64_t flow = -Signed(posting);
      if (counts(entry, flow)) sums[posting.account_code()] += flow;
    }
  }
  for (auto it = sums.begin(); it != sums.end();) {
    it = it->second == 0 ? sums.erase(it) : std::next(it);
  }
  return sums;
}

int64_t ReportModel::BenefitPeople(int category, Days days) const {
  int64_t people = 0;
  for (const auto& [member, sum] : BenefitsByMember(category, days)) {
    people += sum > 0 ? 1 : 0;
  }
  return people;
}

int64_t ReportModel::BenefitInvolved(int category, Days days) const {
  return static_cast<int64_t>(BenefitsByMember(category, days).size());
}

int64_t ReportModel::BenefitToMembers(int category, Days days) const {
  int64_t satang = 0;
  for (const auto& [member, sum] : BenefitsByMember(category, days)) {
    satang += sum;
  }
  return satang;
}

std::map<int32_t, int64_t> ReportModel::BenefitsByMember(int category,
                                                         Days days) const {
  std::map<int32_t, int64_t> net;
  for (const auto& entry : entries_) {
    if (!In(entry, days)) continue;
    const v1::Entry* benefit = &entry;
    int sign = 1;
    if (entry.kind() == v1::ENTRY_KIND_REVERSAL) {
      benefit = &Entry(entry.reversal().reversed_sequence());
      sign = -1;
    }
    if (!benefit->has_disbursement() ||
        !benefit->disbursement().has_benefit() ||
        benefit->disbursement().benefit().category() != category) {
      continue;
    }
    net[benefit->disbursement().benefit().member_number()] +=
        sign * MoneyOf(*benefit);
  }
  return net;
}

std::map<std::string, int64_t> ReportModel::Rounds(Days days) const {
  std::map<std::string, int64_t> rounds;
  for (const auto& entry : entries_) {
    if (!In(entry, days)) continue;
    const v1::Entry* match = &entry;
    int sign = 1;
    if (entry.kind() == v1::ENTRY_KIND_REVERSAL) {
      match = &Entry(entry.reversal().reversed_sequence());
      sign = -1;
    }
    if (!match->has_contribution() ||
        match->contribution().source() !=
            v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH) {
      continue;
    }
    rounds[match->contribution().matching_round()] += sign * MoneyOf(*match);
  }
  for (auto it = rounds.begin(); it != rounds.end();) {
    it = it->second == 0 ? rounds.erase(it) : std::next(it);
  }
  return rounds;
}

v1::MemberStatus ReportModel::StatusOn(const v1::Member& member,
                                       absl::CivilDay day) {
  if (day < CivilOf(member.join_date())) return v1::MEMBER_STATUS_UNSPECIFIED;
  v1::MemberStatus status = v1::MEMBER_STATUS_ACTIVE;
  for (const auto& change : member.status_history()) {
    if (CivilOf(change.effective_date()) <= day) status = change.status();
  }
  return status;
}

}  // namespace welfare::testing
