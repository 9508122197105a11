// welfare-audit's reports as text for people.
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/audit/cli_internal.h"

namespace welfare::auditor {
namespace {

const char* OutcomeText(v1::Outcome outcome) {
  switch (outcome) {
    case v1::VERIFIED:
      return "VERIFIED";
    case v1::FINDINGS:
      return "FINDINGS";
    case v1::COULD_NOT_CHECK:
      return "COULD NOT CHECK";
    default:
      return "?";
  }
}

std::string CheckpointLines(const v1::VerifiedCheckpoint& checkpoint) {
  return absl::StrCat("  checkpoint  ", CountText(checkpoint.tree_size()),
                      " entries, root ", checkpoint.root_hash_hex(), "\n",
                      "  origin      ", checkpoint.origin(), "\n");
}

std::string FindingLine(const v1::Finding& finding) {
  return absl::StrCat(
      "  - ",
      finding.sequence() > 0 ? absl::StrCat("entry ", finding.sequence(), ": ")
                             : "",
      v1::FindingKind_Name(finding.kind()), ": ", finding.message(), "\n");
}

std::string FundText(const v1::FundReport& fund) {
  std::string text =
      absl::StrCat("fund ", fund.fund_id(), ": ", OutcomeText(fund.outcome()));
  if (fund.findings_size() > 0) {
    absl::StrAppend(
        &text, " (", CountText(fund.findings_size() + fund.findings_omitted()),
        fund.findings_size() + fund.findings_omitted() == 1 ? " finding)"
                                                            : " findings)");
  }
  text += "\n";
  if (fund.has_checkpoint()) text += CheckpointLines(fund.checkpoint());
  const uint64_t before = fund.previous_tree_size();
  if (fund.entries_checked() > 0 || before > 0) {
    absl::StrAppend(
        &text, "  entries     ", CountText(fund.entries_checked()),
        " checked in this run",
        fund.entries_checked() > 1
            ? absl::StrCat(" (", before + 1, "..",
                           before + fund.entries_checked(), ")")
        : fund.entries_checked() == 1 ? absl::StrCat(" (", before + 1, ")")
                                      : "",
        before > 0 ? absl::StrCat("; 1..", before, " verified before") : "",
        "\n");
  }
  if (fund.entries_spot_checked() > 0) {
    absl::StrAppend(&text, "  spot checks ",
                    CountText(fund.entries_spot_checked()),
                    fund.entries_spot_checked() == 1 ? " entry" : " entries",
                    " verified before, fetched again at random and proved\n");
  }
  if (fund.accounts_compared() > 0 || fund.members_compared() > 0) {
    absl::StrAppend(&text, "  compared    ", fund.accounts_compared(),
                    fund.accounts_compared() == 1 ? " account balance"
                                                  : " account balances",
                    " and ", fund.members_compared(),
                    fund.members_compared() == 1 ? " member" : " members",
                    " with the server's\n");
  }
  for (const v1::Finding& finding : fund.findings()) {
    text += FindingLine(finding);
  }
  if (fund.findings_omitted() > 0) {
    absl::StrAppend(&text, "  ... and ", CountText(fund.findings_omitted()),
                    " more findings not shown\n");
  }
  if (!fund.error().empty()) {
    absl::StrAppend(&text, "  could not check: ", fund.error(), "\n");
  }
  if (fund.state_saved()) {
    text += "  state       saved: the next run starts from this checkpoint\n";
  } else if (fund.outcome() == v1::FINDINGS) {
    text += "  state       not saved: the last clean checkpoint stays\n";
  }
  return text;
}

}  // namespace

std::string CountText(uint64_t count) {
  std::string digits = absl::StrCat(count);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return digits;
}

std::string RunReportText(const v1::RunReport& run) {
  std::string text;
  int counts[4] = {0, 0, 0, 0};
  for (const v1::FundReport& fund : run.funds()) {
    text += FundText(fund);
    text += "\n";
    if (fund.outcome() >= 0 && fund.outcome() < 4) ++counts[fund.outcome()];
  }
  if (!run.error().empty()) {
    absl::StrAppend(&text, "could not check: ", run.error(), "\n");
  }
  absl::StrAppend(&text, OutcomeText(run.outcome()), ": ", run.funds_size(),
                  run.funds_size() == 1 ? " fund" : " funds", " checked; ",
                  counts[v1::VERIFIED], " verified, ", counts[v1::FINDINGS],
                  " with findings, ", counts[v1::COULD_NOT_CHECK],
                  " could not be checked\n");
  return text;
}

std::string InclusionReportText(const v1::InclusionReport& report) {
  std::string text =
      absl::StrCat("fund ", report.fund_id(), " entry ", report.sequence(),
                   ": ", OutcomeText(report.outcome()), "\n");
  if (report.has_checkpoint()) {
    text += CheckpointLines(report.checkpoint());
    absl::StrAppend(&text, "  from        ",
                    report.from_state()
                        ? "the state folder (the last clean verify run)"
                        : "the server, checked against the state folder",
                    "\n");
  }
  if (!report.entry_hash_hex().empty()) {
    absl::StrAppend(&text, "  entry       ",
                    absl::StripPrefix(report.entry_kind(), "ENTRY_KIND_"),
                    ", effective ", report.effective_date(), "\n",
                    "  hash        ", report.entry_hash_hex(), "\n",
                    "  leaf hash   ", report.leaf_hash_hex(), "\n");
  }
  if (report.outcome() == v1::VERIFIED) {
    text += "  proved: the entry is part of the checkpoint's history\n";
  }
  for (const v1::Finding& finding : report.findings()) {
    text += FindingLine(finding);
  }
  if (!report.error().empty()) {
    absl::StrAppend(&text, "  could not check: ", report.error(), "\n");
  }
  return text;
}

}  // namespace welfare::auditor
