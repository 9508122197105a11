// Matchers and helpers over audit findings for the audit tests.
#ifndef WELFARE_TESTS_AUDIT_FINDINGS_MATCHERS_H_
#define WELFARE_TESTS_AUDIT_FINDINGS_MATCHERS_H_

#include <string>
#include <vector>

#include "clients/audit/findings.h"
#include "gmock/gmock.h"

namespace welfare::auditor::testing {

// A Finding of this kind about this entry (0: none).
MATCHER_P2(IsFinding, kind, sequence,
           std::string("is a ") + v1::FindingKind_Name(kind) +
               " finding about entry " + std::to_string(sequence)) {
  *result_listener << v1::FindingKind_Name(arg.kind()) << " about entry "
                   << arg.sequence() << ": " << arg.message();
  return arg.kind() == kind &&
         arg.sequence() == static_cast<uint64_t>(sequence);
}

inline std::string Describe(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& finding : findings) {
    text += v1::FindingKind_Name(finding.kind()) + " @" +
            std::to_string(finding.sequence()) + ": " + finding.message() +
            "\n";
  }
  return text;
}

}  // namespace welfare::auditor::testing

#endif  // WELFARE_TESTS_AUDIT_FINDINGS_MATCHERS_H_
