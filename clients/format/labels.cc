#include "clients/format/labels.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"

namespace welfare::format {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr Label kBenefitCategories[] = {
    {v1::BENEFIT_CATEGORY_BIRTH, "birth", "การเกิด", "birth"},
    {v1::BENEFIT_CATEGORY_SICKNESS, "sickness", "การเจ็บป่วย", "sickness"},
    {v1::BENEFIT_CATEGORY_ELDERLY, "elderly", "ผู้สูงอายุ", "elderly"},
    {v1::BENEFIT_CATEGORY_DEATH, "death", "การเสียชีวิต", "death"},
    {v1::BENEFIT_CATEGORY_FUNERAL, "funeral", "การจัดการศพ", "funeral"},
    {v1::BENEFIT_CATEGORY_DISADVANTAGED, "disadvantaged", "ผู้ด้อยโอกาสและคนพิการ",
     "disadvantaged and disabled"},
    {v1::BENEFIT_CATEGORY_OCCUPATION, "occupation", "ส่งเสริมอาชีพ", "occupation"},
    {v1::BENEFIT_CATEGORY_EDUCATION, "education", "การศึกษา", "education"},
    {v1::BENEFIT_CATEGORY_CULTURE, "culture", "ศาสนา วัฒนธรรม ประเพณี",
     "culture and tradition"},
    {v1::BENEFIT_CATEGORY_HOUSING_REPAIR, "housing-repair", "ซ่อมแซมที่อยู่อาศัย",
     "housing repair"},
    {v1::BENEFIT_CATEGORY_DISASTER, "disaster", "ภัยพิบัติ", "disaster"},
    {v1::BENEFIT_CATEGORY_PUBLIC_BENEFIT, "public-benefit",
     "กิจกรรมสาธารณประโยชน์", "public-benefit activities"},
    {v1::BENEFIT_CATEGORY_ENVIRONMENT, "environment", "สิ่งแวดล้อม",
     "environment"},
    {v1::BENEFIT_CATEGORY_PUBLIC_RELATIONS, "public-relations",
     "อื่นๆ: ประชาสัมพันธ์", "other: public relations"},
    {v1::BENEFIT_CATEGORY_PAYMENT_TO_ORGANISATION, "payment-to-organisation",
     "อื่นๆ: จ่ายให้องค์กร", "other: payments to the organisation"},
    {v1::BENEFIT_CATEGORY_COVID19, "covid19", "อื่นๆ: โควิด-19",
     "other: COVID-19"},
};

constexpr Label kContributionSources[] = {
    {v1::CONTRIBUTION_SOURCE_MEMBER_DUES, "member-dues", "เงินสัจจะ",
     "member dues"},
    {v1::CONTRIBUTION_SOURCE_ENTRY_FEE, "entry-fee", "ค่าสมัคร", "entry fee"},
    {v1::CONTRIBUTION_SOURCE_CODI_GRANT, "codi-grant", "เงินทุนเริ่มต้นจาก พอช.",
     "CODI start-up grant"},
    {v1::CONTRIBUTION_SOURCE_GOVERNMENT_MATCH, "government-match",
     "เงินสมทบจากรัฐบาล", "government match"},
    {v1::CONTRIBUTION_SOURCE_LOCAL_GOVERNMENT, "local-government",
     "เงินสมทบจาก อปท.", "local government"},
    {v1::CONTRIBUTION_SOURCE_OTHER_GOVERNMENT, "other-government",
     "เงินสนับสนุนจากหน่วยงานรัฐอื่น", "other government"},
    {v1::CONTRIBUTION_SOURCE_ACTIVITY_PROFIT, "activity-profit",
     "กำไรจากกิจกรรมชุมชน", "community activity profit"},
    {v1::CONTRIBUTION_SOURCE_DONATION, "donation", "เงินบริจาค", "donation"},
    {v1::CONTRIBUTION_SOURCE_BANK_INTEREST, "bank-interest",
     "ดอกเบี้ยเงินฝากธนาคาร", "bank interest"},
    {v1::CONTRIBUTION_SOURCE_LOAN_INTEREST, "loan-interest", "ดอกเบี้ยเงินกู้",
     "loan interest"},
    {v1::CONTRIBUTION_SOURCE_OTHER_INCOME, "other-income", "รายได้อื่น",
     "other income"},
};

constexpr Label kCostKinds[] = {
    {v1::COST_KIND_HELP_TO_NON_MEMBER, "help-to-non-member",
     "ช่วยเหลือผู้ที่ไม่ใช่สมาชิก", "help to non-members"},
    {v1::COST_KIND_STAFF, "staff", "ค่าตอบแทนเจ้าหน้าที่", "staff"},
    {v1::COST_KIND_TRANSPORT, "transport", "ค่าเดินทาง", "transport"},
    {v1::COST_KIND_STATIONERY, "stationery", "ค่าเครื่องเขียน", "stationery"},
    {v1::COST_KIND_MEETINGS, "meetings", "ค่าประชุม", "meetings"},
    {v1::COST_KIND_OTHER, "other", "ค่าใช้จ่ายอื่น", "other costs"},
};

constexpr Label kPayees[] = {
    {v1::PAYEE_MEMBER, "member", "สมาชิก", "member"},
    {v1::PAYEE_NOMINEE, "nominee", "ผู้รับผลประโยชน์", "nominee"},
    {v1::PAYEE_FAMILY, "family", "ครอบครัว", "family"},
};

constexpr Label kSexes[] = {
    {v1::SEX_FEMALE, "female", "หญิง", "female"},
    {v1::SEX_MALE, "male", "ชาย", "male"},
};

constexpr Label kMemberCategories[] = {
    {v1::MEMBER_CATEGORY_GENERAL, "general", "ทั่วไป", "general"},
    {v1::MEMBER_CATEGORY_CHILD, "child", "เด็ก", "child"},
    {v1::MEMBER_CATEGORY_ELDERLY, "elderly", "ผู้สูงอายุ", "elderly"},
    {v1::MEMBER_CATEGORY_DISADVANTAGED, "disadvantaged", "ผู้ด้อยโอกาส",
     "disadvantaged"},
    {v1::MEMBER_CATEGORY_DISABLED, "disabled", "คนพิการ", "disabled"},
    {v1::MEMBER_CATEGORY_ORPHAN, "orphan", "เด็กกำพร้า", "orphan"},
};

constexpr Label kMemberStatuses[] = {
    {v1::MEMBER_STATUS_ACTIVE, "active", "เป็นสมาชิก", "active"},
    {v1::MEMBER_STATUS_RESIGNED, "resigned", "ลาออก", "resigned"},
    {v1::MEMBER_STATUS_DECEASED, "deceased", "เสียชีวิต", "deceased"},
    {v1::MEMBER_STATUS_LAPSED, "lapsed", "ขาดส่งเงินสัจจะ", "lapsed"},
};

constexpr Label kEntryKinds[] = {
    {v1::ENTRY_KIND_FUND_CREATED, "fund-created", "ตั้งกองทุน", "fund created"},
    {v1::ENTRY_KIND_ACCOUNT_OPENED, "account-opened", "เปิดบัญชี",
     "account opened"},
    {v1::ENTRY_KIND_MEMBER_REGISTERED, "member-registered", "รับสมาชิก",
     "member registered"},
    {v1::ENTRY_KIND_MEMBER_STATUS_CHANGED, "member-status-changed",
     "เปลี่ยนสถานะสมาชิก", "member status changed"},
    {v1::ENTRY_KIND_MEMBER_PROFILE_CHANGED, "member-profile-changed",
     "แก้ไขข้อมูลส่วนบุคคล", "member profile changed"},
    {v1::ENTRY_KIND_MEMBER_PROFILE_ERASED, "member-profile-erased",
     "ลบข้อมูลส่วนบุคคล", "member profile erased"},
    {v1::ENTRY_KIND_CONTRIBUTION, "contribution", "รับเงิน", "contribution"},
    {v1::ENTRY_KIND_DISBURSEMENT, "disbursement", "จ่ายเงิน", "disbursement"},
    {v1::ENTRY_KIND_TRANSACTION, "transaction", "รายการบัญชี", "transaction"},
    {v1::ENTRY_KIND_REVERSAL, "reversal", "กลับรายการ", "reversal"},
    {v1::ENTRY_KIND_RULEBOOK_ADOPTED, "rulebook-adopted", "ออกระเบียบ",
     "rulebook adopted"},
    {v1::ENTRY_KIND_CLAIM_SUBMITTED, "claim-submitted", "ยื่นคำขอ",
     "claim submitted"},
    {v1::ENTRY_KIND_CLAIM_CERTIFIED, "claim-certified", "รับรองคำขอ",
     "claim certified"},
    {v1::ENTRY_KIND_CLAIM_APPROVED, "claim-approved", "อนุมัติคำขอ",
     "claim approved"},
    {v1::ENTRY_KIND_CLAIM_REJECTED, "claim-rejected", "ไม่อนุมัติคำขอ",
     "claim rejected"},
};

constexpr Label kAccountKinds[] = {
    {v1::ACCOUNT_KIND_CASH, "cash", "เงินสด", "cash"},
    {v1::ACCOUNT_KIND_BANK, "bank", "เงินฝากธนาคาร", "bank"},
    {v1::ACCOUNT_KIND_OTHER, "other", "อื่นๆ", "other"},
};

constexpr Label kAccountTypes[] = {
    {v1::ACCOUNT_TYPE_ASSET, "asset", "สินทรัพย์", "asset"},
    {v1::ACCOUNT_TYPE_LIABILITY, "liability", "หนี้สิน", "liability"},
    {v1::ACCOUNT_TYPE_FUND_BALANCE, "fund-balance", "ทุนของกองทุน",
     "fund balance"},
    {v1::ACCOUNT_TYPE_INCOME, "income", "รายได้", "income"},
    {v1::ACCOUNT_TYPE_EXPENSE, "expense", "ค่าใช้จ่าย", "expense"},
};

}  // namespace

absl::Span<const Label> BenefitCategoryLabels() { return kBenefitCategories; }
absl::Span<const Label> ContributionSourceLabels() {
  return kContributionSources;
}
absl::Span<const Label> CostKindLabels() { return kCostKinds; }
absl::Span<const Label> PayeeLabels() { return kPayees; }
absl::Span<const Label> SexLabels() { return kSexes; }
absl::Span<const Label> MemberCategoryLabels() { return kMemberCategories; }
absl::Span<const Label> MemberStatusLabels() { return kMemberStatuses; }
absl::Span<const Label> EntryKindLabels() { return kEntryKinds; }
absl::Span<const Label> AccountKindLabels() { return kAccountKinds; }
absl::Span<const Label> AccountTypeLabels() { return kAccountTypes; }

std::string LabelOf(absl::Span<const Label> labels, int value,
                    Language language) {
  if (value == 0) return "";
  for (const Label& label : labels) {
    if (label.value == value) {
      return language == Language::kThai ? label.thai : label.english;
    }
  }
  return absl::StrCat(value);
}

const Label* FindLabelByToken(absl::Span<const Label> labels,
                              absl::string_view token) {
  const std::string wanted =
      absl::StrReplaceAll(absl::AsciiStrToLower(token), {{"_", "-"}});
  for (const Label& label : labels) {
    if (wanted == label.token) return &label;
  }
  return nullptr;
}

std::string TokenList(absl::Span<const Label> labels,
                      absl::string_view separator) {
  std::string list;
  for (const Label& label : labels) {
    if (!list.empty()) absl::StrAppend(&list, separator);
    absl::StrAppend(&list, label.token);
  }
  return list;
}

}  // namespace welfare::format
