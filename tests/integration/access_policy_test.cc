// Deny by default, checked from the outside: every RPC of every service,
// enumerated from the service descriptors, is called by every role, with a
// fund of the caller's grant, a fund outside it, and a fund that does not
// exist, and the outcome is compared with the table below. An RPC added
// without a row here (or without a rule in services/auth/policy.cc) fails.
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/descriptor.h"
#include "grpcpp/generic/generic_stub.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/access.grpc.pb.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"
#include "welfare/ledger/v1/claims.grpc.pb.h"
#include "welfare/ledger/v1/funds.grpc.pb.h"
#include "welfare/ledger/v1/ledger.grpc.pb.h"
#include "welfare/ledger/v1/members.grpc.pb.h"
#include "welfare/ledger/v1/reports.grpc.pb.h"
#include "welfare/ledger/v1/rules.grpc.pb.h"

namespace welfare {
namespace {

namespace v1 = welfare::ledger::v1;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

// Who may call what: roles A(dministrator) T(reasurer) U (auditor)
// P(artner); scope '-' no fund, 'f' the request's fund, '*' all funds.
struct Expectation {
  const char* roles;
  char scope;
};
const std::map<std::string, Expectation>& Table() {
  static const auto* table = new std::map<std::string, Expectation>{
      {"AccessService.AddPrincipal", {"A", '-'}},
      {"AccessService.RevokePrincipal", {"A", '-'}},
      {"AccessService.ListPrincipals", {"AU", '*'}},
      {"AccessService.ListAccessChanges", {"AU", '*'}},
      {"AccessService.WhoAmI", {"ATUP", '-'}},
      {"FundService.CreateFund", {"A", '-'}},
      {"FundService.CreateAccount", {"AT", 'f'}},
      {"FundService.GetFund", {"ATU", 'f'}},
      {"FundService.ListFunds", {"ATU", '-'}},
      {"FundService.ListAccounts", {"ATU", 'f'}},
      {"MemberService.RegisterMember", {"AT", 'f'}},
      {"MemberService.ChangeMemberStatus", {"AT", 'f'}},
      {"MemberService.UpdateMemberProfile", {"AT", 'f'}},
      {"MemberService.EraseMemberProfile", {"AT", 'f'}},
      {"MemberService.GetMember", {"ATU", 'f'}},
      {"MemberService.ListMembers", {"ATU", 'f'}},
      {"LedgerService.RecordContribution", {"AT", 'f'}},
      {"LedgerService.RecordDisbursement", {"AT", 'f'}},
      {"LedgerService.PostTransaction", {"AT", 'f'}},
      {"LedgerService.PostBatch", {"AT", 'f'}},
      {"LedgerService.RecordCollectionDay", {"AT", 'f'}},
      {"LedgerService.ReverseEntry", {"AT", 'f'}},
      {"LedgerService.GetEntry", {"ATU", 'f'}},
      {"LedgerService.ListEntries", {"ATU", 'f'}},
      {"LedgerService.GetBalances", {"ATU", 'f'}},
      {"LedgerService.GetDocument", {"ATU", 'f'}},
      {"LedgerService.ListDocuments", {"ATU", 'f'}},
      {"RulebookService.AdoptRulebook", {"AT", 'f'}},
      {"RulebookService.GetRulebook", {"ATU", 'f'}},
      {"RulebookService.ListRulebooks", {"ATU", 'f'}},
      // Claims hold health details: never partners.
      {"ClaimService.SubmitClaim", {"AT", 'f'}},
      {"ClaimService.CertifyClaim", {"AT", 'f'}},
      {"ClaimService.ApproveClaim", {"AT", 'f'}},
      {"ClaimService.RejectClaim", {"AT", 'f'}},
      {"ClaimService.PayClaim", {"AT", 'f'}},
      {"ClaimService.GetClaim", {"ATU", 'f'}},
      {"ClaimService.ListClaims", {"ATU", 'f'}},
      {"ReportService.GetTrialBalance", {"ATU", 'f'}},
      {"ReportService.GetReceiptsAndPayments", {"ATU", 'f'}},
      {"ReportService.GetIncomeAndExpenditure", {"ATU", 'f'}},
      {"ReportService.GetBalanceSheet", {"ATU", 'f'}},
      {"ReportService.GetPassbook", {"ATU", 'f'}},
      {"ReportService.GetBenefitsByCategory", {"ATU", 'f'}},
      {"ReportService.GetContributionsBySource", {"ATU", 'f'}},
      {"ReportService.GetFundStatusForm", {"ATU", 'f'}},
      {"ReportService.GetDuesArrears", {"ATU", 'f'}},
      {"ReportService.GetMatchEligibility", {"ATU", 'f'}},
      {"PartnerService.GetFundStatus", {"ATUP", 'f'}},
      {"PartnerService.GetAreaStatus", {"AUP", '*'}},
      {"AuditService.GetVerifierKey", {"ATUP", '-'}},
      {"AuditService.GetCheckpoint", {"ATUP", 'f'}},
      {"AuditService.GetConsistencyProof", {"ATUP", 'f'}},
      {"AuditService.GetInclusionProof", {"ATU", 'f'}},
      {"AuditService.StreamEntries", {"ATU", 'f'}},
  };
  return *table;
}

struct Caller {
  std::string id;
  char role;  // As in the table.
  bool all_funds;
  std::string token;
};

struct Outcome {
  grpc::StatusCode code;
  std::string reason;
  std::string message;
};

Outcome OutcomeOf(const grpc::Status& status,
                  const grpc::ClientContext& context) {
  Outcome outcome{status.error_code(), "", status.error_message()};
  const auto& trailers = context.GetServerTrailingMetadata();
  if (auto it = trailers.find("welfare-error-reason"); it != trailers.end()) {
    outcome.reason = std::string(it->second.data(), it->second.size());
  }
  return outcome;
}

class AccessPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    channel_ = grpc::CreateChannel(server_.target(),
                                   grpc::InsecureChannelCredentials());
    admin_token_ = server_.admin_token();
    CreateFund("in-fund", "330101");
    CreateFund("out-fund", "330101");
    callers_.push_back({"admin", 'A', true, admin_token_});
    AddCaller("treasurer-in", 'T', v1::TREASURER, false);
    AddCaller("treasurer-all", 'T', v1::TREASURER, true);
    AddCaller("auditor-in", 'U', v1::AUDITOR, false);
    AddCaller("auditor-all", 'U', v1::AUDITOR, true);
    AddCaller("partner-in", 'P', v1::PARTNER, false);
    AddCaller("partner-all", 'P', v1::PARTNER, true);
  }

  // Creates a fund as the administrator.
  void CreateFund(const std::string& fund_id, const std::string& area_code) {
    v1::CreateFundRequest create;
    create.set_fund_id(fund_id);
    create.set_request_id("create-" + fund_id);
    create.mutable_fund()->set_display_name("กองทุนทดสอบ");
    // Before every date the test writes.
    *create.mutable_fund()->mutable_founding_date() =
        testing::MakeDate(2025, 1, 1);
    create.mutable_fund()->set_area_code(area_code);
    v1::Fund created;
    const Outcome outcome = Unary("/welfare.ledger.v1.FundService/CreateFund",
                                  create, admin_token_, &created);
    ASSERT_EQ(outcome.code, grpc::StatusCode::OK) << outcome.message;
  }

  void AddCaller(const std::string& id, char letter, v1::Role role,
                 bool all_funds) {
    v1::AddPrincipalRequest add;
    add.set_principal_id(id);
    add.set_role(role);
    if (all_funds) {
      add.set_all_funds(true);
    } else {
      add.add_funds("funds/in-fund");
    }
    v1::AddPrincipalResponse added;
    Outcome outcome = Unary("/welfare.ledger.v1.AccessService/AddPrincipal",
                            add, admin_token_, &added);
    ASSERT_EQ(outcome.code, grpc::StatusCode::OK) << outcome.message;
    callers_.push_back({id, letter, all_funds, added.token()});
  }

  // A unary call by full method name; token empty means no credentials.
  Outcome Unary(const std::string& method, const Message& request,
                const std::string& token, Message* response) {
    grpc::GenericStub stub(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(20));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    grpc::ByteBuffer request_bytes;
    grpc::ByteBuffer response_bytes;
    {
      grpc::Slice slice(request.SerializeAsString());
      request_bytes = grpc::ByteBuffer(&slice, 1);
    }
    absl::Notification done;
    grpc::Status status;
    stub.UnaryCall(&context, method, grpc::StubOptions(), &request_bytes,
                   &response_bytes, [&](grpc::Status s) {
                     status = std::move(s);
                     done.Notify();
                   });
    done.WaitForNotification();
    if (status.ok() && response != nullptr) {
      std::vector<grpc::Slice> slices;
      EXPECT_TRUE(response_bytes.Dump(&slices).ok());
      std::string bytes;
      for (const grpc::Slice& s : slices) {
        bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
      }
      EXPECT_TRUE(response->ParseFromString(bytes));
    }
    return OutcomeOf(status, context);
  }

  // Any RPC: unary ones generically, the one server stream by its stub.
  Outcome Call(const MethodDescriptor* method, const Message& request,
               const std::string& token) {
    const std::string path =
        absl::StrCat("/", method->service()->full_name(), "/", method->name());
    if (!method->server_streaming() && !method->client_streaming()) {
      return Unary(path, request, token, nullptr);
    }
    if (path != "/welfare.ledger.v1.AuditService/StreamEntries") {
      ADD_FAILURE() << path << " streams: teach this test to call it";
      return {grpc::StatusCode::UNKNOWN, "", ""};
    }
    auto stub = v1::AuditService::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(20));
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    auto reader = stub->StreamEntries(
        &context, static_cast<const v1::StreamEntriesRequest&>(request));
    v1::StoredEntries chunk;
    while (reader->Read(&chunk)) {
    }
    grpc::Status status = reader->Finish();
    return OutcomeOf(status, context);
  }

  // The request of method naming fund (if it names one at all).
  static std::unique_ptr<Message> RequestFor(const MethodDescriptor* method,
                                             const std::string& fund_id) {
    std::unique_ptr<Message> request(
        google::protobuf::MessageFactory::generated_factory()
            ->GetPrototype(method->input_type())
            ->New());
    for (const char* field_name : {"parent", "name", "fund"}) {
      const auto* field = method->input_type()->FindFieldByName(field_name);
      if (field != nullptr &&
          field->type() == google::protobuf::FieldDescriptor::TYPE_STRING &&
          !field->is_repeated()) {
        request->GetReflection()->SetString(request.get(), field,
                                            "funds/" + fund_id);
        break;
      }
    }
    return request;
  }

  // Every method of every welfare.ledger.v1 service.
  static std::vector<const MethodDescriptor*> Methods() {
    const google::protobuf::FileDescriptor* files[] = {
        v1::AddPrincipalRequest::descriptor()->file(),
        v1::GetFundRequest::descriptor()->file(),
        v1::GetMemberRequest::descriptor()->file(),
        v1::GetEntryRequest::descriptor()->file(),
        v1::ReportRequest::descriptor()->file(),
        v1::GetRulebookRequest::descriptor()->file(),
        v1::GetClaimRequest::descriptor()->file(),
        v1::GetCheckpointRequest::descriptor()->file()};
    std::vector<const MethodDescriptor*> methods;
    for (const auto* file : files) {
      for (int s = 0; s < file->service_count(); ++s) {
        for (int m = 0; m < file->service(s)->method_count(); ++m) {
          methods.push_back(file->service(s)->method(m));
        }
      }
    }
    return methods;
  }

  testing::TestServer server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::string admin_token_;
  std::vector<Caller> callers_;
};

TEST_F(AccessPolicyTest, EveryRpcOfEveryServiceHasItsExactOutcomeForEveryRole) {
  const std::vector<const MethodDescriptor*> methods = Methods();
  ASSERT_GE(methods.size(), Table().size());
  int denied = 0;
  int admitted = 0;
  for (const MethodDescriptor* method : methods) {
    const std::string key =
        absl::StrCat(method->service()->name(), ".", method->name());
    auto row = Table().find(key);
    if (row == Table().end()) {
      ADD_FAILURE() << key << " has no row in this test's table (and needs "
                    << "a rule in services/auth/policy.cc)";
      continue;
    }
    const Expectation want = row->second;
    for (const Caller& caller : callers_) {
      std::map<std::string, Outcome> denials;
      for (const std::string fund : {"in-fund", "out-fund", "ghost-fund"}) {
        SCOPED_TRACE(absl::StrCat(key, " by ", caller.id, " on ", fund));
        const bool role_may =
            std::string(want.roles).find(caller.role) != std::string::npos;
        const bool scope_may = want.scope == '-' || caller.all_funds ||
                               (want.scope == 'f' && fund == "in-fund");
        std::unique_ptr<Message> request = RequestFor(method, fund);
        const Outcome outcome = Call(method, *request, caller.token);
        if (role_may && scope_may) {
          ++admitted;
          EXPECT_NE(outcome.code, grpc::StatusCode::PERMISSION_DENIED)
              << outcome.message;
          EXPECT_NE(outcome.code, grpc::StatusCode::UNAUTHENTICATED)
              << outcome.message;
        } else {
          ++denied;
          EXPECT_EQ(outcome.code, grpc::StatusCode::PERMISSION_DENIED)
              << outcome.message;
          EXPECT_EQ(outcome.reason, "NOT_PERMITTED");
          denials[fund] = outcome;
        }
      }
      // A fund outside the grant and one that does not exist are refused
      // alike: the answer tells nothing of what exists.
      if (denials.count("out-fund") && denials.count("ghost-fund")) {
        EXPECT_EQ(absl::StrReplaceAll(denials["out-fund"].message,
                                      {{"out-fund", "X"}}),
                  absl::StrReplaceAll(denials["ghost-fund"].message,
                                      {{"ghost-fund", "X"}}))
            << key << " by " << caller.id;
      }
    }
    // Without credentials, nothing is admitted.
    const Outcome anonymous = Call(method, *RequestFor(method, "in-fund"), "");
    EXPECT_EQ(anonymous.code, grpc::StatusCode::UNAUTHENTICATED) << key;
    EXPECT_EQ(anonymous.reason, "CREDENTIALS_MISSING") << key;
  }
  for (const auto& [key, expectation] : Table()) {
    bool found = false;
    for (const MethodDescriptor* method : methods) {
      found |=
          key == absl::StrCat(method->service()->name(), ".", method->name());
    }
    EXPECT_TRUE(found) << key << " is in the table but not in any service";
  }
  EXPECT_GT(denied, 300);
  EXPECT_GT(admitted, 150);
}

TEST_F(AccessPolicyTest, ARevokedTokenStopsWorkingAtOnce) {
  v1::WhoAmIRequest who;
  v1::Principal me;
  const std::string token = callers_[1].token;  // treasurer-in
  ASSERT_EQ(
      Unary("/welfare.ledger.v1.AccessService/WhoAmI", who, token, &me).code,
      grpc::StatusCode::OK);
  EXPECT_EQ(me.name(), "principals/treasurer-in");
  v1::RevokePrincipalRequest revoke;
  revoke.set_name("principals/treasurer-in");
  revoke.set_reason("term ended");
  v1::Principal revoked;
  ASSERT_EQ(Unary("/welfare.ledger.v1.AccessService/RevokePrincipal", revoke,
                  admin_token_, &revoked)
                .code,
            grpc::StatusCode::OK);
  const Outcome after =
      Unary("/welfare.ledger.v1.AccessService/WhoAmI", who, token, nullptr);
  EXPECT_EQ(after.code, grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(after.reason, "CREDENTIALS_INVALID");
  // The auditor of all funds sees the revocation in the access record.
  v1::ListAccessChangesResponse changes;
  ASSERT_EQ(Unary("/welfare.ledger.v1.AccessService/ListAccessChanges",
                  v1::ListAccessChangesRequest(), callers_[4].token, &changes)
                .code,
            grpc::StatusCode::OK);
  ASSERT_GE(changes.changes_size(), 2);
  const v1::AccessChange& last = *changes.changes().rbegin();
  EXPECT_EQ(last.action(), v1::AccessChange::REVOKED);
  EXPECT_EQ(last.actor(), "principals/admin");
  EXPECT_EQ(last.principal().name(), "principals/treasurer-in");
  EXPECT_EQ(last.principal().revoke_reason(), "term ended");
}

TEST_F(AccessPolicyTest, EntriesRecordThePrincipalThatWroteThem) {
  v1::CreateAccountRequest account;
  account.set_parent("funds/in-fund");
  account.set_request_id("account-4190");
  account.mutable_account()->set_code("4190");
  account.mutable_account()->set_display_name("รายได้อื่น");
  v1::Account created;
  const Outcome outcome = Unary("/welfare.ledger.v1.FundService/CreateAccount",
                                account, callers_[1].token, &created);
  ASSERT_EQ(outcome.code, grpc::StatusCode::OK) << outcome.message;
  v1::ListEntriesRequest list;
  list.set_parent("funds/in-fund");
  v1::ListEntriesResponse entries;
  ASSERT_EQ(Unary("/welfare.ledger.v1.LedgerService/ListEntries", list,
                  callers_[3].token, &entries)
                .code,
            grpc::StatusCode::OK);
  ASSERT_EQ(entries.entries_size(), 2);
  EXPECT_EQ(entries.entries(0).principal(), "principals/admin");
  EXPECT_EQ(entries.entries(1).principal(), "principals/treasurer-in");
}

TEST_F(AccessPolicyTest, ListFundsPagesStepOnlyThroughTheGrant) {
  CreateFund("a-fund", "330102");
  CreateFund("z-fund", "330102");
  // Page by page, one fund at a time: nothing but in-fund, and no page
  // token that names or counts another fund.
  v1::ListFundsRequest request;
  request.set_page_size(1);
  std::vector<std::string> seen;
  int pages = 0;
  do {
    v1::ListFundsResponse page;
    ASSERT_EQ(Unary("/welfare.ledger.v1.FundService/ListFunds", request,
                    callers_[3].token, &page)
                  .code,
              grpc::StatusCode::OK);
    for (const v1::Fund& fund : page.funds()) seen.push_back(fund.name());
    request.set_page_token(page.next_page_token());
    ASSERT_LT(++pages, 10);
  } while (!request.page_token().empty());
  EXPECT_EQ(seen, std::vector<std::string>{"funds/in-fund"});
  EXPECT_EQ(pages, 1);
  // An area filter tells nothing of the funds outside the grant either.
  request.set_area_code_prefix("330102");
  v1::ListFundsResponse area;
  ASSERT_EQ(Unary("/welfare.ledger.v1.FundService/ListFunds", request,
                  callers_[3].token, &area)
                .code,
            grpc::StatusCode::OK);
  EXPECT_EQ(area.funds_size(), 0);
  EXPECT_EQ(area.next_page_token(), "");
}

TEST_F(AccessPolicyTest, ListFundsShowsOnlyTheFundsOfTheGrant) {
  v1::ListFundsResponse funds;
  ASSERT_EQ(Unary("/welfare.ledger.v1.FundService/ListFunds",
                  v1::ListFundsRequest(), callers_[3].token, &funds)
                .code,
            grpc::StatusCode::OK);
  ASSERT_EQ(funds.funds_size(), 1);
  EXPECT_EQ(funds.funds(0).name(), "funds/in-fund");
  ASSERT_EQ(Unary("/welfare.ledger.v1.FundService/ListFunds",
                  v1::ListFundsRequest(), callers_[4].token, &funds)
                .code,
            grpc::StatusCode::OK);
  EXPECT_EQ(funds.funds_size(), 2);
}

}  // namespace
}  // namespace welfare
