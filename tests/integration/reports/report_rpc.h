// Calls of ReportService and PartnerService for tests, with errors as
// absl::Status (the client library's conversion), and the whole of a fund
// as the API lists it.
#ifndef WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_RPC_H_
#define WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_RPC_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "clients/ledger_client.h"
#include "grpcpp/grpcpp.h"
#include "tests/integration/reports/report_model.h"
#include "tests/testing/rpc_call.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"

namespace welfare::testing {

class ReportRpc {
 public:
  // channel: with credentials (TestServer::NewChannel).
  explicit ReportRpc(std::shared_ptr<grpc::Channel> channel)
      : channel_(std::move(channel)),
        reports_(welfare::ledger::v1::ReportService::NewStub(channel_)),
        partner_(welfare::ledger::v1::PartnerService::NewStub(channel_)) {}

  // e.g. rpc.Call(&ReportService::Stub::GetTrialBalance, request).
  template <typename Stub, typename Request, typename Response>
  absl::StatusOr<Response> Call(
      grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                   Response*),
      const Request& request) {
    return CallRpc(StubFor<Stub>(), method, request);
  }

 private:
  template <typename Stub>
  Stub* StubFor();

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<welfare::ledger::v1::ReportService::Stub> reports_;
  std::unique_ptr<welfare::ledger::v1::PartnerService::Stub> partner_;
};

template <>
inline welfare::ledger::v1::ReportService::Stub*
ReportRpc::StubFor<welfare::ledger::v1::ReportService::Stub>() {
  return reports_.get();
}
template <>
inline welfare::ledger::v1::PartnerService::Stub*
ReportRpc::StubFor<welfare::ledger::v1::PartnerService::Stub>() {
  return partner_.get();
}

// Every entry, account and member of the fund, read through the API.
ReportModel ReadFund(client::LedgerClient& client, const std::string& fund_id);

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_INTEGRATION_REPORTS_REPORT_RPC_H_
