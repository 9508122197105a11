// The built `welfare` binary's rulebook and claim commands against a real
// server: a rulebook adopted from a JSON file, a claim from submission to
// payment, the rules' caps and the committee's override, and the exit codes
// of refused steps and bad files.
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "tests/clients/cli_fixture.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kResolution[] = "มติที่ประชุมใหญ่สามัญประจำปี 2569 วาระที่ 5";
constexpr char kCommittee[] = "มติคณะกรรมการ ครั้งที่ 6/2569";

// Sickness: 200 baht a night, at most 5 nights a stay, no waiting period;
// death by years of membership, to the nominee, once.
constexpr char kRulebook[] = R"({
  "resolution": "มติที่ประชุมใหญ่สามัญประจำปี 2569 วาระที่ 5",
  "effectiveDate": {"year": 2026, "month": 2, "day": 1},
  "title": "ระเบียบกองทุนสวัสดิการชุมชนตำบลหนองคู พ.ศ. 2569",
  "dues": {"period": "DUES_PERIOD_MONTH", "amountSatang": "3000",
           "lapseAfterMonths": 3},
  "benefits": [
    {"category": "BENEFIT_CATEGORY_SICKNESS", "waitingDays": 0,
     "amountPerNightSatang": "20000", "nightsPerStayMax": 5},
    {"category": "BENEFIT_CATEGORY_DEATH", "onceOnly": true,
     "payee": "PAYEE_NOMINEE", "waitingDays": 180,
     "tiers": [{"minYears": 0, "amountSatang": "300000"},
               {"minYears": 5, "amountSatang": "1000000"}]}
  ]
})";

// The value of the "label  value" line of a record printed as a table;
// "" if there is no such line.
std::string FieldOf(const std::string& out, const std::string& label) {
  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    if (absl::ConsumePrefix(&line, label) && absl::StartsWith(line, " ")) {
      return std::string(absl::StripLeadingAsciiWhitespace(line));
    }
  }
  return "";
}

class ClaimsCliTest : public CliTest {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = absl::StrCat(dir_.path(), "/", name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // A fund, a member who joined on 1 February 2569 and paid her dues, and
  // a donation to pay benefits from.
  void CreateFundAndMember() {
    Outcome fund =
        Welfare({"fund", "create", kFund, "--name=กองทุนสวัสดิการชุมชนตำบลหนองคู",
                 "--area=330101", "--founded=2569-01-15"});
    ASSERT_EQ(fund.exit_code, 0) << fund.err;
    Outcome member = Welfare({"member", "register", kFund,
                              "--full-name=นางสมศรี ใจดี", "--joined=2569-02-01"},
                             NationalIdFor(1) + "\n");
    ASSERT_EQ(member.exit_code, 0) << member.err;
    Outcome dues =
        Welfare({"dues", kFund, "--member=1", "--amount=150", "--from=2569-02",
                 "--months=5", "--date=2569-06-01"});
    ASSERT_EQ(dues.exit_code, 0) << dues.err;
    Outcome gift = Welfare({"contribute", kFund, "--source=donation",
                            "--amount=10,000", "--payer=วัดหนองคู"});
    ASSERT_EQ(gift.exit_code, 0) << gift.err;
  }

  void AdoptRulebook() {
    Outcome adopted = Welfare(
        {"rulebook", "adopt", kFund, WriteFile("rulebook.json", kRulebook)});
    ASSERT_EQ(adopted.exit_code, 0) << adopted.err;
  }

  // Submits a sickness claim for member 1; returns its number.
  uint64_t SubmitSickness(int nights) {
    Outcome submitted = Welfare(
        {"claim", "submit", kFund, "--member=1", "--benefit=sickness",
         "--event-date=2569-06-10", absl::StrCat("--nights=", nights),
         "--description=ไข้เลือดออก โรงพยาบาลหนองคู", "--document=ใบรับรองแพทย์",
         "--document=ใบเสร็จโรงพยาบาล", "--output=json"});
    EXPECT_EQ(submitted.exit_code, 0) << submitted.err;
    v1::Claim claim;
    EXPECT_TRUE(
        google::protobuf::util::JsonStringToMessage(submitted.out, &claim).ok())
        << submitted.out;
    return claim.number();
  }

  // Certifies and approves claim `number`.
  void CertifyAndApprove(uint64_t number) {
    const std::string n = absl::StrCat(number);
    Outcome certified =
        Welfare({"claim", "certify", kFund, n, "--note=ผู้ใหญ่บ้านหมู่ 3 รับรอง"});
    ASSERT_EQ(certified.exit_code, 0) << certified.err;
    EXPECT_THAT(certified.out, HasSubstr("รับรองแล้ว"));
    Outcome approved = Welfare({"claim", "approve", kFund, n,
                                absl::StrCat("--resolution=", kCommittee)});
    ASSERT_EQ(approved.exit_code, 0) << approved.err;
    EXPECT_THAT(approved.out, HasSubstr("อนุมัติแล้ว"));
    EXPECT_THAT(approved.out, HasSubstr(kCommittee));
  }

  v1::ListRulebooksResponse Rulebooks() {
    Outcome listed = Welfare({"rulebook", "list", kFund, "--output=json"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    v1::ListRulebooksResponse list;
    EXPECT_TRUE(
        google::protobuf::util::JsonStringToMessage(listed.out, &list).ok())
        << listed.out;
    return list;
  }

  TempDir dir_;
};

TEST_F(ClaimsCliTest, AClaimIsSubmittedCertifiedApprovedAndPaid) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const std::string file = WriteFile("rulebook.json", kRulebook);
  Outcome adopted = Welfare({"rulebook", "adopt", kFund, file});
  ASSERT_EQ(adopted.exit_code, 0) << adopted.err;
  EXPECT_THAT(adopted.out, HasSubstr(kResolution));
  EXPECT_THAT(adopted.out, HasSubstr("1 กุมภาพันธ์ พ.ศ. 2569"));
  EXPECT_THAT(adopted.out, HasSubstr("30.00 บาท ต่อเดือน"));
  // Adopting the same file again is recorded once.
  const uint64_t size = JournalSize();
  ASSERT_EQ(Welfare({"rulebook", "adopt", kFund, file}).exit_code, 0);
  EXPECT_EQ(JournalSize(), size);
  EXPECT_EQ(Rulebooks().rulebooks_size(), 1);

  Outcome shown = Welfare({"rulebook", "show", kFund});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("การเจ็บป่วย"));
  EXPECT_THAT(shown.out, HasSubstr("200.00"));
  EXPECT_THAT(shown.out, HasSubstr("0 ปี 3,000.00; 5 ปี 10,000.00"));
  EXPECT_THAT(shown.out, HasSubstr("ผู้รับผลประโยชน์"));
  Outcome before = Welfare({"rulebook", "show", kFund, "--date=2569-01-31"});
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_THAT(before.err, HasSubstr("[RULEBOOK_NOT_FOUND]"));
  Outcome listed = Welfare({"rulebook", "list", kFund, "--language=en"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr(kResolution));
  EXPECT_THAT(listed.out, HasSubstr("01/02/2569"));

  Outcome submitted =
      Welfare({"claim", "submit", kFund, "--member=1", "--benefit=sickness",
               "--event-date=2569-06-10", "--nights=3",
               "--document=ใบรับรองแพทย์", "--proxy=นายสมชาย ใจดี"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  EXPECT_THAT(submitted.out, HasSubstr("ยื่นคำขอแล้ว"));
  EXPECT_THAT(submitted.out, HasSubstr("มีสิทธิ์ตามระเบียบ"));
  EXPECT_EQ(FieldOf(submitted.out, "ระเบียบให้จ่ายได้"), "600.00");
  EXPECT_EQ(FieldOf(submitted.out, "คืนที่จ่ายได้"), "3");
  EXPECT_THAT(submitted.out, HasSubstr("waiting period: 129 of 0 days"));
  EXPECT_THAT(submitted.out, HasSubstr("ผ่าน"));
  Outcome json = Welfare({"claim", "list", kFund, "--output=json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  v1::ListClaimsResponse claims;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json.out, &claims).ok());
  ASSERT_EQ(claims.claims_size(), 1);
  const std::string number = absl::StrCat(claims.claims(0).number());
  const std::string first = submitted.out.substr(0, submitted.out.find('\n'));
  EXPECT_THAT(first, StartsWith("คำขอเลขที่ "));
  EXPECT_THAT(first, EndsWith(absl::StrCat(" ", number)));

  ASSERT_NO_FATAL_FAILURE(CertifyAndApprove(claims.claims(0).number()));
  Outcome paid = Welfare({"claim", "pay", kFund, number, "--memo=จ่ายเงินสด"});
  ASSERT_EQ(paid.exit_code, 0) << paid.err;
  EXPECT_THAT(paid.out, HasSubstr("จ่ายแล้ว"));
  EXPECT_THAT(paid.out, HasSubstr("ใบสำคัญจ่าย 1/2569"));
  EXPECT_THAT(paid.out, HasSubstr("600.00 บาท"));
  EXPECT_THAT(paid.out, Not(HasSubstr("เกินระเบียบ")));

  Outcome claim = Welfare({"claim", "show", kFund, number});
  ASSERT_EQ(claim.exit_code, 0) << claim.err;
  for (const char* part :
       {"จ่ายแล้ว", "การเจ็บป่วย", "10/06/2569", "ใบรับรองแพทย์", "นายสมชาย ใจดี",
        "ผู้ใหญ่บ้านหมู่ 3 รับรอง", kCommittee, "จ่ายเงินสด", "600.00"}) {
    EXPECT_THAT(claim.out, HasSubstr(part));
  }
  Outcome voucher = Welfare({"voucher", "print", kFund, "1/2569"});
  ASSERT_EQ(voucher.exit_code, 0) << voucher.err;
  EXPECT_THAT(voucher.out, HasSubstr("(หกร้อยบาทถ้วน)"));

  Outcome table = Welfare({"claim", "list", kFund, "--state=paid"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("จ่ายแล้ว"));
  Outcome none =
      Welfare({"claim", "list", kFund, "--state=submitted", "--output=json"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.out, Not(HasSubstr("claims")));
}

TEST_F(ClaimsCliTest, NineNightsPayFiveUnlessTheCommitteeOverrides) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  ASSERT_NO_FATAL_FAILURE(AdoptRulebook());
  const uint64_t capped = SubmitSickness(9);
  ASSERT_NO_FATAL_FAILURE(CertifyAndApprove(capped));
  Outcome shown = Welfare({"claim", "show", kFund, absl::StrCat(capped)});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(FieldOf(shown.out, "ระเบียบให้จ่ายได้"), "1,000.00");
  EXPECT_EQ(FieldOf(shown.out, "คืนที่จ่ายได้"), "5");
  EXPECT_THAT(shown.out,
              HasSubstr("nights this stay: 9 asked, 5 paid at most"));
  EXPECT_THAT(shown.out, HasSubstr("ไข้เลือดออก โรงพยาบาลหนองคู"));

  const uint64_t size = JournalSize();
  Outcome refused =
      Welfare({"claim", "pay", kFund, absl::StrCat(capped), "--amount=1,800"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("[CLAIM_EXCEEDS_RULES]"));
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(JournalSize(), size);
  Outcome paid = Welfare({"claim", "pay", kFund, absl::StrCat(capped)});
  ASSERT_EQ(paid.exit_code, 0) << paid.err;
  EXPECT_THAT(paid.out, HasSubstr("1,000.00 บาท"));
  EXPECT_THAT(paid.out, HasSubstr("ใบสำคัญจ่าย 1/2569"));

  const uint64_t over = SubmitSickness(9);
  ASSERT_NO_FATAL_FAILURE(CertifyAndApprove(over));
  Outcome overridden =
      Welfare({"claim", "pay", kFund, absl::StrCat(over), "--amount=1,800",
               "--override=มติคณะกรรมการ ครั้งที่ 7/2569"});
  ASSERT_EQ(overridden.exit_code, 0) << overridden.err;
  EXPECT_THAT(overridden.out, HasSubstr("1,800.00 บาท"));
  EXPECT_THAT(overridden.out, HasSubstr("ใบสำคัญจ่าย 2/2569"));
  EXPECT_THAT(overridden.out,
              HasSubstr("เกินระเบียบตามมติ มติคณะกรรมการ ครั้งที่ 7/2569"));
  Outcome english =
      Welfare({"claim", "show", kFund, absl::StrCat(over), "--language=en"});
  ASSERT_EQ(english.exit_code, 0) << english.err;
  EXPECT_THAT(english.out, HasSubstr("OVER THE RULES by resolution "
                                     "มติคณะกรรมการ ครั้งที่ 7/2569"));
  EXPECT_THAT(english.out, HasSubstr("1,800.00"));
  Outcome list = Welfare({"claim", "list", kFund, "--member=1"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("เกินระเบียบตามมติ"));
}

TEST_F(ClaimsCliTest, AForbiddenStepExitsOneWithTheServersReason) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  ASSERT_NO_FATAL_FAILURE(AdoptRulebook());
  const uint64_t number = SubmitSickness(3);
  const uint64_t size = JournalSize();
  Outcome early = Welfare({"claim", "approve", kFund, absl::StrCat(number),
                           absl::StrCat("--resolution=", kCommittee)});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.err, StartsWith("welfare: "));
  EXPECT_THAT(early.err, HasSubstr("it must be CERTIFIED"));
  EXPECT_THAT(early.err, HasSubstr("[CLAIM_STATE_INVALID]"));
  EXPECT_EQ(early.out, "");
  Outcome unpaid = Welfare({"claim", "pay", kFund, absl::StrCat(number)});
  EXPECT_EQ(unpaid.exit_code, 1);
  EXPECT_THAT(unpaid.err, HasSubstr("[CLAIM_STATE_INVALID]"));
  Outcome missing = Welfare({"claim", "show", kFund, "999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("[CLAIM_NOT_FOUND]"));
  EXPECT_EQ(JournalSize(), size);

  Outcome rejected = Welfare(
      {"claim", "reject", kFund, absl::StrCat(number), "--reason=เอกสารไม่ครบ"});
  ASSERT_EQ(rejected.exit_code, 0) << rejected.err;
  EXPECT_THAT(rejected.out, HasSubstr("ไม่อนุมัติ"));
  EXPECT_THAT(rejected.out, HasSubstr("เอกสารไม่ครบ"));
}

TEST_F(ClaimsCliTest, BadInputExitsTwoAndSendsNothing) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  ASSERT_NO_FATAL_FAILURE(AdoptRulebook());
  const uint64_t size = JournalSize();
  const struct {
    std::vector<std::string> args;
    const char* message;
  } kCases[] = {
      {{"claim", "submit", kFund, "--member=1", "--benefit=flu",
        "--event-date=2569-06-10"},
       "--benefit: \"flu\"; want one of birth, sickness"},
      {{"claim", "submit", kFund, "--member=1", "--benefit=sickness"},
       "missing --event-date"},
      {{"claim", "submit", kFund, "--member=1", "--benefit=2",
        "--event-date=2569-02-30"},
       "--event-date: "},
      {{"claim", "submit", kFund, "--member=1", "--benefit=2",
        "--event-date=2569-06-10", "--nights=400"},
       "--nights: \"400\""},
      {{"claim", "submit", kFund, "--member=1", "--benefit=2",
        "--event-date=2569-06-10", "--payee=neighbour"},
       "--payee: \"neighbour\""},
      {{"claim", "approve", kFund, "1"}, "missing --resolution"},
      {{"claim", "reject", kFund, "1"}, "missing --reason"},
      {{"claim", "certify", kFund, "x"}, "\"x\" is not a claim number"},
      {{"claim", "pay", kFund, "1", "--amount=0"}, "--amount: 0 baht"},
      {{"claim", "pay", kFund, "1", "--override="}, "--override: empty"},
      {{"claim", "list", kFund, "--state=lost"},
       "want one of submitted, certified"},
      {{"rulebook", "show", kFund, "--date=2569-13-01"}, "--date: "},
      {{"rulebook", "adopt", kFund, "/nonexistent/rulebook.json"},
       "cannot open"},
  };
  for (const auto& c : kCases) {
    Outcome outcome = Welfare(c.args);
    SCOPED_TRACE(absl::StrJoin(c.args, " "));
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    EXPECT_THAT(outcome.err, StartsWith("welfare: "));
    EXPECT_THAT(outcome.err, HasSubstr(c.message));
    EXPECT_EQ(outcome.out, "");
  }
  EXPECT_EQ(JournalSize(), size);
}

TEST_F(ClaimsCliTest, AMalformedRulebookExitsTwoAndWritesNothing) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  const uint64_t size = JournalSize();
  for (const std::string& text :
       {std::string(R"({"resolution": "x", "benefits": [)"),
        std::string(R"({"resolution": "x", "benefitz": []})"),
        std::string(R"({"benefits": [{"category": "BENEFIT_CATEGORY_FLU"}]})"),
        std::string("resolution: x\n")}) {
    const std::string file = WriteFile("bad.json", text);
    Outcome outcome = Welfare({"rulebook", "adopt", kFund, file});
    EXPECT_EQ(outcome.exit_code, 2) << text;
    EXPECT_THAT(outcome.err, HasSubstr(absl::StrCat("\"", file, "\"")));
    EXPECT_THAT(outcome.err, HasSubstr("is not a rulebook in protobuf JSON"));
    EXPECT_EQ(outcome.out, "");
  }
  EXPECT_EQ(JournalSize(), size);
  EXPECT_EQ(Rulebooks().rulebooks_size(), 0);
  Outcome empty = Welfare({"rulebook", "list", kFund});
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_THAT(empty.out, Not(HasSubstr("วาระ")));
}

TEST_F(ClaimsCliTest, TheJsonOfRulebookShowAdoptsAgain) {
  ASSERT_NO_FATAL_FAILURE(CreateFundAndMember());
  ASSERT_NO_FATAL_FAILURE(AdoptRulebook());
  Outcome json = Welfare({"rulebook", "show", kFund, "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  v1::Rulebook written;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(json.out, &written).ok())
      << json.out;
  EXPECT_EQ(written.name(), "");
  EXPECT_EQ(written.sequence(), 0u);
  EXPECT_EQ(written.resolution(), kResolution);
  ASSERT_EQ(written.benefits_size(), 2);

  // The same rules from 1 October 2569, by the next general meeting.
  std::string text = json.out;
  const std::string from = R"("month": 2,)";
  ASSERT_THAT(text, HasSubstr(from));
  text.replace(text.find(from), from.size(), R"("month": 10,)");
  Outcome again = Welfare(
      {"rulebook", "adopt", kFund, "-", "--request-id=rulebook-2570"}, text);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  v1::ListRulebooksResponse list = Rulebooks();
  ASSERT_EQ(list.rulebooks_size(), 2);
  EXPECT_EQ(list.rulebooks(0).superseded_date().month(), 10);
  EXPECT_EQ(list.rulebooks(1).effective_date().month(), 10);
  EXPECT_EQ(list.rulebooks(1).benefits(0).SerializeAsString(),
            list.rulebooks(0).benefits(0).SerializeAsString());
  EXPECT_EQ(list.rulebooks(1).benefits(1).SerializeAsString(),
            list.rulebooks(0).benefits(1).SerializeAsString());
  EXPECT_EQ(list.rulebooks(1).dues().SerializeAsString(),
            list.rulebooks(0).dues().SerializeAsString());
  Outcome later = Welfare({"rulebook", "show", kFund, "--date=2569-10-01"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_THAT(later.out, HasSubstr("1 ตุลาคม พ.ศ. 2569"));
  EXPECT_THAT(later.out, HasSubstr("(ยังมีผล)"));
}

}  // namespace
}  // namespace welfare::testing
