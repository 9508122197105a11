#include "services/domain/member_rules.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/domain/dates.h"
#include "storage/errors.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
using storage::DayText;
using storage::Error;
using welfare::storage::v1::MonthRun;

std::string StatusName(int32_t status) {
  return v1::MemberStatus_Name(static_cast<v1::MemberStatus>(status));
}

std::string MonthText(int32_t month_index) {
  return absl::StrFormat("%04d-%02d", month_index / 12, month_index % 12 + 1);
}

std::string MemberText(const MemberView& member) {
  return absl::StrCat("member ", member.member_number());
}

absl::Status CheckJoined(const MemberView& member, int32_t day) {
  if (day < member.join_day()) {
    return Error(
        absl::StatusCode::kFailedPrecondition, "MEMBER_NOT_YET_JOINED",
        absl::StrCat(MemberText(member), " joined on ",
                     DayText(member.join_day()), ", after ", DayText(day)));
  }
  return absl::OkStatus();
}

std::vector<std::pair<int32_t, int32_t>> Runs(const MemberView& member) {
  std::vector<std::pair<int32_t, int32_t>> runs;  // [first, end)
  for (const MonthRun& run : member.paid_months()) {
    runs.emplace_back(run.first_month_index(),
                      run.first_month_index() + run.month_count());
  }
  return runs;
}

void StoreRuns(MemberView* member,
               std::vector<std::pair<int32_t, int32_t>> runs) {
  std::sort(runs.begin(), runs.end());
  member->clear_paid_months();
  for (const auto& [first, end] : runs) {
    if (first >= end) continue;
    int count = member->paid_months_size();
    if (count > 0) {
      MonthRun* last = member->mutable_paid_months(count - 1);
      if (last->first_month_index() + last->month_count() == first) {
        last->set_month_count(end - last->first_month_index());
        continue;
      }
    }
    MonthRun* run = member->add_paid_months();
    run->set_first_month_index(first);
    run->set_month_count(end - first);
  }
}

}  // namespace

int32_t StatusOn(const MemberView& member, int32_t day) {
  int32_t status = v1::MEMBER_STATUS_UNSPECIFIED;
  for (const auto& period : member.status_history()) {
    if (period.effective_day() > day) break;
    status = period.status();
  }
  return status;
}

absl::Status CheckStatusChange(const MemberView& member, int32_t new_status,
                               int32_t day) {
  const auto& history = member.status_history();
  if (history.empty()) {
    return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                 absl::StrCat(MemberText(member), " has no status history"));
  }
  const auto& last = history[history.size() - 1];
  if (day < last.effective_day()) {
    return Error(
        absl::StatusCode::kFailedPrecondition, "STATUS_TRANSITION_INVALID",
        absl::StrCat(MemberText(member), " last changed status on ",
                     DayText(last.effective_day()), "; a change dated ",
                     DayText(day), " would rewrite that history"));
  }
  const int32_t from = last.status();
  bool allowed = false;
  switch (from) {
    case v1::MEMBER_STATUS_ACTIVE:
      allowed = new_status == v1::MEMBER_STATUS_RESIGNED ||
                new_status == v1::MEMBER_STATUS_DECEASED ||
                new_status == v1::MEMBER_STATUS_LAPSED;
      break;
    case v1::MEMBER_STATUS_LAPSED:
      allowed = new_status == v1::MEMBER_STATUS_ACTIVE ||
                new_status == v1::MEMBER_STATUS_RESIGNED ||
                new_status == v1::MEMBER_STATUS_DECEASED;
      break;
    case v1::MEMBER_STATUS_RESIGNED:
      allowed = new_status == v1::MEMBER_STATUS_ACTIVE ||
                new_status == v1::MEMBER_STATUS_DECEASED;
      break;
    default:  // DECEASED is final.
      break;
  }
  if (!allowed) {
    return Error(absl::StatusCode::kFailedPrecondition,
                 "STATUS_TRANSITION_INVALID",
                 absl::StrCat(MemberText(member), " is ", StatusName(from),
                              " since ", DayText(last.effective_day()),
                              "; it cannot become ", StatusName(new_status)));
  }
  return absl::OkStatus();
}

absl::Status CheckMayPay(const MemberView& member, int32_t day) {
  if (absl::Status joined = CheckJoined(member, day); !joined.ok()) {
    return joined;
  }
  const int32_t status = StatusOn(member, day);
  if (status != v1::MEMBER_STATUS_ACTIVE &&
      status != v1::MEMBER_STATUS_LAPSED) {
    return Error(
        absl::StatusCode::kFailedPrecondition, "MEMBER_NOT_ACTIVE",
        absl::StrCat(MemberText(member), " is ", StatusName(status), " on ",
                     DayText(day), "; only active or lapsed members pay dues"));
  }
  return absl::OkStatus();
}

absl::Status CheckMayReceive(const MemberView& member,
                             v1::BenefitCategory category, int32_t day) {
  if (absl::Status joined = CheckJoined(member, day); !joined.ok()) {
    return joined;
  }
  const int32_t status = StatusOn(member, day);
  const bool for_the_dead = category == v1::BENEFIT_CATEGORY_DEATH ||
                            category == v1::BENEFIT_CATEGORY_FUNERAL;
  if (status == v1::MEMBER_STATUS_ACTIVE ||
      (for_the_dead && status == v1::MEMBER_STATUS_DECEASED)) {
    return absl::OkStatus();
  }
  return Error(
      absl::StatusCode::kFailedPrecondition, "MEMBER_NOT_ACTIVE",
      absl::StrCat(MemberText(member), " is ", StatusName(status), " on ",
                   DayText(day), "; ", v1::BenefitCategory_Name(category),
                   for_the_dead ? " is paid for active or deceased members"
                                : " is paid only to active members"));
}

absl::Status CheckMonthsFromJoining(const MemberView& member,
                                    int32_t first_month) {
  const int32_t join_month = storage::MonthIndexOfDay(member.join_day());
  if (first_month >= join_month) return absl::OkStatus();
  return Error(absl::StatusCode::kFailedPrecondition, "MEMBER_NOT_YET_JOINED",
               absl::StrCat(MemberText(member), " joined on ",
                            DayText(member.join_day()), "; dues for ",
                            MonthText(first_month),
                            " are for a month before joining; want months "
                            "from ",
                            MonthText(join_month), " on"));
}

absl::Status CheckMonthsUnpaid(const MemberView& member, int32_t first_month,
                               int32_t month_count) {
  const int32_t end = first_month + month_count;
  for (const auto& [run_first, run_end] : Runs(member)) {
    const int32_t overlap_first = std::max(first_month, run_first);
    const int32_t overlap_end = std::min(end, run_end);
    if (overlap_first < overlap_end) {
      return Error(
          absl::StatusCode::kFailedPrecondition, "DUES_MONTHS_ALREADY_PAID",
          absl::StrCat(MemberText(member), " has paid dues for ",
                       MonthText(overlap_first),
                       overlap_end - overlap_first > 1
                           ? absl::StrCat(" to ", MonthText(overlap_end - 1))
                           : "",
                       " already; want months not yet paid"));
    }
  }
  return absl::OkStatus();
}

void AddPaidMonths(MemberView* member, int32_t first_month,
                   int32_t month_count) {
  auto runs = Runs(*member);
  runs.emplace_back(first_month, first_month + month_count);
  StoreRuns(member, std::move(runs));
}

void RemovePaidMonths(MemberView* member, int32_t first_month,
                      int32_t month_count) {
  const int32_t end = first_month + month_count;
  std::vector<std::pair<int32_t, int32_t>> kept;
  for (const auto& [run_first, run_end] : Runs(*member)) {
    if (run_end <= first_month || run_first >= end) {
      kept.emplace_back(run_first, run_end);
      continue;
    }
    if (run_first < first_month) kept.emplace_back(run_first, first_month);
    if (run_end > end) kept.emplace_back(end, run_end);
  }
  StoreRuns(member, std::move(kept));
}

bool IsMonthPaid(const MemberView& member, int32_t month) {
  for (const auto& run : member.paid_months()) {
    if (month >= run.first_month_index() &&
        month < run.first_month_index() + run.month_count()) {
      return true;
    }
  }
  return false;
}

}  // namespace welfare::domain
