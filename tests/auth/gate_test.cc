#include "services/auth/gate.h"

#include <fstream>

#include "absl/synchronization/mutex.h"
#include "services/auth/tokens.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/funds.pb.h"

namespace welfare::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using welfare::testing::HasError;
using welfare::testing::TempDir;

constexpr char kGetFund[] = "/welfare.ledger.v1.FundService/GetFund";

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.path = dir_.path() + "/db";
    store_ = *storage::Store::Open(options);
    principals_ =
        *Principals::Open(store_.get(), &clock_, dir_.path() + "/admin.token");
    std::ifstream(dir_.path() + "/admin.token") >> admin_token_;
    GateOptions gate_options;
    gate_options.calls_per_principal_max = 2;
    gate_options.log = [this](const std::string& line) {
      absl::MutexLock lock(&mu_);
      log_.push_back(line);
    };
    gate_ = std::make_unique<Gate>(principals_.get(), gate_options);
    request_.set_name("funds/ban-nong");
  }

  std::variant<Pass, Refusal> Admit(const std::string& authorization,
                                    const std::string& peer) {
    return gate_->Admit(authorization, peer, kGetFund, request_);
  }

  TempDir dir_;
  storage::FakeClock clock_{welfare::testing::kTestNowMicros};
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<Principals> principals_;
  std::string admin_token_;
  std::unique_ptr<Gate> gate_;
  v1::GetFundRequest request_;
  absl::Mutex mu_;
  std::vector<std::string> log_;
};

TEST_F(GateTest, MissingCredentialsAreUnauthenticated) {
  auto answer =
      gate_->Admit(std::nullopt, "ipv4:127.0.0.1:1", kGetFund, request_);
  ASSERT_TRUE(std::holds_alternative<Refusal>(answer));
  EXPECT_THAT(
      std::get<Refusal>(answer).status,
      HasError(absl::StatusCode::kUnauthenticated, "CREDENTIALS_MISSING"));
}

TEST_F(GateTest, RepeatedFailuresAreSlowedAndLoggedWithoutTheToken) {
  const std::string wrong = NewToken().text;
  std::vector<absl::Duration> delays;
  for (int i = 0; i < 8; ++i) {
    // A new port each time: the host is what counts.
    auto answer = Admit("Bearer " + wrong, absl::StrCat("ipv4:10.0.0.7:", i));
    ASSERT_TRUE(std::holds_alternative<Refusal>(answer));
    EXPECT_THAT(
        std::get<Refusal>(answer).status,
        HasError(absl::StatusCode::kUnauthenticated, "CREDENTIALS_INVALID"));
    delays.push_back(std::get<Refusal>(answer).delay);
  }
  const std::vector<absl::Duration> want = {
      absl::ZeroDuration(),    absl::ZeroDuration(),    absl::ZeroDuration(),
      absl::Milliseconds(100), absl::Milliseconds(200), absl::Milliseconds(400),
      absl::Milliseconds(800), absl::Milliseconds(1600)};
  EXPECT_EQ(delays, want);
  // Another host starts afresh.
  auto other = Admit("Bearer " + wrong, "ipv4:10.0.0.8:1");
  EXPECT_EQ(std::get<Refusal>(other).delay, absl::ZeroDuration());
  absl::MutexLock lock(&mu_);
  ASSERT_EQ(log_.size(), 9u);
  for (const std::string& line : log_) {
    EXPECT_THAT(line, Not(HasSubstr(wrong.substr(4, 16))));
    EXPECT_THAT(line, Not(HasSubstr(wrong.substr(21))));
    EXPECT_THAT(line, HasSubstr("CREDENTIALS_INVALID"));
    EXPECT_THAT(line, HasSubstr(kGetFund));
  }
  EXPECT_THAT(log_[7], HasSubstr("ipv4:10.0.0.7 "));
  EXPECT_THAT(log_[7], HasSubstr("failure 8"));
}

TEST_F(GateTest, TheDelayStopsGrowingAtItsMaximum) {
  absl::Duration last;
  for (int i = 0; i < 20; ++i) {
    last = std::get<Refusal>(Admit("Bearer nonsense", "ipv4:10.0.0.9:1")).delay;
  }
  EXPECT_EQ(last, absl::Seconds(3));
}

TEST_F(GateTest, APrincipalMayRunOnlySoManyCallsAtOnce) {
  const std::string header = "Bearer " + admin_token_;
  auto first = Admit(header, "ipv4:127.0.0.1:1");
  auto second = Admit(header, "ipv4:127.0.0.1:1");
  ASSERT_TRUE(std::holds_alternative<Pass>(first));
  ASSERT_TRUE(std::holds_alternative<Pass>(second));
  EXPECT_EQ(gate_->RunningCalls("admin"), 2);
  auto third = Admit(header, "ipv4:127.0.0.1:1");
  ASSERT_TRUE(std::holds_alternative<Refusal>(third));
  EXPECT_THAT(std::get<Refusal>(third).status,
              HasError(absl::StatusCode::kResourceExhausted, "TOO_MANY_CALLS"));
  first.emplace<Refusal>();  // Ends the first call.
  EXPECT_EQ(gate_->RunningCalls("admin"), 1);
  EXPECT_TRUE(std::holds_alternative<Pass>(Admit(header, "ipv4:127.0.0.1:1")));
  EXPECT_EQ(gate_->RunningCalls("admin"), 1);
}

TEST_F(GateTest, DenialsAreNotSlowedAndNotCountedAsFailures) {
  v1::AddPrincipalRequest add;
  add.set_principal_id("partner-1");
  add.set_role(v1::PARTNER);
  add.set_all_funds(true);
  auto admin = principals_->Authenticate(admin_token_);
  auto partner = principals_->Add(**admin, add);
  ASSERT_TRUE(partner.ok());
  for (int i = 0; i < 6; ++i) {
    auto answer = Admit("Bearer " + partner->token(), "ipv4:10.0.0.5:1");
    ASSERT_TRUE(std::holds_alternative<Refusal>(answer));
    EXPECT_THAT(std::get<Refusal>(answer).status,
                HasError(absl::StatusCode::kPermissionDenied, "NOT_PERMITTED"));
    EXPECT_EQ(std::get<Refusal>(answer).delay, absl::ZeroDuration());
  }
  EXPECT_EQ(gate_->RunningCalls("partner-1"), 0);
}

}  // namespace
}  // namespace welfare::auth
