// Entries changed behind the server's back (the tree left alone): the
// server never chains a new entry onto a damaged head and never signs over
// it, never serves a damaged entry (GetEntry, StreamEntries), and its
// background scrub finds damage to old entries that nobody reads.
#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/testing/test_util.h"
#include "welfare/ledger/v1/audit.grpc.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr char kFundId[] = "ban-damage";
constexpr char kOtherFundId[] = "ban-intact";

// Rewrites entry sequence of fund_id with another memo: it still parses,
// but is no longer the entry the tree committed.
// A well-formed entry with another memo: only its leaf hash tells.
void ChangeMemo(std::string& bytes) {
  welfare::storage::v1::EntryRecord record;
  ASSERT_TRUE(record.ParseFromString(bytes));
  record.set_memo("แก้ไขโดยไม่ผ่านระบบ");
  bytes = record.SerializeAsString();
}

auto Damaged() {
  return HasError(absl::StatusCode::kDataLoss, "ENTRY_DAMAGED");
}

class DamagedEntryTest : public ::testing::Test {
 protected:
  DamagedEntryTest()
      : server_([](server::ServerOptions& options) {
          options.scrub_first_delay = absl::ZeroDuration();
          options.scrub_entries_per_second = 100000;
        }) {}

  void SetUp() override {
    Connect();
    for (const char* fund_id : {kFundId, kOtherFundId}) {
      v1::CreateFundRequest create;
      create.set_fund_id(fund_id);
      create.mutable_fund()->set_display_name("กองทุนทดสอบความเสียหาย");
      create.mutable_fund()->set_area_code("330101");
      *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 10, 1);
      ASSERT_THAT(client_->CreateFund(create), IsOk());
    }
    for (int i = 0; i < 5; ++i) ASSERT_THAT(Donate(kFundId), IsOk());
    ASSERT_THAT(Donate(kOtherFundId), IsOk());
    head_ = JournalSize(kFundId);
  }

  void Connect() {
    client_ = server_.NewClient();
    audit_ = v1::AuditService::NewStub(server_.NewChannel());
    health_ = grpc::health::v1::Health::NewStub(server_.NewChannel());
  }

  absl::StatusOr<v1::Entry> Donate(const std::string& fund_id) {
    v1::RecordContributionRequest request;
    request.set_parent(absl::StrCat("funds/", fund_id));
    request.set_request_id(absl::StrCat("donation-", ++donations_));
    request.mutable_contribution()->set_source(
        v1::CONTRIBUTION_SOURCE_DONATION);
    request.mutable_contribution()->set_amount_satang(100);
    return client_->RecordContribution(request);
  }

  uint64_t JournalSize(const std::string& fund_id) {
    v1::GetFundRequest get;
    get.set_name(absl::StrCat("funds/", fund_id));
    auto fund = client_->GetFund(get);
    EXPECT_THAT(fund, IsOk());
    return fund.ok() ? fund->journal_size() : 0;
  }

  absl::StatusOr<v1::Entry> GetEntry(uint64_t sequence) {
    v1::GetEntryRequest get;
    get.set_name(absl::StrCat("funds/", kFundId, "/entries/", sequence));
    return client_->GetEntry(get);
  }

  // The sequences streamed before the stream ended, and how it ended.
  std::vector<uint64_t> Stream(grpc::Status* status) {
    grpc::ClientContext context;
    v1::StreamEntriesRequest request;
    request.set_fund(absl::StrCat("funds/", kFundId));
    auto reader = audit_->StreamEntries(&context, request);
    std::vector<uint64_t> sequences;
    v1::StoredEntries chunk;
    while (reader->Read(&chunk)) {
      for (const auto& entry : chunk.entries()) {
        sequences.push_back(entry.sequence());
      }
    }
    *status = reader->Finish();
    return sequences;
  }

  grpc::Status Checkpoint() {
    grpc::ClientContext context;
    v1::GetCheckpointRequest request;
    request.set_fund(absl::StrCat("funds/", kFundId));
    v1::SignedCheckpoint checkpoint;
    return audit_->GetCheckpoint(&context, request, &checkpoint);
  }

  // The integrity health status, once the scrub has made a pass since
  // the last (re)start.
  grpc::health::v1::HealthCheckResponse::ServingStatus IntegrityAfterPass() {
    for (int i = 0; i < 500 && server_.server().scrub_job()->passes() == 0;
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_GT(server_.server().scrub_job()->passes(), 0u);
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    request.set_service("welfare.integrity");
    grpc::health::v1::HealthCheckResponse response;
    EXPECT_TRUE(health_->Check(&context, request, &response).ok());
    return response.status();
  }

  TestServer server_;
  std::unique_ptr<client::LedgerClient> client_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
  uint64_t head_ = 0;
  int donations_ = 0;
};

TEST_F(DamagedEntryTest, AnIntactJournalScrubsClean) {
  EXPECT_EQ(IntegrityAfterPass(),
            grpc::health::v1::HealthCheckResponse::SERVING);
  EXPECT_EQ(server_.server().scrub_job()->damaged_last_pass(), 0u);
  grpc::Status status;
  EXPECT_EQ(Stream(&status).size(), head_);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

// The defect: the server chained the next entry onto the damaged bytes and
// signed a new checkpoint over them.
TEST_F(DamagedEntryTest, ADamagedHeadStopsWritesToItsFundAndIsNeverSigned) {
  server_.EditStoredEntry(kFundId, head_, ChangeMemo);
  Connect();
  absl::StatusOr<v1::Entry> refused = Donate(kFundId);
  EXPECT_THAT(refused, Damaged());
  EXPECT_THAT(std::string(refused.status().message()),
              ::testing::HasSubstr(absl::StrCat("entry ", head_)));
  EXPECT_EQ(JournalSize(kFundId), head_);     // Nothing was chained on.
  EXPECT_THAT(Donate(kOtherFundId), IsOk());  // Other funds go on.
  grpc::Status signed_status = Checkpoint();
  EXPECT_EQ(signed_status.error_code(), grpc::StatusCode::DATA_LOSS)
      << signed_status.error_message();
  EXPECT_THAT(GetEntry(head_), Damaged());
}

// The defect: an entry changed with the tree left alone was served as if
// it were the journal's, and an incremental audit never looks at it again.
TEST_F(DamagedEntryTest, ADamagedOldEntryIsNeverServedAndTheScrubFindsIt) {
  server_.EditStoredEntry(kFundId, 3, ChangeMemo);
  Connect();
  EXPECT_THAT(GetEntry(3), Damaged());
  EXPECT_THAT(GetEntry(2), IsOk());
  grpc::Status status;
  EXPECT_EQ(Stream(&status), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DATA_LOSS);
  EXPECT_NE(status.error_message().find("entry 3"), std::string::npos)
      << status.error_message();
  EXPECT_EQ(IntegrityAfterPass(),
            grpc::health::v1::HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(server_.server().scrub_job()->damaged_last_pass(), 1u);
  // The head is intact: the fund still takes writes.
  EXPECT_THAT(Donate(kFundId), IsOk());
}

}  // namespace
}  // namespace welfare::testing
