// The auditor's check of receipt and voucher numbers: every contribution
// is a receipt and every disbursement a voucher, numbered 1, 2, 3, ...
// without a gap per kind and fiscal year of the effective day, in journal
// order (services/domain/documents.h). Journals written before numbering
// began have unnumbered ones; once a fund has numbered one, every later
// one must be numbered.
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "clients/audit/ledger_model.h"

namespace welfare::auditor {
namespace {

namespace record_v1 = welfare::storage::v1;

// welfare.ledger.v1.DocumentKind.
constexpr int32_t kReceipt = 1;
constexpr int32_t kVoucher = 2;

int32_t DocumentKindOf(const EntryRecord& record) {
  if (record.kind() == record_v1::ENTRY_KIND_CONTRIBUTION) return kReceipt;
  if (record.kind() == record_v1::ENTRY_KIND_DISBURSEMENT) return kVoucher;
  return 0;
}

// The fiscal year containing day, named by the CE year it ends in.
int32_t FiscalYearOf(int32_t day, int32_t start_month) {
  const absl::CivilDay date = absl::CivilDay(1970, 1, 1) + day;
  const auto year = static_cast<int32_t>(date.year());
  return start_month == 1 || date.month() < start_month ? year : year + 1;
}

// The first fiscal month a FUND_CREATED entry sets; October if none.
int32_t StartMonthOf(const EntryRecord& created) {
  const int32_t month = created.fund_created().fiscal_year_start_month();
  return month >= 1 && month <= 12 ? month : 10;
}

}  // namespace

absl::Status LedgerModel::CheckDocument(const EntryRecord& record,
                                        Findings& findings) {
  const uint64_t sequence = record.sequence();
  if (record.kind() == record_v1::ENTRY_KIND_FUND_CREATED) {
    fiscal_year_start_month_ = StartMonthOf(record);
  }
  const int32_t kind = DocumentKindOf(record);
  if (!record.has_document()) {
    if (kind != 0 && !document_counters_.empty()) {
      findings.Add(
          FindingKind::DOCUMENT_NUMBER_INVALID, sequence,
          absl::StrCat(kind == kReceipt ? "a contribution" : "a disbursement",
                       " without a document number, after numbering began"));
    }
    return absl::OkStatus();
  }
  const record_v1::DocumentNumberRecord& document = record.document();
  if (kind == 0 || document.kind() != kind) {
    findings.Add(FindingKind::DOCUMENT_NUMBER_INVALID, sequence,
                 absl::StrCat(record_v1::EntryKind_Name(record.kind()),
                              " carries a document of kind ", document.kind()));
    return absl::OkStatus();
  }
  if (fiscal_year_start_month_ == 0) {  // A state that did not keep it.
    absl::StatusOr<EntryRecord> created = earlier_(1);
    if (!created.ok()) return created.status();
    fiscal_year_start_month_ = StartMonthOf(*created);
  }
  const int32_t fiscal_year =
      FiscalYearOf(record.effective_day(), fiscal_year_start_month_);
  if (document.fiscal_year() != fiscal_year) {
    findings.Add(
        FindingKind::DOCUMENT_NUMBER_INVALID, sequence,
        absl::StrCat("numbered in fiscal year ", document.fiscal_year(),
                     "; its date is in ", fiscal_year));
    return absl::OkStatus();
  }
  uint32_t& last = document_counters_[{kind, fiscal_year}];
  if (document.number() != last + 1) {
    findings.Add(
        FindingKind::DOCUMENT_NUMBER_INVALID, sequence,
        absl::StrCat(kind == kReceipt ? "receipt " : "voucher ",
                     document.number(), "/", fiscal_year, "; want ", last + 1));
  }
  last = document.number();
  return absl::OkStatus();
}

}  // namespace welfare::auditor
