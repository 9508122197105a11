#include "services/domain/partner.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/domain/books.h"
#include "services/domain/chart.h"
#include "services/domain/dates.h"
#include "services/domain/member_counts.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "services/domain/statements.h"
#include "services/domain/views.h"
#include "storage/errors.h"
#include "storage/fund_state.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

constexpr int kCategories = 16;
// The Thai government's fiscal year starts in October.
constexpr int32_t kThaiFiscalStart = 10;
// Fewer people than this in one cell of one fund could single a person out.
constexpr int64_t kSmallestShownCount = 5;

// One fund's exact figures, before suppression.
struct FundFigures {
  v1::BalancesByKind balances;
  std::map<std::pair<int32_t, int32_t>, int64_t> members;
  std::map<int32_t, int64_t> income;  // ContributionSource -> satang
  // By category: what the members' benefit tallies say, and the net
  // movement of the category's account (which a general transaction may
  // have moved without naming a member).
  std::array<storage::BenefitFigures, kCategories + 1> benefits{};
  std::array<int64_t, kCategories + 1> benefit_amounts{};
};

// The days of the fiscal year and the day its balances are read at: its
// end, or today while it runs.
struct StatusDays {
  storage::DayRange year;
  int32_t as_of = 0;
};

StatusDays DaysOf(int32_t fiscal_year, int32_t start_month, int32_t today) {
  StatusDays days;
  days.year = FiscalYearDays(fiscal_year, start_month);
  days.as_of = std::min(days.year.last, today);
  days.year.last = days.as_of;
  return days;
}

absl::StatusOr<FundFigures> FiguresOf(const Books& books, StatusDays days) {
  FundFigures figures;
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(days.as_of));
  ASSIGN_OR_RETURN(auto opening, books.Opening(days.year));
  v1::BalancesByKind& balances = figures.balances;
  int64_t assets = 0, liabilities = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const auto& account = books.accounts()[i];
    const uint32_t code = account.code();
    const int64_t balance = closing[i];
    const int64_t movement = closing[i] - opening[i];
    switch (code / 1000) {
      case 1:
        assets += balance;
        if (account.kind() == storage::kAccountKindCash) {
          balances.set_cash_satang(balances.cash_satang() + balance);
        } else if (account.kind() == storage::kAccountKindBank) {
          balances.set_bank_satang(balances.bank_satang() + balance);
        } else if (code / 100 == 12) {
          balances.set_investments_satang(balances.investments_satang() +
                                          balance);
        } else if (code / 100 == 13) {
          balances.set_loans_to_members_satang(
              balances.loans_to_members_satang() + balance);
        } else {
          balances.set_other_assets_satang(balances.other_assets_satang() +
                                           balance);
        }
        break;
      case 2:
        liabilities -= balance;
        break;
      case 4:
        if (movement != 0) {
          figures.income[SourceOfIncomeAccount(code)] -= movement;
        }
        break;
      case 5:
        if (code > 5100 && code <= 5100 + kCategories) {
          figures.benefit_amounts[code - 5100] = movement;
        }
        break;
      default:
        break;
    }
  }
  balances.set_liabilities_satang(liabilities);
  balances.set_fund_balance_satang(assets - liabilities);
  ASSIGN_OR_RETURN(MemberCounts members,
                   CountMembers(books.totals(), books.fund_id(),
                                books.fund().founding_day(), days.as_of));
  figures.members = std::move(members.by_category_and_status);
  for (int category = 1; category <= kCategories; ++category) {
    ASSIGN_OR_RETURN(
        figures.benefits[category],
        books.totals().Benefits(books.fund_id(), static_cast<uint8_t>(category),
                                days.year));
  }
  return figures;
}

// 1 to 4 people in one cell of one fund.
bool IsSmallCell(int64_t people) {
  return people > 0 && people < kSmallestShownCount;
}

// Whether one fund's benefit cell is withheld, and why.
enum class Withheld { kNo, kFewerThanFive, kUnattributed };

Withheld WithheldBenefitCell(const storage::BenefitFigures& tally,
                             int64_t account_movement) {
  if (account_movement != tally.satang) return Withheld::kUnattributed;
  if (IsSmallCell(tally.people) || IsSmallCell(tally.involved)) {
    return Withheld::kFewerThanFive;
  }
  return Withheld::kNo;
}

// Adds one fund's cell to a count, leaving out a cell of 1 to 4 people.
void AddCell(int64_t people, v1::PeopleCount* count) {
  if (IsSmallCell(people)) {
    count->set_fewer_than_five_cells(count->fewer_than_five_cells() + 1);
  } else {
    count->set_count(count->count() + people);
  }
}

// Sums funds' figures into StatusTotals, suppressing each fund's small
// cells.
class TotalsBuilder {
 public:
  void Add(const FundFigures& figures) {
    const v1::BalancesByKind& in = figures.balances;
    v1::BalancesByKind& out = balances_;
    out.set_cash_satang(out.cash_satang() + in.cash_satang());
    out.set_bank_satang(out.bank_satang() + in.bank_satang());
    out.set_investments_satang(out.investments_satang() +
                               in.investments_satang());
    out.set_loans_to_members_satang(out.loans_to_members_satang() +
                                    in.loans_to_members_satang());
    out.set_other_assets_satang(out.other_assets_satang() +
                                in.other_assets_satang());
    out.set_liabilities_satang(out.liabilities_satang() +
                               in.liabilities_satang());
    out.set_fund_balance_satang(out.fund_balance_satang() +
                                in.fund_balance_satang());
    for (const auto& [cell, people] : figures.members) {
      AddCell(people, &members_[cell]);
    }
    for (const auto& [source, amount] : figures.income) {
      income_[source] += amount;
    }
    for (int category = 1; category <= kCategories; ++category) {
      // Benefits are fixed amounts by the rulebook: the baht of a small
      // cell would give its people away, so they are withheld with them,
      // and so are baht that name no member (how many people they were
      // for cannot be told).
      v1::PeopleCount& count = benefit_people_[category];
      switch (WithheldBenefitCell(figures.benefits[category],
                                  figures.benefit_amounts[category])) {
        case Withheld::kNo:
          count.set_count(count.count() + figures.benefits[category].people);
          benefit_amounts_[category] += figures.benefit_amounts[category];
          break;
        case Withheld::kFewerThanFive:
          count.set_fewer_than_five_cells(count.fewer_than_five_cells() + 1);
          break;
        case Withheld::kUnattributed:
          count.set_unattributed_cells(count.unattributed_cells() + 1);
          break;
      }
    }
  }

  v1::StatusTotals Build() const {
    v1::StatusTotals totals;
    *totals.mutable_balances() = balances_;
    for (const auto& [cell, people] : members_) {
      v1::MemberStatusCount* row = totals.add_members();
      row->set_category(static_cast<v1::MemberCategory>(cell.first));
      row->set_status(static_cast<v1::MemberStatus>(cell.second));
      *row->mutable_people() = people;
    }
    for (const auto& [source, amount] : income_) {
      if (amount == 0) continue;
      v1::SourceAmount* row = totals.add_income();
      row->set_source(static_cast<v1::ContributionSource>(source));
      row->set_amount_satang(amount);
    }
    for (int category = 1; category <= kCategories; ++category) {
      v1::CategoryAggregate* row = totals.add_benefits();
      row->set_category(static_cast<v1::BenefitCategory>(category));
      *row->mutable_people() = benefit_people_[category];
      row->set_amount_satang(benefit_amounts_[category]);
    }
    return totals;
  }

 private:
  v1::BalancesByKind balances_;
  std::map<std::pair<int32_t, int32_t>, v1::PeopleCount> members_;
  std::map<int32_t, int64_t> income_;
  std::array<v1::PeopleCount, kCategories + 1> benefit_people_;
  std::array<int64_t, kCategories + 1> benefit_amounts_{};
};

absl::StatusOr<int32_t> FiscalYearOrCurrent(int32_t requested,
                                            int32_t start_month,
                                            int32_t today) {
  if (requested == 0) return FiscalYearOf(today, start_month);
  RETURN_IF_ERROR(CheckFiscalYear("fiscal_year", requested));
  if (FiscalYearDays(requested, start_month).first > today) {
    return storage::Error(
        absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
        absl::StrCat("fiscal_year: ", requested,
                     " has not begun; want the current year (",
                     FiscalYearOf(today, start_month), ") or an earlier one"));
  }
  return requested;
}

}  // namespace

absl::StatusOr<v1::FundStatus> Partner::GetFundStatus(
    const v1::GetFundStatusRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id, ParseFundName("name", request.name()));
  storage::ReadView view(&ledger_->store());
  const int32_t today = ledger_->Today();
  ASSIGN_OR_RETURN(Books books, Books::Read(&view, fund_id, today));
  const int32_t start_month = request.thai_fiscal_year()
                                  ? kThaiFiscalStart
                                  : FiscalStartMonth(books.fund());
  ASSIGN_OR_RETURN(
      int32_t fiscal_year,
      FiscalYearOrCurrent(request.fiscal_year(), start_month, today));
  const StatusDays days = DaysOf(fiscal_year, start_month, today);
  ASSIGN_OR_RETURN(FundFigures figures, FiguresOf(books, days));
  TotalsBuilder totals;
  totals.Add(figures);
  v1::FundStatus status;
  status.set_fund(FundName(fund_id));
  status.set_display_name(books.fund().display_name());
  status.set_area_code(books.fund().area_code());
  status.set_fiscal_year(fiscal_year);
  *status.mutable_start_date() = DateOf(days.year.first);
  *status.mutable_as_of_date() = DateOf(days.as_of);
  status.set_year_start_month(start_month);
  *status.mutable_totals() = totals.Build();
  return status;
}

absl::StatusOr<v1::AreaStatus> Partner::GetAreaStatus(
    const v1::GetAreaStatusRequest& request) const {
  const std::string& area = request.area_code_prefix();
  const bool digits = std::all_of(area.begin(), area.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || area.empty() || area.size() > 6 || area.size() % 2 != 0) {
    return storage::Error(
        absl::StatusCode::kInvalidArgument, "AREA_CODE_INVALID",
        "area_code_prefix: want a DOPA code of 2 (province), 4 (district) "
        "or 6 (sub-district) digits, e.g. \"33\" for Sisaket");
  }
  const int32_t today = ledger_->Today();
  ASSIGN_OR_RETURN(
      int32_t fiscal_year,
      FiscalYearOrCurrent(request.fiscal_year(), kThaiFiscalStart, today));
  // One period for every fund of the area, whatever month a fund starts
  // its own year in.
  const StatusDays days = DaysOf(fiscal_year, kThaiFiscalStart, today);
  storage::ReadView view(&ledger_->store());
  TotalsBuilder totals;
  int32_t fund_count = 0;
  storage::PrefixIterator funds =
      view.Scan(storage::Column::kViews, storage::keys::FundPrefix());
  welfare::storage::v1::FundView fund;
  for (funds.Seek(); funds.Valid(); funds.Next()) {
    if (!fund.ParseFromArray(funds.value().data(),
                             static_cast<int>(funds.value().size()))) {
      return CorruptRecord("FundView", funds.key());
    }
    if (!absl::StartsWith(fund.area_code(), area)) continue;
    ASSIGN_OR_RETURN(Books books, Books::Read(&view, fund, today));
    ASSIGN_OR_RETURN(FundFigures figures, FiguresOf(books, days));
    totals.Add(figures);
    ++fund_count;
  }
  RETURN_IF_ERROR(funds.status());
  v1::AreaStatus status;
  status.set_area_code_prefix(area);
  status.set_fiscal_year(fiscal_year);
  *status.mutable_start_date() = DateOf(days.year.first);
  *status.mutable_as_of_date() = DateOf(days.as_of);
  status.set_fund_count(fund_count);
  *status.mutable_totals() = totals.Build();
  return status;
}

}  // namespace welfare::domain
