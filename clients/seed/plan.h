// The plan of a seeded province: every request that fills a province's
// community welfare funds with a fiscal year of members and money, computed
// without any I/O. Execute it with clients/seed/execute.h.
//
// A plan holds, per fund, the CreateFundRequest, one RegisterMemberRequest
// per member (member i gets member number i + 1, as the server assigns them
// in order), and steps in date order: first the balances brought forward,
// one transaction dated the previous fiscal year's last day (30 September,
// as `welfare import --opening-date` does), so that the year's reports show
// them as its opening balance and not as its receipts; then the year's
// PostBatchRequests of at most kBatchItemsMax items and, before a death
// benefit, the ChangeMemberStatus that records the death. Every request is
// one the server accepts on an empty database whose today is on or after
// as_of: nothing dated before the fund's founding (funds are founded, and
// members join, on or before the opening balances' day), benefits only to
// members active on the date (death and funeral benefits for the deceased),
// dues only by active members and for months not yet paid, and cash (1101)
// and bank (1111) never negative on any date, by a cash model that
// deposits, withdraws, or defers a payment the fund cannot make.
//
// Every request_id is "seed<seed>:<fund_id>:<item>", so executing the same
// plan again writes nothing new. The same spec gives a byte-identical plan
// (PlanBytes). A fund's contents do not depend on how many funds the
// province has: a spec with fewer funds plans the first funds of the bigger
// province, byte for byte. A plan with a later as_of is a different plan:
// its last batches differ, and the server refuses them as REQUEST_ID_REUSED
// over an earlier one's.
#ifndef WELFARE_CLIENTS_SEED_PLAN_H_
#define WELFARE_CLIENTS_SEED_PLAN_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::seed {

namespace v1 = welfare::ledger::v1;

// The server's limit on items per PostBatch.
inline constexpr int kBatchItemsMax = 2000;
// Limits of a spec: funds fill up to 99 districts of 8 sub-districts each;
// national IDs are unique for fewer than 10,000 members per fund.
inline constexpr int kFundsPerDistrict = 8;
inline constexpr int kFundsMax = 99 * kFundsPerDistrict;
inline constexpr int kMembersPerFundMax = 9999;

// Yearly rates per 1,000 members and the share of income spent on running
// the fund; defaults from DOMAIN.md's synthetic data. Each fund draws its own
// rate from min..max.
struct Rates {
  int deaths_per_1000 = 5;
  int hospital_stays_per_1000_min = 80;
  int hospital_stays_per_1000_max = 120;
  int births_per_1000_min = 5;
  int births_per_1000_max = 8;
  int education_grants_per_1000_min = 10;
  int education_grants_per_1000_max = 30;
  int operating_cost_percent_min = 5;
  int operating_cost_percent_max = 15;
};

struct ProvinceSpec {
  uint64_t seed = 1;
  // Two-digit DOPA province code; "33" is Sisaket.
  std::string province_code = "33";
  // Funds in the province: 1..kFundsMax.
  int funds = 170;
  // Members per fund: lognormal around members_median with spread
  // members_sigma (of the natural log), clamped to members_min..members_max
  // (1 <= min <= median <= max <= kMembersPerFundMax).
  int members_median = 700;
  int members_min = 100;
  int members_max = 5000;
  double members_sigma = 0.75;
  // The Thai fiscal year simulated, named by its Buddhist Era end year: 2569
  // is 2025-10-01 .. 2026-09-30. 2520..3000.
  int fiscal_year_be = 2569;
  // Nothing is dated after this day; unset means the fiscal year's last day.
  // It must fall within the fiscal year, and the server refuses dates after
  // its today.
  std::optional<absl::CivilDay> as_of;
  Rates rates;
};

// OK, or INVALID_ARGUMENT naming the bad field and what was wanted.
absl::Status ValidateSpec(const ProvinceSpec& spec);

// The first and last day of a fiscal year (by its BE name).
absl::CivilDay FiscalYearFirstDay(int fiscal_year_be);
absl::CivilDay FiscalYearLastDay(int fiscal_year_be);

// Counts of what a plan writes.
struct PlanTotals {
  int64_t funds = 0;
  int64_t members = 0;
  // Indexed by v1::MemberCategory.
  std::array<int64_t, 7> members_by_category{};
  int64_t status_changes = 0;
  int64_t batches = 0;
  // Batch items by kind.
  int64_t contributions = 0;
  int64_t disbursements = 0;
  int64_t transactions = 0;
  int64_t dues_payments = 0;
  int64_t benefits = 0;
  // Benefits the rulebook granted but the fund had no money for.
  int64_t deferred_benefits = 0;
  int64_t income_satang = 0;
  int64_t benefits_satang = 0;
  int64_t operating_costs_satang = 0;
  // Journal entries written: funds + members + status changes + items.
  int64_t entries = 0;

  void Add(const PlanTotals& other);
};

// One step after the members are registered: a batch, or a status change.
struct FundStep {
  enum class Kind { kBatch, kStatusChange };
  Kind kind = Kind::kBatch;
  v1::PostBatchRequest batch;                   // kBatch
  v1::ChangeMemberStatusRequest status_change;  // kStatusChange
  const std::string& request_id() const {
    return kind == Kind::kBatch ? batch.request_id()
                                : status_change.request_id();
  }
};

struct FundPlan {
  std::string fund_id;  // e.g. "p33-f0001"
  v1::CreateFundRequest create;
  // Member number i + 1 is members[i].
  std::vector<v1::RegisterMemberRequest> members;
  std::vector<FundStep> steps;
  PlanTotals totals;
};

struct ProvincePlan {
  ProvinceSpec spec;
  absl::CivilDay first_day;  // of the fiscal year
  absl::CivilDay as_of;      // the last day anything is dated
  std::vector<FundPlan> funds;
  PlanTotals totals;
};

// The plan of a province, all in memory: the default province (170 funds,
// about a million items) takes some 4 s and 0.7 GB. Errors: those of
// ValidateSpec.
absl::StatusOr<ProvincePlan> PlanProvince(const ProvinceSpec& spec);

// Every request of the plan, serialized in order: equal bytes, equal plans.
std::string PlanBytes(const ProvincePlan& plan);

}  // namespace welfare::seed

#endif  // WELFARE_CLIENTS_SEED_PLAN_H_
