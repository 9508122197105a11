// The treasurer's paperwork through the `welfare` binary against a real
// server: receipts printed with the amount in words (and void after a
// reversal), a collection day from CSV, an import run twice.
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "tests/clients/cli_fixture.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

using PaperworkCliTest = CliTest;

TEST_F(PaperworkCliTest, AReceiptPrintsWithTheAmountInWordsAndThenAsVoid) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  Outcome dues =
      Welfare({"dues", kFund, "--member=1", "--amount=365", "--from=2569-03",
               "--months=12", "--date=2569-03-01"});
  ASSERT_EQ(dues.exit_code, 0) << dues.err;
  EXPECT_THAT(dues.out, HasSubstr("ใบเสร็จรับเงิน 1/2569"));
  auto entry = client_->GetEntry([] {
    v1::GetEntryRequest request;
    request.set_name(absl::StrCat("funds/", kFund, "/entries/3"));
    return request;
  }());
  ASSERT_THAT(entry, IsOk());
  ASSERT_EQ(entry->document().number(), 1u);
  const std::string hash = absl::BytesToHexString(entry->hash());

  Outcome printed = Welfare({"receipt", "print", kFund, "1/2569"});
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  for (const std::string& part :
       {std::string("ใบเสร็จรับเงิน"), std::string("กองทุนสวัสดิการชุมชนตำบลหนองคู"),
        std::string("1/2569"), std::string("1 มีนาคม พ.ศ. 2569"),
        std::string("สมาชิกเลขที่ 1 นางสมศรี ใจดี"), std::string("365.00 บาท"),
        std::string("(สามร้อยหกสิบห้าบาทถ้วน)"), hash}) {
    EXPECT_THAT(printed.out, HasSubstr(part));
  }
  EXPECT_THAT(printed.out, Not(HasSubstr("ยกเลิก")));
  Outcome english = Welfare(
      {"receipt", "print", kFund, "1/2026", "--language=en", "--calendar=ce"});
  ASSERT_EQ(english.exit_code, 0) << english.err;
  EXPECT_THAT(english.out, HasSubstr("RECEIPT"));
  EXPECT_THAT(english.out, HasSubstr("1 March 2026"));

  Outcome reversed =
      Welfare({"reverse", kFund, "3", "--reason=ลงผิดคน", "--date=2569-03-02"});
  ASSERT_EQ(reversed.exit_code, 0) << reversed.err;
  Outcome voided = Welfare({"receipt", "print", kFund, "1/2569"});
  ASSERT_EQ(voided.exit_code, 0) << voided.err;
  EXPECT_THAT(voided.out, HasSubstr("ยกเลิก: ลงผิดคน"));

  TempDir dir;
  const std::string page = dir.path() + "/receipt.html";
  Outcome html =
      Welfare({"receipt", "print", kFund, "1/2569", "--html=" + page});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string text = ReadFile(page);
  EXPECT_THAT(text, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(text, HasSubstr("(สามร้อยหกสิบห้าบาทถ้วน)"));
  EXPECT_THAT(text, HasSubstr("class=\"void\""));
  EXPECT_THAT(text, HasSubstr(hash));

  Outcome list = Welfare({"receipt", "list", kFund, "--year=2569"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("ลงผิดคน"));

  Outcome malformed = Welfare({"receipt", "print", kFund, "2569"});
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_THAT(malformed.err, HasSubstr("12/2569"));
  Outcome missing = Welfare({"receipt", "print", kFund, "2/2569"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("[DOCUMENT_NOT_FOUND]"));
  Outcome no_voucher = Welfare({"voucher", "print", kFund, "1/2569"});
  EXPECT_EQ(no_voucher.exit_code, 1);
}

TEST_F(PaperworkCliTest, ACollectionDayFromCsvIsAllOrNothing) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const uint64_t before = JournalSize();
  TempDir dir;
  const std::string bad_file = dir.path() + "/bad.csv";
  std::ofstream(bad_file) << "member,from,months,amount\n"
                          << "1,2569-03,1,30\n"
                          << "x,2569-04,1,30\n"
                          << "1,2569-13,1,30\n"
                          << ",,,\n"  // Blank, as spreadsheets export: skipped.
                          << "1,2569-05,12,1,095\n";
  Outcome unparsable =
      Welfare({"collect", kFund, bad_file, "--date=2569-03-05"});
  EXPECT_EQ(unparsable.exit_code, 2);
  EXPECT_THAT(unparsable.err, HasSubstr("line 3: member"));
  EXPECT_THAT(unparsable.err, HasSubstr("line 4: from"));
  EXPECT_THAT(unparsable.err, Not(HasSubstr("line 5")));
  EXPECT_THAT(unparsable.err, HasSubstr("line 6: 5 fields"));
  EXPECT_EQ(JournalSize(), before);

  const std::string refused_file = dir.path() + "/refused.csv";
  std::ofstream(refused_file) << "amount,member,from,months\n"
                              << "30,1,2569-03,1\n"
                              << "30,2,2569-03,1\n"
                              << "30,1,2569-03,1\n";
  Outcome dry = Welfare(
      {"collect", kFund, refused_file, "--date=2569-03-05", "--dry-run"});
  EXPECT_EQ(dry.exit_code, 1);
  EXPECT_THAT(dry.out, HasSubstr("MEMBER_NOT_FOUND"));
  EXPECT_THAT(dry.out, HasSubstr("DUES_MONTHS_ALREADY_PAID"));
  Outcome refused =
      Welfare({"collect", kFund, refused_file, "--date=2569-03-05"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("line 3 (member 2): MEMBER_NOT_FOUND"));
  EXPECT_THAT(refused.err,
              HasSubstr("line 4 (member 1): DUES_MONTHS_ALREADY_PAID"));
  EXPECT_THAT(refused.err, HasSubstr("[ROWS_INVALID]"));
  EXPECT_EQ(JournalSize(), before);

  const std::string good_file = dir.path() + "/good.csv";
  std::ofstream(good_file) << "member,from,months,amount\r\n"
                           << "1,03/2569,1,30\r\n"
                           << "1,2569-04,2,60.00\r\n";
  Outcome good = Welfare({"collect", kFund, good_file, "--date=2569-03-05"});
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_THAT(good.out, HasSubstr("90.00"));
  EXPECT_THAT(good.out, HasSubstr("ใบเสร็จรับเงิน 1/2569"));
  EXPECT_THAT(good.out, HasSubstr("ใบเสร็จรับเงิน 2/2569"));
  EXPECT_EQ(JournalSize(), before + 2);
}

TEST_F(PaperworkCliTest, AnImportRunTwiceWritesOnce) {
  v1::CreateFundRequest fund;
  fund.set_fund_id("ban-import");
  fund.mutable_fund()->set_display_name("กองทุนบ้านย้ายมา");
  fund.mutable_fund()->set_area_code("330101");
  // Its books began on paper before it was created here.
  *fund.mutable_fund()->mutable_founding_date() = MakeDate(2024, 10, 1);
  ASSERT_THAT(client_->CreateFund(fund), IsOk());
  // The same books into a fund founded today: every file is checked against
  // the founding before anything is sent.
  v1::CreateFundRequest late = fund;
  late.set_fund_id("ban-late");
  late.mutable_fund()->clear_founding_date();
  ASSERT_THAT(client_->CreateFund(late), IsOk());
  auto journal_size = [&] {
    v1::GetFundRequest request;
    request.set_name("funds/ban-import");
    auto got = client_->GetFund(request);
    EXPECT_THAT(got, IsOk());
    return got.ok() ? got->journal_size() : 0;
  };
  TempDir dir;
  const std::string members = dir.path() + "/members.csv";
  const std::string opening = dir.path() + "/opening.csv";
  const std::string dues = dir.path() + "/dues.csv";
  const std::string benefits = dir.path() + "/benefits.csv";
  std::ofstream(members)
      << "number,full_name,national_id,join_date,category,birth_date,sex\n"
      << "1,นางสมศรี ใจดี," << NationalIdFor(11)
      << ",2568-01-01,general,2488-05-01,female\n"
      << "2,นายสมชาย ใจดี," << NationalIdFor(12) << ",2568-02-01,elderly,,\n";
  std::ofstream(opening) << "account,balance\n1101,1000\n1111,5000\n";
  std::ofstream(dues) << "member,from,months,amount,date,receipt\n"
                      << "1,2568-10,12,365,2568-10-05,RC-1\n"
                      << "2,2568-10,6,180,2568-10-05,RC-2\n";
  std::ofstream(benefits) << "member,category,amount,date,nights\n"
                          << "1,sickness,200,2569-02-01,2\n";
  const std::vector<std::string> args = {"import",
                                         "ban-import",
                                         "--members=" + members,
                                         "--opening=" + opening,
                                         "--opening-date=2568-09-30",
                                         "--dues=" + dues,
                                         "--benefits=" + benefits};
  const uint64_t before = journal_size();

  std::vector<std::string> into_late = args;
  into_late[1] = "ban-late";
  Outcome too_early = Welfare(into_late);
  EXPECT_EQ(too_early.exit_code, 2);
  EXPECT_THAT(
      too_early.err,
      HasSubstr(members + " holds a date (01/01/2568) before the fund "
                          "was founded (15/06/2569); nothing was sent"));
  EXPECT_THAT(too_early.err, HasSubstr("--founded=DATE"));
  v1::GetFundRequest get_late;
  get_late.set_name("funds/ban-late");
  auto late_state = client_->GetFund(get_late);
  ASSERT_THAT(late_state, IsOk());
  EXPECT_EQ(late_state->journal_size(), 1u);
  EXPECT_EQ(late_state->member_count(), 0);

  std::vector<std::string> dry = args;
  dry.push_back("--dry-run");
  Outcome planned = Welfare(dry);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  EXPECT_THAT(planned.out, HasSubstr("members:          2"));
  EXPECT_THAT(planned.out, HasSubstr("dues:             2"));
  EXPECT_EQ(journal_size(), before);

  Outcome first = Welfare(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out,
              HasSubstr("5 writes new, 0 written by an earlier run"));
  // 2 members, the opening balances, 2 dues and 1 benefit.
  EXPECT_EQ(journal_size(), before + 6);
  v1::GetBalancesRequest balances;
  balances.set_parent("funds/ban-import");
  auto books = client_->GetBalances(balances);
  ASSERT_THAT(books, IsOk());
  std::map<std::string, int64_t> by_code;
  for (const auto& row : books->balances()) {
    by_code[row.account_code()] = row.balance_satang();
  }
  EXPECT_EQ(by_code["1101"], 100000 + 36500 + 18000 - 20000);
  EXPECT_EQ(by_code["3101"], 600000);
  EXPECT_EQ(by_code["5102"], 20000);
  // The birth date (BE 2488 is 1945, before the ledger's own years) and
  // sex went to the profile; a blank cell leaves them unrecorded.
  v1::GetMemberRequest get;
  get.set_name("funds/ban-import/members/1");
  auto first_member = client_->GetMember(get);
  ASSERT_THAT(first_member, IsOk());
  EXPECT_EQ(first_member->profile().birth_date().year(), 1945);
  EXPECT_EQ(first_member->profile().birth_date().month(), 5);
  EXPECT_EQ(first_member->profile().sex(), v1::SEX_FEMALE);
  Outcome shown = Welfare({"member", "get", "ban-import", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("01/05/2488"));
  EXPECT_THAT(shown.out, HasSubstr("หญิง"));
  get.set_name("funds/ban-import/members/2");
  auto second_member = client_->GetMember(get);
  ASSERT_THAT(second_member, IsOk());
  EXPECT_FALSE(second_member->profile().has_birth_date());
  EXPECT_EQ(second_member->profile().sex(), v1::SEX_UNSPECIFIED);

  Outcome second = Welfare(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out,
              HasSubstr("0 writes new, 5 written by an earlier run"));
  EXPECT_EQ(journal_size(), before + 6);

  std::ofstream(members, std::ios::app)
      << "4,ผิดลำดับ," << NationalIdFor(13) << ",2568-03-01\n";
  Outcome bad = Welfare(args);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("line 4: number: 4; want 3"));
  EXPECT_EQ(journal_size(), before + 6);

  std::ofstream(members, std::ios::trunc)
      << "number,full_name,national_id,join_date,birth_date,sex\n"
      << "1,นางสมศรี ใจดี," << NationalIdFor(11) << ",2568-01-01,2503-04-12,f\n"
      << "2,นายสมชาย ใจดี," << NationalIdFor(12) << ",2568-02-01,2503-02-30,\n"
      << "3,นายมา ทีหลัง," << NationalIdFor(13) << ",2568-03-01,2568-03-02,\n"
      << "4,นายเก่า มาก," << NationalIdFor(14) << ",2568-03-01,2442-12-31,\n";
  Outcome bad_profile = Welfare(args);
  EXPECT_EQ(bad_profile.exit_code, 2);
  EXPECT_THAT(bad_profile.err,
              HasSubstr("line 2: sex: \"f\"; want female or male"));
  EXPECT_THAT(bad_profile.err, HasSubstr("line 3: birth_date:"));
  EXPECT_THAT(bad_profile.err,
              HasSubstr("line 4: birth_date: \"2568-03-02\" is after "
                        "join_date"));
  EXPECT_THAT(bad_profile.err, HasSubstr("line 5: birth_date:"));
  EXPECT_EQ(journal_size(), before + 6);

  // Dues and benefits of a member the file registers are held to the join
  // date before anything is sent.
  std::ofstream(members, std::ios::trunc)
      << "number,full_name,national_id,join_date\n"
      << "1,นางสมศรี ใจดี," << NationalIdFor(11) << ",2568-01-01\n"
      << "2,นายสมชาย ใจดี," << NationalIdFor(12) << ",2568-02-01\n";
  std::ofstream(dues, std::ios::trunc)
      << "member,from,months,amount,date,receipt\n"
      << "1,2567-12,2,60,2568-10-05,RC-1\n"
      << "2,2568-02,6,180,2568-01-20,RC-2\n";
  Outcome before_joining = Welfare(args);
  EXPECT_EQ(before_joining.exit_code, 2);
  EXPECT_THAT(before_joining.err,
              HasSubstr("line 2: from: 12/2567 is before member 1 joined "
                        "(01/01/2568)"));
  EXPECT_THAT(before_joining.err,
              HasSubstr("line 3: date: 20/01/2568 is before member 2 joined "
                        "(01/02/2568)"));
  EXPECT_EQ(journal_size(), before + 6);
}

}  // namespace
}  // namespace welfare::testing
