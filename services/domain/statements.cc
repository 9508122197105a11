#include "services/domain/statements.h"

#include <map>
#include <set>
#include <string>

#include "services/domain/chart.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "storage/fund_state.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using welfare::storage::v1::AccountRecord;

bool IsCashOrBank(const AccountRecord& account) {
  return account.kind() == storage::kAccountKindCash ||
         account.kind() == storage::kAccountKindBank;
}

int FirstDigit(uint32_t code) { return static_cast<int>(code / 1000); }

// Closing minus opening, per account.
absl::StatusOr<std::vector<int64_t>> Movements(const Books& books,
                                               storage::DayRange range) {
  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  for (size_t i = 0; i < closing.size(); ++i) closing[i] -= opening[i];
  return closing;
}

const AccountRecord* FindAccount(const Books& books, uint32_t code) {
  for (const AccountRecord& account : books.accounts()) {
    if (account.code() == code) return &account;
  }
  return nullptr;
}

}  // namespace

v1::AccountAmount AccountAmountOf(const AccountRecord& account,
                                  int64_t amount) {
  v1::AccountAmount out;
  out.set_account_code(AccountCodeText(account.code()));
  out.set_display_name(account.display_name());
  out.set_english_name(account.english_name());
  out.set_amount_satang(amount);
  return out;
}

v1::ContributionSource SourceOfIncomeAccount(uint32_t code) {
  for (int source = v1::ContributionSource_MIN + 1;
       source <= v1::ContributionSource_MAX; ++source) {
    if (IncomeAccountFor(static_cast<v1::ContributionSource>(source)) == code) {
      return static_cast<v1::ContributionSource>(source);
    }
  }
  return v1::CONTRIBUTION_SOURCE_OTHER_INCOME;
}

absl::StatusOr<v1::TrialBalance> TrialBalanceOf(const Books& books,
                                                storage::DayRange range) {
  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  v1::TrialBalance report;
  *report.mutable_header() = books.Header(range);
  int64_t debits = 0, credits = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const AccountRecord& account = books.accounts()[i];
    v1::TrialBalanceRow* row = report.add_rows();
    row->set_account_code(AccountCodeText(account.code()));
    row->set_display_name(account.display_name());
    row->set_english_name(account.english_name());
    row->set_type(AccountTypeOf(account.code()));
    row->set_kind(static_cast<v1::AccountKind>(account.kind()));
    row->set_opening_debit_minus_credit_satang(opening[i]);
    row->set_movement_debit_minus_credit_satang(closing[i] - opening[i]);
    row->set_closing_debit_minus_credit_satang(closing[i]);
    if (closing[i] > 0) debits += closing[i];
    if (closing[i] < 0) credits -= closing[i];
  }
  report.set_total_debit_satang(debits);
  report.set_total_credit_satang(credits);
  return report;
}

absl::StatusOr<v1::ReceiptsAndPayments> ReceiptsAndPaymentsOf(
    const Books& books, storage::DayRange range) {
  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  ASSIGN_OR_RETURN(auto flows,
                   books.totals().CashFlows(books.fund_id(), range));
  ASSIGN_OR_RETURN(auto received, books.totals().CashFlows(
                                      books.fund_id(), range,
                                      storage::keys::CashFlowKind::kReceipts));
  v1::ReceiptsAndPayments report;
  *report.mutable_header() = books.Header(range);
  int64_t opening_total = 0, closing_total = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const AccountRecord& account = books.accounts()[i];
    if (!IsCashOrBank(account)) continue;
    *report.add_opening() = AccountAmountOf(account, opening[i]);
    *report.add_closing() = AccountAmountOf(account, closing[i]);
    opening_total += opening[i];
    closing_total += closing[i];
  }
  // Gross: what each account gave and took, entry by entry; paid is
  // received minus the net.
  std::map<uint32_t, std::pair<int64_t, int64_t>> gross;  // received, paid
  for (const auto& [code, amount] : received) gross[code] = {amount, amount};
  for (const auto& [code, flow] : flows) {
    gross[code].second -= flow;
    const AccountRecord* account = FindAccount(books, code);
    if (account != nullptr)
      *report.add_net_flows() = AccountAmountOf(*account, flow);
  }
  int64_t receipts = 0, payments = 0;
  for (const auto& [code, amounts] : gross) {
    const AccountRecord* account = FindAccount(books, code);
    if (account == nullptr) continue;  // Tallied only for open accounts.
    const auto [in, out] = amounts;
    if (in != 0) *report.add_receipts() = AccountAmountOf(*account, in);
    if (out != 0) *report.add_payments() = AccountAmountOf(*account, out);
    receipts += in;
    payments += out;
  }
  report.set_opening_total_satang(opening_total);
  report.set_receipts_total_satang(receipts);
  report.set_payments_total_satang(payments);
  report.set_closing_total_satang(closing_total);
  return report;
}

absl::StatusOr<v1::IncomeAndExpenditure> IncomeAndExpenditureOf(
    const Books& books, storage::DayRange range) {
  ASSIGN_OR_RETURN(auto movements, Movements(books, range));
  v1::IncomeAndExpenditure report;
  *report.mutable_header() = books.Header(range);
  int64_t income = 0, expenditure = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const AccountRecord& account = books.accounts()[i];
    if (FirstDigit(account.code()) == 4) {
      *report.add_income() = AccountAmountOf(account, -movements[i]);
      income -= movements[i];
    } else if (FirstDigit(account.code()) == 5) {
      *report.add_expenditure() = AccountAmountOf(account, movements[i]);
      expenditure += movements[i];
    }
  }
  report.set_income_total_satang(income);
  report.set_expenditure_total_satang(expenditure);
  report.set_surplus_satang(income - expenditure);
  return report;
}

absl::StatusOr<v1::BalanceSheet> BalanceSheetOf(const Books& books,
                                                storage::DayRange range) {
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  v1::BalanceSheet report;
  *report.mutable_header() = books.Header(range);
  int64_t assets = 0, liabilities = 0, fund_balance = 0, surplus = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const AccountRecord& account = books.accounts()[i];
    switch (FirstDigit(account.code())) {
      case 1:
        *report.add_assets() = AccountAmountOf(account, closing[i]);
        assets += closing[i];
        break;
      case 2:
        *report.add_liabilities() = AccountAmountOf(account, -closing[i]);
        liabilities -= closing[i];
        break;
      case 3:
        *report.add_fund_balance() = AccountAmountOf(account, -closing[i]);
        fund_balance -= closing[i];
        break;
      default:  // Income (credit) and expenses (debit) not yet closed.
        surplus -= closing[i];
        break;
    }
  }
  report.set_assets_total_satang(assets);
  report.set_liabilities_total_satang(liabilities);
  report.set_accumulated_surplus_satang(surplus);
  report.set_fund_balance_total_satang(fund_balance + surplus);
  return report;
}

absl::StatusOr<v1::BenefitsByCategory> BenefitsByCategoryOf(
    const Books& books, storage::DayRange range) {
  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  v1::BenefitsByCategory report;
  *report.mutable_header() = books.Header(range);
  ASSIGN_OR_RETURN(const auto overrides,
                   books.totals().OverridesByCategory(books.fund_id(), range));
  ASSIGN_OR_RETURN(const auto overrides_to_date,
                   books.totals().OverridesByCategory(
                       books.fund_id(), {kBeginningOfTime, range.last}));
  int64_t total = 0, cumulative_total = 0;
  for (int category = 1; category <= 16; ++category) {
    const uint32_t code =
        BenefitAccountFor(static_cast<v1::BenefitCategory>(category));
    v1::BenefitCategoryRow* row = report.add_rows();
    row->set_category(static_cast<v1::BenefitCategory>(category));
    row->set_account_code(AccountCodeText(code));
    for (size_t i = 0; i < books.accounts().size(); ++i) {
      if (books.accounts()[i].code() != code) continue;
      row->set_amount_satang(closing[i] - opening[i]);
      row->set_amount_cumulative_satang(closing[i]);
    }
    ASSIGN_OR_RETURN(
        storage::BenefitPeopleCount people,
        books.totals().BenefitPeopleWithCumulative(
            books.fund_id(), static_cast<uint8_t>(category), range));
    row->set_people(people.in_range);
    row->set_people_cumulative(people.to_date);
    const auto key = static_cast<uint8_t>(category);
    if (auto it = overrides.find(key); it != overrides.end()) {
      row->set_override_amount_satang(it->second);
    }
    if (auto it = overrides_to_date.find(key); it != overrides_to_date.end()) {
      row->set_override_amount_cumulative_satang(it->second);
    }
    total += row->amount_satang();
    cumulative_total += row->amount_cumulative_satang();
  }
  report.set_amount_total_satang(total);
  report.set_amount_cumulative_total_satang(cumulative_total);
  return report;
}

absl::StatusOr<v1::ContributionsBySource> ContributionsBySourceOf(
    const Books& books, storage::DayRange range) {
  ASSIGN_OR_RETURN(auto opening, books.Opening(range));
  ASSIGN_OR_RETURN(auto closing, books.BalancesAsOf(range.last));
  const uint32_t match_account =
      IncomeAccountFor(v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH);
  v1::ContributionsBySource report;
  *report.mutable_header() = books.Header(range);
  int64_t total = 0, cumulative_total = 0;
  for (size_t i = 0; i < books.accounts().size(); ++i) {
    const AccountRecord& account = books.accounts()[i];
    if (FirstDigit(account.code()) != 4) continue;
    const int64_t amount = opening[i] - closing[i];  // Credit side.
    const int64_t cumulative = -closing[i];
    total += amount;
    cumulative_total += cumulative;
    auto add_row = [&](absl::string_view round, int64_t period,
                       int64_t to_date) {
      v1::ContributionSourceRow* row = report.add_rows();
      row->set_source(SourceOfIncomeAccount(account.code()));
      row->set_account_code(AccountCodeText(account.code()));
      row->set_display_name(account.display_name());
      row->set_english_name(account.english_name());
      row->set_matching_round(std::string(round));
      row->set_amount_satang(period);
      row->set_amount_cumulative_satang(to_date);
    };
    if (account.code() != match_account) {
      add_row("", amount, cumulative);
      continue;
    }
    // One row per matching round; money posted to the account without a
    // round (general transactions) is the rest.
    ASSIGN_OR_RETURN(auto in_period,
                     books.totals().MatchingRounds(books.fund_id(), range));
    ASSIGN_OR_RETURN(auto to_date,
                     books.totals().MatchingRounds(
                         books.fund_id(), {kBeginningOfTime, range.last}));
    std::set<std::string> rounds;
    int64_t rounds_period = 0, rounds_to_date = 0;
    for (const auto& [round, sum] : to_date) {
      if (round.empty()) continue;
      rounds.insert(round);
      rounds_to_date += sum;
    }
    for (const auto& [round, sum] : in_period) {
      if (round.empty()) continue;
      rounds.insert(round);
      rounds_period += sum;
    }
    for (const std::string& round : rounds) {
      auto period_it = in_period.find(round);
      add_row(round, period_it == in_period.end() ? 0 : period_it->second,
              to_date[round]);
    }
    const int64_t rest_period = amount - rounds_period;
    const int64_t rest_to_date = cumulative - rounds_to_date;
    if (rounds.empty() || rest_period != 0 || rest_to_date != 0) {
      add_row("", rest_period, rest_to_date);
    }
  }
  report.set_amount_total_satang(total);
  report.set_amount_cumulative_total_satang(cumulative_total);
  return report;
}

}  // namespace welfare::domain
