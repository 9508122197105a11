// The base fixture of the `welfare` end-to-end tests: a real server, the
// tool run against it with the administrator's token (unless the test gives
// --token_file), and the fund most tests write to.
#ifndef WELFARE_TESTS_CLIENTS_CLI_FIXTURE_H_
#define WELFARE_TESTS_CLIENTS_CLI_FIXTURE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/clients/cli_spawn.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {

inline constexpr char kFund[] = "ban-nong-khu";

class CliTest : public ::testing::Test {
 protected:
  // The tool against the test server.
  Outcome Welfare(std::vector<std::string> args, const std::string& in = "") {
    args.push_back(absl::StrCat("--server=", server_.target()));
    if (absl::c_none_of(args, [](const std::string& arg) {
          return absl::StartsWith(arg, "--token_file=");
        })) {
      args.push_back(absl::StrCat("--token_file=", server_.admin_token_file()));
    }
    return RunWelfare(args, in);
  }

  // Entries in kFund's journal, read through the client library.
  uint64_t JournalSize() {
    welfare::ledger::v1::GetFundRequest request;
    request.set_name(absl::StrCat("funds/", kFund));
    auto fund = client_->GetFund(request);
    EXPECT_THAT(fund, IsOk());
    return fund.ok() ? fund->journal_size() : 0;
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_ = server_.NewClient();
};

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_CLIENTS_CLI_FIXTURE_H_
