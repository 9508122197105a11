// Server-wide limits that per-principal limits do not give: a bound on open
// entry streams, and a shutdown that waits only for unary calls in flight
// (not for idle connections or open streams).
#include <chrono>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr char kFund[] = "funds/ban-streams";

class StreamLimitsTest : public ::testing::Test {
 protected:
  StreamLimitsTest()
      : server_([](server::ServerOptions& options) {
          options.streams_max = 2;
          options.scrub_entries_per_second = 0;
        }) {}

  void SetUp() override {
    auto client = server_.NewClient();
    v1::CreateFundRequest create;
    create.set_fund_id("ban-streams");
    create.mutable_fund()->set_display_name("กองทุนทดสอบสตรีม");
    create.mutable_fund()->set_area_code("330101");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
    ASSERT_THAT(client->CreateFund(create), IsOk());
    // About 4 MiB of entries: more than a stream that nobody reads can
    // push into the connection, so such a stream stays open.
    for (int batch = 0; batch < 4; ++batch) {
      v1::PostBatchRequest request;
      request.set_parent(kFund);
      request.set_request_id(absl::StrCat("batch-", batch));
      for (int i = 0; i < 2000; ++i) {
        auto* contribution = request.add_items()->mutable_contribution();
        contribution->set_source(v1::CONTRIBUTION_SOURCE_DONATION);
        contribution->set_amount_satang(100);
        contribution->set_memo(std::string(500, 'm'));  // the longest
      }
      ASSERT_THAT(client->PostBatch(request), IsOk());
    }
  }

  struct HeldStream {
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReader<v1::StoredEntries>> reader;
  };

  // A stream the client does not read: the server holds it open.
  std::unique_ptr<HeldStream> Hold(v1::AuditService::Stub& audit) {
    auto stream = std::make_unique<HeldStream>();
    v1::StreamEntriesRequest request;
    request.set_fund(kFund);
    stream->reader = audit.StreamEntries(&stream->context, request);
    stream->reader->WaitForInitialMetadata();
    return stream;
  }

  // Reads a whole stream; how it ended.
  grpc::Status ReadAll(v1::AuditService::Stub& audit, size_t* entries) {
    grpc::ClientContext context;
    v1::StreamEntriesRequest request;
    request.set_fund(kFund);
    auto reader = audit.StreamEntries(&context, request);
    v1::StoredEntries chunk;
    *entries = 0;
    while (reader->Read(&chunk)) *entries += chunk.entries_size();
    return reader->Finish();
  }

  TestServer server_;
};

// The defect: 1,000 streams from 32 principals took welfared from 143 MB
// to 2.9 GB; only the per-principal call limit applied.
TEST_F(StreamLimitsTest, StreamsBeyondTheServersLimitAreRefused) {
  auto audit = v1::AuditService::NewStub(server_.NewChannel());
  std::vector<std::unique_ptr<HeldStream>> held;
  held.push_back(Hold(*audit));
  held.push_back(Hold(*audit));
  size_t entries = 0;
  grpc::Status refused = ReadAll(*audit, &entries);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << refused.error_message();
  EXPECT_NE(refused.error_message().find("--streams_max"), std::string::npos)
      << refused.error_message();
  EXPECT_EQ(entries, 0u);
  // Once a held stream is closed, its share is free again.
  held[0]->context.TryCancel();
  held[0]->reader->Finish();
  grpc::Status read;
  for (int i = 0; i < 100; ++i) {
    read = ReadAll(*audit, &entries);
    if (read.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(read.ok()) << read.error_message();
  v1::GetFundRequest get;
  get.set_name(kFund);
  auto fund = server_.NewClient()->GetFund(get);
  ASSERT_THAT(fund, IsOk());
  EXPECT_EQ(entries, fund->journal_size());
  EXPECT_GT(entries, 8000u);
  held[1]->context.TryCancel();
  held[1]->reader->Finish();
}

// The defect: SIGTERM waited the full 5 s grace whenever any client held an
// idle connection. Idle connections and open streams no longer hold the
// server; 5 s is the grace the server allows calls in flight.
TEST_F(StreamLimitsTest, ShutdownDoesNotWaitForIdleConnectionsOrStreams) {
  auto idle = server_.NewClient();
  v1::GetFundRequest get;
  get.set_name(kFund);
  ASSERT_THAT(idle->GetFund(get), IsOk());  // Connected, then idle.
  auto audit = v1::AuditService::NewStub(server_.NewChannel());
  std::unique_ptr<HeldStream> stream = Hold(*audit);
  auto health = grpc::health::v1::Health::NewStub(server_.NewChannel());
  grpc::ClientContext watch_context;
  auto watch =
      health->Watch(&watch_context, grpc::health::v1::HealthCheckRequest());
  grpc::health::v1::HealthCheckResponse serving;
  ASSERT_TRUE(watch->Read(&serving));

  const absl::Time start = absl::Now();
  server_.server().Shutdown(5000);
  const absl::Duration took = absl::Now() - start;
  EXPECT_LT(took, absl::Milliseconds(2500)) << took;
  stream->context.TryCancel();
  stream->reader->Finish();
  watch_context.TryCancel();
  watch->Finish();
}

}  // namespace
}  // namespace welfare::testing
