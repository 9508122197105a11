// Reports::GetPassbook: one member's dues and benefits, from the member's
// index of entries (X 'm' keys) and the member view.
#include <map>

#include "services/domain/books.h"
#include "services/domain/dates.h"
#include "services/domain/member_rules.h"
#include "services/domain/names.h"
#include "services/domain/report_period.h"
#include "services/domain/report_tallies.h"
#include "services/domain/reports.h"
#include "services/domain/views.h"
#include "storage/journal_reads.h"
#include "storage/keys.h"
#include "storage/status_macros.h"
#include "storage/text.h"

namespace welfare::domain {
namespace {

using welfare::storage::v1::EntryRecord;

// Fills the line from what it is about (the entry, or for a reversal the
// entry it reverses), with sign -1 for a reversal.
void Describe(const EntryRecord& about, int sign, v1::PassbookLine* line,
              v1::Passbook* passbook) {
  const int64_t amount = sign * MoneyOf(about);
  line->set_amount_satang(amount);
  if (about.has_contribution()) {
    const auto& contribution = about.contribution();
    line->set_source(
        static_cast<v1::ContributionSource>(contribution.source()));
    if (contribution.month_count() > 0) {
      *line->mutable_months()->mutable_first_month() =
          YearMonthOf(contribution.first_month_index());
      line->mutable_months()->set_month_count(contribution.month_count());
    }
    if (contribution.source() == v1::CONTRIBUTION_SOURCE_MEMBER_DUES) {
      passbook->set_dues_total_satang(passbook->dues_total_satang() + amount);
    } else if (contribution.source() == v1::CONTRIBUTION_SOURCE_ENTRY_FEE) {
      passbook->set_fees_total_satang(passbook->fees_total_satang() + amount);
    }
  } else if (about.has_disbursement() &&
             about.disbursement().benefit_category() > 0) {
    line->set_benefit_category(static_cast<v1::BenefitCategory>(
        about.disbursement().benefit_category()));
    line->set_sub_type(about.disbursement().sub_type());
    if (about.disbursement().claim_sequence() != 0) {
      line->set_claim(ClaimResourceName(about.fund_id(),
                                        about.disbursement().claim_sequence()));
    }
    line->set_override_resolution(about.disbursement().override_resolution());
    passbook->set_benefits_total_satang(passbook->benefits_total_satang() +
                                        amount);
  }
}

}  // namespace

absl::StatusOr<v1::Passbook> Reports::GetPassbook(
    const v1::GetPassbookRequest& request) const {
  ASSIGN_OR_RETURN(MemberName name, ParseMemberName("name", request.name()));
  storage::ReadView view(&ledger_->store());
  const int32_t today = ledger_->Today();
  ASSIGN_OR_RETURN(Books books, Books::Read(&view, name.fund_id, today));
  ASSIGN_OR_RETURN(storage::DayRange range,
                   ResolvePeriod(request.period(), books.fund(), today));
  ASSIGN_OR_RETURN(MemberView member,
                   ReadMemberView(view, name.fund_id, name.member_number));

  v1::Passbook passbook;
  *passbook.mutable_header() = books.Header(range);
  passbook.set_member_number(member.member_number());
  passbook.set_category(static_cast<v1::MemberCategory>(member.category()));
  *passbook.mutable_join_date() = DateOf(member.join_day());
  passbook.set_status(
      static_cast<v1::MemberStatus>(StatusOn(member, range.last)));

  // Every entry about the member, in sequence order; a reversal names an
  // earlier entry about the same member.
  std::map<uint64_t, EntryRecord> entries;
  storage::PrefixIterator index = view.Scan(
      storage::Column::kIndexes,
      storage::keys::IndexByMemberPrefix(name.fund_id, name.member_number));
  for (index.Seek(); index.Valid(); index.Next()) {
    const uint64_t sequence = storage::keys::TrailingSequence(index.key());
    ASSIGN_OR_RETURN(auto entry,
                     storage::ReadEntry(view, name.fund_id, sequence));
    if (!entry.has_value()) {
      return storage::Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                            absl::StrCat("fund ", name.fund_id, ": entry ",
                                         sequence, " is indexed but missing"));
    }
    entries.emplace(sequence, std::move(entry->record));
  }
  RETURN_IF_ERROR(index.status());
  for (const auto& [sequence, entry] : entries) {
    if (entry.effective_day() < range.first ||
        entry.effective_day() > range.last) {
      continue;
    }
    const bool reversal = entry.has_reversal();
    if (!reversal && !entry.has_contribution() && !entry.has_disbursement()) {
      continue;  // Registration, status and profile changes move no money.
    }
    v1::PassbookLine* line = passbook.add_lines();
    line->set_sequence(sequence);
    *line->mutable_effective_date() = DateOf(entry.effective_day());
    line->set_kind(static_cast<v1::EntryKind>(entry.kind()));
    line->set_source_document(entry.source_document());
    if (reversal) {
      const uint64_t reversed = entry.reversal().reversed_sequence();
      line->set_reverses_sequence(reversed);
      auto original = entries.find(reversed);
      if (original != entries.end()) {
        Describe(original->second, -1, line, &passbook);
      }
    } else {
      Describe(entry, +1, line, &passbook);
      ASSIGN_OR_RETURN(
          auto by, view.Get(storage::Column::kViews,
                            storage::keys::ReversedBy(name.fund_id, sequence)));
      int64_t by_sequence = 0;
      if (by.has_value() && storage::keys::DecodeFixed64(*by, &by_sequence)) {
        line->set_reversed_by_sequence(static_cast<uint64_t>(by_sequence));
      }
    }
  }

  // The months of the period in which the member was active.
  const int32_t first_month =
      storage::MonthIndexOfDay(std::max(range.first, member.join_day()));
  const int32_t last_month = storage::MonthIndexOfDay(range.last);
  for (int32_t month = first_month; month <= last_month; ++month) {
    const int32_t month_end =
        std::min(range.last, storage::MonthStartDay(month + 1) - 1);
    if (month_end < member.join_day() ||
        StatusOn(member, month_end) != v1::MEMBER_STATUS_ACTIVE) {
      continue;
    }
    if (IsMonthPaid(member, month)) {
      *passbook.add_months_paid() = YearMonthOf(month);
    } else if (storage::MonthStartDay(month) <= today) {
      *passbook.add_months_missed() = YearMonthOf(month);
    }  // A month still to come is not missed yet.
  }
  return passbook;
}

}  // namespace welfare::domain
