#include "clients/audit/member_rules.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"

namespace welfare::auditor {
namespace {

using welfare::auditor::v1::MonthRunState;

constexpr int32_t kBenefitDeath = 4;
constexpr int32_t kBenefitFuneral = 5;

const char* StatusName(int32_t status) {
  switch (status) {
    case kStatusActive:
      return "ACTIVE";
    case kStatusResigned:
      return "RESIGNED";
    case kStatusDeceased:
      return "DECEASED";
    case kStatusLapsed:
      return "LAPSED";
    default:
      return "not a member";
  }
}

std::string JoinedFault(const MemberState& member, int32_t day) {
  if (day >= member.join_day()) return "";
  return absl::StrCat("member ", member.member_number(), " joined on ",
                      DayText(member.join_day()), ", after ", DayText(day));
}

using Runs = std::vector<std::pair<int32_t, int32_t>>;  // [first, end)

Runs RunsOf(const MemberState& member) {
  Runs runs;
  runs.reserve(member.paid_months_size() + 1);
  for (const MonthRunState& run : member.paid_months()) {
    runs.emplace_back(run.first_month_index(),
                      run.first_month_index() + run.month_count());
  }
  return runs;
}

void StoreRuns(MemberState* member, Runs runs) {
  std::sort(runs.begin(), runs.end());
  member->clear_paid_months();
  for (const auto& [first, end] : runs) {
    if (first >= end) continue;
    const int count = member->paid_months_size();
    if (count > 0) {
      MonthRunState* last = member->mutable_paid_months(count - 1);
      const int32_t last_end = last->first_month_index() + last->month_count();
      if (last_end >= first) {
        last->set_month_count(std::max(last_end, end) -
                              last->first_month_index());
        continue;
      }
    }
    MonthRunState* run = member->add_paid_months();
    run->set_first_month_index(first);
    run->set_month_count(end - first);
  }
}

}  // namespace

bool ValidDuesMonths(int32_t first_month, int32_t month_count) {
  return month_count >= 1 && month_count <= kDuesMonthsMax &&
         first_month >= kMonthIndexMin && first_month < kMonthIndexEnd;
}

int32_t StatusOn(const MemberState& member, int32_t day) {
  int32_t status = kStatusUnspecified;
  for (const auto& period : member.status_history()) {
    if (period.effective_day() > day) break;
    status = period.status();
  }
  return status;
}

std::string StatusChangeFault(const MemberState& member, int32_t new_status,
                              int32_t day) {
  const auto& history = member.status_history();
  if (history.empty()) {
    return absl::StrCat("member ", member.member_number(),
                        " has no status history");
  }
  const auto& last = history[history.size() - 1];
  if (day < last.effective_day()) {
    return absl::StrCat("member ", member.member_number(),
                        " last changed status on ",
                        DayText(last.effective_day()), "; a change dated ",
                        DayText(day), " is earlier");
  }
  const int32_t from = last.status();
  bool allowed = false;
  switch (from) {
    case kStatusActive:
      allowed = new_status == kStatusResigned ||
                new_status == kStatusDeceased || new_status == kStatusLapsed;
      break;
    case kStatusLapsed:
      allowed = new_status == kStatusActive || new_status == kStatusResigned ||
                new_status == kStatusDeceased;
      break;
    case kStatusResigned:
      allowed = new_status == kStatusActive || new_status == kStatusDeceased;
      break;
    default:
      break;
  }
  if (allowed) return "";
  return absl::StrCat("member ", member.member_number(), " is ",
                      StatusName(from), " since ",
                      DayText(last.effective_day()), "; it cannot become ",
                      StatusName(new_status));
}

std::string MayPayFault(const MemberState& member, int32_t day) {
  std::string fault = JoinedFault(member, day);
  if (!fault.empty()) return fault;
  const int32_t status = StatusOn(member, day);
  if (status == kStatusActive || status == kStatusLapsed) return "";
  return absl::StrCat("member ", member.member_number(), " is ",
                      StatusName(status), " on ", DayText(day),
                      "; only active or lapsed members pay");
}

std::string MayReceiveFault(const MemberState& member, int32_t category,
                            int32_t day) {
  std::string fault = JoinedFault(member, day);
  if (!fault.empty()) return fault;
  const int32_t status = StatusOn(member, day);
  const bool for_the_dead =
      category == kBenefitDeath || category == kBenefitFuneral;
  if (status == kStatusActive || (for_the_dead && status == kStatusDeceased)) {
    return "";
  }
  return absl::StrCat("member ", member.member_number(), " is ",
                      StatusName(status), " on ", DayText(day),
                      "; benefit category ", category, " is not paid then");
}

std::string MonthsBeforeJoiningFault(const MemberState& member,
                                     int32_t first_month) {
  const absl::CivilDay joined = absl::CivilDay(1970, 1, 1) + member.join_day();
  const int32_t join_month =
      static_cast<int32_t>(joined.year()) * 12 + joined.month() - 1;
  if (first_month >= join_month) return "";
  return absl::StrCat("member ", member.member_number(), " paid dues for ",
                      MonthText(first_month), ", before joining on ",
                      DayText(member.join_day()));
}

std::string MonthsPaidFault(const MemberState& member, int32_t first_month,
                            int32_t month_count) {
  const int64_t end = static_cast<int64_t>(first_month) + month_count;
  for (const MonthRunState& run : member.paid_months()) {
    const int64_t run_end =
        static_cast<int64_t>(run.first_month_index()) + run.month_count();
    const int64_t overlap_first =
        std::max<int64_t>(first_month, run.first_month_index());
    if (overlap_first < std::min(end, run_end)) {
      return absl::StrCat("member ", member.member_number(), " paid dues for ",
                          MonthText(static_cast<int32_t>(overlap_first)),
                          " already");
    }
  }
  return "";
}

void AddPaidMonths(MemberState* member, int32_t first_month,
                   int32_t month_count) {
  if (month_count <= 0) return;
  const int count = member->paid_months_size();
  if (count > 0) {
    MonthRunState* last = member->mutable_paid_months(count - 1);
    if (last->first_month_index() + last->month_count() == first_month) {
      last->set_month_count(last->month_count() + month_count);
      return;
    }
    if (last->first_month_index() + last->month_count() < first_month) {
      MonthRunState* run = member->add_paid_months();
      run->set_first_month_index(first_month);
      run->set_month_count(month_count);
      return;
    }
  }
  Runs runs = RunsOf(*member);
  runs.emplace_back(first_month, first_month + month_count);
  StoreRuns(member, std::move(runs));
}

void RemovePaidMonths(MemberState* member, int32_t first_month,
                      int32_t month_count) {
  const int32_t end = first_month + month_count;
  Runs kept;
  for (const auto& [run_first, run_end] : RunsOf(*member)) {
    if (run_end <= first_month || run_first >= end) {
      kept.emplace_back(run_first, run_end);
      continue;
    }
    if (run_first < first_month) kept.emplace_back(run_first, first_month);
    if (run_end > end) kept.emplace_back(end, run_end);
  }
  StoreRuns(member, std::move(kept));
}

std::string MonthText(int32_t month_index) {
  const int32_t year =
      month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
  return absl::StrFormat("%04d-%02d", year, month_index - year * 12 + 1);
}

std::string DayText(int32_t day) {
  const absl::CivilDay date = absl::CivilDay(1970, 1, 1) + day;
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

std::string Baht(int64_t satang) {
  const uint64_t magnitude = satang < 0 ? 0 - static_cast<uint64_t>(satang)
                                        : static_cast<uint64_t>(satang);
  return absl::StrFormat("%s%d.%02d baht", satang < 0 ? "-" : "",
                         magnitude / 100, magnitude % 100);
}

}  // namespace welfare::auditor
