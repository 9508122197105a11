// LedgerModel's check of rulebooks and claims (ledger_model_claims.cc)
// against hand-built journals: an honest claim's life is clean, through a
// saved state; each broken rule is a CLAIM_RULE_BROKEN finding.
#include <cstdint>
#include <limits>
#include <string>

#include "clients/audit/ledger_model.h"
#include "gtest/gtest.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/journal_builder.h"
#include "tests/audit/ledger_model_testing.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;

EntryRecord RulebookEntry(int32_t day) {
  EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_RULEBOOK_ADOPTED);
  record.set_effective_day(day);
  record.mutable_rulebook_adopted()->set_resolution("มติที่ประชุมใหญ่ 1/2568");
  record.mutable_rulebook_adopted()->add_benefits()->set_category(2);
  return record;
}

EntryRecord ClaimEntry(record_v1::EntryKind kind, int32_t member,
                       uint64_t claim = 0) {
  EntryRecord record;
  record.set_kind(kind);
  record.set_effective_day(kDay);
  record.set_member_number(member);
  if (kind == record_v1::ENTRY_KIND_CLAIM_SUBMITTED) {
    record.mutable_claim_submitted()->set_category(2);
    record.mutable_claim_submitted()->set_event_day(kDay - 1);
  } else {
    record.mutable_claim_step()->set_claim_sequence(claim);
  }
  return record;
}

// A sickness benefit to member 1 for claim, against the evaluation the
// server recorded in it.
EntryRecord ClaimPayment(uint64_t claim, int64_t satang, int64_t allowed,
                         const std::string& override_resolution = "") {
  JournalBuilder scratch;
  scratch.CreateFund();
  EntryRecord record = scratch.record(scratch.Benefit(1, 2, satang, kDay));
  auto* body = record.mutable_disbursement();
  body->set_claim_sequence(claim);
  body->set_event_day(kDay - 1);
  body->mutable_evaluation()->set_eligible(true);
  body->mutable_evaluation()->set_allowed_satang(allowed);
  body->set_override_resolution(override_resolution);
  return record;
}

// A fund with a rulebook, member 1 and an approved claim; returns the
// claim's number.
uint64_t ApprovedClaim(JournalBuilder& journal) {
  journal.CreateFund();
  journal.Register();
  journal.Donation(500000);
  journal.Add(RulebookEntry(kDay - 10));
  const uint64_t claim =
      journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_SUBMITTED, 1));
  journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_CERTIFIED, 1, claim));
  journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_APPROVED, 1, claim));
  return claim;
}

TEST(LedgerModelClaimsTest, AClaimPaidReversedAndPaidAgainIsClean) {
  JournalBuilder journal;
  const uint64_t claim = ApprovedClaim(journal);
  const uint64_t paid = journal.Add(ClaimPayment(claim, 60000, 60000));
  LedgerModel first(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, first, findings);
  // Through a saved state: the claim stays PAID, and its reversal
  // reopens it.
  v1::FundState state;
  state.set_tree_size(journal.size());
  first.SaveTo(&state);
  const uint64_t reversal = journal.Reverse(paid);
  journal.Add(ClaimPayment(claim, 100000, 60000, "มติคณะกรรมการ 7/2569"));
  auto resumed = LedgerModel::FromState(state, [&](uint64_t sequence) {
    return absl::StatusOr<EntryRecord>(journal.record(sequence));
  });
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  ApplyAll(journal, *resumed, findings, reversal);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
}

TEST(LedgerModelClaimsTest, BrokenClaimRulesAreFindings) {
  JournalBuilder journal;
  const uint64_t claim = ApprovedClaim(journal);
  const uint64_t over = journal.Add(ClaimPayment(claim, 70000, 60000));
  const uint64_t twice = journal.Add(ClaimPayment(claim, 100, 60000));
  const uint64_t unapproved = journal.Add(ClaimPayment(
      journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_SUBMITTED, 1)), 100,
      60000));
  const uint64_t skipped = journal.Add(ClaimEntry(
      record_v1::ENTRY_KIND_CLAIM_APPROVED, 1,
      journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_SUBMITTED, 1))));
  const uint64_t unknown =
      journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_CERTIFIED, 1, 999));
  const uint64_t without = journal.Benefit(1, 2, 100, kDay);
  const uint64_t backdated = journal.Add(RulebookEntry(kDay - 20));
  const uint64_t disguised = journal.Transaction({{5102, 100}, {1101, -100}});
  // An override on a payment within the rules, of an approved claim.
  const uint64_t second =
      journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_SUBMITTED, 1));
  journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_CERTIFIED, 1, second));
  journal.Add(ClaimEntry(record_v1::ENTRY_KIND_CLAIM_APPROVED, 1, second));
  const uint64_t needless = journal.Add(ClaimPayment(second, 100, 60000, "มติ"));
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  for (uint64_t bad : {over, twice, unapproved, skipped, unknown, without,
                       backdated, disguised, needless}) {
    EXPECT_THAT(findings.kept(),
                Contains(IsFinding(v1::CLAIM_RULE_BROKEN, bad)))
        << "entry " << bad << ": " << Describe(findings.kept());
  }
}

// Found by fuzz/audit_fold_fuzzer.cc: debits whose sum overflows int64 were
// added up without a check (undefined behaviour) on the way to the claim's
// limit. The payment is still held to its evaluation.
TEST(LedgerModelClaimsTest, APaymentWhoseDebitsOverflowIsAFinding) {
  JournalBuilder journal;
  const uint64_t claim = ApprovedClaim(journal);
  EntryRecord payment = ClaimPayment(claim, 100, 60000);
  payment.clear_postings();
  for (int64_t amount : {std::numeric_limits<int64_t>::max(),
                         std::numeric_limits<int64_t>::max()}) {
    auto* posting = payment.add_postings();
    posting->set_account_code(5102);
    posting->set_debit_minus_credit_satang(amount);
  }
  const uint64_t overflowing = journal.Add(payment);
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::CLAIM_RULE_BROKEN, overflowing)))
      << Describe(findings.kept());
}

}  // namespace
}  // namespace welfare::auditor::testing
