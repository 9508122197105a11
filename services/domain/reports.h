// Reports: the books a committee reads (welfare.ledger.v1.ReportService),
// computed from one snapshot of one fund's totals (books.h) without
// scanning its journal. Thread-safe; reads never wait for writes.
#ifndef WELFARE_SERVICES_DOMAIN_REPORTS_H_
#define WELFARE_SERVICES_DOMAIN_REPORTS_H_

#include "absl/status/statusor.h"
#include "services/domain/ledger.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::domain {

class Reports {
 public:
  // ledger must outlive the reports.
  explicit Reports(const Ledger* ledger) : ledger_(ledger) {}

  absl::StatusOr<v1::TrialBalance> GetTrialBalance(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::ReceiptsAndPayments> GetReceiptsAndPayments(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::IncomeAndExpenditure> GetIncomeAndExpenditure(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::BalanceSheet> GetBalanceSheet(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::Passbook> GetPassbook(
      const v1::GetPassbookRequest& request) const;
  absl::StatusOr<v1::BenefitsByCategory> GetBenefitsByCategory(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::ContributionsBySource> GetContributionsBySource(
      const v1::ReportRequest& request) const;
  absl::StatusOr<v1::FundStatusForm> GetFundStatusForm(
      const v1::ReportRequest& request) const;
  // member_reports.cc
  absl::StatusOr<v1::DuesArrears> GetDuesArrears(
      const v1::GetDuesArrearsRequest& request) const;
  absl::StatusOr<v1::MatchEligibility> GetMatchEligibility(
      const v1::GetMatchEligibilityRequest& request) const;

 private:
  const Ledger* const ledger_;
};

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_REPORTS_H_
