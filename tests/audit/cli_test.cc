// welfare-audit run in-process against a real server: exit codes, the text
// and JSON reports, and usage errors.
#include "clients/audit/cli.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "clients/audit/report.pb.h"
#include "clients/verify/note.h"
#include "google/protobuf/util/json_util.h"
#include "services/server/server.h"
#include "tests/audit/fund_writer.h"
#include "tests/testing/test_util.h"

namespace welfare::auditor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using welfare::testing::TempDir;
using welfare::testing::TestServer;

struct Result {
  int exit_code;
  std::string out;
  std::string err;
};

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = server_.NewClient();
    FundWriter fund(client_.get(), "ban-nong-khu");
    fund.Register(1);
    fund.Dues(1, 2, 2, 6000);
    FundWriter other(client_.get(), "ban-khok");
    other.Donation(100);
    server::ServerOptions paths;
    paths.data_dir = server_.data_dir();
    key_file_ = server::VerifierKeyPath(paths);
  }

  Result Run(std::vector<std::string> args) {
    std::ostringstream out, err;
    client::CredentialsEnvironment credentials;
    const std::string token_file = server_.admin_token_file();
    credentials.token_file = token_file.c_str();
    const int code =
        RunAuditCli(args, CliIo{out, err, false}, nullptr, credentials);
    return {code, out.str(), err.str()};
  }

  // "verify" or "prove" with the server, key and state flags.
  std::vector<std::string> Command(const std::string& command,
                                   std::vector<std::string> more) {
    std::vector<std::string> args = {
        command, absl::StrCat("--server=", server_.target()),
        absl::StrCat("--verifier_key=", key_file_),
        absl::StrCat("--state_dir=", state_.path())};
    args.insert(args.end(), more.begin(), more.end());
    return args;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::string key_file_;
  TempDir state_;
};

TEST_F(AuditCliTest, HelpTeachesTheChecksAndExitCodes) {
  const Result overview = Run({"--help"});
  EXPECT_EQ(overview.exit_code, kExitVerified);
  EXPECT_THAT(overview.out, HasSubstr("Exit codes: 0 verified"));
  const Result verify = Run({"verify", "--help"});
  EXPECT_EQ(verify.exit_code, kExitVerified);
  EXPECT_THAT(verify.out, HasSubstr("consistency proof"));
  EXPECT_THAT(verify.out, HasSubstr("--verifier-key=FILE"));
  EXPECT_THAT(Run({"help", "prove"}).out, HasSubstr("inclusion proof"));
  EXPECT_EQ(Run({}).exit_code, kExitUsage);
}

TEST_F(AuditCliTest, UsageErrorsCheckNothing) {
  const std::vector<std::vector<std::string>> cases = {
      {"audit"},
      Command("verify", {}),
      Command("verify", {"--all", "--fund=ban-nong-khu"}),
      Command("verify", {"--fund=Ban Nong Khu"}),
      Command("verify", {"--all", "--output=xml"}),
      Command("verify", {"--all", "--output=json", "--format=text"}),
      Command("verify", {"--all", "extra"}),
      Command("prove", {"--fund=ban-nong-khu"}),
      Command("prove", {"--fund=ban-nong-khu", "--sequence=0"}),
      {"verify", "--all", "--state-dir=x"},
  };
  for (const auto& args : cases) {
    const Result result = Run(args);
    EXPECT_EQ(result.exit_code, kExitUsage) << args.back() << result.err;
    EXPECT_THAT(result.err, HasSubstr("welfare-audit: "));
    EXPECT_TRUE(result.out.empty());
  }
}

TEST_F(AuditCliTest, AnHonestServerVerifiesWithExitZero) {
  const Result result = Run(Command("verify", {"--fund=ban-nong-khu"}));
  EXPECT_EQ(result.exit_code, kExitVerified) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("fund ban-nong-khu: VERIFIED"));
  EXPECT_THAT(result.out, HasSubstr("checkpoint  3 entries, root "));
  EXPECT_THAT(result.out,
              HasSubstr("entries     3 checked in this run (1..3)"));
  EXPECT_THAT(result.out, HasSubstr("VERIFIED: 1 fund checked"));

  const Result again = Run(Command("verify", {"--all", "--progress"}));
  EXPECT_EQ(again.exit_code, kExitVerified) << again.out << again.err;
  EXPECT_THAT(again.out, HasSubstr("fund ban-khok: VERIFIED"));
  EXPECT_THAT(again.out, HasSubstr("0 checked in this run; 1..3 verified"));
  EXPECT_THAT(again.err, HasSubstr("ban-khok: 2 of 2 entries (100%)"));
}

TEST_F(AuditCliTest, JsonIsTheRunReport) {
  const Result result = Run(Command("verify", {"--all", "--output=json"}));
  ASSERT_EQ(result.exit_code, kExitVerified) << result.err;
  v1::RunReport run;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(result.out, &run).ok())
      << result.out;
  EXPECT_EQ(run.outcome(), v1::VERIFIED);
  ASSERT_EQ(run.funds_size(), 2);
  EXPECT_EQ(run.funds(0).fund_id(), "ban-khok");
  EXPECT_EQ(run.funds(1).checkpoint().tree_size(), 3u);
}

TEST_F(AuditCliTest, AnotherKeyIsAFindingWithExitOne) {
  TempDir keys;
  const std::string other_key = keys.path() + "/other.vkey";
  std::ifstream real(key_file_);
  std::string line;
  std::getline(real, line);
  auto signer =
      verify::NoteSigner::Generate(verify::ParseVerifierKey(line)->name);
  ASSERT_TRUE(signer.ok());
  std::ofstream(other_key) << signer->VerifierKey() << "\n";
  std::vector<std::string> args = Command("verify", {"--fund=ban-nong-khu"});
  args[2] = "--verifier-key=" + other_key;
  const Result result = Run(args);
  EXPECT_EQ(result.exit_code, kExitFindings);
  EXPECT_THAT(result.out, HasSubstr("fund ban-nong-khu: FINDINGS (1 finding)"));
  EXPECT_THAT(result.out, HasSubstr("CHECKPOINT_SIGNATURE"));
  EXPECT_THAT(result.out, HasSubstr("state       not saved"));
}

TEST_F(AuditCliTest, WhatCannotBeCheckedExitsThree) {
  std::vector<std::string> no_key = Command("verify", {"--all"});
  no_key[2] = "--verifier-key=" + state_.path() + "/missing.vkey";
  const Result missing = Run(no_key);
  EXPECT_EQ(missing.exit_code, kExitCouldNotCheck);
  EXPECT_THAT(missing.err, HasSubstr("cannot read the verifier key file"));

  std::vector<std::string> unreachable =
      Command("verify", {"--fund=ban-nong-khu", "--deadline-ms=200"});
  unreachable[1] = "--server=127.0.0.1:1";
  const Result down = Run(unreachable);
  EXPECT_EQ(down.exit_code, kExitCouldNotCheck);
  EXPECT_THAT(down.out, HasSubstr("COULD NOT CHECK"));
}

TEST_F(AuditCliTest, ProveShowsTheEntryAndItsCheckpoint) {
  ASSERT_EQ(Run(Command("verify", {"--all"})).exit_code, kExitVerified);
  const Result result =
      Run(Command("prove", {"--fund=ban-nong-khu", "--sequence=3"}));
  EXPECT_EQ(result.exit_code, kExitVerified) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("entry       CONTRIBUTION, effective "
                                    "2026-03-01"));
  EXPECT_THAT(result.out, HasSubstr("proved"));
  EXPECT_THAT(result.out, Not(HasSubstr("could not check")));
  const Result beyond =
      Run(Command("prove", {"--fund=ban-nong-khu", "--sequence=9"}));
  EXPECT_EQ(beyond.exit_code, kExitCouldNotCheck);
}

}  // namespace
}  // namespace welfare::auditor::testing
