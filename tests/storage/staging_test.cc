// Staging (storage/staging.h): a commit group's writes, readable before they
// are durable, layered over the committed state, with savepoints that undo
// exactly one request's writes.
#include "storage/staging.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/keys.h"
#include "storage/store.h"
#include "tests/testing/test_util.h"

namespace welfare::storage {
namespace {

using ::testing::Optional;
using ::welfare::testing::IsOk;

class StagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.path = dir_.path();
    options.block_cache_bytes = 1 << 20;
    options.memtable_budget_bytes = 4 << 20;
    auto store = Store::Open(options);
    ASSERT_THAT(store, IsOk());
    store_ = std::move(*store);
    staging_ = std::make_unique<Staging>(store_.get());
  }

  // Commits key -> value in the views column through a staging of its own.
  void Committed(const std::string& key, const std::string& value) {
    Staging writer(store_.get());
    writer.Put(Column::kViews, key, value);
    ASSERT_THAT(writer.Commit(), IsOk());
  }

  // What the staging reads for key in the views column; "<none>" if absent.
  std::string Read(const std::string& key) {
    auto value = staging_->Get(Column::kViews, key);
    EXPECT_THAT(value, IsOk());
    if (!value.ok() || !value->has_value()) return "<none>";
    return **value;
  }

  // What a fresh snapshot of the database holds for key.
  std::string ReadCommitted(const std::string& key) {
    ReadView view(store_.get());
    auto value = view.Get(Column::kViews, key);
    EXPECT_THAT(value, IsOk());
    if (!value.ok() || !value->has_value()) return "<none>";
    return **value;
  }

  std::optional<std::string> LastKey(const std::string& prefix) {
    auto last = staging_->LastKeyWithPrefix(Column::kViews, prefix);
    EXPECT_THAT(last, IsOk());
    return last.value_or(std::nullopt);
  }

  welfare::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Staging> staging_;
};

TEST_F(StagingTest, GetSeesStagedValueOverCommittedOne) {
  Committed("k", "committed");
  EXPECT_EQ(Read("k"), "committed");
  staging_->Put(Column::kViews, "k", "staged");
  EXPECT_EQ(Read("k"), "staged");
  EXPECT_EQ(ReadCommitted("k"), "committed");  // Not durable yet.
}

TEST_F(StagingTest, GetSeesStagedDeletionOfCommittedKey) {
  Committed("k", "committed");
  staging_->Delete(Column::kViews, "k");
  EXPECT_EQ(Read("k"), "<none>");
  EXPECT_EQ(ReadCommitted("k"), "committed");
}

TEST_F(StagingTest, ColumnsDoNotShareKeys) {
  staging_->Put(Column::kJournal, "k", "journal");
  EXPECT_EQ(Read("k"), "<none>");
  auto journal = staging_->Get(Column::kJournal, "k");
  ASSERT_THAT(journal, IsOk());
  EXPECT_THAT(*journal, Optional(std::string("journal")));
}

TEST_F(StagingTest, RollbackUndoesExactlyTheWritesSinceTheSavePoint) {
  Committed("old", "committed");
  staging_->Put(Column::kViews, "kept", "first request");
  staging_->Put(Column::kViews, "shared", "first request");
  const uint32_t count_before = staging_->count();

  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "shared", "second request");
  staging_->Put(Column::kViews, "new", "second request");
  staging_->Delete(Column::kViews, "old");
  staging_->PutUnread(Column::kViews, "unread", "second request");
  staging_->RollbackToSavePoint();

  EXPECT_EQ(staging_->count(), count_before);
  EXPECT_EQ(Read("kept"), "first request");
  EXPECT_EQ(Read("shared"), "first request");
  EXPECT_EQ(Read("new"), "<none>");
  EXPECT_EQ(Read("old"), "committed");

  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadCommitted("kept"), "first request");
  EXPECT_EQ(ReadCommitted("shared"), "first request");
  EXPECT_EQ(ReadCommitted("new"), "<none>");
  EXPECT_EQ(ReadCommitted("old"), "committed");
  EXPECT_EQ(ReadCommitted("unread"), "<none>");
}

TEST_F(StagingTest, RollbackRestoresAStagedDeletion) {
  Committed("k", "committed");
  staging_->Delete(Column::kViews, "k");
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "k", "resurrected");
  staging_->RollbackToSavePoint();
  EXPECT_EQ(Read("k"), "<none>");
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadCommitted("k"), "<none>");
}

TEST_F(StagingTest, PopSavePointKeepsTheWrites) {
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "k", "kept");
  staging_->PopSavePoint();
  EXPECT_EQ(Read("k"), "kept");
  // A later savepoint's rollback does not reach back past the popped one.
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "k", "undone");
  staging_->RollbackToSavePoint();
  EXPECT_EQ(Read("k"), "kept");
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadCommitted("k"), "kept");
}

TEST_F(StagingTest, RollbackOfOuterSavePointUndoesAPoppedInnerOne) {
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "outer", "x");
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "inner", "y");
  staging_->PopSavePoint();
  staging_->RollbackToSavePoint();
  EXPECT_EQ(Read("outer"), "<none>");
  EXPECT_EQ(Read("inner"), "<none>");
  EXPECT_EQ(staging_->count(), 0u);
}

TEST_F(StagingTest, CommitWritesEverythingAndEmptiesTheStaging) {
  staging_->Put(Column::kViews, "a", "1");
  staging_->PutUnread(Column::kViews, "b", "2");
  staging_->Delete(Column::kViews, "c");
  Committed("c", "committed");
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(staging_->count(), 0u);
  EXPECT_EQ(ReadCommitted("a"), "1");
  EXPECT_EQ(ReadCommitted("b"), "2");
  EXPECT_EQ(ReadCommitted("c"), "<none>");
  // Nothing of the committed group lingers in the overlay.
  Committed("a", "newer");
  EXPECT_EQ(Read("a"), "newer");
}

TEST_F(StagingTest, ClearDropsEverythingStaged) {
  Committed("k", "committed");
  staging_->Put(Column::kViews, "k", "staged");
  staging_->Put(Column::kViews, "other", "staged");
  staging_->Clear();
  EXPECT_EQ(staging_->count(), 0u);
  EXPECT_EQ(Read("k"), "committed");
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadCommitted("other"), "<none>");
}

TEST_F(StagingTest, LastKeyWithPrefixMergesStagedAndCommittedKeys) {
  const struct {
    const char* name;
    std::vector<std::string> committed;
    std::vector<std::string> staged_puts;
    std::vector<std::string> staged_deletes;
    std::optional<std::string> want;
  } cases[] = {
      {"nothing", {}, {}, {}, std::nullopt},
      {"committed only", {"p1", "p3"}, {}, {}, "p3"},
      {"staged only", {}, {"p2", "p5"}, {}, "p5"},
      {"staged after committed", {"p1", "p3"}, {"p4"}, {}, "p4"},
      {"committed after staged", {"p1", "p7"}, {"p4"}, {}, "p7"},
      {"last committed deleted", {"p1", "p3"}, {}, {"p3"}, "p1"},
      {"all committed deleted", {"p1", "p3"}, {}, {"p1", "p3"}, std::nullopt},
      {"staged then deleted", {"p1"}, {"p5"}, {"p5"}, "p1"},
      {"other prefixes ignored", {"o9", "q0"}, {"q1", "o8"}, {}, std::nullopt},
      {"highest byte", {"p\xff\xff"}, {"p\xff"}, {}, "p\xff\xff"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    welfare::testing::TempDir dir;
    StoreOptions options;
    options.path = dir.path();
    auto store = Store::Open(options);
    ASSERT_THAT(store, IsOk());
    {
      Staging writer(store->get());
      for (const std::string& key : c.committed) {
        writer.Put(Column::kViews, key, "v");
      }
      ASSERT_THAT(writer.Commit(), IsOk());
    }
    Staging staging(store->get());
    for (const std::string& key : c.staged_puts) {
      staging.Put(Column::kViews, key, "v");
    }
    for (const std::string& key : c.staged_deletes) {
      staging.Delete(Column::kViews, key);
    }
    auto last = staging.LastKeyWithPrefix(Column::kViews, "p");
    ASSERT_THAT(last, IsOk());
    EXPECT_EQ(*last, c.want);
  }
}

TEST_F(StagingTest, ScanCommittedSeesOnlyCommittedKeysOfThePrefix) {
  Committed("p1", "one");
  Committed("p3", "three");
  Committed("q1", "other prefix");
  staging_->Put(Column::kViews, "p2", "staged");
  staging_->Delete(Column::kViews, "p3");
  std::vector<std::string> seen;
  PrefixIterator it = staging_->ScanCommitted(Column::kViews, "p");
  for (it.Seek(); it.Valid(); it.Next()) seen.emplace_back(it.key());
  ASSERT_THAT(it.status(), IsOk());
  EXPECT_EQ(seen, (std::vector<std::string>{"p1", "p3"}));
  it.SeekToLast();
  ASSERT_TRUE(it.Valid());
  EXPECT_EQ(it.key(), "p3");
}

TEST_F(StagingTest, LastKeyWithPrefixForgetsRolledBackKeys) {
  Committed("p1", "v");
  staging_->SetSavePoint();
  staging_->Put(Column::kViews, "p9", "v");
  staging_->Delete(Column::kViews, "p1");
  staging_->RollbackToSavePoint();
  EXPECT_THAT(LastKey("p"), Optional(std::string("p1")));
}

// The total under key in the tallies column, as a fresh snapshot reads it;
// nullopt if there is none.
std::optional<int64_t> ReadTotal(Store& store, const std::string& key) {
  ReadView view(&store);
  auto value = view.Get(Column::kTallies, key);
  EXPECT_THAT(value, IsOk());
  if (!value.ok() || !value->has_value()) return std::nullopt;
  int64_t total = 0;
  EXPECT_TRUE(keys::DecodeFixed64(**value, &total));
  return total;
}

TEST_F(StagingTest, TotalsAddUpWithinAndAcrossGroups) {
  staging_->AddToTotal(Column::kTallies, "t1", 500);
  staging_->AddToTotal(Column::kTallies, "t1", -200);
  staging_->AddToTotal(Column::kTallies, "t2", 7);
  EXPECT_EQ(ReadTotal(*store_, "t1"), std::nullopt);  // Not yet durable.
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadTotal(*store_, "t1"), 300);
  EXPECT_EQ(ReadTotal(*store_, "t2"), 7);
  staging_->AddToTotal(Column::kTallies, "t1", -1000);
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadTotal(*store_, "t1"), -700);
  // A group whose deltas cancel writes nothing new.
  staging_->AddToTotal(Column::kTallies, "t3", 5);
  staging_->AddToTotal(Column::kTallies, "t3", -5);
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadTotal(*store_, "t3"), std::nullopt);
}

TEST_F(StagingTest, RollbackTakesBackOnlyTheRequestsTotals) {
  staging_->AddToTotal(Column::kTallies, "t", 100);
  staging_->SetSavePoint();
  staging_->AddToTotal(Column::kTallies, "t", 40);
  staging_->AddToTotal(Column::kTallies, "u", 3);
  staging_->SetSavePoint();  // A nested request, kept.
  staging_->AddToTotal(Column::kTallies, "t", 1);
  staging_->PopSavePoint();
  staging_->RollbackToSavePoint();
  staging_->SetSavePoint();
  staging_->AddToTotal(Column::kTallies, "t", 20);
  staging_->PopSavePoint();
  ASSERT_THAT(staging_->Commit(), IsOk());
  EXPECT_EQ(ReadTotal(*store_, "t"), 120);
  EXPECT_EQ(ReadTotal(*store_, "u"), std::nullopt);
}

TEST_F(StagingTest, TotalsSurviveReopeningAndCompaction) {
  for (int i = 0; i < 10; ++i) {
    staging_->AddToTotal(Column::kTallies, "t", i);
    ASSERT_THAT(staging_->Commit(), IsOk());
  }
  ASSERT_TRUE(store_->db()
                  ->CompactRange(rocksdb::CompactRangeOptions(),
                                 store_->handle(Column::kTallies), nullptr,
                                 nullptr)
                  .ok());
  staging_.reset();
  store_.reset();
  StoreOptions options;
  options.path = dir_.path();
  auto store = Store::Open(options);
  ASSERT_THAT(store, IsOk());
  EXPECT_EQ(ReadTotal(**store, "t"), 45);
}

TEST_F(StagingTest, AMalformedTotalIsAnErrorNotANumber) {
  // A value that is not 8 bytes, as if the file were damaged.
  ASSERT_TRUE(store_->db()
                  ->Put(rocksdb::WriteOptions(),
                        store_->handle(Column::kTallies), "bad", "xyz")
                  .ok());
  staging_->AddToTotal(Column::kTallies, "bad", 1);
  ASSERT_THAT(staging_->Commit(), IsOk());
  ReadView view(store_.get());
  EXPECT_FALSE(view.Get(Column::kTallies, "bad").ok());
}

}  // namespace
}  // namespace welfare::storage
