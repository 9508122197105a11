// Comparing the server's reports with the entries: each difference names
// the account or member and both values.
#include "clients/audit/compare.h"

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/journal_builder.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
namespace ledger_v1 = welfare::ledger::v1;

// A fund with two members; member 1 paid March..April 2026.
LedgerModel Model() {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Register();
  journal.Dues(1, kMonth, 2, 6000);
  LedgerModel model([](uint64_t) {
    return absl::StatusOr<EntryRecord>(absl::InternalError("none"));
  });
  Findings findings(journal.fund_id());
  for (uint64_t s = 1; s <= journal.size(); ++s) {
    EXPECT_TRUE(model.Apply(journal.record(s), findings).ok());
  }
  EXPECT_TRUE(findings.empty());
  return model;
}

ledger_v1::GetBalancesResponse HonestBalances(const LedgerModel& model) {
  ledger_v1::GetBalancesResponse response;
  response.set_journal_size(model.applied_size());
  for (uint32_t code : {kCash, kDuesIncome, kDonations, kBenefits}) {
    auto* row = response.add_balances();
    row->set_account_code(std::to_string(code));
    row->set_kind(
        static_cast<ledger_v1::AccountKind>(model.accounts().at(code).kind));
    row->set_debit_minus_credit_satang(
        model.accounts().at(code).debit_minus_credit_satang);
  }
  return response;
}

ledger_v1::Member HonestMember(const MemberState& derived) {
  ledger_v1::Member member;
  member.set_member_number(derived.member_number());
  member.set_category(ledger_v1::MEMBER_CATEGORY_GENERAL);
  member.mutable_join_date()->set_year(2026);
  member.mutable_join_date()->set_month(1);
  member.mutable_join_date()->set_day(30);  // kDay - 30
  member.set_village_code("33010101");
  member.set_profile_hash(absl::BytesToHexString(derived.profile_hash()));
  member.set_registered_sequence(derived.registered_sequence());
  auto* joined = member.add_status_history();
  joined->set_status(ledger_v1::MEMBER_STATUS_ACTIVE);
  *joined->mutable_effective_date() = member.join_date();
  joined->set_sequence(derived.registered_sequence());
  for (const auto& run : derived.paid_months()) {
    auto* range = member.add_paid_months();
    range->mutable_first_month()->set_year(run.first_month_index() / 12);
    range->mutable_first_month()->set_month(run.first_month_index() % 12 + 1);
    range->set_month_count(run.month_count());
  }
  return member;
}

TEST(CompareTest, HonestReportsMatch) {
  const LedgerModel model = Model();
  Findings findings("ban-test");
  EXPECT_EQ(CompareBalances(model, HonestBalances(model), findings), 4u);
  ledger_v1::ListMembersResponse page;
  page.set_journal_size(model.applied_size());
  for (const MemberState& member : model.members()) {
    *page.add_members() = HonestMember(member);
  }
  EXPECT_EQ(CompareMembers(model, page, 0, true, findings), 2u);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
}

TEST(CompareTest, EveryBalanceDifferenceIsAFinding) {
  const LedgerModel model = Model();
  ledger_v1::GetBalancesResponse server = HonestBalances(model);
  server.mutable_balances(0)->set_debit_minus_credit_satang(5000);
  server.mutable_balances()->RemoveLast();  // 5102 not listed.
  server.add_balances()->set_account_code("1999");
  Findings findings("ban-test");
  CompareBalances(model, server, findings);
  ASSERT_THAT(findings.kept(), ElementsAre(IsFinding(v1::BALANCE_MISMATCH, 0),
                                           IsFinding(v1::BALANCE_MISMATCH, 0),
                                           IsFinding(v1::BALANCE_MISMATCH, 0)))
      << Describe(findings.kept());
  const std::string all = Describe(findings.kept());
  EXPECT_THAT(all, HasSubstr("account 1101 at journal size 4: the server says "
                             "debit minus credit 5000 satang, the entries say "
                             "6000 satang"));
  EXPECT_THAT(all, HasSubstr("account 5102"));
  EXPECT_THAT(all, HasSubstr("account 1999"));
}

TEST(CompareTest, MemberDifferencesAndOmissionsAreFindings) {
  const LedgerModel model = Model();
  ledger_v1::ListMembersResponse page;
  page.set_journal_size(model.applied_size());
  ledger_v1::Member first = HonestMember(model.members()[0]);
  first.mutable_paid_months(0)->set_month_count(3);
  *page.add_members() = first;
  Findings findings("ban-test");
  EXPECT_EQ(CompareMembers(model, page, 0, true, findings), 1u);
  ASSERT_THAT(findings.kept(), ElementsAre(IsFinding(v1::MEMBER_MISMATCH, 0),
                                           IsFinding(v1::MEMBER_MISMATCH, 0)));
  EXPECT_THAT(findings.kept()[0].message(),
              HasSubstr("member 1 paid months at journal size 4: the server "
                        "says \"2026-03 +3\", the entries say \"2026-03 +2\""));
  EXPECT_THAT(findings.kept()[1].message(),
              HasSubstr("member 2 at journal size 4: the entries register it"));
}

}  // namespace
}  // namespace welfare::auditor::testing
