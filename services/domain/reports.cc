#include "services/domain/reports.h"

#include "services/domain/books.h"
#include "services/domain/member_counts.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "services/domain/statements.h"
#include "storage/fund_state.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

// The books of the request's fund and the days of its period.
struct Opened {
  Books books;
  storage::DayRange range;
};

absl::StatusOr<Opened> Open(const storage::ReadView& view,
                            const v1::ReportRequest& request, int32_t today) {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  ASSIGN_OR_RETURN(Books books, Books::Read(&view, fund_id, today));
  ASSIGN_OR_RETURN(storage::DayRange range,
                   ResolvePeriod(request.period(), books.fund(), today));
  return Opened{std::move(books), range};
}

}  // namespace

// Every statement report: open the books, compute the statement.
#define WELFARE_STATEMENT(Method, Response, Statement)                      \
  absl::StatusOr<v1::Response> Reports::Method(                             \
      const v1::ReportRequest& request) const {                             \
    storage::ReadView view(&ledger_->store());                              \
    ASSIGN_OR_RETURN(Opened opened, Open(view, request, ledger_->Today())); \
    return Statement(opened.books, opened.range);                           \
  }

WELFARE_STATEMENT(GetTrialBalance, TrialBalance, TrialBalanceOf)
WELFARE_STATEMENT(GetReceiptsAndPayments, ReceiptsAndPayments,
                  ReceiptsAndPaymentsOf)
WELFARE_STATEMENT(GetIncomeAndExpenditure, IncomeAndExpenditure,
                  IncomeAndExpenditureOf)
WELFARE_STATEMENT(GetBalanceSheet, BalanceSheet, BalanceSheetOf)
WELFARE_STATEMENT(GetBenefitsByCategory, BenefitsByCategory,
                  BenefitsByCategoryOf)
WELFARE_STATEMENT(GetContributionsBySource, ContributionsBySource,
                  ContributionsBySourceOf)

#undef WELFARE_STATEMENT

absl::StatusOr<v1::FundStatusForm> Reports::GetFundStatusForm(
    const v1::ReportRequest& request) const {
  storage::ReadView view(&ledger_->store());
  ASSIGN_OR_RETURN(Opened opened, Open(view, request, ledger_->Today()));
  const Books& books = opened.books;
  const storage::DayRange range = opened.range;
  v1::FundStatusForm form;
  *form.mutable_header() = books.Header(range);
  ASSIGN_OR_RETURN(MemberCounts members,
                   CountMembers(books.totals(), books.fund_id(),
                                books.fund().founding_day(), range.last));
  form.set_members_founding(members.founding);
  form.set_members_cumulative(members.joined);
  std::map<int32_t, int64_t> current;
  for (const auto& [key, count] : members.by_category_and_status) {
    if (key.second == v1::MEMBER_STATUS_ACTIVE) current[key.first] += count;
  }
  int64_t current_total = 0;
  for (int category = v1::MemberCategory_MIN + 1;
       category <= v1::MemberCategory_MAX; ++category) {
    const auto type = static_cast<v1::MemberCategory>(category);
    auto add = [type](int64_t count, v1::MemberCount* row) {
      row->set_category(type);
      row->set_count(count);
    };
    add(current[category], form.add_members_current());
    add(members.founding_by_category[category],
        form.add_members_founding_by_type());
    add(members.joined_by_category[category],
        form.add_members_cumulative_by_type());
    current_total += current[category];
  }
  form.set_members_current_total(current_total);
  form.set_villages_covered(books.fund().village_codes_size());

  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  int64_t opening_balance = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const auto& account = books.accounts()[i];
    const bool investment = account.code() / 100 == 12;
    // Cash and bank first, whatever their code, as the partner balances
    // take them (partner.cc).
    const bool cash_or_bank = account.kind() == storage::kAccountKindCash ||
                              account.kind() == storage::kAccountKindBank;
    if (!cash_or_bank && account.code() / 100 == 13) {
      form.set_loans_to_members_satang(form.loans_to_members_satang() +
                                       closing[i]);
      continue;
    }
    if (!cash_or_bank && account.code() / 1000 == 2) {
      if (closing[i] != 0) {
        *form.add_liabilities() = AccountAmountOf(account, -closing[i]);
        form.set_liabilities_total_satang(form.liabilities_total_satang() -
                                          closing[i]);
      }
      continue;
    }
    if (account.kind() == storage::kAccountKindCash) {
      form.set_cash_satang(form.cash_satang() + closing[i]);
    } else if (account.kind() == storage::kAccountKindBank) {
      form.set_bank_satang(form.bank_satang() + closing[i]);
    } else if (investment) {
      form.set_investments_satang(form.investments_satang() + closing[i]);
    } else {
      continue;
    }
    opening_balance += opening[i];
  }
  form.set_opening_balance_satang(opening_balance);
  ASSIGN_OR_RETURN(*form.mutable_income(),
                   ContributionsBySourceOf(books, range));
  ASSIGN_OR_RETURN(*form.mutable_benefits(),
                   BenefitsByCategoryOf(books, range));
  ASSIGN_OR_RETURN(*form.mutable_receipts_and_payments(),
                   ReceiptsAndPaymentsOf(books, range));
  return form;
}

}  // namespace welfare::domain
