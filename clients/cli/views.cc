#include "clients/cli/views.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace welfare::cli {
namespace {

namespace v1 = welfare::ledger::v1;
using format::AccountKindLabels;
using format::AccountTypeLabels;
using format::MemberCategoryLabels;
using format::MemberStatusLabels;
using format::SexLabels;

constexpr int kDefaultFiscalYearStartMonth = 10;

std::string MonthName(const Cells& cells, int month) {
  static constexpr const char* kThai[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.",
                                          "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
                                          "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
  static constexpr const char* kEnglish[] = {"Jan", "Feb", "Mar", "Apr",
                                             "May", "Jun", "Jul", "Aug",
                                             "Sep", "Oct", "Nov", "Dec"};
  if (month < 1 || month > 12) return absl::StrCat(month);
  return cells.Words(kThai[month - 1], kEnglish[month - 1]);
}

std::string Number(int64_t value) {
  return value == 0 ? "" : absl::StrCat(value);
}

std::string PaidMonths(const Cells& cells, const v1::Member& member) {
  std::vector<std::string> runs;
  for (const v1::MonthRange& run : member.paid_months()) {
    runs.push_back(cells.Months(run.first_month(), run.month_count()));
  }
  return absl::StrJoin(runs, ", ");
}

std::string FullName(const Cells& cells, const v1::MemberProfile& profile) {
  if (profile.erased()) return cells.Words("(ลบข้อมูลแล้ว)", "(erased)");
  return profile.full_name();
}

}  // namespace

std::string LastPart(const std::string& name) {
  const size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

Document FundView(const Cells& cells, const v1::Fund& fund) {
  Report report;
  report.record = true;
  report.columns = {
      cells.Text("กองทุน", "Fund"),
      cells.Text("ชื่อกองทุน", "Name"),
      cells.Text("รหัสตำบล", "Area"),
      cells.Text("หมู่บ้าน", "Villages"),
      cells.Text("ปีบัญชีเริ่มเดือน", "Fiscal year starts"),
      cells.Text("วันที่ก่อตั้ง", "Founded"),
      cells.Text("สร้างเมื่อ", "Created"),
      cells.Number("จำนวนรายการ", "Entries"),
      cells.Number("จำนวนสมาชิก", "Members"),
  };
  const int start = fund.fiscal_year_start_month() == 0
                        ? kDefaultFiscalYearStartMonth
                        : fund.fiscal_year_start_month();
  report.rows.push_back({
      LastPart(fund.name()),
      fund.display_name(),
      fund.area_code(),
      absl::StrJoin(fund.village_codes(), " "),
      MonthName(cells, start),
      cells.Date(fund.founding_date()),
      cells.Time(fund.create_time()),
      absl::StrCat(fund.journal_size()),
      absl::StrCat(fund.member_count()),
  });
  return {{report}};
}

Document FundListView(const Cells& cells, const v1::ListFundsResponse& funds) {
  Report report;
  report.columns = {
      cells.Text("กองทุน", "Fund"),       cells.Text("ชื่อกองทุน", "Name"),
      cells.Text("ตำบล", "Area"),        cells.Text("ก่อตั้ง", "Founded"),
      cells.Number("รายการ", "Entries"), cells.Number("สมาชิก", "Members"),
  };
  for (const v1::Fund& fund : funds.funds()) {
    report.rows.push_back({LastPart(fund.name()), fund.display_name(),
                           fund.area_code(), cells.Date(fund.founding_date()),
                           absl::StrCat(fund.journal_size()),
                           absl::StrCat(fund.member_count())});
  }
  return {{report}};
}

Document AccountListView(const Cells& cells,
                         const v1::ListAccountsResponse& accounts) {
  Report report;
  report.columns = {
      cells.Text("รหัส", "Code"),
      cells.Text("ชื่อบัญชี", "Name"),
      cells.Text("ชื่อภาษาอังกฤษ", "English name"),
      cells.Text("หมวด", "Type"),
      cells.Text("ชนิด", "Kind"),
      cells.Number("เปิดในรายการที่", "Opened in entry"),
  };
  for (const v1::Account& account : accounts.accounts()) {
    report.rows.push_back({account.code(), account.display_name(),
                           account.english_name(),
                           cells.Label(AccountTypeLabels(), account.type()),
                           cells.Label(AccountKindLabels(), account.kind()),
                           Number(account.opened_sequence())});
  }
  return {{report}};
}

Document AccountView(const Cells& cells, const v1::Account& account) {
  v1::ListAccountsResponse one;
  *one.add_accounts() = account;
  Document document = AccountListView(cells, one);
  document.reports[0].record = true;
  return document;
}

Document MemberView(const Cells& cells, const v1::Member& member) {
  Report report;
  report.record = true;
  report.columns = {
      cells.Number("สมาชิกเลขที่", "Member"),
      cells.Text("ชื่อ-สกุล", "Name"),
      cells.Text("เลขประจำตัวประชาชน", "National ID"),
      cells.Text("ประเภท", "Category"),
      cells.Text("สถานะ", "Status"),
      cells.Text("วันที่เข้าเป็นสมาชิก", "Joined"),
      cells.Text("หมู่บ้าน", "Village"),
      cells.Text("ที่อยู่", "Address"),
      cells.Text("ผู้รับผลประโยชน์", "Nominee"),
      cells.Text("ความสัมพันธ์", "Relationship"),
      cells.Text("โทรศัพท์", "Phone"),
      cells.Text("วันเกิด", "Born"),
      cells.Text("เพศ", "Sex"),
      cells.Text("เงินสัจจะชำระแล้ว", "Dues paid"),
      cells.Number("รับสมาชิกในรายการที่", "Registered in entry"),
  };
  const v1::MemberProfile& profile = member.profile();
  report.rows.push_back({
      absl::StrCat(member.member_number()),
      FullName(cells, profile),
      profile.national_id_masked(),
      cells.Label(MemberCategoryLabels(), member.category()),
      cells.Label(MemberStatusLabels(), member.status()),
      cells.Date(member.join_date()),
      member.village_code(),
      profile.address(),
      profile.nominee_name(),
      profile.nominee_relationship(),
      profile.phone(),
      profile.has_birth_date() ? cells.Date(profile.birth_date()) : "",
      cells.Label(SexLabels(), profile.sex()),
      PaidMonths(cells, member),
      Number(member.registered_sequence()),
  });
  Report history;
  history.title = cells.Words("ประวัติสถานะ", "Status history");
  history.columns = {
      cells.Text("วันที่", "Date"),
      cells.Text("สถานะ", "Status"),
      cells.Text("เหตุผล", "Reason"),
      cells.Number("รายการที่", "Entry"),
  };
  for (const v1::StatusChange& change : member.status_history()) {
    history.rows.push_back({cells.Date(change.effective_date()),
                            cells.Label(MemberStatusLabels(), change.status()),
                            change.reason(), Number(change.sequence())});
  }
  return {{report, history}};
}

Document MemberListView(const Cells& cells,
                        const v1::ListMembersResponse& list) {
  Report report;
  report.columns = {
      cells.Number("เลขที่", "No."),
      cells.Text("ชื่อ-สกุล", "Name"),
      cells.Text("ประเภท", "Category"),
      cells.Text("สถานะ", "Status"),
      cells.Text("เข้าเป็นสมาชิก", "Joined"),
      cells.Text("หมู่บ้าน", "Village"),
      cells.Text("เงินสัจจะชำระแล้ว", "Dues paid"),
  };
  for (const v1::Member& member : list.members()) {
    report.rows.push_back(
        {absl::StrCat(member.member_number()),
         FullName(cells, member.profile()),
         cells.Label(MemberCategoryLabels(), member.category()),
         cells.Label(MemberStatusLabels(), member.status()),
         cells.Date(member.join_date()), member.village_code(),
         PaidMonths(cells, member)});
  }
  return {{report}};
}

}  // namespace welfare::cli
