#include "services/auth/policy.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "storage/errors.h"

namespace welfare::auth {
namespace {

constexpr RoleSet kAdmin = RoleBit(v1::ADMINISTRATOR);
constexpr RoleSet kTreasurer = RoleBit(v1::TREASURER);
constexpr RoleSet kAuditor = RoleBit(v1::AUDITOR);
constexpr RoleSet kPartner = RoleBit(v1::PARTNER);
constexpr RoleSet kWriters = kAdmin | kTreasurer;
constexpr RoleSet kReaders = kAdmin | kTreasurer | kAuditor;
constexpr RoleSet kEveryone = kReaders | kPartner;

#define WL_FUNDS "/welfare.ledger.v1.FundService/"
#define WL_MEMBERS "/welfare.ledger.v1.MemberService/"
#define WL_LEDGER "/welfare.ledger.v1.LedgerService/"
#define WL_RULEBOOKS "/welfare.ledger.v1.RulebookService/"
#define WL_CLAIMS "/welfare.ledger.v1.ClaimService/"
#define WL_REPORTS "/welfare.ledger.v1.ReportService/"
#define WL_PARTNER "/welfare.ledger.v1.PartnerService/"
#define WL_AUDIT "/welfare.ledger.v1.AuditService/"
#define WL_ACCESS "/welfare.ledger.v1.AccessService/"

const std::vector<Rule>* MakeRules() {
  using S = Scope;
  return new std::vector<Rule>{
      {WL_FUNDS "CreateFund", kAdmin, S::kAnyFund, nullptr},
      {WL_FUNDS "CreateAccount", kWriters, S::kFund, "parent"},
      {WL_FUNDS "GetFund", kReaders, S::kFund, "name"},
      {WL_FUNDS "ListFunds", kReaders, S::kAnyFund, nullptr},
      {WL_FUNDS "ListAccounts", kReaders, S::kFund, "parent"},

      {WL_MEMBERS "RegisterMember", kWriters, S::kFund, "parent"},
      {WL_MEMBERS "ChangeMemberStatus", kWriters, S::kFund, "name"},
      {WL_MEMBERS "UpdateMemberProfile", kWriters, S::kFund, "name"},
      {WL_MEMBERS "EraseMemberProfile", kWriters, S::kFund, "name"},
      {WL_MEMBERS "GetMember", kReaders, S::kFund, "name"},
      {WL_MEMBERS "ListMembers", kReaders, S::kFund, "parent"},

      {WL_LEDGER "RecordContribution", kWriters, S::kFund, "parent"},
      {WL_LEDGER "RecordDisbursement", kWriters, S::kFund, "parent"},
      {WL_LEDGER "PostTransaction", kWriters, S::kFund, "parent"},
      {WL_LEDGER "PostBatch", kWriters, S::kFund, "parent"},
      {WL_LEDGER "RecordCollectionDay", kWriters, S::kFund, "parent"},
      {WL_LEDGER "ReverseEntry", kWriters, S::kFund, "name"},
      {WL_LEDGER "GetEntry", kReaders, S::kFund, "name"},
      {WL_LEDGER "ListEntries", kReaders, S::kFund, "parent"},
      {WL_LEDGER "GetBalances", kReaders, S::kFund, "parent"},
      {WL_LEDGER "GetDocument", kReaders, S::kFund, "name"},
      {WL_LEDGER "ListDocuments", kReaders, S::kFund, "parent"},

      {WL_RULEBOOKS "AdoptRulebook", kWriters, S::kFund, "parent"},
      {WL_RULEBOOKS "GetRulebook", kReaders, S::kFund, "parent"},
      {WL_RULEBOOKS "ListRulebooks", kReaders, S::kFund, "parent"},

      // Claims hold health details: never partners.
      {WL_CLAIMS "SubmitClaim", kWriters, S::kFund, "parent"},
      {WL_CLAIMS "CertifyClaim", kWriters, S::kFund, "name"},
      {WL_CLAIMS "ApproveClaim", kWriters, S::kFund, "name"},
      {WL_CLAIMS "RejectClaim", kWriters, S::kFund, "name"},
      {WL_CLAIMS "PayClaim", kWriters, S::kFund, "name"},
      {WL_CLAIMS "GetClaim", kReaders, S::kFund, "name"},
      {WL_CLAIMS "ListClaims", kReaders, S::kFund, "parent"},

      {WL_REPORTS "GetTrialBalance", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetReceiptsAndPayments", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetIncomeAndExpenditure", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetBalanceSheet", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetPassbook", kReaders, S::kFund, "name"},
      {WL_REPORTS "GetBenefitsByCategory", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetContributionsBySource", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetFundStatusForm", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetDuesArrears", kReaders, S::kFund, "parent"},
      {WL_REPORTS "GetMatchEligibility", kReaders, S::kFund, "parent"},

      {WL_PARTNER "GetFundStatus", kEveryone, S::kFund, "name"},
      {WL_PARTNER "GetAreaStatus", kAdmin | kAuditor | kPartner, S::kAllFunds,
       nullptr},

      {WL_AUDIT "GetVerifierKey", kEveryone, S::kAnyFund, nullptr},
      {WL_AUDIT "GetCheckpoint", kEveryone, S::kFund, "fund"},
      {WL_AUDIT "GetConsistencyProof", kEveryone, S::kFund, "fund"},
      {WL_AUDIT "GetInclusionProof", kReaders, S::kFund, "fund"},
      {WL_AUDIT "StreamEntries", kReaders, S::kFund, "fund"},

      {WL_ACCESS "AddPrincipal", kAdmin, S::kAnyFund, nullptr},
      {WL_ACCESS "RevokePrincipal", kAdmin, S::kAnyFund, nullptr},
      {WL_ACCESS "ListPrincipals", kAdmin | kAuditor, S::kAllFunds, nullptr},
      {WL_ACCESS "ListAccessChanges", kAdmin | kAuditor, S::kAllFunds, nullptr},
      {WL_ACCESS "WhoAmI", kEveryone, S::kAnyFund, nullptr},
  };
}

absl::Status Denied(absl::string_view message) {
  return storage::Error(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED",
                        message);
}

}  // namespace

const std::vector<Rule>& Rules() {
  static const std::vector<Rule>* rules = MakeRules();
  return *rules;
}

const Rule* FindRule(absl::string_view method) {
  static const auto* by_method = [] {
    auto* map = new absl::flat_hash_map<absl::string_view, const Rule*>();
    for (const Rule& rule : Rules()) map->emplace(rule.method, &rule);
    return map;
  }();
  auto it = by_method->find(method);
  return it == by_method->end() ? nullptr : it->second;
}

absl::string_view FundIdOf(absl::string_view name) {
  if (!absl::ConsumePrefix(&name, "funds/")) return {};
  return name.substr(0, name.find('/'));
}

absl::string_view RoleText(v1::Role role) {
  switch (role) {
    case v1::ADMINISTRATOR:
      return "administrator";
    case v1::TREASURER:
      return "treasurer";
    case v1::AUDITOR:
      return "auditor";
    case v1::PARTNER:
      return "partner";
    default:
      return "no role";
  }
}

absl::Status Authorize(const Principal& principal, absl::string_view method,
                       const google::protobuf::Message& request) {
  const Rule* rule = FindRule(method);
  if (rule == nullptr) {
    return Denied(absl::StrCat(method,
                               " has no access rule, so it is "
                               "refused to everyone"));
  }
  if ((rule->roles & RoleBit(principal.role)) == 0) {
    return Denied(absl::StrCat("the ", RoleText(principal.role), " ",
                               principal.name(), " may not call ", method));
  }
  switch (rule->scope) {
    case Scope::kAnyFund:
      return absl::OkStatus();
    case Scope::kAllFunds:
      if (principal.all_funds) return absl::OkStatus();
      return Denied(absl::StrCat(method, " needs a grant of all funds; ",
                                 principal.name(), " has named funds only"));
    case Scope::kFund:
      break;
  }
  if (principal.all_funds) return absl::OkStatus();
  const google::protobuf::FieldDescriptor* field =
      request.GetDescriptor()->FindFieldByName(rule->fund_field);
  const std::string name =
      field != nullptr &&
              field->type() == google::protobuf::FieldDescriptor::TYPE_STRING &&
              !field->is_repeated()
          ? request.GetReflection()->GetString(request, field)
          : std::string();
  const absl::string_view fund_id = FundIdOf(name);
  if (fund_id.empty() || !principal.Covers(fund_id)) {
    return Denied(absl::StrCat(principal.name(), " has no grant for ",
                               rule->fund_field, " \"", name, "\""));
  }
  return absl::OkStatus();
}

}  // namespace welfare::auth
