// Views of claims for benefits (คำขอรับสวัสดิการ): one claim with the rules'
// evaluation and its steps, a paid one with its voucher, and a list.
#include "clients/cli/claim_views.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr format::Label kClaimStates[] = {
    {v1::CLAIM_STATE_SUBMITTED, "submitted", "ยื่นคำขอแล้ว", "submitted"},
    {v1::CLAIM_STATE_CERTIFIED, "certified", "รับรองแล้ว", "certified"},
    {v1::CLAIM_STATE_APPROVED, "approved", "อนุมัติแล้ว", "approved"},
    {v1::CLAIM_STATE_REJECTED, "rejected", "ไม่อนุมัติ", "rejected"},
    {v1::CLAIM_STATE_PAID, "paid", "จ่ายแล้ว", "paid"},
};

// "การเจ็บป่วย (ค่านอนโรงพยาบาล)".
std::string BenefitText(const Cells& cells, const v1::Claim& claim) {
  std::string text =
      cells.Label(format::BenefitCategoryLabels(), claim.category());
  if (!claim.sub_type().empty()) {
    absl::StrAppend(&text, " (", claim.sub_type(), ")");
  }
  return text;
}

std::string OverrideText(const Cells& cells, const v1::Claim& claim) {
  if (claim.override_resolution().empty()) return "";
  return absl::StrCat(cells.Words("เกินระเบียบตามมติ ",
                                  "OVER THE RULES by "
                                  "resolution "),
                      claim.override_resolution());
}

std::string EligibleText(const Cells& cells,
                         const v1::BenefitEvaluation& evaluation) {
  return evaluation.eligible() ? cells.Words("มีสิทธิ์ตามระเบียบ", "eligible")
                               : cells.Words("ไม่มีสิทธิ์ตามระเบียบ", "NOT eligible");
}

struct Field {
  format::TablePrinter::Column column;
  std::string value;
  // Shown in a table even when empty.
  bool always = false;
};

std::vector<Field> ClaimFields(const Cells& cells, const v1::Claim& claim) {
  const v1::ClaimDetails& details = claim.details();
  const std::string erased =
      claim.details_erased() ? cells.Words("(ลบข้อมูลแล้ว)", "(erased)") : "";
  const bool paid = claim.state() == v1::CLAIM_STATE_PAID;
  return {
      {cells.Text("คำขอเลขที่", "Claim"), absl::StrCat(claim.number()), true},
      {cells.Text("สมาชิกเลขที่", "Member"), absl::StrCat(claim.member_number()),
       true},
      {cells.Text("สวัสดิการ", "Benefit"), BenefitText(cells, claim), true},
      {cells.Text("วันที่เกิดเหตุ", "Event date"), cells.Date(claim.event_date()),
       true},
      {cells.Text("จำนวนคืน", "Nights"),
       claim.nights() > 0 ? absl::StrCat(claim.nights()) : ""},
      {cells.Text("ผู้รับเงิน", "Payee"),
       claim.payee() == v1::PAYEE_UNSPECIFIED
           ? cells.Words("ตามระเบียบ", "as the rule says")
           : cells.Label(format::PayeeLabels(), claim.payee())},
      {cells.Text("วันที่ยื่น", "Submitted"), cells.Date(claim.submit_date())},
      {cells.Text("รายละเอียด", "Description"),
       claim.details_erased() ? erased : details.description(),
       claim.details_erased()},
      {cells.Text("เอกสาร", "Documents"),
       claim.details_erased() ? erased
                              : absl::StrJoin(details.documents(), ", ")},
      {cells.Text("ผู้ยื่นแทน", "Proxy"),
       claim.details_erased() ? erased : details.proxy_name()},
      {cells.Text("สถานะ", "State"),
       cells.Label(ClaimStateLabels(), claim.state()), true},
      {cells.Text("ระเบียบ", "Rulebook"), LastPart(claim.rulebook())},
      {cells.Text("ผลการตรวจ", "Evaluation"),
       EligibleText(cells, claim.evaluation()), true},
      {cells.Text("ระเบียบให้จ่ายได้", "Allowed by the rules"),
       cells.Money(claim.evaluation().allowed_satang()), true},
      {cells.Text("คืนที่จ่ายได้", "Nights allowed"),
       claim.evaluation().allowed_satang() > 0 &&
               claim.evaluation().nights_paid() > 0
           ? absl::StrCat(claim.evaluation().nights_paid())
           : ""},
      {cells.Text("จ่ายแล้ว", "Paid"),
       paid ? cells.Money(claim.paid_satang()) : ""},
      {cells.Text("รายการจ่าย", "Payment entry"),
       paid ? absl::StrCat(claim.payment_sequence()) : ""},
      {cells.Text("ข้อยกเว้น", "Override"), OverrideText(cells, claim)},
  };
}

// The claim's fields: in a table only those that say something; in CSV
// every one, so that the columns never change.
Report ClaimRecord(const Cells& cells, const v1::Claim& claim, bool all) {
  Report report;
  report.record = true;
  std::vector<std::string> row;
  for (Field& field : ClaimFields(cells, claim)) {
    if (!all && !field.always && field.value.empty()) continue;
    report.columns.push_back(std::move(field.column));
    row.push_back(std::move(field.value));
  }
  report.rows.push_back(std::move(row));
  return report;
}

Report EvaluationReport(const Cells& cells,
                        const v1::BenefitEvaluation& evaluation) {
  Report report;
  report.title = cells.Words("การตรวจตามระเบียบ", "Checked against the rules");
  report.columns = {
      cells.Text("ข้อ", "Rule"),
      cells.Text("ผล", "Result"),
      cells.Text("คำอธิบาย", "Explanation"),
  };
  for (const v1::EvaluationItem& item : evaluation.items()) {
    report.rows.push_back({item.rule(),
                           item.passed() ? cells.Words("ผ่าน", "passed")
                                         : cells.Words("ไม่ผ่าน", "FAILED"),
                           item.explanation()});
  }
  return report;
}

Report StepsReport(const Cells& cells, const v1::Claim& claim) {
  Report report;
  report.title = cells.Words("ขั้นตอน", "Steps");
  report.columns = {
      cells.Text("วันที่", "Date"),      cells.Text("สถานะ", "State"),
      cells.Text("ผู้บันทึก", "By"),      cells.Number("รายการที่", "Entry"),
      cells.Text("มติ", "Resolution"), cells.Text("หมายเหตุ", "Note"),
  };
  for (const v1::ClaimStep& step : claim.steps()) {
    report.rows.push_back({cells.Date(step.date()),
                           cells.Label(ClaimStateLabels(), step.state()),
                           step.principal(), absl::StrCat(step.sequence()),
                           step.resolution(), step.note()});
  }
  return report;
}

}  // namespace

absl::Span<const format::Label> ClaimStateLabels() { return kClaimStates; }

Document ClaimView(const Cells& cells, const v1::Claim& claim) {
  std::vector<Report> reports = {ClaimRecord(cells, claim, false)};
  if (!OverrideText(cells, claim).empty()) {
    Report warning;
    warning.title = absl::StrCat("*** ", OverrideText(cells, claim), " ***");
    reports.push_back(std::move(warning));
  }
  if (claim.evaluation().items_size() > 0) {
    reports.push_back(EvaluationReport(cells, claim.evaluation()));
  }
  if (claim.steps_size() > 0) reports.push_back(StepsReport(cells, claim));
  Document document(std::move(reports));
  document.csv = ClaimRecord(cells, claim, true);
  return document;
}

Document PaidClaimView(const Cells& cells, const v1::PayClaimResponse& paid) {
  Document document = ClaimView(cells, paid.claim());
  Report voucher;
  voucher.record = true;
  voucher.columns = {
      cells.Text("การจ่ายเงิน", "Payment"),
      cells.Text("จำนวนเงิน", "Amount"),
      cells.Text("วันที่", "Date"),
      cells.Text("รายการที่", "Entry"),
  };
  voucher.rows.push_back({
      DocumentNumberText(cells, paid.entry().document()),
      absl::StrCat(cells.Money(paid.claim().paid_satang()),
                   cells.Words(" บาท", " baht")),
      cells.Date(paid.entry().effective_date()),
      absl::StrCat(paid.entry().sequence()),
  });
  document.reports.push_back(std::move(voucher));
  return document;
}

Document ClaimListView(const Cells& cells, const v1::ListClaimsResponse& list) {
  Report report;
  report.columns = {
      cells.Number("เลขที่", "Claim"),   cells.Text("ยื่นเมื่อ", "Submitted"),
      cells.Number("สมาชิก", "Member"), cells.Text("สวัสดิการ", "Benefit"),
      cells.Text("เกิดเหตุ", "Event"),   cells.Number("คืน", "Nights"),
      cells.Text("สถานะ", "State"),    cells.Number("ระเบียบให้", "Allowed"),
      cells.Number("จ่ายแล้ว", "Paid"),  cells.Text("หมายเหตุ", "Note"),
  };
  for (const v1::Claim& claim : list.claims()) {
    std::string note = OverrideText(cells, claim);
    if (note.empty() && !claim.evaluation().eligible()) {
      note = EligibleText(cells, claim.evaluation());
    }
    report.rows.push_back({
        absl::StrCat(claim.number()),
        cells.Date(claim.submit_date()),
        absl::StrCat(claim.member_number()),
        BenefitText(cells, claim),
        cells.Date(claim.event_date()),
        claim.nights() > 0 ? absl::StrCat(claim.nights()) : "",
        cells.Label(ClaimStateLabels(), claim.state()),
        cells.Money(claim.evaluation().allowed_satang()),
        claim.state() == v1::CLAIM_STATE_PAID ? cells.Money(claim.paid_satang())
                                              : "",
        note,
    });
  }
  return {{report}};
}

}  // namespace welfare::cli
