// Ledger writes of money: contributions, disbursements, transactions,
// batches of them, and reversals.
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/domain/dates.h"
#include "services/domain/ledger.h"
#include "services/domain/member_rules.h"
#include "services/domain/money_items.h"
#include "services/domain/names.h"
#include "services/domain/records.h"
#include "services/domain/report_tallies.h"
#include "services/domain/validate.h"
#include "services/domain/views.h"
#include "storage/append_context.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
using welfare::storage::v1::EntryRecord;
namespace keys = storage::keys;
namespace record_v1 = welfare::storage::v1;

inline constexpr int kBatchItemsMax = 2000;

// Answers a single-entry write with the entry it wrote.
Done<storage::AppendResult> AnswerWithEntry(Done<v1::Entry> done) {
  return
      [done = std::move(done)](absl::StatusOr<storage::AppendResult> result) {
        if (!result.ok()) return done(result.status());
        done(EntryToApi(result->entries.front(), 0));
      };
}

absl::StatusOr<MoneyItem> BatchItem(const v1::BatchItem& item, int32_t today,
                                    int index) {
  switch (item.item_case()) {
    case v1::BatchItem::kContribution:
      return ContributionItem(item.contribution(), today,
                              absl::StrCat("items[", index, "].contribution"));
    case v1::BatchItem::kDisbursement:
      return DisbursementItem(item.disbursement(), today,
                              absl::StrCat("items[", index, "].disbursement"));
    case v1::BatchItem::kTransaction:
      return TransactionItem(item.transaction(), today,
                             absl::StrCat("items[", index, "].transaction"));
    case v1::BatchItem::ITEM_NOT_SET:
      break;
  }
  return Error(absl::StatusCode::kInvalidArgument, "FIELD_REQUIRED",
               absl::StrCat("items[", index,
                            "]: want a contribution, disbursement or "
                            "transaction"));
}

bool IsMoney(record_v1::EntryKind kind) {
  return kind == record_v1::ENTRY_KIND_CONTRIBUTION ||
         kind == record_v1::ENTRY_KIND_DISBURSEMENT ||
         kind == record_v1::ENTRY_KIND_TRANSACTION;
}

// Checks that the entry may be reversed and builds its reversal.
absl::Status BuildReversal(storage::AppendContext& context,
                           const storage::StoredEntry& target,
                           EntryRecord* reversal) {
  const EntryRecord& original = target.record;
  const uint64_t sequence = original.sequence();
  if (original.kind() == record_v1::ENTRY_KIND_REVERSAL) {
    return Error(absl::StatusCode::kFailedPrecondition, "ENTRY_IS_REVERSAL",
                 absl::StrCat("entry ", sequence, " reverses entry ",
                              original.reversal().reversed_sequence(),
                              "; a reversal cannot be reversed, record the "
                              "money again instead"));
  }
  if (!IsMoney(original.kind())) {
    return Error(absl::StatusCode::kFailedPrecondition, "ENTRY_NOT_REVERSIBLE",
                 absl::StrCat("entry ", sequence, " is ",
                              record_v1::EntryKind_Name(original.kind()),
                              "; only contributions, disbursements and "
                              "transactions can be reversed"));
  }
  ASSIGN_OR_RETURN(
      auto reversed_by,
      context.staging().Get(Column::kViews,
                            keys::ReversedBy(context.fund_id(), sequence)));
  if (reversed_by.has_value()) {
    int64_t by = 0;
    keys::DecodeFixed64(*reversed_by, &by);
    return Error(absl::StatusCode::kFailedPrecondition,
                 "ENTRY_ALREADY_REVERSED",
                 absl::StrCat("entry ", sequence,
                              " was already reversed by entry ", by));
  }
  if (reversal->effective_day() < original.effective_day()) {
    return Error(absl::StatusCode::kInvalidArgument, "DATE_INVALID",
                 absl::StrCat("effective_date: ",
                              storage::DayText(reversal->effective_day()),
                              " is before the reversed entry's ",
                              storage::DayText(original.effective_day()),
                              "; want that date or later"));
  }
  reversal->set_member_number(original.member_number());
  reversal->mutable_reversal()->set_reversed_sequence(sequence);
  for (const auto& posting : original.postings()) {
    auto* undone = reversal->add_postings();
    undone->set_account_code(posting.account_code());
    undone->set_debit_minus_credit_satang(-posting.debit_minus_credit_satang());
  }
  return absl::OkStatus();
}

// A reversed dues payment leaves its months unpaid again.
absl::Status FreeDuesMonths(storage::AppendContext& context,
                            const EntryRecord& original) {
  if (!original.has_contribution() ||
      original.contribution().month_count() == 0) {
    return absl::OkStatus();
  }
  ASSIGN_OR_RETURN(record::MemberView member,
                   ReadMemberView(context.staging(), context.fund_id(),
                                  original.member_number()));
  RemovePaidMonths(&member, original.contribution().first_month_index(),
                   original.contribution().month_count());
  context.staging().Put(Column::kViews,
                        keys::Member(context.fund_id(), member.member_number()),
                        member.SerializeAsString());
  return absl::OkStatus();
}

// A reversed benefit no longer counts against the rules' caps; a reversed
// claim payment leaves its claim APPROVED, to be paid again.
absl::Status UndoBenefit(storage::AppendContext& context,
                         const EntryRecord& original, uint64_t reversing,
                         int32_t day, const std::string& principal,
                         const std::string& reason) {
  if (!original.has_disbursement() ||
      original.disbursement().benefit_category() == 0) {
    return absl::OkStatus();
  }
  ASSIGN_OR_RETURN(record::MemberView member,
                   ReadMemberView(context.staging(), context.fund_id(),
                                  original.member_number()));
  auto* paid = member.mutable_benefits_paid();
  for (int i = 0; i < paid->size(); ++i) {
    if (paid->Get(i).sequence() == original.sequence()) {
      paid->DeleteSubrange(i, 1);
      break;
    }
  }
  context.staging().Put(Column::kViews,
                        keys::Member(context.fund_id(), member.member_number()),
                        member.SerializeAsString());
  const uint64_t claim_number = original.disbursement().claim_sequence();
  if (claim_number == 0) return absl::OkStatus();
  const std::string key = keys::Claim(context.fund_id(), claim_number);
  ASSIGN_OR_RETURN(auto claim, ReadRecord<record::ClaimView>(
                                   context.staging(), Column::kViews, key));
  if (!claim.has_value()) return CorruptRecord("paid claim", key);
  claim->set_state(v1::CLAIM_STATE_APPROVED);
  claim->clear_payment_sequence();
  claim->clear_paid_satang();
  claim->clear_override_resolution();
  record::ClaimStepRecord* step = claim->add_steps();
  step->set_state(v1::CLAIM_STATE_APPROVED);
  step->set_sequence(reversing);
  step->set_day(day);
  step->set_principal(principal);
  step->set_time_micros(context.now_micros());
  step->set_note(
      absl::StrCat("payment ", original.sequence(), " reversed: ", reason));
  context.staging().Put(Column::kViews, key, claim->SerializeAsString());
  return absl::OkStatus();
}

}  // namespace

void Ledger::SubmitOneItem(
    const std::string& principal, const google::protobuf::Message& request,
    const std::string& parent, const std::string& request_id,
    const std::function<absl::StatusOr<MoneyItem>(int32_t today)>& build,
    Done<v1::Entry> done) {
  std::string fund_id;
  absl::StatusOr<MoneyItem> item = [&]() -> absl::StatusOr<MoneyItem> {
    ASSIGN_OR_RETURN(fund_id, ParseFundName("parent", parent));
    RETURN_IF_ERROR(CheckRequestId(request_id));
    return build(Today());
  }();
  if (!item.ok()) return done(item.status());
  Submit(
      fund_id, request_id, request, principal, 1, /*keep_entries=*/true,
      [item = std::move(*item)](storage::AppendContext& context) mutable {
        return ApplyMoneyItem(context, item).status();
      },
      AnswerWithEntry(std::move(done)));
}

void Ledger::RecordContribution(const std::string& principal,
                                const v1::RecordContributionRequest& request,
                                Done<v1::Entry> done) {
  SubmitOneItem(
      principal, request, request.parent(), request.request_id(),
      [&request](int32_t today) {
        return ContributionItem(request.contribution(), today, "contribution");
      },
      std::move(done));
}

void Ledger::RecordDisbursement(const std::string& principal,
                                const v1::RecordDisbursementRequest& request,
                                Done<v1::Entry> done) {
  SubmitOneItem(
      principal, request, request.parent(), request.request_id(),
      [&request](int32_t today) {
        return DisbursementItem(request.disbursement(), today, "disbursement");
      },
      std::move(done));
}

void Ledger::PostTransaction(const std::string& principal,
                             const v1::PostTransactionRequest& request,
                             Done<v1::Entry> done) {
  SubmitOneItem(
      principal, request, request.parent(), request.request_id(),
      [&request](int32_t today) {
        return TransactionItem(request.transaction(), today, "transaction");
      },
      std::move(done));
}

void Ledger::PostBatch(const std::string& principal,
                       const v1::PostBatchRequest& request,
                       Done<v1::PostBatchResponse> done) {
  std::string fund_id;
  auto items = std::make_shared<std::vector<MoneyItem>>();
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(fund_id, ParseFundName("parent", request.parent()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    if (request.items_size() == 0 || request.items_size() > kBatchItemsMax) {
      return Error(
          absl::StatusCode::kInvalidArgument,
          request.items_size() == 0 ? "FIELD_REQUIRED" : "BATCH_TOO_LARGE",
          absl::StrCat("items: ", request.items_size(), " items, want 1..",
                       kBatchItemsMax));
    }
    const int32_t today = Today();
    items->reserve(request.items_size());
    for (int i = 0; i < request.items_size(); ++i) {
      ASSIGN_OR_RETURN(MoneyItem item, BatchItem(request.items(i), today, i));
      items->push_back(std::move(item));
    }
    return absl::OkStatus();
  }();
  if (!checked.ok()) return done(checked);
  const auto weight = static_cast<uint32_t>(items->size());
  Submit(
      fund_id, request.request_id(), request, principal, weight,
      /*keep_entries=*/false,
      [items](storage::AppendContext& context) -> absl::Status {
        for (size_t i = 0; i < items->size(); ++i) {
          absl::Status status = ApplyMoneyItem(context, (*items)[i]).status();
          if (!status.ok()) {
            return storage::Annotate(status, absl::StrCat("items[", i, "]: "));
          }
        }
        return absl::OkStatus();
      },
      [done = std::move(done)](absl::StatusOr<storage::AppendResult> result) {
        if (!result.ok()) return done(result.status());
        v1::PostBatchResponse response;
        response.set_first_sequence(result->first_sequence);
        response.set_entry_count(result->entry_count);
        response.set_last_hash(storage::HashBytes(result->last_hash));
        done(std::move(response));
      });
}

void Ledger::ReverseEntry(const std::string& principal,
                          const v1::ReverseEntryRequest& request,
                          Done<v1::Entry> done) {
  EntryName name;
  EntryRecord reversal;
  absl::Status checked = [&]() -> absl::Status {
    ASSIGN_OR_RETURN(name, ParseEntryName("name", request.name()));
    RETURN_IF_ERROR(CheckRequestId(request.request_id()));
    RETURN_IF_ERROR(
        CheckText("reason", request.reason(), 500, true, TextKind::kMultiLine));
    ASSIGN_OR_RETURN(
        int32_t day,
        BusinessDay("effective_date", request.effective_date(), Today()));
    RETURN_IF_ERROR(
        CheckText("source_document", request.source_document(), 64, false));
    reversal.set_kind(record_v1::ENTRY_KIND_REVERSAL);
    reversal.set_effective_day(day);
    reversal.set_source_document(request.source_document());
    reversal.mutable_reversal()->set_reason(request.reason());
    return absl::OkStatus();
  }();
  if (!checked.ok()) return done(checked);
  auto apply =
      [sequence = name.sequence, reversal = std::move(reversal),
       principal](storage::AppendContext& context) mutable -> absl::Status {
    if (!context.fund().exists()) return FundNotFound(context.fund_id());
    ASSIGN_OR_RETURN(auto target, context.ReadEntry(sequence));
    if (!target.has_value()) {
      return Error(absl::StatusCode::kNotFound, "ENTRY_NOT_FOUND",
                   absl::StrCat("fund ", context.fund_id(), " has no entry ",
                                sequence, "; its journal has ",
                                context.fund().last_sequence, " entries"));
    }
    RETURN_IF_ERROR(BuildReversal(context, *target, &reversal));
    RETURN_IF_ERROR(FreeDuesMonths(context, target->record));
    const int32_t day = reversal.effective_day();
    const std::string reason = reversal.reversal().reason();
    ASSIGN_OR_RETURN(uint64_t reversing, context.Append(std::move(reversal)));
    RETURN_IF_ERROR(UndoBenefit(context, target->record, reversing, day,
                                principal, reason));
    StageMoneyTallies(context, target->record, day, -1);
    context.staging().Put(Column::kViews,
                          keys::ReversedBy(context.fund_id(), sequence),
                          keys::EncodeFixed64(static_cast<int64_t>(reversing)));
    return absl::OkStatus();
  };
  Submit(name.fund_id, request.request_id(), request, principal, 1,
         /*keep_entries=*/true, std::move(apply),
         AnswerWithEntry(std::move(done)));
}

}  // namespace welfare::domain
