// An independent re-derivation of the reports from a fund's entries as the
// API lists them: every figure is summed from postings and entry details
// here, with none of the server's totals or code.
#ifndef WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_MODEL_H_
#define WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_MODEL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::testing {

// Days first..last, both included.
struct Days {
  absl::CivilDay first;
  absl::CivilDay last;
};
inline const absl::CivilDay kLongAgo(1900, 1, 1);

absl::CivilDay CivilOf(const welfare::ledger::v1::Date& date);

class ReportModel {
 public:
  ReportModel(std::vector<welfare::ledger::v1::Entry> entries,
              std::vector<welfare::ledger::v1::Account> accounts,
              std::vector<welfare::ledger::v1::Member> members);

  const std::vector<welfare::ledger::v1::Account>& accounts() const {
    return accounts_;
  }
  const std::vector<welfare::ledger::v1::Member>& members() const {
    return members_;
  }
  const std::vector<welfare::ledger::v1::Entry>& entries() const {
    return entries_;
  }

  // Debits minus credits of the account's postings effective in days.
  int64_t DebitMinusCredit(const std::string& code, Days days) const;
  // Net money into cash and bank in days, by the account on the other side
  // of each entry; zero sums left out.
  std::map<std::string, int64_t> CashFlows(Days days) const;
  // Money into cash and bank in days from each account on the other side,
  // gross: each entry's positive flows; a reversal's negative flows (what it
  // takes back of its entry's receipts). Zero sums left out. What was paid
  // to an account is this minus its CashFlows.
  std::map<std::string, int64_t> CashReceipts(Days days) const;
  // Members whose benefits of the category in days, less reversals dated in
  // days, are positive.
  int64_t BenefitPeople(int category, Days days) const;
  // Members with a benefit of the category, or a reversal of one, dated in
  // days, whatever its net.
  int64_t BenefitInvolved(int category, Days days) const;
  // The net of the category's benefits to members in days (disbursements
  // that name a member, less their reversals).
  int64_t BenefitToMembers(int category, Days days) const;
  // Government match in days by round, less reversals; zero sums left out.
  std::map<std::string, int64_t> Rounds(Days days) const;

  bool IsCashOrBank(const std::string& code) const;
  // From the member's status history; UNSPECIFIED before joining.
  static welfare::ledger::v1::MemberStatus StatusOn(
      const welfare::ledger::v1::Member& member, absl::CivilDay day);
  // The entry with the sequence (which must exist).
  const welfare::ledger::v1::Entry& Entry(uint64_t sequence) const;

 private:
  // The money of an entry: its debits.
  static int64_t MoneyOf(const welfare::ledger::v1::Entry& entry);
  static bool In(const welfare::ledger::v1::Entry& entry, Days days);
  // Money into cash and bank in days by the account on the other side of
  // each entry that moves it, of the flows `counts` keeps (flow: positive
  // when received from the account); zero sums left out.
  std::map<std::string, int64_t> CashBy(
      Days days, const std::function<bool(const welfare::ledger::v1::Entry&,
                                          int64_t flow)>& counts) const;
  // member -> net benefit of the category in days, for every member with a
  // benefit or a reversal of one in days.
  std::map<int32_t, int64_t> BenefitsByMember(int category, Days days) const;

  std::vector<welfare::ledger::v1::Entry> entries_;  // By sequence.
  std::vector<welfare::ledger::v1::Account> accounts_;
  std::vector<welfare::ledger::v1::Member> members_;
};

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_MODEL_H_
