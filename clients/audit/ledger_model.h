// LedgerModel: a fund as its entries make it, re-derived by the auditor:
// the accounts and their balances, the members, and what a reversal may
// name. It applies entries one at a time, in sequence order, by the
// server's rules (storage/append_context.cc, services/domain/*_writes.cc,
// docs/API.md "Business rules"), and reports every rule an entry breaks as
// a finding. A bad entry is still applied as far as it can be, as the
// server would have applied it had it written it.
//
// Memory: accounts and members, plus 40 bytes for each entry applied by
// this object (not those restored from a state), so that a reversal can be
// checked against the entry it names (and 16 bytes per posting of entries
// with more than two). A reversal of an entry applied in an earlier run
// gets that entry through `earlier` (the auditor fetches it with an
// inclusion proof). Not thread-safe.
#ifndef WELFARE_CLIENTS_AUDIT_LEDGER_MODEL_H_
#define WELFARE_CLIENTS_AUDIT_LEDGER_MODEL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "clients/audit/findings.h"
#include "clients/audit/member_rules.h"
#include "clients/audit/state.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::auditor {

using welfare::storage::v1::EntryRecord;

struct AccountTotal {
  // welfare.ledger.v1.AccountKind.
  int32_t kind = 0;
  int64_t debit_minus_credit_satang = 0;
};

class LedgerModel {
 public:
  // The entry `sequence` as applied before this model's first entry, or
  // an error status (the audit then cannot go on: COULD_NOT_CHECK).
  using EarlierEntry =
      std::function<absl::StatusOr<EntryRecord>(uint64_t sequence)>;

  // The model of an empty journal.
  explicit LedgerModel(EarlierEntry earlier);

  // The model after the entries a stored state covers. INVALID_ARGUMENT if
  // the state contradicts itself (an account or member twice, members not
  // numbered 1, 2, 3, ...).
  static absl::StatusOr<LedgerModel> FromState(const v1::FundState& state,
                                               EarlierEntry earlier);

  // Writes accounts, members and reversed_sequences into state.
  void SaveTo(v1::FundState* state) const;

  // Applies entry `record`, whose fund, sequence (applied_size() + 1) and
  // chain the caller checked. Adds a finding for each rule it breaks.
  // Returns an error only when `earlier` fails.
  absl::Status Apply(const EntryRecord& record, Findings& findings);

  // Makes room for `entries` more entries.
  void Reserve(uint64_t entries);

  // Entries applied, including those of the state it started from.
  uint64_t applied_size() const { return applied_size_; }
  const absl::flat_hash_map<uint32_t, AccountTotal>& accounts() const {
    return accounts_;
  }
  // Member number n is members()[n - 1].
  const std::vector<MemberState>& members() const { return members_; }

 private:
  struct Posting {
    uint32_t account_code = 0;
    int64_t amount = 0;
  };
  // What a reversal needs of an entry applied by this object.
  struct EntrySlot {
    int64_t amount[2];
    uint32_t code[2];
    int32_t effective_day;
    int32_t member_number;
    // Dues months, if valid (else 0: none were marked paid).
    int32_t first_month;
    int16_t month_count;
    // The EntryKind; 0 for an entry the model never applied.
    uint8_t kind;
    // 0..2 postings inline; kManyPostings: all in many_postings_.
    uint8_t posting_count;
  };
  static_assert(sizeof(EntrySlot) == 40, "one slot per entry: keep it small");
  static constexpr uint8_t kManyPostings = 3;

  // The entry a reversal names, as far as a reversal needs it.
  struct Target {
    // "" if it is a contribution, disbursement or transaction; else what
    // it is instead.
    std::string not_money;
    uint64_t sequence = 0;
    int32_t effective_day = 0;
    int32_t member_number = 0;
    int32_t first_month = 0;
    int32_t month_count = 0;
    std::vector<Posting> postings;
  };

  // DATE_BEFORE_FOUNDING for an entry dated before the fund's founding
  // day (which FUND_CREATED sets). Errors: fetching entry 1, when a loaded
  // state did not keep the day.
  absl::Status CheckFounding(const EntryRecord& record, Findings& findings);
  void OpenAccounts(const EntryRecord& record, Findings& findings);
  void OpenAccount(const welfare::storage::v1::AccountRecord& account,
                   uint64_t sequence, Findings& findings);
  void Post(const EntryRecord& record, Findings& findings);
  void ApplyMember(const EntryRecord& record, Findings& findings);
  void ApplyContribution(const EntryRecord& record, Findings& findings);
  void ApplyDisbursement(const EntryRecord& record, Findings& findings);
  absl::Status ApplyReversal(const EntryRecord& record, Findings& findings);
  void CheckReversal(const EntryRecord& record, const Target& target,
                     Findings& findings);
  void Remember(const EntryRecord& record);
  // Receipt and voucher numbers (ledger_model_documents.cc). Returns an
  // error only when `earlier` fails.
  absl::Status CheckDocument(const EntryRecord& record, Findings& findings);
  // Rulebooks and claims (ledger_model_claims.cc).
  void ApplyRulebook(const EntryRecord& record, Findings& findings);
  void ApplyClaimStep(const EntryRecord& record, Findings& findings);
  void CheckBenefitClaim(const EntryRecord& record, Findings& findings);
  void CheckBenefitTransaction(const EntryRecord& record, Findings& findings);
  // A reversed claim payment leaves its claim APPROVED.
  void ReopenPaidClaim(uint64_t payment_sequence);
  void LoadClaims(const v1::FundState& state);
  void SaveClaims(v1::FundState* state) const;
  // From this object's table, or from `earlier`.
  absl::StatusOr<Target> FindTarget(uint64_t sequence);
  // The member, or nullptr after a finding that it does not exist.
  MemberState* FindMember(int32_t number, uint64_t sequence,
                          Findings& findings);

  EarlierEntry earlier_;
  uint64_t applied_size_ = 0;
  // slots_[i] is entry first_own_sequence_ + i.
  uint64_t first_own_sequence_ = 1;
  absl::flat_hash_map<uint32_t, AccountTotal> accounts_;
  std::vector<MemberState> members_;
  absl::flat_hash_set<uint64_t> reversed_;
  std::vector<EntrySlot> slots_;
  absl::flat_hash_map<uint64_t, std::vector<Posting>> many_postings_;
  // The fund's first fiscal month (0: not known yet, as after a state saved
  // by an auditor that did not keep it), and the last document number of
  // each (kind, fiscal year).
  int32_t fiscal_year_start_month_ = 0;
  std::map<std::pair<int32_t, int32_t>, uint32_t> document_counters_;
  // The fund's founding day (nullopt: not known yet, as after a state saved
  // by an auditor that did not keep it).
  std::optional<int32_t> founding_day_;
  // Rulebooks' effective days, and every claim by its number (the
  // submitting sequence); payments_ maps a claim payment to its claim.
  bool has_rulebook_ = false;
  int32_t first_rulebook_day_ = 0;
  int32_t last_rulebook_day_ = 0;
  std::map<uint64_t, v1::ClaimModelState> claims_;
  absl::flat_hash_map<uint64_t, uint64_t> payments_;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_LEDGER_MODEL_H_
