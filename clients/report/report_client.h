// ReportClient: the reporting client library of welfare-ledger. It fetches
// the books a committee reads (ReportService) and the aggregates partner
// agencies ask for (PartnerService), as typed messages.
//
// Every call is one attempt with a deadline (ReportClientOptions); a failed
// call returns the server's status, converted by clients/status.h, so its
// reason is client::ErrorReason(status). UNAVAILABLE and DEADLINE_EXCEEDED
// mean the server could not be reached in time; reports are reads, so the
// caller may simply call again. Nothing is cached.
//
// Thread-safe: one client may serve many threads.
#ifndef WELFARE_CLIENTS_REPORT_REPORT_CLIENT_H_
#define WELFARE_CLIENTS_REPORT_REPORT_CLIENT_H_

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"

namespace welfare::report {

namespace v1 = welfare::ledger::v1;

struct ReportClientOptions {
  // Deadline of each call; must be positive.
  int64_t deadline_ms = 10000;
};

class ReportClient {
 public:
  // `channel` must not be null and options.deadline_ms must be positive
  // (programmer errors: abort). Does not wait for the server.
  explicit ReportClient(std::shared_ptr<grpc::ChannelInterface> channel,
                        ReportClientOptions options = {});

  // ReportService.
  absl::StatusOr<v1::TrialBalance> GetTrialBalance(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::ReceiptsAndPayments> GetReceiptsAndPayments(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::IncomeAndExpenditure> GetIncomeAndExpenditure(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::BalanceSheet> GetBalanceSheet(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::Passbook> GetPassbook(
      const v1::GetPassbookRequest& request);
  absl::StatusOr<v1::DuesArrears> GetDuesArrears(
      const v1::GetDuesArrearsRequest& request);
  absl::StatusOr<v1::MatchEligibility> GetMatchEligibility(
      const v1::GetMatchEligibilityRequest& request);
  absl::StatusOr<v1::BenefitsByCategory> GetBenefitsByCategory(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::ContributionsBySource> GetContributionsBySource(
      const v1::ReportRequest& request);
  absl::StatusOr<v1::FundStatusForm> GetFundStatusForm(
      const v1::ReportRequest& request);

  // PartnerService.
  absl::StatusOr<v1::FundStatus> GetFundStatus(
      const v1::GetFundStatusRequest& request);
  absl::StatusOr<v1::AreaStatus> GetAreaStatus(
      const v1::GetAreaStatusRequest& request);

  int64_t deadline_ms() const { return options_.deadline_ms; }

 private:
  // Runs one call of `stub` with a fresh context and the deadline.
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(
      Stub& stub,
      grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                   Response*),
      const Request& request);

  const ReportClientOptions options_;
  std::unique_ptr<v1::ReportService::Stub> reports_;
  std::unique_ptr<v1::PartnerService::Stub> partners_;
};

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_REPORT_CLIENT_H_
