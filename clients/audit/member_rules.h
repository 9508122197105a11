// The rules of a member's life, as the auditor re-derives them from the
// entries: the server's rules (services/domain/member_rules.cc) restated
// over the auditor's MemberState, so that the audit depends on nothing of
// the server's code.
//
// Days are days since 1970-01-01; months are year * 12 + month - 1.
#ifndef WELFARE_CLIENTS_AUDIT_MEMBER_RULES_H_
#define WELFARE_CLIENTS_AUDIT_MEMBER_RULES_H_

#include <cstdint>
#include <string>

#include "clients/audit/state.pb.h"

namespace welfare::auditor {

using welfare::auditor::v1::MemberState;

// welfare.ledger.v1.MemberStatus values.
enum MemberStatusValue : int32_t {
  kStatusUnspecified = 0,
  kStatusActive = 1,
  kStatusResigned = 2,
  kStatusDeceased = 3,
  kStatusLapsed = 4,
};

// Dues cover 1..kDuesMonthsMax months of CE years 1950..9999 (the API's
// limits).
inline constexpr int32_t kDuesMonthsMax = 120;
inline constexpr int32_t kMonthIndexMin = 1950 * 12;
inline constexpr int32_t kMonthIndexEnd = 10000 * 12;
bool ValidDuesMonths(int32_t first_month, int32_t month_count);

// The status in effect on day: that of the last period starting on or
// before it; kStatusUnspecified before the first.
int32_t StatusOn(const MemberState& member, int32_t day);

// "" if the member may change to new_status on day; otherwise why not.
// ACTIVE -> RESIGNED, DECEASED, LAPSED; LAPSED -> ACTIVE, RESIGNED,
// DECEASED; RESIGNED -> ACTIVE, DECEASED; DECEASED is final; never dated
// before the last change.
std::string StatusChangeFault(const MemberState& member, int32_t new_status,
                              int32_t day);

// "" if the member may pay dues or an entry fee on day (joined by then,
// ACTIVE or LAPSED on it); otherwise why not.
std::string MayPayFault(const MemberState& member, int32_t day);

// "" if the member may receive a benefit of the category on day (joined,
// ACTIVE; DEATH (4) and FUNERAL (5) also DECEASED); otherwise why not.
std::string MayReceiveFault(const MemberState& member, int32_t category,
                            int32_t day);

// "" if the months start in or after the month the member joined in;
// otherwise which month is before joining (dues are for months of
// membership).
std::string MonthsBeforeJoiningFault(const MemberState& member,
                                     int32_t first_month);

// "" if none of the months is paid; otherwise which one is.
std::string MonthsPaidFault(const MemberState& member, int32_t first_month,
                            int32_t month_count);

// Marks months paid, or unpaid again, keeping paid_months sorted, merged
// and without overlaps. Adding months after the last run (the usual case)
// costs O(1).
void AddPaidMonths(MemberState* member, int32_t first_month,
                   int32_t month_count);
void RemovePaidMonths(MemberState* member, int32_t first_month,
                      int32_t month_count);

// "2026-06" for a month index.
std::string MonthText(int32_t month_index);
// "2026-06-15" for a day.
std::string DayText(int32_t day);
// "1234.50 baht", "-0.05 baht".
std::string Baht(int64_t satang);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_MEMBER_RULES_H_
