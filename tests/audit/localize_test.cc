// FirstInconsistent: the binary search that names the first bad entry.
#include "clients/audit/localize.h"

#include <vector>

#include "gtest/gtest.h"

namespace welfare::auditor::testing {
namespace {

TEST(FirstInconsistentTest, FindsTheFirstBadSizeWithLogarithmicCalls) {
  for (uint64_t first_bad : {1, 2, 3, 500, 4095, 4096}) {
    std::vector<uint64_t> asked;
    absl::StatusOr<uint64_t> found =
        FirstInconsistent(0, 4096, [&](uint64_t m) -> absl::StatusOr<bool> {
          asked.push_back(m);
          EXPECT_GT(m, 0u);
          EXPECT_LT(m, 4096u);
          return m < first_bad;
        });
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(*found, first_bad);
    EXPECT_LE(asked.size(), 12u);
  }
}

TEST(FirstInconsistentTest, AdjacentBoundsNeedNoCall) {
  absl::StatusOr<uint64_t> found =
      FirstInconsistent(7, 8, [](uint64_t) -> absl::StatusOr<bool> {
        ADD_FAILURE() << "asked";
        return true;
      });
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, 8u);
}

TEST(FirstInconsistentTest, StopsAtTheFirstError) {
  int calls = 0;
  absl::StatusOr<uint64_t> found =
      FirstInconsistent(0, 100, [&](uint64_t) -> absl::StatusOr<bool> {
        ++calls;
        return absl::UnavailableError("down");
      });
  EXPECT_EQ(found.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace welfare::auditor::testing
