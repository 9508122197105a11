#include "clients/report/monthly_series.h"

namespace welfare::report {

int64_t MemberDuesOf(const v1::IncomeAndExpenditure& statement) {
  int64_t dues_satang = 0;
  for (const v1::AccountAmount& row : statement.income()) {
    if (row.account_code() == kMemberDuesAccount) {
      dues_satang += row.amount_satang();
    }
  }
  return dues_satang;
}

v1::YearMonth AddMonths(const v1::YearMonth& month, int count) {
  const int index = month.year() * kMonthsPerYear + month.month() - 1 + count;
  v1::YearMonth result;
  result.set_year(index / kMonthsPerYear);
  result.set_month(index % kMonthsPerYear + 1);
  return result;
}

absl::StatusOr<MonthlySeries> FetchMonthlySeries(ReportClient& client,
                                                 const std::string& fund_name,
                                                 int32_t fiscal_year) {
  v1::ReportRequest request;
  request.set_parent(fund_name);
  if (fiscal_year != 0) request.mutable_period()->set_fiscal_year(fiscal_year);
  absl::StatusOr<v1::IncomeAndExpenditure> year =
      client.GetIncomeAndExpenditure(request);
  if (!year.ok()) return year.status();

  MonthlySeries series;
  series.fiscal_year = year->header().fiscal_year();
  series.start_month = year->header().fiscal_year_start_month();
  v1::YearMonth first;
  first.set_year(year->header().start_date().year());
  first.set_month(year->header().start_date().month());
  for (int i = 0; i < kMonthsPerYear; ++i) {
    MonthlyFigures figures;
    figures.month = AddMonths(first, i);
    *request.mutable_period()->mutable_month() = figures.month;
    absl::StatusOr<v1::IncomeAndExpenditure> statement =
        client.GetIncomeAndExpenditure(request);
    if (!statement.ok()) return statement.status();
    absl::StatusOr<v1::BenefitsByCategory> benefits =
        client.GetBenefitsByCategory(request);
    if (!benefits.ok()) return benefits.status();
    figures.dues_satang = MemberDuesOf(*statement);
    figures.benefits_satang = benefits->amount_total_satang();
    series.months.push_back(figures);
  }
  return series;
}

}  // namespace welfare::report
