// Views of journal entries, balances and batches.
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;
using format::BenefitCategoryLabels;
using format::ContributionSourceLabels;
using format::CostKindLabels;
using format::EntryKindLabels;
using format::MemberCategoryLabels;
using format::MemberStatusLabels;
using format::PayeeLabels;

std::string Number(int64_t value) {
  return value == 0 ? "" : absl::StrCat(value);
}

// The money an entry moves: the sum of its debits; 0 if none.
int64_t DebitTotal(const v1::Entry& entry) {
  int64_t total = 0;
  for (const v1::Posting& posting : entry.postings()) {
    if (posting.side() == v1::DEBIT) total += posting.amount_satang();
  }
  return total;
}

std::string ContributionDetails(const Cells& cells,
                                const v1::Contribution& contribution) {
  std::string text =
      cells.Label(ContributionSourceLabels(), contribution.source());
  if (contribution.has_months()) {
    absl::StrAppend(&text, " ",
                    cells.Months(contribution.months().first_month(),
                                 contribution.months().month_count()));
  }
  if (!contribution.matching_round().empty()) {
    absl::StrAppend(&text, cells.Words(" รอบ ", " round "),
                    contribution.matching_round());
  }
  if (!contribution.payer().empty()) {
    absl::StrAppend(&text, " (", contribution.payer(), ")");
  }
  return text;
}

std::string DisbursementDetails(const Cells& cells,
                                const v1::Disbursement& disbursement) {
  if (disbursement.has_operating_cost()) {
    const v1::OperatingCost& cost = disbursement.operating_cost();
    std::string text = cells.Label(CostKindLabels(), cost.kind());
    if (!cost.description().empty()) {
      absl::StrAppend(&text, ": ", cost.description());
    }
    return text;
  }
  const v1::Benefit& benefit = disbursement.benefit();
  std::string text =
      absl::StrCat(cells.Words("สวัสดิการ", "benefit: "),
                   cells.Label(BenefitCategoryLabels(), benefit.category()));
  if (!benefit.sub_type().empty()) {
    absl::StrAppend(&text, " (", benefit.sub_type(), ")");
  }
  if (benefit.quantity() > 0) absl::StrAppend(&text, " x", benefit.quantity());
  if (!disbursement.claim().empty()) {
    absl::StrAppend(&text, cells.Words(" ตามคำขอ ", " for "),
                    disbursement.claim());
  }
  if (!disbursement.override_resolution().empty()) {
    absl::StrAppend(&text,
                    cells.Words(" เกินระเบียบตามมติ ", " OVER THE RULES by "),
                    disbursement.override_resolution());
  }
  if (benefit.payee() != v1::PAYEE_UNSPECIFIED &&
      benefit.payee() != v1::PAYEE_MEMBER) {
    absl::StrAppend(&text, cells.Words(" จ่ายให้", " paid to "),
                    cells.Label(PayeeLabels(), benefit.payee()));
  }
  return text;
}

}  // namespace

std::string EntryDetails(const Cells& cells, const v1::Entry& entry) {
  switch (entry.details_case()) {
    case v1::Entry::kContribution:
      return ContributionDetails(cells, entry.contribution());
    case v1::Entry::kDisbursement:
      return DisbursementDetails(cells, entry.disbursement());
    case v1::Entry::kReversal:
      return absl::StrCat(cells.Words("กลับรายการที่ ", "reverses entry "),
                          entry.reversal().reversed_sequence(), ": ",
                          entry.reversal().reason());
    case v1::Entry::kFundCreated:
      return entry.fund_created().display_name();
    case v1::Entry::kAccountOpened:
      return absl::StrCat(entry.account_opened().code(), " ",
                          entry.account_opened().display_name());
    case v1::Entry::kMemberRegistered:
      return cells.Label(MemberCategoryLabels(),
                         entry.member_registered().category());
    case v1::Entry::kStatusChange: {
      const v1::StatusChange& change = entry.status_change();
      std::string text = cells.Label(MemberStatusLabels(), change.status());
      if (!change.reason().empty())
        absl::StrAppend(&text, ": ", change.reason());
      return text;
    }
    case v1::Entry::kProfileChanged:
      return "";
    case v1::Entry::kRulebookAdopted:
      return absl::StrCat(entry.rulebook_adopted().rulebook(), ": ",
                          entry.rulebook_adopted().resolution());
    case v1::Entry::kClaimStep: {
      const v1::ClaimStepTaken& step = entry.claim_step();
      std::string text = step.claim();
      for (const std::string* part : {&step.resolution(), &step.note()}) {
        if (!part->empty()) absl::StrAppend(&text, ": ", *part);
      }
      return text;
    }
    case v1::Entry::DETAILS_NOT_SET:
      return entry.memo();  // A transaction says what it is in its memo.
  }
  return "";
}

Document EntryListView(const Cells& cells,
                       const v1::ListEntriesResponse& list) {
  Report report;
  report.columns = {
      cells.Number("รายการที่", "Entry"),   cells.Text("วันที่", "Date"),
      cells.Text("ประเภท", "Kind"),       cells.Number("สมาชิก", "Member"),
      cells.Number("จำนวนเงิน", "Amount"), cells.Text("รายละเอียด", "Details"),
      cells.Text("เอกสาร", "Document"),   cells.Number("กลับโดย", "Reversed by"),
  };
  for (const v1::Entry& entry : list.entries()) {
    const int64_t amount = DebitTotal(entry);
    report.rows.push_back(
        {absl::StrCat(entry.sequence()), cells.Date(entry.effective_date()),
         cells.Label(EntryKindLabels(), entry.kind()),
         Number(entry.member_number()), amount == 0 ? "" : cells.Money(amount),
         EntryDetails(cells, entry), entry.source_document(),
         Number(entry.reversed_by_sequence())});
  }
  return {{report}};
}

Document EntryView(const Cells& cells, const v1::Entry& entry) {
  Report record;
  record.record = true;
  record.columns = {
      cells.Number("รายการที่", "Entry"),
      cells.Text("ประเภท", "Kind"),
      cells.Text("วันที่", "Date"),
      cells.Number("สมาชิก", "Member"),
      cells.Text("รายละเอียด", "Details"),
      cells.Text("เอกสาร", "Document"),
      cells.Text("ใบเสร็จ/ใบสำคัญจ่าย", "Receipt/voucher"),
      cells.Text("บันทึกช่วยจำ", "Memo"),
      cells.Number("กลับรายการโดย", "Reversed by"),
      cells.Text("บันทึกเมื่อ", "Recorded"),
      cells.Text("ผู้บันทึก", "By"),
      cells.Text("แฮช", "Hash"),
  };
  record.rows.push_back({
      absl::StrCat(entry.sequence()),
      cells.Label(EntryKindLabels(), entry.kind()),
      cells.Date(entry.effective_date()),
      Number(entry.member_number()),
      EntryDetails(cells, entry),
      entry.source_document(),
      DocumentNumberText(cells, entry.document()),
      entry.memo(),
      Number(entry.reversed_by_sequence()),
      cells.Time(entry.server_time()),
      entry.principal(),
      absl::BytesToHexString(entry.hash()),
  });
  Document document{{record}};
  if (entry.postings_size() > 0) {
    Report postings;
    postings.columns = {cells.Text("บัญชี", "Account"),
                        cells.Number("เดบิต", "Debit"),
                        cells.Number("เครดิต", "Credit")};
    for (const v1::Posting& posting : entry.postings()) {
      const std::string amount = cells.Money(posting.amount_satang());
      const bool debit = posting.side() == v1::DEBIT;
      postings.rows.push_back(
          {posting.account_code(), debit ? amount : "", debit ? "" : amount});
    }
    document.reports.push_back(postings);
  }
  // CSV: the entry as one row of an entry list.
  v1::ListEntriesResponse one;
  *one.add_entries() = entry;
  document.csv = EntryListView(cells, one).reports[0];
  return document;
}

Document BalancesView(const Cells& cells,
                      const v1::GetBalancesResponse& balances, bool with_zero) {
  Report report;
  report.title = absl::StrCat(
      cells.Words("งบทดลอง ", "Trial balance "),
      balances.has_as_of_date()
          ? absl::StrCat(cells.Words("ณ วันที่ ", "as of "),
                         cells.Date(balances.as_of_date()))
          : cells.Words("ทุกรายการที่บันทึก", "of every entry recorded"),
      " (", cells.Words("สมุดรายวัน ", "journal of "), balances.journal_size(),
      cells.Words(" รายการ", " entries"), ")");
  report.columns = {cells.Text("รหัส", "Code"), cells.Text("บัญชี", "Account"),
                    cells.Number("เดบิต", "Debit"),
                    cells.Number("เครดิต", "Credit")};
  for (const v1::AccountBalance& row : balances.balances()) {
    const int64_t net = row.debit_minus_credit_satang();
    if (net == 0 && !with_zero) continue;
    // A zero balance shows on the account's normal side.
    const bool debit_normal = row.type() == v1::ACCOUNT_TYPE_ASSET ||
                              row.type() == v1::ACCOUNT_TYPE_EXPENSE;
    const bool on_debit = net > 0 || (net == 0 && debit_normal);
    report.rows.push_back({row.account_code(), row.display_name(),
                           on_debit ? cells.Money(net) : "",
                           on_debit ? "" : cells.Money(-net)});
  }
  report.rows.emplace_back();  // A rule above the totals (tables only).
  report.rows.push_back({"", cells.Words("รวม", "Total"),
                         cells.Money(balances.total_debit_satang()),
                         cells.Money(balances.total_credit_satang())});
  return {{report}};
}

Document BatchView(const Cells& cells, const v1::PostBatchResponse& batch) {
  Report report;
  report.record = true;
  report.columns = {cells.Number("รายการแรก", "First entry"),
                    cells.Number("จำนวนรายการ", "Entries"),
                    cells.Text("แฮชรายการสุดท้าย", "Last hash")};
  report.rows.push_back({absl::StrCat(batch.first_sequence()),
                         absl::StrCat(batch.entry_count()),
                         absl::BytesToHexString(batch.last_hash())});
  return {{report}};
}

}  // namespace welfare::cli
