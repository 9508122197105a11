#include "services/domain/chart.h"

namespace welfare::domain {
namespace {

namespace v1 = welfare::ledger::v1;

struct ChartLine {
  uint32_t code;
  const char* display_name;
  const char* english_name;
  v1::AccountKind kind;
};

constexpr v1::AccountKind kCash = v1::ACCOUNT_KIND_CASH;
constexpr v1::AccountKind kBank = v1::ACCOUNT_KIND_BANK;
constexpr v1::AccountKind kOther = v1::ACCOUNT_KIND_OTHER;

constexpr ChartLine kDefaultChart[] = {
    {1101, "เงินสด", "Cash on hand", kCash},
    {1111, "เงินฝากธนาคาร", "Bank deposits", kBank},
    {1201, "เงินลงทุน", "Investments", kOther},
    {1301, "ลูกหนี้เงินกู้สมาชิก", "Loans to members", kOther},
    {2101, "เงินสัจจะรับล่วงหน้า", "Dues paid in advance", kOther},
    {2201, "เงินสมทบส่วนเกินรอส่งคืน", "Matching excess to refund", kOther},
    {3101, "ทุนของกองทุน", "Fund capital", kOther},
    {3201, "ส่วนเกินสะสม", "Accumulated surplus", kOther},
    {4101, "เงินสัจจะสมาชิก", "Member dues", kOther},
    {4102, "ค่าสมัครสมาชิก", "Entry fees", kOther},
    {4201, "เงินทุนเริ่มต้นจาก พอช.", "CODI start-up grant", kOther},
    {4202, "เงินสมทบจากรัฐบาล", "Government match", kOther},
    {4203, "เงินสมทบจาก อปท.", "Local government contribution", kOther},
    {4204, "เงินสนับสนุนจากหน่วยงานรัฐอื่น", "Other government support", kOther},
    {4301, "กำไรจากกิจกรรมชุมชน", "Community activity profits", kOther},
    {4401, "เงินบริจาค", "Donations", kOther},
    {4501, "ดอกเบี้ยเงินฝากธนาคาร", "Bank interest", kOther},
    {4502, "ดอกเบี้ยเงินกู้", "Loan interest", kOther},
    {4509, "รายได้อื่น", "Other income", kOther},
    {5101, "สวัสดิการการเกิด", "Benefit: birth", kOther},
    {5102, "สวัสดิการการเจ็บป่วย", "Benefit: sickness", kOther},
    {5103, "สวัสดิการผู้สูงอายุ", "Benefit: elderly", kOther},
    {5104, "สวัสดิการการเสียชีวิต", "Benefit: death", kOther},
    {5105, "สวัสดิการการจัดการศพ", "Benefit: funeral", kOther},
    {5106, "สวัสดิการผู้ด้อยโอกาสและคนพิการ", "Benefit: disadvantaged and disabled",
     kOther},
    {5107, "สวัสดิการส่งเสริมอาชีพ", "Benefit: occupation", kOther},
    {5108, "สวัสดิการการศึกษา", "Benefit: education", kOther},
    {5109, "สวัสดิการศาสนา วัฒนธรรม ประเพณี", "Benefit: culture and tradition",
     kOther},
    {5110, "สวัสดิการซ่อมแซมที่อยู่อาศัย", "Benefit: housing repair", kOther},
    {5111, "สวัสดิการภัยพิบัติ", "Benefit: disaster", kOther},
    {5112, "สวัสดิการกิจกรรมสาธารณประโยชน์", "Benefit: public benefit", kOther},
    {5113, "สวัสดิการสิ่งแวดล้อม", "Benefit: environment", kOther},
    {5114, "อื่นๆ: ประชาสัมพันธ์", "Other: public relations", kOther},
    {5115, "อื่นๆ: จ่ายให้องค์กร", "Other: payments to the organisation", kOther},
    {5116, "อื่นๆ: โควิด-19", "Other: COVID-19", kOther},
    {5201, "ช่วยเหลือผู้ที่ไม่ใช่สมาชิก", "Help to non-members", kOther},
    {5301, "ค่าตอบแทนเจ้าหน้าที่", "Staff", kOther},
    {5302, "ค่าเดินทาง", "Transport", kOther},
    {5303, "ค่าเครื่องเขียน", "Stationery", kOther},
    {5304, "ค่าประชุม", "Meetings", kOther},
    {5399, "ค่าใช้จ่ายอื่น", "Other costs", kOther},
};

}  // namespace

std::vector<welfare::storage::v1::AccountRecord> DefaultChart() {
  std::vector<welfare::storage::v1::AccountRecord> chart;
  for (const ChartLine& line : kDefaultChart) {
    welfare::storage::v1::AccountRecord& account = chart.emplace_back();
    account.set_code(line.code);
    account.set_display_name(line.display_name);
    account.set_english_name(line.english_name);
    account.set_kind(line.kind);
  }
  return chart;
}

v1::AccountType AccountTypeOf(uint32_t code) {
  switch (code / 1000) {
    case 1:
      return v1::ACCOUNT_TYPE_ASSET;
    case 2:
      return v1::ACCOUNT_TYPE_LIABILITY;
    case 3:
      return v1::ACCOUNT_TYPE_FUND_BALANCE;
    case 4:
      return v1::ACCOUNT_TYPE_INCOME;
    case 5:
      return v1::ACCOUNT_TYPE_EXPENSE;
    default:
      return v1::ACCOUNT_TYPE_UNSPECIFIED;
  }
}

bool IsDebitNormal(uint32_t code) {
  const v1::AccountType type = AccountTypeOf(code);
  return type == v1::ACCOUNT_TYPE_ASSET || type == v1::ACCOUNT_TYPE_EXPENSE;
}

uint32_t IncomeAccountFor(v1::ContributionSource source) {
  switch (source) {
    case v1::CONTRIBUTION_SOURCE_MEMBER_DUES:
      return 4101;
    case v1::CONTRIBUTION_SOURCE_ENTRY_FEE:
      return 4102;
    case v1::CONTRIBUTION_SOURCE_CODI_GRANT:
      return 4201;
    case v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH:
      return 4202;
    case v1::CONTRIBUTION_SOURCE_LOCAL_GOVERNMENT:
      return 4203;
    case v1::CONTRIBUTION_SOURCE_OTHER_GOVERNMENT:
      return 4204;
    case v1::CONTRIBUTION_SOURCE_ACTIVITY_PROFIT:
      return 4301;
    case v1::CONTRIBUTION_SOURCE_DONATION:
      return 4401;
    case v1::CONTRIBUTION_SOURCE_BANK_INTEREST:
      return 4501;
    case v1::CONTRIBUTION_SOURCE_LOAN_INTEREST:
      return 4502;
    case v1::CONTRIBUTION_SOURCE_OTHER_INCOME:
      return 4509;
    default:
      return 0;
  }
}

uint32_t BenefitAccountFor(v1::BenefitCategory category) {
  const int number = static_cast<int>(category);
  return number >= 1 && number <= 16 ? 5100 + number : 0;
}

uint32_t CostAccountFor(v1::CostKind kind) {
  switch (kind) {
    case v1::COST_KIND_HELP_TO_NON_MEMBER:
      return 5201;
    case v1::COST_KIND_STAFF:
      return 5301;
    case v1::COST_KIND_TRANSPORT:
      return 5302;
    case v1::COST_KIND_STATIONERY:
      return 5303;
    case v1::COST_KIND_MEETINGS:
      return 5304;
    case v1::COST_KIND_OTHER:
      return 5399;
    default:
      return 0;
  }
}

}  // namespace welfare::domain
