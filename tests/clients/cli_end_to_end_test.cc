// The built `welfare` binary against a real server on a loopback port: a
// treasurer's session, read back as table, JSON and CSV, and the exit
// codes of each kind of failure.
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
#include "clients/format/width.h"
#include "google/protobuf/util/json_util.h"
#include "tests/clients/cli_fixture.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> Lines(const std::string& text,
                               const char* separator = "\n") {
  std::vector<std::string> lines = absl::StrSplit(text, separator);
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// The line that starts with `prefix`; "" if none.
std::string LineStarting(const std::string& text, const std::string& prefix) {
  for (const std::string& line : Lines(text)) {
    if (absl::StartsWith(line, prefix)) return line;
  }
  ADD_FAILURE() << "no line starts with " << prefix << " in\n" << text;
  return "";
}

// The display column just after `text` in `line`.
int ColumnAfter(const std::string& line, const std::string& text) {
  const size_t at = line.find(text);
  if (at == std::string::npos) return -1;
  return format::DisplayWidth(line.substr(0, at + text.size()));
}

using CliEndToEndTest = CliTest;

TEST_F(CliEndToEndTest, DuesReadBackAsTableJsonAndCsv) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  Outcome year =
      Welfare({"dues", kFund, "--member=1", "--amount=365", "--from=2569-10",
               "--months=12", "--date=2569-03-01", "--receipt=RC-0001"});
  ASSERT_EQ(year.exit_code, 0) << year.err;
  EXPECT_THAT(year.out, HasSubstr("10/2569\u201309/2570"));
  Outcome more = Welfare({"dues", kFund, "--member=1", "--amount=1,234.50",
                          "--from=10/2570", "--months=12"});
  ASSERT_EQ(more.exit_code, 0) << more.err;

  // The server agrees: 365 + 1,234.50 baht in cash and in dues income.
  v1::GetBalancesRequest request;
  request.set_parent(absl::StrCat("funds/", kFund));
  auto truth = client_->GetBalances(request);
  ASSERT_THAT(truth, IsOk());
  EXPECT_EQ(truth->total_debit_satang(), 159950);

  Outcome table = Welfare({"balances", kFund});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out,
              StartsWith("งบทดลอง ทุกรายการที่บันทึก (สมุดรายวัน 4 รายการ)\n"));
  const std::string cash = LineStarting(table.out, "1101  เงินสด");
  const std::string dues = LineStarting(table.out, "4101  เงินสัจจะสมาชิก");
  const std::string total = LineStarting(table.out, "      รวม");
  EXPECT_THAT(cash, HasSubstr("1,599.50"));
  EXPECT_THAT(dues, HasSubstr("1,599.50"));
  EXPECT_THAT(total, HasSubstr("1,599.50  1,599.50"));
  // Debits line up under each other, and credits, whatever the Thai.
  const int debit_column = ColumnAfter(cash, "1,599.50");
  EXPECT_EQ(ColumnAfter(total, "1,599.50"), debit_column);
  EXPECT_EQ(ColumnAfter(dues, "1,599.50"), format::DisplayWidth(total));
  EXPECT_GT(format::DisplayWidth(total), debit_column);

  Outcome json = Welfare({"balances", kFund, "--output=json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  v1::GetBalancesResponse parsed;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok())
      << json.out;
  EXPECT_EQ(parsed.SerializeAsString(), truth->SerializeAsString());

  Outcome csv = Welfare({"balances", kFund, "--output=csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "รหัส,บัญชี,เดบิต,เครดิต\r\n"
            "1101,เงินสด,1599.50,\r\n"
            "4101,เงินสัจจะสมาชิก,,1599.50\r\n"
            ",รวม,1599.50,1599.50\r\n");

  Outcome english = Welfare({"balances", kFund, "--as-of=2026-06-15",
                             "--calendar=gregorian", "--language=en"});
  ASSERT_EQ(english.exit_code, 0) << english.err;
  EXPECT_THAT(english.out, StartsWith("Trial balance as of 2026-06-15"));
  // The server gives account names in Thai only.
  EXPECT_THAT(LineStarting(english.out, "1101  เงินสด"), HasSubstr("1,599.50"));
  EXPECT_THAT(english.out, HasSubstr("Total"));
}

TEST_F(CliEndToEndTest, BadAmountExitsTwoAndWritesNothing) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const uint64_t size = JournalSize();
  for (const char* amount : {"12.345", "0.005", "-30", "30baht", "0", "1,23"}) {
    Outcome outcome =
        Welfare({"dues", kFund, "--member=1", absl::StrCat("--amount=", amount),
                 "--from=2569-10", "--months=1"});
    EXPECT_EQ(outcome.exit_code, 2) << amount;
    EXPECT_THAT(outcome.err, StartsWith("welfare: --amount: ")) << amount;
    EXPECT_EQ(outcome.out, "") << amount;
  }
  EXPECT_EQ(JournalSize(), size);
}

TEST_F(CliEndToEndTest, UnknownFundExitsOneWithTheServersReason) {
  Outcome read = Welfare({"balances", "no-such-fund"});
  EXPECT_EQ(read.exit_code, 1);
  EXPECT_THAT(read.err, StartsWith("welfare: "));
  EXPECT_THAT(read.err, HasSubstr("[FUND_NOT_FOUND]\n"));
  EXPECT_EQ(read.out, "");
  Outcome write = Welfare({"contribute", "no-such-fund", "--source=donation",
                           "--amount=100", "--payer=วัดหนองคู"});
  EXPECT_EQ(write.exit_code, 1);
  EXPECT_THAT(write.err, HasSubstr("[FUND_NOT_FOUND]"));
}

TEST_F(CliEndToEndTest, RefusalsCarryTheServersReason) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  ASSERT_EQ(Welfare({"dues", kFund, "--member=1", "--amount=30",
                     "--from=2569-03", "--months=1"})
                .exit_code,
            0);
  Outcome twice = Welfare({"dues", kFund, "--member=1", "--amount=30",
                           "--from=2569-03", "--months=1"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_THAT(twice.err,
              HasSubstr("has paid dues for 03/2569 already; want months not "
                        "yet paid [DUES_MONTHS_ALREADY_PAID]"));
  Outcome broke =
      Welfare({"benefit", kFund, "--member=1", "--category=sickness",
               "--amount=600", "--nights=3"});
  EXPECT_EQ(broke.exit_code, 1);
  EXPECT_THAT(broke.err, HasSubstr("[INSUFFICIENT_FUNDS]"));
  Outcome again = Welfare({"member", "register", kFund, "--full-name=ซ้ำ"},
                          NationalIdFor(1) + "\n");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("[MEMBER_ALREADY_REGISTERED]"));
}

// Dates are typed in BE and sent in CE; every refusal of one speaks BE. A
// date after today (this machine's, in Thailand) or before the ledger's
// years is refused before anything is sent. The test server's today is
// 15/06/2569, before this machine's: a date between them is the server's to
// refuse, in CE, and the tool shows that refusal in BE.
TEST_F(CliEndToEndTest, DatesAreRefusedInTheBuddhistEraTheyWereTypedIn) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const uint64_t size = JournalSize();
  const std::vector<std::string> donation = {"contribute", kFund,
                                             "--source=donation",
                                             "--amount=100", "--payer=วัดหนองคู"};
  auto dated = [&](const std::vector<std::string>& args, const char* date) {
    std::vector<std::string> line = args;
    line.push_back(absl::StrCat("--date=", date));
    return Welfare(line);
  };
  Outcome future = dated(donation, "01/01/2700");
  EXPECT_EQ(future.exit_code, 2);
  EXPECT_THAT(future.err,
              StartsWith("welfare: --date: \"01/01/2700\" is after today ("));
  EXPECT_THAT(future.err,
              ::testing::ContainsRegex(
                  "today \\(../../25.. in Thailand\\); want a date that "
                  "has come"));
  Outcome early = dated(donation, "31/12/2492");
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_THAT(early.err, HasSubstr("year 2492 is before the ledger's years; "
                                   "want a BE year from 2493"));
  EXPECT_EQ(JournalSize(), size);

  Outcome server = dated(donation, "2569-07-01");
  EXPECT_EQ(server.exit_code, 1);
  EXPECT_THAT(server.err,
              HasSubstr("01/07/2569 is after today (15/06/2569, Thai time); "
                        "want a date that has come [DATE_IN_FUTURE]\n"));
  EXPECT_THAT(server.err, Not(HasSubstr("2026")));
  Outcome before_joining = dated({"dues", kFund, "--member=1", "--amount=30",
                                  "--from=2569-01", "--months=1"},
                                 "15/01/2569");
  EXPECT_EQ(before_joining.exit_code, 1);
  EXPECT_THAT(before_joining.err,
              HasSubstr("member 1 joined on 01/02/2569, after 15/01/2569"));
  Outcome gregorian =
      dated({"contribute", kFund, "--source=donation", "--amount=100",
             "--payer=วัดหนองคู", "--calendar=gregorian"},
            "2026-07-01");
  EXPECT_THAT(gregorian.err,
              HasSubstr("2026-07-01 is after today (2026-06-15"));
  EXPECT_EQ(JournalSize(), size);
}

TEST_F(CliEndToEndTest, ARepeatedRequestIdIsRecordedOnce) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const std::vector<std::string> dues = {"dues",
                                         kFund,
                                         "--member=1",
                                         "--amount=30",
                                         "--from=2569-04",
                                         "--months=1",
                                         "--request-id=day-1:row-7"};
  ASSERT_EQ(Welfare(dues).exit_code, 0);
  const uint64_t size = JournalSize();
  Outcome again = Welfare(dues);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(JournalSize(), size);
}

TEST_F(CliEndToEndTest, BatchFromJsonAndEveryPageOfEntries) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const std::string batch = R"({"items": [
    {"contribution": {"source": "CONTRIBUTION_SOURCE_DONATION",
                      "amountSatang": "100000", "payer": "วัดหนองคู"}},
    {"disbursement": {"operatingCost": {"kind": "COST_KIND_STATIONERY",
                                        "description": "สมุดบัญชี"},
                      "amountSatang": "12050"}},
    {"transaction": {"postings": [
        {"accountCode": "1111", "side": "DEBIT", "amountSatang": "50000"},
        {"accountCode": "1101", "side": "CREDIT", "amountSatang": "50000"}]}}
  ]})";
  Outcome posted = Welfare({"batch", kFund, "-", "--output=json"}, batch);
  ASSERT_EQ(posted.exit_code, 0) << posted.err;
  v1::PostBatchResponse response;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(posted.out, &response).ok());
  EXPECT_EQ(response.first_sequence(), 3u);
  EXPECT_EQ(response.entry_count(), 3u);

  Outcome one_page = Welfare({"entry", "list", kFund, "--page-size=2"});
  ASSERT_EQ(one_page.exit_code, 0) << one_page.err;
  EXPECT_THAT(one_page.err, HasSubstr("--page-token="));
  Outcome every_page = Welfare(
      {"entry", "list", kFund, "--page-size=2", "--all", "--output=json"});
  ASSERT_EQ(every_page.exit_code, 0) << every_page.err;
  v1::ListEntriesResponse entries;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(every_page.out, &entries)
          .ok());
  ASSERT_EQ(entries.entries_size(), 5);
  for (int i = 0; i < entries.entries_size(); ++i) {
    EXPECT_EQ(entries.entries(i).sequence(), static_cast<uint64_t>(i + 1));
  }
  EXPECT_EQ(entries.next_page_token(), "");

  Outcome costs = Welfare({"entry", "list", kFund, "--kind=disbursement"});
  ASSERT_EQ(costs.exit_code, 0) << costs.err;
  EXPECT_THAT(LineStarting(costs.out, "      4  15/06/2569"),
              HasSubstr("120.50  ค่าเครื่องเขียน: สมุดบัญชี"));
}

TEST_F(CliEndToEndTest, AnAdministratorAddsATreasurerWhoseTokenWorksAtOnce) {
  TempDir dir;
  const std::string token_file = dir.path() + "/somsri.token";
  Outcome added = Welfare({"principal", "add", "somsri", "--role=treasurer",
                           "--funds=ban-nong-khu", "--name=นางสมศรี ใจดี",
                           absl::StrCat("--token-out=", token_file)});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("somsri"));
  const std::string token = ReadFile(token_file);
  EXPECT_EQ(token.rfind("wlt_", 0), 0u);
  const std::string secret = token.substr(21, 64);
  EXPECT_EQ(added.out.find(secret), std::string::npos);
  EXPECT_EQ(added.err.find(secret), std::string::npos);
  struct stat info;
  ASSERT_EQ(::stat(token_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);

  Outcome me =
      Welfare({"whoami", "--output=json", "--token_file=" + token_file});
  ASSERT_EQ(me.exit_code, 0) << me.err;
  EXPECT_THAT(me.out, HasSubstr("\"principals/somsri\""));
  EXPECT_THAT(me.out, HasSubstr("TREASURER"));

  // A treasurer may not add principals, and may not touch another fund.
  Outcome refused =
      Welfare({"principal", "list", "--token_file=" + token_file});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("[NOT_PERMITTED]"));
  Outcome other =
      Welfare({"fund", "get", "ban-khok", "--token_file=" + token_file});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_THAT(other.err, HasSubstr("[NOT_PERMITTED]"));

  // The token file is never overwritten.
  Outcome again =
      Welfare({"principal", "add", "somsri-2", "--role=auditor", "--all-funds",
               absl::StrCat("--token-out=", token_file)});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(ReadFile(token_file), token);

  Outcome revoked =
      Welfare({"principal", "revoke", "somsri", "--reason=พ้นวาระ"});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  Outcome after = Welfare({"whoami", "--token_file=" + token_file});
  EXPECT_EQ(after.exit_code, 1);
  EXPECT_THAT(after.err, HasSubstr("[CREDENTIALS_INVALID]"));
  Outcome changes = Welfare({"principal", "changes", "--language=en"});
  ASSERT_EQ(changes.exit_code, 0) << changes.err;
  EXPECT_THAT(changes.out, HasSubstr("revoked"));
  EXPECT_THAT(changes.out, HasSubstr("พ้นวาระ"));
}

TEST_F(CliEndToEndTest, ATokenOnTheCommandLineIsRefused) {
  Outcome outcome = Welfare({"whoami", "--token=wlt_0123"});
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_THAT(outcome.err, HasSubstr("--token_file"));
  EXPECT_EQ(outcome.err.find("wlt_0123"), std::string::npos);
}

TEST_F(CliEndToEndTest, WithoutATokenTheServerSaysHowToGiveOne) {
  Outcome outcome = RunWelfare(
      {"fund", "list", absl::StrCat("--server=", server_.target())}, "");
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_THAT(outcome.err, HasSubstr("[CREDENTIALS_MISSING]"));
  EXPECT_THAT(outcome.err, HasSubstr("WELFARE_TOKEN_FILE"));
}

TEST_F(CliEndToEndTest, TheServerAddressMayComeFromTheEnvironment) {
  Outcome outcome = RunWelfare(
      {"health"}, "", {absl::StrCat("WELFARE_SERVER=", server_.target())});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_THAT(outcome.out, HasSubstr("SERVING"));
}

TEST_F(CliEndToEndTest, AServerThatIsGoneExitsThree) {
  auto gone = std::make_unique<TestServer>();
  const std::string target = gone->target();
  gone.reset();
  Outcome read =
      RunWelfare({"fund", "get", kFund, absl::StrCat("--server=", target),
                  "--deadline_ms=2000"},
                 "");
  EXPECT_EQ(read.exit_code, 3);
  EXPECT_THAT(read.err, HasSubstr("[UNAVAILABLE]"));
  Outcome write =
      RunWelfare({"contribute", kFund, "--source=donation", "--amount=100",
                  absl::StrCat("--server=", target), "--request-id=gift-1"},
                 "");
  EXPECT_EQ(write.exit_code, 3);
  EXPECT_THAT(write.err, HasSubstr("--request-id=gift-1"));
}

}  // namespace
}  // namespace welfare::testing
