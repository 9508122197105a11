// The statements every report is built from, each computed from Books over
// a range of days (report_period.h). Shared by the fund reports
// (reports.h) and the partner aggregates (partner.h).
#ifndef WELFARE_SERVICES_DOMAIN_STATEMENTS_H_
#define WELFARE_SERVICES_DOMAIN_STATEMENTS_H_

#include "absl/status/statusor.h"
#include "services/domain/books.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::domain {

namespace v1 = welfare::ledger::v1;

absl::StatusOr<v1::TrialBalance> TrialBalanceOf(const Books& books,
                                                storage::DayRange range);
absl::StatusOr<v1::ReceiptsAndPayments> ReceiptsAndPaymentsOf(
    const Books& books, storage::DayRange range);
absl::StatusOr<v1::IncomeAndExpenditure> IncomeAndExpenditureOf(
    const Books& books, storage::DayRange range);
absl::StatusOr<v1::BalanceSheet> BalanceSheetOf(const Books& books,
                                                storage::DayRange range);
absl::StatusOr<v1::BenefitsByCategory> BenefitsByCategoryOf(
    const Books& books, storage::DayRange range);
absl::StatusOr<v1::ContributionsBySource> ContributionsBySourceOf(
    const Books& books, storage::DayRange range);

// An account's row of a report: its code, names and the amount.
v1::AccountAmount AccountAmountOf(
    const welfare::storage::v1::AccountRecord& account, int64_t amount);

// The contribution source an income account stands for: the source whose
// default account it is, else OTHER_INCOME.
v1::ContributionSource SourceOfIncomeAccount(uint32_t code);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_STATEMENTS_H_
