// welfared's rate-limited log (services/log/rate_limited_log.h).
#include "services/log/rate_limited_log.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/clock.h"
#include "welfare/ledger/v1/funds.pb.h"

namespace welfare::log {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

class RateLimitedLogTest : public ::testing::Test {
 protected:
  std::unique_ptr<RateLimitedLog> MakeLog(int lines_per_minute) {
    RateLimitedLogOptions options;
    options.lines_per_minute = lines_per_minute;
    options.clock = &clock_;
    options.sink = [this](const std::string& line) { lines_.push_back(line); };
    return std::make_unique<RateLimitedLog>(std::move(options));
  }

  storage::FakeClock clock_{1'000'000'000};
  std::vector<std::string> lines_;
};

TEST_F(RateLimitedLogTest, WritesUpToTheBudgetThenCountsWhatItLeavesOut) {
  auto log = MakeLog(3);
  for (int i = 0; i < 1000; ++i) log->Write("bad-input", "line");
  ASSERT_THAT(lines_, SizeIs(3));
  EXPECT_EQ(lines_[0], "welfared: bad-input: line");
  EXPECT_EQ(log->suppressed("bad-input"), 997);
  // A minute later the topic may write again, and says what it left out.
  clock_.Advance(60'000'000);
  log->Write("bad-input", "again");
  ASSERT_THAT(lines_, SizeIs(4));
  EXPECT_EQ(lines_[3],
            "welfared: bad-input: again (997 more such lines left out before "
            "this one)");
}

TEST_F(RateLimitedLogTest, TopicsHaveTheirOwnBudgets) {
  auto log = MakeLog(1);
  log->Write("a", "1");
  log->Write("a", "2");
  log->Write("b", "1");
  EXPECT_EQ(lines_,
            (std::vector<std::string>{"welfared: a: 1", "welfared: b: 1"}));
  EXPECT_EQ(log->suppressed("a"), 1);
  EXPECT_EQ(log->suppressed("b"), 0);
}

// The defect: every request with invalid UTF-8 wrote a [libprotobuf ERROR]
// line to standard error, without limit.
TEST_F(RateLimitedLogTest, ProtobufsErrorsGoThroughTheLimit) {
  auto log = MakeLog(2);
  RouteProtobufLog(log.get());
  welfare::ledger::v1::CreateFundRequest request;
  request.set_fund_id("\xff\xfe");
  for (int i = 0; i < 50; ++i) {
    std::string bytes;
    request.SerializeToString(&bytes);
    welfare::ledger::v1::CreateFundRequest parsed;
    parsed.ParseFromString(bytes);
  }
  RouteProtobufLog(nullptr);
  ASSERT_THAT(lines_, SizeIs(2));
  EXPECT_THAT(lines_[0], HasSubstr("welfared: protobuf: error"));
  EXPECT_THAT(lines_[0], HasSubstr("invalid UTF-8"));
  // Each of the 50 round trips logs at least once.
  EXPECT_GE(log->suppressed("protobuf"), 48);
}

}  // namespace
}  // namespace welfare::log
