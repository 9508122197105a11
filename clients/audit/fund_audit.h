// FundAudit: one run of Auditor::VerifyFund (auditor.h describes the steps)
// over one fund. Internal to welfare_audit.
#ifndef WELFARE_CLIENTS_AUDIT_FUND_AUDIT_H_
#define WELFARE_CLIENTS_AUDIT_FUND_AUDIT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/entry_fold.h"
#include "clients/audit/findings.h"
#include "clients/audit/report.pb.h"
#include "clients/audit/state_store.h"
#include "clients/verify/checkpoint.h"
#include "clients/verify/note.h"

namespace welfare::auditor {

struct FundAuditContext {
  AuditRpc* rpc;
  const StateStore* store;
  const verify::NoteVerifier* verifier;
  // The trusted key as given, recorded in the state.
  std::string verifier_key;
  std::function<void(const std::string&, uint64_t, uint64_t)> progress;
  // Old entries to spot-check on an incremental run (AuditOptions).
  uint32_t spot_checks = 0;
};

// The sequences to spot-check: every one of 1..tree_size if count >=
// tree_size, else count distinct ones drawn at random, in ascending order.
std::vector<uint64_t> SpotCheckSample(uint64_t tree_size, uint64_t count);

class FundAudit {
 public:
  FundAudit(FundAuditContext context, std::string fund_id);

  v1::FundReport Run();

 private:
  // What the server reported in step 1, to compare at a journal size.
  struct Comparison {
    uint64_t journal_size = 0;
    // -1: the balances; else the index of the members page.
    int page = -1;
  };

  // Each step returns false when the fund stops here (a finding says why,
  // or error_ is set).
  bool ReadServerReports();
  bool ReadCheckpoint();
  bool TieToStoredState();
  bool SpotCheckOldEntries();
  // A SERVER_REPORTS_DATA_LOSS finding about entry sequence.
  void AddDataLoss(uint64_t sequence, const absl::Status& status,
                   absl::string_view what);
  bool FoldEntries();
  void CheckRoot();
  void SaveState();

  // Runs every comparison due at the fold's size.
  void CompareDue();
  // A finding for the server's DATA_LOSS or a NOT_FOUND of a fund verified
  // before; otherwise error_. Always false.
  bool Failed(const absl::Status& status, const char* doing);
  absl::StatusOr<EntryRecord> EarlierEntry(uint64_t sequence);
  v1::FundReport Finish();

  FundAuditContext context_;
  std::string fund_id_;
  Findings findings_;
  std::string error_;
  std::optional<v1::FundState> stored_;
  ledger_v1::GetBalancesResponse balances_;
  std::vector<ledger_v1::ListMembersResponse> pages_;
  std::vector<Comparison> comparisons_;
  size_t next_comparison_ = 0;
  std::string note_;
  std::optional<verify::Checkpoint> checkpoint_;
  std::optional<EntryFold> fold_;
  uint32_t accounts_compared_ = 0;
  uint32_t members_compared_ = 0;
  uint32_t entries_spot_checked_ = 0;
  bool state_saved_ = false;
  // EarlierEntry added a finding and stopped the fold.
  bool earlier_fault_ = false;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_FUND_AUDIT_H_
