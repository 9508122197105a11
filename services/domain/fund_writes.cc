// Ledger writes of funds and accounts.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "services/domain/chart.h"
#include "services/domain/dates.h"
#include "services/domain/ledger.h"
#include "services/domain/names.h"
#include "services/domain/records.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/append_context.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using storage::Error;
using welfare::storage::v1::EntryRecord;

constexpr int kVillageCodesMax = 100;
constexpr int kFiscalYearStartDefault = 10;

// The fund creation entry and view, from a request checked field by field.
absl::Status BuildFund(const v1::CreateFundRequest& request, int32_t today,
                       EntryRecord* entry, record::FundView* view) {
  const v1::Fund& fund = request.fund();
  RETURN_IF_ERROR(CheckFundId("fund_id", request.fund_id()));
  RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  RETURN_IF_ERROR(CheckText("fund.display_name", fund.display_name(), 200,
                            /*required=*/true));
  RETURN_IF_ERROR(CheckAreaCode("fund.area_code", fund.area_code(), 6));
  if (fund.village_codes_size() > kVillageCodesMax) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("fund.village_codes: ", fund.village_codes_size(),
                              " codes, want at most ", kVillageCodesMax));
  }
  for (int i = 0; i < fund.village_codes_size(); ++i) {
    const std::string field = absl::StrCat("fund.village_codes[", i, "]");
    RETURN_IF_ERROR(CheckAreaCode(field, fund.village_codes(i), 8));
    if (!absl::StartsWith(fund.village_codes(i), fund.area_code())) {
      return Error(absl::StatusCode::kInvalidArgument, "AREA_CODE_INVALID",
                   absl::StrCat(field, ": ", fund.village_codes(i),
                                " is not in sub-district ", fund.area_code()));
    }
  }
  const int month = fund.fiscal_year_start_month() == 0
                        ? kFiscalYearStartDefault
                        : fund.fiscal_year_start_month();
  if (month < 1 || month > 12) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("fund.fiscal_year_start_month: ",
                              fund.fiscal_year_start_month(),
                              ", want 1..12 (0 means 10, October)"));
  }
  ASSIGN_OR_RETURN(
      int32_t founding_day,
      BusinessDay("fund.founding_date", fund.founding_date(), today));

  entry->set_kind(welfare::storage::v1::ENTRY_KIND_FUND_CREATED);
  entry->set_effective_day(founding_day);
  auto* body = entry->mutable_fund_created();
  body->set_display_name(fund.display_name());
  body->set_area_code(fund.area_code());
  *body->mutable_village_codes() = fund.village_codes();
  body->set_fiscal_year_start_month(month);
  for (auto& account : DefaultChart())
    *body->add_accounts() = std::move(account);

  view->set_fund_id(request.fund_id());
  view->set_display_name(fund.display_name());
  view->set_area_code(fund.area_code());
  *view->mutable_village_codes() = fund.village_codes();
  view->set_fiscal_year_start_month(month);
  view->set_founding_day(founding_day);
  return absl::OkStatus();
}

absl::StatusOr<EntryRecord> BuildAccount(
    const v1::CreateAccountRequest& request) {
  const v1::Account& account = request.account();
  RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  ASSIGN_OR_RETURN(uint32_t code,
                   ParseAccountCode("account.code", account.code()));
  RETURN_IF_ERROR(CheckText("account.display_name", account.display_name(), 200,
                            /*required=*/true));
  RETURN_IF_ERROR(CheckText("account.english_name", account.english_name(), 200,
                            /*required=*/false));
  v1::AccountKind kind = account.kind() == v1::ACCOUNT_KIND_UNSPECIFIED
                             ? v1::ACCOUNT_KIND_OTHER
                             : account.kind();
  if (!v1::AccountKind_IsValid(kind)) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("account.kind: ", account.kind(),
                              ", want CASH, BANK or OTHER"));
  }
  if (kind != v1::ACCOUNT_KIND_OTHER &&
      AccountTypeOf(code) != v1::ACCOUNT_TYPE_ASSET) {
    return Error(absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
                 absl::StrCat("account.kind: ", v1::AccountKind_Name(kind),
                              " is only for asset accounts (1xxx), not ",
                              account.code()));
  }
  EntryRecord entry;
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_ACCOUNT_OPENED);
  auto* opened = entry.mutable_account_opened();
  opened->set_code(code);
  opened->set_display_name(account.display_name());
  opened->set_english_name(account.english_name());
  opened->set_kind(kind);
  return entry;
}

}  // namespace

void Ledger::CreateFund(const std::string& principal,
                        const v1::CreateFundRequest& request,
                        Done<v1::Fund> done) {
  EntryRecord entry;
  record::FundView view;
  if (absl::Status status = BuildFund(request, Today(), &entry, &view);
      !status.ok()) {
    return done(status);
  }
  const std::string fund_id = request.fund_id();
  auto apply = [entry = std::move(entry), view = std::move(view)](
                   storage::AppendContext& context) mutable {
    if (context.fund().exists()) {
      return Error(absl::StatusCode::kAlreadyExists, "FUND_ALREADY_EXISTS",
                   absl::StrCat("fund funds/", context.fund_id(),
                                " already exists; choose another fund_id"));
    }
    view.set_create_time_micros(context.now_micros());
    RETURN_IF_ERROR(context.Append(std::move(entry)).status());
    context.staging().Put(storage::Column::kViews,
                          storage::keys::Fund(context.fund_id()),
                          view.SerializeAsString());
    return absl::OkStatus();
  };
  Submit(fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         [this, fund_id, done = std::move(done)](
             absl::StatusOr<storage::AppendResult> result) {
           if (!result.ok()) return done(result.status());
           v1::GetFundRequest get;
           get.set_name(FundName(fund_id));
           done(GetFund(get));
         });
}

void Ledger::CreateAccount(const std::string& principal,
                           const v1::CreateAccountRequest& request,
                           Done<v1::Account> done) {
  auto fund_id = ParseFundName("parent", request.parent());
  if (!fund_id.ok()) return done(fund_id.status());
  auto entry = BuildAccount(request);
  if (!entry.ok()) return done(entry.status());
  entry->set_effective_day(Today());
  auto apply =
      [entry = std::move(*entry)](storage::AppendContext& context) mutable {
        return context.Append(std::move(entry)).status();
      };
  Submit(*fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         [fund_id = *fund_id, done = std::move(done)](
             absl::StatusOr<storage::AppendResult> result) {
           if (!result.ok()) return done(result.status());
           done(AccountToApi(fund_id,
                             result->entries.front().record.account_opened()));
         });
}

}  // namespace welfare::domain
