// The auditor against a real server on a loopback port: an honest fund
// verifies, later runs fetch only new entries, and a forked history, a
// wrong key and an unreachable server are told apart.
#include "clients/audit/auditor.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/audit/fund_audit.h"
#include "services/server/server.h"
#include "tests/audit/findings_matchers.h"
#include "tests/audit/fund_writer.h"
#include "tests/testing/test_util.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using welfare::testing::TempDir;
using welfare::testing::TestServer;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string VerifierKeyOf(const std::string& data_dir) {
  server::ServerOptions options;
  options.data_dir = data_dir;
  return std::string(
      absl::StripAsciiWhitespace(ReadFile(server::VerifierKeyPath(options))));
}

class AuditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    fund_ = std::make_unique<FundWriter>(client_.get(), "ban-nong-khu");
  }

  std::unique_ptr<Auditor> NewAuditor(std::string key = "") {
    AuditOptions options;
    options.client.target = server_.target();
    options.client.credentials.token = server_.admin_token();
    options.client.backoff_initial_ms = 10;
    options.verifier_key =
        key.empty() ? VerifierKeyOf(server_.data_dir()) : key;
    options.state_dir = state_.path() + "/state";
    auto auditor = Auditor::Create(options);
    EXPECT_TRUE(auditor.ok()) << auditor.status();
    return auditor.ok() ? std::move(*auditor) : nullptr;
  }

  // A fund with members, dues, a benefit, a reversal and member changes.
  void WriteALife() {
    fund_->Register(1);
    fund_->Register(2);
    fund_->Register(3);
    fund_->Dues(1, 2, 3, 9000);
    const uint64_t dues = fund_->Dues(2, 2, 2, 6000);
    fund_->Donation(500000);
    fund_->Benefit(1, 20000);
    fund_->Reverse(dues);
    fund_->Resign(3);
    fund_->UpdateProfile(1);
    fund_->EraseProfile(2);
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::unique_ptr<FundWriter> fund_;
  TempDir state_;
};

TEST_F(AuditorTest, AnHonestFundVerifiesAndItsStateIsSaved) {
  WriteALife();
  auto auditor = NewAuditor();
  ASSERT_NE(auditor, nullptr);
  const v1::FundReport report = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(report.outcome(), v1::VERIFIED) << report.DebugString();
  EXPECT_THAT(report.findings(), IsEmpty());
  EXPECT_EQ(report.checkpoint().tree_size(), 12u);
  EXPECT_EQ(report.checkpoint().origin(),
            auditor->verifier().name + "/funds/ban-nong-khu");
  EXPECT_EQ(report.entries_checked(), 12u);
  EXPECT_EQ(report.previous_tree_size(), 0u);
  EXPECT_GT(report.accounts_compared(), 30u);
  EXPECT_EQ(report.members_compared(), 3u);
  EXPECT_TRUE(report.state_saved());
  struct stat info;
  ASSERT_EQ(stat((state_.path() + "/state/ban-nong-khu.audit").c_str(), &info),
            0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}

TEST_F(AuditorTest, ALaterRunChecksOnlyTheNewEntries) {
  WriteALife();
  auto auditor = NewAuditor();
  ASSERT_EQ(auditor->VerifyFund("ban-nong-khu").outcome(), v1::VERIFIED);

  const uint64_t dues = fund_->Dues(1, 5, 1, 3000);
  fund_->Reverse(5);  // The first dues, verified in the first run.
  fund_->Register(4);
  const v1::FundReport second = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(second.outcome(), v1::VERIFIED) << second.DebugString();
  EXPECT_EQ(second.previous_tree_size(), 12u);
  EXPECT_EQ(second.entries_checked(), 3u);
  EXPECT_EQ(second.checkpoint().tree_size(), dues + 2);
  EXPECT_EQ(second.members_compared(), 4u);

  const v1::FundReport third = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(third.outcome(), v1::VERIFIED) << third.DebugString();
  EXPECT_EQ(third.entries_checked(), 0u);
  EXPECT_EQ(third.previous_tree_size(), 15u);
}

TEST_F(AuditorTest, RulebooksAndClaimsVerifyAcrossRuns) {
  WriteALife();  // Its benefit was paid before any rulebook.
  fund_->AdoptRulebook();
  const uint64_t paid = fund_->PaidClaim(1, 2);
  ASSERT_NE(paid, 0u);
  auto auditor = NewAuditor();
  const v1::FundReport first = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(first.outcome(), v1::VERIFIED) << first.DebugString();
  // From the saved state: the paid claim's reversal reopens it, and a new
  // claim is paid.
  fund_->Reverse(paid);
  ASSERT_NE(fund_->PaidClaim(1, 1), 0u);
  const v1::FundReport second = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(second.outcome(), v1::VERIFIED) << second.DebugString();
  EXPECT_EQ(second.previous_tree_size(), first.checkpoint().tree_size());
  EXPECT_GT(second.entries_checked(), 4u);
}

TEST_F(AuditorTest, ALargerFundVerifiesAcrossManyStreamChunks) {
  fund_->Register(1);
  fund_->Donations(2000);
  fund_->Donations(2000);
  fund_->Donations(2000);
  auto auditor = NewAuditor();
  const v1::FundReport report = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(report.outcome(), v1::VERIFIED) << report.DebugString();
  EXPECT_EQ(report.entries_checked(), 6002u);
}

TEST_F(AuditorTest, AForkedHistoryIsCaughtByTheConsistencyProof) {
  fund_->Register(1);
  fund_->Donation(1000);
  auto auditor = NewAuditor();
  ASSERT_EQ(auditor->VerifyFund("ban-nong-khu").outcome(), v1::VERIFIED);
  const std::string state_file = state_.path() + "/state/ban-nong-khu.audit";
  const std::string saved = ReadFile(state_file);

  // A second server with the same signing key, whose fund of the same name
  // has another history: it signs a checkpoint the first cannot extend.
  TempDir fork_dir;
  storage::FakeClock clock(welfare::testing::kTestNowMicros);
  server::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = fork_dir.path();
  server::ServerOptions first;
  first.data_dir = server_.data_dir();
  options.signing_key_file = server::SigningKeyPath(first);
  options.clock = &clock;
  auto fork = server::WelfareServer::Start(options);
  ASSERT_TRUE(fork.ok()) << fork.status();
  client::ClientOptions fork_client;
  fork_client.target = absl::StrCat("127.0.0.1:", (*fork)->port());
  fork_client.credentials.token =
      welfare::testing::AdminTokenOf(fork_dir.path());
  auto forked_client = client::LedgerClient::Connect(fork_client);
  ASSERT_TRUE(forked_client.ok());
  FundWriter forked(forked_client->get(), "ban-nong-khu");
  forked.Register(1);
  forked.Donation(999999);  // Not the 1000 the auditor saw.
  forked.Donation(5);

  AuditOptions audit_fork;
  audit_fork.client = fork_client;
  audit_fork.verifier_key = VerifierKeyOf(server_.data_dir());
  audit_fork.state_dir = state_.path() + "/state";
  auto fork_auditor = Auditor::Create(audit_fork);
  ASSERT_TRUE(fork_auditor.ok());
  const v1::FundReport report = (*fork_auditor)->VerifyFund("ban-nong-khu");
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(), ElementsAre(IsFinding(v1::FORK_OR_REWRITE, 0)))
      << report.DebugString();
  EXPECT_EQ(report.entries_checked(), 0u);
  EXPECT_FALSE(report.state_saved());
  EXPECT_EQ(ReadFile(state_file), saved);

  // The honest server still verifies against the kept state.
  EXPECT_EQ(auditor->VerifyFund("ban-nong-khu").outcome(), v1::VERIFIED);
}

TEST_F(AuditorTest, AnotherKeyIsASignatureFinding) {
  fund_->Register(1);
  auto other = verify::NoteSigner::Generate(
      verify::ParseVerifierKey(VerifierKeyOf(server_.data_dir()))->name);
  ASSERT_TRUE(other.ok());
  auto auditor = NewAuditor(other->VerifierKey());
  const v1::FundReport report = auditor->VerifyFund("ban-nong-khu");
  EXPECT_EQ(report.outcome(), v1::FINDINGS);
  EXPECT_THAT(report.findings(),
              ElementsAre(IsFinding(v1::CHECKPOINT_SIGNATURE, 0)));
  EXPECT_FALSE(report.state_saved());
}

TEST_F(AuditorTest, AnUnknownFundOrUnreachableServerCouldNotBeChecked) {
  auto auditor = NewAuditor();
  const v1::FundReport unknown = auditor->VerifyFund("ban-nowhere");
  EXPECT_EQ(unknown.outcome(), v1::COULD_NOT_CHECK);
  EXPECT_NE(unknown.error().find("NOT_FOUND"), std::string::npos)
      << unknown.error();

  AuditOptions options;
  options.client.target = "127.0.0.1:1";
  options.client.attempts_max = 1;
  options.client.deadline_ms = 500;
  options.verifier_key = VerifierKeyOf(server_.data_dir());
  options.state_dir = state_.path() + "/state";
  auto unreachable = Auditor::Create(options);
  ASSERT_TRUE(unreachable.ok());
  const v1::RunReport run = (*unreachable)->VerifyFunds({"ban-nong-khu"});
  EXPECT_EQ(run.outcome(), v1::COULD_NOT_CHECK);
  EXPECT_FALSE(run.funds(0).error().empty());
}

TEST_F(AuditorTest, AFundVerifiedBeforeThatTheServerNoLongerKnowsIsAFinding) {
  fund_->Register(1);
  auto auditor = NewAuditor();
  ASSERT_EQ(auditor->VerifyFund("ban-nong-khu").outcome(), v1::VERIFIED);
  // Another server with the same key that has no such fund.
  TempDir empty_dir;
  server::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = empty_dir.path();
  server::ServerOptions first;
  first.data_dir = server_.data_dir();
  options.signing_key_file = server::SigningKeyPath(first);
  auto empty = server::WelfareServer::Start(options);
  ASSERT_TRUE(empty.ok());
  AuditOptions audit;
  audit.client.target = absl::StrCat("127.0.0.1:", (*empty)->port());
  audit.client.credentials.token =
      welfare::testing::AdminTokenOf(empty_dir.path());
  audit.verifier_key = VerifierKeyOf(server_.data_dir());
  audit.state_dir = state_.path() + "/state";
  auto other = Auditor::Create(audit);
  ASSERT_TRUE(other.ok());
  const v1::FundReport report = (*other)->VerifyFund("ban-nong-khu");
  EXPECT_THAT(report.findings(), ElementsAre(IsFinding(v1::FUND_MISSING, 0)));
}

TEST_F(AuditorTest, ProvesAnEntryAgainstTheStoredOrAFreshCheckpoint) {
  WriteALife();
  auto auditor = NewAuditor();
  ASSERT_EQ(auditor->VerifyFund("ban-nong-khu").outcome(), v1::VERIFIED);
  fund_->Donation(100);

  const v1::InclusionReport stored =
      auditor->ProveEntry("ban-nong-khu", 5, false);
  EXPECT_EQ(stored.outcome(), v1::VERIFIED) << stored.DebugString();
  EXPECT_TRUE(stored.from_state());
  EXPECT_EQ(stored.checkpoint().tree_size(), 12u);
  EXPECT_EQ(stored.entry_kind(), "ENTRY_KIND_CONTRIBUTION");
  EXPECT_EQ(stored.effective_date(), "2026-03-01");

  const v1::InclusionReport newer =
      auditor->ProveEntry("ban-nong-khu", 13, false);
  EXPECT_EQ(newer.outcome(), v1::VERIFIED) << newer.DebugString();
  EXPECT_FALSE(newer.from_state());
  EXPECT_EQ(newer.checkpoint().tree_size(), 13u);

  const v1::InclusionReport beyond =
      auditor->ProveEntry("ban-nong-khu", 14, true);
  EXPECT_EQ(beyond.outcome(), v1::COULD_NOT_CHECK);
}

TEST(SpotCheckSampleTest, IsDistinctAscendingAndWithinTheTree) {
  EXPECT_THAT(SpotCheckSample(3, 16), ::testing::ElementsAre(1, 2, 3));
  EXPECT_TRUE(SpotCheckSample(3, 0).empty());
  for (int round = 0; round < 100; ++round) {
    const std::vector<uint64_t> sample = SpotCheckSample(50, 16);
    ASSERT_EQ(sample.size(), 16u);
    for (size_t i = 0; i < sample.size(); ++i) {
      EXPECT_GE(sample[i], 1u);
      EXPECT_LE(sample[i], 50u);
      if (i > 0) {
        EXPECT_LT(sample[i - 1], sample[i]);
      }
    }
  }
}

}  // namespace
}  // namespace welfare::auditor::testing
