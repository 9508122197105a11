// Test helpers: temporary folders, status matchers, a fixed clock, national
// IDs that pass the checksum, and a real server on a loopback port.
#ifndef WELFARE_TESTS_TESTING_TEST_UTIL_H_
#define WELFARE_TESTS_TESTING_TEST_UTIL_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/server/server.h"
#include "storage/clock.h"
#include "storage/store.h"

namespace welfare::testing {

// A fresh folder under $TEST_TMPDIR or /tmp, removed with its contents when
// destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// 2026-06-15 12:00 in Thailand (05:00 UTC): tests never read the real clock.
inline constexpr int64_t kTestNowMicros = 1781499600LL * 1000000;

// A valid 13-digit national ID derived from n (the check digit computed).
std::string NationalIdFor(int64_t n);

// A welfare.ledger.v1.Date (Gregorian).
welfare::ledger::v1::Date MakeDate(int year, int month, int day);

inline const absl::Status& StatusOf(const absl::Status& status) {
  return status;
}
template <typename T>
const absl::Status& StatusOf(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

// The error reason of a status: the server's (client side) or the domain's
// (server side); both use the same payload.
std::string ReasonOf(const absl::Status& status);

MATCHER(IsOk, "is OK") {
  const absl::Status& status = StatusOf(arg);
  if (status.ok()) return true;
  *result_listener << "status is " << status.ToString();
  return false;
}

// Matches an absl::Status or StatusOr failing with code and reason (an
// ErrorReason name).
MATCHER_P2(HasError, code, reason,
           std::string("fails with ") + absl::StatusCodeToString(code) + " " +
               reason) {
  const absl::Status& status = StatusOf(arg);
  *result_listener << "status is " << status.ToString() << " reason "
                   << ReasonOf(status);
  return status.code() == code && ReasonOf(status) == reason;
}

// The first administrator's token of a server started on data_dir with the
// default token file (aborts if there is none).
std::string AdminTokenOf(const std::string& data_dir);

// A real welfared, in this process, on a free loopback port, over a
// temporary data folder, with a fake clock at kTestNowMicros.
class TestServer {
 public:
  TestServer();
  // configure may change the options (limits, the scrub) before every
  // start; the listen address, data folder and clock are the test's.
  explicit TestServer(std::function<void(server::ServerOptions&)> configure);
  ~TestServer();
  // Stops and starts the server again on the same data folder.
  void Restart();
  // Stops the server (e.g. to change its database directly), and starts it
  // again on the same data folder.
  void Stop();
  void Start();
  // Start, returning why the server would not start instead of aborting.
  absl::Status TryStart();
  // Stops the server, opens its database, calls change (which may fail the
  // test), closes the database and starts the server again (on a new port).
  void ChangeDatabase(const std::function<void(storage::Store&)>& change);
  // Changes the stored bytes of one entry of a fund (through ChangeDatabase),
  // as someone editing the database behind the server's back would; fails
  // the test if the entry is missing.
  void EditStoredEntry(const std::string& fund_id, uint64_t sequence,
                       const std::function<void(std::string&)>& edit);
  int port() const { return server_->port(); }
  server::WelfareServer& server() { return *server_; }
  std::string target() const;
  // A client with short retries, calling with token (by default the first
  // administrator's, which may call everything).
  std::unique_ptr<client::LedgerClient> NewClient(
      const std::string& token = "") const;
  // A channel whose calls carry token (by default the administrator's).
  std::shared_ptr<grpc::Channel> NewChannel(
      const std::string& token = "") const;
  // The first administrator's token, and the file it is in.
  std::string admin_token() const;
  std::string admin_token_file() const;
  storage::FakeClock& clock() { return clock_; }
  const std::string& data_dir() const { return dir_.path(); }

 private:
  TempDir dir_;
  storage::FakeClock clock_{kTestNowMicros};
  server::ServerOptions options_;
  std::function<void(server::ServerOptions&)> configure_;
  std::unique_ptr<server::WelfareServer> server_;
};

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_TESTING_TEST_UTIL_H_
