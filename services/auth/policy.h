// Who may call what: one rule per RPC, deny by default.
//
// A rule names the roles that may call the RPC and its scope:
//   kAnyFund    no fund in the request (the answer is filtered by the
//               caller's grant where it lists funds);
//   kFund       the request's fund_field holds "funds/{fund_id}" or a name
//               under it; the caller's grant must cover that fund;
//   kAllFunds   the caller's grant must cover all funds.
// An RPC with no rule is refused. docs/SECURITY.md shows the same table.
#ifndef WELFARE_SERVICES_AUTH_POLICY_H_
#define WELFARE_SERVICES_AUTH_POLICY_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "services/auth/principals.h"

namespace welfare::auth {

enum class Scope { kAnyFund, kFund, kAllFunds };

// A set of roles: bit (1 << role).
using RoleSet = uint32_t;
constexpr RoleSet RoleBit(v1::Role role) { return RoleSet{1} << role; }

struct Rule {
  const char* method;  // "/welfare.ledger.v1.LedgerService/GetEntry"
  RoleSet roles;
  Scope scope;
  const char* fund_field;  // For kFund: a string field of the request.
};

// The rule of a full method name, or nullptr.
const Rule* FindRule(absl::string_view method);

// Every rule (for tests and documentation).
const std::vector<Rule>& Rules();

// OK if principal may call method with request; PERMISSION_DENIED
// NOT_PERMITTED otherwise (also when method has no rule). Looks at nothing
// but the principal, the rule and the request's fund field, so a denial
// never depends on what the database holds.
absl::Status Authorize(const Principal& principal, absl::string_view method,
                       const google::protobuf::Message& request);

// The fund id at the start of a resource name ("funds/x/members/3" -> "x");
// empty if name does not start with "funds/".
absl::string_view FundIdOf(absl::string_view name);

// "administrator", "treasurer", "auditor" or "partner".
absl::string_view RoleText(v1::Role role);

}  // namespace welfare::auth

#endif  // WELFARE_SERVICES_AUTH_POLICY_H_
