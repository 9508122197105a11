// The view of CODI's yearly fund status form: the members, money, income,
// benefits and receipts-and-payments parts in the form's order.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/report/view_parts.h"

namespace welfare::report {
namespace {

using MemberCounts = google::protobuf::RepeatedPtrField<v1::MemberCount>;

// The status form's CSV: section, code, item, people, amount,
// people_cumulative, amount_cumulative (empty where a figure has no such
// part).
class FormCsv {
 public:
  explicit FormCsv(const Style& style) : style_(style) {
    const cli::Cells& cells = style.cells();
    csv_.columns = {cells.Text("ส่วน", "section"),
                    cells.Text("รหัส", "code"),
                    cells.Text("รายการ", "item"),
                    cells.Number("คน", "people"),
                    cells.Number("จำนวนเงิน", "amount"),
                    cells.Number("คน (สะสม)", "people_cumulative"),
                    cells.Number("จำนวนเงิน (สะสม)", "amount_cumulative")};
  }
  void People(const std::string& section, const std::string& item,
              int64_t count) {
    csv_.rows.push_back({section, "", item, style_.Count(count), "", "", ""});
  }
  void Money(const std::string& section, const std::string& code,
             const std::string& item, int64_t satang) {
    csv_.rows.push_back(
        {section, code, item, "", style_.Money(satang), "", ""});
  }
  void Row(std::vector<std::string> row) {
    csv_.rows.push_back(std::move(row));
  }
  cli::Report Take() { return std::move(csv_); }

 private:
  const Style& style_;
  cli::Report csv_;
};

cli::Report MembersTable(const Style& style, const v1::FundStatusForm& form,
                         const std::string& title, FormCsv* csv) {
  cli::Report table = PairTable(style, title);
  const std::pair<std::string, int64_t> figures[] = {
      {style.Words("สมาชิกแรกตั้ง", "Founding members"), form.members_founding()},
      {style.Words("สมาชิกสะสม", "Members ever joined"),
       form.members_cumulative()},
      {style.Words("สมาชิกปัจจุบัน", "Current members"),
       form.members_current_total()},
      {style.Words("หมู่บ้านที่ครอบคลุม", "Villages covered"),
       form.villages_covered()}};
  for (const auto& [item, count] : figures) {
    table.rows.push_back({item, style.Count(count)});
    csv->People(title, item, count);
  }
  // By type, as the form asks: founding, ever joined and current members.
  const std::pair<std::string, const MemberCounts*> by_type[] = {
      {style.Words("สมาชิกแรกตั้ง: ", "Founding members: "),
       &form.members_founding_by_type()},
      {style.Words("สมาชิกสะสม: ", "Members ever joined: "),
       &form.members_cumulative_by_type()},
      {style.Words("สมาชิกปัจจุบัน: ", "Current members: "),
       &form.members_current()}};
  for (const auto& [prefix, counts] : by_type) {
    for (const v1::MemberCount& count : *counts) {
      const std::string item = absl::StrCat(
          prefix, style.cells().Label(format::MemberCategoryLabels(),
                                      count.category()));
      table.rows.push_back({item, style.Count(count.count())});
      csv->People(title, item, count.count());
    }
  }
  return table;
}

cli::Report MoneyTable(const Style& style, const v1::FundStatusForm& form,
                       const std::string& title, FormCsv* csv) {
  cli::Report table = PairTable(style, title);
  const std::string end = style.Date(form.header().end_date());
  const std::pair<std::string, int64_t> figures[] = {
      {style.Words("ยอดเงินยกมาต้นปี", "Opening balance"),
       form.opening_balance_satang()},
      {absl::StrCat(style.Words("เงินฝากธนาคาร ณ ", "Bank deposits at "), end),
       form.bank_satang()},
      {absl::StrCat(style.Words("เงินสด ณ ", "Cash on hand at "), end),
       form.cash_satang()},
      {absl::StrCat(style.Words("เงินลงทุน ณ ", "Investments at "), end),
       form.investments_satang()},
      {absl::StrCat(style.Words("เงินให้สมาชิกกู้ ณ ", "Loans to members at "), end),
       form.loans_to_members_satang()}};
  for (const auto& [item, satang] : figures) {
    table.rows.push_back({item, style.Money(satang)});
    csv->Money(title, "", item, satang);
  }
  // What the fund owes, by account (dues paid in advance, matching grants
  // to refund, ...), and their total.
  const std::string owed = style.Words("หนี้สิน: ", "Liabilities: ");
  for (const v1::AccountAmount& row : form.liabilities()) {
    const std::string item =
        absl::StrCat(owed, style.Name(row.display_name(), row.english_name()));
    table.rows.push_back({item, style.Money(row.amount_satang())});
    csv->Money(title, row.account_code(), item, row.amount_satang());
  }
  const std::string total =
      absl::StrCat(style.Words("หนี้สินรวม ณ ", "Total liabilities at "), end);
  table.rows.push_back({total, style.Money(form.liabilities_total_satang())});
  csv->Money(title, "", total, form.liabilities_total_satang());
  return table;
}

}  // namespace

View StatusFormView(const Style& style, const v1::FundStatusForm& form) {
  View view =
      HeadedView(style, "แบบแสดงสถานะกองทุนสวัสดิการชุมชน",
                 "Community welfare fund status form (CODI)", form.header());
  FormCsv csv(style);
  view.document.reports.push_back(
      MembersTable(style, form, style.Words("1. สมาชิก", "1. Members"), &csv));
  view.document.reports.push_back(
      MoneyTable(style, form, style.Words("2. ฐานะการเงิน", "2. Money"), &csv));

  const std::string income =
      style.Words("3. รายได้ตามแหล่งที่มา", "3. Income by source");
  Embed(ContributionsView(style, form.income()), income, &view);
  for (const v1::ContributionSourceRow& row : form.income().rows()) {
    csv.Row({income, row.account_code(),
             absl::StrCat(style.Name(row.display_name(), row.english_name()),
                          row.matching_round().empty() ? "" : " ",
                          row.matching_round()),
             "", style.Money(row.amount_satang()), "",
             style.Money(row.amount_cumulative_satang())});
  }
  const std::string benefits =
      style.Words("4. สวัสดิการตามประเภท", "4. Benefits by category");
  Embed(BenefitsView(style, form.benefits()), benefits, &view);
  for (const v1::BenefitCategoryRow& row : form.benefits().rows()) {
    csv.Row(
        {benefits, absl::StrFormat("%02d", static_cast<int>(row.category())),
         style.cells().Label(format::BenefitCategoryLabels(), row.category()),
         style.Count(row.people()), style.Money(row.amount_satang()),
         style.Count(row.people_cumulative()),
         style.Money(row.amount_cumulative_satang())});
    if (row.override_amount_satang() != 0 ||
        row.override_amount_cumulative_satang() != 0) {
      csv.Row({benefits,
               absl::StrFormat("%02d", static_cast<int>(row.category())),
               style.Words("ในจำนวนนี้ จ่ายเกินระเบียบตามมติคณะกรรมการ",
                           "of which paid OVER THE RULES by committee "
                           "resolution"),
               "", style.Money(row.override_amount_satang()), "",
               style.Money(row.override_amount_cumulative_satang())});
    }
  }
  const std::string cash =
      style.Words("5. งบรับ-จ่าย", "5. Receipts and payments");
  View receipts = ReceiptsAndPaymentsView(style, form.receipts_and_payments());
  // Its CSV rows are section, code, account, amount.
  for (const std::vector<std::string>& row : receipts.document.csv->rows) {
    csv.Row(
        {absl::StrCat(cash, ": ", row[0]), row[1], row[2], "", row[3], "", ""});
  }
  Embed(std::move(receipts), cash, &view);
  view.document.csv = csv.Take();
  return view;
}

}  // namespace welfare::report
