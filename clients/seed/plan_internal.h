// The planner's stages, shared by its files; not part of the library's API.
//
//   layout (plan_layout.cc)    districts, sub-districts, funds, sizes
//   members (plan_members.cc)  per fund: members, their dues habits, deaths
//   events (plan_events.cc,    per fund: a year of money and deaths, before
//     plan_benefits.cc)          the cash model chooses accounts
//   books (plan_books.cc)      per fund: the cash model, batches and steps
#ifndef WELFARE_CLIENTS_SEED_PLAN_INTERNAL_H_
#define WELFARE_CLIENTS_SEED_PLAN_INTERNAL_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "clients/seed/plan.h"
#include "clients/seed/random.h"

namespace welfare::seed::internal {

// ---- Calendar: days as numbers since 1970-01-01. ----
using Day = int32_t;
inline constexpr Day kNever = std::numeric_limits<Day>::max();

Day DayOf(absl::CivilDay day);
Day DayOf(int year, int month, int day_of_month);
absl::CivilDay CivilOf(Day day);
v1::Date ProtoDate(Day day);
// year * 12 + month - 1, as the API's months of dues.
int32_t MonthIndexOf(Day day);
v1::YearMonth YearMonthOf(int32_t month_index);
// The day of month (clamped to the month's length) of month_index.
Day DayInMonth(int32_t month_index, int day_of_month);
Day LastDayOfMonth(int32_t month_index);

inline constexpr int64_t kSatangPerBaht = 100;

// Independent random streams of a fund, so that adding a kind of event
// leaves the others as they were.
enum class Stream : uint64_t {
  kLayout = 1,
  kMembers,
  kDues,
  kIncome,
  kBenefits,
  kCosts,
};
Rng StreamFor(uint64_t seed, int fund_index, Stream stream);

// ---- Layout: the province's areas and funds. ----
struct FundLayout {
  int index = 0;          // 0-based
  std::string fund_id;    // "p33-f0001"
  std::string area_code;  // 6 digits: province, district, sub-district
  std::string district_name;
  std::string subdistrict_name;
  bool municipal = false;  // run at municipal (เทศบาล) level
  std::vector<std::string> village_codes;  // 8 digits each
  std::vector<std::string> village_names;
  int member_count = 0;
  Day founding_day = 0;
  bool young = false;  // founded in the year before the simulated one
};

struct ProvinceLayout {
  std::string province_name;
  Day first_day = 0;  // of the fiscal year
  Day last_day = 0;   // of the fiscal year
  // The opening balances' date: the previous fiscal year's last day
  // (30 September), so that they open the year instead of being its
  // receipts. Funds are founded, and members join, on or before it.
  Day opening_day = 0;
  Day as_of = 0;
  std::vector<FundLayout> funds;
};

ProvinceLayout PlanLayout(const ProvinceSpec& spec);

// ---- Members. ----
enum class DuesHabit { kYearly, kMonthly, kHalfYearly, kIrregular };

struct MemberFacts {
  int number = 0;  // 1, 2, ...
  v1::MemberCategory category = v1::MEMBER_CATEGORY_GENERAL;
  Day join_day = 0;
  DuesHabit dues = DuesHabit::kYearly;
  Day death_day = kNever;  // within the fiscal year, or kNever
  // Whether the member may pay or receive on day: joined and alive.
  bool AliveOn(Day day) const { return day >= join_day && day < death_day; }
};

// Members of a fund and their registration requests (parallel vectors).
void PlanMembers(const ProvinceSpec& spec, const ProvinceLayout& province,
                 const FundLayout& fund, std::vector<MemberFacts>* facts,
                 std::vector<v1::RegisterMemberRequest>* requests);

// ---- Events: what happens to a fund's money, before the cash model. ----
enum class EventKind {
  kOpeningBalance,  // amount split into cash and bank by the books
  kContribution,
  kInterest,  // amount is the yearly rate in basis points of the bank balance
  kStatusChange,  // member dies
  kBenefit,
  kOperatingCost,
  kMonthEnd,  // deposit surplus cash into the bank
};

// Within a day: the opening balance and status changes, then money in, then
// money out, then the month's closing.
enum class Phase { kFirst = 0, kIncome = 1, kPayment = 2, kClosing = 3 };

struct Event {
  Day day = 0;
  Phase phase = Phase::kIncome;
  int64_t serial = 0;  // order of generation, for a stable sort
  EventKind kind = EventKind::kContribution;
  int member = 0;
  int64_t amount_satang = 0;
  bool into_bank = false;  // contributions: deposited at the bank
  bool from_bank = false;  // disbursements: paid from the bank if it can
  v1::ContributionSource source = v1::CONTRIBUTION_SOURCE_UNSPECIFIED;
  int32_t first_month = 0;  // dues
  int32_t month_count = 0;
  std::string payer;
  std::string matching_round;
  v1::BenefitCategory category = v1::BENEFIT_CATEGORY_UNSPECIFIED;
  v1::Payee payee = v1::PAYEE_UNSPECIFIED;
  int32_t quantity = 0;
  v1::CostKind cost_kind = v1::COST_KIND_UNSPECIFIED;
  const char* text = "";  // benefit sub-type, cost description or memo
};

// Every event of the fund's fiscal year (not yet cut at as_of), unsorted.
std::vector<Event> PlanEvents(const ProvinceSpec& spec,
                              const ProvinceLayout& province,
                              const FundLayout& fund,
                              const std::vector<MemberFacts>& members);

// Benefits and deaths (plan_benefits.cc): appends to events.
void PlanBenefits(const ProvinceSpec& spec, const ProvinceLayout& province,
                  const FundLayout& fund,
                  const std::vector<MemberFacts>& members,
                  std::vector<Event>* events);

// ---- Books: the cash model; fills plan->steps and plan->totals. ----
void PlanBooks(const ProvinceSpec& spec, const ProvinceLayout& province,
               std::vector<Event> events, FundPlan* plan);

// "seed<seed>:<fund_id>:<item>".
std::string RequestId(uint64_t seed, const std::string& fund_id,
                      const std::string& item);

}  // namespace welfare::seed::internal

#endif  // WELFARE_CLIENTS_SEED_PLAN_INTERNAL_H_
