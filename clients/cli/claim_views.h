// Views of rulebooks (ระเบียบกองทุน) and claims (คำขอรับสวัสดิการ), and the
// words of their enums: rulebook_views.cc and claim_views.cc.
#ifndef WELFARE_CLIENTS_CLI_CLAIM_VIEWS_H_
#define WELFARE_CLIENTS_CLI_CLAIM_VIEWS_H_

#include "absl/types/span.h"
#include "clients/cli/report.h"
#include "clients/format/labels.h"
#include "welfare/ledger/v1/claims.pb.h"
#include "welfare/ledger/v1/rules.pb.h"

namespace welfare::cli {

// rulebook_views.cc
// DuesPeriod, in the labels.h form.
absl::Span<const format::Label> DuesPeriodLabels();
// One rulebook: what it is, its dues plan, and a table of its rules (the
// table is what CSV prints).
Document RulebookView(const Cells& cells,
                      const welfare::ledger::v1::Rulebook& rulebook);
Document RulebookListView(
    const Cells& cells, const welfare::ledger::v1::ListRulebooksResponse& list);

// claim_views.cc
// ClaimState, in the labels.h form ("submitted", ..., "paid").
absl::Span<const format::Label> ClaimStateLabels();
// The whole claim: what it is for, its details (or that they were erased),
// its state and payment, the rules' evaluation item by item, and its steps.
Document ClaimView(const Cells& cells, const welfare::ledger::v1::Claim& claim);
// A paid claim and the payment voucher's number.
Document PaidClaimView(const Cells& cells,
                       const welfare::ledger::v1::PayClaimResponse& paid);
Document ClaimListView(const Cells& cells,
                       const welfare::ledger::v1::ListClaimsResponse& list);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_CLAIM_VIEWS_H_
