// The default chart of accounts of a new fund (DOMAIN.md, "Sensible
// defaults") and which account each kind of money goes to.
#ifndef WELFARE_SERVICES_DOMAIN_CHART_H_
#define WELFARE_SERVICES_DOMAIN_CHART_H_

#include <cstdint>
#include <vector>

#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

inline constexpr uint32_t kCashAccount = 1101;

// Every account a fund starts with, in code order.
std::vector<welfare::storage::v1::AccountRecord> DefaultChart();

// From the first digit of a four-digit code.
welfare::ledger::v1::AccountType AccountTypeOf(uint32_t code);

// Assets and expenses are normally debit balances; the rest credit.
bool IsDebitNormal(uint32_t code);

// The income account credited by a contribution source; 0 for UNSPECIFIED.
uint32_t IncomeAccountFor(welfare::ledger::v1::ContributionSource source);

// 5101..5116 for categories 1..16; 0 otherwise.
uint32_t BenefitAccountFor(welfare::ledger::v1::BenefitCategory category);

// The expense account of an operating cost; 0 for UNSPECIFIED.
uint32_t CostAccountFor(welfare::ledger::v1::CostKind kind);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_CHART_H_
