// Reports about members one by one, from their views (M-keys): dues
// arrears, and who qualifies for the government match.
#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/books.h"
#include "services/domain/dates.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "services/domain/reports.h"
#include "services/domain/rulebooks.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
namespace record = welfare::storage::v1;

// A full year of membership and at most this many earlier matches.
constexpr int kMatchesMax = 3;
constexpr int64_t kMonthlyDuesMax = 100000000;

// Calls visit(member) for every member of the fund, in number order.
template <typename Visit>
absl::Status ForEachMember(const storage::ReadView& view,
                           absl::string_view fund_id, Visit visit) {
  storage::PrefixIterator members =
      view.Scan(Column::kViews, storage::keys::MemberPrefix(fund_id));
  for (members.Seek(""); members.Valid(); members.Next()) {
    MemberView member;
    if (!member.ParseFromString(std::string(members.value()))) {
      return CorruptRecord("MemberView", members.key());
    }
    RETURN_IF_ERROR(visit(member));
  }
  return members.status();
}

// What unpaid months come to: monthly_satang each if set, else under the
// dues plan (a day's dues times each month's days; a half-year's or a
// year's pro rata, rounded down to the satang); zero without either.
int64_t Owed(int64_t monthly_satang, const record::DuesPlanRecord& plan,
             const std::vector<int32_t>& months) {
  const int64_t count = static_cast<int64_t>(months.size());
  if (monthly_satang > 0) return count * monthly_satang;
  switch (plan.period()) {
    case v1::DUES_PERIOD_DAY: {
      int64_t days = 0;
      for (int32_t month : months) {
        days +=
            storage::MonthStartDay(month + 1) - storage::MonthStartDay(month);
      }
      return days * plan.amount_satang();
    }
    case v1::DUES_PERIOD_MONTH:
      return count * plan.amount_satang();
    case v1::DUES_PERIOD_HALF_YEAR:
      return count * plan.amount_satang() / 6;
    case v1::DUES_PERIOD_YEAR:
      return count * plan.amount_satang() / 12;
    default:
      return 0;
  }
}

// 30 September of a CE year, as a day number.
int32_t ThirtiethOfSeptember(int32_t year) {
  return storage::DayNumber(absl::CivilDay(year, 9, 30));
}

// Active on the day, and a member since a year before it at least.
bool QualifiesOn(const MemberView& member, int32_t year) {
  const int32_t cutoff = ThirtiethOfSeptember(year);
  return StatusOn(member, cutoff) == v1::MEMBER_STATUS_ACTIVE &&
         member.join_day() <= ThirtiethOfSeptember(year - 1);
}

}  // namespace

absl::StatusOr<v1::DuesArrears> Reports::GetDuesArrears(
    const v1::GetDuesArrearsRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  const int32_t today = ledger_->Today();
  int32_t as_of = today;
  if (!IsUnset(request.as_of_date())) {
    ASSIGN_OR_RETURN(as_of, DayOf("as_of_date", request.as_of_date()));
  }
  if (request.monthly_dues_satang() < 0 ||
      request.monthly_dues_satang() > kMonthlyDuesMax) {
    return Error(
        absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
        absl::StrCat("monthly_dues_satang: ", request.monthly_dues_satang(),
                     ", want 0..", kMonthlyDuesMax));
  }
  if (request.min_unpaid_months() < 0) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 "min_unpaid_months: want 0 or more");
  }
  const int32_t min_unpaid = std::max(1, request.min_unpaid_months());
  storage::ReadView view(&ledger_->store());
  ASSIGN_OR_RETURN(Books books, Books::Read(&view, fund_id, today));
  v1::DuesArrears report;
  *report.mutable_header() =
      books.Header({std::min(books.fund().founding_day(), as_of), as_of});
  ASSIGN_OR_RETURN(const record::RulebooksView rulebooks,
                   ReadRulebooks(view, fund_id));
  record::DuesPlanRecord plan;
  if (const int index = RulebookInForce(rulebooks, as_of); index >= 0) {
    const record::RulebookVersion& version = rulebooks.versions(index);
    plan = version.body().dues();
    report.set_rulebook(RulebookResourceName(fund_id, version.sequence()));
    report.set_lapse_after_months(plan.lapse_after_months());
  }
  const int32_t last_month = storage::MonthIndexOfDay(as_of);
  // The last month that has ended by as_of: a month's dues may be paid
  // until its last day.
  const int32_t last_ended_month =
      as_of == storage::MonthStartDay(last_month + 1) - 1 ? last_month
                                                          : last_month - 1;
  RETURN_IF_ERROR(ForEachMember(view, fund_id, [&](const MemberView& member) {
    const int32_t status = StatusOn(member, as_of);
    if (status != v1::MEMBER_STATUS_ACTIVE &&
        status != v1::MEMBER_STATUS_LAPSED) {
      return absl::OkStatus();
    }
    report.set_members_checked(report.members_checked() + 1);
    v1::ArrearsRow row;
    std::vector<int32_t> unpaid;
    int32_t last_paid = -1;
    int32_t in_a_row = 0;
    for (int32_t month = storage::MonthIndexOfDay(member.join_day());
         month <= last_month; ++month) {
      if (IsMonthPaid(member, month)) {
        last_paid = month;
        if (month <= last_ended_month) in_a_row = 0;
        continue;
      }
      const int32_t month_end =
          std::min(as_of, storage::MonthStartDay(month + 1) - 1);
      const int32_t then = StatusOn(member, month_end);
      if (then != v1::MEMBER_STATUS_ACTIVE &&
          then != v1::MEMBER_STATUS_LAPSED) {
        continue;  // Resigned then, or not yet joined: nothing was due.
      }
      unpaid.push_back(month);
      if (month <= last_ended_month) ++in_a_row;
    }
    row.set_unpaid_months(static_cast<int32_t>(unpaid.size()));
    if (!unpaid.empty()) {
      *row.mutable_first_unpaid_month() = YearMonthOf(unpaid.front());
    }
    row.set_unpaid_in_a_row(in_a_row);
    row.set_lapse_due(status == v1::MEMBER_STATUS_ACTIVE &&
                      plan.lapse_after_months() > 0 &&
                      in_a_row >= plan.lapse_after_months());
    if (row.lapse_due()) {
      report.set_members_lapse_due(report.members_lapse_due() + 1);
    }
    if (row.unpaid_months() < min_unpaid) return absl::OkStatus();
    row.set_member_number(member.member_number());
    row.set_category(static_cast<v1::MemberCategory>(member.category()));
    row.set_status(static_cast<v1::MemberStatus>(status));
    *row.mutable_join_date() = DateOf(member.join_day());
    if (last_paid >= 0) *row.mutable_last_paid_month() = YearMonthOf(last_paid);
    row.set_owed_satang(Owed(request.monthly_dues_satang(), plan, unpaid));
    report.set_unpaid_months_total(report.unpaid_months_total() +
                                   row.unpaid_months());
    report.set_owed_satang_total(report.owed_satang_total() +
                                 row.owed_satang());
    *report.add_rows() = std::move(row);
    return absl::OkStatus();
  }));
  return report;
}

absl::StatusOr<v1::MatchEligibility> Reports::GetMatchEligibility(
    const v1::GetMatchEligibilityRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  RETURN_IF_ERROR(CheckFiscalYear("fiscal_year", request.fiscal_year()));
  const int32_t year = request.fiscal_year();
  const int32_t cutoff = ThirtiethOfSeptember(year);
  storage::ReadView view(&ledger_->store());
  ASSIGN_OR_RETURN(Books books, Books::Read(&view, fund_id, ledger_->Today()));
  v1::MatchEligibility report;
  *report.mutable_header() =
      books.Header({std::min(books.fund().founding_day(), cutoff), cutoff});
  *report.mutable_cutoff_date() = DateOf(cutoff);
  // Earlier years whose list was matched: a government match came in the
  // twelve months after their 30 September.
  std::vector<int32_t> matched_years;
  const int32_t first_year = static_cast<int32_t>(
      storage::CivilDayOf(books.fund().founding_day()).year());
  for (int32_t earlier = first_year; earlier < year; ++earlier) {
    ASSIGN_OR_RETURN(auto rounds,
                     books.totals().MatchingRounds(
                         fund_id, {ThirtiethOfSeptember(earlier) + 1,
                                   ThirtiethOfSeptember(earlier + 1)}));
    int64_t received = 0;
    for (const auto& [round, amount] : rounds) received += amount;
    if (received > 0) matched_years.push_back(earlier);
  }
  RETURN_IF_ERROR(ForEachMember(view, fund_id, [&](const MemberView& member) {
    if (StatusOn(member, cutoff) != v1::MEMBER_STATUS_ACTIVE) {
      return absl::OkStatus();
    }
    if (member.join_day() > ThirtiethOfSeptember(year - 1)) {
      report.set_not_a_full_year(report.not_a_full_year() + 1);
      return absl::OkStatus();
    }
    int32_t matched = 0;
    for (int32_t earlier : matched_years) {
      if (QualifiesOn(member, earlier)) ++matched;
    }
    if (matched >= kMatchesMax) {
      report.set_matched_three_times(report.matched_three_times() + 1);
      return absl::OkStatus();
    }
    v1::MatchEligibleMember* row = report.add_members();
    row->set_member_number(member.member_number());
    row->set_category(static_cast<v1::MemberCategory>(member.category()));
    *row->mutable_join_date() = DateOf(member.join_day());
    row->set_times_matched_before(matched);
    return absl::OkStatus();
  }));
  return report;
}

}  // namespace welfare::domain
