// The gRPC services of reports and partner aggregates: thin adapters over
// services/domain/reports.h and partner.h, answered at once from a
// snapshot.
#ifndef WELFARE_SERVICES_GRPC_REPORT_SERVICES_H_
#define WELFARE_SERVICES_GRPC_REPORT_SERVICES_H_

#include "services/domain/partner.h"
#include "services/domain/reports.h"
#include "services/grpc/admission.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"

namespace welfare::grpc_edge {

namespace v1 = welfare::ledger::v1;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;

class ReportService final : public v1::ReportService::CallbackService {
 public:
  // ledger and admission must outlive the service.
  ReportService(const domain::Ledger* ledger, Admission* admission)
      : reports_(ledger), admission_(admission) {}

#define WELFARE_DECLARE(Method, Request, Response)           \
  ServerUnaryReactor* Method(CallbackServerContext* context, \
                             const v1::Request* request,     \
                             v1::Response* response) override;
  WELFARE_DECLARE(GetTrialBalance, ReportRequest, TrialBalance)
  WELFARE_DECLARE(GetReceiptsAndPayments, ReportRequest, ReceiptsAndPayments)
  WELFARE_DECLARE(GetIncomeAndExpenditure, ReportRequest, IncomeAndExpenditure)
  WELFARE_DECLARE(GetBalanceSheet, ReportRequest, BalanceSheet)
  WELFARE_DECLARE(GetPassbook, GetPassbookRequest, Passbook)
  WELFARE_DECLARE(GetBenefitsByCategory, ReportRequest, BenefitsByCategory)
  WELFARE_DECLARE(GetContributionsBySource, ReportRequest,
                  ContributionsBySource)
  WELFARE_DECLARE(GetFundStatusForm, ReportRequest, FundStatusForm)
  WELFARE_DECLARE(GetDuesArrears, GetDuesArrearsRequest, DuesArrears)
  WELFARE_DECLARE(GetMatchEligibility, GetMatchEligibilityRequest,
                  MatchEligibility)

 private:
  const domain::Reports reports_;
  Admission* const admission_;
};

class PartnerService final : public v1::PartnerService::CallbackService {
 public:
  PartnerService(const domain::Ledger* ledger, Admission* admission)
      : partner_(ledger), admission_(admission) {}

  WELFARE_DECLARE(GetFundStatus, GetFundStatusRequest, FundStatus)
  WELFARE_DECLARE(GetAreaStatus, GetAreaStatusRequest, AreaStatus)
#undef WELFARE_DECLARE

 private:
  const domain::Partner partner_;
  Admission* const admission_;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_REPORT_SERVICES_H_
