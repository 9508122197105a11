// StateStore: files per fund, atomically replaced, private, and refused
// when they are not what they claim.
#include "clients/audit/state_store.h"

#include <sys/stat.h>

#include <fstream>

#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

namespace welfare::auditor::testing {
namespace {

using welfare::testing::TempDir;

v1::FundState StateOf(const std::string& fund_id, uint64_t size) {
  v1::FundState state;
  state.set_fund_id(fund_id);
  state.set_tree_size(size);
  state.set_root_hash(std::string(32, 'r'));
  return state;
}

TEST(StateStoreTest, SavesAndLoadsEachFundPrivately) {
  TempDir dir;
  absl::StatusOr<StateStore> store = StateStore::Open(dir.path() + "/state");
  ASSERT_TRUE(store.ok()) << store.status();
  auto none = store->Load("ban-nong-khu");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  ASSERT_TRUE(store->Save(StateOf("ban-nong-khu", 7)).ok());
  ASSERT_TRUE(store->Save(StateOf("ban-nong-khu", 9)).ok());
  auto loaded = store->Load("ban-nong-khu");
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->tree_size(), 9u);
  EXPECT_EQ((*loaded)->format_version(), 1u);

  struct stat info;
  ASSERT_EQ(stat(store->PathOf("ban-nong-khu").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  ASSERT_EQ(stat(store->dir().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700);
  EXPECT_NE(stat((store->PathOf("ban-nong-khu") + ".tmp").c_str(), &info), 0);
}

TEST(StateStoreTest, RefusesFilesThatAreNotTheFundsState) {
  TempDir dir;
  absl::StatusOr<StateStore> store = StateStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  std::ofstream(store->PathOf("ban-garbage")) << "not a state";
  EXPECT_EQ(store->Load("ban-garbage").status().code(),
            absl::StatusCode::kDataLoss);
  ASSERT_TRUE(store->Save(StateOf("ban-other", 1)).ok());
  std::rename(store->PathOf("ban-other").c_str(),
              store->PathOf("ban-renamed").c_str());
  EXPECT_EQ(store->Load("ban-renamed").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(StateStoreTest, OnlyFundIdsNameFiles) {
  TempDir dir;
  absl::StatusOr<StateStore> store = StateStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  for (const char* id : {"../etc", "ab", "Ban", "1ban", "ban/x", ""}) {
    EXPECT_EQ(store->Load(id).status().code(),
              absl::StatusCode::kInvalidArgument)
        << id;
    EXPECT_EQ(store->Save(StateOf(id, 1)).code(),
              absl::StatusCode::kInvalidArgument)
        << id;
  }
  std::ofstream(dir.path() + "/file") << "x";
  EXPECT_EQ(StateStore::Open(dir.path() + "/file").status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace welfare::auditor::testing
