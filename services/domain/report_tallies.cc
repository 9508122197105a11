#include "services/domain/report_tallies.h"

#include "storage/keys.h"
#include "welfare/ledger/v1/ledger.pb.h"

namespace welfare::domain {
void StageMemberTally(storage::AppendContext& context, int32_t category,
                      int32_t status, int32_t day, int delta) {
  context.staging().AddToTotal(
      storage::Column::kTallies,
      storage::keys::MemberTally(context.fund_id(),
                                 static_cast<uint8_t>(category),
                                 static_cast<uint8_t>(status), day),
      delta);
}

int64_t MoneyOf(const welfare::storage::v1::EntryRecord& entry) {
  int64_t money = 0;
  for (const auto& posting : entry.postings()) {
    if (posting.debit_minus_credit_satang() > 0) {
      money += posting.debit_minus_credit_satang();
    }
  }
  return money;
}

void StageMoneyTallies(storage::AppendContext& context,
                       const welfare::storage::v1::EntryRecord& money_entry,
                       int32_t day, int sign) {
  const int64_t amount = sign * MoneyOf(money_entry);
  if (money_entry.has_disbursement()) {
    const int32_t category = money_entry.disbursement().benefit_category();
    if (category > 0 && money_entry.member_number() > 0) {
      context.staging().AddToTotal(
          storage::Column::kTallies,
          storage::keys::BenefitTally(context.fund_id(),
                                      static_cast<uint8_t>(category), day,
                                      money_entry.member_number()),
          amount);
      if (!money_entry.disbursement().override_resolution().empty()) {
        context.staging().AddToTotal(
            storage::Column::kTallies,
            storage::keys::OverrideTally(context.fund_id(),
                                         static_cast<uint8_t>(category), day),
            amount);
      }
    }
  } else if (money_entry.has_contribution() &&
             money_entry.contribution().source() ==
                 welfare::ledger::v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH) {
    context.staging().AddToTotal(
        storage::Column::kTallies,
        storage::keys::RoundTally(context.fund_id(),
                                  money_entry.contribution().matching_round(),
                                  day),
        amount);
  }
}

}  // namespace welfare::domain
