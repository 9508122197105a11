#include "services/auth/policy.h"

#include "google/protobuf/descriptor.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/access.pb.h"
#include "welfare/ledger/v1/audit.pb.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"
#include "welfare/ledger/v1/reports.pb.h"

namespace welfare::auth {
namespace {

using welfare::testing::HasError;
using welfare::testing::IsOk;

Principal Make(v1::Role role, std::vector<std::string> funds,
               bool all_funds = false) {
  Principal principal;
  principal.id = "someone";
  principal.role = role;
  principal.all_funds = all_funds;
  principal.fund_ids.insert(funds.begin(), funds.end());
  return principal;
}

TEST(PolicyTest, AMethodWithoutARuleIsRefusedToEveryone) {
  v1::GetFundRequest request;
  request.set_name("funds/ban-nong");
  for (v1::Role role :
       {v1::ADMINISTRATOR, v1::TREASURER, v1::AUDITOR, v1::PARTNER}) {
    EXPECT_THAT(Authorize(Make(role, {}, /*all_funds=*/true),
                          "/welfare.ledger.v1.FundService/DeleteFund", request),
                HasError(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED"));
  }
}

TEST(PolicyTest, FundScopedRulesReadTheFundFromTheRequest) {
  const Principal treasurer = Make(v1::TREASURER, {"ban-nong"});
  v1::GetMemberRequest member;
  member.set_name("funds/ban-nong/members/3");
  EXPECT_THAT(Authorize(treasurer, "/welfare.ledger.v1.MemberService/GetMember",
                        member),
              IsOk());
  member.set_name("funds/ban-nong-2/members/3");
  EXPECT_THAT(Authorize(treasurer, "/welfare.ledger.v1.MemberService/GetMember",
                        member),
              HasError(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED"));
  member.set_name("ban-nong/members/3");
  EXPECT_THAT(Authorize(treasurer, "/welfare.ledger.v1.MemberService/GetMember",
                        member),
              HasError(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED"));
  member.clear_name();
  EXPECT_THAT(Authorize(treasurer, "/welfare.ledger.v1.MemberService/GetMember",
                        member),
              HasError(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED"));
}

TEST(PolicyTest, AuditorsNeverWriteAndPartnersSeeOnlyAggregates) {
  const Principal auditor = Make(v1::AUDITOR, {}, /*all_funds=*/true);
  const Principal partner = Make(v1::PARTNER, {}, /*all_funds=*/true);
  v1::RecordContributionRequest write;
  write.set_parent("funds/ban-nong");
  v1::ReportRequest report;
  report.set_parent("funds/ban-nong");
  v1::GetFundStatusRequest status;
  status.set_name("funds/ban-nong");
  const char* kRecord = "/welfare.ledger.v1.LedgerService/RecordContribution";
  const char* kTrial = "/welfare.ledger.v1.ReportService/GetTrialBalance";
  const char* kStatus = "/welfare.ledger.v1.PartnerService/GetFundStatus";
  EXPECT_FALSE(Authorize(auditor, kRecord, write).ok());
  EXPECT_TRUE(Authorize(auditor, kTrial, report).ok());
  EXPECT_FALSE(Authorize(partner, kRecord, write).ok());
  EXPECT_FALSE(Authorize(partner, kTrial, report).ok());
  EXPECT_TRUE(Authorize(partner, kStatus, status).ok());
}

TEST(PolicyTest, AreaQueriesNeedAGrantOfAllFunds) {
  v1::GetAreaStatusRequest request;
  request.set_area_code_prefix("33");
  const char* kArea = "/welfare.ledger.v1.PartnerService/GetAreaStatus";
  EXPECT_FALSE(Authorize(Make(v1::PARTNER, {"ban-nong"}), kArea, request).ok());
  EXPECT_TRUE(Authorize(Make(v1::PARTNER, {}, true), kArea, request).ok());
}

// Every rule names a method that exists and, if fund-scoped, a string
// field of its request.
TEST(PolicyTest, EveryRuleNamesARealMethodAndField) {
  // Link every API file's descriptors into the pool.
  const google::protobuf::FileDescriptor* files[] = {
      v1::GetFundRequest::descriptor()->file(),
      v1::GetMemberRequest::descriptor()->file(),
      v1::GetEntryRequest::descriptor()->file(),
      v1::GetCheckpointRequest::descriptor()->file(),
      v1::ReportRequest::descriptor()->file(),
      v1::WhoAmIRequest::descriptor()->file()};
  for (const google::protobuf::FileDescriptor* file : files) {
    ASSERT_GT(file->service_count(), 0) << file->name();
  }
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const Rule& rule : Rules()) {
    std::string name = std::string(rule.method).substr(1);
    name[name.find('/')] = '.';
    const google::protobuf::MethodDescriptor* method =
        pool->FindMethodByName(name);
    ASSERT_NE(method, nullptr) << rule.method;
    if (rule.scope != Scope::kFund) continue;
    const google::protobuf::FieldDescriptor* field =
        method->input_type()->FindFieldByName(rule.fund_field);
    ASSERT_NE(field, nullptr) << rule.method << " " << rule.fund_field;
    EXPECT_EQ(field->type(), google::protobuf::FieldDescriptor::TYPE_STRING);
  }
}

TEST(PolicyTest, FundIdOfReadsTheFirstSegment) {
  EXPECT_EQ(FundIdOf("funds/ban-nong"), "ban-nong");
  EXPECT_EQ(FundIdOf("funds/ban-nong/entries/4"), "ban-nong");
  EXPECT_EQ(FundIdOf("fund/ban-nong"), "");
  EXPECT_EQ(FundIdOf(""), "");
}

}  // namespace
}  // namespace welfare::auth
