#include "services/server/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/notification.h"
#include "grpc/grpc.h"
#include "grpc/health/v1/health.pb.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/impl/server_builder_option.h"
#include "grpcpp/impl/server_builder_plugin.h"
#include "services/audit/signing_key.h"
#include "services/domain/views.h"
#include "services/grpc/unparsed_request_interceptor.h"
#include "services/log/rate_limited_log.h"
#include "services/tls/self_signed.h"
#include "storage/disk_space.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::server {
namespace {

constexpr char kPepperFile[] = "national-id-pepper.key";
constexpr size_t kPepperBytes = 32;
// Batches of 2,000 items fit comfortably.
constexpr int kMessageBytesMax = 16 << 20;

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(
      absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// Takes the reflection plugin (registered for every server of the process
// once the plugin library is linked) off one server.
class NoReflection : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments* arguments) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>*
                         plugins) override {
    plugins->erase(
        std::remove_if(plugins->begin(), plugins->end(),
                       [](const std::unique_ptr<grpc::ServerBuilderPlugin>& p) {
                         return p->name() == "proto_server_reflection";
                       }),
        plugins->end());
  }
};

// gRPC's default health service serves grpc.health.v1.Health without the
// generated code of health.proto, so nothing in the server would link that
// file's descriptor, and reflection would list the service and then answer
// "Symbol not found" when asked to describe it. Naming a message links the
// file and builds its descriptor in the generated pool reflection reads.
void LinkHealthDescriptor() {
  grpc::health::v1::HealthCheckRequest::descriptor();
}

}  // namespace

bool IsLoopbackAddress(const std::string& address) {
  std::string host = address;
  if (absl::StartsWith(host, "[")) {
    host = host.substr(1, host.find(']') == std::string::npos
                              ? std::string::npos
                              : host.find(']') - 1);
  } else if (auto colon = host.rfind(':'); colon != std::string::npos) {
    host = host.substr(0, colon);
  }
  // IP literals only (a name such as 127.example.org may resolve anywhere),
  // and localhost.
  if (host == "localhost" || host == "::1") return true;
  in_addr v4;
  return ::inet_pton(AF_INET, host.c_str(), &v4) == 1 &&
         (ntohl(v4.s_addr) >> 24) == 127;
}

absl::StatusOr<Pepper> LoadOrCreatePepper(const std::string& data_dir) {
  const std::string path = absl::StrCat(data_dir, "/", kPepperFile);
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string pepper((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
    if (pepper.size() != kPepperBytes) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, " holds ", pepper.size(), " bytes, want ", kPepperBytes,
          "; restore it from backup (without it, duplicate national IDs "
          "cannot be found)"));
    }
    return Pepper{std::move(pepper), /*created=*/false, path};
  }
  const std::string pepper = storage::RandomBytes(kPepperBytes);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return ErrnoError("cannot create", path);
  bool written = ::write(fd, pepper.data(), pepper.size()) ==
                 static_cast<ssize_t>(pepper.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written) return ErrnoError("cannot write", path);
  return Pepper{pepper, /*created=*/true, path};
}

std::string SigningKeyPath(const ServerOptions& options) {
  return options.signing_key_file.empty()
             ? options.data_dir + "/checkpoint-signing.key"
             : options.signing_key_file;
}

std::string VerifierKeyPath(const ServerOptions& options) {
  return options.data_dir + "/checkpoint-verifier.key";
}

std::string AdminTokenPath(const ServerOptions& options) {
  return options.admin_token_file.empty() ? options.data_dir + "/admin.token"
                                          : options.admin_token_file;
}

namespace {

// TLS from the options' files, or plaintext where the listen address allows
// it.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const ServerOptions& options) {
  const bool tls = !options.tls_certificate_file.empty();
  if (tls != !options.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        "TLS needs both a certificate file and a key file "
        "(--tls_certificate_file and --tls_key_file)");
  }
  if (!tls) {
    if (!options.insecure_listen_anywhere &&
        !IsLoopbackAddress(options.listen_address)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "listen address ", options.listen_address,
          " is not loopback; without TLS (--tls_certificate_file, "
          "--tls_key_file) the server listens only on 127.0.0.1 or ::1 "
          "unless started with --insecure_listen_anywhere"));
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions ssl;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  ASSIGN_OR_RETURN(pair.cert_chain,
                   tls::ReadPemFile(options.tls_certificate_file));
  ASSIGN_OR_RETURN(pair.private_key, tls::ReadPemFile(options.tls_key_file));
  ssl.pem_key_cert_pairs.push_back(std::move(pair));
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

absl::StatusOr<std::unique_ptr<WelfareServer>> WelfareServer::Start(
    const ServerOptions& options) {
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                   ServerCredentials(options));
  std::error_code error;
  std::filesystem::create_directories(options.data_dir, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat(
        "cannot create data folder ", options.data_dir, ": ", error.message()));
  }
  domain::LedgerOptions ledger_options;
  ASSIGN_OR_RETURN(Pepper pepper, LoadOrCreatePepper(options.data_dir));
  ledger_options.national_id_pepper = pepper.bytes;
  ledger_options.national_id_pepper_is_new = pepper.created;
  ledger_options.journal.store.path = options.data_dir + "/db";
  ledger_options.journal.store.block_cache_bytes = options.block_cache_bytes;
  ledger_options.journal.store.memtable_budget_bytes =
      options.memtable_budget_bytes;
  ledger_options.journal.shards = options.shards;
  ledger_options.journal.clock = options.clock;
  ledger_options.journal.store.disk_reserve_bytes = options.disk_reserve_bytes;
  ledger_options.journal.store.ballast_bytes = options.ballast_bytes;
  ledger_options.journal.store.log = [](const std::string& line) {
    log::ProcessLog().Write("rocksdb", line);
  };

  auto server = std::unique_ptr<WelfareServer>(new WelfareServer());
  ledger_options.journal.committer.on_write_failure =
      [raw = server.get()](const absl::Status& status) {
        raw->OnWriteFailure(status);
      };
  ledger_options.journal.committer.on_write_recovered = [raw = server.get()] {
    raw->OnWriteRecovered();
  };
  absl::StatusOr<std::unique_ptr<domain::Ledger>> ledger =
      domain::Ledger::Open(ledger_options);
  if (!ledger.ok()) {
    // A pepper made for a database that refused it (or could not be opened)
    // must not stay: the next start would take it for the database's own.
    if (pepper.created) ::unlink(pepper.path.c_str());
    return ledger.status();
  }
  server->ledger_ = *std::move(ledger);
  if (server->ledger_->store().opened_on_full_volume()) {
    server->disk_full_.store(true);
    log::ProcessLog().Write(
        "storage",
        "the data volume is too full to open the database for writing; it "
        "is open read-only: reads are served, writes are refused "
        "UNAVAILABLE DISK_FULL and health checks answer NOT_SERVING. Free "
        "space on the data volume, then restart welfared");
  }
  ASSIGN_OR_RETURN(
      server->principals_,
      auth::Principals::Open(
          server->ledger_->mutable_store(),
          options.clock != nullptr ? options.clock : storage::RealClock(),
          AdminTokenPath(options)));
  auth::GateOptions gate_options;
  gate_options.calls_per_principal_max = options.calls_per_principal_max;
  gate_options.log = options.log;
  server->gate_ = std::make_unique<auth::Gate>(server->principals_.get(),
                                               std::move(gate_options));
  server->admission_ =
      std::make_unique<grpc_edge::Admission>(server->gate_.get());
  grpc_edge::Admission* const admission = server->admission_.get();
  server->access_service_ = std::make_unique<grpc_edge::AccessService>(
      server->principals_.get(), admission);
  server->fund_service_ = std::make_unique<grpc_edge::FundService>(
      server->ledger_.get(), admission);
  server->member_service_ = std::make_unique<grpc_edge::MemberService>(
      server->ledger_.get(), admission);
  server->ledger_service_ = std::make_unique<grpc_edge::LedgerService>(
      server->ledger_.get(), admission);
  server->rulebook_service_ = std::make_unique<grpc_edge::RulebookService>(
      server->ledger_.get(), admission);
  server->claim_service_ = std::make_unique<grpc_edge::ClaimService>(
      server->ledger_.get(), admission);
  server->report_service_ = std::make_unique<grpc_edge::ReportService>(
      server->ledger_.get(), admission);
  server->partner_service_ = std::make_unique<grpc_edge::PartnerService>(
      server->ledger_.get(), admission);
  ASSIGN_OR_RETURN(auto signer, audit::LoadOrCreateSigningKey(
                                    SigningKeyPath(options), options.log_name,
                                    /*create=*/true, VerifierKeyPath(options)));
  server->audit_log_ = std::make_unique<audit::AuditLog>(
      &server->ledger_->store(), std::move(signer));
  server->streams_ = std::make_unique<grpc_edge::StreamBudget>(
      options.streams_max, options.stream_buffer_bytes_max);
  server->audit_service_ = std::make_unique<grpc_edge::AuditService>(
      server->audit_log_.get(), admission, server->streams_.get());

  log::RouteProtobufLog(&log::ProcessLog());
  grpc::EnableDefaultHealthCheckService(true);
  LinkHealthDescriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  if (!options.reflection) builder.SetOption(std::make_unique<NoReflection>());
  builder.AddListeningPort(options.listen_address, std::move(credentials),
                           &server->port_);
  builder.SetMaxReceiveMessageSize(kMessageBytesMax);
  builder.RegisterService(server->access_service_.get());
  builder.RegisterService(server->fund_service_.get());
  builder.RegisterService(server->member_service_.get());
  builder.RegisterService(server->ledger_service_.get());
  builder.RegisterService(server->rulebook_service_.get());
  builder.RegisterService(server->claim_service_.get());
  builder.RegisterService(server->audit_service_.get());
  builder.RegisterService(server->report_service_.get());
  builder.RegisterService(server->partner_service_.get());
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(grpc_edge::NewUnparsedRequestInterceptorFactory());
  interceptors.push_back(server->calls_.NewInterceptorFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen_address,
        " (is another server using the port, or is the address wrong?)"));
  }
  server->server_->GetHealthCheckService()->SetServingStatus(
      kIntegrityHealthService, true);
  server->SetServing();
  if (options.scrub_entries_per_second > 0) {
    ScrubJobOptions scrub;
    scrub.entries_per_second = options.scrub_entries_per_second;
    scrub.first_delay = options.scrub_first_delay;
    scrub.interval = options.scrub_interval;
    scrub.on_damage = [](const absl::Status& damage) {
      log::ProcessLog().Write("scrub", damage.ToString());
    };
    scrub.on_pass = [raw = server.get()](
                        const absl::StatusOr<storage::ScrubReport>& report) {
      raw->OnScrubPass(report);
    };
    server->scrub_job_ =
        std::make_unique<ScrubJob>(&server->ledger_->store(), std::move(scrub));
  }
  return server;
}

void WelfareServer::OnScrubPass(
    const absl::StatusOr<storage::ScrubReport>& report) {
  if (!report.ok()) {
    log::ProcessLog().Write("scrub",
                            "the pass stopped: " + report.status().ToString());
    return;
  }
  log::ProcessLog().Write(
      "scrub",
      absl::StrCat("checked ", report->entries, " entries of ", report->funds,
                   " funds: ",
                   report->damaged == 0 ? std::string("all intact")
                                        : absl::StrCat(report->damaged,
                                                       " damaged (health "
                                                       "welfare.integrity is "
                                                       "NOT_SERVING)")));
  server_->GetHealthCheckService()->SetServingStatus(kIntegrityHealthService,
                                                     report->damaged == 0);
}

std::string WelfareServer::MemoryReport() const {
  const storage::Store::MemoryUsage usage = ledger_->StorageMemory();
  int64_t resident_kib = 0;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (absl::StartsWith(line, "VmRSS:")) {
      resident_kib = std::strtoll(line.c_str() + 6, nullptr, 10);
    }
  }
  constexpr double kMiB = 1 << 20;
  return absl::StrFormat(
      "memory: resident %.1f MiB; RocksDB memtables %.1f MiB, block cache "
      "%.1f MiB (pinned %.1f MiB), table readers %.1f MiB",
      resident_kib / 1024.0, usage.memtables / kMiB, usage.block_cache / kMiB,
      usage.block_cache_pinned / kMiB, usage.table_readers / kMiB);
}

void WelfareServer::OnWriteFailure(const absl::Status& status) {
  if (storage::IsDiskFull(status)) {
    if (disk_full_.exchange(true)) return;  // Said once is enough.
    log::ProcessLog().Write(
        "storage",
        absl::StrCat("the data volume is full (", status.message(),
                     "); writes are refused UNAVAILABLE DISK_FULL and health "
                     "checks answer NOT_SERVING until space is freed; reads "
                     "are still served"));
    SetServing();
    return;
  }
  if (!healthy_.exchange(false)) return;  // Said once is enough.
  std::fprintf(stderr,
               "welfared: writing the journal failed (%s); every later write "
               "will be refused until welfared is restarted. Health checks "
               "now answer NOT_SERVING.\n",
               status.ToString().c_str());
  SetServing();
}

void WelfareServer::OnWriteRecovered() {
  if (!disk_full_.exchange(false)) return;
  log::ProcessLog().Write("storage",
                          "space on the data volume is back: writing again");
  SetServing();
}

void WelfareServer::SetServing() {
  if (server_ != nullptr && server_->GetHealthCheckService() != nullptr) {
    // The server as a whole (""), not every service name: the integrity
    // status is the scrub's to set.
    server_->GetHealthCheckService()->SetServingStatus("", healthy());
  }
}

void WelfareServer::Shutdown(int deadline_ms) {
  if (shut_down_) return;
  shut_down_ = true;
  // NOT_SERVING first, so that load balancers stop sending calls.
  server_->GetHealthCheckService()->Shutdown();
  // gRPC's Shutdown(deadline) waits until every connection has closed. An
  // idle client answers the server's last ping only when its own poller
  // wakes (up to 5 s), and a stream (Health.Watch, StreamEntries) holds
  // its connection to the deadline. So once no unary call is running, every
  // remaining call is cancelled, which also closes the idle connections.
  absl::Notification done;
  std::thread stopper([this, deadline_ms, &done] {
    server_->Shutdown(std::chrono::system_clock::now() +
                      std::chrono::milliseconds(deadline_ms));
    done.Notify();
  });
  while (!done.WaitForNotificationWithTimeout(absl::Milliseconds(10))) {
    if (calls_.running_unary() == 0) {
      grpc_server_cancel_all_calls(server_->c_server());
    }
  }
  stopper.join();
}

void WelfareServer::Wait() { server_->Wait(); }

WelfareServer::~WelfareServer() {
  scrub_job_.reset();  // Reads the store and sets the health service.
  if (server_ != nullptr) {
    Shutdown();
    server_->Wait();
  }
  // The ledger finishes its queued writes before the services go away.
  ledger_.reset();
}

}  // namespace welfare::server
