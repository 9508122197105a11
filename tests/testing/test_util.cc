#include "tests/testing/test_util.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/status.h"
#include "storage/keys.h"

namespace welfare::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern =
      absl::StrCat(base != nullptr ? base : "/tmp", "/welfare-test-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string NationalIdFor(int64_t n) {
  std::string digits = absl::StrFormat("1%011d", n % 100000000000LL);
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * (13 - i);
  digits.push_back(static_cast<char>('0' + (11 - sum % 11) % 10));
  return digits;
}

welfare::ledger::v1::Date MakeDate(int year, int month, int day) {
  welfare::ledger::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

std::string ReasonOf(const absl::Status& status) {
  return client::ErrorReason(status);
}

TestServer::TestServer() { Start(); }

TestServer::TestServer(std::function<void(server::ServerOptions&)> configure)
    : configure_(std::move(configure)) {
  Start();
}

TestServer::~TestServer() = default;

void TestServer::Start() {
  const absl::Status started = TryStart();
  if (!started.ok()) {
    ADD_FAILURE() << "cannot start the server: " << started;
    std::abort();
  }
}

absl::Status TestServer::TryStart() {
  server::ServerOptions& options = options_;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = dir_.path();
  options.clock = &clock_;
  options.block_cache_bytes = 8 << 20;
  options.memtable_budget_bytes = 16 << 20;
  // No 64 MiB ballast in every test's folder.
  options.ballast_bytes = 0;
  if (configure_) configure_(options);
  auto server = server::WelfareServer::Start(options);
  if (!server.ok()) return server.status();
  server_ = std::move(*server);
  return absl::OkStatus();
}

void TestServer::Restart() {
  Stop();
  Start();
}

void TestServer::Stop() { server_.reset(); }

void TestServer::ChangeDatabase(
    const std::function<void(storage::Store&)>& change) {
  Stop();
  {
    storage::StoreOptions options;
    options.path = data_dir() + "/db";
    auto store = storage::Store::Open(options);
    if (store.ok()) {
      change(**store);
    } else {
      ADD_FAILURE() << "cannot open the stopped server's database: "
                    << store.status();
    }
  }
  Start();
}

void TestServer::EditStoredEntry(
    const std::string& fund_id, uint64_t sequence,
    const std::function<void(std::string&)>& edit) {
  ChangeDatabase([&](storage::Store& store) {
    const std::string key = storage::keys::Entry(fund_id, sequence);
    rocksdb::ColumnFamilyHandle* journal =
        store.handle(storage::Column::kJournal);
    std::string bytes;
    ASSERT_TRUE(
        store.db()->Get(rocksdb::ReadOptions(), journal, key, &bytes).ok())
        << "no entry " << sequence << " of " << fund_id;
    edit(bytes);
    ASSERT_TRUE(
        store.db()->Put(rocksdb::WriteOptions(), journal, key, bytes).ok());
  });
}

std::string TestServer::target() const {
  return absl::StrCat("127.0.0.1:", port());
}

std::string TestServer::admin_token_file() const {
  return server::AdminTokenPath(options_);
}

std::string AdminTokenOf(const std::string& data_dir) {
  server::ServerOptions options;
  options.data_dir = data_dir;
  std::string token;
  std::ifstream(server::AdminTokenPath(options)) >> token;
  if (token.empty()) std::abort();
  return token;
}

std::string TestServer::admin_token() const {
  return AdminTokenOf(dir_.path());
}

std::shared_ptr<grpc::Channel> TestServer::NewChannel(
    const std::string& token) const {
  client::Credentials credentials;
  credentials.token = token.empty() ? admin_token() : token;
  auto channel = client::OpenChannel(target(), credentials);
  if (!channel.ok()) std::abort();
  return *std::move(channel);
}

std::unique_ptr<client::LedgerClient> TestServer::NewClient(
    const std::string& token) const {
  client::ClientOptions options;
  options.target = target();
  options.credentials.token = token.empty() ? admin_token() : token;
  options.deadline_ms = 20000;
  options.backoff_initial_ms = 10;
  auto client = client::LedgerClient::Connect(options);
  if (!client.ok()) std::abort();
  return std::move(*client);
}

}  // namespace welfare::testing
