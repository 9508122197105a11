#include "services/grpc/services.h"

#include "services/grpc/reply.h"

namespace welfare::grpc_edge {

// Writes: the domain finishes the call when the entry is durable.
#define WELFARE_WRITE(Service, Method, Request, Response)             \
  ServerUnaryReactor* Service::Method(CallbackServerContext* context, \
                                      const v1::Request* request,     \
                                      v1::Response* response) {       \
    ServerUnaryReactor* reactor = context->DefaultReactor();          \
    ledger_->Method(PrincipalOf(context), *request,                   \
                    Reply(context, reactor, response));               \
    return reactor;                                                   \
  }

// Reads: answered at once from a snapshot.
#define WELFARE_READ(Service, Method, Request, Response)              \
  ServerUnaryReactor* Service::Method(CallbackServerContext* context, \
                                      const v1::Request* request,     \
                                      v1::Response* response) {       \
    ServerUnaryReactor* reactor = context->DefaultReactor();          \
    Reply(context, reactor, response)(ledger_->Method(*request));     \
    return reactor;                                                   \
  }

WELFARE_WRITE(FundService, CreateFund, CreateFundRequest, Fund)
WELFARE_WRITE(FundService, CreateAccount, CreateAccountRequest, Account)
WELFARE_READ(FundService, GetFund, GetFundRequest, Fund)
WELFARE_READ(FundService, ListFunds, ListFundsRequest, ListFundsResponse)
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
WELFARE_WRITE(LedgerService, ReverseEntry, ReverseEntryRequest, Entry)
WELFARE_READ(LedgerService, GetEntry, GetEntryRequest, Entry)
WELFARE_READ(LedgerService, ListEntries, ListEntriesRequest,
             ListEntriesResponse)
WELFARE_READ(LedgerService, GetBalances, GetBalancesRequest,
             GetBalancesResponse)

#undef WELFARE_WRITE
#undef WELFARE_READ

}  // namespace welfare::grpc_edge
