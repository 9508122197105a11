// welfare fund create|get|list, welfare account open|list.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

const ArgumentSpec kFundArgument = {
    "fund", "the fund's id, e.g. ban-nong-khu (as given to 'fund create')"};

std::string FundName(const std::string& fund_id) {
  return absl::StrCat("funds/", fund_id);
}

int CreateFund(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::CreateFundRequest request;
  request.set_fund_id(read.FundArgument(0));
  request.set_request_id(RequestIdOf(flags));
  v1::Fund* fund = request.mutable_fund();
  fund->set_display_name(read.Text("name"));
  fund->set_area_code(read.Text("area"));
  for (const std::string& villages : flags.GetAll("village")) {
    for (absl::string_view code :
         absl::StrSplit(villages, ',', absl::SkipWhitespace())) {
      fund->add_village_codes(std::string(code));
    }
  }
  fund->set_fiscal_year_start_month(
      static_cast<int32_t>(read.Integer("fiscal-year-start", 1, 12)));
  read.DateUpToInto("founded", context.today(), fund->mutable_founding_date());
  if (!read.ok()) return context.Usage(read.status(), "fund create");

  return CallAndPrint(
      context, "fund create", request.request_id(),
      [&](client::LedgerClient& client) { return client.CreateFund(request); },
      FundView);
}

int GetFund(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::GetFundRequest request;
  request.set_name(FundName(read.FundArgument(0)));
  if (!read.ok()) return context.Usage(read.status(), "fund get");

  return CallAndPrint(
      context, "fund get", "",
      [&](client::LedgerClient& client) { return client.GetFund(request); },
      FundView);
}

int ListFunds(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListFundsRequest request;
  request.set_area_code_prefix(read.Text("area"));
  request.set_page_size(
      static_cast<int32_t>(read.Integer("page-size", 1, 1000)));
  request.set_page_token(read.Text("page-token"));
  if (!read.ok()) return context.Usage(read.status(), "fund list");

  return CallAndPrint(
      context, "fund list", "",
      [&](client::LedgerClient& client) {
        return FetchPages<v1::ListFundsRequest, v1::ListFundsResponse>(
            request, flags.Has("all"), [&](const v1::ListFundsRequest& page) {
              return client.ListFunds(page);
            });
      },
      [&](const Cells& cells, const v1::ListFundsResponse& funds) {
        NoteNextPage(context, funds.next_page_token());
        return FundListView(cells, funds);
      });
}

int OpenAccount(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::CreateAccountRequest request;
  request.set_parent(FundName(read.FundArgument(0)));
  request.set_request_id(RequestIdOf(flags));
  v1::Account* account = request.mutable_account();
  account->set_code(read.Text("code"));
  account->set_display_name(read.Text("name"));
  account->set_english_name(read.Text("english-name"));
  account->set_kind(static_cast<v1::AccountKind>(
      read.Enum("kind", format::AccountKindLabels())));
  if (!read.ok()) return context.Usage(read.status(), "account open");

  return CallAndPrint(
      context, "account open", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.CreateAccount(request);
      },
      AccountView);
}

int ListAccounts(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::ListAccountsRequest request;
  request.set_parent(FundName(read.FundArgument(0)));
  if (!read.ok()) return context.Usage(read.status(), "account list");

  return CallAndPrint(
      context, "account list", "",
      [&](client::LedgerClient& client) {
        return client.ListAccounts(request);
      },
      AccountListView);
}

}  // namespace

std::vector<Command> FundCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "fund create",
      "create a fund with the default chart of accounts",
      "Creates a community welfare fund (กองทุนสวัสดิการชุมชน) as the first "
      "entry of its own journal, with the default chart of accounts: 1101 "
      "cash, 1111 bank, 4101 member dues, 5101-5116 benefits and so on "
      "('welfare account list' shows them).",
      {{"fund-id",
        "the new fund's id: 3..40 of a-z, 0-9 and '-', starting "
        "with a letter, e.g. ban-nong-khu"}},
      {
          {"name", "TEXT", "the fund's name in Thai", FlagKind::kValue, true},
          {"area", "CODE",
           "the DOPA sub-district (tambon) code, 6 digits, e.g. 330101",
           FlagKind::kValue, true},
          {"village", "CODES",
           "8-digit village codes the fund covers, comma-separated",
           FlagKind::kRepeated},
          {"fiscal-year-start", "MONTH",
           "first month of the fiscal year, 1..12 (default 10: October, "
           "the Thai government fiscal year)"},
          {"founded", "DATE", "the founding date (default: today)"},
          RequestIdFlag(),
      },
      "welfare fund create ban-nong-khu --name=\"กองทุนสวัสดิการชุมชนตำบลหนองคู\" "
      "--area=330101 --founded=2569-01-15",
      CreateFund,
  });
  commands.push_back({
      "fund get",
      "show a fund",
      "Shows a fund: its name, area, founding date, and how many entries and "
      "members it has.",
      {kFundArgument},
      {},
      "welfare fund get ban-nong-khu",
      GetFund,
  });
  commands.push_back({
      "fund list",
      "list funds, optionally of one area",
      "Lists funds in fund id order, a page at a time.",
      {},
      WithFlags({{"area", "PREFIX",
                  "only funds whose area code starts with this, e.g. 33 for "
                  "Sisaket province"}},
                PagingFlags()),
      "welfare fund list --area=33 --all",
      ListFunds,
  });
  commands.push_back({
      "account open",
      "open a further account in a fund's chart of accounts",
      "Opens an account, e.g. a second bank account 1112. The first digit of "
      "the code says what it holds: 1 asset, 2 liability, 3 fund balance, 4 "
      "income, 5 expense. Money is received into and paid from cash and bank "
      "accounts only.",
      {kFundArgument},
      {
          {"code", "CODE", "four digits, first digit 1..5, e.g. 1112",
           FlagKind::kValue, true},
          {"name", "TEXT", "the account's name in Thai", FlagKind::kValue,
           true},
          {"english-name", "TEXT", "its name in English"},
          {"kind", "KIND",
           absl::StrCat(format::TokenList(format::AccountKindLabels(), ", "),
                        " (cash and bank only for asset accounts; default "
                        "other)")},
          RequestIdFlag(),
      },
      "welfare account open ban-nong-khu --code=1112 "
      "--name=\"เงินฝาก ธ.ก.ส.\" --kind=bank",
      OpenAccount,
  });
  commands.push_back({
      "account list",
      "list a fund's chart of accounts",
      "Lists every account of a fund in code order.",
      {kFundArgument},
      {},
      "welfare account list ban-nong-khu",
      ListAccounts,
  });
  return commands;
}

}  // namespace welfare::cli
