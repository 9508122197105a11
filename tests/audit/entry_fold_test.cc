// EntryFold against hand-built journals: the tree and chain it computes,
// and gaps, changed bytes and malformed entries.
#include "clients/audit/entry_fold.h"

#include "gtest/gtest.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/journal_builder.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

LedgerModel::EarlierEntry NoEarlier() {
  return [](uint64_t) {
    return absl::StatusOr<EntryRecord>(absl::InternalError("none"));
  };
}

// A fund with a member and `donations` donations after entries 1..3.
JournalBuilder Journal(int donations) {
  JournalBuilder journal;
  journal.CreateFund();
  journal.Register();
  journal.Dues(1, kMonth, 1, 3000);
  for (int i = 0; i < donations; ++i) journal.Donation(100 + i);
  return journal;
}

// Folds entries first..last, expecting every step to go on.
void FoldAll(const JournalBuilder& journal, EntryFold& fold, Findings& findings,
             uint64_t first = 1, uint64_t last = 0) {
  if (last == 0) last = journal.size();
  for (uint64_t s = first; s <= last; ++s) {
    absl::StatusOr<EntryFold::Step> step =
        fold.Add(s, journal.bytes()[s - 1], findings);
    ASSERT_TRUE(step.ok()) << step.status();
    ASSERT_EQ(*step, EntryFold::Step::kNext) << "entry " << s;
  }
}

TEST(EntryFoldTest, HonestJournalMakesTheRootAndKeepsEarlierTrees) {
  const JournalBuilder journal = Journal(2 * kSnapshotInterval + 50);
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  EXPECT_EQ(fold.size(), journal.size());
  EXPECT_EQ(fold.Root(), journal.Root(journal.size()));
  for (uint64_t m :
       {uint64_t{0}, uint64_t{1}, kSnapshotInterval, kSnapshotInterval + 1,
        2 * kSnapshotInterval - 1, journal.size()}) {
    const uint64_t kept =
        m == journal.size() ? m : m / kSnapshotInterval * kSnapshotInterval;
    const verify::TreeBuilder& tree = fold.TreeAtOrBefore(m);
    EXPECT_EQ(tree.size(), kept) << "size " << m;
    EXPECT_EQ(tree.Root(), journal.Root(kept)) << "size " << m;
  }
}

TEST(EntryFoldTest, AGapStopsTheFoldNamingTheMissingEntries) {
  const JournalBuilder journal = Journal(5);
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings, 1, 3);
  absl::StatusOr<EntryFold::Step> step =
      fold.Add(6, journal.bytes()[5], findings);
  ASSERT_TRUE(step.ok());
  EXPECT_EQ(*step, EntryFold::Step::kStop);
  EXPECT_THAT(findings.kept(), ElementsAre(IsFinding(v1::STREAM_GAP, 4)));
  EXPECT_NE(findings.kept()[0].message().find("4..5"), std::string::npos);
}

TEST(EntryFoldTest, AnEntrySentAgainStopsTheFold) {
  const JournalBuilder journal = Journal(2);
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings, 1, 3);
  absl::StatusOr<EntryFold::Step> step =
      fold.Add(3, journal.bytes()[2], findings);
  ASSERT_TRUE(step.ok());
  EXPECT_EQ(*step, EntryFold::Step::kStop);
  EXPECT_THAT(findings.kept(), ElementsAre(IsFinding(v1::STREAM_GAP, 4)));
}

TEST(EntryFoldTest, AChangedByteBreaksTheChainAtTheNextEntry) {
  JournalBuilder journal;
  journal.CreateFund();
  EntryRecord memo;
  memo.set_kind(record_v1::ENTRY_KIND_TRANSACTION);
  memo.set_memo("MEMO-ORIGINAL");
  memo.set_effective_day(kDay);
  const uint64_t changed = journal.Add(memo);
  journal.Donation(100);
  const verify::Hash original = journal.Root(journal.size());
  std::string& bytes = journal.mutable_bytes()[changed - 1];
  bytes[bytes.find("ORIGINAL")] = 'X';
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings);
  EXPECT_THAT(findings.kept(),
              ElementsAre(IsFinding(v1::CHAIN_BROKEN, changed + 1)));
  EXPECT_NE(fold.Root(), original);
}

TEST(EntryFoldTest, MalformedEntriesAreFindingsAndStayInTheTree) {
  JournalBuilder journal = Journal(3);
  journal.mutable_bytes()[3] = "\xff\xff not a record";
  EntryRecord other_fund = journal.record(5);
  other_fund.set_fund_id("ban-other");
  journal.mutable_bytes()[4] = other_fund.SerializeAsString();
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings);
  // Entry 4 does not parse; 5 names another fund and (as its bytes
  // changed) breaks the chain at 6.
  EXPECT_THAT(findings.kept(), ElementsAre(IsFinding(v1::ENTRY_MALFORMED, 4),
                                           IsFinding(v1::ENTRY_MALFORMED, 5),
                                           IsFinding(v1::CHAIN_BROKEN, 6)));
  EXPECT_EQ(fold.size(), journal.size());
}

TEST(EntryFoldTest, ResumesFromItsSavedStateAndEndsWithTheSameRoot) {
  const JournalBuilder journal = Journal(3 * kSnapshotInterval);
  const uint64_t half = journal.size() / 2;
  EntryFold first(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, first, findings, 1, half);
  v1::FundState state;
  state.set_fund_id(journal.fund_id());
  first.SaveTo(&state);
  EXPECT_EQ(state.tree_size(), half);

  absl::StatusOr<EntryFold> second = EntryFold::Resume(state, NoEarlier());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->start_size(), half);
  FoldAll(journal, *second, findings, half + 1);
  EXPECT_THAT(findings.kept(), IsEmpty()) << Describe(findings.kept());
  EXPECT_EQ(second->Root(), journal.Root(journal.size()));
  EXPECT_EQ(second->TreeAtOrBefore(half + 10).size(), half);
}

TEST(EntryFoldTest, ResumeRefusesAStateWhoseBorderIsNotItsRoot) {
  const JournalBuilder journal = Journal(4);
  EntryFold fold(journal.fund_id(), NoEarlier());
  Findings findings(journal.fund_id());
  FoldAll(journal, fold, findings);
  v1::FundState state;
  state.set_fund_id(journal.fund_id());
  fold.SaveTo(&state);
  v1::FundState other_root = state;
  other_root.set_root_hash(std::string(32, 'x'));
  EXPECT_FALSE(EntryFold::Resume(other_root, NoEarlier()).ok());
  v1::FundState short_border = state;
  short_border.mutable_tree_border()->RemoveLast();
  EXPECT_FALSE(EntryFold::Resume(short_border, NoEarlier()).ok());
}

}  // namespace
}  // namespace welfare::auditor::testing
