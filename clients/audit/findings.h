// Findings: what an audit finds wrong, collected per fund with a limit.
//
// A finding is a fault in what the server served (a bad signature, a broken
// chain, a balance that differs from the entries), never an operating error
// such as an unreachable server: those are absl::Status values, and make a
// fund COULD_NOT_CHECK instead.
#ifndef WELFARE_CLIENTS_AUDIT_FINDINGS_H_
#define WELFARE_CLIENTS_AUDIT_FINDINGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clients/audit/report.pb.h"

namespace welfare::auditor {

using welfare::auditor::v1::Finding;
using welfare::auditor::v1::FindingKind;

// Findings kept per fund; more are counted, not kept, so that a journal
// broken at every entry cannot exhaust memory.
inline constexpr size_t kFindingsPerFundMax = 1000;

// Collects the findings of one fund. Not thread-safe.
class Findings {
 public:
  explicit Findings(std::string fund_id) : fund_id_(std::move(fund_id)) {}

  void Add(FindingKind kind, uint64_t sequence, std::string message);
  // Adds every finding of `other` (of the same fund) after these.
  void Merge(const Findings& other);

  bool empty() const { return kept_.empty() && omitted_ == 0; }
  // Findings of one kind so far (kept or not).
  uint64_t Count(FindingKind kind) const;
  const std::vector<Finding>& kept() const { return kept_; }
  uint64_t omitted() const { return omitted_; }
  const std::string& fund_id() const { return fund_id_; }

 private:
  std::string fund_id_;
  std::vector<Finding> kept_;
  std::vector<uint64_t> counts_;
  uint64_t omitted_ = 0;
};

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_FINDINGS_H_
