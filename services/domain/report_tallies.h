// The report totals the domain keeps beside each entry, in the entry's
// batch (the tallies column family, storage/keys.h): per day and member,
// the net benefit of each CODI category (people counts); per matching round
// and day, the net government match; per member type, status and day, the
// members entering and leaving the status. Account movements and cash flows
// are kept by the journal engine itself (storage/append_context.h).
#ifndef WELFARE_SERVICES_DOMAIN_REPORT_TALLIES_H_
#define WELFARE_SERVICES_DOMAIN_REPORT_TALLIES_H_

#include <cstdint>

#include "storage/append_context.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

// Stages a member entering (delta +1) or leaving (-1) a status on day:
// +1 ACTIVE on the join day when registered; -1 the old status and +1 the
// new one on the day of a change (changes are never dated before the last
// one, so the old status is the last one).
void StageMemberTally(storage::AppendContext& context, int32_t category,
                      int32_t status, int32_t day, int delta);

// The money a contribution, disbursement or transaction moved: the sum of
// its debits (every money entry balances).
int64_t MoneyOf(const welfare::storage::v1::EntryRecord& entry);

// Stages the tallies of a contribution or disbursement entry effective on
// `day`, multiplied by sign: +1 when it is appended, -1 when a reversal
// effective on `day` undoes it. Other entries have none.
void StageMoneyTallies(storage::AppendContext& context,
                       const welfare::storage::v1::EntryRecord& money_entry,
                       int32_t day, int sign);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_REPORT_TALLIES_H_
