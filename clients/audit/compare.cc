#include "clients/audit/compare.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/audit/member_rules.h"

namespace welfare::auditor {
namespace {

namespace ledger_v1 = welfare::ledger::v1;

std::string DateText(const ledger_v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

std::string StatusText(int32_t status, const std::string& day,
                       const std::string& reason, uint64_t sequence) {
  return absl::StrCat(ledger_v1::MemberStatus_Name(
                          static_cast<ledger_v1::MemberStatus>(status)),
                      " from ", day, " (entry ", sequence, ")",
                      reason.empty() ? "" : " \"", absl::CHexEscape(reason),
                      reason.empty() ? "" : "\"");
}

// Each field of a member as text, the same way for both sides.
std::map<std::string, std::string> Fields(const MemberState& member) {
  std::vector<std::string> history, months;
  for (const auto& period : member.status_history()) {
    history.push_back(StatusText(period.status(),
                                 DayText(period.effective_day()),
                                 period.reason(), period.sequence()));
  }
  for (const auto& run : member.paid_months()) {
    months.push_back(absl::StrCat(MonthText(run.first_month_index()), " +",
                                  run.month_count()));
  }
  return {
      {"category", absl::StrCat(member.category())},
      {"join date", DayText(member.join_day())},
      {"village", member.village_code()},
      {"profile hash", absl::BytesToHexString(member.profile_hash())},
      {"profile erased", member.profile_erased() ? "yes" : "no"},
      {"registered by entry", absl::StrCat(member.registered_sequence())},
      {"status history", absl::StrJoin(history, "; ")},
      {"paid months", absl::StrJoin(months, ", ")},
  };
}

std::map<std::string, std::string> Fields(const ledger_v1::Member& member) {
  std::vector<std::string> history, months;
  for (const auto& change : member.status_history()) {
    history.push_back(StatusText(change.status(),
                                 DateText(change.effective_date()),
                                 change.reason(), change.sequence()));
  }
  for (const auto& range : member.paid_months()) {
    months.push_back(
        absl::StrCat(absl::StrFormat("%04d-%02d", range.first_month().year(),
                                     range.first_month().month()),
                     " +", range.month_count()));
  }
  return {
      {"category", absl::StrCat(static_cast<int>(member.category()))},
      {"join date", DateText(member.join_date())},
      {"village", member.village_code()},
      {"profile hash", member.profile_hash()},
      {"profile erased", member.profile().erased() ? "yes" : "no"},
      {"registered by entry", absl::StrCat(member.registered_sequence())},
      {"status history", absl::StrJoin(history, "; ")},
      {"paid months", absl::StrJoin(months, ", ")},
  };
}

void CompareMember(const MemberState& derived, const ledger_v1::Member& served,
                   uint64_t journal_size, Findings& findings) {
  const auto ours = Fields(derived);
  const auto theirs = Fields(served);
  for (const auto& [field, value] : ours) {
    const std::string& reported = theirs.at(field);
    if (value == reported) continue;
    findings.Add(
        FindingKind::MEMBER_MISMATCH, 0,
        absl::StrCat("member ", derived.member_number(), " ", field,
                     " at journal size ", journal_size, ": the server says \"",
                     reported, "\", the entries say \"", value, "\""));
  }
}

}  // namespace

uint32_t CompareBalances(const LedgerModel& model,
                         const ledger_v1::GetBalancesResponse& server,
                         Findings& findings) {
  const uint64_t size = server.journal_size();
  std::map<uint32_t, const ledger_v1::AccountBalance*> reported;
  for (const auto& row : server.balances()) {
    uint32_t code = 0;
    if (!absl::SimpleAtoi(row.account_code(), &code) ||
        !reported.emplace(code, &row).second) {
      findings.Add(FindingKind::BALANCE_MISMATCH, 0,
                   absl::StrCat("the server lists account \"",
                                absl::CHexEscape(row.account_code()),
                                "\" twice or with a malformed code"));
    }
  }
  uint32_t compared = 0;
  for (const auto& [code, total] : model.accounts()) {
    auto it = reported.find(code);
    if (it == reported.end()) {
      findings.Add(FindingKind::BALANCE_MISMATCH, 0,
                   absl::StrCat("account ", code, " at journal size ", size,
                                ": the entries open it (balance ",
                                total.debit_minus_credit_satang,
                                " satang); the server does not list it"));
      continue;
    }
    ++compared;
    const ledger_v1::AccountBalance& row = *it->second;
    if (row.debit_minus_credit_satang() != total.debit_minus_credit_satang) {
      findings.Add(FindingKind::BALANCE_MISMATCH, 0,
                   absl::StrCat("account ", code, " at journal size ", size,
                                ": the server says debit minus credit ",
                                row.debit_minus_credit_satang(),
                                " satang, the entries say ",
                                total.debit_minus_credit_satang, " satang"));
    }
    if (static_cast<int32_t>(row.kind()) != total.kind) {
      findings.Add(
          FindingKind::BALANCE_MISMATCH, 0,
          absl::StrCat("account ", code, " at journal size ", size,
                       ": the server says kind ", static_cast<int>(row.kind()),
                       ", the entries say kind ", total.kind));
    }
    reported.erase(it);
  }
  for (const auto& [code, row] : reported) {
    findings.Add(FindingKind::BALANCE_MISMATCH, 0,
                 absl::StrCat("account ", code, " at journal size ", size,
                              ": the server lists it (balance ",
                              row->debit_minus_credit_satang(),
                              " satang); no entry opens it"));
  }
  return compared;
}

uint32_t CompareMembers(const LedgerModel& model,
                        const ledger_v1::ListMembersResponse& page,
                        int32_t previous_last, bool last_page,
                        Findings& findings) {
  const uint64_t size = page.journal_size();
  const std::vector<MemberState>& members = model.members();
  uint32_t compared = 0;
  int32_t expected = previous_last + 1;
  for (const ledger_v1::Member& served : page.members()) {
    const int32_t number = served.member_number();
    for (; expected < number && expected >= 1 &&
           static_cast<size_t>(expected) <= members.size();
         ++expected) {
      findings.Add(FindingKind::MEMBER_MISMATCH, 0,
                   absl::StrCat("member ", expected, " at journal size ", size,
                                ": the entries register it; the server does "
                                "not list it"));
    }
    if (number < expected || number < 1 ||
        static_cast<size_t>(number) > members.size()) {
      findings.Add(FindingKind::MEMBER_MISMATCH, 0,
                   absl::StrCat("member ", number, " at journal size ", size,
                                ": the server lists it",
                                number < expected ? " twice or out of order"
                                                  : "; no entry registers it"));
      continue;
    }
    CompareMember(members[number - 1], served, size, findings);
    ++compared;
    expected = number + 1;
  }
  if (last_page) {
    for (; static_cast<size_t>(expected) <= members.size(); ++expected) {
      findings.Add(FindingKind::MEMBER_MISMATCH, 0,
                   absl::StrCat("member ", expected, " at journal size ", size,
                                ": the entries register it; the server does "
                                "not list it"));
    }
  }
  return compared;
}

}  // namespace welfare::auditor
