#include "clients/ledger_client.h"

#include <openssl/rand.h>

#include <chrono>
#include <random>
#include <thread>
#include <utility>

#include "absl/strings/escaping.h"
#include "clients/status.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace welfare::client {
namespace {

bool Retryable(absl::StatusCode code, bool write) {
  switch (code) {
    case absl::StatusCode::kUnavailable:
      return true;
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kResourceExhausted:
      return write;  // Safe: the request_id makes a repeat harmless.
    default:
      return false;
  }
}

template <typename Request>
void EnsureRequestId(Request& request) {
  if (request.request_id().empty()) {
    request.set_request_id(LedgerClient::NewRequestId());
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<LedgerClient>> LedgerClient::Connect(
    const ClientOptions& options) {
  if (options.channel == nullptr && options.target.empty()) {
    return absl::InvalidArgumentError("no server address given");
  }
  if (options.deadline_ms <= 0 || options.attempts_max < 1) {
    return absl::InvalidArgumentError(
        "deadline_ms must be positive and attempts_max at least 1");
  }
  std::shared_ptr<grpc::Channel> channel = options.channel;
  if (channel == nullptr) {
    absl::StatusOr<std::shared_ptr<grpc::Channel>> opened =
        OpenChannel(options.target, options.credentials);
    if (!opened.ok()) return opened.status();
    channel = std::move(*opened);
  }
  return std::unique_ptr<LedgerClient>(
      new LedgerClient(options, std::move(channel)));
}

LedgerClient::LedgerClient(const ClientOptions& options,
                           std::shared_ptr<grpc::Channel> channel)
    : options_(options),
      channel_(std::move(channel)),
      funds_(v1::FundService::NewStub(channel_)),
      members_(v1::MemberService::NewStub(channel_)),
      ledger_(v1::LedgerService::NewStub(channel_)),
      rulebooks_(v1::RulebookService::NewStub(channel_)),
      claims_(v1::ClaimService::NewStub(channel_)) {}

std::string LedgerClient::NewRequestId() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) {
    std::random_device device;
    for (auto& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
}

absl::Status LedgerClient::Call(
    Retry retry,
    const std::function<grpc::Status(grpc::ClientContext*)>& attempt) {
  thread_local std::minstd_rand jitter(std::random_device{}());
  int64_t backoff_ms = options_.backoff_initial_ms;
  absl::Status status;
  for (int i = 0; i < options_.attempts_max; ++i) {
    if (i > 0) {
      const int64_t sleep_ms = backoff_ms / 2 + jitter() % (backoff_ms / 2 + 1);
      std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
      backoff_ms = std::min(backoff_ms * 2, options_.backoff_max_ms);
    }
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::milliseconds(options_.deadline_ms));
    status = FromGrpcStatus(attempt(&context), context);
    if (status.ok() || !Retryable(status.code(), retry == Retry::kWrite)) break;
  }
  return status;
}

#define WELFARE_CLIENT_WRITE(Stub, Method, Request, Response)              \
  absl::StatusOr<v1::Response> LedgerClient::Method(v1::Request request) { \
    EnsureRequestId(request);                                              \
    v1::Response response;                                                 \
    absl::Status status =                                                  \
        Call(Retry::kWrite, [&](grpc::ClientContext* context) {            \
          return Stub->Method(context, request, &response);                \
        });                                                                \
    if (!status.ok()) return status;                                       \
    return response;                                                       \
  }

#define WELFARE_CLIENT_READ(Stub, Method, Request, Response)   \
  absl::StatusOr<v1::Response> LedgerClient::Method(           \
      const v1::Request& request) {                            \
    v1::Response response;                                     \
    absl::Status status =                                      \
        Call(Retry::kRead, [&](grpc::ClientContext* context) { \
          return Stub->Method(context, request, &response);    \
        });                                                    \
    if (!status.ok()) return status;                           \
    return response;                                           \
  }

WELFARE_CLIENT_WRITE(funds_, CreateFund, CreateFundRequest, Fund)
WELFARE_CLIENT_WRITE(funds_, CreateAccount, CreateAccountRequest, Account)
WELFARE_CLIENT_WRITE(members_, RegisterMember, RegisterMemberRequest, Member)
WELFARE_CLIENT_WRITE(members_, ChangeMemberStatus, ChangeMemberStatusRequest,
                     Member)
WELFARE_CLIENT_WRITE(members_, UpdateMemberProfile, UpdateMemberProfileRequest,
                     Member)
WELFARE_CLIENT_WRITE(members_, EraseMemberProfile, EraseMemberProfileRequest,
                     Member)
WELFARE_CLIENT_WRITE(ledger_, RecordContribution, RecordContributionRequest,
                     Entry)
WELFARE_CLIENT_WRITE(ledger_, RecordDisbursement, RecordDisbursementRequest,
                     Entry)
WELFARE_CLIENT_WRITE(ledger_, PostTransaction, PostTransactionRequest, Entry)
WELFARE_CLIENT_WRITE(ledger_, PostBatch, PostBatchRequest, PostBatchResponse)
WELFARE_CLIENT_WRITE(ledger_, RecordCollectionDay, RecordCollectionDayRequest,
                     RecordCollectionDayResponse)
WELFARE_CLIENT_WRITE(ledger_, ReverseEntry, ReverseEntryRequest, Entry)
WELFARE_CLIENT_WRITE(rulebooks_, AdoptRulebook, AdoptRulebookRequest, Rulebook)
WELFARE_CLIENT_WRITE(claims_, SubmitClaim, SubmitClaimRequest, Claim)
WELFARE_CLIENT_WRITE(claims_, CertifyClaim, ClaimStepRequest, Claim)
WELFARE_CLIENT_WRITE(claims_, ApproveClaim, ClaimStepRequest, Claim)
WELFARE_CLIENT_WRITE(claims_, RejectClaim, ClaimStepRequest, Claim)
WELFARE_CLIENT_WRITE(claims_, PayClaim, PayClaimRequest, PayClaimResponse)

WELFARE_CLIENT_READ(funds_, GetFund, GetFundRequest, Fund)
WELFARE_CLIENT_READ(funds_, ListFunds, ListFundsRequest, ListFundsResponse)
WELFARE_CLIENT_READ(funds_, ListAccounts, ListAccountsRequest,
                    ListAccountsResponse)
WELFARE_CLIENT_READ(members_, GetMember, GetMemberRequest, Member)
WELFARE_CLIENT_READ(members_, ListMembers, ListMembersRequest,
                    ListMembersResponse)
WELFARE_CLIENT_READ(ledger_, GetEntry, GetEntryRequest, Entry)
WELFARE_CLIENT_READ(ledger_, ListEntries, ListEntriesRequest,
                    ListEntriesResponse)
WELFARE_CLIENT_READ(ledger_, GetBalances, GetBalancesRequest,
                    GetBalancesResponse)
WELFARE_CLIENT_READ(ledger_, GetDocument, GetDocumentRequest, Document)
WELFARE_CLIENT_READ(ledger_, ListDocuments, ListDocumentsRequest,
                    ListDocumentsResponse)
WELFARE_CLIENT_READ(rulebooks_, GetRulebook, GetRulebookRequest, Rulebook)
WELFARE_CLIENT_READ(rulebooks_, ListRulebooks, ListRulebooksRequest,
                    ListRulebooksResponse)
WELFARE_CLIENT_READ(claims_, GetClaim, GetClaimRequest, Claim)
WELFARE_CLIENT_READ(claims_, ListClaims, ListClaimsRequest, ListClaimsResponse)

#undef WELFARE_CLIENT_WRITE
#undef WELFARE_CLIENT_READ

absl::Status LedgerClient::CheckHealth() {
  auto stub = grpc::health::v1::Health::NewStub(channel_);
  grpc::health::v1::HealthCheckResponse response;
  absl::Status status = Call(Retry::kRead, [&](grpc::ClientContext* context) {
    return stub->Check(context, grpc::health::v1::HealthCheckRequest(),
                       &response);
  });
  if (!status.ok()) return status;
  if (response.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
    return absl::UnavailableError("the server is not serving");
  }
  return absl::OkStatus();
}

}  // namespace welfare::client
