#include "services/domain/books.h"

#include <algorithm>

#include "services/domain/dates.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "services/domain/views.h"
#include "storage/journal_reads.h"
#include "storage/status_macros.h"

namespace welfare::domain {

absl::StatusOr<Books> Books::Read(const storage::ReadView* view,
                                  absl::string_view fund_id, int32_t today) {
  ASSIGN_OR_RETURN(welfare::storage::v1::FundView fund,
                   ReadFundView(*view, fund_id));
  return Read(view, std::move(fund), today);
}

absl::StatusOr<Books> Books::Read(const storage::ReadView* view,
                                  welfare::storage::v1::FundView fund,
                                  int32_t today) {
  Books books;
  books.today_ = today;
  books.view_ = view;
  books.totals_ = std::make_unique<storage::TotalsReader>(view);
  books.fund_id_ = fund.fund_id();
  books.fund_ = std::move(fund);
  const std::string& fund_id = books.fund_id_;
  ASSIGN_OR_RETURN(books.journal_size_, storage::JournalSize(*view, fund_id));
  ASSIGN_OR_RETURN(auto balances,
                   storage::ReadBalances(*view, fund_id, std::nullopt));
  for (auto& row : balances) {
    books.accounts_.push_back(std::move(row.account));
    books.balances_.push_back(row.balance);
    books.posted_.push_back(row.posted);
  }
  return books;
}

absl::StatusOr<std::vector<int64_t>> Books::BalancesAsOf(int64_t day) const {
  auto known = balances_as_of_.find(day);
  if (known != balances_as_of_.end()) return known->second;
  std::vector<int64_t> balances = balances_;
  if (day < kBeginningOfTime) {
    std::fill(balances.begin(), balances.end(), 0);
  } else if (day - fund_.founding_day() < int64_t{today_} - day) {
    // Nearer the founding: add up from the beginning. (Either way gives the
    // same sums; this one reads fewer totals.)
    for (size_t i = 0; i < accounts_.size(); ++i) {
      if (!posted_[i]) continue;  // Zero on every day.
      ASSIGN_OR_RETURN(balances[i],
                       totals_->MovementThrough(fund_id_, accounts_[i].code(),
                                                static_cast<int32_t>(day)));
    }
  } else {
    // Nearer today: take back what came after.
    for (size_t i = 0; i < accounts_.size(); ++i) {
      if (!posted_[i]) continue;
      ASSIGN_OR_RETURN(int64_t after,
                       totals_->MovementAfter(fund_id_, accounts_[i].code(),
                                              static_cast<int32_t>(day)));
      balances[i] -= after;
    }
  }
  balances_as_of_.emplace(day, balances);
  return balances;
}

welfare::ledger::v1::ReportHeader Books::Header(storage::DayRange range) const {
  welfare::ledger::v1::ReportHeader header;
  header.set_fund(FundName(fund_id_));
  header.set_fund_display_name(fund_.display_name());
  *header.mutable_start_date() = DateOf(
      range.first == kBeginningOfTime ? fund_.founding_day() : range.first);
  *header.mutable_end_date() = DateOf(range.last);
  const int32_t start_month = FiscalStartMonth(fund_);
  header.set_fiscal_year(FiscalYearOf(range.last, start_month));
  header.set_journal_size(journal_size_);
  header.set_fiscal_year_start_month(start_month);
  return header;
}

}  // namespace welfare::domain
