// A member's status over time (services/domain/member_rules.h): which
// changes are allowed, the status on a date, and who may pay or receive.
#include <utility>
#include <vector>

#include "services/domain/member_rules.h"
#include "tests/testing/test_util.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
using ::welfare::testing::HasError;
using ::welfare::testing::IsOk;

constexpr int32_t kJoinDay = 20000;
constexpr int32_t kActive = v1::MEMBER_STATUS_ACTIVE;
constexpr int32_t kResigned = v1::MEMBER_STATUS_RESIGNED;
constexpr int32_t kDeceased = v1::MEMBER_STATUS_DECEASED;
constexpr int32_t kLapsed = v1::MEMBER_STATUS_LAPSED;
constexpr int32_t kUnspecified = v1::MEMBER_STATUS_UNSPECIFIED;

// A member who joined on kJoinDay (ACTIVE) and then had the given changes.
MemberView Member(std::vector<std::pair<int32_t, int32_t>> changes = {}) {
  MemberView member;
  member.set_member_number(7);
  member.set_join_day(kJoinDay);
  auto* joined = member.add_status_history();
  joined->set_status(kActive);
  joined->set_effective_day(kJoinDay);
  for (const auto& [status, day] : changes) {
    auto* period = member.add_status_history();
    period->set_status(status);
    period->set_effective_day(day);
  }
  return member;
}

auto NotActive() {
  return HasError(absl::StatusCode::kFailedPrecondition, "MEMBER_NOT_ACTIVE");
}
auto NotYetJoined() {
  return HasError(absl::StatusCode::kFailedPrecondition,
                  "MEMBER_NOT_YET_JOINED");
}

TEST(StatusChangeTest, EveryTransitionIsAllowedOrRefusedAsTheRulesSay) {
  const struct {
    int32_t from;
    int32_t to;
    bool allowed;
  } cases[] = {
      {kActive, kUnspecified, false},
      {kActive, kActive, false},
      {kActive, kResigned, true},
      {kActive, kDeceased, true},
      {kActive, kLapsed, true},
      {kLapsed, kUnspecified, false},
      {kLapsed, kActive, true},
      {kLapsed, kResigned, true},
      {kLapsed, kDeceased, true},
      {kLapsed, kLapsed, false},
      {kResigned, kUnspecified, false},
      {kResigned, kActive, true},
      {kResigned, kResigned, false},
      {kResigned, kDeceased, true},
      {kResigned, kLapsed, false},
      {kDeceased, kUnspecified, false},
      {kDeceased, kActive, false},
      {kDeceased, kResigned, false},
      {kDeceased, kDeceased, false},
      {kDeceased, kLapsed, false},
      {kActive, 99, false},
      {kLapsed, 99, false},
  };
  for (const auto& c : cases) {
    const MemberView member =
        c.from == kActive ? Member() : Member({{c.from, kJoinDay + 10}});
    absl::Status status = CheckStatusChange(member, c.to, kJoinDay + 20);
    if (c.allowed) {
      EXPECT_THAT(status, IsOk()) << c.from << " -> " << c.to;
    } else {
      EXPECT_THAT(status, HasError(absl::StatusCode::kFailedPrecondition,
                                   "STATUS_TRANSITION_INVALID"))
          << c.from << " -> " << c.to;
    }
  }
}

TEST(StatusChangeTest, ChangeMayNotBeDatedBeforeTheLastOne) {
  const MemberView lapsed = Member({{kLapsed, kJoinDay + 10}});
  EXPECT_THAT(CheckStatusChange(lapsed, kActive, kJoinDay + 9),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "STATUS_TRANSITION_INVALID"));
  EXPECT_THAT(CheckStatusChange(lapsed, kActive, kJoinDay + 10), IsOk());
  EXPECT_THAT(CheckStatusChange(Member(), kResigned, kJoinDay - 1),
              HasError(absl::StatusCode::kFailedPrecondition,
                       "STATUS_TRANSITION_INVALID"));
}

TEST(StatusOnTest, FollowsTheHistory) {
  const MemberView member = Member({{kLapsed, kJoinDay + 90},
                                    {kActive, kJoinDay + 100},
                                    {kDeceased, kJoinDay + 400}});
  const struct {
    int32_t day;
    int32_t status;
  } cases[] = {
      {kJoinDay - 1, kUnspecified}, {kJoinDay, kActive},
      {kJoinDay + 89, kActive},     {kJoinDay + 90, kLapsed},
      {kJoinDay + 99, kLapsed},     {kJoinDay + 100, kActive},
      {kJoinDay + 399, kActive},    {kJoinDay + 400, kDeceased},
      {kJoinDay + 9999, kDeceased},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StatusOn(member, c.day), c.status) << c.day;
  }
}

TEST(StatusOnTest, LaterChangeOnTheSameDayWins) {
  const MemberView member =
      Member({{kLapsed, kJoinDay + 5}, {kActive, kJoinDay + 5}});
  EXPECT_EQ(StatusOn(member, kJoinDay + 5), kActive);
}

TEST(MayPayTest, ActiveOrLapsedJoinedMembersPay) {
  const MemberView member = Member({{kLapsed, kJoinDay + 90},
                                    {kResigned, kJoinDay + 200},
                                    {kActive, kJoinDay + 300},
                                    {kDeceased, kJoinDay + 400}});
  const struct {
    int32_t day;
    bool may_pay;
  } cases[] = {{kJoinDay, true},        {kJoinDay + 90, true},
               {kJoinDay + 200, false}, {kJoinDay + 299, false},
               {kJoinDay + 300, true},  {kJoinDay + 400, false}};
  for (const auto& c : cases) {
    if (c.may_pay) {
      EXPECT_THAT(CheckMayPay(member, c.day), IsOk()) << c.day;
    } else {
      EXPECT_THAT(CheckMayPay(member, c.day), NotActive()) << c.day;
    }
  }
  EXPECT_THAT(CheckMayPay(member, kJoinDay - 1), NotYetJoined());
}

TEST(MayReceiveTest, OnlyActiveMembersReceiveMostBenefits) {
  const MemberView member = Member({{kLapsed, kJoinDay + 90}});
  for (int category = 1; category <= 16; ++category) {
    const auto benefit = static_cast<v1::BenefitCategory>(category);
    EXPECT_THAT(CheckMayReceive(member, benefit, kJoinDay + 10), IsOk())
        << category;
    EXPECT_THAT(CheckMayReceive(member, benefit, kJoinDay + 90), NotActive())
        << category;
    EXPECT_THAT(CheckMayReceive(member, benefit, kJoinDay - 1), NotYetJoined())
        << category;
  }
}

TEST(MayReceiveTest, DeathAndFuneralBenefitsArePaidForTheDeceased) {
  const MemberView member = Member({{kDeceased, kJoinDay + 50}});
  for (int category = 1; category <= 16; ++category) {
    const auto benefit = static_cast<v1::BenefitCategory>(category);
    const bool for_the_dead = benefit == v1::BENEFIT_CATEGORY_DEATH ||
                              benefit == v1::BENEFIT_CATEGORY_FUNERAL;
    if (for_the_dead) {
      EXPECT_THAT(CheckMayReceive(member, benefit, kJoinDay + 60), IsOk())
          << category;
    } else {
      EXPECT_THAT(CheckMayReceive(member, benefit, kJoinDay + 60), NotActive())
          << category;
    }
  }
}

TEST(MayReceiveTest, ResignedMembersReceiveNothingNotEvenADeathBenefit) {
  const MemberView member = Member({{kResigned, kJoinDay + 50}});
  EXPECT_THAT(
      CheckMayReceive(member, v1::BENEFIT_CATEGORY_DEATH, kJoinDay + 60),
      NotActive());
  EXPECT_THAT(
      CheckMayReceive(member, v1::BENEFIT_CATEGORY_SICKNESS, kJoinDay + 60),
      NotActive());
  // Before resigning they were active.
  EXPECT_THAT(
      CheckMayReceive(member, v1::BENEFIT_CATEGORY_SICKNESS, kJoinDay + 49),
      IsOk());
}

TEST(MayReceiveTest, NoBenefitOfAnyKindBeforeJoining) {
  const MemberView member = Member({{kDeceased, kJoinDay + 1}});
  EXPECT_THAT(
      CheckMayReceive(member, v1::BENEFIT_CATEGORY_FUNERAL, kJoinDay - 1),
      NotYetJoined());
}

}  // namespace
}  // namespace welfare::domain
