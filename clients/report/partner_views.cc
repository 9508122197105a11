// Views of partner answers: one fund's status and an area's roll-up.
// Aggregates only, as the server sends them; suppressed counts of 1 to 4
// people are shown as Style::People says, with a legend.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/report/view_parts.h"

namespace welfare::report {
namespace {

// The CSV of a partner answer: section, item, people,
// people_fewer_than_five_cells, people_unattributed_cells, amount.
cli::Report PartnerCsv(const Style& style) {
  const cli::Cells& cells = style.cells();
  cli::Report csv;
  csv.columns = {
      cells.Text("ส่วน", "section"),
      cells.Text("รายการ", "item"),
      cells.Number("คน", "people"),
      cells.Number("ช่องที่มีน้อยกว่า 5 คน", "people_fewer_than_five_cells"),
      cells.Number("ช่องที่ไม่ระบุสมาชิก", "people_unattributed_cells"),
      cells.Number("จำนวนเงิน", "amount")};
  return csv;
}

std::string Legend(const Style& style, bool area) {
  return area ? style.Words(
                    "\"+ <5 ×k\": อีก k กองทุนมี 1–4 คน ไม่นับรวมในตัวเลข",
                    "\"+ <5 ×k\": k more funds had 1 to 4 people each, not "
                    "counted in the number")
              : style.Words("\"<5\": 1–4 คน ไม่แสดงจำนวน",
                            "\"<5\": 1 to 4 people, not shown");
}

// The CSV cells of a count: the number and the two kinds of withheld cells.
std::vector<std::string> CountCells(const Style& style,
                                    const v1::PeopleCount& people) {
  return {style.Count(people.count()),
          absl::StrCat(people.fewer_than_five_cells()),
          absl::StrCat(people.unattributed_cells())};
}

cli::Report BalancesTable(const Style& style, const v1::BalancesByKind& money,
                          cli::Report* csv) {
  const std::string title = style.Words("ยอดเงินตามประเภท", "Balances");
  cli::Report table = PairTable(style, title);
  const std::pair<std::string, int64_t> figures[] = {
      {style.Words("เงินสด", "Cash"), money.cash_satang()},
      {style.Words("เงินฝากธนาคาร", "Bank"), money.bank_satang()},
      {style.Words("เงินลงทุน", "Investments"), money.investments_satang()},
      {style.Words("เงินให้สมาชิกกู้", "Loans to members"),
       money.loans_to_members_satang()},
      {style.Words("สินทรัพย์อื่น", "Other assets"), money.other_assets_satang()},
      {style.Words("หนี้สิน", "Liabilities"), money.liabilities_satang()},
      {style.Words("ทุนของกองทุน", "Fund balance"), money.fund_balance_satang()}};
  for (const auto& [item, satang] : figures) {
    table.rows.push_back({item, style.Money(satang)});
    csv->rows.push_back({title, item, "", "", "", style.Money(satang)});
  }
  return table;
}

cli::Report MembersTable(const Style& style, const v1::StatusTotals& totals,
                         bool area, cli::Report* csv) {
  const cli::Cells& cells = style.cells();
  const std::string title =
      style.Words("สมาชิกตามประเภทและสถานะ", "Members by type and status");
  cli::Report table;
  table.title = absl::StrCat(title, " (", Legend(style, area), ")");
  table.columns = {cells.Text("ประเภท", "Type"), cells.Text("สถานะ", "Status"),
                   cells.Number("คน", "People")};
  for (const v1::MemberStatusCount& row : totals.members()) {
    const std::string type =
        cells.Label(format::MemberCategoryLabels(), row.category());
    const std::string status =
        cells.Label(format::MemberStatusLabels(), row.status());
    table.rows.push_back({type, status, style.People(row.people(), area)});
    std::vector<std::string> line = {title, absl::StrCat(type, " / ", status)};
    for (std::string& cell : CountCells(style, row.people())) {
      line.push_back(std::move(cell));
    }
    line.push_back("");
    csv->rows.push_back(std::move(line));
  }
  return table;
}

cli::Report IncomeTable(const Style& style, const v1::StatusTotals& totals,
                        cli::Report* csv) {
  const cli::Cells& cells = style.cells();
  cli::Report table;
  table.title = style.Words("รายได้ในปีตามแหล่งที่มา", "Income of the year");
  table.columns = {cells.Text("แหล่งที่มา", "Source"),
                   cells.Number("จำนวนเงิน", "Amount")};
  for (const v1::SourceAmount& row : totals.income()) {
    const std::string source =
        cells.Label(format::ContributionSourceLabels(), row.source());
    table.rows.push_back({source, style.Money(row.amount_satang())});
    csv->rows.push_back(
        {table.title, source, "", "", "", style.Money(row.amount_satang())});
  }
  return table;
}

cli::Report BenefitsTable(const Style& style, const v1::StatusTotals& totals,
                          bool area, cli::Report* csv) {
  const cli::Cells& cells = style.cells();
  const std::string title =
      style.Words("สวัสดิการในปีตามประเภท", "Benefits of the year");
  cli::Report table;
  table.title =
      absl::StrCat(title, " (", Legend(style, area), "; ",
                   style.Words("\"ไม่ระบุ\": เงินที่บันทึกโดยไม่ระบุสมาชิก",
                               "\"n/a\": money posted without naming a member"),
                   "; ",
                   style.Words("ไม่รวมจำนวนเงินของช่องที่ไม่แสดง",
                               "the baht of those cells is withheld too"),
                   ")");
  table.columns = {cells.Text("ประเภทสวัสดิการ", "Category"),
                   cells.Number("คน", "People"),
                   cells.Number("จำนวนเงิน", "Amount")};
  for (const v1::CategoryAggregate& row : totals.benefits()) {
    const std::string category =
        cells.Label(format::BenefitCategoryLabels(), row.category());
    table.rows.push_back({category, style.People(row.people(), area),
                          style.Money(row.amount_satang())});
    std::vector<std::string> line = {title, category};
    for (std::string& cell : CountCells(style, row.people())) {
      line.push_back(std::move(cell));
    }
    line.push_back(style.Money(row.amount_satang()));
    csv->rows.push_back(std::move(line));
  }
  return table;
}

// The four tables of StatusTotals, and their CSV.
void AddTotals(const Style& style, const v1::StatusTotals& totals, bool area,
               View* view) {
  cli::Report csv = PartnerCsv(style);
  view->document.reports = {BalancesTable(style, totals.balances(), &csv),
                            MembersTable(style, totals, area, &csv),
                            IncomeTable(style, totals, &csv),
                            BenefitsTable(style, totals, area, &csv)};
  view->document.csv = std::move(csv);
}

// The year and the days its figures cover, and the day of the balances.
std::string Period(const Style& style, int32_t fiscal_year, int32_t start_month,
                   const v1::Date& start, const v1::Date& as_of) {
  return absl::StrCat(style.FiscalYear(fiscal_year, start_month), " (",
                      style.Date(start), " \u2013 ", style.Date(as_of),
                      ") \u00b7 ", style.Words("ยอด ณ วันที่ ", "balances as of "),
                      style.Date(as_of));
}

}  // namespace

View FundStatusView(const Style& style, const v1::FundStatus& status) {
  View view;
  view.title = absl::StrCat(style.Words("สถานะกองทุน", "Fund status"), ": ",
                            status.display_name());
  view.subtitle = absl::StrCat(
      style.Words("รหัสพื้นที่ ", "area "), status.area_code(), " \u00b7 ",
      Period(style, status.fiscal_year(), status.year_start_month(),
             status.start_date(), status.as_of_date()));
  AddTotals(style, status.totals(), /*area=*/false, &view);
  return view;
}

View AreaStatusView(const Style& style, const v1::AreaStatus& status) {
  View view;
  view.title = absl::StrCat(
      style.Words("สถานะกองทุนในพื้นที่ ", "Funds of area "),
      status.area_code_prefix(), " (", style.Count(status.fund_count()),
      style.Words(" กองทุน", status.fund_count() == 1 ? " fund" : " funds"),
      ")");
  view.subtitle = absl::StrCat(
      Period(style, status.fiscal_year(), 10, status.start_date(),
             status.as_of_date()),
      " \u00b7 ",
      style.Words("ทุกกองทุนนับตามปีงบประมาณ 1 ต.ค. – 30 ก.ย.",
                  "every fund over the Thai fiscal year, 1 October to 30 "
                  "September"));
  AddTotals(style, status.totals(), /*area=*/true, &view);
  return view;
}

}  // namespace welfare::report
