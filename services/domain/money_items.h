// MoneyItem: one contribution, disbursement or transaction, checked against
// everything the request alone can tell and turned into the entry it will
// become; ApplyMoneyItem then checks it against the fund's state and
// appends it.
#ifndef WELFARE_SERVICES_DOMAIN_MONEY_ITEMS_H_
#define WELFARE_SERVICES_DOMAIN_MONEY_ITEMS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "storage/append_context.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

struct MoneyItem {
  // The entry to append: kind, effective day, member, postings, body, source
  // document and memo.
  welfare::storage::v1::EntryRecord entry;
  // The account money goes into or out of; it must be a cash or bank
  // account. 0 for general transactions.
  uint32_t cash_account = 0;
  enum class MemberRule { kNone, kMayPay, kMayReceive };
  MemberRule member_rule = MemberRule::kNone;
  welfare::ledger::v1::BenefitCategory benefit_category =
      welfare::ledger::v1::BENEFIT_CATEGORY_UNSPECIFIED;
  // The request's name of the effective date, for errors
  // ("items[3].contribution.effective_date").
  std::string date_field;
  // Dues: the months covered (month_count 0 for other items).
  int32_t first_month = 0;
  int32_t month_count = 0;
};

// field names the message in errors ("contribution", "items[3].contribution").
absl::StatusOr<MoneyItem> ContributionItem(
    const welfare::ledger::v1::Contribution& contribution, int32_t today,
    absl::string_view field);
absl::StatusOr<MoneyItem> DisbursementItem(
    const welfare::ledger::v1::Disbursement& disbursement, int32_t today,
    absl::string_view field);
absl::StatusOr<MoneyItem> TransactionItem(
    const welfare::ledger::v1::Transaction& transaction, int32_t today,
    absl::string_view field);

// NOT_FOUND ACCOUNT_NOT_FOUND unless the fund has the account;
// INVALID_ARGUMENT ACCOUNT_CODE_INVALID unless it is a cash or bank account.
absl::Status CheckCashAccount(const storage::AppendContext& context,
                              uint32_t code);

// Checks the item against the fund (its accounts, the member's status and
// paid months), updates the member's view, and appends the entry (moved out
// of item). Returns the entry's sequence.
absl::StatusOr<uint64_t> ApplyMoneyItem(storage::AppendContext& context,
                                        MoneyItem& item);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_MONEY_ITEMS_H_
