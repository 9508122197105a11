// WelfareServer: welfared's gRPC server, apart from main() so that tests can
// start one in-process on a free loopback port.
#ifndef WELFARE_SERVICES_SERVER_SERVER_H_
#define WELFARE_SERVICES_SERVER_SERVER_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "services/audit/audit_log.h"
#include "services/domain/ledger.h"
#include "services/grpc/audit_service.h"
#include "services/grpc/report_services.h"
#include "services/grpc/services.h"
#include "storage/clock.h"

namespace welfare::server {

struct ServerOptions {
  // host:port; port 0 picks a free port (see WelfareServer::port()).
  std::string listen_address = "127.0.0.1:7543";
  // Holds the database (db/) and the national-ID pepper file; created if
  // missing.
  std::string data_dir = "welfare-data";
  // Journal shards, one committer thread each.
  int shards = 2;
  // Memory of RocksDB's block cache and memtables.
  size_t block_cache_bytes = 32 << 20;
  size_t memtable_budget_bytes = 64 << 20;
  // The checkpoint signing key file (services/audit/signing_key.h); empty
  // means <data_dir>/checkpoint-signing.key. Created if missing. The verifier
  // key is written beside the data folder's database as
  // <data_dir>/checkpoint-verifier.key.
  std::string signing_key_file;
  // The log's name: the signing key's name and the start of every
  // checkpoint origin ("<log_name>/funds/<fund_id>").
  std::string log_name = "welfare-ledger.local";
  // Without TLS (a later issue), only loopback addresses are accepted unless
  // this is set.
  bool insecure_listen_anywhere = false;
  // Tests only: the journal's clock. Not owned.
  const storage::Clock* clock = nullptr;
};

class WelfareServer {
 public:
  // Opens the ledger and starts serving. Errors: INVALID_ARGUMENT for a bad
  // listen address or a non-loopback one without insecure_listen_anywhere;
  // UNAVAILABLE if the port cannot be bound or the database is locked by
  // another server; those of Ledger::Open.
  static absl::StatusOr<std::unique_ptr<WelfareServer>> Start(
      const ServerOptions& options);
  // Shuts down (if not yet) and closes the ledger.
  ~WelfareServer();

  // The port actually bound.
  int port() const { return port_; }
  // Stops accepting calls, waits for running ones (at most deadline_ms),
  // and finishes every queued write.
  void Shutdown(int deadline_ms = 5000);
  // Blocks until Shutdown() has been called from another thread.
  void Wait();

  // One line for operators: resident memory and where RocksDB's goes.
  std::string MemoryReport() const;

  // False once a journal write has failed: the server then refuses writes
  // until restarted, and answers health checks NOT_SERVING.
  bool healthy() const { return healthy_.load(); }

 private:
  WelfareServer() = default;
  void OnWriteFailure(const absl::Status& status);
  std::atomic<bool> healthy_{true};
  std::unique_ptr<domain::Ledger> ledger_;
  std::unique_ptr<grpc_edge::FundService> fund_service_;
  std::unique_ptr<grpc_edge::MemberService> member_service_;
  std::unique_ptr<grpc_edge::LedgerService> ledger_service_;
  std::unique_ptr<grpc_edge::ReportService> report_service_;
  std::unique_ptr<grpc_edge::PartnerService> partner_service_;
  std::unique_ptr<audit::AuditLog> audit_log_;
  std::unique_ptr<grpc_edge::AuditService> audit_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  bool shut_down_ = false;
};

// Reads the data folder's pepper file, creating it (32 random bytes, mode
// 0600) on first start.
absl::StatusOr<std::string> LoadOrCreatePepper(const std::string& data_dir);

// Where the signing key and the verifier key files of options are.
std::string SigningKeyPath(const ServerOptions& options);
std::string VerifierKeyPath(const ServerOptions& options);

// Whether host:port names a loopback host (127.x.x.x, ::1, localhost).
bool IsLoopbackAddress(const std::string& address);

}  // namespace welfare::server

#endif  // WELFARE_SERVICES_SERVER_SERVER_H_
