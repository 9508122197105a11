#include "clients/audit/fund_audit.h"

#include <algorithm>
#include <random>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/audit/auditor.h"
#include "clients/audit/checkpoint_check.h"
#include "clients/audit/compare.h"
#include "clients/audit/entry_pipeline.h"
#include "clients/audit/entry_proof.h"
#include "clients/audit/localize.h"
#include "clients/status.h"

namespace welfare::auditor {
namespace {

constexpr int kMemberPagesMax = 100000;

}  // namespace

FundAudit::FundAudit(FundAuditContext context, std::string fund_id)
    : context_(std::move(context)),
      fund_id_(std::move(fund_id)),
      findings_(fund_id_) {}

std::vector<uint64_t> SpotCheckSample(uint64_t tree_size, uint64_t count) {
  std::vector<uint64_t> sample;
  if (count >= tree_size) {
    for (uint64_t sequence = 1; sequence <= tree_size; ++sequence) {
      sample.push_back(sequence);
    }
    return sample;
  }
  // Not predictable by the server: a fresh random choice every run.
  // Floyd's algorithm: count distinct sequences of 1..tree_size.
  std::mt19937_64 random(std::random_device{}());
  std::set<uint64_t> chosen;
  for (uint64_t top = tree_size - count + 1; top <= tree_size; ++top) {
    const uint64_t pick =
        std::uniform_int_distribution<uint64_t>(1, top)(random);
    chosen.insert(chosen.count(pick) > 0 ? top : pick);
  }
  sample.assign(chosen.begin(), chosen.end());
  return sample;
}

v1::FundReport FundAudit::Run() {
  if (!IsFundId(fund_id_)) {
    error_ = absl::StrCat("\"", fund_id_,
                          "\" is not a fund id (3..40 of a-z 0-9 -)");
    return Finish();
  }
  absl::StatusOr<std::optional<v1::FundState>> stored =
      context_.store->Load(fund_id_);
  if (!stored.ok()) {
    error_ = std::string(stored.status().message());
    return Finish();
  }
  stored_ = std::move(*stored);
  if (stored_.has_value() && stored_->verifier_key() != context_.verifier_key) {
    error_ = absl::StrCat(
        "the state in ", context_.store->PathOf(fund_id_),
        " was verified with another key (", stored_->verifier_key(),
        "); audit with that key, or with another state folder");
    return Finish();
  }
  if (ReadServerReports() && ReadCheckpoint() && TieToStoredState() &&
      SpotCheckOldEntries() && FoldEntries()) {
    CheckRoot();
    if (findings_.empty()) SaveState();
  }
  return Finish();
}

bool FundAudit::Failed(const absl::Status& status, const char* doing) {
  if (status.code() == absl::StatusCode::kDataLoss) {
    AddDataLoss(
        0, status,
        absl::StrCat(doing, ": the server says its data is lost or corrupt"));
  } else if (status.code() == absl::StatusCode::kNotFound &&
             stored_.has_value()) {
    findings_.Add(
        v1::FUND_MISSING, 0,
        absl::StrCat(doing,
                     ": the server does not know the fund, "
                     "verified before with ",
                     stored_->tree_size(), " entries: ", status.message()));
  } else {
    error_ = absl::StrCat(doing, ": ", status.ToString());
  }
  return false;
}

void FundAudit::AddDataLoss(uint64_t sequence, const absl::Status& status,
                            absl::string_view what) {
  findings_.Add(v1::SERVER_REPORTS_DATA_LOSS, sequence,
                absl::StrCat(what, ": ", status.message(), " [",
                             client::ErrorReason(status), "]"));
}

bool FundAudit::ReadServerReports() {
  absl::StatusOr<ledger_v1::GetBalancesResponse> balances =
      context_.rpc->GetBalances(fund_id_);
  if (!balances.ok()) return Failed(balances.status(), "reading the balances");
  balances_ = std::move(*balances);
  std::string token;
  for (int page = 0; page < kMemberPagesMax; ++page) {
    absl::StatusOr<ledger_v1::ListMembersResponse> members =
        context_.rpc->ListMembers(fund_id_, token);
    if (!members.ok()) return Failed(members.status(), "listing the members");
    const std::string next = members->next_page_token();
    pages_.push_back(std::move(*members));
    if (next.empty()) return true;
    if (next == token) break;
    token = next;
  }
  error_ = "the server's member page tokens do not end";
  return false;
}

bool FundAudit::ReadCheckpoint() {
  absl::StatusOr<ledger_v1::SignedCheckpoint> signed_checkpoint =
      context_.rpc->GetCheckpoint(fund_id_);
  if (!signed_checkpoint.ok()) {
    return Failed(signed_checkpoint.status(), "getting the checkpoint");
  }
  note_ = signed_checkpoint->note();
  checkpoint_ = OpenCheckpoint(note_, *context_.verifier, fund_id_, findings_);
  if (!checkpoint_.has_value()) return false;
  const uint64_t verified_before = stored_ ? stored_->tree_size() : 0;
  auto plan = [&](uint64_t size, int page, absl::string_view what) {
    if (size > checkpoint_->size) {
      findings_.Add(v1::CHECKPOINT_BEHIND_SERVER, 0,
                    absl::StrCat("the server read ", what, " at journal size ",
                                 size, ", but its checkpoint has only ",
                                 checkpoint_->size, " entries"));
    } else if (size < verified_before) {
      findings_.Add(v1::CHECKPOINT_SHRANK, 0,
                    absl::StrCat("the server read ", what, " at journal size ",
                                 size, ", below the ", verified_before,
                                 " entries verified before"));
    } else {
      comparisons_.push_back({size, page});
    }
  };
  plan(balances_.journal_size(), -1, "the balances");
  for (size_t i = 0; i < pages_.size(); ++i) {
    plan(pages_[i].journal_size(), static_cast<int>(i),
         absl::StrCat("members page ", i + 1));
  }
  std::stable_sort(comparisons_.begin(), comparisons_.end(),
                   [](const Comparison& a, const Comparison& b) {
                     return a.journal_size < b.journal_size;
                   });
  return true;
}

bool FundAudit::TieToStoredState() {
  if (!stored_.has_value()) return true;
  absl::StatusOr<bool> extends =
      ExtendsStored(*context_.rpc, *stored_, *checkpoint_, findings_);
  if (!extends.ok()) {
    return Failed(extends.status(), "getting a consistency proof");
  }
  return *extends;
}

bool FundAudit::SpotCheckOldEntries() {
  if (!stored_.has_value() || stored_->tree_size() == 0 ||
      context_.spot_checks == 0) {
    return true;
  }
  absl::StatusOr<verify::Hash> root =
      verify::HashFromBytes(stored_->root_hash());
  if (!root.ok()) {
    error_ = absl::StrCat("the state in ", context_.store->PathOf(fund_id_),
                          " is unusable: ", root.status().message());
    return false;
  }
  for (const uint64_t sequence :
       SpotCheckSample(stored_->tree_size(), context_.spot_checks)) {
    absl::StatusOr<ProvenEntry> proven = FetchProvenEntry(
        *context_.rpc, fund_id_, sequence, stored_->tree_size(), *root);
    if (!proven.ok() && proven.status().code() == absl::StatusCode::kDataLoss) {
      AddDataLoss(sequence, proven.status(),
                  "spot check of an entry verified before: the server says "
                  "it is lost or corrupt");
      continue;
    }
    if (!proven.ok()) {
      return Failed(proven.status(),
                    absl::StrCat("spot-checking old entry ", sequence).c_str());
    }
    ++entries_spot_checked_;
    if (proven->fault != v1::FINDING_KIND_UNSPECIFIED) {
      findings_.Add(proven->fault, sequence,
                    absl::StrCat("spot check of an entry verified before: ",
                                 proven->fault_message));
    }
  }
  return findings_.empty();
}

void FundAudit::CompareDue() {
  const LedgerModel& model = fold_->model();
  while (next_comparison_ < comparisons_.size() &&
         comparisons_[next_comparison_].journal_size == fold_->checked_size()) {
    const int page = comparisons_[next_comparison_++].page;
    if (page < 0) {
      accounts_compared_ += CompareBalances(model, balances_, findings_);
      continue;
    }
    int32_t previous_last = 0;
    for (int i = page - 1; i >= 0 && previous_last == 0; --i) {
      if (pages_[i].members_size() > 0) {
        previous_last = pages_[i].members().rbegin()->member_number();
      }
    }
    members_compared_ += CompareMembers(
        model, pages_[page], previous_last,
        static_cast<size_t>(page) + 1 == pages_.size(), findings_);
  }
}

absl::StatusOr<EntryRecord> FundAudit::EarlierEntry(uint64_t sequence) {
  absl::StatusOr<verify::Hash> root =
      verify::HashFromBytes(stored_->root_hash());
  if (!root.ok()) return root.status();
  absl::StatusOr<ProvenEntry> proven = FetchProvenEntry(
      *context_.rpc, fund_id_, sequence, stored_->tree_size(), *root);
  if (!proven.ok()) return proven.status();
  EntryRecord record;
  if (proven->fault != v1::FINDING_KIND_UNSPECIFIED) {
    findings_.Add(proven->fault, sequence, proven->fault_message);
  } else if (!record.ParseFromString(proven->bytes) ||
             record.fund_id() != fund_id_ || record.sequence() != sequence) {
    findings_.Add(v1::ENTRY_MALFORMED, sequence,
                  "the entry a reversal names, proved part of the verified "
                  "history, is not an EntryRecord of this fund and sequence");
  } else {
    return record;
  }
  earlier_fault_ = true;
  return absl::AbortedError("a finding stops the fund");
}

bool FundAudit::FoldEntries() {
  auto earlier = [this](uint64_t sequence) { return EarlierEntry(sequence); };
  if (stored_.has_value()) {
    absl::StatusOr<EntryFold> resumed = EntryFold::Resume(*stored_, earlier);
    if (!resumed.ok()) {
      error_ = absl::StrCat("the state in ", context_.store->PathOf(fund_id_),
                            " is unusable: ", resumed.status().message());
      return false;
    }
    fold_.emplace(std::move(*resumed));
  } else {
    fold_.emplace(fund_id_, earlier);
  }
  CompareDue();
  const uint64_t start = fold_->size();
  const uint64_t end = checkpoint_->size;
  if (start == end) return true;
  fold_->Reserve(end - start);
  Findings stream_findings(fund_id_);
  const PipelineOutcome outcome = RunEntryPipeline(
      *context_.rpc, fund_id_, start + 1, end, *fold_, stream_findings,
      findings_, [&] {
        CompareDue();
        const uint64_t done = fold_->checked_size() - start;
        if (context_.progress && done % kProgressEntries == 0) {
          context_.progress(fund_id_, done, end - start);
        }
      });
  findings_.Merge(stream_findings);
  if (!outcome.check.ok() && !earlier_fault_) {
    return Failed(outcome.check, "fetching an entry a reversal names");
  }
  if (outcome.stopped) return false;
  if (outcome.stream.code() == absl::StatusCode::kDataLoss) {
    // The server streams every entry before the one it will not serve.
    AddDataLoss(fold_->size() + 1, outcome.stream,
                "streaming the entries: the server says the next entry is "
                "lost or corrupt");
    return false;
  }
  if (!outcome.stream.ok()) {
    return Failed(outcome.stream, "streaming the entries");
  }
  if (context_.progress) {
    context_.progress(fund_id_, fold_->size() - start, end - start);
  }
  if (fold_->size() < end) {
    findings_.Add(v1::STREAM_TRUNCATED, fold_->size() + 1,
                  absl::StrCat("the stream ended after entry ", fold_->size(),
                               "; the checkpoint has ", end, " entries"));
    return false;
  }
  return true;
}

void FundAudit::CheckRoot() {
  const verify::Hash root = fold_->Root();
  if (root == checkpoint_->root) return;
  const std::string roots = absl::StrCat(
      "the root of the entries received, ", verify::ToHex(root),
      ", is not the signed root ", verify::ToHex(checkpoint_->root));
  absl::StatusOr<uint64_t> first = LocateFirstBadEntry(
      *context_.rpc, fund_id_, *fold_, *checkpoint_, findings_);
  if (!first.ok()) {
    findings_.Add(v1::ROOT_MISMATCH, 0,
                  absl::StrCat(roots,
                               "; the first differing entry could not "
                               "be found: ",
                               first.status().ToString()));
    return;
  }
  if (*first == 0) return;  // The finding says why.
  findings_.Add(v1::ROOT_MISMATCH, *first,
                absl::StrCat(roots, "; entry ", *first,
                             " is the first whose stored bytes differ from "
                             "the server's signed tree (by consistency "
                             "proofs)"));
}

void FundAudit::SaveState() {
  v1::FundState state;
  state.set_fund_id(fund_id_);
  state.set_verifier_key(context_.verifier_key);
  state.set_checkpoint_note(note_);
  state.set_origin(checkpoint_->origin);
  fold_->SaveTo(&state);
  absl::Status saved = context_.store->Save(state);
  if (!saved.ok()) {
    error_ = absl::StrCat("the fund verified, but its state was not saved: ",
                          saved.message());
    return;
  }
  state_saved_ = true;
}

v1::FundReport FundAudit::Finish() {
  v1::FundReport report;
  report.set_fund_id(fund_id_);
  report.set_outcome(!findings_.empty() ? v1::FINDINGS
                     : !error_.empty()  ? v1::COULD_NOT_CHECK
                                        : v1::VERIFIED);
  if (checkpoint_.has_value()) {
    *report.mutable_checkpoint() = ToReport(*checkpoint_, note_);
  }
  if (stored_.has_value()) report.set_previous_tree_size(stored_->tree_size());
  if (fold_.has_value()) {
    report.set_entries_checked(fold_->size() - fold_->start_size());
  }
  report.set_accounts_compared(accounts_compared_);
  report.set_members_compared(members_compared_);
  report.set_entries_spot_checked(entries_spot_checked_);
  for (const Finding& finding : findings_.kept()) {
    *report.add_findings() = finding;
  }
  report.set_findings_omitted(findings_.omitted());
  report.set_error(error_);
  report.set_state_saved(state_saved_);
  return report;
}

}  // namespace welfare::auditor
