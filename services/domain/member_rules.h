// The rules of a member's life in the journal: status on a date, which
// status changes are allowed, who may pay dues or receive a benefit on a
// date, and the months that dues cover.
#ifndef WELFARE_SERVICES_DOMAIN_MEMBER_RULES_H_
#define WELFARE_SERVICES_DOMAIN_MEMBER_RULES_H_

#include <cstdint>

#include "absl/status/status.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

using MemberView = welfare::storage::v1::MemberView;

// The status (a welfare.ledger.v1.MemberStatus value) in effect on day;
// MEMBER_STATUS_UNSPECIFIED before the member joined.
int32_t StatusOn(const MemberView& member, int32_t day);

// ACTIVE -> RESIGNED, DECEASED, LAPSED; LAPSED -> ACTIVE, RESIGNED,
// DECEASED; RESIGNED -> ACTIVE, DECEASED; DECEASED is final. The change
// must not be dated before the last one. FAILED_PRECONDITION
// STATUS_TRANSITION_INVALID otherwise.
absl::Status CheckStatusChange(const MemberView& member, int32_t new_status,
                               int32_t day);

// Dues and entry fees: the member has joined by day (MEMBER_NOT_YET_JOINED)
// and is ACTIVE or LAPSED on it (MEMBER_NOT_ACTIVE).
absl::Status CheckMayPay(const MemberView& member, int32_t day);

// A benefit: joined by day and ACTIVE on it; a death or funeral benefit may
// also be paid for a member who died.
absl::Status CheckMayReceive(const MemberView& member,
                             welfare::ledger::v1::BenefitCategory category,
                             int32_t day);

// Dues are for the months of membership: FAILED_PRECONDITION
// MEMBER_NOT_YET_JOINED if first_month is before the month the member
// joined in. (Months before joining were no membership to pay for; dues
// brought from older books belong to months since the member's join date,
// which the import carries.)
absl::Status CheckMonthsFromJoining(const MemberView& member,
                                    int32_t first_month);

// FAILED_PRECONDITION DUES_MONTHS_ALREADY_PAID if any of the months is paid.
absl::Status CheckMonthsUnpaid(const MemberView& member, int32_t first_month,
                               int32_t month_count);
// Whether the month (year * 12 + month - 1) is among the paid months.
bool IsMonthPaid(const MemberView& member, int32_t month);
// Marks months paid (they must be unpaid) or unpaid again (they must be
// paid), keeping paid_months sorted and merged.
void AddPaidMonths(MemberView* member, int32_t first_month,
                   int32_t month_count);
void RemovePaidMonths(MemberView* member, int32_t first_month,
                      int32_t month_count);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_MEMBER_RULES_H_
