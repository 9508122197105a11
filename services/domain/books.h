// Books: one fund's accounts and totals read from one consistent snapshot,
// the raw material of every report.
#ifndef WELFARE_SERVICES_DOMAIN_BOOKS_H_
#define WELFARE_SERVICES_DOMAIN_BOOKS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/store.h"
#include "storage/tallies.h"
#include "welfare/ledger/v1/reports.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

class Books {
 public:
  // NOT_FOUND FUND_NOT_FOUND if there is no such fund. view must outlive the
  // books.
  // today picks the cheaper way to a balance as of a day (from the
  // beginning or back from the latest).
  static absl::StatusOr<Books> Read(const storage::ReadView* view,
                                    absl::string_view fund_id, int32_t today);
  // The same for a fund whose view the caller has read.
  static absl::StatusOr<Books> Read(const storage::ReadView* view,
                                    welfare::storage::v1::FundView fund,
                                    int32_t today);

  const std::string& fund_id() const { return fund_id_; }
  const welfare::storage::v1::FundView& fund() const { return fund_; }
  const storage::ReadView& view() const { return *view_; }
  // The fund's report totals, from the same snapshot.
  storage::TotalsReader& totals() const { return *totals_; }
  uint64_t journal_size() const { return journal_size_; }
  // Every account of the fund, in code order.
  const std::vector<welfare::storage::v1::AccountRecord>& accounts() const {
    return accounts_;
  }

  // Debits minus credits of every account (in accounts() order) over the
  // entries effective on or before day; all zero for kBeginningOfTime - 1,
  // which is where a period from the beginning opens.
  // Remembers each answer (reports ask for the same days again).
  absl::StatusOr<std::vector<int64_t>> BalancesAsOf(int64_t day) const;
  // Before range.first (opening) and at range.last (closing).
  absl::StatusOr<std::vector<int64_t>> Opening(storage::DayRange range) const {
    return BalancesAsOf(int64_t{range.first} - 1);
  }

  // The header of a report of the range.
  welfare::ledger::v1::ReportHeader Header(storage::DayRange range) const;

 private:
  Books() = default;

  const storage::ReadView* view_ = nullptr;
  std::unique_ptr<storage::TotalsReader> totals_;
  std::string fund_id_;
  welfare::storage::v1::FundView fund_;
  uint64_t journal_size_ = 0;
  std::vector<welfare::storage::v1::AccountRecord> accounts_;
  int32_t today_ = 0;
  // All-time balances, in accounts_ order, and whether anything was ever
  // posted (an account never posted to is 0 on every day: no reads).
  std::vector<int64_t> balances_;
  std::vector<bool> posted_;
  mutable std::map<int64_t, std::vector<int64_t>> balances_as_of_;
};

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_BOOKS_H_
