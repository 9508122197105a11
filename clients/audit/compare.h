// Comparing what the server reported (balances, members) with what the
// entries say, at the journal size the server reported them at: the caller
// compares when its fold has applied exactly that many entries.
//
// Each difference is a finding (BALANCE_MISMATCH, MEMBER_MISMATCH) naming
// the account or member, the journal size, and both values.
#ifndef WELFARE_CLIENTS_AUDIT_COMPARE_H_
#define WELFARE_CLIENTS_AUDIT_COMPARE_H_

#include <cstdint>

#include "clients/audit/findings.h"
#include "clients/audit/ledger_model.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::auditor {

// Every account the model opened against every account the server listed:
// same set, kinds and debit-minus-credit balances. Returns how many
// accounts were compared.
uint32_t CompareBalances(const LedgerModel& model,
                         const welfare::ledger::v1::GetBalancesResponse& server,
                         Findings& findings);

// The members of one ListMembers page against the model. The page covers
// the members numbered after `previous_last` (0 for the first page) up to
// its last member, or every later member if it is the last page: a member
// of the model in that range that the page does not list is a finding too.
// Returns how many members were compared.
uint32_t CompareMembers(const LedgerModel& model,
                        const welfare::ledger::v1::ListMembersResponse& page,
                        int32_t previous_last, bool last_page,
                        Findings& findings);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_COMPARE_H_
