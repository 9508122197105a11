// Money in and out: welfare dues, contribute, benefit, cost and post.
#include <limits>

#include "absl/strings/str_cat.h"
#include "clients/cli/command.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr int64_t kMemberNumberMax = std::numeric_limits<int32_t>::max();
constexpr int kDuesMonthsMax = 120;
constexpr int kQuantityMax = 366;

const ArgumentSpec kFundArgument = {"fund", "the fund's id, e.g. ban-nong-khu"};

FlagSpec AmountFlag(const char* help) {
  return {"amount", "BAHT", help, FlagKind::kValue, true};
}

// --date, --account, --memo and --request-id; `document` is the flag of
// the source document (receipt or voucher number).
std::vector<FlagSpec> CommonFlags(const char* document,
                                  const char* document_help,
                                  const char* account_help) {
  return {
      {"date", "DATE", "the business date (default: today); not in the future"},
      {document, "NUMBER", document_help},
      {"account", "CODE", account_help},
      {"memo", "TEXT", "a note, up to 500 characters"},
      RequestIdFlag(),
  };
}

std::string FundName(FlagReader& read) {
  return absl::StrCat("funds/", read.FundArgument(0));
}

int RecordContribution(Context& context, const std::string& command,
                       v1::RecordContributionRequest& request) {
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) {
        return client.RecordContribution(request);
      },
      EntryView);
}

int RecordDisbursement(Context& context, const std::string& command,
                       v1::RecordDisbursementRequest& request) {
  return CallAndPrint(
      context, command, request.request_id(),
      [&](client::LedgerClient& client) {
        return client.RecordDisbursement(request);
      },
      EntryView);
}

// Reads the fields of a contribution every source has.
void ReadContribution(const Context& context, FlagReader& read,
                      v1::Contribution* contribution) {
  contribution->set_amount_satang(read.Amount("amount"));
  read.DateUpToInto("date", context.today(),
                    contribution->mutable_effective_date());
  contribution->set_source_document(read.Text("receipt"));
  contribution->set_deposit_account_code(read.Text("account"));
  contribution->set_memo(read.Text("memo"));
}

int Dues(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RecordContributionRequest request;
  request.set_parent(FundName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::Contribution* dues = request.mutable_contribution();
  dues->set_source(v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
  dues->set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  read.MonthInto("from", dues->mutable_months()->mutable_first_month());
  dues->mutable_months()->set_month_count(
      static_cast<int32_t>(read.Integer("months", 1, kDuesMonthsMax)));
  ReadContribution(context, read, dues);
  if (!read.ok()) return context.Usage(read.status(), "dues");
  return RecordContribution(context, "dues", request);
}

int Contribute(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RecordContributionRequest request;
  request.set_parent(FundName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::Contribution* contribution = request.mutable_contribution();
  contribution->set_source(static_cast<v1::ContributionSource>(
      read.Enum("source", format::ContributionSourceLabels())));
  if (contribution->source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES) {
    read.Fail(absl::InvalidArgumentError(
        "--source: member dues are recorded with 'welfare dues', which also "
        "records the months they cover"));
  }
  contribution->set_matching_round(read.Text("round"));
  contribution->set_payer(read.Text("payer"));
  contribution->set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  ReadContribution(context, read, contribution);
  if (!read.ok()) return context.Usage(read.status(), "contribute");
  return RecordContribution(context, "contribute", request);
}

// Reads the fields of a disbursement every purpose has.
void ReadDisbursement(const Context& context, FlagReader& read,
                      v1::Disbursement* disbursement) {
  disbursement->set_amount_satang(read.Amount("amount"));
  read.DateUpToInto("date", context.today(),
                    disbursement->mutable_effective_date());
  disbursement->set_source_document(read.Text("voucher"));
  disbursement->set_payment_account_code(read.Text("account"));
  disbursement->set_memo(read.Text("memo"));
}

int Benefit(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RecordDisbursementRequest request;
  request.set_parent(FundName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::Disbursement* disbursement = request.mutable_disbursement();
  v1::Benefit* benefit = disbursement->mutable_benefit();
  benefit->set_member_number(
      static_cast<int32_t>(read.Integer("member", 1, kMemberNumberMax)));
  benefit->set_category(static_cast<v1::BenefitCategory>(
      read.Enum("category", format::BenefitCategoryLabels(), 0,
                /*numbers_too=*/true)));
  if (read.Has("nights") && read.Has("quantity")) {
    read.Fail(absl::InvalidArgumentError(
        "--nights and --quantity are the same; give one"));
  }
  benefit->set_quantity(static_cast<int32_t>(
      read.Has("nights") ? read.Integer("nights", 0, kQuantityMax)
                         : read.Integer("quantity", 0, kQuantityMax)));
  benefit->set_sub_type(read.Text("sub-type"));
  benefit->set_payee(
      static_cast<v1::Payee>(read.Enum("payee", format::PayeeLabels())));
  ReadDisbursement(context, read, disbursement);
  if (!read.ok()) return context.Usage(read.status(), "benefit");
  return RecordDisbursement(context, "benefit", request);
}

int Cost(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::RecordDisbursementRequest request;
  request.set_parent(FundName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::Disbursement* disbursement = request.mutable_disbursement();
  v1::OperatingCost* cost = disbursement->mutable_operating_cost();
  cost->set_kind(
      static_cast<v1::CostKind>(read.Enum("kind", format::CostKindLabels())));
  cost->set_description(read.Text("description"));
  ReadDisbursement(context, read, disbursement);
  if (!read.ok()) return context.Usage(read.status(), "cost");
  return RecordDisbursement(context, "cost", request);
}

// Adds the postings of every --debit or --credit (CODE:AMOUNT).
void ReadPostings(FlagReader& read, const ParsedFlags& flags, const char* name,
                  v1::Side side, v1::Transaction* transaction) {
  for (const std::string& value : flags.GetAll(name)) {
    const size_t colon = value.find(':');
    auto satang = format::ParseBaht(
        colon == std::string::npos ? "" : value.substr(colon + 1));
    if (colon == std::string::npos || colon == 0 || !satang.ok() ||
        *satang == 0) {
      read.Fail(absl::InvalidArgumentError(absl::StrCat(
          "--", name, ": \"", value,
          "\"; want CODE:AMOUNT with an amount above zero, e.g. 1111:5,000",
          satang.ok() || colon == std::string::npos
              ? ""
              : absl::StrCat(" (", satang.status().message(), ")"))));
      continue;
    }
    v1::Posting* posting = transaction->add_postings();
    posting->set_account_code(value.substr(0, colon));
    posting->set_side(side);
    posting->set_amount_satang(*satang);
  }
}

int Post(Context& context, const ParsedFlags& flags) {
  FlagReader read(flags);
  v1::PostTransactionRequest request;
  request.set_parent(FundName(read));
  request.set_request_id(RequestIdOf(flags));
  v1::Transaction* transaction = request.mutable_transaction();
  ReadPostings(read, flags, "debit", v1::DEBIT, transaction);
  ReadPostings(read, flags, "credit", v1::CREDIT, transaction);
  read.DateUpToInto("date", context.today(),
                    transaction->mutable_effective_date());
  transaction->set_source_document(read.Text("document"));
  transaction->set_memo(read.Text("memo"));
  if (!read.ok()) return context.Usage(read.status(), "post");
  return CallAndPrint(
      context, "post", request.request_id(),
      [&](client::LedgerClient& client) {
        return client.PostTransaction(request);
      },
      EntryView);
}

}  // namespace

std::vector<Command> MoneyCommands() {
  std::vector<Command> commands;
  commands.push_back({
      "dues",
      "record a member's dues (เงินสัจจะ) and the months they cover",
      "Records dues a member paid, and the months they cover: credited to "
      "4101 member dues, debited to the cash or bank account that received "
      "them. None of the months may be paid already, and the member must be "
      "active or lapsed, and joined, on the date.",
      {kFundArgument},
      WithFlags(
          {
              {"member", "N", "the paying member's number", FlagKind::kValue,
               true},
              AmountFlag("the baht paid, e.g. 365 or 1,095.50"),
              {"from", "MONTH",
               "the first month covered, e.g. 2569-10 or 10/2569",
               FlagKind::kValue, true},
              {"months", "N", "how many months, 1..120", FlagKind::kValue,
               true},
          },
          CommonFlags("receipt", "a paper receipt's own number, if any",
                      "the cash or bank account that received the money "
                      "(default 1101 cash)")),
      "welfare dues ban-nong-khu --member=7 --amount=365 --from=2569-10 "
      "--months=12 --receipt=RC-0123",
      Dues,
  });
  commands.push_back({
      "contribute",
      "record money received other than dues: grants, donations, interest",
      "Records money received from a source other than member dues, credited "
      "to the source's income account (4102 entry fees, 4201 CODI grant, "
      "4202 government match, ...). A government match names its round; an "
      "entry fee names the member who paid it.",
      {kFundArgument},
      WithFlags(
          {
              {"source", "SOURCE",
               "entry-fee, codi-grant, government-match, local-government, "
               "other-government, activity-profit, donation, bank-interest, "
               "loan-interest or other-income",
               FlagKind::kValue, true},
              AmountFlag("the baht received"),
              {"round", "ROUND",
               "government-match only: the matching round, e.g. 2568/1"},
              {"payer", "TEXT",
               "who paid: an agency, e.g. อบต.หนองคู (not a private person)"},
              {"member", "N", "entry-fee only: the member who paid"},
          },
          CommonFlags("receipt", "a paper receipt's own number, if any",
                      "the cash or bank account that received the money "
                      "(default 1101 cash)")),
      "welfare contribute ban-nong-khu --source=government-match "
      "--amount=35,000 --round=2568/1 \\\n    --payer=พอช. --account=1111",
      Contribute,
  });
  commands.push_back({
      "benefit",
      "pay a benefit (สวัสดิการ) to or for a member",
      "Records a benefit paid under the fund's rulebook, debited to the "
      "category's expense account (5101 + category - 1) and credited to the "
      "paying cash or bank account, which may never go negative. The member "
      "must be active on the date (death and funeral benefits may be paid "
      "for a member who died).",
      {kFundArgument},
      WithFlags(
          {
              {"member", "N", "the member the benefit is for", FlagKind::kValue,
               true},
              {"category", "CATEGORY",
               absl::StrCat(
                   "one of CODI's 16 categories, by name or number "
                   "1..16: ",
                   format::TokenList(format::BenefitCategoryLabels(), ", ")),
               FlagKind::kValue, true},
              AmountFlag("the baht paid"),
              {"nights", "N", "nights in hospital, 0..366"},
              {"quantity", "N", "other countable units, 0..366"},
              {"sub-type", "TEXT",
               "the fund's own sub-type, e.g. ค่านอนโรงพยาบาล"},
              {"payee", "PAYEE",
               absl::StrCat(format::TokenList(format::PayeeLabels(), ", "),
                            " (default member)")},
          },
          CommonFlags("voucher", "a paper voucher's own number, if any",
                      "the cash or bank account that paid (default 1101 "
                      "cash)")),
      "welfare benefit ban-nong-khu --member=7 --category=sickness "
      "--amount=600 --nights=3 \\\n    --sub-type=ค่านอนโรงพยาบาล "
      "--voucher=PV-0042",
      Benefit,
  });
  commands.push_back({
      "cost",
      "pay an operating cost: staff, transport, stationery, meetings",
      "Records an operating cost, debited to its expense account (5201 help "
      "to non-members, 5301 staff, 5302 transport, 5303 stationery, 5304 "
      "meetings, 5399 other) and credited to the paying cash or bank "
      "account.",
      {kFundArgument},
      WithFlags(
          {
              {"kind", "KIND",
               format::TokenList(format::CostKindLabels(), ", "),
               FlagKind::kValue, true},
              AmountFlag("the baht paid"),
              {"description", "TEXT", "what it was for, up to 200 characters"},
          },
          CommonFlags("voucher", "a paper voucher's own number, if any",
                      "the cash or bank account that paid (default 1101 "
                      "cash)")),
      "welfare cost ban-nong-khu --kind=meetings --amount=450 "
      "--description=\"ค่าอาหารว่างประชุมกรรมการ\"",
      Cost,
  });
  commands.push_back({
      "post",
      "post a general balanced transaction (transfers, opening balances)",
      "Posts a general transaction of 2..64 postings whose debits equal its "
      "credits: a transfer between cash and bank, opening balances, an "
      "adjustment. Each --debit and --credit is CODE:AMOUNT.",
      {kFundArgument},
      {
          {"debit", "CODE:BAHT", "a debit posting, e.g. 1111:5,000",
           FlagKind::kRepeated, true},
          {"credit", "CODE:BAHT", "a credit posting, e.g. 1101:5,000",
           FlagKind::kRepeated, true},
          {"date", "DATE",
           "the business date (default: today); not in the future"},
          {"document", "NUMBER", "the source document's number"},
          {"memo", "TEXT", "a note, up to 500 characters"},
          RequestIdFlag(),
      },
      "welfare post ban-nong-khu --debit=1111:5,000 --credit=1101:5,000 "
      "--memo=\"นำเงินสดฝากธนาคาร\"",
      Post,
  });
  return commands;
}

}  // namespace welfare::cli
