// WelfareServer: welfared's gRPC server, apart from main() so that tests can
// start one in-process on a free loopback port.
#ifndef WELFARE_SERVICES_SERVER_SERVER_H_
#define WELFARE_SERVICES_SERVER_SERVER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "services/audit/audit_log.h"
#include "services/auth/gate.h"
#include "services/auth/principals.h"
#include "services/domain/ledger.h"
#include "services/grpc/access_service.h"
#include "services/grpc/admission.h"
#include "services/grpc/audit_service.h"
#include "services/grpc/call_counter.h"
#include "services/grpc/report_services.h"
#include "services/grpc/services.h"
#include "services/grpc/stream_budget.h"
#include "services/server/scrub_job.h"
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
  // TLS: PEM files of the server's certificate (chain) and private key.
  // Both or neither; without them the server speaks plaintext, and only on
  // loopback addresses unless insecure_listen_anywhere.
  std::string tls_certificate_file;
  std::string tls_key_file;
  bool insecure_listen_anywhere = false;
  // Where the first administrator's token is written on first start (mode
  // 0600); empty means <data_dir>/admin.token.
  std::string admin_token_file;
  // Calls one principal may have running at once.
  int calls_per_principal_max = 32;
  // Entry streams (StreamEntries) open at once, and the bytes their
  // buffers may hold together (2 MiB each); more are refused
  // RESOURCE_EXHAUSTED STREAMS_EXHAUSTED.
  int streams_max = 64;
  size_t stream_buffer_bytes_max = 256 << 20;
  // Serve gRPC server reflection (the schema only, without
  // authentication: the .proto files are public).
  bool reflection = false;
  // Writes are refused UNAVAILABLE DISK_FULL while the data volume has
  // less free than this, and a ballast file of ballast_bytes is kept in the
  // data folder to be released when the volume fills anyway
  // (storage/disk_space.h).
  uint64_t disk_reserve_bytes = 64 << 20;
  uint64_t ballast_bytes = 64 << 20;
  // The background scrub (scrub_job.h): entries re-hashed per second (0:
  // no background scrub), the wait before the first pass, and between
  // passes.
  int64_t scrub_entries_per_second = 2000;
  absl::Duration scrub_first_delay = absl::Seconds(10);
  absl::Duration scrub_interval = absl::Hours(24);
  // Where refused credentials are logged; stderr if empty (tests).
  std::function<void(const std::string&)> log;
  // Tests only: the journal's clock. Not owned.
  const storage::Clock* clock = nullptr;
};

class WelfareServer {
 public:
  // Opens the ledger and starts serving. Errors: INVALID_ARGUMENT for a bad
  // listen address, a non-loopback one without TLS or
  // insecure_listen_anywhere, or only one of the TLS files; NOT_FOUND or
  // INVALID_ARGUMENT for a TLS file that cannot be read or holds no PEM;
  // FAILED_PRECONDITION if the database has no principal but the admin
  // token file exists;
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

  // False while the server refuses writes, and health checks answer
  // NOT_SERVING: while the data volume is full (until space is freed), or
  // for good once a journal write has failed otherwise (until restarted).
  bool healthy() const { return healthy_.load() && !disk_full_.load(); }

  // The background scrub; null if scrub_entries_per_second is 0.
  const ScrubJob* scrub_job() const { return scrub_job_.get(); }

 private:
  WelfareServer() = default;
  void OnWriteFailure(const absl::Status& status);
  void OnWriteRecovered();
  void SetServing();
  void OnScrubPass(const absl::StatusOr<storage::ScrubReport>& report);
  std::atomic<bool> healthy_{true};
  std::atomic<bool> disk_full_{false};
  std::unique_ptr<domain::Ledger> ledger_;
  std::unique_ptr<auth::Principals> principals_;
  std::unique_ptr<auth::Gate> gate_;
  std::unique_ptr<grpc_edge::Admission> admission_;
  std::unique_ptr<grpc_edge::AccessService> access_service_;
  std::unique_ptr<grpc_edge::FundService> fund_service_;
  std::unique_ptr<grpc_edge::MemberService> member_service_;
  std::unique_ptr<grpc_edge::LedgerService> ledger_service_;
  std::unique_ptr<grpc_edge::RulebookService> rulebook_service_;
  std::unique_ptr<grpc_edge::ClaimService> claim_service_;
  std::unique_ptr<grpc_edge::ReportService> report_service_;
  std::unique_ptr<grpc_edge::PartnerService> partner_service_;
  std::unique_ptr<grpc_edge::StreamBudget> streams_;
  grpc_edge::CallCounter calls_;
  std::unique_ptr<audit::AuditLog> audit_log_;
  std::unique_ptr<grpc_edge::AuditService> audit_service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<ScrubJob> scrub_job_;  // After server_: it sets health.
  int port_ = 0;
  bool shut_down_ = false;
};

// The health service name whose status says whether the last scrub pass
// found every stored entry intact (NOT_SERVING: damage; see the log).
inline constexpr char kIntegrityHealthService[] = "welfare.integrity";

// The data folder's national-ID pepper: read from its file, or made and
// written to it (32 random bytes, mode 0600) if the file is missing.
struct Pepper {
  std::string bytes;
  bool created = false;  // The file was missing and has been written now.
  std::string path;
};
absl::StatusOr<Pepper> LoadOrCreatePepper(const std::string& data_dir);

// Where the signing key and the verifier key files of options are.
std::string SigningKeyPath(const ServerOptions& options);
std::string VerifierKeyPath(const ServerOptions& options);

// Where the first administrator's token file of options is.
std::string AdminTokenPath(const ServerOptions& options);

// Whether host:port names a loopback host (127.x.x.x, ::1, localhost).
bool IsLoopbackAddress(const std::string& address);

}  // namespace welfare::server

#endif  // WELFARE_SERVICES_SERVER_SERVER_H_
