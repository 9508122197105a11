// A full data volume, on a real small filesystem (a tmpfs the test mounts;
// skipped where the test may not mount one): welfared refuses writes
// UNAVAILABLE DISK_FULL with nothing written, answers health checks
// NOT_SERVING, still serves reads, starts again on the still-full volume,
// and writes again by itself once space is freed; on a volume too full for
// RocksDB to open for writing, it starts read-only. With the reserve turned
// off, RocksDB itself runs out of space mid-write: the same, without an
// abort.
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "services/server/server.h"
#include "tests/testing/test_util.h"

namespace welfare::testing {
namespace {

namespace v1 = welfare::ledger::v1;

constexpr uint64_t kMiB = 1 << 20;
constexpr uint64_t kVolumeBytes = 48 * kMiB;

uint64_t FreeBytes(const std::string& path) {
  struct statvfs volume;
  if (::statvfs(path.c_str(), &volume) != 0) return 0;
  return uint64_t(volume.f_bavail) * volume.f_frsize;
}

// Writes a file of zeros until it is `bytes` long or the volume is full.
void Fill(const std::string& path, uint64_t bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  const std::string chunk(64 << 10, '\0');
  for (uint64_t written = 0; written < bytes && out; written += chunk.size()) {
    out.write(chunk.data(), static_cast<std::streamsize>(std::min<uint64_t>(
                                chunk.size(), bytes - written)));
    out.flush();
  }
}

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    volume_ = dir_.path() + "/volume";
    std::filesystem::create_directories(volume_);
    const std::string size = absl::StrCat("size=", kVolumeBytes);
    if (::mount("tmpfs", volume_.c_str(), "tmpfs", 0, size.c_str()) != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno)
                   << "); the full-volume tests need root";
    }
    mounted_ = true;
    options_.data_dir = volume_ + "/data";
    options_.listen_address = "127.0.0.1:0";
    options_.clock = &clock_;
    options_.block_cache_bytes = 4 * kMiB;
    options_.memtable_budget_bytes = 8 * kMiB;
    options_.disk_reserve_bytes = 4 * kMiB;
    options_.ballast_bytes = 4 * kMiB;
    options_.scrub_entries_per_second = 0;
  }

  void TearDown() override {
    server_.reset();
    if (mounted_) ::umount2(volume_.c_str(), MNT_DETACH);
  }

  void StartServer() {
    auto server = server::WelfareServer::Start(options_);
    ASSERT_THAT(server, IsOk());
    server_ = *std::move(server);
    client::ClientOptions client_options;
    client_options.target = absl::StrCat("127.0.0.1:", server_->port());
    client_options.credentials.token = AdminTokenOf(options_.data_dir);
    client_options.deadline_ms = 10000;
    client_options.attempts_max = 1;  // See every refusal.
    auto client = client::LedgerClient::Connect(client_options);
    ASSERT_THAT(client, IsOk());
    client_ = *std::move(client);
  }

  void CreateFund() {
    v1::CreateFundRequest create;
    create.set_fund_id("ban-full");
    create.mutable_fund()->set_display_name("กองทุนทดสอบดิสก์เต็ม");
    *create.mutable_fund()->mutable_founding_date() = MakeDate(2025, 1, 1);
    create.mutable_fund()->set_area_code("330101");
    ASSERT_THAT(client_->CreateFund(create), IsOk());
  }

  absl::StatusOr<v1::Entry> Donate() {
    v1::RecordContributionRequest request;
    request.set_parent("funds/ban-full");
    request.set_request_id(absl::StrCat("donation-", ++writes_));
    request.mutable_contribution()->set_source(
        v1::CONTRIBUTION_SOURCE_DONATION);
    request.mutable_contribution()->set_amount_satang(100);
    *request.mutable_contribution()->mutable_effective_date() =
        MakeDate(2026, 1, 1);
    // The longest memo: each entry takes over half a kilobyte.
    request.mutable_contribution()->set_memo(std::string(500, 'x'));
    return client_->RecordContribution(request);
  }

  // Writes until one is refused; returns the refusal (OK if none of
  // max_writes was).
  absl::Status WriteUntilRefused(int max_writes) {
    for (int i = 0; i < max_writes; ++i) {
      absl::StatusOr<v1::Entry> entry = Donate();
      if (!entry.ok()) return entry.status();
      ++acknowledged_;
    }
    return absl::OkStatus();
  }

  // Retries a write for up to 20 s (RocksDB's own recovery polls free
  // space every few seconds).
  absl::Status WriteWithin20s() {
    absl::Status last;
    for (int i = 0; i < 200; ++i) {
      absl::StatusOr<v1::Entry> entry = Donate();
      if (entry.ok()) {
        ++acknowledged_;
        return absl::OkStatus();
      }
      last = entry.status();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return last;
  }

  int64_t JournalSize() {
    v1::GetFundRequest get;
    get.set_name("funds/ban-full");
    auto fund = client_->GetFund(get);
    EXPECT_THAT(fund, IsOk());
    return fund.ok() ? static_cast<int64_t>(fund->journal_size()) : -1;
  }

  std::string Filler() const { return volume_ + "/filler"; }

  TempDir dir_;
  std::string volume_;
  bool mounted_ = false;
  storage::FakeClock clock_{kTestNowMicros};
  server::ServerOptions options_;
  std::unique_ptr<server::WelfareServer> server_;
  std::unique_ptr<client::LedgerClient> client_;
  int writes_ = 0;
  int acknowledged_ = 0;
};

auto DiskFull() {
  return HasError(absl::StatusCode::kUnavailable, "DISK_FULL");
}

TEST_F(DiskFullTest, RefusesCleanlyServesReadsRestartsAndResumes) {
  StartServer();
  CreateFund();
  // Leave the reserve and 2 MiB: a couple of thousand entries at most.
  Fill(Filler(), FreeBytes(volume_) - options_.disk_reserve_bytes - 2 * kMiB);
  const int64_t before = JournalSize();
  EXPECT_THAT(WriteUntilRefused(20000), DiskFull());
  EXPECT_GT(acknowledged_, 0);
  // Nothing of the refused write was written; reads go on; health says so.
  EXPECT_EQ(JournalSize(), before + acknowledged_);
  EXPECT_FALSE(server_->healthy());
  EXPECT_THAT(
      client_->CheckHealth(),
      ::testing::Property(&absl::Status::code, absl::StatusCode::kUnavailable));
  // Still refused, unless RocksDB's own clean-up (an obsolete log or table
  // deleted) has just brought the volume back above the reserve.
  const absl::StatusOr<v1::Entry> again = Donate();
  if (again.ok()) {
    ++acknowledged_;
  } else {
    EXPECT_THAT(again, DiskFull());
  }

  // An operator frees space: writing resumes with no restart.
  ASSERT_EQ(::unlink(Filler().c_str()), 0);
  ASSERT_THAT(WriteWithin20s(), IsOk());
  EXPECT_TRUE(server_->healthy());
  EXPECT_THAT(client_->CheckHealth(), IsOk());
  EXPECT_EQ(JournalSize(), before + acknowledged_);
}

TEST_F(DiskFullTest, StartsReadOnlyOnAVolumeFullToTheLastByte) {
  StartServer();
  CreateFund();
  ASSERT_THAT(WriteUntilRefused(50), IsOk());
  const int64_t size = JournalSize();
  server_.reset();
  // Not even the ballast's room is left: RocksDB cannot write a MANIFEST.
  Fill(Filler(), kVolumeBytes);
  ::unlink((options_.data_dir + "/db.ballast").c_str());
  Fill(Filler(), kVolumeBytes);
  StartServer();
  EXPECT_EQ(JournalSize(), size);
  EXPECT_FALSE(server_->healthy());
  EXPECT_THAT(
      client_->CheckHealth(),
      ::testing::Property(&absl::Status::code, absl::StatusCode::kUnavailable));
  const absl::StatusOr<v1::Entry> refused = Donate();
  EXPECT_THAT(refused, DiskFull());
  EXPECT_THAT(std::string(refused.status().message()),
              ::testing::HasSubstr("restart welfared"));
  // Space freed and a restart: every entry is there and writes go on.
  server_.reset();
  ASSERT_EQ(::unlink(Filler().c_str()), 0);
  StartServer();
  EXPECT_EQ(JournalSize(), size);
  EXPECT_TRUE(server_->healthy());
  ASSERT_THAT(Donate(), IsOk());
  EXPECT_EQ(JournalSize(), size + 1);
}

// "Whatever the flags": with no reserve, the volume fills under RocksDB's
// own writes (the write-ahead log, flushes). Its info log is not on the
// volume, so nothing aborts; the refusal is the same, and so is resuming.
TEST_F(DiskFullTest, WithoutAReserveRocksDbRunsOutAndNothingAborts) {
  options_.disk_reserve_bytes = 0;
  options_.ballast_bytes = 0;
  StartServer();
  CreateFund();
  Fill(Filler(), FreeBytes(volume_) - 2 * kMiB);
  const int64_t before = JournalSize();
  EXPECT_THAT(WriteUntilRefused(20000), DiskFull());
  EXPECT_EQ(JournalSize(), before + acknowledged_);
  EXPECT_FALSE(server_->healthy());
  ASSERT_EQ(::unlink(Filler().c_str()), 0);
  ASSERT_THAT(WriteWithin20s(), IsOk());
  EXPECT_TRUE(server_->healthy());
  EXPECT_EQ(JournalSize(), before + acknowledged_);
  // And after a restart every acknowledged entry is there.
  server_.reset();
  StartServer();
  EXPECT_EQ(JournalSize(), before + acknowledged_);
}

}  // namespace
}  // namespace welfare::testing
