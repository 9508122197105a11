// LedgerModel against hand-built journals: what an honest journal derives,
// and each rule a dishonest one breaks.
#include "clients/audit/ledger_model.h"

#include "gtest/gtest.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/journal_builder.h"
#include "tests/audit/ledger_model_testing.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

int64_t Balance(const LedgerModel& model, uint32_t code) {
  auto it = model.accounts().find(code);
  return it == model.accounts().end() ? -1
                                      : it->second.debit_minus_credit_satang;
}

TEST(LedgerModelTest, HonestJournalDerivesBalancesAndMembers) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Register();
  journal.Dues(1, kMonth, 3, 9000);
  journal.Dues(1, kMonth + 3, 1, 3000);
  const uint64_t second = journal.Dues(2, kMonth, 1, 3000);
  journal.Donation(50000);
  journal.Benefit(1, 2, 20000);
  journal.Reverse(second);
  journal.ChangeStatus(2, 2, kDay + 1);

  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);

  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  EXPECT_EQ(model.applied_size(), journal.size());
  EXPECT_EQ(Balance(model, kCash), 9000 + 3000 + 50000 - 20000);
  EXPECT_EQ(Balance(model, kDuesIncome), -12000);
  EXPECT_EQ(Balance(model, kDonations), -50000);
  EXPECT_EQ(Balance(model, kBenefits), 20000);
  ASSERT_EQ(model.members().size(), 2u);
  const MemberState& first = model.members()[0];
  ASSERT_EQ(first.paid_months_size(), 1);  // Merged: March..June.
  EXPECT_EQ(first.paid_months(0).first_month_index(), kMonth);
  EXPECT_EQ(first.paid_months(0).month_count(), 4);
  const MemberState& resigned = model.members()[1];
  EXPECT_EQ(resigned.paid_months_size(), 0);  // The reversal un-paid it.
  ASSERT_EQ(resigned.status_history_size(), 2);
  EXPECT_EQ(resigned.status_history(1).status(), kStatusResigned);
  EXPECT_EQ(resigned.status_history(1).sequence(), journal.size());
  EXPECT_EQ(resigned.registered_sequence(), 3u);
}

TEST(LedgerModelTest, UnbalancedEntryIsAFinding) {
  JournalBuilder journal;
  journal.CreateFund();
  const uint64_t bad = journal.Transaction({{kCash, 500}, {kDonations, -400}});
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::POSTINGS_UNBALANCED, bad)));
  EXPECT_EQ(Balance(model, kCash), 500);  // Applied as the server would have.
}

TEST(LedgerModelTest, PostingToAnAccountNeverOpenedIsAFinding) {
  JournalBuilder journal;
  journal.CreateFund();
  const uint64_t bad = journal.Transaction({{kBank, 500}, {kDonations, -500}});
  journal.OpenAccount(kBank, 2);
  const uint64_t good = journal.Transaction({{kBank, 100}, {kDonations, -100}});
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::ACCOUNT_UNKNOWN, bad)));
  EXPECT_EQ(Balance(model, kBank), 100) << "entry " << good;
}

TEST(LedgerModelTest, AccountsAndFundCreationFollowTheirRules) {
  JournalBuilder journal;
  journal.Register();             // Entry 1 must create the fund.
  journal.CreateFund();           // A fund created at entry 2.
  journal.OpenAccount(kCash, 1);  // Opened by the fund already.
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(), ElementsAre(IsFinding(v1::ACCOUNT_INVALID, 1),
                                           IsFinding(v1::ACCOUNT_INVALID, 2),
                                           IsFinding(v1::ACCOUNT_INVALID, 3)));
}

TEST(LedgerModelTest, CashGoingNegativeIsAFinding) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Donation(1000);
  const uint64_t bad = journal.Benefit(1, 2, 1500);
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(), ElementsAre(IsFinding(v1::CASH_NEGATIVE, bad)));
}

// A reversal entry of `journal`'s fund, built by hand.
EntryRecord Reversal(uint64_t reversed,
                     std::vector<std::pair<uint32_t, int64_t>> postings,
                     int32_t member = 0, int32_t day = kDay) {
  EntryRecord record;
  record.set_kind(record_v1::ENTRY_KIND_REVERSAL);
  record.set_effective_day(day);
  record.set_member_number(member);
  record.mutable_reversal()->set_reversed_sequence(reversed);
  for (const auto& [code, amount] : postings) {
    auto* posting = record.add_postings();
    posting->set_account_code(code);
    posting->set_debit_minus_credit_satang(amount);
  }
  return record;
}

// Entries 1..4 of every reversal case: the fund, a member, dues (3), a
// donation (4); entry 5 reverses the donation properly.
JournalBuilder ReversalJournal() {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Dues(1, kMonth, 2, 6000);
  journal.Donation(1000);
  journal.Reverse(4);
  return journal;
}

struct ReversalCase {
  const char* name;
  EntryRecord reversal;
};

TEST(LedgerModelTest, InvalidReversalsAreFindings) {
  // In the order LedgerModel checks them.
  const ReversalCase cases[] = {
      {"of nothing", Reversal(0, {})},
      {"of itself", Reversal(6, {})},
      {"of a later entry", Reversal(9, {})},
      {"of a member registration", Reversal(2, {})},
      {"of a reversal", Reversal(5, {{kCash, 1000}, {kDonations, -1000}})},
      {"twice", Reversal(4, {{kCash, -1000}, {kDonations, 1000}})},
      {"dated before the entry",
       Reversal(3, {{kCash, -6000}, {kDuesIncome, 6000}}, 1, kDay - 1)},
      {"naming another member",
       Reversal(3, {{kCash, -6000}, {kDuesIncome, 6000}}, 2)},
      {"with other amounts",
       Reversal(3, {{kCash, -5000}, {kDuesIncome, 5000}}, 1)},
      {"with postings in another order",
       Reversal(3, {{kDuesIncome, 6000}, {kCash, -6000}}, 1)},
      {"with a posting missing", Reversal(3, {{kCash, -6000}}, 1)},
  };
  for (const ReversalCase& test : cases) {
    SCOPED_TRACE(test.name);
    JournalBuilder journal = ReversalJournal();
    const uint64_t bad = journal.Add(test.reversal);
    LedgerModel model(NoEarlier());
    Findings findings("ban-test");
    ApplyAll(journal, model, findings);
    std::vector<Finding> reversal_findings;
    for (const Finding& finding : findings.kept()) {
      if (finding.kind() == v1::REVERSAL_INVALID) {
        reversal_findings.push_back(finding);
      }
    }
    EXPECT_THAT(reversal_findings,
                ElementsAre(IsFinding(v1::REVERSAL_INVALID, bad)))
        << Describe(findings.kept());
  }
}

TEST(LedgerModelTest, ReversedDuesMonthsBecomeUnpaidAndMayBePaidAgain) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Dues(1, kMonth, 2, 6000);
  const uint64_t middle = journal.Dues(1, kMonth + 2, 2, 6000);
  journal.Dues(1, kMonth + 4, 2, 6000);
  journal.Reverse(middle);
  journal.Dues(1, kMonth + 2, 1, 3000);
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  const MemberState& member = model.members()[0];
  ASSERT_EQ(member.paid_months_size(), 2);
  EXPECT_EQ(member.paid_months(0).first_month_index(), kMonth);
  EXPECT_EQ(member.paid_months(0).month_count(), 3);
  EXPECT_EQ(member.paid_months(1).first_month_index(), kMonth + 4);
  EXPECT_EQ(member.paid_months(1).month_count(), 2);
}

TEST(LedgerModelTest, MemberRulesAreChecked) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Register(kDay + 10);
  journal.Dues(1, kMonth, 2, 6000);
  const uint64_t twice = journal.Dues(1, kMonth + 1, 1, 3000);
  const uint64_t unknown = journal.Dues(7, kMonth, 1, 3000);
  const uint64_t not_joined = journal.Dues(2, kMonth, 1, 3000);
  journal.ChangeStatus(1, kStatusDeceased, kDay + 1);
  const uint64_t for_the_dead = journal.Benefit(1, 2, 100, kDay + 1);
  journal.Benefit(1, 5, 100, kDay + 1);  // A funeral benefit may be paid.
  const uint64_t final_status =
      journal.ChangeStatus(1, kStatusActive, kDay + 2);
  EntryRecord out_of_order;
  out_of_order.set_kind(record_v1::ENTRY_KIND_MEMBER_REGISTERED);
  out_of_order.set_member_number(9);
  out_of_order.set_effective_day(kDay);
  const uint64_t numbered = journal.Add(out_of_order);

  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::MEMBER_RULE_BROKEN, twice),
                          IsFinding(v1::MEMBER_RULE_BROKEN, unknown),
                          IsFinding(v1::MEMBER_RULE_BROKEN, not_joined),
                          IsFinding(v1::MEMBER_RULE_BROKEN, for_the_dead),
                          IsFinding(v1::MEMBER_RULE_BROKEN, final_status),
                          IsFinding(v1::MEMBER_RULE_BROKEN, numbered)))
      << Describe(findings.kept());
}

TEST(LedgerModelTest, EntriesBeforeTheFoundingAndDuesBeforeJoiningAreFindings) {
  JournalBuilder journal;
  journal.CreateFund();
  const uint64_t early = journal.Donation(100, kFoundingDay - 1);
  journal.Donation(100, kFoundingDay);  // The founding day itself.
  journal.Register(kDay - 30);          // Joined in January 2026.
  const uint64_t before_joining = journal.Dues(1, kMonth - 3, 1, 3000);
  journal.Dues(1, kMonth - 2, 1, 3000);  // The join month.
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::DATE_BEFORE_FOUNDING, early),
                          IsFinding(v1::MEMBER_RULE_BROKEN, before_joining)))
      << Describe(findings.kept());

  // Resumed from a state that kept no founding day, the model asks for
  // entry 1 once and still finds a back-dated entry.
  v1::FundState state;
  state.set_tree_size(journal.size());
  model.SaveTo(&state);
  ASSERT_TRUE(state.has_founding_day());
  EXPECT_EQ(state.founding_day(), kFoundingDay);
  state.clear_founding_day();
  const uint64_t late = journal.Donation(100, kFoundingDay - 30);
  int asked = 0;
  auto resumed = LedgerModel::FromState(state, EntryOneOf(journal, &asked));
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  Findings more("ban-test");
  ApplyAll(journal, *resumed, more, late);
  EXPECT_THAT(more.kept(),
              ElementsAre(IsFinding(v1::DATE_BEFORE_FOUNDING, late)));
  EXPECT_EQ(asked, 1);
}

TEST(LedgerModelTest, StateRoundTripsAndReversesAnEarlierEntryThroughEarlier) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  const uint64_t dues = journal.Dues(1, kMonth, 2, 6000);
  LedgerModel first(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, first, findings);
  v1::FundState state;
  state.set_tree_size(journal.size());
  first.SaveTo(&state);

  journal.Reverse(dues);
  std::vector<uint64_t> asked;
  auto earlier = [&](uint64_t sequence) -> absl::StatusOr<EntryRecord> {
    asked.push_back(sequence);
    return journal.record(sequence);
  };
  absl::StatusOr<LedgerModel> second = LedgerModel::FromState(state, earlier);
  ASSERT_TRUE(second.ok()) << second.status();
  ApplyAll(journal, *second, findings, dues + 1);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  EXPECT_THAT(asked, ElementsAre(dues));
  EXPECT_EQ(Balance(*second, kCash), 0);
  EXPECT_EQ(second->members()[0].paid_months_size(), 0);

  // A second reversal of the same entry in a third run: the reversed set
  // was kept.
  v1::FundState after;
  after.set_tree_size(journal.size());
  second->SaveTo(&after);
  EXPECT_THAT(after.reversed_sequences(), ElementsAre(dues));
  journal.Reverse(dues);
  absl::StatusOr<LedgerModel> third = LedgerModel::FromState(after, earlier);
  ASSERT_TRUE(third.ok());
  Findings more("ban-test");
  ApplyAll(journal, *third, more, journal.size());
  EXPECT_THAT(more.kept(),
              Contains(IsFinding(v1::REVERSAL_INVALID, journal.size())));
}

TEST(LedgerModelTest, AFailingEarlierLookupStopsTheModel) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Donation(100);
  v1::FundState state;
  state.set_tree_size(2);
  LedgerModel::EarlierEntry failing = [](uint64_t) {
    return absl::StatusOr<EntryRecord>(absl::UnavailableError("down"));
  };
  absl::StatusOr<LedgerModel> model = LedgerModel::FromState(state, failing);
  ASSERT_TRUE(model.ok());
  journal.Reverse(2);
  Findings findings("ban-test");
  EXPECT_EQ(model->Apply(journal.record(3), findings).code(),
            absl::StatusCode::kUnavailable);
}

TEST(LedgerModelTest, ContradictoryStateIsRefused) {
  v1::FundState state;
  state.add_members()->set_member_number(2);
  EXPECT_FALSE(LedgerModel::FromState(state, NoEarlier()).ok());
  v1::FundState twice;
  twice.add_accounts()->set_code(kCash);
  twice.add_accounts()->set_code(kCash);
  EXPECT_FALSE(LedgerModel::FromState(twice, NoEarlier()).ok());
}

namespace documents {

// A donation (receipt) or a benefit to member 1 (voucher) effective on day,
// carrying the given document number, appended to journal.
uint64_t Numbered(JournalBuilder& journal, bool receipt, int32_t fiscal_year,
                  uint32_t number, int32_t day = kDay) {
  JournalBuilder scratch;
  scratch.CreateFund();
  scratch.Register();
  scratch.Donation(100000);
  EntryRecord record = scratch.record(
      receipt ? scratch.Donation(1000, day) : scratch.Benefit(1, 2, 100, day));
  record.mutable_document()->set_kind(receipt ? 1 : 2);
  record.mutable_document()->set_fiscal_year(fiscal_year);
  record.mutable_document()->set_number(number);
  return journal.Add(record);
}

// 2025-09-30: the last day of fiscal year 2025.
constexpr int32_t kLastDayOf2025 = kDay - 152;

TEST(LedgerModelDocumentsTest, UnbrokenRunsPerKindAndYearAreClean) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Donation(5000);  // Written before numbering began.
  Numbered(journal, true, 2026, 1);
  Numbered(journal, false, 2026, 1);
  Numbered(journal, true, 2025, 1, kLastDayOf2025);
  Numbered(journal, true, 2026, 2);
  journal.Transaction({{kCash, 100}, {kDonations, -100}});
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
}

TEST(LedgerModelDocumentsTest, GapsRepeatsWrongYearsAndMissingOnesAreFindings) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Donation(5000);
  Numbered(journal, true, 2026, 1);
  const uint64_t gap = Numbered(journal, true, 2026, 3);
  const uint64_t repeat = Numbered(journal, true, 2026, 3);
  const uint64_t wrong_year = Numbered(journal, false, 2025, 1);
  const uint64_t missing = journal.Donation(100);
  EntryRecord transfer = journal.record(journal.Donation(1));
  transfer.set_kind(record_v1::ENTRY_KIND_TRANSACTION);
  transfer.clear_contribution();
  transfer.mutable_document()->set_kind(1);
  transfer.mutable_document()->set_fiscal_year(2026);
  transfer.mutable_document()->set_number(4);
  const uint64_t not_a_document = journal.Add(transfer);
  LedgerModel model(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, model, findings);
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::DOCUMENT_NUMBER_INVALID, gap)));
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::DOCUMENT_NUMBER_INVALID, repeat)));
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::DOCUMENT_NUMBER_INVALID, wrong_year)));
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::DOCUMENT_NUMBER_INVALID, missing)));
  EXPECT_THAT(findings.kept(),
              Contains(IsFinding(v1::DOCUMENT_NUMBER_INVALID, not_a_document)));
}

TEST(LedgerModelDocumentsTest, CountersSurviveTheSavedState) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Donation(5000);
  Numbered(journal, true, 2026, 1);
  Numbered(journal, true, 2026, 2);
  LedgerModel first(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, first, findings);
  v1::FundState state;
  state.set_tree_size(journal.size());
  first.SaveTo(&state);
  const uint64_t good = Numbered(journal, true, 2026, 3);
  const uint64_t bad = Numbered(journal, true, 2026, 5);
  auto resumed = LedgerModel::FromState(state, NoEarlier());
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  ApplyAll(journal, *resumed, findings, good);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::DOCUMENT_NUMBER_INVALID, bad)));
}

TEST(LedgerModelDocumentsTest, AStateWithoutTheFiscalMonthAsksForEntryOne) {
  // A fund whose fiscal year starts in January, audited first by an auditor
  // that kept no fiscal month in its state.
  JournalBuilder scratch;
  EntryRecord created = scratch.record(scratch.CreateFund());
  created.mutable_fund_created()->set_fiscal_year_start_month(1);
  JournalBuilder journal;
  journal.Add(created);
  journal.Register();
  journal.Donation(5000);
  LedgerModel first(NoEarlier());
  Findings findings("ban-test");
  ApplyAll(journal, first, findings);
  v1::FundState state;
  state.set_tree_size(journal.size());
  first.SaveTo(&state);
  state.clear_fiscal_year_start_month();
  // 1 November 2025 is in fiscal year 2025 for this fund (2026 for one
  // whose year starts in October).
  const uint64_t november = Numbered(journal, true, 2025, 1, kDay - 120);
  int asked = 0;
  auto resumed = LedgerModel::FromState(state, EntryOneOf(journal, &asked));
  ASSERT_TRUE(resumed.ok()) << resumed.status();
  ApplyAll(journal, *resumed, findings, november);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  EXPECT_EQ(asked, 1);
}

}  // namespace documents

}  // namespace
}  // namespace welfare::auditor::testing
