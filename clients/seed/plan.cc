// The planner's entry points, checks of the spec, and calendar helpers.
#include "clients/seed/plan.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/seed/plan_internal.h"

namespace welfare::seed {
namespace internal {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

}  // namespace

Day DayOf(absl::CivilDay day) { return static_cast<Day>(day - kEpoch); }

Day DayOf(int year, int month, int day_of_month) {
  return DayOf(absl::CivilDay(year, month, day_of_month));
}

absl::CivilDay CivilOf(Day day) { return kEpoch + day; }

v1::Date ProtoDate(Day day) {
  const absl::CivilDay civil = CivilOf(day);
  v1::Date date;
  date.set_year(static_cast<int32_t>(civil.year()));
  date.set_month(civil.month());
  date.set_day(civil.day());
  return date;
}

int32_t MonthIndexOf(Day day) {
  const absl::CivilDay civil = CivilOf(day);
  return static_cast<int32_t>(civil.year()) * 12 + civil.month() - 1;
}

v1::YearMonth YearMonthOf(int32_t month_index) {
  v1::YearMonth month;
  month.set_year(month_index / 12);
  month.set_month(month_index % 12 + 1);
  return month;
}

Day LastDayOfMonth(int32_t month_index) {
  return DayInMonth(month_index + 1, 1) - 1;
}

Day DayInMonth(int32_t month_index, int day_of_month) {
  const Day first = DayOf(month_index / 12, month_index % 12 + 1, 1);
  const Day last = DayOf(month_index / 12 + (month_index % 12 == 11 ? 1 : 0),
                         (month_index + 1) % 12 + 1, 1) -
                   1;
  return std::min(first + day_of_month - 1, last);
}

Rng StreamFor(uint64_t seed, int fund_index, Stream stream) {
  return Rng(Mix(Mix(seed, static_cast<uint64_t>(fund_index) + 1),
                 static_cast<uint64_t>(stream)));
}

std::string RequestId(uint64_t seed, const std::string& fund_id,
                      const std::string& item) {
  return absl::StrCat("seed", seed, ":", fund_id, ":", item);
}

}  // namespace internal

namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// Province codes of TIS 1099 (the 77 provinces).
bool IsProvinceCode(const std::string& code) {
  if (code.size() != 2 || !absl::ascii_isdigit(code[0]) ||
      !absl::ascii_isdigit(code[1])) {
    return false;
  }
  const int n = (code[0] - '0') * 10 + (code[1] - '0');
  return (n >= 10 && n <= 27) || (n >= 30 && n <= 49) || (n >= 50 && n <= 58) ||
         (n >= 60 && n <= 67) || (n >= 70 && n <= 77) || (n >= 80 && n <= 86) ||
         (n >= 90 && n <= 96);
}

absl::Status CheckRange(absl::string_view field, int64_t value, int64_t lo,
                        int64_t hi) {
  if (value >= lo && value <= hi) return absl::OkStatus();
  return Invalid(field, absl::StrCat(value, ", want ", lo, "..", hi));
}

absl::Status ValidateRates(const Rates& r) {
  const struct {
    const char* field;
    int min, max, limit;
  } ranges[] = {
      {"rates.deaths_per_1000", r.deaths_per_1000, r.deaths_per_1000, 1000},
      {"rates.hospital_stays_per_1000", r.hospital_stays_per_1000_min,
       r.hospital_stays_per_1000_max, 1000},
      {"rates.births_per_1000", r.births_per_1000_min, r.births_per_1000_max,
       1000},
      {"rates.education_grants_per_1000", r.education_grants_per_1000_min,
       r.education_grants_per_1000_max, 1000},
      {"rates.operating_cost_percent", r.operating_cost_percent_min,
       r.operating_cost_percent_max, 50},
  };
  for (const auto& range : ranges) {
    if (range.min < 0 || range.min > range.max || range.max > range.limit) {
      return Invalid(range.field,
                     absl::StrCat(range.min, "..", range.max, ", want 0 <= min",
                                  " <= max <= ", range.limit));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::CivilDay FiscalYearFirstDay(int fiscal_year_be) {
  return absl::CivilDay(fiscal_year_be - 543 - 1, 10, 1);
}

absl::CivilDay FiscalYearLastDay(int fiscal_year_be) {
  return absl::CivilDay(fiscal_year_be - 543, 9, 30);
}

absl::Status ValidateSpec(const ProvinceSpec& spec) {
  if (!IsProvinceCode(spec.province_code)) {
    return Invalid("province_code",
                   absl::StrCat("\"", spec.province_code,
                                "\", want a two-digit Thai province code such "
                                "as \"33\" (Sisaket)"));
  }
  if (absl::Status s = CheckRange("funds", spec.funds, 1, kFundsMax); !s.ok()) {
    return s;
  }
  if (spec.members_min < 1 || spec.members_min > spec.members_median ||
      spec.members_median > spec.members_max ||
      spec.members_max > kMembersPerFundMax) {
    return Invalid(
        "members_min, members_median, members_max",
        absl::StrCat(
            spec.members_min, ", ", spec.members_median, ", ", spec.members_max,
            "; want 1 <= min <= median <= max <= ", kMembersPerFundMax));
  }
  if (!(spec.members_sigma >= 0 && spec.members_sigma <= 3)) {
    return Invalid("members_sigma",
                   absl::StrCat(spec.members_sigma, ", want 0..3"));
  }
  if (absl::Status s =
          CheckRange("fiscal_year_be", spec.fiscal_year_be, 2520, 3000);
      !s.ok()) {
    return s;
  }
  if (spec.as_of.has_value() &&
      (*spec.as_of < FiscalYearFirstDay(spec.fiscal_year_be) ||
       *spec.as_of > FiscalYearLastDay(spec.fiscal_year_be))) {
    return Invalid(
        "as_of",
        absl::StrCat(
            absl::FormatCivilTime(*spec.as_of), ", want a day of fiscal year ",
            spec.fiscal_year_be, " (",
            absl::FormatCivilTime(FiscalYearFirstDay(spec.fiscal_year_be)),
            " .. ",
            absl::FormatCivilTime(FiscalYearLastDay(spec.fiscal_year_be)),
            ")"));
  }
  return ValidateRates(spec.rates);
}

void PlanTotals::Add(const PlanTotals& other) {
  funds += other.funds;
  members += other.members;
  for (size_t i = 0; i < members_by_category.size(); ++i) {
    members_by_category[i] += other.members_by_category[i];
  }
  status_changes += other.status_changes;
  batches += other.batches;
  contributions += other.contributions;
  disbursements += other.disbursements;
  transactions += other.transactions;
  dues_payments += other.dues_payments;
  benefits += other.benefits;
  deferred_benefits += other.deferred_benefits;
  income_satang += other.income_satang;
  benefits_satang += other.benefits_satang;
  operating_costs_satang += other.operating_costs_satang;
  entries += other.entries;
}

absl::StatusOr<ProvincePlan> PlanProvince(const ProvinceSpec& spec) {
  if (absl::Status valid = ValidateSpec(spec); !valid.ok()) return valid;
  const internal::ProvinceLayout layout = internal::PlanLayout(spec);
  ProvincePlan plan;
  plan.spec = spec;
  plan.first_day = internal::CivilOf(layout.first_day);
  plan.as_of = internal::CivilOf(layout.as_of);
  plan.funds.reserve(layout.funds.size());
  for (const internal::FundLayout& fund : layout.funds) {
    FundPlan& fund_plan = plan.funds.emplace_back();
    fund_plan.fund_id = fund.fund_id;
    std::vector<internal::MemberFacts> members;
    internal::PlanMembers(spec, layout, fund, &members, &fund_plan.members);
    v1::CreateFundRequest& create = fund_plan.create;
    create.set_fund_id(fund.fund_id);
    create.set_request_id(internal::RequestId(spec.seed, fund.fund_id, "fund"));
    v1::Fund* body = create.mutable_fund();
    body->set_display_name(absl::StrCat("กองทุนสวัสดิการชุมชน",
                                        fund.municipal ? "เทศบาลตำบล" : "ตำบล",
                                        fund.subdistrict_name));
    body->set_area_code(fund.area_code);
    for (const std::string& code : fund.village_codes) {
      body->add_village_codes(code);
    }
    body->set_fiscal_year_start_month(10);
    *body->mutable_founding_date() = internal::ProtoDate(fund.founding_day);

    fund_plan.totals.funds = 1;
    fund_plan.totals.members = static_cast<int64_t>(members.size());
    for (const internal::MemberFacts& member : members) {
      ++fund_plan.totals.members_by_category[member.category];
    }
    internal::PlanBooks(spec, layout,
                        internal::PlanEvents(spec, layout, fund, members),
                        &fund_plan);
    fund_plan.totals.entries += 1 + fund_plan.totals.members;
    plan.totals.Add(fund_plan.totals);
  }
  return plan;
}

std::string PlanBytes(const ProvincePlan& plan) {
  std::string bytes;
  const auto append = [&bytes](const google::protobuf::Message& message) {
    const std::string serialized = message.SerializeAsString();
    absl::StrAppend(&bytes, serialized.size(), ":", serialized);
  };
  for (const FundPlan& fund : plan.funds) {
    append(fund.create);
    for (const auto& member : fund.members) append(member);
    for (const FundStep& step : fund.steps) {
      if (step.kind == FundStep::Kind::kBatch) {
        append(step.batch);
      } else {
        append(step.status_change);
      }
    }
  }
  return bytes;
}

}  // namespace welfare::seed
