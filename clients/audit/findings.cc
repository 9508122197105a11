#include "clients/audit/findings.h"

namespace welfare::auditor {

void Findings::Add(FindingKind kind, uint64_t sequence, std::string message) {
  const size_t index = static_cast<size_t>(kind);
  if (counts_.size() <= index) counts_.resize(index + 1);
  ++counts_[index];
  if (kept_.size() >= kFindingsPerFundMax) {
    ++omitted_;
    return;
  }
  Finding& finding = kept_.emplace_back();
  finding.set_kind(kind);
  finding.set_fund_id(fund_id_);
  finding.set_sequence(sequence);
  finding.set_message(std::move(message));
}

void Findings::Merge(const Findings& other) {
  for (const Finding& finding : other.kept_) {
    Add(finding.kind(), finding.sequence(), finding.message());
  }
  omitted_ += other.omitted_;
  if (counts_.size() < other.counts_.size())
    counts_.resize(other.counts_.size());
  for (size_t i = 0; i < other.counts_.size(); ++i) {
    // Add counted the kept ones already.
    counts_[i] += other.counts_[i];
  }
  for (const Finding& finding : other.kept_) {
    --counts_[static_cast<size_t>(finding.kind())];
  }
}

uint64_t Findings::Count(FindingKind kind) const {
  const size_t index = static_cast<size_t>(kind);
  return index < counts_.size() ? counts_[index] : 0;
}

}  // namespace welfare::auditor
