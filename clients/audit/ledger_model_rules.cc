// LedgerModel: members and reversals, by the server's rules
// (services/domain/member_writes.cc, money_items.cc, money_writes.cc).
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "clients/audit/ledger_model.h"

namespace welfare::auditor {
namespace {

namespace record_v1 = welfare::storage::v1;

bool IsMoney(int kind) {
  return kind == record_v1::ENTRY_KIND_CONTRIBUTION ||
         kind == record_v1::ENTRY_KIND_DISBURSEMENT ||
         kind == record_v1::ENTRY_KIND_TRANSACTION;
}

}  // namespace

MemberState* LedgerModel::FindMember(int32_t number, uint64_t sequence,
                                     Findings& findings) {
  if (number >= 1 && static_cast<size_t>(number) <= members_.size()) {
    return &members_[number - 1];
  }
  findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence,
               absl::StrCat("names member ", number,
                            ", who was never "
                            "registered"));
  return nullptr;
}

void LedgerModel::ApplyMember(const EntryRecord& record, Findings& findings) {
  const uint64_t sequence = record.sequence();
  const int32_t number = record.member_number();
  if (record.kind() == record_v1::ENTRY_KIND_MEMBER_REGISTERED) {
    if (static_cast<size_t>(number) != members_.size() + 1) {
      findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence,
                   absl::StrCat("registers member ", number, "; want member ",
                                members_.size() + 1));
      return;
    }
    const auto& body = record.member_registered();
    MemberState& member = members_.emplace_back();
    member.set_member_number(number);
    member.set_category(body.category());
    member.set_join_day(body.join_day());
    member.set_village_code(body.village_code());
    member.set_profile_hash(body.profile_hash());
    member.set_registered_sequence(sequence);
    auto* joined = member.add_status_history();
    joined->set_status(kStatusActive);
    joined->set_effective_day(body.join_day());
    joined->set_sequence(sequence);
    return;
  }
  MemberState* member = FindMember(number, sequence, findings);
  if (member == nullptr) return;
  if (record.kind() == record_v1::ENTRY_KIND_MEMBER_STATUS_CHANGED) {
    const int32_t status = record.status_changed().status();
    const std::string fault =
        StatusChangeFault(*member, status, record.effective_day());
    if (!fault.empty()) {
      findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence, fault);
    }
    auto* period = member->add_status_history();
    period->set_status(status);
    period->set_effective_day(record.effective_day());
    period->set_reason(record.status_changed().reason());
    period->set_sequence(sequence);
    return;
  }
  if (member->profile_erased()) {
    findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence,
                 absl::StrCat("changes member ", number,
                              "'s profile, which was erased"));
  }
  if (record.kind() == record_v1::ENTRY_KIND_MEMBER_PROFILE_CHANGED) {
    member->set_profile_hash(record.profile_changed().profile_hash());
  } else {
    member->set_profile_erased(true);  // The hash stays.
  }
}

void LedgerModel::ApplyContribution(const EntryRecord& record,
                                    Findings& findings) {
  const uint64_t sequence = record.sequence();
  const auto& body = record.contribution();
  MemberState* member = nullptr;
  if (record.member_number() > 0) {
    member = FindMember(record.member_number(), sequence, findings);
    if (member == nullptr) return;
    const std::string fault = MayPayFault(*member, record.effective_day());
    if (!fault.empty()) {
      findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence, fault);
    }
  }
  if (body.month_count() == 0) return;
  if (member == nullptr ||
      !ValidDuesMonths(body.first_month_index(), body.month_count())) {
    findings.Add(
        FindingKind::MEMBER_RULE_BROKEN, sequence,
        absl::StrCat("dues of member ", record.member_number(), " for ",
                     body.month_count(), " months from month index ",
                     body.first_month_index(), "; want a member and 1..",
                     kDuesMonthsMax, " months of years 1950..9999"));
    return;
  }
  for (const std::string& fault :
       {MonthsBeforeJoiningFault(*member, body.first_month_index()),
        MonthsPaidFault(*member, body.first_month_index(),
                        body.month_count())}) {
    if (!fault.empty()) {
      findings.Add(FindingKind::MEMBER_RULE_BROKEN, sequence, fault);
    }
  }
  AddPaidMonths(member, body.first_month_index(), body.month_count());
}

void LedgerModel::ApplyDisbursement(const EntryRecord& record,
                                    Findings& findings) {
  const int32_t category = record.disbursement().benefit_category();
  if (category == 0) return;  // An operating cost.
  CheckBenefitClaim(record, findings);
  MemberState* member =
      FindMember(record.member_number(), record.sequence(), findings);
  if (member == nullptr) return;
  // A claim's benefit is for its event: the status that day counts.
  const int32_t day = record.disbursement().claim_sequence() != 0
                          ? record.disbursement().event_day()
                          : record.effective_day();
  const std::string fault = MayReceiveFault(*member, category, day);
  if (!fault.empty()) {
    findings.Add(FindingKind::MEMBER_RULE_BROKEN, record.sequence(), fault);
  }
}

absl::StatusOr<LedgerModel::Target> LedgerModel::FindTarget(uint64_t sequence) {
  Target target;
  target.sequence = sequence;
  if (sequence >= first_own_sequence_) {
    const EntrySlot& slot = slots_[sequence - first_own_sequence_];
    if (!IsMoney(slot.kind)) {
      target.not_money =
          slot.kind == 0 ? "an entry that does not parse"
                         : record_v1::EntryKind_Name(
                               static_cast<record_v1::EntryKind>(slot.kind));
      return target;
    }
    target.effective_day = slot.effective_day;
    target.member_number = slot.member_number;
    target.first_month = slot.first_month;
    target.month_count = slot.month_count;
    if (slot.posting_count == kManyPostings) {
      target.postings = many_postings_.at(sequence);
    } else {
      for (int i = 0; i < slot.posting_count; ++i) {
        target.postings.push_back({slot.code[i], slot.amount[i]});
      }
    }
    return target;
  }
  absl::StatusOr<EntryRecord> record = earlier_(sequence);
  if (!record.ok()) return record.status();
  if (!IsMoney(record->kind())) {
    target.not_money = record_v1::EntryKind_Name(record->kind());
    return target;
  }
  target.effective_day = record->effective_day();
  target.member_number = record->member_number();
  if (ValidDuesMonths(record->contribution().first_month_index(),
                      record->contribution().month_count())) {
    target.first_month = record->contribution().first_month_index();
    target.month_count = record->contribution().month_count();
  }
  for (const auto& posting : record->postings()) {
    target.postings.push_back(
        {posting.account_code(), posting.debit_minus_credit_satang()});
  }
  return target;
}

absl::Status LedgerModel::ApplyReversal(const EntryRecord& record,
                                        Findings& findings) {
  const uint64_t sequence = record.sequence();
  const uint64_t reversed = record.reversal().reversed_sequence();
  if (reversed == 0 || reversed >= sequence) {
    findings.Add(FindingKind::REVERSAL_INVALID, sequence,
                 absl::StrCat("reverses entry ", reversed,
                              ", which is not an earlier entry"));
    return absl::OkStatus();
  }
  absl::StatusOr<Target> target = FindTarget(reversed);
  if (!target.ok()) return target.status();
  if (!target->not_money.empty()) {
    findings.Add(FindingKind::REVERSAL_INVALID, sequence,
                 absl::StrCat("reverses entry ", reversed, ", which is ",
                              target->not_money,
                              "; only money entries can be reversed"));
    return absl::OkStatus();
  }
  if (!reversed_.insert(reversed).second) {
    findings.Add(FindingKind::REVERSAL_INVALID, sequence,
                 absl::StrCat("reverses entry ", reversed,
                              ", which was reversed before"));
    return absl::OkStatus();
  }
  CheckReversal(record, *target, findings);
  ReopenPaidClaim(reversed);
  if (target->month_count > 0 && target->member_number >= 1 &&
      static_cast<size_t>(target->member_number) <= members_.size()) {
    RemovePaidMonths(&members_[target->member_number - 1], target->first_month,
                     target->month_count);
  }
  return absl::OkStatus();
}

void LedgerModel::CheckReversal(const EntryRecord& record,
                                const Target& original, Findings& findings) {
  const uint64_t sequence = record.sequence();
  if (record.effective_day() < original.effective_day) {
    findings.Add(
        FindingKind::REVERSAL_INVALID, sequence,
        absl::StrCat("is dated ", DayText(record.effective_day()),
                     ", before the entry it reverses (", original.sequence,
                     ", ", DayText(original.effective_day), ")"));
  }
  if (record.member_number() != original.member_number) {
    findings.Add(FindingKind::REVERSAL_INVALID, sequence,
                 absl::StrCat("names member ", record.member_number(),
                              "; the entry it reverses names member ",
                              original.member_number));
  }
  bool negation =
      record.postings_size() == static_cast<int>(original.postings.size());
  for (int i = 0; negation && i < record.postings_size(); ++i) {
    const auto& posting = record.postings(i);
    const Posting& undone = original.postings[i];
    negation = posting.account_code() == undone.account_code &&
               undone.amount != INT64_MIN &&
               posting.debit_minus_credit_satang() == -undone.amount;
  }
  if (!negation) {
    findings.Add(FindingKind::REVERSAL_INVALID, sequence,
                 absl::StrCat("its postings are not the exact negation of "
                              "entry ",
                              original.sequence, "'s"));
  }
}

}  // namespace welfare::auditor
