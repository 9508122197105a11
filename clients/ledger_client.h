// LedgerClient: the C++ client library of welfare-ledger.
//
// Every call has a deadline. Every write gets a request_id (a random
// 128-bit id) unless the caller set one, and is retried with that same id
// when the outcome is unknown or the server asks to retry (UNAVAILABLE,
// DEADLINE_EXCEEDED, ABORTED, RESOURCE_EXHAUSTED): the server answers a
// repeated request_id with the first result, so a retry never posts twice.
// Reads are retried on UNAVAILABLE only. Results are absl::StatusOr; a
// failed call's server reason is ErrorReason(status) (clients/status.h).
//
// Thread-safe: one client may serve many threads.
#ifndef WELFARE_CLIENTS_LEDGER_CLIENT_H_
#define WELFARE_CLIENTS_LEDGER_CLIENT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "clients/connection.h"
#include "grpcpp/grpcpp.h"
#include "welfare/ledger/v1/claims.grpc.pb.h"
#include "welfare/ledger/v1/funds.grpc.pb.h"
#include "welfare/ledger/v1/ledger.grpc.pb.h"
#include "welfare/ledger/v1/members.grpc.pb.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare::client {

namespace v1 = welfare::ledger::v1;

struct ClientOptions {
  // host:port of welfared.
  std::string target = "127.0.0.1:7543";
  // The CA to trust (TLS) and the bearer token of every call
  // (connection.h); unused when `channel` is given.
  Credentials credentials;
  // Deadline of each attempt.
  int64_t deadline_ms = 10000;
  // Attempts per call, including the first (1 = no retries).
  int attempts_max = 4;
  // Backoff between attempts: doubles from initial to max, with jitter.
  int64_t backoff_initial_ms = 50;
  int64_t backoff_max_ms = 2000;
  // Use this channel instead of creating one for target.
  std::shared_ptr<grpc::Channel> channel;
};

class LedgerClient {
 public:
  // Creates the channel (OpenChannel, connection.h) unless options.channel
  // is given; does not wait for the server. INVALID_ARGUMENT for bad
  // options; OpenChannel's errors for an unusable CA file or token.
  static absl::StatusOr<std::unique_ptr<LedgerClient>> Connect(
      const ClientOptions& options);

  // A new random request id (32 hex digits).
  static std::string NewRequestId();

  // Writes; a request without request_id gets a fresh one.
  absl::StatusOr<v1::Fund> CreateFund(v1::CreateFundRequest request);
  absl::StatusOr<v1::Account> CreateAccount(v1::CreateAccountRequest request);
  absl::StatusOr<v1::Member> RegisterMember(v1::RegisterMemberRequest request);
  absl::StatusOr<v1::Member> ChangeMemberStatus(
      v1::ChangeMemberStatusRequest request);
  absl::StatusOr<v1::Member> UpdateMemberProfile(
      v1::UpdateMemberProfileRequest request);
  absl::StatusOr<v1::Member> EraseMemberProfile(
      v1::EraseMemberProfileRequest request);
  absl::StatusOr<v1::Entry> RecordContribution(
      v1::RecordContributionRequest request);
  absl::StatusOr<v1::Entry> RecordDisbursement(
      v1::RecordDisbursementRequest request);
  absl::StatusOr<v1::Entry> PostTransaction(v1::PostTransactionRequest request);
  absl::StatusOr<v1::PostBatchResponse> PostBatch(v1::PostBatchRequest request);
  absl::StatusOr<v1::RecordCollectionDayResponse> RecordCollectionDay(
      v1::RecordCollectionDayRequest request);
  absl::StatusOr<v1::Entry> ReverseEntry(v1::ReverseEntryRequest request);
  absl::StatusOr<v1::Rulebook> AdoptRulebook(v1::AdoptRulebookRequest request);
  absl::StatusOr<v1::Claim> SubmitClaim(v1::SubmitClaimRequest request);
  absl::StatusOr<v1::Claim> CertifyClaim(v1::ClaimStepRequest request);
  absl::StatusOr<v1::Claim> ApproveClaim(v1::ClaimStepRequest request);
  absl::StatusOr<v1::Claim> RejectClaim(v1::ClaimStepRequest request);
  absl::StatusOr<v1::PayClaimResponse> PayClaim(v1::PayClaimRequest request);

  // Reads.
  absl::StatusOr<v1::Fund> GetFund(const v1::GetFundRequest& request);
  absl::StatusOr<v1::ListFundsResponse> ListFunds(
      const v1::ListFundsRequest& request);
  absl::StatusOr<v1::ListAccountsResponse> ListAccounts(
      const v1::ListAccountsRequest& request);
  absl::StatusOr<v1::Member> GetMember(const v1::GetMemberRequest& request);
  absl::StatusOr<v1::ListMembersResponse> ListMembers(
      const v1::ListMembersRequest& request);
  absl::StatusOr<v1::Entry> GetEntry(const v1::GetEntryRequest& request);
  absl::StatusOr<v1::ListEntriesResponse> ListEntries(
      const v1::ListEntriesRequest& request);
  absl::StatusOr<v1::GetBalancesResponse> GetBalances(
      const v1::GetBalancesRequest& request);
  absl::StatusOr<v1::Document> GetDocument(
      const v1::GetDocumentRequest& request);
  absl::StatusOr<v1::ListDocumentsResponse> ListDocuments(
      const v1::ListDocumentsRequest& request);
  absl::StatusOr<v1::Rulebook> GetRulebook(
      const v1::GetRulebookRequest& request);
  absl::StatusOr<v1::ListRulebooksResponse> ListRulebooks(
      const v1::ListRulebooksRequest& request);
  absl::StatusOr<v1::Claim> GetClaim(const v1::GetClaimRequest& request);
  absl::StatusOr<v1::ListClaimsResponse> ListClaims(
      const v1::ListClaimsRequest& request);

  // OK if the server answers its health check as SERVING.
  absl::Status CheckHealth();

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }

 private:
  LedgerClient(const ClientOptions& options,
               std::shared_ptr<grpc::Channel> channel);

  enum class Retry { kWrite, kRead };
  // Runs attempt(context) with deadlines and retries.
  absl::Status Call(
      Retry retry,
      const std::function<grpc::Status(grpc::ClientContext*)>& attempt);

  const ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::FundService::Stub> funds_;
  std::unique_ptr<v1::MemberService::Stub> members_;
  std::unique_ptr<v1::LedgerService::Stub> ledger_;
  std::unique_ptr<v1::RulebookService::Stub> rulebooks_;
  std::unique_ptr<v1::ClaimService::Stub> claims_;
};

}  // namespace welfare::client

#endif  // WELFARE_CLIENTS_LEDGER_CLIENT_H_
