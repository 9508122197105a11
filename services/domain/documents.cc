#include "services/domain/documents.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "services/domain/dates.h"
#include "services/domain/fund_facts.h"
#include "services/domain/ledger.h"
#include "services/domain/names.h"
#include "services/domain/page_token.h"
#include "services/domain/records.h"
#include "services/domain/report_period.h"
#include "services/domain/report_tallies.h"
#include "services/domain/views.h"
#include "storage/journal_reads.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using storage::Column;
using storage::Error;
using storage::ReadView;
namespace keys = storage::keys;

absl::Status CheckDocumentKind(absl::string_view field, int kind) {
  if (kind == v1::DOCUMENT_KIND_RECEIPT || kind == v1::DOCUMENT_KIND_VOUCHER) {
    return absl::OkStatus();
  }
  return Error(absl::StatusCode::kInvalidArgument,
               kind == 0 ? "FIELD_REQUIRED" : "FIELD_INVALID",
               absl::StrCat(field, ": want RECEIPT or VOUCHER"));
}

// The document an index key names, as the API shows it.
absl::StatusOr<v1::Document> DocumentAt(const ReadView& view,
                                        const record::FundView& fund,
                                        uint64_t sequence) {
  const std::string& fund_id = fund.fund_id();
  ASSIGN_OR_RETURN(auto entry, storage::ReadEntry(view, fund_id, sequence));
  if (!entry.has_value() || !entry->record.has_document()) {
    return CorruptRecord("document index without its entry",
                         keys::Entry(fund_id, sequence));
  }
  ASSIGN_OR_RETURN(uint64_t reversed_by,
                   ReadReversedBy(view, fund_id, sequence));
  v1::Document document;
  *document.mutable_number() = DocumentNumberToApi(entry->record);
  *document.mutable_entry() = EntryToApi(*entry, reversed_by);
  document.set_fund_display_name(fund.display_name());
  document.set_amount_satang(MoneyOf(entry->record));
  if (reversed_by > 0) {
    ASSIGN_OR_RETURN(auto reversal,
                     storage::ReadEntry(view, fund_id, reversed_by));
    if (!reversal.has_value()) {
      return CorruptRecord("reversal", keys::Entry(fund_id, reversed_by));
    }
    document.set_voided(true);
    document.set_voided_by_sequence(reversed_by);
    document.set_void_reason(reversal->record.reversal().reason());
    *document.mutable_void_date() = DateOf(reversal->record.effective_day());
  }
  return document;
}

}  // namespace

v1::DocumentKind DocumentKindOf(const record::EntryRecord& entry) {
  switch (entry.kind()) {
    case record::ENTRY_KIND_CONTRIBUTION:
      return v1::DOCUMENT_KIND_RECEIPT;
    case record::ENTRY_KIND_DISBURSEMENT:
      return v1::DOCUMENT_KIND_VOUCHER;
    default:
      return v1::DOCUMENT_KIND_UNSPECIFIED;
  }
}

absl::Status NumberDocument(storage::AppendContext& context,
                            record::EntryRecord& entry) {
  const v1::DocumentKind kind = DocumentKindOf(entry);
  if (kind == v1::DOCUMENT_KIND_UNSPECIFIED) return absl::OkStatus();
  ASSIGN_OR_RETURN(const int32_t start_month, FiscalStartMonthOf(context));
  const int32_t fiscal_year = FiscalYearOf(entry.effective_day(), start_month);
  const std::string counter_key = keys::DocumentCounter(
      context.fund_id(), static_cast<uint8_t>(kind), fiscal_year);
  ASSIGN_OR_RETURN(auto counter,
                   context.staging().Get(Column::kViews, counter_key));
  int64_t last = 0;
  if (counter.has_value() && !keys::DecodeFixed64(*counter, &last)) {
    return CorruptRecord("document counter", counter_key);
  }
  record::DocumentNumberRecord* number = entry.mutable_document();
  number->set_kind(kind);
  number->set_fiscal_year(fiscal_year);
  number->set_number(static_cast<uint32_t>(last + 1));
  context.staging().Put(Column::kViews, counter_key,
                        keys::EncodeFixed64(last + 1));
  return absl::OkStatus();
}

v1::DocumentNumber DocumentNumberToApi(const record::EntryRecord& entry) {
  v1::DocumentNumber out;
  if (!entry.has_document()) return out;
  const record::DocumentNumberRecord& number = entry.document();
  out.set_kind(static_cast<v1::DocumentKind>(number.kind()));
  out.set_fiscal_year(number.fiscal_year());
  out.set_number(number.number());
  out.set_name(DocumentResourceName(entry.fund_id(), number.kind(),
                                    number.fiscal_year(), number.number()));
  return out;
}

absl::StatusOr<v1::Document> Ledger::GetDocument(
    const v1::GetDocumentRequest& request) const {
  ASSIGN_OR_RETURN(DocumentName name,
                   ParseDocumentName("name", request.name()));
  RETURN_IF_ERROR(CheckFiscalYear("name", name.fiscal_year));
  ReadView view(&journal_->store());
  ASSIGN_OR_RETURN(record::FundView fund, ReadFundView(view, name.fund_id));
  storage::PrefixIterator found = view.Scan(
      Column::kIndexes,
      keys::IndexByDocumentPrefix(name.fund_id, static_cast<uint8_t>(name.kind),
                                  name.fiscal_year, name.number));
  found.Seek("");
  RETURN_IF_ERROR(found.status());
  if (!found.Valid()) {
    return Error(
        absl::StatusCode::kNotFound, "DOCUMENT_NOT_FOUND",
        absl::StrCat(
            "fund ", name.fund_id, " has no ",
            name.kind == v1::DOCUMENT_KIND_RECEIPT ? "receipt " : "voucher ",
            name.number, " of fiscal year ", name.fiscal_year));
  }
  return DocumentAt(view, fund, keys::TrailingSequence(found.key()));
}

absl::StatusOr<v1::ListDocumentsResponse> Ledger::ListDocuments(
    const v1::ListDocumentsRequest& request) const {
  ASSIGN_OR_RETURN(std::string fund_id,
                   ParseFundName("parent", request.parent()));
  RETURN_IF_ERROR(CheckDocumentKind("kind", request.kind()));
  RETURN_IF_ERROR(CheckFiscalYear("fiscal_year", request.fiscal_year()));
  ASSIGN_OR_RETURN(int page_size, PageSize(request.page_size()));
  const std::string filters =
      absl::StrCat(request.kind(), "/", request.fiscal_year());
  ASSIGN_OR_RETURN(std::string after,
                   page_tokens_->Decode(request.page_token(), 'r', filters));
  ReadView view(&journal_->store());
  ASSIGN_OR_RETURN(record::FundView fund, ReadFundView(view, fund_id));
  storage::PrefixIterator keys = view.Scan(
      Column::kIndexes,
      keys::IndexByDocumentPrefix(fund_id, static_cast<uint8_t>(request.kind()),
                                  request.fiscal_year()));
  keys.Seek(after);
  v1::ListDocumentsResponse response;
  for (; keys.Valid(); keys.Next()) {
    if (!after.empty() && keys.suffix() == after) continue;
    if (response.documents_size() == page_size) {
      response.set_next_page_token(page_tokens_->Encode('r', filters, after));
      break;
    }
    after = std::string(keys.suffix());
    ASSIGN_OR_RETURN(
        *response.add_documents(),
        DocumentAt(view, fund, keys::TrailingSequence(keys.key())));
  }
  RETURN_IF_ERROR(keys.status());
  return response;
}

}  // namespace welfare::domain
