// Auditor::ProveEntry: one entry's inclusion in a verified checkpoint.
#include <optional>

#include "absl/strings/str_cat.h"
#include "clients/audit/auditor.h"
#include "clients/audit/checkpoint_check.h"
#include "clients/audit/entry_fold.h"
#include "clients/audit/entry_proof.h"
#include "clients/audit/member_rules.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::auditor {
namespace {

void Finish(const Findings& findings, v1::InclusionReport* report) {
  for (const Finding& finding : findings.kept()) {
    *report->add_findings() = finding;
  }
  report->set_outcome(!findings.empty()          ? v1::FINDINGS
                      : !report->error().empty() ? v1::COULD_NOT_CHECK
                                                 : v1::VERIFIED);
}

}  // namespace

v1::InclusionReport Auditor::ProveEntry(const std::string& fund_id,
                                        uint64_t sequence, bool fresh) {
  v1::InclusionReport report;
  report.set_fund_id(fund_id);
  report.set_sequence(sequence);
  Findings findings(fund_id);
  auto fail = [&](absl::string_view error) {
    report.set_error(std::string(error));
    Finish(findings, &report);
    return report;
  };
  absl::StatusOr<std::optional<v1::FundState>> stored = store_.Load(fund_id);
  if (!stored.ok()) return fail(stored.status().message());
  if (stored->has_value() &&
      (*stored)->verifier_key() != options_.verifier_key) {
    return fail("the stored state was verified with another key");
  }
  std::optional<verify::Checkpoint> checkpoint;
  std::string note;
  if (!fresh && stored->has_value() && sequence <= (*stored)->tree_size()) {
    note = (*stored)->checkpoint_note();
    checkpoint = OpenCheckpoint(note, verifier_, fund_id, findings);
    report.set_from_state(true);
  } else {
    absl::StatusOr<ledger_v1::SignedCheckpoint> served =
        rpc_.GetCheckpoint(fund_id);
    if (!served.ok()) {
      return fail(
          absl::StrCat("getting the checkpoint: ", served.status().ToString()));
    }
    note = served->note();
    checkpoint = OpenCheckpoint(note, verifier_, fund_id, findings);
    if (checkpoint.has_value() && stored->has_value()) {
      absl::StatusOr<bool> extends =
          ExtendsStored(rpc_, **stored, *checkpoint, findings);
      if (!extends.ok()) {
        return fail(absl::StrCat("getting a consistency proof: ",
                                 extends.status().ToString()));
      }
      if (!*extends) checkpoint.reset();
    }
  }
  if (!checkpoint.has_value()) return fail("");
  *report.mutable_checkpoint() = ToReport(*checkpoint, note);
  if (sequence < 1 || sequence > checkpoint->size) {
    return fail(absl::StrCat("entry ", sequence,
                             " is not in the checkpoint "
                             "of ",
                             checkpoint->size, " entries"));
  }
  absl::StatusOr<ProvenEntry> proven = FetchProvenEntry(
      rpc_, fund_id, sequence, checkpoint->size, checkpoint->root);
  if (!proven.ok()) {
    return fail(absl::StrCat("fetching the entry and its proof: ",
                             proven.status().ToString()));
  }
  if (proven->fault != v1::FINDING_KIND_UNSPECIFIED) {
    findings.Add(proven->fault, sequence, proven->fault_message);
    return fail("");
  }
  report.set_entry_hash_hex(verify::ToHex(ChainHash(proven->bytes)));
  report.set_leaf_hash_hex(verify::ToHex(proven->leaf_hash));
  welfare::storage::v1::EntryRecord record;
  if (!record.ParseFromString(proven->bytes) || record.fund_id() != fund_id ||
      record.sequence() != sequence) {
    findings.Add(v1::ENTRY_MALFORMED, sequence,
                 "the proved bytes are not an EntryRecord of this fund and "
                 "sequence");
    return fail("");
  }
  report.set_entry_kind(welfare::storage::v1::EntryKind_Name(record.kind()));
  report.set_effective_date(DayText(record.effective_day()));
  Finish(findings, &report);
  return report;
}

}  // namespace welfare::auditor
