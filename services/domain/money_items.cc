#include "services/domain/money_items.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "services/domain/chart.h"
#include "services/domain/claims.h"
#include "services/domain/dates.h"
#include "services/domain/documents.h"
#include "services/domain/fund_facts.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"
#include "services/domain/report_tallies.h"
#include "services/domain/rulebooks.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;
using storage::Error;
using welfare::storage::v1::EntryRecord;

constexpr int kDuesMonthsMax = 120;
constexpr int kQuantityMax = 366;

// Effective date, source document and memo, common to every item.
absl::Status SetCommon(const v1::Date& date, const std::string& source_document,
                       const std::string& memo, int32_t today,
                       absl::string_view field, MoneyItem* item) {
  item->date_field = absl::StrCat(field, ".effective_date");
  ASSIGN_OR_RETURN(int32_t day, BusinessDay(item->date_field, date, today));
  EntryRecord* entry = &item->entry;
  RETURN_IF_ERROR(CheckText(absl::StrCat(field, ".source_document"),
                            source_document, 64, false));
  RETURN_IF_ERROR(CheckText(absl::StrCat(field, ".memo"), memo, 500, false,
                            TextKind::kMultiLine));
  entry->set_effective_day(day);
  entry->set_source_document(source_document);
  entry->set_memo(memo);
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> CashAccount(const std::string& code,
                                     absl::string_view field) {
  if (code.empty()) return kCashAccount;
  return ParseAccountCode(field, code);
}

void AddPosting(EntryRecord* entry, uint32_t account,
                int64_t debit_minus_credit) {
  auto* posting = entry->add_postings();
  posting->set_account_code(account);
  posting->set_debit_minus_credit_satang(debit_minus_credit);
}

// A transaction that debits and credits one account moves nothing on it
// (or less than it says): each account is on one side only.
absl::Status CheckNoAccountOnBothSides(const EntryRecord& entry,
                                       absl::string_view field) {
  absl::flat_hash_map<uint32_t, int> sides;  // Account -> +1 debit, -1 credit.
  for (const auto& posting : entry.postings()) {
    const int side = posting.debit_minus_credit_satang() > 0 ? 1 : -1;
    auto [it, added] = sides.emplace(posting.account_code(), side);
    if (!added && it->second != side) {
      return InvalidField(
          "FIELD_INVALID", absl::StrCat(field, ".postings"),
          absl::StrCat("account ", AccountCodeText(posting.account_code()),
                       " is both debited and credited; a transaction moves "
                       "money between different accounts, each on one side"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckMembersField(const v1::Contribution& contribution,
                               absl::string_view field) {
  const bool by_member =
      contribution.source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES ||
      contribution.source() == v1::CONTRIBUTION_SOURCE_ENTRY_FEE;
  if (by_member && contribution.member_number() <= 0) {
    return InvalidField(
        "FIELD_REQUIRED", absl::StrCat(field, ".member_number"),
        absl::StrCat("want the paying member's number for ",
                     v1::ContributionSource_Name(contribution.source())));
  }
  if (!by_member && contribution.member_number() != 0) {
    return InvalidField("FIELD_INVALID", absl::StrCat(field, ".member_number"),
                        "only MEMBER_DUES and ENTRY_FEE name a member; want 0");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MoneyItem> ContributionItem(const v1::Contribution& contribution,
                                           int32_t today,
                                           absl::string_view field) {
  MoneyItem item;
  EntryRecord& entry = item.entry;
  const uint32_t income = IncomeAccountFor(contribution.source());
  if (income == 0) {
    return InvalidField(
        "FIELD_REQUIRED", absl::StrCat(field, ".source"),
        "want a contribution source such as MEMBER_DUES or DONATION");
  }
  RETURN_IF_ERROR(CheckAmount(absl::StrCat(field, ".amount_satang"),
                              contribution.amount_satang()));
  RETURN_IF_ERROR(CheckMembersField(contribution, field));
  auto* body = entry.mutable_contribution();
  body->set_source(contribution.source());
  const bool dues =
      contribution.source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES;
  if (dues) {
    const std::string months = absl::StrCat(field, ".months");
    if (!contribution.has_months()) {
      return InvalidField("FIELD_REQUIRED", months,
                          "want the months the dues pay for (first_month and "
                          "month_count)");
    }
    ASSIGN_OR_RETURN(item.first_month,
                     MonthIndexOf(absl::StrCat(months, ".first_month"),
                                  contribution.months().first_month()));
    item.month_count = contribution.months().month_count();
    if (item.month_count < 1 || item.month_count > kDuesMonthsMax) {
      return InvalidField(
          "FIELD_INVALID", absl::StrCat(months, ".month_count"),
          absl::StrCat(item.month_count, ", want 1..", kDuesMonthsMax));
    }
    body->set_first_month_index(item.first_month);
    body->set_month_count(item.month_count);
  } else if (contribution.has_months()) {
    return InvalidField("FIELD_INVALID", absl::StrCat(field, ".months"),
                        "only MEMBER_DUES cover months; leave it empty");
  }
  const bool match =
      contribution.source() == v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH;
  RETURN_IF_ERROR(CheckText(absl::StrCat(field, ".matching_round"),
                            contribution.matching_round(), 32, match));
  if (!match && !contribution.matching_round().empty()) {
    return InvalidField(
        "FIELD_INVALID", absl::StrCat(field, ".matching_round"),
        "only GOVERNMENT_MATCH has a matching round; leave it empty");
  }
  body->set_matching_round(contribution.matching_round());
  RETURN_IF_ERROR(CheckText(absl::StrCat(field, ".payer"), contribution.payer(),
                            200, false));
  body->set_payer(contribution.payer());
  ASSIGN_OR_RETURN(item.cash_account,
                   CashAccount(contribution.deposit_account_code(),
                               absl::StrCat(field, ".deposit_account_code")));
  RETURN_IF_ERROR(SetCommon(contribution.effective_date(),
                            contribution.source_document(), contribution.memo(),
                            today, field, &item));
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_CONTRIBUTION);
  entry.set_member_number(contribution.member_number());
  AddPosting(&entry, item.cash_account, contribution.amount_satang());
  AddPosting(&entry, income, -contribution.amount_satang());
  if (contribution.member_number() > 0) {
    item.member_rule = MoneyItem::MemberRule::kMayPay;
  }
  return item;
}

absl::StatusOr<MoneyItem> DisbursementItem(const v1::Disbursement& disbursement,
                                           int32_t today,
                                           absl::string_view field) {
  MoneyItem item;
  EntryRecord& entry = item.entry;
  auto* body = entry.mutable_disbursement();
  uint32_t expense = 0;
  if (disbursement.has_benefit()) {
    const v1::Benefit& benefit = disbursement.benefit();
    const std::string prefix = absl::StrCat(field, ".benefit");
    expense = BenefitAccountFor(benefit.category());
    if (expense == 0) {
      return InvalidField("FIELD_REQUIRED", absl::StrCat(prefix, ".category"),
                          "want one of the 16 CODI benefit categories");
    }
    if (benefit.member_number() <= 0) {
      return InvalidField("FIELD_REQUIRED",
                          absl::StrCat(prefix, ".member_number"),
                          "want the member the benefit is for");
    }
    RETURN_IF_ERROR(CheckText(absl::StrCat(prefix, ".sub_type"),
                              benefit.sub_type(), 100, false));
    if (!v1::Payee_IsValid(benefit.payee())) {
      return InvalidField("FIELD_INVALID", absl::StrCat(prefix, ".payee"),
                          "want MEMBER, NOMINEE or FAMILY");
    }
    if (benefit.quantity() < 0 || benefit.quantity() > kQuantityMax) {
      return InvalidField(
          "FIELD_INVALID", absl::StrCat(prefix, ".quantity"),
          absl::StrCat(benefit.quantity(), ", want 0..", kQuantityMax));
    }
    body->set_benefit_category(benefit.category());
    body->set_sub_type(benefit.sub_type());
    body->set_payee(benefit.payee() == v1::PAYEE_UNSPECIFIED ? v1::PAYEE_MEMBER
                                                             : benefit.payee());
    body->set_quantity(benefit.quantity());
    entry.set_member_number(benefit.member_number());
    item.member_rule = MoneyItem::MemberRule::kMayReceive;
    item.benefit_category = benefit.category();
  } else if (disbursement.has_operating_cost()) {
    const v1::OperatingCost& cost = disbursement.operating_cost();
    const std::string prefix = absl::StrCat(field, ".operating_cost");
    expense = CostAccountFor(cost.kind());
    if (expense == 0) {
      return InvalidField("FIELD_REQUIRED", absl::StrCat(prefix, ".kind"),
                          "want STAFF, TRANSPORT, STATIONERY, MEETINGS, "
                          "HELP_TO_NON_MEMBER or OTHER");
    }
    RETURN_IF_ERROR(CheckText(absl::StrCat(prefix, ".description"),
                              cost.description(), 200, false));
    body->set_cost_kind(cost.kind());
    body->set_description(cost.description());
  } else {
    return InvalidField("FIELD_REQUIRED", field,
                        "want a benefit or an operating_cost");
  }
  if (!disbursement.claim().empty() ||
      !disbursement.override_resolution().empty()) {
    return InvalidField("FIELD_INVALID",
                        absl::StrCat(field, disbursement.claim().empty()
                                                ? ".override_resolution"
                                                : ".claim"),
                        "set only by ClaimService.PayClaim; pay a claim "
                        "there");
  }
  RETURN_IF_ERROR(CheckAmount(absl::StrCat(field, ".amount_satang"),
                              disbursement.amount_satang()));
  ASSIGN_OR_RETURN(item.cash_account,
                   CashAccount(disbursement.payment_account_code(),
                               absl::StrCat(field, ".payment_account_code")));
  RETURN_IF_ERROR(SetCommon(disbursement.effective_date(),
                            disbursement.source_document(), disbursement.memo(),
                            today, field, &item));
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_DISBURSEMENT);
  AddPosting(&entry, expense, disbursement.amount_satang());
  AddPosting(&entry, item.cash_account, -disbursement.amount_satang());
  return item;
}

absl::StatusOr<MoneyItem> TransactionItem(const v1::Transaction& transaction,
                                          int32_t today,
                                          absl::string_view field) {
  MoneyItem item;
  EntryRecord& entry = item.entry;
  const int count = transaction.postings_size();
  if (count < 2 || count > storage::kPostingsPerEntryMax) {
    return InvalidField(count == 0  ? "FIELD_REQUIRED"
                        : count < 2 ? "FIELD_INVALID"
                                    : "TOO_MANY_POSTINGS",
                        absl::StrCat(field, ".postings"),
                        absl::StrCat(count, " postings, want 2..",
                                     storage::kPostingsPerEntryMax));
  }
  int64_t debits = 0, credits = 0;  // <= 64 * kAmountSatangMax: no overflow.
  for (int i = 0; i < count; ++i) {
    const v1::Posting& posting = transaction.postings(i);
    const std::string prefix = absl::StrCat(field, ".postings[", i, "]");
    ASSIGN_OR_RETURN(uint32_t code,
                     ParseAccountCode(absl::StrCat(prefix, ".account_code"),
                                      posting.account_code()));
    RETURN_IF_ERROR(CheckAmount(absl::StrCat(prefix, ".amount_satang"),
                                posting.amount_satang()));
    if (posting.side() == v1::DEBIT) {
      debits += posting.amount_satang();
      AddPosting(&entry, code, posting.amount_satang());
    } else if (posting.side() == v1::CREDIT) {
      credits += posting.amount_satang();
      AddPosting(&entry, code, -posting.amount_satang());
    } else {
      return InvalidField("FIELD_REQUIRED", absl::StrCat(prefix, ".side"),
                          "want DEBIT or CREDIT");
    }
  }
  RETURN_IF_ERROR(CheckNoAccountOnBothSides(entry, field));
  if (debits != credits) {
    return InvalidField(
        "POSTINGS_UNBALANCED", absl::StrCat(field, ".postings"),
        absl::StrCat("debits ", storage::BahtText(debits), ", credits ",
                     storage::BahtText(credits), "; want them equal"));
  }
  RETURN_IF_ERROR(SetCommon(transaction.effective_date(),
                            transaction.source_document(), transaction.memo(),
                            today, field, &item));
  entry.set_kind(welfare::storage::v1::ENTRY_KIND_TRANSACTION);
  return item;
}

absl::Status CheckCashAccount(const storage::AppendContext& context,
                              uint32_t code) {
  const storage::AccountState* account = context.fund().FindAccount(code);
  if (account == nullptr) {
    return Error(absl::StatusCode::kNotFound, "ACCOUNT_NOT_FOUND",
                 absl::StrCat("fund ", context.fund_id(), " has no account ",
                              AccountCodeText(code)));
  }
  if (!account->never_negative()) {
    return Error(absl::StatusCode::kInvalidArgument, "ACCOUNT_CODE_INVALID",
                 absl::StrCat("account ", AccountCodeText(code),
                              " is not a cash or bank account; money is "
                              "received into and paid from those"));
  }
  return absl::OkStatus();
}

namespace {

// From the day the fund's first rulebook takes effect, benefits are paid
// only for approved claims (ClaimService.PayClaim).
absl::Status CheckNoClaimRequired(storage::AppendContext& context,
                                  int32_t day) {
  ASSIGN_OR_RETURN(welfare::storage::v1::RulebooksView rulebooks,
                   ReadRulebooks(context.staging(), context.fund_id()));
  if (rulebooks.versions_size() == 0) return absl::OkStatus();
  const int32_t from = rulebooks.versions(0).effective_day();
  if (day < from) return absl::OkStatus();
  return Error(absl::StatusCode::kFailedPrecondition, "CLAIM_REQUIRED",
               absl::StrCat("the fund's rulebook is in force from ",
                            storage::DayText(from), "; a benefit paid on ",
                            storage::DayText(day),
                            " must be paid for an approved claim "
                            "(ClaimService.PayClaim, welfare claim pay)"));
}

// Whether a general transaction moves money on a benefit expense account
// (5101..5116): a benefit in disguise.
bool PostsToBenefitAccount(const EntryRecord& entry) {
  const uint32_t first = BenefitAccountFor(v1::BENEFIT_CATEGORY_BIRTH);
  const uint32_t last = BenefitAccountFor(v1::BENEFIT_CATEGORY_COVID19);
  for (const auto& posting : entry.postings()) {
    if (posting.account_code() >= first && posting.account_code() <= last) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::StatusOr<uint64_t> ApplyMoneyItem(storage::AppendContext& context,
                                        MoneyItem& item) {
  if (!context.fund().exists()) return FundNotFound(context.fund_id());
  RETURN_IF_ERROR(CheckNotBeforeFounding(context, item.date_field,
                                         item.entry.effective_day()));
  if (item.cash_account != 0) {
    RETURN_IF_ERROR(CheckCashAccount(context, item.cash_account));
  }
  EntryRecord& entry = item.entry;
  if (entry.kind() == welfare::storage::v1::ENTRY_KIND_TRANSACTION &&
      PostsToBenefitAccount(entry)) {
    RETURN_IF_ERROR(CheckNoClaimRequired(context, entry.effective_day()));
  }
  if (item.member_rule != MoneyItem::MemberRule::kNone) {
    ASSIGN_OR_RETURN(MemberView member,
                     ReadMemberView(context.staging(), context.fund_id(),
                                    entry.member_number()));
    if (item.member_rule == MoneyItem::MemberRule::kMayPay) {
      RETURN_IF_ERROR(CheckMayPay(member, entry.effective_day()));
    } else {
      // A claim's benefit is for its event: the member's status that day
      // counts (a member may die between a hospital stay and its payment).
      const bool for_claim = entry.disbursement().claim_sequence() != 0;
      RETURN_IF_ERROR(CheckMayReceive(member, item.benefit_category,
                                      for_claim
                                          ? entry.disbursement().event_day()
                                          : entry.effective_day()));
      if (!for_claim) {
        RETURN_IF_ERROR(CheckNoClaimRequired(context, entry.effective_day()));
      }
      *member.add_benefits_paid() =
          BenefitPaidOf(entry, context.next_sequence());
    }
    if (item.month_count > 0) {
      RETURN_IF_ERROR(CheckMonthsFromJoining(member, item.first_month));
      RETURN_IF_ERROR(
          CheckMonthsUnpaid(member, item.first_month, item.month_count));
      AddPaidMonths(&member, item.first_month, item.month_count);
    }
    if (item.month_count > 0 ||
        item.member_rule == MoneyItem::MemberRule::kMayReceive) {
      context.staging().Put(
          storage::Column::kViews,
          storage::keys::Member(context.fund_id(), member.member_number()),
          member.SerializeAsString());
    }
  }
  // Staged before the entry, as the member view above: if Append refuses
  // it, the whole request fails and the committer undoes all it staged.
  StageMoneyTallies(context, entry, entry.effective_day(), +1);
  RETURN_IF_ERROR(NumberDocument(context, entry));
  return context.Append(std::move(entry));
}

}  // namespace welfare::domain
