// Personal data stays where it belongs: a workload by every role, then
// welfared's log (everything it wrote to standard error) and every answer a
// partner received are scanned for each national ID, name and token used.
// None may appear. The scan is shown to work on the answers a treasurer
// received, which must contain the names.
#include <fstream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/access.grpc.pb.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr char kFund[] = "funds/ban-nong-khu";
constexpr int kMembers = 6;

std::string NameOf(int i) {
  const char* kGiven[] = {"สมศรี", "บุญมี", "ประเสริฐ", "มาลัย", "ทองใบ", "คำปุน"};
  return absl::StrCat("นาง", kGiven[i], " ศรีสะเกษ", i);
}

// "1-2345-67890-12-3", the way IDs are printed on Thai ID cards.
std::string Dashed(const std::string& id) {
  return absl::StrCat(id.substr(0, 1), "-", id.substr(1, 4), "-",
                      id.substr(5, 5), "-", id.substr(10, 2), "-",
                      id.substr(12, 1));
}

// Everything a message holds, as bytes and as text.
void Keep(const google::protobuf::Message& message, std::string* seen) {
  absl::StrAppend(seen, message.SerializeAsString(), "\n",
                  message.DebugString(), "\n");
}

class PrivacyScanTest : public ::testing::Test {
 protected:
  grpc::ClientContext* Context(const std::string& token) {
    contexts_.push_back(std::make_unique<grpc::ClientContext>());
    contexts_.back()->AddMetadata("authorization", "Bearer " + token);
    contexts_.back()->set_deadline(std::chrono::system_clock::now() +
                                   std::chrono::seconds(20));
    return contexts_.back().get();
  }

  std::string Add(const std::string& id, v1::Role role, bool all_funds) {
    auto access = v1::AccessService::NewStub(server_.NewChannel());
    v1::AddPrincipalRequest add;
    add.set_principal_id(id);
    add.set_role(role);
    add.set_display_name("ผู้ใช้ทดสอบ");
    if (all_funds) {
      add.set_all_funds(true);
    } else {
      add.add_funds(kFund);
    }
    v1::AddPrincipalResponse added;
    EXPECT_TRUE(
        access->AddPrincipal(Context(server_.admin_token()), add, &added).ok());
    return added.token();
  }

  TestServer server_;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts_;
};

TEST_F(PrivacyScanTest, NoNationalIdNameOrTokenReachesTheLogOrAPartner) {
  ::testing::internal::CaptureStderr();
  std::vector<std::string> secrets;  // Must appear nowhere scanned.
  std::vector<std::string> ids;
  std::vector<std::string> names;

  auto admin = server_.NewClient();
  v1::CreateFundRequest create;
  create.set_fund_id("ban-nong-khu");
  create.mutable_fund()->set_display_name("กองทุนสวัสดิการชุมชนหนองคู");
  create.mutable_fund()->set_area_code("330101");
  *create.mutable_fund()->mutable_founding_date() = MakeDate(2026, 1, 15);
  ASSERT_THAT(admin->CreateFund(create), IsOk());
  const std::string treasurer_token = Add("treasurer", v1::TREASURER, false);
  const std::string auditor_token = Add("auditor", v1::AUDITOR, true);
  const std::string partner_token = Add("partner", v1::PARTNER, true);
  const std::string wrong_token =
      "wlt_0123456789abcdef_" + std::string(64, 'e');
  for (const std::string& token : {server_.admin_token(), treasurer_token,
                                   auditor_token, partner_token, wrong_token}) {
    secrets.push_back(token);
    secrets.push_back(token.substr(4, 16));  // The key id.
    secrets.push_back(token.substr(21));     // The secret.
  }

  // The treasurer registers members, corrects a profile, records dues and
  // pays benefits.
  std::string treasurer_seen;
  auto treasurer = server_.NewClient(treasurer_token);
  for (int i = 0; i < kMembers; ++i) {
    ids.push_back(NationalIdFor(9000 + i));
    names.push_back(NameOf(i));
    v1::RegisterMemberRequest request;
    request.set_parent(kFund);
    v1::Member* member = request.mutable_member();
    member->set_category(v1::MEMBER_CATEGORY_GENERAL);
    *member->mutable_join_date() = MakeDate(2026, 2, 1);
    member->set_village_code("33010101");
    member->mutable_profile()->set_full_name(names.back());
    member->mutable_profile()->set_national_id(ids.back());
    member->mutable_profile()->set_nominee_name(names.back() + " ลูก");
    names.push_back(names.back() + " ลูก");
    auto registered = treasurer->RegisterMember(request);
    ASSERT_THAT(registered, IsOk());
    Keep(*registered, &treasurer_seen);
    v1::RecordContributionRequest dues;
    dues.set_parent(kFund);
    dues.mutable_contribution()->set_source(
        v1::CONTRIBUTION_SOURCE_MEMBER_DUES);
    dues.mutable_contribution()->set_amount_satang(9000);
    dues.mutable_contribution()->set_member_number(i + 1);
    dues.mutable_contribution()
        ->mutable_months()
        ->mutable_first_month()
        ->set_year(2026);
    dues.mutable_contribution()
        ->mutable_months()
        ->mutable_first_month()
        ->set_month(2);
    dues.mutable_contribution()->mutable_months()->set_month_count(3);
    *dues.mutable_contribution()->mutable_effective_date() =
        MakeDate(2026, 3, 1);
    ASSERT_THAT(treasurer->RecordContribution(dues), IsOk());
  }
  for (int member : {1, 2}) {
    v1::RecordDisbursementRequest pay;
    pay.set_parent(kFund);
    pay.mutable_disbursement()->mutable_benefit()->set_category(
        v1::BENEFIT_CATEGORY_SICKNESS);
    pay.mutable_disbursement()->mutable_benefit()->set_member_number(member);
    pay.mutable_disbursement()->set_amount_satang(1000);
    *pay.mutable_disbursement()->mutable_effective_date() =
        MakeDate(2026, 3, 2);
    ASSERT_THAT(treasurer->RecordDisbursement(pay), IsOk());
  }
  v1::UpdateMemberProfileRequest update;
  update.set_name(absl::StrCat(kFund, "/members/3"));
  update.mutable_profile()->set_full_name("นางมาลัย ใจงาม");
  update.mutable_profile()->set_phone("0812345678");
  names.push_back("นางมาลัย ใจงาม");
  ASSERT_THAT(treasurer->UpdateMemberProfile(update), IsOk());
  v1::ListMembersRequest list;
  list.set_parent(kFund);
  auto members = treasurer->ListMembers(list);
  ASSERT_THAT(members, IsOk());
  Keep(*members, &treasurer_seen);

  // The auditor reads passbooks and streams the journal.
  auto reports = v1::ReportService::NewStub(server_.NewChannel(auditor_token));
  for (int member = 1; member <= kMembers; ++member) {
    v1::GetPassbookRequest request;
    request.set_name(absl::StrCat(kFund, "/members/", member));
    v1::Passbook passbook;
    EXPECT_TRUE(
        reports->GetPassbook(Context(auditor_token), request, &passbook).ok());
  }
  auto audit = v1::AuditService::NewStub(server_.NewChannel(auditor_token));
  v1::StreamEntriesRequest stream;
  stream.set_fund(kFund);
  auto reader = audit->StreamEntries(Context(auditor_token), stream);
  v1::StoredEntries chunk;
  int chunks = 0;
  while (reader->Read(&chunk)) ++chunks;
  EXPECT_TRUE(reader->Finish().ok());
  EXPECT_GT(chunks, 0);

  // A guesser, and a partner trying what it may not, get refused (and
  // logged).
  auto guessed = server_.NewClient(wrong_token);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(guessed->ListMembers(list).status().code(),
              absl::StatusCode::kUnauthenticated);
  }
  // Everything a partner received, refusals included, kept.
  std::string partner_seen;
  auto partner_reads = server_.NewClient(partner_token);
  const absl::Status denied = partner_reads->ListMembers(list).status();
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  absl::StrAppend(&partner_seen, denied.ToString(), "\n");
  v1::GetMemberRequest member_request;
  member_request.set_name(absl::StrCat(kFund, "/members/1"));
  const absl::Status denied_member =
      partner_reads->GetMember(member_request).status();
  EXPECT_EQ(denied_member.code(), absl::StatusCode::kPermissionDenied);
  absl::StrAppend(&partner_seen, denied_member.ToString(), "\n");

  auto partner = v1::PartnerService::NewStub(server_.NewChannel(partner_token));
  v1::GetFundStatusRequest fund_status;
  fund_status.set_name(kFund);
  v1::FundStatus status;
  ASSERT_TRUE(
      partner->GetFundStatus(Context(partner_token), fund_status, &status)
          .ok());
  Keep(status, &partner_seen);
  for (const char* prefix : {"33", "3301", "330101"}) {
    v1::GetAreaStatusRequest area_request;
    area_request.set_area_code_prefix(prefix);
    v1::AreaStatus area;
    ASSERT_TRUE(
        partner->GetAreaStatus(Context(partner_token), area_request, &area)
            .ok());
    Keep(area, &partner_seen);
  }
  auto witness = v1::AuditService::NewStub(server_.NewChannel(partner_token));
  v1::GetCheckpointRequest checkpoint_request;
  checkpoint_request.set_fund(kFund);
  v1::SignedCheckpoint checkpoint;
  ASSERT_TRUE(witness
                  ->GetCheckpoint(Context(partner_token), checkpoint_request,
                                  &checkpoint)
                  .ok());
  Keep(checkpoint, &partner_seen);
  v1::VerifierKey key;
  ASSERT_TRUE(witness
                  ->GetVerifierKey(Context(partner_token),
                                   v1::GetVerifierKeyRequest(), &key)
                  .ok());
  Keep(key, &partner_seen);

  server_.Stop();  // Everything the server will log is logged.
  const std::string log = ::testing::internal::GetCapturedStderr();
  server_.Start();

  // The scan can see: the treasurer's answers hold the names, and the log
  // holds the refusals.
  for (int i = 0; i < kMembers; ++i) {
    EXPECT_NE(treasurer_seen.find(NameOf(i)), std::string::npos);
  }
  EXPECT_NE(log.find("CREDENTIALS_INVALID"), std::string::npos) << log;

  std::vector<std::string> forbidden = secrets;
  for (const std::string& id : ids) {
    forbidden.push_back(id);
    forbidden.push_back(Dashed(id));
  }
  forbidden.insert(forbidden.end(), names.begin(), names.end());
  for (const std::string& needle : forbidden) {
    EXPECT_EQ(log.find(needle), std::string::npos)
        << "the log holds \"" << needle << "\":\n"
        << log;
    EXPECT_EQ(partner_seen.find(needle), std::string::npos)
        << "a partner saw \"" << needle << "\"";
  }
  // National IDs and tokens do not reach the treasurer either: it sees IDs
  // masked.
  for (const std::string& id : ids) {
    EXPECT_EQ(treasurer_seen.find(id), std::string::npos);
  }
  for (const std::string& secret : secrets) {
    EXPECT_EQ(treasurer_seen.find(secret), std::string::npos);
  }
}

}  // namespace
}  // namespace welfare::testing
