// Auditor: checks a welfared server's funds instead of trusting it.
//
// VerifyFund(fund_id), in this order (docs: `welfare-audit verify --help`):
//   1. reads what the server reports: GetBalances and every ListMembers
//      page, each with the journal size it was read at;
//   2. gets the fund's signed checkpoint and verifies it with the trusted
//      verifier key: signature, origin "<key name>/funds/<fund_id>", and a
//      size no smaller than any journal size of step 1;
//   3. if the state folder holds a checkpoint verified before: the new one
//      must not be smaller, and a consistency proof must tie the stored root
//      to the new one (else FORK_OR_REWRITE, and the fund stops here);
//   3b. fetches spot_checks entries verified before, at random, and proves
//      each against the stored checkpoint: a record changed on the server
//      with its tree left alone is invisible to the steps below, which
//      check only new entries (a finding stops the fund here);
//   4. streams the entries after the stored checkpoint up to the new one and
//      checks each (entry_fold.h, ledger_model.h), comparing balances and
//      members with step 1 when the fold reaches their journal sizes;
//   5. compares the root of the entries with the signed root; if they
//      differ, bisects with consistency proofs to name the first entry
//      whose leaf differs (ROOT_MISMATCH);
//   6. saves the new state, only if the fund has no finding: a fund with
//      findings keeps its last clean state, so the next run checks the same
//      entries again and reports the same findings.
//
// A report never fails: an operating error (server unreachable, state folder
// unusable) makes the fund COULD_NOT_CHECK with `error` saying why; what the
// server got wrong is a finding. Not thread-safe: one audit at a time.
#ifndef WELFARE_CLIENTS_AUDIT_AUDITOR_H_
#define WELFARE_CLIENTS_AUDIT_AUDITOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/audit/audit_rpc.h"
#include "clients/audit/report.pb.h"
#include "clients/audit/state_store.h"
#include "clients/ledger_client.h"
#include "clients/verify/note.h"

namespace welfare::auditor {

struct AuditOptions {
  // The server (target or channel), and the deadline and attempts of each
  // unary call.
  client::ClientOptions client;
  // The trusted checkpoint verifier key, "name+hhhhhhhh+base64(...)",
  // obtained out of band (welfared --print_verifier_key), never from the
  // server being audited.
  std::string verifier_key;
  // Where the verified state of each fund is kept between runs.
  std::string state_dir;
  // The deadline of one StreamEntries call (the whole stream of a fund).
  int64_t stream_deadline_ms = 3600 * 1000;
  // On a run that resumes from a stored state: how many entries verified
  // before to fetch again, chosen at random, and prove against the stored
  // checkpoint (step 3b). 0: none.
  uint32_t spot_checks = 16;
  // If set, called with (fund_id, entries checked, entries to check) every
  // kProgressEntries entries and when a fund's stream ends.
  std::function<void(const std::string&, uint64_t, uint64_t)> progress;
};

inline constexpr uint64_t kProgressEntries = 1 << 16;

class Auditor {
 public:
  // INVALID_ARGUMENT for a malformed verifier key or options;
  // FAILED_PRECONDITION if the state folder cannot be created. Does not
  // contact the server.
  static absl::StatusOr<std::unique_ptr<Auditor>> Create(AuditOptions options);

  // The id of every fund the server lists, in order.
  absl::StatusOr<std::vector<std::string>> ListFundIds();

  // Verifies one fund as described above.
  v1::FundReport VerifyFund(const std::string& fund_id);

  // Verifies each fund in turn; the run's outcome is FINDINGS if any fund
  // has findings, else COULD_NOT_CHECK if any fund could not be checked,
  // else VERIFIED.
  v1::RunReport VerifyFunds(const std::vector<std::string>& fund_ids);

  // Proves that entry `sequence` is part of the fund's history: fetches
  // its stored bytes and an inclusion proof, and checks the proof against
  // the checkpoint the last clean verify run stored, or, with `fresh` (or
  // when the entry is newer than that), against the server's latest
  // checkpoint, verified by signature and by consistency with the stored
  // one. COULD_NOT_CHECK for an entry beyond the checkpoint.
  v1::InclusionReport ProveEntry(const std::string& fund_id, uint64_t sequence,
                                 bool fresh);

  const verify::NoteVerifier& verifier() const { return verifier_; }

 private:
  Auditor(AuditOptions options, verify::NoteVerifier verifier, StateStore store,
          std::unique_ptr<client::LedgerClient> client);

  AuditOptions options_;
  verify::NoteVerifier verifier_;
  StateStore store_;
  std::unique_ptr<client::LedgerClient> client_;
  AuditRpc rpc_;
};

// The overall outcome of several: FINDINGS over COULD_NOT_CHECK over
// VERIFIED.
v1::Outcome CombineOutcomes(v1::Outcome a, v1::Outcome b);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_AUDITOR_H_
