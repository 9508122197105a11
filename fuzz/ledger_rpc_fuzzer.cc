// Every RPC of the domain (services/domain/ledger.h, reports.h, partner.h)
// with a fuzzed request, against a real Ledger on RocksDB.
//
//   input := rpc:u8 request
//
// rpc % kRpcs picks the call (kCalls below); request is parsed as its
// request message (input that does not parse is skipped) and submitted as
// the gRPC edge would, for principal "fuzz", waiting for a write's answer.
// Each answer must be OK or an error with a documented code and a reason
// that names a welfare.ledger.v1.ErrorReason; INTERNAL, UNKNOWN and
// DATA_LOSS never answer a request, however malformed.
//
// The Ledger is opened once per process, on a fresh folder under /dev/shm
// (or $TMPDIR) removed at exit, with a fake clock at 2026-06-15 12:00 in
// Thailand. Fund "fuzz-fund" is set up first (CreateFixture): a donation,
// members 1 and 2 with dues paid from January 2024, a rulebook, claim 8
// (submitted), claim 9 (approved) and claim 12 (certified). Inputs share
// the database, so what one writes the next may act on: a crash may need
// the inputs before it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/text_format.h"
#include "services/domain/ledger.h"
#include "services/domain/partner.h"
#include "services/domain/reports.h"
#include "storage/clock.h"
#include "storage/errors.h"
#include "welfare/ledger/v1/types.pb.h"

namespace {

namespace domain = welfare::domain;
namespace v1 = welfare::ledger::v1;

// 2026-06-15 12:00 in Thailand (05:00 UTC), as the tests' clock.
constexpr int64_t kNowMicros = 1781499600LL * 1000000;
constexpr char kPrincipal[] = "fuzz";
constexpr char kPepper[] = "welfare-fuzz-national-id-pepper!";

void Require(bool condition, absl::string_view what = "") {
  if (condition) return;
  std::fprintf(stderr, "ledger_rpc_fuzzer: %.*s\n",
               static_cast<int>(what.size()), what.data());
  std::abort();
}

// An answer is OK or a documented refusal with its reason.
void CheckAnswer(const absl::Status& status) {
  if (status.ok()) return;
  const absl::StatusCode code = status.code();
  Require(code != absl::StatusCode::kInternal &&
              code != absl::StatusCode::kUnknown &&
              code != absl::StatusCode::kDataLoss,
          status.ToString());
  const std::string reason = welfare::storage::ReasonOf(status);
  v1::ErrorReason value;
  Require(v1::ErrorReason_Parse(reason, &value),
          absl::StrCat("no ErrorReason in ", status.ToString()));
}

struct World {
  std::string dir;
  welfare::storage::FakeClock clock{kNowMicros};
  std::unique_ptr<domain::Ledger> ledger;
  std::unique_ptr<domain::Reports> reports;
  std::unique_ptr<domain::Partner> partner;
};

World* world = nullptr;

void CloseWorld() {
  if (world == nullptr) return;
  world->partner.reset();
  world->reports.reset();
  world->ledger.reset();
  std::error_code ignored;
  std::filesystem::remove_all(world->dir, ignored);
}

std::string MakeFolder() {
  const char* base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : nullptr;
  if (base == nullptr) base = std::getenv("TMPDIR");
  std::string pattern =
      absl::StrCat(base != nullptr ? base : "/tmp", "/welfare-fuzz-XXXXXX");
  Require(mkdtemp(pattern.data()) != nullptr, "cannot make a folder");
  return pattern;
}

// ---- Calls: parse, submit, wait, check. ----

template <typename Request>
bool Parse(absl::string_view bytes, Request* request) {
  return request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

template <typename Request, typename Response>
using WriteMethod = void (domain::Ledger::*)(const std::string&, const Request&,
                                             domain::Done<Response>);

template <typename Request, typename Response>
absl::StatusOr<Response> Write(WriteMethod<Request, Response> method,
                               const Request& request) {
  absl::Notification answered;
  absl::StatusOr<Response> answer;
  (world->ledger.get()->*method)(kPrincipal, request,
                                 [&](absl::StatusOr<Response> result) {
                                   answer = std::move(result);
                                   answered.Notify();
                                 });
  answered.WaitForNotification();
  return answer;
}

template <typename Request, typename Response>
std::function<void(absl::string_view)> WriteCall(
    WriteMethod<Request, Response> method) {
  return [method](absl::string_view bytes) {
    Request request;
    if (Parse(bytes, &request)) CheckAnswer(Write(method, request).status());
  };
}

template <typename Service, typename Request, typename Response>
std::function<void(absl::string_view)> ReadCall(
    const Service* (*service)(),
    absl::StatusOr<Response> (Service::*method)(const Request&) const) {
  return [service, method](absl::string_view bytes) {
    Request request;
    if (Parse(bytes, &request))
      CheckAnswer((service()->*method)(request).status());
  };
}

const domain::Ledger* TheLedger() { return world->ledger.get(); }
const domain::Reports* TheReports() { return world->reports.get(); }
const domain::Partner* ThePartner() { return world->partner.get(); }

using L = domain::Ledger;
using R = domain::Reports;
using P = domain::Partner;

const std::vector<std::function<void(absl::string_view)>>& Calls() {
  static const auto* const calls =
      new std::vector<std::function<void(absl::string_view)>>{
          // 0..17: writes.
          WriteCall(&L::CreateFund),
          WriteCall(&L::CreateAccount),
          WriteCall(&L::RegisterMember),
          WriteCall(&L::ChangeMemberStatus),
          WriteCall(&L::UpdateMemberProfile),
          WriteCall(&L::EraseMemberProfile),
          WriteCall(&L::RecordContribution),
          WriteCall(&L::RecordDisbursement),
          WriteCall(&L::PostTransaction),
          WriteCall(&L::PostBatch),
          WriteCall(&L::RecordCollectionDay),
          WriteCall(&L::ReverseEntry),
          WriteCall(&L::AdoptRulebook),
          WriteCall(&L::SubmitClaim),
          WriteCall(&L::CertifyClaim),
          WriteCall(&L::ApproveClaim),
          WriteCall(&L::RejectClaim),
          WriteCall(&L::PayClaim),
          // 18..31: reads.
          ReadCall(&TheLedger, &L::GetFund),
          [](absl::string_view bytes) {
            v1::ListFundsRequest request;
            if (Parse(bytes, &request)) {
              CheckAnswer(TheLedger()->ListFunds(request).status());
              const std::vector<std::string> only = {"fuzz-fund", "other"};
              CheckAnswer(TheLedger()->ListFunds(request, &only).status());
            }
          },
          ReadCall(&TheLedger, &L::ListAccounts),
          ReadCall(&TheLedger, &L::GetMember),
          ReadCall(&TheLedger, &L::ListMembers),
          ReadCall(&TheLedger, &L::GetEntry),
          ReadCall(&TheLedger, &L::ListEntries),
          ReadCall(&TheLedger, &L::GetBalances),
          ReadCall(&TheLedger, &L::GetDocument),
          ReadCall(&TheLedger, &L::ListDocuments),
          ReadCall(&TheLedger, &L::GetRulebook),
          ReadCall(&TheLedger, &L::ListRulebooks),
          ReadCall(&TheLedger, &L::GetClaim),
          ReadCall(&TheLedger, &L::ListClaims),
          // 32..41: reports; 42..43: partner agencies.
          ReadCall(&TheReports, &R::GetTrialBalance),
          ReadCall(&TheReports, &R::GetReceiptsAndPayments),
          ReadCall(&TheReports, &R::GetIncomeAndExpenditure),
          ReadCall(&TheReports, &R::GetBalanceSheet),
          ReadCall(&TheReports, &R::GetPassbook),
          ReadCall(&TheReports, &R::GetBenefitsByCategory),
          ReadCall(&TheReports, &R::GetContributionsBySource),
          ReadCall(&TheReports, &R::GetFundStatusForm),
          ReadCall(&TheReports, &R::GetDuesArrears),
          ReadCall(&TheReports, &R::GetMatchEligibility),
          ReadCall(&ThePartner, &P::GetFundStatus),
          ReadCall(&ThePartner, &P::GetAreaStatus),
      };
  return *calls;
}

// ---- The fund every input starts from. ----

template <typename Message>
Message FromText(const char* text) {
  Message message;
  Require(google::protobuf::TextFormat::ParseFromString(text, &message), text);
  return message;
}

// A valid 13-digit national ID ending in its check digit.
std::string NationalId(int n) {
  std::string digits = absl::StrCat("11000000000", n % 10);
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * (13 - i);
  digits.push_back(static_cast<char>('0' + (11 - sum % 11) % 10));
  return digits;
}

template <typename Request, typename Response>
Response MustWrite(WriteMethod<Request, Response> method,
                   const Request& request) {
  absl::StatusOr<Response> answer = Write(method, request);
  Require(answer.ok(), answer.status().ToString());
  return *std::move(answer);
}

void CreateFixture() {
  MustWrite(&L::CreateFund, FromText<v1::CreateFundRequest>(R"pb(
    fund_id: "fuzz-fund"
    request_id: "setup-fund"
    fund {
      display_name: "กองทุนสวัสดิการชุมชนทดสอบ"
      area_code: "330101"
      founding_date { year: 2024 month: 1 day: 1 }
    })pb"));
  MustWrite(&L::RecordContribution,
            FromText<v1::RecordContributionRequest>(R"pb(
              parent: "funds/fuzz-fund"
              request_id: "setup-donation"
              contribution {
                source: CONTRIBUTION_SOURCE_DONATION
                amount_satang: 10000000
                payer: "อบต. ทดสอบ"
                effective_date { year: 2024 month: 1 day: 1 }
              })pb"));
  for (int i = 1; i <= 2; ++i) {
    auto member = FromText<v1::RegisterMemberRequest>(R"pb(
      parent: "funds/fuzz-fund"
      member {
        category: MEMBER_CATEGORY_GENERAL
        join_date { year: 2024 month: 1 day: 1 }
      })pb");
    member.set_request_id(absl::StrCat("setup-member-", i));
    member.mutable_member()->mutable_profile()->set_full_name(
        absl::StrCat("สมาชิก ทดสอบ", i));
    member.mutable_member()->mutable_profile()->set_national_id(NationalId(i));
    MustWrite(&L::RegisterMember, member);
    auto dues = FromText<v1::RecordContributionRequest>(R"pb(
      parent: "funds/fuzz-fund"
      contribution {
        source: CONTRIBUTION_SOURCE_MEMBER_DUES
        amount_satang: 90000
        months {
          first_month { year: 2024 month: 1 }
          month_count: 30
        }
        effective_date { year: 2024 month: 1 day: 5 }
      })pb");
    dues.set_request_id(absl::StrCat("setup-dues-", i));
    dues.mutable_contribution()->set_member_number(i);
    MustWrite(&L::RecordContribution, dues);
  }
  MustWrite(&L::AdoptRulebook, FromText<v1::AdoptRulebookRequest>(R"pb(
    parent: "funds/fuzz-fund"
    request_id: "setup-rulebook"
    rulebook {
      resolution: "มติที่ประชุมใหญ่ 1/2567"
      effective_date { year: 2024 month: 1 day: 1 }
      dues {
        period: DUES_PERIOD_MONTH
        amount_satang: 3000
        lapse_after_months: 3
      }
      benefits {
        category: BENEFIT_CATEGORY_SICKNESS
        waiting_days: 90
        arrears_months_allowed: 3
        amount_per_night_satang: 20000
        nights_per_stay_max: 5
        nights_per_year_max: 6
      }
      benefits {
        category: BENEFIT_CATEGORY_DEATH
        amount_per_event_satang: 500000
        tiers { min_years: 2 amount_satang: 1000000 }
        once_only: true
        payee: PAYEE_NOMINEE
      }
    })pb"));
  // Claims 8 (member 1, submitted), 9 (member 2, approved) and 12 (member
  // 1, certified).
  auto submit = [](int member, uint64_t number) {
    auto claim = FromText<v1::SubmitClaimRequest>(R"pb(
      parent: "funds/fuzz-fund"
      claim {
        category: BENEFIT_CATEGORY_SICKNESS
        event_date { year: 2026 month: 5 day: 1 }
        nights: 3
        details { description: "ไข้เลือดออก" documents: "ใบรับรองแพทย์" }
      })pb");
    claim.set_request_id(absl::StrCat("setup-claim-", number));
    claim.mutable_claim()->set_member_number(member);
    const v1::Claim submitted = MustWrite(&L::SubmitClaim, claim);
    Require(submitted.name() == absl::StrCat("funds/fuzz-fund/claims/", number),
            submitted.name());
  };
  auto step = [](WriteMethod<v1::ClaimStepRequest, v1::Claim> method,
                 uint64_t number, const char* resolution) {
    v1::ClaimStepRequest request;
    request.set_name(absl::StrCat("funds/fuzz-fund/claims/", number));
    request.set_request_id(
        absl::StrCat("setup-step-", number, *resolution ? "-approve" : ""));
    request.set_resolution(resolution);
    MustWrite(method, request);
  };
  submit(1, 8);
  submit(2, 9);
  step(&L::CertifyClaim, 9, "");
  step(&L::ApproveClaim, 9, "มติคณะกรรมการ 6/2569");
  submit(1, 12);
  step(&L::CertifyClaim, 12, "");
}

void OpenWorld() {
  world = new World;
  world->dir = MakeFolder();
  domain::LedgerOptions options;
  options.journal.store.path = world->dir + "/db";
  options.journal.store.block_cache_bytes = 8 << 20;
  options.journal.store.memtable_budget_bytes = 16 << 20;
  options.journal.store.log = [](const std::string&) {};
  options.journal.shards = 1;
  options.journal.clock = &world->clock;
  options.national_id_pepper = kPepper;
  options.national_id_pepper_is_new = true;
  absl::StatusOr<std::unique_ptr<domain::Ledger>> ledger =
      domain::Ledger::Open(options);
  Require(ledger.ok(), ledger.status().ToString());
  world->ledger = *std::move(ledger);
  world->reports = std::make_unique<domain::Reports>(world->ledger.get());
  world->partner = std::make_unique<domain::Partner>(world->ledger.get());
  // After RocksDB's own statics, so that the database closes before they
  // are destroyed at exit.
  std::atexit(&CloseWorld);
  CreateFixture();
}

}  // namespace

// Protobuf logs every string field of invalid UTF-8 it refuses to parse;
// the refusal is all that matters here.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (world == nullptr) OpenWorld();
  if (size < 1) return 0;
  const auto& calls = Calls();
  calls[data[0] % calls.size()](
      absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  return 0;
}
