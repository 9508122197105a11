#include "services/domain/fund_facts.h"

#include "absl/strings/str_cat.h"
#include "services/domain/report_period.h"
#include "services/domain/views.h"
#include "storage/errors.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {

absl::StatusOr<storage::FundState::Facts> FundFactsOf(
    storage::AppendContext& context) {
  if (context.fund().facts.known()) return context.fund().facts;
  ASSIGN_OR_RETURN(welfare::storage::v1::FundView fund,
                   ReadFundView(context.staging(), context.fund_id()));
  storage::FundState::Facts facts;
  facts.fiscal_year_start_month = FiscalStartMonth(fund);
  facts.founding_day = fund.founding_day();
  context.set_fund_facts(facts);
  return facts;
}

absl::StatusOr<int32_t> FiscalStartMonthOf(storage::AppendContext& context) {
  ASSIGN_OR_RETURN(const storage::FundState::Facts facts, FundFactsOf(context));
  return facts.fiscal_year_start_month;
}

absl::Status CheckNotBeforeFounding(storage::AppendContext& context,
                                    absl::string_view field, int32_t day) {
  ASSIGN_OR_RETURN(const storage::FundState::Facts facts, FundFactsOf(context));
  if (day >= facts.founding_day) return absl::OkStatus();
  return storage::Error(
      absl::StatusCode::kFailedPrecondition, "DATE_BEFORE_FOUNDING",
      absl::StrCat(field, ": ", storage::DayText(day), " is before fund ",
                   context.fund_id(), " was founded (",
                   storage::DayText(facts.founding_day),
                   "); want a date from the founding on (a fund that moves "
                   "in older books is created with an earlier "
                   "founding_date)"));
}

}  // namespace welfare::domain
