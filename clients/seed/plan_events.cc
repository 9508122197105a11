// A fund's year of money in: the opening balance, member dues, grants,
// donations and interest; and the money out that follows income: operating
// costs. Benefits are in plan_benefits.cc. Amounts are whole baht.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "clients/seed/plan_internal.h"

namespace welfare::seed::internal {
namespace {

constexpr int kMonthsPerYear = 12;
// Fiscal-year month offsets (0 = October).
constexpr int kDecember = 2;
constexpr int kFebruary = 4;
constexpr int kApril = 6;
constexpr int kJune = 8;
// Dues ("one baht a day"): 30 a month, 180 a half-year, 365 a year.
constexpr int64_t kMonthlyDuesBaht = 30;
constexpr int64_t kHalfYearlyDuesBaht = 180;
constexpr int64_t kYearlyDuesBaht = 365;
// Monthly payers miss a month now and then and pay it with the next.
constexpr int kMonthlyMissPercent = 8;
// A member is matched at most three times, after a full year as a member.
constexpr int kMatchesMax = 3;
constexpr int kDaysPerYear = 365;

struct DuesContext {
  int32_t first_month;  // month index of the fiscal year's October
  int collection_day;   // the fund's day of the month for collecting dues
};

Event& AddEvent(std::vector<Event>* events, Day day, Phase phase,
                EventKind kind) {
  Event& event = events->emplace_back();
  event.day = day;
  event.phase = phase;
  event.kind = kind;
  return event;
}

Event& AddContribution(std::vector<Event>* events, Day day,
                       v1::ContributionSource source, int64_t baht,
                       bool into_bank) {
  Event& event =
      AddEvent(events, day, Phase::kIncome, EventKind::kContribution);
  event.source = source;
  event.amount_satang = baht * kSatangPerBaht;
  event.into_bank = into_bank;
  return event;
}

// Pays months [first, first + count) of the fiscal year in month `when`,
// if the member is alive then.
void PayDues(const DuesContext& context, const MemberFacts& member, int when,
             int first, int count, int64_t baht, const char* memo,
             std::vector<Event>* events) {
  const Day day =
      DayInMonth(context.first_month + when, context.collection_day);
  if (!member.AliveOn(day) || count <= 0) return;
  Event& event =
      AddContribution(events, day, v1::CONTRIBUTION_SOURCE_MEMBER_DUES, baht,
                      /*into_bank=*/false);
  event.member = member.number;
  event.first_month = context.first_month + first;
  event.month_count = count;
  event.text = memo;
}

void PlanMemberDues(Rng& rng, const DuesContext& context,
                    const MemberFacts& member, std::vector<Event>* events) {
  switch (member.dues) {
    case DuesHabit::kYearly: {
      const int64_t percent = rng.Uniform(0, 99);
      const int when = percent < 80 ? 0 : (percent < 95 ? 1 : 2);
      PayDues(context, member, when, 0, kMonthsPerYear, kYearlyDuesBaht,
              "สัจจะรายปี", events);
      break;
    }
    case DuesHabit::kHalfYearly:
      PayDues(context, member, rng.Chance(4, 5) ? 0 : 1, 0, 6,
              kHalfYearlyDuesBaht, "สัจจะรายครึ่งปี", events);
      PayDues(context, member, rng.Chance(4, 5) ? 6 : 7, 6, 6,
              kHalfYearlyDuesBaht, "สัจจะรายครึ่งปี", events);
      break;
    case DuesHabit::kMonthly: {
      int unpaid_from = 0;
      for (int month = 0; month < kMonthsPerYear; ++month) {
        if (rng.Chance(kMonthlyMissPercent, 100)) continue;
        const int count = month - unpaid_from + 1;
        PayDues(context, member, month, unpaid_from, count,
                kMonthlyDuesBaht * count, "สัจจะรายเดือน", events);
        unpaid_from = month + 1;
      }
      break;
    }
    case DuesHabit::kIrregular: {
      // One to four payments in distinct months, each of the next 1..6
      // unpaid months (late or in advance).
      std::vector<int> months;
      const int payments = static_cast<int>(rng.Uniform(1, 4));
      while (static_cast<int>(months.size()) < payments) {
        const int month = static_cast<int>(rng.Uniform(0, kMonthsPerYear - 1));
        if (std::find(months.begin(), months.end(), month) == months.end()) {
          months.push_back(month);
        }
      }
      std::sort(months.begin(), months.end());
      int covered = 0;
      for (int month : months) {
        const int count = std::min(static_cast<int>(rng.Uniform(1, 6)),
                                   kMonthsPerYear - covered);
        PayDues(context, member, month, covered, count,
                kMonthlyDuesBaht * count, "สัจจะ", events);
        covered += count;
      }
      break;
    }
  }
}

// Members matched this round: a full year as a member by the 30 September
// before the year, and fewer than kMatchesMax matches since.
int64_t MatchedMembers(const ProvinceLayout& province,
                       const std::vector<MemberFacts>& members) {
  const Day last_september = province.first_day - 1;
  int64_t matched = 0;
  for (const MemberFacts& member : members) {
    const Day years = (last_september - member.join_day) / kDaysPerYear;
    if (years >= 1 && years <= kMatchesMax) ++matched;
  }
  return matched;
}

void PlanGrants(Rng& rng, const ProvinceSpec& spec,
                const ProvinceLayout& province, const FundLayout& fund,
                const std::vector<MemberFacts>& members, int32_t first_month,
                std::vector<Event>* events) {
  const int64_t people = static_cast<int64_t>(members.size());
  if (fund.young) {  // CODI's start-up grant, in the first quarter.
    AddContribution(events,
                    province.first_day + static_cast<Day>(rng.Uniform(0, 90)),
                    v1::CONTRIBUTION_SOURCE_CODI_GRANT,
                    rng.Uniform(20, 50) * 1000, /*into_bank=*/true)
        .payer = "สถาบันพัฒนาองค์กรชุมชน (พอช.)";
  }
  if (const int64_t matched = MatchedMembers(province, members); matched > 0) {
    const int64_t share_percent = rng.Uniform(50, 100);
    const Day day = DayInMonth(
        first_month + static_cast<int32_t>(rng.Uniform(kFebruary, kApril)),
        static_cast<int>(rng.Uniform(1, 28)));
    Event& match =
        AddContribution(events, day, v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH,
                        0, /*into_bank=*/true);
    match.amount_satang =
        matched * kYearlyDuesBaht * kSatangPerBaht * share_percent / 100;
    match.matching_round = absl::StrCat(spec.fiscal_year_be, "/1");
    match.payer = "รัฐบาล ผ่านสถาบันพัฒนาองค์กรชุมชน (พอช.)";
  }
  if (rng.Chance(1, 2)) {
    const int64_t baht =
        std::max<int64_t>(1000, people * rng.Uniform(10, 40) / 100 * 100);
    AddContribution(
        events,
        static_cast<Day>(rng.Uniform(province.first_day, province.last_day)),
        v1::CONTRIBUTION_SOURCE_LOCAL_GOVERNMENT, baht,
        /*into_bank=*/true)
        .payer =
        absl::StrCat(fund.municipal ? "เทศบาลตำบล" : "องค์การบริหารส่วนตำบล",
                     fund.subdistrict_name);
  }
  const int donations = static_cast<int>(rng.Uniform(0, 3));
  for (int i = 0; i < donations; ++i) {
    const std::string& village = rng.Pick(fund.village_names);
    Event& donation = AddContribution(
        events,
        static_cast<Day>(rng.Uniform(province.first_day, province.last_day)),
        v1::CONTRIBUTION_SOURCE_DONATION, rng.Uniform(5, 100) * 100,
        /*into_bank=*/false);
    switch (rng.Uniform(0, 2)) {
      case 0:
        donation.payer = absl::StrCat("วัดบ้าน", village);
        break;
      case 1:
        donation.payer = absl::StrCat("สหกรณ์การเกษตรอำเภอ", fund.district_name);
        break;
      default:
        donation.payer = absl::StrCat("กลุ่มออมทรัพย์เพื่อการผลิตบ้าน", village);
        break;
    }
  }
  if (rng.Chance(3, 10)) {  // A merit-making fair after the rainy season.
    AddContribution(events,
                    province.first_day + static_cast<Day>(rng.Uniform(14, 60)),
                    v1::CONTRIBUTION_SOURCE_ACTIVITY_PROFIT,
                    rng.Uniform(5, 30) * 1000, /*into_bank=*/false)
        .text = "ผ้าป่าสามัคคีสมทบกองทุน";
  }
}

// The opening balance (brought forward on the day before the year),
// half-yearly interest and the month-end deposits.
void PlanBanking(Rng& rng, const ProvinceLayout& province,
                 const FundLayout& fund, int64_t people, int32_t first_month,
                 std::vector<Event>* events) {
  const int64_t per_member_baht =
      fund.young ? rng.Uniform(150, 365) : rng.Uniform(400, 1600);
  AddEvent(events, province.opening_day, Phase::kFirst,
           EventKind::kOpeningBalance)
      .amount_satang = people * per_member_baht * kSatangPerBaht;
  const int64_t rate_basis_points = rng.Uniform(50, 100);
  for (int month : {kDecember, kJune}) {
    Event& interest = AddEvent(events, DayInMonth(first_month + month, 20),
                               Phase::kIncome, EventKind::kInterest);
    interest.source = v1::CONTRIBUTION_SOURCE_BANK_INTEREST;
    interest.amount_satang = rate_basis_points;
    interest.into_bank = true;
    interest.text = "ดอกเบี้ยเงินฝากออมทรัพย์";
  }
  for (int month = 0; month < kMonthsPerYear; ++month) {
    AddEvent(events, LastDayOfMonth(first_month + month), Phase::kClosing,
             EventKind::kMonthEnd);
  }
}

// Monthly running costs: a share of the year's expected income.
void PlanCosts(Rng& rng, const ProvinceSpec& spec, int32_t first_month,
               std::vector<Event>* events) {
  int64_t income_satang = 0;
  for (const Event& event : *events) {
    if (event.kind == EventKind::kContribution) {
      income_satang += event.amount_satang;
    }
  }
  const int64_t percent = rng.Uniform(spec.rates.operating_cost_percent_min,
                                      spec.rates.operating_cost_percent_max);
  const int64_t monthly_baht =
      income_satang * percent / 100 / kMonthsPerYear / kSatangPerBaht;
  const int meeting_day = static_cast<int>(rng.Uniform(20, 28));
  const struct {
    v1::CostKind kind;
    int percent;
    const char* description;
  } kinds[] = {
      {v1::COST_KIND_MEETINGS, 50, "เบี้ยประชุมคณะกรรมการ"},
      {v1::COST_KIND_TRANSPORT, 25, "ค่าเดินทางติดต่อประสานงาน"},
      {v1::COST_KIND_STATIONERY, 25, "ค่าเครื่องเขียนและแบบพิมพ์"},
  };
  for (int month = 0; month < kMonthsPerYear; ++month) {
    const Day day = DayInMonth(first_month + month, meeting_day);
    for (const auto& cost : kinds) {
      const int64_t baht = monthly_baht * cost.percent / 100;
      if (baht <= 0) continue;
      Event& event =
          AddEvent(events, day, Phase::kPayment, EventKind::kOperatingCost);
      event.cost_kind = cost.kind;
      event.amount_satang = baht * kSatangPerBaht;
      event.text = cost.description;
    }
  }
}

}  // namespace

std::vector<Event> PlanEvents(const ProvinceSpec& spec,
                              const ProvinceLayout& province,
                              const FundLayout& fund,
                              const std::vector<MemberFacts>& members) {
  std::vector<Event> events;
  const int32_t first_month = MonthIndexOf(province.first_day);
  Rng income = StreamFor(spec.seed, fund.index, Stream::kIncome);
  PlanBanking(income, province, fund, static_cast<int64_t>(members.size()),
              first_month, &events);

  Rng dues = StreamFor(spec.seed, fund.index, Stream::kDues);
  const DuesContext context{first_month, static_cast<int>(dues.Uniform(1, 10))};
  for (const MemberFacts& member : members) {
    PlanMemberDues(dues, context, member, &events);
  }
  PlanGrants(income, spec, province, fund, members, first_month, &events);

  Rng costs = StreamFor(spec.seed, fund.index, Stream::kCosts);
  PlanCosts(costs, spec, first_month, &events);
  PlanBenefits(spec, province, fund, members, &events);
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].serial = static_cast<int64_t>(i);
  }
  return events;
}

}  // namespace welfare::seed::internal
