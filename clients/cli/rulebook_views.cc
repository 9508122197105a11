// Views of a fund's rulebooks (ระเบียบกองทุน): one version with its dues
// plan and a table of its benefit rules, and every version in a list.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/claim_views.h"
#include "clients/cli/views.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr format::Label kDuesPeriods[] = {
    {v1::DUES_PERIOD_DAY, "day", "ต่อวัน", "a day"},
    {v1::DUES_PERIOD_MONTH, "month", "ต่อเดือน", "a month"},
    {v1::DUES_PERIOD_HALF_YEAR, "half-year", "ต่อครึ่งปี", "a half-year"},
    {v1::DUES_PERIOD_YEAR, "year", "ต่อปี", "a year"},
};

// Blank for zero: a cap of zero means no limit.
std::string MoneyOrBlank(const Cells& cells, int64_t satang) {
  return satang == 0 ? "" : cells.Money(satang);
}

std::string CountOrBlank(int64_t value) {
  return value == 0 ? "" : absl::StrCat(value);
}

// "30.00 บาท ต่อเดือน, ค่าสมัคร 20.00 บาท, ขาดส่ง 3 เดือนพ้นสภาพ".
std::string DuesText(const Cells& cells, const v1::DuesPlan& dues) {
  std::vector<std::string> parts;
  if (dues.amount_satang() > 0) {
    parts.push_back(absl::StrCat(
        cells.Money(dues.amount_satang()), cells.Words(" บาท ", " baht "),
        cells.Label(DuesPeriodLabels(), dues.period())));
  }
  if (dues.entry_fee_satang() > 0) {
    parts.push_back(absl::StrCat(cells.Words("ค่าสมัคร ", "entry fee "),
                                 cells.Money(dues.entry_fee_satang()),
                                 cells.Words(" บาท", " baht")));
  }
  if (dues.lapse_after_months() > 0) {
    parts.push_back(absl::StrCat(cells.Words("ขาดส่ง ", "lapses after "),
                                 dues.lapse_after_months(),
                                 cells.Words(" เดือนพ้นสภาพ", " unpaid months")));
  }
  if (parts.empty()) return cells.Words("(ไม่ได้กำหนด)", "(not set)");
  return absl::StrJoin(parts, ", ");
}

// "1 ปี 3,000.00; 5 ปี 10,000.00": the amount from each number of years of
// membership on; of contribution, "ส่งสัจจะ 1 ปี 300.00; ...".
std::string TiersText(const Cells& cells, const v1::BenefitRule& rule) {
  std::vector<std::string> tiers;
  for (const v1::AmountTier& tier : rule.tiers()) {
    tiers.push_back(absl::StrCat(tier.min_years(), cells.Words(" ปี ", "y "),
                                 cells.Money(tier.amount_satang())));
  }
  if (tiers.empty()) return "";
  const std::string basis = rule.tier_basis() == v1::TIER_BASIS_CONTRIBUTION
                                ? cells.Words("ส่งสัจจะ ", "dues paid ")
                                : "";
  return absl::StrCat(basis, absl::StrJoin(tiers, "; "));
}

// "60-99", "60+", "0-12"; blank for no limit.
std::string AgesText(const v1::BenefitRule& rule) {
  if (rule.min_age_years() == 0 && rule.max_age_years() == 0) return "";
  if (rule.max_age_years() == 0) return absl::StrCat(rule.min_age_years(), "+");
  if (rule.min_age_years() == 0)
    return absl::StrCat("0-", rule.max_age_years());
  return absl::StrCat(rule.min_age_years(), "-", rule.max_age_years());
}

std::string StillInForce(const Cells& cells, const v1::Rulebook& rulebook) {
  return rulebook.has_superseded_date() ? cells.Date(rulebook.superseded_date())
                                        : cells.Words("(ยังมีผล)", "(in force)");
}

Report RulesReport(const Cells& cells, const v1::Rulebook& rulebook) {
  Report report;
  report.title = cells.Words("ระเบียบสวัสดิการ (ช่องว่าง: ไม่จำกัด)",
                             "Benefit rules (blank: no limit)");
  report.columns = {
      cells.Text("สวัสดิการ", "Benefit"),
      cells.Text("ประเภทย่อย", "Sub-type"),
      cells.Number("รอ (วัน)", "Waiting days"),
      cells.Number("ค้างส่งได้ (เดือน)", "Arrears (months)"),
      cells.Number("ต่อครั้ง", "Per event"),
      cells.Number("ต่อคืน", "Per night"),
      cells.Number("คืน/ครั้ง", "Nights/stay"),
      cells.Number("สูงสุด/ครั้ง", "Max/stay"),
      cells.Number("คืน/ปี", "Nights/year"),
      cells.Number("สูงสุด/ปี", "Max/year"),
      cells.Number("ครั้ง/ปี", "Claims/year"),
      cells.Text("ตามจำนวนปี", "By years"),
      cells.Text("อายุ (ปี)", "Ages"),
      cells.Text("เพศ", "Sex"),
      cells.Text("ครั้งเดียว", "Once"),
      cells.Text("ผู้รับเงิน", "Payee"),
  };
  for (const v1::BenefitRule& rule : rulebook.benefits()) {
    report.rows.push_back({
        cells.Label(format::BenefitCategoryLabels(), rule.category()),
        rule.sub_type(),
        absl::StrCat(rule.waiting_days()),
        rule.has_arrears_months_allowed()
            ? absl::StrCat(rule.arrears_months_allowed())
            : cells.Words("ไม่ตรวจ", "not checked"),
        MoneyOrBlank(cells, rule.amount_per_event_satang()),
        MoneyOrBlank(cells, rule.amount_per_night_satang()),
        CountOrBlank(rule.nights_per_stay_max()),
        MoneyOrBlank(cells, rule.amount_per_stay_max_satang()),
        CountOrBlank(rule.nights_per_year_max()),
        MoneyOrBlank(cells, rule.amount_per_year_max_satang()),
        CountOrBlank(rule.claims_per_year_max()),
        TiersText(cells, rule),
        AgesText(rule),
        cells.Label(format::SexLabels(), rule.sex()),
        rule.once_only() ? cells.Words("ใช่", "yes") : "",
        rule.payee() == v1::PAYEE_UNSPECIFIED
            ? cells.Label(format::PayeeLabels(), v1::PAYEE_MEMBER)
            : cells.Label(format::PayeeLabels(), rule.payee()),
    });
  }
  return report;
}

}  // namespace

absl::Span<const format::Label> DuesPeriodLabels() { return kDuesPeriods; }

Document RulebookView(const Cells& cells, const v1::Rulebook& rulebook) {
  Report about;
  about.record = true;
  about.columns = {
      cells.Text("ระเบียบ", "Rulebook"),
      cells.Text("ชื่อ", "Title"),
      cells.Text("มติที่ประชุมใหญ่", "Resolution"),
      cells.Text("มีผลตั้งแต่", "In force from"),
      cells.Text("สิ้นผลเมื่อ", "Superseded on"),
      cells.Text("เงินสัจจะ", "Dues"),
      cells.Number("จำนวนข้อ", "Rules"),
      cells.Text("ผู้ออก", "Adopted by"),
      cells.Text("บันทึกเมื่อ", "Adopted at"),
  };
  about.rows.push_back({
      LastPart(rulebook.name()),
      rulebook.title(),
      rulebook.resolution(),
      cells.LongDate(rulebook.effective_date()),
      StillInForce(cells, rulebook),
      DuesText(cells, rulebook.dues()),
      absl::StrCat(rulebook.benefits_size()),
      rulebook.principal(),
      cells.Time(rulebook.adopt_time()),
  });
  Document document({about, RulesReport(cells, rulebook)});
  document.csv = document.reports[1];
  return document;
}

Document RulebookListView(const Cells& cells,
                          const v1::ListRulebooksResponse& list) {
  Report report;
  report.columns = {
      cells.Text("ระเบียบ", "Rulebook"),
      cells.Text("มีผลตั้งแต่", "In force from"),
      cells.Text("สิ้นผลเมื่อ", "Superseded on"),
      cells.Text("มติที่ประชุมใหญ่", "Resolution"),
      cells.Text("ผู้ออก", "Adopted by"),
      cells.Number("จำนวนข้อ", "Rules"),
      cells.Text("ชื่อ", "Title"),
  };
  for (const v1::Rulebook& rulebook : list.rulebooks()) {
    report.rows.push_back({
        LastPart(rulebook.name()),
        cells.Date(rulebook.effective_date()),
        rulebook.has_superseded_date() ? cells.Date(rulebook.superseded_date())
                                       : "",
        rulebook.resolution(),
        rulebook.principal(),
        absl::StrCat(rulebook.benefits_size()),
        rulebook.title(),
    });
  }
  return {{report}};
}

}  // namespace welfare::cli
