#include "services/domain/report_tallies.h"

#include <algorithm>

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
      const auto& body = money_entry.disbursement();
      if (!body.override_resolution().empty()) {
        // What the override paid above the rules' evaluation (all of it
        // when the rules refused the claim).
        const int64_t allowed = body.evaluation().eligible()
                                    ? body.evaluation().allowed_satang()
                                    : 0;
        const int64_t above =
            std::max<int64_t>(0, MoneyOf(money_entry) - allowed);
        context.staging().AddToTotal(
            storage::Column::kTallies,
            storage::keys::OverrideTally(context.fund_id(),
                                         static_cast<uint8_t>(category), day),
            sign * above);
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
