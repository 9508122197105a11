// The view of a member's passbook.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/report/view_parts.h"

namespace welfare::report {
namespace {

// What a passbook line records: "เงินสัจจะ 10/2568–12/2568" or
// "การเจ็บป่วย: นอนโรงพยาบาล".
std::string LineDetails(const Style& style, const v1::PassbookLine& line) {
  const cli::Cells& cells = style.cells();
  std::string text;
  if (line.benefit_category() != v1::BENEFIT_CATEGORY_UNSPECIFIED) {
    text =
        cells.Label(format::BenefitCategoryLabels(), line.benefit_category());
    if (!line.sub_type().empty()) absl::StrAppend(&text, ": ", line.sub_type());
  } else if (line.source() != v1::CONTRIBUTION_SOURCE_UNSPECIFIED) {
    text = cells.Label(format::ContributionSourceLabels(), line.source());
  } else {
    text = cells.Label(format::EntryKindLabels(), line.kind());
  }
  if (line.has_months() && line.months().month_count() > 0) {
    absl::StrAppend(
        &text, " ",
        cells.Months(line.months().first_month(), line.months().month_count()));
  }
  if (!line.override_resolution().empty()) {
    absl::StrAppend(&text,
                    style.Words(" (เกินระเบียบตามมติ ", " (OVER THE RULES by "),
                    line.override_resolution(), ")");
  }
  return text;
}

std::string ReversalNote(const Style& style, const v1::PassbookLine& line) {
  if (line.reverses_sequence() != 0) {
    return absl::StrCat(style.Words("กลับรายการ #", "reverses #"),
                        line.reverses_sequence());
  }
  if (line.reversed_by_sequence() != 0) {
    return absl::StrCat(style.Words("ถูกกลับโดย #", "reversed by #"),
                        line.reversed_by_sequence());
  }
  return "";
}

std::string MonthList(
    const Style& style,
    const google::protobuf::RepeatedPtrField<v1::YearMonth>& months) {
  std::vector<std::string> texts;
  for (const v1::YearMonth& month : months) {
    texts.push_back(style.cells().Month(month));
  }
  return texts.empty() ? "-" : absl::StrJoin(texts, ", ");
}

}  // namespace

View PassbookView(const Style& style, const v1::Passbook& report) {
  View view =
      HeadedView(style, "สมุดประจำตัวสมาชิก", "Member passbook", report.header());
  const cli::Cells& cells = style.cells();
  cli::Report member;
  member.record = true;
  member.title = absl::StrCat(style.Words("สมาชิกเลขที่ ", "Member number "),
                              report.member_number());
  member.columns = {cells.Text("ประเภท", "Category"),
                    cells.Text("วันที่สมัคร", "Joined"),
                    cells.Text("สถานะ", "Status"),
                    cells.Number("เงินสัจจะ", "Dues"),
                    cells.Number("ค่าสมัคร", "Entry fees"),
                    cells.Number("สวัสดิการที่ได้รับ", "Benefits received"),
                    cells.Text("เดือนที่ส่งแล้ว", "Months paid"),
                    cells.Text("เดือนที่ค้างส่ง", "Months missed")};
  member.rows.push_back(
      {cells.Label(format::MemberCategoryLabels(), report.category()),
       style.Date(report.join_date()),
       cells.Label(format::MemberStatusLabels(), report.status()),
       style.Money(report.dues_total_satang()),
       style.Money(report.fees_total_satang()),
       style.Money(report.benefits_total_satang()),
       style.Count(report.months_paid_size()),
       MonthList(style, report.months_missed())});

  cli::Report lines;
  lines.title = style.Words("รายการ", "Entries");
  lines.columns = {
      cells.Number("ลำดับ", "Entry"),    cells.Text("วันที่", "Date"),
      cells.Text("รายการ", "Details"),  cells.Number("จำนวนเงิน", "Amount"),
      cells.Text("เอกสาร", "Document"), cells.Text("หมายเหตุ", "Note")};
  for (const v1::PassbookLine& line : report.lines()) {
    lines.rows.push_back(
        {absl::StrCat(line.sequence()), style.Date(line.effective_date()),
         LineDetails(style, line), style.Money(line.amount_satang()),
         line.source_document(), ReversalNote(style, line)});
  }
  view.document.reports = {std::move(member), lines};
  view.document.csv = std::move(lines);
  return view;
}

View ArrearsView(const Style& style, const v1::DuesArrears& report) {
  View view =
      HeadedView(style, "เงินสัจจะค้างชำระ", "Dues arrears", report.header());
  const cli::Cells& cells = style.cells();
  cli::Report rows;
  rows.columns = {cells.Number("สมาชิก", "Member"),
                  cells.Text("ประเภท", "Category"),
                  cells.Text("สถานะ", "Status"),
                  cells.Text("วันที่สมัคร", "Joined"),
                  cells.Text("เดือนล่าสุดที่ส่ง", "Last month paid"),
                  cells.Text("ค้างตั้งแต่", "Unpaid from"),
                  cells.Number("เดือนที่ค้าง", "Months unpaid"),
                  cells.Number("ยอดค้าง", "Owed"),
                  cells.Number("ค้างติดต่อกัน", "In a row"),
                  cells.Text("ครบเกณฑ์พ้นสภาพ", "Lapse due")};
  for (const v1::ArrearsRow& row : report.rows()) {
    rows.rows.push_back(
        {absl::StrCat(row.member_number()),
         cells.Label(format::MemberCategoryLabels(), row.category()),
         cells.Label(format::MemberStatusLabels(), row.status()),
         style.Date(row.join_date()),
         row.has_last_paid_month() ? cells.Month(row.last_paid_month()) : "",
         cells.Month(row.first_unpaid_month()),
         style.Count(row.unpaid_months()), style.Money(row.owed_satang()),
         style.Count(row.unpaid_in_a_row()),
         row.lapse_due() ? cells.Words("ครบเกณฑ์", "LAPSE DUE") : ""});
  }
  cli::Report totals;
  totals.record = true;
  totals.columns = {cells.Number("สมาชิกที่ตรวจ", "Members checked"),
                    cells.Number("สมาชิกที่ค้าง", "Members in arrears"),
                    cells.Number("เดือนที่ค้างรวม", "Months unpaid"),
                    cells.Number("ยอดค้างรวม", "Owed"),
                    cells.Text("ขาดส่งกี่เดือนพ้นสภาพ", "Lapse after"),
                    cells.Number("ครบเกณฑ์พ้นสภาพ", "Lapse due"),
                    cells.Text("ตามระเบียบ", "Rulebook")};
  totals.rows.push_back(
      {style.Count(report.members_checked()), style.Count(report.rows_size()),
       style.Count(report.unpaid_months_total()),
       style.Money(report.owed_satang_total()),
       report.lapse_after_months() > 0
           ? absl::StrCat(report.lapse_after_months(),
                          cells.Words(" เดือน", " months"))
           : cells.Words("(ไม่กำหนด)", "(not set)"),
       style.Count(report.members_lapse_due()), report.rulebook()});
  view.document.reports = {rows, std::move(totals)};
  view.document.csv = std::move(rows);
  return view;
}

View MatchListView(const Style& style, const v1::MatchEligibility& report) {
  View view = HeadedView(style, "สมาชิกที่มีสิทธิ์ขอรับเงินสมทบ",
                         "Members who qualify for the government match",
                         report.header());
  const cli::Cells& cells = style.cells();
  cli::Report rows;
  rows.title = absl::StrCat(style.Words("ณ วันที่ ", "On "),
                            style.Date(report.cutoff_date()));
  rows.columns = {cells.Number("สมาชิก", "Member"),
                  cells.Text("ประเภท", "Category"),
                  cells.Text("วันที่สมัคร", "Joined"),
                  cells.Number("เคยได้รับสมทบ (ครั้ง)", "Matched before")};
  for (const v1::MatchEligibleMember& member : report.members()) {
    rows.rows.push_back(
        {absl::StrCat(member.member_number()),
         cells.Label(format::MemberCategoryLabels(), member.category()),
         style.Date(member.join_date()),
         style.Count(member.times_matched_before())});
  }
  cli::Report totals;
  totals.record = true;
  totals.columns = {
      cells.Number("มีสิทธิ์", "Qualify"),
      cells.Number("เป็นสมาชิกไม่ครบปี", "Less than a year"),
      cells.Number("ได้รับสมทบครบ 3 ครั้งแล้ว", "Matched 3 times already")};
  totals.rows.push_back({style.Count(report.members_size()),
                         style.Count(report.not_a_full_year()),
                         style.Count(report.matched_three_times())});
  view.document.reports = {rows, std::move(totals)};
  view.document.csv = std::move(rows);
  return view;
}

}  // namespace welfare::report
