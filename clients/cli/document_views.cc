// Views of receipts (ใบเสร็จรับเงิน) and payment vouchers (ใบสำคัญจ่าย): a
// list, and one document as printed on a terminal or an A5 page.
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/views.h"
#include "clients/format/baht_text.h"
#include "clients/format/escape.h"
#include "clients/format/money.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;
using format::EscapeHtml;

bool IsReceipt(const v1::Document& document) {
  return document.number().kind() == v1::DOCUMENT_KIND_RECEIPT;
}

std::string Title(const Cells& cells, const v1::Document& document) {
  return IsReceipt(document) ? cells.Words("ใบเสร็จรับเงิน", "RECEIPT")
                             : cells.Words("ใบสำคัญจ่าย", "PAYMENT VOUCHER");
}

// "12/2569": the number and the fiscal year, as the paper shows them.
std::string NumberText(const Cells& cells, const v1::DocumentNumber& number) {
  return absl::StrCat(number.number(), "/", cells.Year(number.fiscal_year()));
}

// Who paid (a receipt) or was paid (a voucher).
std::string Party(const Cells& cells, const v1::Document& document,
                  const std::string& member_name) {
  const v1::Entry& entry = document.entry();
  std::string party;
  if (entry.member_number() > 0) {
    party = absl::StrCat(cells.Words("สมาชิกเลขที่ ", "member no. "),
                         entry.member_number());
    if (!member_name.empty()) absl::StrAppend(&party, " ", member_name);
    if (entry.has_disbursement() && entry.disbursement().has_benefit()) {
      const v1::Payee payee = entry.disbursement().benefit().payee();
      if (payee == v1::PAYEE_NOMINEE) {
        party = absl::StrCat(cells.Words("ผู้รับผลประโยชน์ของ", "the nominee of "),
                             party);
      } else if (payee == v1::PAYEE_FAMILY) {
        party =
            absl::StrCat(cells.Words("ครอบครัวของ", "the family of "), party);
      }
    }
  } else if (entry.has_contribution()) {
    party = entry.contribution().payer();
  } else if (entry.has_disbursement() &&
             entry.disbursement().has_operating_cost()) {
    party = entry.disbursement().operating_cost().description();
  }
  return party.empty() ? "-" : party;
}

// One line of a printed document; css is its class in HTML.
struct Field {
  std::string label;
  std::string value;
  const char* css = "";
};

// The document's lines, shared by text and HTML.
std::vector<Field> Fields(const Cells& cells, const v1::Document& document,
                          const std::string& member_name) {
  const v1::Entry& entry = document.entry();
  std::vector<Field> fields = {
      {cells.Words("เลขที่", "No."), NumberText(cells, document.number())},
      {cells.Words("วันที่", "Date"), cells.LongDate(entry.effective_date())},
      {IsReceipt(document) ? cells.Words("ได้รับเงินจาก", "Received from")
                           : cells.Words("จ่ายให้", "Paid to"),
       Party(cells, document, member_name)},
      {cells.Words("รายการ", "For"), EntryDetails(cells, entry)},
      {cells.Words("จำนวนเงิน", "Amount"),
       absl::StrCat(format::FormatBaht(document.amount_satang()),
                    cells.Words(" บาท", " baht")),
       "amount"},
      {cells.Words("จำนวนเงิน (ตัวอักษร)", "In Thai words"),
       absl::StrCat("(", format::BahtText(document.amount_satang()), ")"),
       "amount"},
  };
  if (!entry.source_document().empty()) {
    fields.push_back(
        {cells.Words("เอกสารอ้างอิง", "Reference"), entry.source_document()});
  }
  if (!entry.memo().empty()) {
    fields.push_back({cells.Words("หมายเหตุ", "Memo"), entry.memo()});
  }
  fields.push_back({cells.Words("รายการในสมุดรายวัน", "Journal entry"),
                    absl::StrCat(entry.sequence())});
  fields.push_back({cells.Words("แฮช", "Hash"),
                    absl::BytesToHexString(entry.hash()), "hash"});
  fields.push_back(
      {cells.Words("ผู้บันทึก", "Recorded by"),
       absl::StrCat(entry.principal(), ", ", cells.Time(entry.server_time()))});
  return fields;
}

std::string VoidText(const Cells& cells, const v1::Document& document) {
  return absl::StrCat(cells.Words("ยกเลิก: ", "VOID: "), document.void_reason(),
                      cells.Words(" (รายการที่ ", " (entry "),
                      document.voided_by_sequence(), ", ",
                      cells.LongDate(document.void_date()), ")");
}

std::string SignatureLine(const Cells& cells, const v1::Document& document) {
  return IsReceipt(document)
             ? cells.Words(
                   "ลงชื่อ ................................ ผู้รับเงิน",
                   "Signed ................................ received by")
             : cells.Words(
                   "ลงชื่อ ................................ ผู้รับเงิน"
                   "    ลงชื่อ ................................ ผู้จ่ายเงิน",
                   "Signed ................................ payee"
                   "    Signed ................................ paid by");
}

}  // namespace

std::string DocumentNumberText(const Cells& cells,
                               const v1::DocumentNumber& number) {
  if (number.number() == 0) return "";
  return absl::StrCat(number.kind() == v1::DOCUMENT_KIND_RECEIPT
                          ? cells.Words("ใบเสร็จรับเงิน ", "receipt ")
                          : cells.Words("ใบสำคัญจ่าย ", "voucher "),
                      NumberText(cells, number));
}

Document DocumentListView(const Cells& cells,
                          const v1::ListDocumentsResponse& list) {
  Report report;
  report.columns = {
      cells.Text("เลขที่", "No."),          cells.Text("วันที่", "Date"),
      cells.Number("สมาชิก", "Member"),    cells.Text("รายการ", "For"),
      cells.Number("จำนวนเงิน", "Amount"), cells.Number("รายการที่", "Entry"),
      cells.Text("ยกเลิก", "Void"),
  };
  for (const v1::Document& document : list.documents()) {
    const v1::Entry& entry = document.entry();
    report.rows.push_back(
        {NumberText(cells, document.number()),
         cells.Date(entry.effective_date()),
         entry.member_number() > 0 ? absl::StrCat(entry.member_number()) : "",
         EntryDetails(cells, entry), cells.Money(document.amount_satang()),
         absl::StrCat(entry.sequence()),
         document.voided() ? document.void_reason() : ""});
  }
  return {{report}};
}

std::string PrintedDocumentText(const Cells& cells,
                                const v1::Document& document,
                                const std::string& member_name) {
  const std::string rule(60, '=');
  std::string text =
      absl::StrCat(rule, "\n", Title(cells, document), "\n",
                   document.fund_display_name(), "\n", rule, "\n");
  format::TablePrinter table({{""}, {""}});
  for (const Field& field : Fields(cells, document, member_name)) {
    table.AddRow({field.label, field.value});
  }
  absl::StrAppend(&text, table.Render());
  if (document.voided()) {
    absl::StrAppend(&text, "*** ", VoidText(cells, document), " ***\n");
  }
  absl::StrAppend(&text, "\n", SignatureLine(cells, document), "\n");
  return text;
}

std::string PrintedDocumentHtml(const Cells& cells,
                                const v1::Document& document,
                                const std::string& member_name) {
  const std::string title = EscapeHtml(absl::StrCat(
      Title(cells, document), " ", NumberText(cells, document.number())));
  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", cells.Words("th", "en"),
      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>", title,
      "</title>\n<style>\n"
      "@page { size: A5 landscape; margin: 12mm; }\n"
      "body { font-family: 'Loma', 'Noto Sans Thai', sans-serif; "
      "font-size: 12pt; color: #000; }\n"
      "h1 { font-size: 18pt; text-align: center; margin: 0; }\n"
      ".fund { text-align: center; margin: 2mm 0 6mm; }\n"
      "table { width: 100%; border-collapse: collapse; }\n"
      "th { text-align: left; width: 32%; font-weight: normal; "
      "color: #444; padding: 1mm 2mm 1mm 0; vertical-align: top; }\n"
      "td { padding: 1mm 0; }\n"
      ".amount { font-size: 14pt; font-weight: bold; }\n"
      ".hash { font-family: monospace; font-size: 8pt; "
      "word-break: break-all; }\n"
      ".void { border: 3px solid #b00; color: #b00; font-weight: bold; "
      "text-align: center; padding: 2mm; margin: 4mm 0; }\n"
      ".signature { margin-top: 12mm; }\n"
      "</style>\n</head>\n<body>\n<h1>",
      EscapeHtml(Title(cells, document)), "</h1>\n<p class=\"fund\">",
      EscapeHtml(document.fund_display_name()), "</p>\n");
  if (document.voided()) {
    absl::StrAppend(&html, "<p class=\"void\">",
                    EscapeHtml(VoidText(cells, document)), "</p>\n");
  }
  absl::StrAppend(&html, "<table>\n");
  for (const Field& field : Fields(cells, document, member_name)) {
    absl::StrAppend(&html, "<tr><th>", EscapeHtml(field.label),
                    "</th><td class=\"", field.css, "\">",
                    EscapeHtml(field.value), "</td></tr>\n");
  }
  absl::StrAppend(&html, "</table>\n<p class=\"signature\">",
                  EscapeHtml(SignatureLine(cells, document)),
                  "</p>\n</body>\n</html>\n");
  return html;
}

}  // namespace welfare::cli
