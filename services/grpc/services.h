// The gRPC services of welfare.ledger.v1: thin adapters that hand each
// request to the domain (services/domain/ledger.h) and finish the call with
// its answer. Writes finish from the journal's committer when durable;
// reads finish at once.
#ifndef WELFARE_SERVICES_GRPC_SERVICES_H_
#define WELFARE_SERVICES_GRPC_SERVICES_H_

#include "services/domain/ledger.h"
#include "services/grpc/admission.h"
#include "welfare/ledger/v1/claims.grpc.pb.h"
#include "welfare/ledger/v1/funds.grpc.pb.h"
#include "welfare/ledger/v1/ledger.grpc.pb.h"
#include "welfare/ledger/v1/members.grpc.pb.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare::grpc_edge {

namespace v1 = welfare::ledger::v1;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;

class FundService final : public v1::FundService::CallbackService {
 public:
  // ledger and admission must outlive the service.
  FundService(domain::Ledger* ledger, Admission* admission)
      : ledger_(ledger), admission_(admission) {}

  ServerUnaryReactor* CreateFund(CallbackServerContext* context,
                                 const v1::CreateFundRequest* request,
                                 v1::Fund* response) override;
  ServerUnaryReactor* GetFund(CallbackServerContext* context,
                              const v1::GetFundRequest* request,
                              v1::Fund* response) override;
  ServerUnaryReactor* ListFunds(CallbackServerContext* context,
                                const v1::ListFundsRequest* request,
                                v1::ListFundsResponse* response) override;
  ServerUnaryReactor* CreateAccount(CallbackServerContext* context,
                                    const v1::CreateAccountRequest* request,
                                    v1::Account* response) override;
  ServerUnaryReactor* ListAccounts(CallbackServerContext* context,
                                   const v1::ListAccountsRequest* request,
                                   v1::ListAccountsResponse* response) override;

 private:
  domain::Ledger* const ledger_;
  Admission* const admission_;
};

class MemberService final : public v1::MemberService::CallbackService {
 public:
  MemberService(domain::Ledger* ledger, Admission* admission)
      : ledger_(ledger), admission_(admission) {}

  ServerUnaryReactor* RegisterMember(CallbackServerContext* context,
                                     const v1::RegisterMemberRequest* request,
                                     v1::Member* response) override;
  ServerUnaryReactor* GetMember(CallbackServerContext* context,
                                const v1::GetMemberRequest* request,
                                v1::Member* response) override;
  ServerUnaryReactor* ListMembers(CallbackServerContext* context,
                                  const v1::ListMembersRequest* request,
                                  v1::ListMembersResponse* response) override;
  ServerUnaryReactor* ChangeMemberStatus(
      CallbackServerContext* context,
      const v1::ChangeMemberStatusRequest* request,
      v1::Member* response) override;
  ServerUnaryReactor* UpdateMemberProfile(
      CallbackServerContext* context,
      const v1::UpdateMemberProfileRequest* request,
      v1::Member* response) override;
  ServerUnaryReactor* EraseMemberProfile(
      CallbackServerContext* context,
      const v1::EraseMemberProfileRequest* request,
      v1::Member* response) override;

 private:
  domain::Ledger* const ledger_;
  Admission* const admission_;
};

class LedgerService final : public v1::LedgerService::CallbackService {
 public:
  LedgerService(domain::Ledger* ledger, Admission* admission)
      : ledger_(ledger), admission_(admission) {}

  ServerUnaryReactor* RecordContribution(
      CallbackServerContext* context,
      const v1::RecordContributionRequest* request,
      v1::Entry* response) override;
  ServerUnaryReactor* RecordDisbursement(
      CallbackServerContext* context,
      const v1::RecordDisbursementRequest* request,
      v1::Entry* response) override;
  ServerUnaryReactor* PostTransaction(CallbackServerContext* context,
                                      const v1::PostTransactionRequest* request,
                                      v1::Entry* response) override;
  ServerUnaryReactor* PostBatch(CallbackServerContext* context,
                                const v1::PostBatchRequest* request,
                                v1::PostBatchResponse* response) override;
  ServerUnaryReactor* RecordCollectionDay(
      CallbackServerContext* context,
      const v1::RecordCollectionDayRequest* request,
      v1::RecordCollectionDayResponse* response) override;
  ServerUnaryReactor* ReverseEntry(CallbackServerContext* context,
                                   const v1::ReverseEntryRequest* request,
                                   v1::Entry* response) override;
  ServerUnaryReactor* GetEntry(CallbackServerContext* context,
                               const v1::GetEntryRequest* request,
                               v1::Entry* response) override;
  ServerUnaryReactor* ListEntries(CallbackServerContext* context,
                                  const v1::ListEntriesRequest* request,
                                  v1::ListEntriesResponse* response) override;
  ServerUnaryReactor* GetBalances(CallbackServerContext* context,
                                  const v1::GetBalancesRequest* request,
                                  v1::GetBalancesResponse* response) override;
  ServerUnaryReactor* GetDocument(CallbackServerContext* context,
                                  const v1::GetDocumentRequest* request,
                                  v1::Document* response) override;
  ServerUnaryReactor* ListDocuments(
      CallbackServerContext* context, const v1::ListDocumentsRequest* request,
      v1::ListDocumentsResponse* response) override;

 private:
  domain::Ledger* const ledger_;
  Admission* const admission_;
};

class RulebookService final : public v1::RulebookService::CallbackService {
 public:
  RulebookService(domain::Ledger* ledger, Admission* admission)
      : ledger_(ledger), admission_(admission) {}

  ServerUnaryReactor* AdoptRulebook(CallbackServerContext* context,
                                    const v1::AdoptRulebookRequest* request,
                                    v1::Rulebook* response) override;
  ServerUnaryReactor* GetRulebook(CallbackServerContext* context,
                                  const v1::GetRulebookRequest* request,
                                  v1::Rulebook* response) override;
  ServerUnaryReactor* ListRulebooks(
      CallbackServerContext* context, const v1::ListRulebooksRequest* request,
      v1::ListRulebooksResponse* response) override;

 private:
  domain::Ledger* const ledger_;
  Admission* const admission_;
};

class ClaimService final : public v1::ClaimService::CallbackService {
 public:
  ClaimService(domain::Ledger* ledger, Admission* admission)
      : ledger_(ledger), admission_(admission) {}

  ServerUnaryReactor* SubmitClaim(CallbackServerContext* context,
                                  const v1::SubmitClaimRequest* request,
                                  v1::Claim* response) override;
  ServerUnaryReactor* CertifyClaim(CallbackServerContext* context,
                                   const v1::ClaimStepRequest* request,
                                   v1::Claim* response) override;
  ServerUnaryReactor* ApproveClaim(CallbackServerContext* context,
                                   const v1::ClaimStepRequest* request,
                                   v1::Claim* response) override;
  ServerUnaryReactor* RejectClaim(CallbackServerContext* context,
                                  const v1::ClaimStepRequest* request,
                                  v1::Claim* response) override;
  ServerUnaryReactor* PayClaim(CallbackServerContext* context,
                               const v1::PayClaimRequest* request,
                               v1::PayClaimResponse* response) override;
  ServerUnaryReactor* GetClaim(CallbackServerContext* context,
                               const v1::GetClaimRequest* request,
                               v1::Claim* response) override;
  ServerUnaryReactor* ListClaims(CallbackServerContext* context,
                                 const v1::ListClaimsRequest* request,
                                 v1::ListClaimsResponse* response) override;

 private:
  domain::Ledger* const ledger_;
  Admission* const admission_;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_SERVICES_H_
