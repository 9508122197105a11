#include "services/grpc/services.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/grpc/reply.h"

namespace welfare::grpc_edge {

// Writes: the domain finishes the call when the entry is durable.
#define WELFARE_WRITE(Service, Method, Request, Response)                  \
  ServerUnaryReactor* Service::Method(CallbackServerContext* context,      \
                                      const v1::Request* request,          \
                                      v1::Response* response) {            \
    ServerUnaryReactor* reactor = context->DefaultReactor();               \
    std::optional<auth::Pass> pass = admission_->Admit(                    \
        context, WELFARE_METHOD(Service, Method), *request, reactor);      \
    if (!pass.has_value()) return reactor;                                 \
    const std::string principal = pass->principal().name();                \
    ledger_->Method(                                                       \
        principal, *request,                                               \
        HoldingPass(*std::move(pass), Reply(context, reactor, response))); \
    return reactor;                                                        \
  }

// Reads: answered at once from a snapshot.
#define WELFARE_READ(Service, Method, Request, Response)               \
  ServerUnaryReactor* Service::Method(CallbackServerContext* context,  \
                                      const v1::Request* request,      \
                                      v1::Response* response) {        \
    ServerUnaryReactor* reactor = context->DefaultReactor();           \
    std::optional<auth::Pass> pass = admission_->Admit(                \
        context, WELFARE_METHOD(Service, Method), *request, reactor);  \
    if (!pass.has_value()) return reactor;                             \
    auto answer = ledger_->Method(*request);                           \
    pass.reset(); /* Given back before the client hears the answer. */ \
    Reply(context, reactor, response)(std::move(answer));              \
    return reactor;                                                    \
  }

WELFARE_WRITE(FundService, CreateFund, CreateFundRequest, Fund)
WELFARE_WRITE(FundService, CreateAccount, CreateAccountRequest, Account)
WELFARE_READ(FundService, GetFund, GetFundRequest, Fund)
WELFARE_READ(FundService, ListAccounts, ListAccountsRequest,
             ListAccountsResponse)

WELFARE_WRITE(MemberService, RegisterMember, RegisterMemberRequest, Member)
WELFARE_WRITE(MemberService, ChangeMemberStatus, ChangeMemberStatusRequest,
              Member)
WELFARE_WRITE(MemberService, UpdateMemberProfile, UpdateMemberProfileRequest,
              Member)
WELFARE_WRITE(MemberService, EraseMemberProfile, EraseMemberProfileRequest,
              Member)
WELFARE_READ(MemberService, GetMember, GetMemberRequest, Member)
WELFARE_READ(MemberService, ListMembers, ListMembersRequest,
             ListMembersResponse)

WELFARE_WRITE(LedgerService, RecordContribution, RecordContributionRequest,
              Entry)
WELFARE_WRITE(LedgerService, RecordDisbursement, RecordDisbursementRequest,
              Entry)
WELFARE_WRITE(LedgerService, PostTransaction, PostTransactionRequest, Entry)
WELFARE_WRITE(LedgerService, PostBatch, PostBatchRequest, PostBatchResponse)
WELFARE_WRITE(LedgerService, RecordCollectionDay, RecordCollectionDayRequest,
              RecordCollectionDayResponse)
WELFARE_WRITE(LedgerService, ReverseEntry, ReverseEntryRequest, Entry)
WELFARE_READ(LedgerService, GetEntry, GetEntryRequest, Entry)
WELFARE_READ(LedgerService, ListEntries, ListEntriesRequest,
             ListEntriesResponse)
WELFARE_READ(LedgerService, GetBalances, GetBalancesRequest,
             GetBalancesResponse)
WELFARE_READ(LedgerService, GetDocument, GetDocumentRequest, Document)
WELFARE_READ(LedgerService, ListDocuments, ListDocumentsRequest,
             ListDocumentsResponse)

// Lists only the funds of the caller's grant: the others' existence stays
// unknown to it.
ServerUnaryReactor* FundService::ListFunds(CallbackServerContext* context,
                                           const v1::ListFundsRequest* request,
                                           v1::ListFundsResponse* response) {
  ServerUnaryReactor* reactor = context->DefaultReactor();
  std::optional<auth::Pass> pass = admission_->Admit(
      context, WELFARE_METHOD(FundService, ListFunds), *request, reactor);
  if (!pass.has_value()) return reactor;
  const auth::Principal& principal = pass->principal();
  std::vector<std::string> granted(principal.fund_ids.begin(),
                                   principal.fund_ids.end());
  std::sort(granted.begin(), granted.end());
  auto answer =
      ledger_->ListFunds(*request, principal.all_funds ? nullptr : &granted);
  pass.reset();  // Given back before the client hears the answer.
  Reply(context, reactor, response)(std::move(answer));
  return reactor;
}

WELFARE_WRITE(RulebookService, AdoptRulebook, AdoptRulebookRequest, Rulebook)
WELFARE_READ(RulebookService, GetRulebook, GetRulebookRequest, Rulebook)
WELFARE_READ(RulebookService, ListRulebooks, ListRulebooksRequest,
             ListRulebooksResponse)

WELFARE_WRITE(ClaimService, SubmitClaim, SubmitClaimRequest, Claim)
WELFARE_WRITE(ClaimService, CertifyClaim, ClaimStepRequest, Claim)
WELFARE_WRITE(ClaimService, ApproveClaim, ClaimStepRequest, Claim)
WELFARE_WRITE(ClaimService, RejectClaim, ClaimStepRequest, Claim)
WELFARE_WRITE(ClaimService, PayClaim, PayClaimRequest, PayClaimResponse)
WELFARE_READ(ClaimService, GetClaim, GetClaimRequest, Claim)
WELFARE_READ(ClaimService, ListClaims, ListClaimsRequest, ListClaimsResponse)

#undef WELFARE_WRITE
#undef WELFARE_READ

}  // namespace welfare::grpc_edge
