// The cash model: walks a fund's events in date order, keeps the balances of
// cash on hand (1101) and the bank account (1111) exactly as the server
// will, chooses which pays, moves money between them so that neither goes
// negative, defers what the fund cannot pay, and cuts the items into
// batches: one month per batch at most, kBatchItemsMax items at most, and a
// cut before each status change.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/seed/plan_internal.h"

namespace welfare::seed::internal {
namespace {

constexpr char kCash[] = "1101";
constexpr char kBank[] = "1111";
constexpr char kFundCapital[] = "3101";
constexpr char kAccumulatedSurplus[] = "3201";
// Cash kept on hand at a month's end: a base plus a little per member.
constexpr int64_t kFloatBaseSatang = 5000 * kSatangPerBaht;
constexpr int64_t kFloatPerMemberSatang = 10 * kSatangPerBaht;
// Transfers between cash and bank are in whole hundreds of baht.
constexpr int64_t kTransferUnitSatang = 100 * kSatangPerBaht;
// Of the opening balance, the share that is fund capital (the rest is
// accumulated surplus).
constexpr int64_t kCapitalPercent = 30;

class Books {
 public:
  Books(const ProvinceSpec& spec, FundPlan* plan)
      : spec_(spec),
        plan_(plan),
        parent_(absl::StrCat("funds/", plan->fund_id)),
        year_(spec.fiscal_year_be % 100),
        float_satang_(kFloatBaseSatang +
                      kFloatPerMemberSatang *
                          static_cast<int64_t>(plan->members.size())) {}

  void Walk(const Event& event);
  void Finish();

 private:
  int64_t& Balance(const std::string& code) {
    return code == kCash ? cash_ : bank_;
  }
  v1::BatchItem* NewItem(Day day);
  void Flush();
  // Adds a posting of a positive amount (none for zero), keeping the cash
  // and bank balances.
  void AddPosting(v1::Transaction* transaction, const std::string& code,
                  v1::Side side, int64_t amount_satang);
  void Open(const Event& event);
  void Receive(const Event& event, int64_t amount_satang);
  void Pay(const Event& event);
  void Transfer(Day day, const std::string& from, const std::string& to,
                int64_t amount_satang, const char* memo);
  void ChangeStatus(const Event& event);

  const ProvinceSpec& spec_;
  FundPlan* plan_;
  const std::string parent_;
  const int year_;  // two BE digits, for document numbers
  const int64_t float_satang_;
  int64_t cash_ = 0;
  int64_t bank_ = 0;
  v1::PostBatchRequest batch_;
  int32_t batch_month_ = -1;
  int receipts_ = 0;
  int vouchers_ = 0;
  int journal_vouchers_ = 0;
};

v1::BatchItem* Books::NewItem(Day day) {
  const int32_t month = MonthIndexOf(day);
  if (batch_.items_size() > 0 &&
      (month != batch_month_ || batch_.items_size() >= kBatchItemsMax)) {
    Flush();
  }
  batch_month_ = month;
  return batch_.add_items();
}

void Books::Flush() {
  if (batch_.items_size() == 0) return;
  PlanTotals& totals = plan_->totals;
  ++totals.batches;
  batch_.set_parent(parent_);
  batch_.set_request_id(
      RequestId(spec_.seed, plan_->fund_id, absl::StrCat("b", totals.batches)));
  FundStep& step = plan_->steps.emplace_back();
  step.kind = FundStep::Kind::kBatch;
  step.batch = std::move(batch_);
  batch_.Clear();
}

void Books::AddPosting(v1::Transaction* transaction, const std::string& code,
                       v1::Side side, int64_t amount_satang) {
  if (amount_satang <= 0) return;
  v1::Posting* posting = transaction->add_postings();
  posting->set_account_code(code);
  posting->set_side(side);
  posting->set_amount_satang(amount_satang);
  if (code == kCash || code == kBank) {
    Balance(code) += side == v1::DEBIT ? amount_satang : -amount_satang;
  }
}

void Books::Open(const Event& event) {
  const int64_t total = event.amount_satang;
  if (total <= 0) return;
  v1::Transaction* opening = NewItem(event.day)->mutable_transaction();
  *opening->mutable_effective_date() = ProtoDate(event.day);
  opening->set_source_document(
      absl::StrFormat("J%02d-%04d", year_, ++journal_vouchers_));
  opening->set_memo(absl::StrCat("ยอดยกมาต้นปีงบประมาณ ", spec_.fiscal_year_be));
  const int64_t cash = std::min(total, float_satang_);
  const int64_t capital = total * kCapitalPercent / 100;
  AddPosting(opening, kCash, v1::DEBIT, cash);
  AddPosting(opening, kBank, v1::DEBIT, total - cash);
  AddPosting(opening, kFundCapital, v1::CREDIT, capital);
  AddPosting(opening, kAccumulatedSurplus, v1::CREDIT, total - capital);
  ++plan_->totals.transactions;
}

void Books::Receive(const Event& event, int64_t amount_satang) {
  if (amount_satang <= 0) return;
  const std::string account = event.into_bank ? kBank : kCash;
  v1::Contribution* contribution = NewItem(event.day)->mutable_contribution();
  contribution->set_source(event.source);
  contribution->set_amount_satang(amount_satang);
  contribution->set_member_number(event.member);
  if (event.month_count > 0) {
    *contribution->mutable_months()->mutable_first_month() =
        YearMonthOf(event.first_month);
    contribution->mutable_months()->set_month_count(event.month_count);
    ++plan_->totals.dues_payments;
  }
  contribution->set_matching_round(event.matching_round);
  contribution->set_payer(event.payer);
  contribution->set_deposit_account_code(account);
  *contribution->mutable_effective_date() = ProtoDate(event.day);
  contribution->set_source_document(
      absl::StrFormat("R%02d-%06d", year_, ++receipts_));
  contribution->set_memo(event.text);
  Balance(account) += amount_satang;
  ++plan_->totals.contributions;
  plan_->totals.income_satang += amount_satang;
}

void Books::Transfer(Day day, const std::string& from, const std::string& to,
                     int64_t amount_satang, const char* memo) {
  v1::Transaction* transfer = NewItem(day)->mutable_transaction();
  *transfer->mutable_effective_date() = ProtoDate(day);
  transfer->set_source_document(
      absl::StrFormat("J%02d-%04d", year_, ++journal_vouchers_));
  transfer->set_memo(memo);
  AddPosting(transfer, to, v1::DEBIT, amount_satang);
  AddPosting(transfer, from, v1::CREDIT, amount_satang);
  ++plan_->totals.transactions;
}

void Books::Pay(const Event& event) {
  const int64_t amount = event.amount_satang;
  const bool benefit = event.kind == EventKind::kBenefit;
  const std::string preferred = event.from_bank ? kBank : kCash;
  const std::string other = event.from_bank ? kCash : kBank;
  std::string account = preferred;
  if (Balance(preferred) < amount) {
    if (Balance(other) >= amount) {
      account = other;
    } else if (Balance(preferred) + Balance(other) >= amount) {
      const int64_t needed = amount - Balance(preferred);
      const int64_t rounded = (needed + kTransferUnitSatang - 1) /
                              kTransferUnitSatang * kTransferUnitSatang;
      Transfer(event.day, other, preferred, std::min(rounded, Balance(other)),
               event.from_bank ? "นำเงินสดฝากธนาคารเพื่อจ่าย" : "ถอนเงินจากธนาคาร");
    } else {
      if (benefit) ++plan_->totals.deferred_benefits;
      return;  // Not enough money: the committee defers it.
    }
  }
  v1::Disbursement* disbursement = NewItem(event.day)->mutable_disbursement();
  if (benefit) {
    v1::Benefit* body = disbursement->mutable_benefit();
    body->set_category(event.category);
    body->set_member_number(event.member);
    body->set_sub_type(event.text);
    body->set_payee(event.payee);
    body->set_quantity(event.quantity);
    ++plan_->totals.benefits;
    plan_->totals.benefits_satang += amount;
  } else {
    v1::OperatingCost* body = disbursement->mutable_operating_cost();
    body->set_kind(event.cost_kind);
    body->set_description(event.text);
    plan_->totals.operating_costs_satang += amount;
  }
  disbursement->set_amount_satang(amount);
  disbursement->set_payment_account_code(account);
  *disbursement->mutable_effective_date() = ProtoDate(event.day);
  disbursement->set_source_document(
      absl::StrFormat("V%02d-%05d", year_, ++vouchers_));
  Balance(account) -= amount;
  ++plan_->totals.disbursements;
}

void Books::ChangeStatus(const Event& event) {
  Flush();
  FundStep& step = plan_->steps.emplace_back();
  step.kind = FundStep::Kind::kStatusChange;
  v1::ChangeMemberStatusRequest& request = step.status_change;
  request.set_name(absl::StrCat(parent_, "/members/", event.member));
  request.set_request_id(
      RequestId(spec_.seed, plan_->fund_id, absl::StrCat("s", event.member)));
  v1::StatusChange* change = request.mutable_change();
  change->set_status(v1::MEMBER_STATUS_DECEASED);
  *change->mutable_effective_date() = ProtoDate(event.day);
  change->set_reason("เสียชีวิต");
  ++plan_->totals.status_changes;
}

void Books::Walk(const Event& event) {
  switch (event.kind) {
    case EventKind::kOpeningBalance:
      Open(event);
      break;
    case EventKind::kContribution:
      Receive(event, event.amount_satang);
      break;
    case EventKind::kInterest:  // Half a year at the yearly rate.
      Receive(event, bank_ * event.amount_satang / 20000);
      break;
    case EventKind::kStatusChange:
      ChangeStatus(event);
      break;
    case EventKind::kBenefit:
    case EventKind::kOperatingCost:
      Pay(event);
      break;
    case EventKind::kMonthEnd:
      if (cash_ - float_satang_ >= kTransferUnitSatang) {
        Transfer(
            event.day, kCash, kBank,
            (cash_ - float_satang_) / kTransferUnitSatang * kTransferUnitSatang,
            "นำเงินสดฝากธนาคาร");
      }
      break;
  }
}

void Books::Finish() {
  Flush();
  PlanTotals& totals = plan_->totals;
  totals.entries += totals.status_changes + totals.contributions +
                    totals.disbursements + totals.transactions;
}

}  // namespace

void PlanBooks(const ProvinceSpec& spec, const ProvinceLayout& province,
               std::vector<Event> events, FundPlan* plan) {
  events.erase(std::remove_if(events.begin(), events.end(),
                              [&](const Event& event) {
                                return event.day > province.as_of;
                              }),
               events.end());
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.day, a.phase, a.serial) <
           std::tie(b.day, b.phase, b.serial);
  });
  Books books(spec, plan);
  for (const Event& event : events) books.Walk(event);
  books.Finish();
}

}  // namespace welfare::seed::internal
