#include "clients/report/report_client.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "clients/status.h"

namespace welfare::report {

ReportClient::ReportClient(std::shared_ptr<grpc::ChannelInterface> channel,
                           ReportClientOptions options)
    : options_(options) {
  if (channel == nullptr || options_.deadline_ms <= 0) {
    std::cerr << "ReportClient: a channel and a positive deadline_ms are "
                 "required\n";
    std::abort();
  }
  reports_ = v1::ReportService::NewStub(channel);
  partners_ = v1::PartnerService::NewStub(channel);
}

template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> ReportClient::Call(
    Stub& stub,
    grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                 Response*),
    const Request& request) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(options_.deadline_ms));
  Response response;
  const grpc::Status status = (stub.*method)(&context, request, &response);
  if (!status.ok()) return client::FromGrpcStatus(status, context);
  return response;
}

absl::StatusOr<v1::TrialBalance> ReportClient::GetTrialBalance(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetTrialBalance, request);
}

absl::StatusOr<v1::ReceiptsAndPayments> ReportClient::GetReceiptsAndPayments(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetReceiptsAndPayments,
              request);
}

absl::StatusOr<v1::IncomeAndExpenditure> ReportClient::GetIncomeAndExpenditure(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetIncomeAndExpenditure,
              request);
}

absl::StatusOr<v1::BalanceSheet> ReportClient::GetBalanceSheet(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetBalanceSheet, request);
}

absl::StatusOr<v1::DuesArrears> ReportClient::GetDuesArrears(
    const v1::GetDuesArrearsRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetDuesArrears, request);
}

absl::StatusOr<v1::MatchEligibility> ReportClient::GetMatchEligibility(
    const v1::GetMatchEligibilityRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetMatchEligibility,
              request);
}

absl::StatusOr<v1::Passbook> ReportClient::GetPassbook(
    const v1::GetPassbookRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetPassbook, request);
}

absl::StatusOr<v1::BenefitsByCategory> ReportClient::GetBenefitsByCategory(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetBenefitsByCategory,
              request);
}

absl::StatusOr<v1::ContributionsBySource>
ReportClient::GetContributionsBySource(const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetContributionsBySource,
              request);
}

absl::StatusOr<v1::FundStatusForm> ReportClient::GetFundStatusForm(
    const v1::ReportRequest& request) {
  return Call(*reports_, &v1::ReportService::Stub::GetFundStatusForm, request);
}

absl::StatusOr<v1::FundStatus> ReportClient::GetFundStatus(
    const v1::GetFundStatusRequest& request) {
  return Call(*partners_, &v1::PartnerService::Stub::GetFundStatus, request);
}

absl::StatusOr<v1::AreaStatus> ReportClient::GetAreaStatus(
    const v1::GetAreaStatusRequest& request) {
  return Call(*partners_, &v1::PartnerService::Stub::GetAreaStatus, request);
}

}  // namespace welfare::report
