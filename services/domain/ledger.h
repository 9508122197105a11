// Ledger: the welfare fund domain over the journal engine. Funds, accounts,
// members and money, with every business rule; no gRPC in here.
//
// Writes are asynchronous: each validates what it can from the request
// alone on the caller's thread, then hands the journal an apply function
// that checks the request against the fund's state on the committer thread;
// done runs exactly once, after the result is durable, or with the error.
// A rejected write has written nothing. Reads are synchronous, from one
// consistent snapshot, and never wait for a write.
//
// Every error is an absl::Status whose code follows gRPC's meaning and whose
// reason payload (storage/errors.h) names a welfare.ledger.v1.ErrorReason.
// Thread-safe.
#ifndef WELFARE_SERVICES_DOMAIN_LEDGER_H_
#define WELFARE_SERVICES_DOMAIN_LEDGER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/domain/page_token.h"
#include "storage/journal.h"
#include "welfare/ledger/v1/claims.pb.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"
#include "welfare/ledger/v1/rules.pb.h"

namespace welfare::domain {

namespace v1 = welfare::ledger::v1;

template <typename T>
using Done = std::function<void(absl::StatusOr<T>)>;

struct MoneyItem;  // money_items.h

struct LedgerOptions {
  storage::JournalOptions journal;
  // Secret key of the keyed hash of national IDs (at least 16 bytes).
  std::string national_id_pepper;
  // The pepper was made just now, its file having been missing
  // (pepper_check.h).
  bool national_id_pepper_is_new = false;
};

class Ledger {
 public:
  // Errors: those of Journal::Open; INVALID_ARGUMENT for a short pepper;
  // FAILED_PRECONDITION for a pepper that is not the database's
  // (CheckNationalIdPepper).
  static absl::StatusOr<std::unique_ptr<Ledger>> Open(LedgerOptions options);
  // Finishes every queued write.
  ~Ledger();

  // ---- Writes. `principal` is recorded in every entry written. ----
  void CreateFund(const std::string& principal,
                  const v1::CreateFundRequest& request, Done<v1::Fund> done);
  void CreateAccount(const std::string& principal,
                     const v1::CreateAccountRequest& request,
                     Done<v1::Account> done);
  void RegisterMember(const std::string& principal,
                      const v1::RegisterMemberRequest& request,
                      Done<v1::Member> done);
  void ChangeMemberStatus(const std::string& principal,
                          const v1::ChangeMemberStatusRequest& request,
                          Done<v1::Member> done);
  void UpdateMemberProfile(const std::string& principal,
                           const v1::UpdateMemberProfileRequest& request,
                           Done<v1::Member> done);
  void EraseMemberProfile(const std::string& principal,
                          const v1::EraseMemberProfileRequest& request,
                          Done<v1::Member> done);
  void RecordContribution(const std::string& principal,
                          const v1::RecordContributionRequest& request,
                          Done<v1::Entry> done);
  void RecordDisbursement(const std::string& principal,
                          const v1::RecordDisbursementRequest& request,
                          Done<v1::Entry> done);
  void PostTransaction(const std::string& principal,
                       const v1::PostTransactionRequest& request,
                       Done<v1::Entry> done);
  void PostBatch(const std::string& principal,
                 const v1::PostBatchRequest& request,
                 Done<v1::PostBatchResponse> done);
  // collection_day.cc
  void RecordCollectionDay(const std::string& principal,
                           const v1::RecordCollectionDayRequest& request,
                           Done<v1::RecordCollectionDayResponse> done);
  void ReverseEntry(const std::string& principal,
                    const v1::ReverseEntryRequest& request,
                    Done<v1::Entry> done);
  // Rulebooks (rulebooks.cc) and claims (claim_writes.cc).
  void AdoptRulebook(const std::string& principal,
                     const v1::AdoptRulebookRequest& request,
                     Done<v1::Rulebook> done);
  void SubmitClaim(const std::string& principal,
                   const v1::SubmitClaimRequest& request, Done<v1::Claim> done);
  void CertifyClaim(const std::string& principal,
                    const v1::ClaimStepRequest& request, Done<v1::Claim> done) {
    TakeClaimStep(principal, request, v1::CLAIM_STATE_CERTIFIED,
                  std::move(done));
  }
  void ApproveClaim(const std::string& principal,
                    const v1::ClaimStepRequest& request, Done<v1::Claim> done) {
    TakeClaimStep(principal, request, v1::CLAIM_STATE_APPROVED,
                  std::move(done));
  }
  void RejectClaim(const std::string& principal,
                   const v1::ClaimStepRequest& request, Done<v1::Claim> done) {
    TakeClaimStep(principal, request, v1::CLAIM_STATE_REJECTED,
                  std::move(done));
  }
  void PayClaim(const std::string& principal,
                const v1::PayClaimRequest& request,
                Done<v1::PayClaimResponse> done);

  // ---- Reads. ----
  absl::StatusOr<v1::Fund> GetFund(const v1::GetFundRequest& request) const;
  // With only (fund ids, sorted), lists only those of them that exist:
  // what a principal with a grant of named funds may see. Its pages then
  // step through `only`, so no page or page token depends on other funds.
  absl::StatusOr<v1::ListFundsResponse> ListFunds(
      const v1::ListFundsRequest& request,
      const std::vector<std::string>* only = nullptr) const;
  absl::StatusOr<v1::ListAccountsResponse> ListAccounts(
      const v1::ListAccountsRequest& request) const;
  absl::StatusOr<v1::Member> GetMember(
      const v1::GetMemberRequest& request) const;
  absl::StatusOr<v1::ListMembersResponse> ListMembers(
      const v1::ListMembersRequest& request) const;
  absl::StatusOr<v1::Entry> GetEntry(const v1::GetEntryRequest& request) const;
  absl::StatusOr<v1::ListEntriesResponse> ListEntries(
      const v1::ListEntriesRequest& request) const;
  absl::StatusOr<v1::GetBalancesResponse> GetBalances(
      const v1::GetBalancesRequest& request) const;
  // Receipts and vouchers (documents.cc).
  absl::StatusOr<v1::Document> GetDocument(
      const v1::GetDocumentRequest& request) const;
  absl::StatusOr<v1::ListDocumentsResponse> ListDocuments(
      const v1::ListDocumentsRequest& request) const;
  // Rulebooks (rulebooks.cc) and claims (claims.cc).
  absl::StatusOr<v1::Rulebook> GetRulebook(
      const v1::GetRulebookRequest& request) const;
  absl::StatusOr<v1::ListRulebooksResponse> ListRulebooks(
      const v1::ListRulebooksRequest& request) const;
  absl::StatusOr<v1::Claim> GetClaim(const v1::GetClaimRequest& request) const;
  absl::StatusOr<v1::ListClaimsResponse> ListClaims(
      const v1::ListClaimsRequest& request) const;

  // Today in Thailand by the journal's clock.
  int32_t Today() const;

  // Where the storage engine's memory goes.
  storage::Store::MemoryUsage StorageMemory() const {
    return journal_->store().Memory();
  }

  // The database, for readers that need no domain rules (services/audit).
  const storage::Store& store() const { return journal_->store(); }
  // The database, for the access records (services/auth), which are not
  // journal entries.
  storage::Store* mutable_store() { return journal_->mutable_store(); }

 private:
  explicit Ledger(LedgerOptions options);

  // Hands a write to the journal; the apply function runs on the committer.
  // fingerprint_kind tells apart writes that share a request message.
  void Submit(const std::string& fund_id, const std::string& request_id,
              const google::protobuf::Message& request,
              const std::string& principal, uint32_t weight, bool keep_entries,
              std::function<absl::Status(storage::AppendContext&)> apply,
              Done<storage::AppendResult> done,
              absl::string_view fingerprint_kind = {});
  // A claim's certification, approval or rejection (to).
  void TakeClaimStep(const std::string& principal,
                     const v1::ClaimStepRequest& request, v1::ClaimState to,
                     Done<v1::Claim> done);
  // A write of one contribution, disbursement or transaction: checks the
  // parent and request_id, builds the item (build gets today's day), and
  // answers with the entry.
  void SubmitOneItem(
      const std::string& principal, const google::protobuf::Message& request,
      const std::string& parent, const std::string& request_id,
      const std::function<absl::StatusOr<MoneyItem>(int32_t today)>& build,
      Done<v1::Entry> done);

  const LedgerOptions options_;
  const storage::Clock* clock_;
  std::unique_ptr<storage::Journal> journal_;
  std::unique_ptr<PageTokens> page_tokens_;  // Keyed by the store's token key.
};

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_LEDGER_H_
