#include "services/grpc/report_services.h"

#include <optional>

#include "services/grpc/reply.h"

namespace welfare::grpc_edge {

// Answered at once from a snapshot.
#define WELFARE_REPORT(Service, field, Method, Request, Response)      \
  ServerUnaryReactor* Service::Method(CallbackServerContext* context,  \
                                      const v1::Request* request,      \
                                      v1::Response* response) {        \
    ServerUnaryReactor* reactor = context->DefaultReactor();           \
    std::optional<auth::Pass> pass = admission_->Admit(                \
        context, WELFARE_METHOD(Service, Method), *request, reactor);  \
    if (!pass.has_value()) return reactor;                             \
    auto answer = field.Method(*request);                              \
    pass.reset(); /* Given back before the client hears the answer. */ \
    Reply(context, reactor, response)(std::move(answer));              \
    return reactor;                                                    \
  }

WELFARE_REPORT(ReportService, reports_, GetTrialBalance, ReportRequest,
               TrialBalance)
WELFARE_REPORT(ReportService, reports_, GetReceiptsAndPayments, ReportRequest,
               ReceiptsAndPayments)
WELFARE_REPORT(ReportService, reports_, GetIncomeAndExpenditure, ReportRequest,
               IncomeAndExpenditure)
WELFARE_REPORT(ReportService, reports_, GetBalanceSheet, ReportRequest,
               BalanceSheet)
WELFARE_REPORT(ReportService, reports_, GetPassbook, GetPassbookRequest,
               Passbook)
WELFARE_REPORT(ReportService, reports_, GetBenefitsByCategory, ReportRequest,
               BenefitsByCategory)
WELFARE_REPORT(ReportService, reports_, GetContributionsBySource, ReportRequest,
               ContributionsBySource)
WELFARE_REPORT(ReportService, reports_, GetFundStatusForm, ReportRequest,
               FundStatusForm)
WELFARE_REPORT(ReportService, reports_, GetDuesArrears, GetDuesArrearsRequest,
               DuesArrears)
WELFARE_REPORT(ReportService, reports_, GetMatchEligibility,
               GetMatchEligibilityRequest, MatchEligibility)
WELFARE_REPORT(PartnerService, partner_, GetFundStatus, GetFundStatusRequest,
               FundStatus)
WELFARE_REPORT(PartnerService, partner_, GetAreaStatus, GetAreaStatusRequest,
               AreaStatus)

#undef WELFARE_REPORT

}  // namespace welfare::grpc_edge
