// The months that a member's dues cover (services/domain/member_rules.h):
// adding, removing, merging, and detecting months already paid.
#include <climits>
#include <cstdlib>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/member_rules.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

constexpr int32_t kJan2026 = 2026 * 12;

// The runs as (first, count) pairs.
std::vector<std::pair<int32_t, int32_t>> Runs(const MemberView& member) {
  std::vector<std::pair<int32_t, int32_t>> runs;
  for (const auto& run : member.paid_months()) {
    runs.emplace_back(run.first_month_index(), run.month_count());
  }
  return runs;
}

auto AlreadyPaid() {
  return HasError(absl::StatusCode::kFailedPrecondition,
                  "DUES_MONTHS_ALREADY_PAID");
}

TEST(PaidMonthsTest, AddingAdjacentRunsMergesThem) {
  MemberView member;
  AddPaidMonths(&member, kJan2026 + 6, 3);  // Jul-Sep
  AddPaidMonths(&member, kJan2026, 3);      // Jan-Mar
  EXPECT_EQ(Runs(member), (std::vector<std::pair<int32_t, int32_t>>{
                              {kJan2026, 3}, {kJan2026 + 6, 3}}));
  AddPaidMonths(&member, kJan2026 + 3, 3);  // Apr-Jun fills the gap
  EXPECT_EQ(Runs(member),
            (std::vector<std::pair<int32_t, int32_t>>{{kJan2026, 9}}));
}

TEST(PaidMonthsTest, AYearOfDuesCrossesTheYearEnd) {
  MemberView member;
  AddPaidMonths(&member, kJan2026 + 9, 12);  // Oct 2026 - Sep 2027
  EXPECT_THAT(CheckMonthsUnpaid(member, kJan2026 + 12 + 8, 1), AlreadyPaid());
  EXPECT_THAT(CheckMonthsUnpaid(member, kJan2026 + 12 + 9, 1), IsOk());
  EXPECT_THAT(CheckMonthsUnpaid(member, kJan2026 + 8, 1), IsOk());
}

TEST(PaidMonthsTest, RemovingMonthsSplitsARun) {
  MemberView member;
  AddPaidMonths(&member, kJan2026, 12);
  RemovePaidMonths(&member, kJan2026 + 4, 2);  // May-Jun
  EXPECT_EQ(Runs(member), (std::vector<std::pair<int32_t, int32_t>>{
                              {kJan2026, 4}, {kJan2026 + 6, 6}}));
  RemovePaidMonths(&member, kJan2026, 4);
  EXPECT_EQ(Runs(member),
            (std::vector<std::pair<int32_t, int32_t>>{{kJan2026 + 6, 6}}));
  AddPaidMonths(&member, kJan2026 + 4, 2);  // Paid again: merged back.
  EXPECT_EQ(Runs(member),
            (std::vector<std::pair<int32_t, int32_t>>{{kJan2026 + 4, 8}}));
}

TEST(PaidMonthsTest, DetectsEveryKindOfOverlap) {
  MemberView member;
  AddPaidMonths(&member, kJan2026 + 3, 3);  // Apr-Jun
  const struct {
    const char* name;
    int32_t first;
    int32_t count;
    bool overlaps;
  } cases[] = {
      {"just before", kJan2026, 3, false},
      {"just after", kJan2026 + 6, 3, false},
      {"overlaps the start", kJan2026 + 1, 3, true},
      {"overlaps the end", kJan2026 + 5, 3, true},
      {"inside", kJan2026 + 4, 1, true},
      {"the same months", kJan2026 + 3, 3, true},
      {"around", kJan2026, 12, true},
      {"no months", kJan2026 + 4, 0, false},
  };
  for (const auto& c : cases) {
    if (c.overlaps) {
      EXPECT_THAT(CheckMonthsUnpaid(member, c.first, c.count), AlreadyPaid())
          << c.name;
    } else {
      EXPECT_THAT(CheckMonthsUnpaid(member, c.first, c.count), IsOk())
          << c.name;
    }
  }
}

// A seeded random walk of payments and reversals against a set of months.
TEST(PaidMonthsTest, AgreesWithASetOfMonths) {
  uint64_t seed = 20260615;
  if (const char* env = std::getenv("WELFARE_SIMULATION_SEED")) {
    seed = std::strtoull(env, nullptr, 10);
  }
  SCOPED_TRACE(absl::StrCat("seed ", seed,
                            "; replay with WELFARE_SIMULATION_SEED=", seed));
  std::mt19937_64 random(seed);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  MemberView member;
  std::set<int32_t> paid;
  for (int step = 0; step < 2000 && !HasFailure(); ++step) {
    const int32_t first = kJan2026 + uniform(0, 60);
    const int32_t count = uniform(1, 12);
    bool any_paid = false, all_paid = true;
    for (int32_t m = first; m < first + count; ++m) {
      if (paid.count(m)) {
        any_paid = true;
      } else {
        all_paid = false;
      }
    }
    EXPECT_EQ(CheckMonthsUnpaid(member, first, count).ok(), !any_paid)
        << "step " << step;
    if (!any_paid) {
      AddPaidMonths(&member, first, count);
      for (int32_t m = first; m < first + count; ++m) paid.insert(m);
    } else if (all_paid) {
      RemovePaidMonths(&member, first, count);
      for (int32_t m = first; m < first + count; ++m) paid.erase(m);
    }
    // The runs are exactly the set: sorted, disjoint, not adjacent.
    std::set<int32_t> covered;
    int32_t previous_end = INT32_MIN;
    for (const auto& [run_first, run_count] : Runs(member)) {
      EXPECT_GT(run_count, 0) << "step " << step;
      EXPECT_GT(run_first, previous_end) << "step " << step;
      for (int32_t m = run_first; m < run_first + run_count; ++m) {
        covered.insert(m);
      }
      previous_end = run_first + run_count;
    }
    EXPECT_EQ(covered, paid) << "step " << step;
  }
}

}  // namespace
}  // namespace welfare::domain
