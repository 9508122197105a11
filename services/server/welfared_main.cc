// welfared: the welfare-ledger server.
//
//   welfared [--listen=127.0.0.1:7543] [--data_dir=welfare-data]
//   welfared --print_verifier_key [--data_dir=welfare-data]
//   welfared --inspect=funds|entries|scrub [--data_dir=welfare-data]
//   welfared --make_self_signed_certificate --tls_certificate_file=F
//            --tls_key_file=K [--tls_hosts=localhost,127.0.0.1]
//
// Stops cleanly on SIGINT or SIGTERM: refuses new calls, finishes running
// ones and every queued write, then closes the database.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <tuple>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/audit/signing_key.h"
#include "services/server/inspect.h"
#include "services/server/server.h"
#include "services/tls/self_signed.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:7543",
          "host:port to listen on; port 0 picks a free one. Only loopback "
          "addresses unless --insecure_listen_anywhere.");
ABSL_FLAG(std::string, data_dir, "welfare-data",
          "Folder of the database (db/) and the national-ID pepper file; "
          "created if missing. Back it up as a whole.");
ABSL_FLAG(int, shards, 2, "Journal shards: one writer thread each (1..64).");
ABSL_FLAG(int, cache_mb, 32, "RocksDB block cache, in MiB.");
ABSL_FLAG(int, memtable_mb, 64, "Upper bound of RocksDB's memtables, in MiB.");
ABSL_FLAG(int, memory_report_s, 0,
          "Every this many seconds, print resident memory and RocksDB's "
          "share of it to stderr (0: never).");
ABSL_FLAG(std::string, log_name, "welfare-ledger.local",
          "The name of this server's verifiable log: the name of its "
          "checkpoint signing key and the start of every checkpoint origin "
          "(<log_name>/funds/<fund_id>). Fixed when the key is created.");
ABSL_FLAG(std::string, signing_key_file, "",
          "The Ed25519 checkpoint signing key (created, mode 0600, if "
          "missing); empty means <data_dir>/checkpoint-signing.key. Keep it "
          "secret and back it up.");
ABSL_FLAG(bool, print_verifier_key, false,
          "Print the checkpoint verifier key (public; give it to auditors), "
          "creating the signing key if missing, and exit.");
ABSL_FLAG(bool, insecure_listen_anywhere, false,
          "DANGER: listen on a non-loopback address without TLS, so that "
          "anyone on the network can read the books and steal tokens.");
ABSL_FLAG(std::string, tls_certificate_file, "",
          "PEM certificate (chain) of the server. With --tls_key_file, "
          "the server speaks TLS only; required to listen off loopback.");
ABSL_FLAG(std::string, tls_key_file, "",
          "PEM private key of --tls_certificate_file (keep it mode 0600).");
ABSL_FLAG(bool, make_self_signed_certificate, false,
          "For a test setup: write a new self-signed certificate and key to "
          "--tls_certificate_file and --tls_key_file (never overwriting a "
          "key) for the names in --tls_hosts, and exit. Clients use the "
          "certificate as their --ca_file.");
ABSL_FLAG(std::string, tls_hosts, "localhost,127.0.0.1",
          "With --make_self_signed_certificate: the host names and IP "
          "addresses clients will connect to, comma-separated.");
ABSL_FLAG(int, tls_days, 365,
          "With --make_self_signed_certificate: days of validity (1..3650).");
ABSL_FLAG(std::string, admin_token_file, "",
          "Where the first administrator's token is written, mode 0600, on "
          "first start; empty means <data_dir>/admin.token. The token is "
          "never printed.");
ABSL_FLAG(int, principal_calls_max, 32,
          "Calls one principal may have running at once; more are refused "
          "RESOURCE_EXHAUSTED (1..10000).");
ABSL_FLAG(int, disk_reserve_mb, 64,
          "Refuse writes (UNAVAILABLE DISK_FULL, nothing written) while the "
          "data volume has less than this many MiB free; writing resumes "
          "by itself once space is freed (0: only when the volume is full).");
ABSL_FLAG(int, ballast_mb, 64,
          "Size of the ballast file kept in the data folder "
          "(db.ballast) and deleted when the volume fills anyway, so that "
          "the database can still recover and open (0: none).");
ABSL_FLAG(int, scrub_entries_per_s, 2000,
          "Background scrub: stored entries re-hashed against the Merkle "
          "tree per second (0: no background scrub). Damage is logged and "
          "turns health service welfare.integrity NOT_SERVING.");
ABSL_FLAG(int, scrub_interval_h, 24,
          "Hours between the starts of two background scrub passes.");
ABSL_FLAG(int, streams_max, 64,
          "Entry streams (StreamEntries) open at once on the whole server; "
          "more are refused RESOURCE_EXHAUSTED STREAMS_EXHAUSTED.");
ABSL_FLAG(int, stream_buffer_mb, 256,
          "MiB the open entry streams' buffers may hold together (2 MiB "
          "each); more streams are refused like past --streams_max.");
ABSL_FLAG(std::string, inspect, "",
          "Look into --data_dir read-only and exit, safely even beside a "
          "running server (never use RocksDB's ldb on a data folder): "
          "\"funds\" lists the funds, \"entries\" prints the stored "
          "entries of --inspect_fund, \"scrub\" re-hashes every entry "
          "against the Merkle tree (exit 1 on damage).");
ABSL_FLAG(std::string, inspect_fund, "",
          "With --inspect=entries: the fund id.");
ABSL_FLAG(uint64_t, inspect_first, 1,
          "With --inspect=entries: the first sequence to print.");
ABSL_FLAG(uint64_t, inspect_count, 20,
          "With --inspect=entries: how many entries to print at most.");
ABSL_FLAG(bool, reflection, false,
          "Serve gRPC server reflection (the API schema, which is public, "
          "without authentication) for tools such as grpcurl.");

// --make_self_signed_certificate.
int MakeSelfSignedCertificate(const welfare::server::ServerOptions& options) {
  if (options.tls_certificate_file.empty() || options.tls_key_file.empty()) {
    std::fprintf(stderr,
                 "welfared: --make_self_signed_certificate needs "
                 "--tls_certificate_file and --tls_key_file\n");
    return 2;
  }
  absl::StatusOr<welfare::tls::CertificatePair> pair =
      welfare::tls::MakeSelfSignedCertificate(
          absl::StrSplit(absl::GetFlag(FLAGS_tls_hosts), ',',
                         absl::SkipWhitespace()),
          absl::GetFlag(FLAGS_tls_days));
  absl::Status written =
      pair.ok() ? welfare::tls::WriteCertificatePair(
                      *pair, options.tls_certificate_file, options.tls_key_file)
                : pair.status();
  if (!written.ok()) {
    std::fprintf(stderr, "welfared: %s\n", written.ToString().c_str());
    return 1;
  }
  std::printf(
      "wrote %s (give it to clients as --ca_file) and %s (mode 0600; keep "
      "it on the server)\n",
      options.tls_certificate_file.c_str(), options.tls_key_file.c_str());
  return 0;
}

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "welfared: keeps the append-only, double-entry books of Thai community "
      "welfare funds.\n\n"
      "Usage: welfared [--listen=127.0.0.1:7543] [--data_dir=welfare-data]\n\n"
      "Clients: the `welfare` command-line tool, or any gRPC client of "
      "welfare.ledger.v1 (server reflection with --reflection). See "
      "docs/OPERATIONS.md.");
  absl::ParseCommandLine(argc, argv);
  // Abseil's lock-order checks cost every lock a graph lookup; the tests
  // (built without this line) keep them.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  // Block the stop signals in every thread; one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  welfare::server::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.data_dir = absl::GetFlag(FLAGS_data_dir);
  options.shards = absl::GetFlag(FLAGS_shards);
  options.block_cache_bytes = size_t(absl::GetFlag(FLAGS_cache_mb)) << 20;
  options.memtable_budget_bytes = size_t(absl::GetFlag(FLAGS_memtable_mb))
                                  << 20;
  options.insecure_listen_anywhere =
      absl::GetFlag(FLAGS_insecure_listen_anywhere);
  options.log_name = absl::GetFlag(FLAGS_log_name);
  options.signing_key_file = absl::GetFlag(FLAGS_signing_key_file);
  options.tls_certificate_file = absl::GetFlag(FLAGS_tls_certificate_file);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  options.admin_token_file = absl::GetFlag(FLAGS_admin_token_file);
  options.calls_per_principal_max = absl::GetFlag(FLAGS_principal_calls_max);
  options.reflection = absl::GetFlag(FLAGS_reflection);
  const int reserve_mb = absl::GetFlag(FLAGS_disk_reserve_mb);
  const int ballast_mb = absl::GetFlag(FLAGS_ballast_mb);
  const int scrub_rate = absl::GetFlag(FLAGS_scrub_entries_per_s);
  const int scrub_hours = absl::GetFlag(FLAGS_scrub_interval_h);
  const int streams_max = absl::GetFlag(FLAGS_streams_max);
  const int stream_buffer_mb = absl::GetFlag(FLAGS_stream_buffer_mb);
  for (const auto& [name, value, low, high] :
       {std::tuple<const char*, int, int, int>{"disk_reserve_mb", reserve_mb, 0,
                                               1 << 20},
        {"ballast_mb", ballast_mb, 0, 1 << 16},
        {"scrub_entries_per_s", scrub_rate, 0, 10'000'000},
        {"scrub_interval_h", scrub_hours, 1, 24 * 365},
        {"streams_max", streams_max, 1, 100000},
        {"stream_buffer_mb", stream_buffer_mb, 2, 1 << 20}}) {
    if (value < low || value > high) {
      std::fprintf(stderr, "welfared: --%s: want %d..%d, got %d\n", name, low,
                   high, value);
      return 2;
    }
  }
  options.disk_reserve_bytes = uint64_t(reserve_mb) << 20;
  options.ballast_bytes = uint64_t(ballast_mb) << 20;
  options.scrub_entries_per_second = scrub_rate;
  options.scrub_interval = absl::Hours(scrub_hours);
  options.streams_max = streams_max;
  options.stream_buffer_bytes_max = size_t(stream_buffer_mb) << 20;
  if (options.calls_per_principal_max < 1 ||
      options.calls_per_principal_max > 10000) {
    std::fprintf(stderr, "welfared: --principal_calls_max: want 1..10000\n");
    return 2;
  }
  if (absl::GetFlag(FLAGS_make_self_signed_certificate)) {
    return MakeSelfSignedCertificate(options);
  }
  if (!absl::GetFlag(FLAGS_inspect).empty()) {
    welfare::server::InspectRequest inspect;
    inspect.data_dir = options.data_dir;
    inspect.what = absl::GetFlag(FLAGS_inspect);
    inspect.fund = absl::GetFlag(FLAGS_inspect_fund);
    inspect.first = absl::GetFlag(FLAGS_inspect_first);
    inspect.count = absl::GetFlag(FLAGS_inspect_count);
    return welfare::server::Inspect(inspect, stdout, stderr);
  }
  if (absl::GetFlag(FLAGS_print_verifier_key)) {
    std::error_code error;
    std::filesystem::create_directories(options.data_dir, error);
    auto signer = welfare::audit::LoadOrCreateSigningKey(
        welfare::server::SigningKeyPath(options), options.log_name,
        /*create=*/true, welfare::server::VerifierKeyPath(options));
    if (!signer.ok()) {
      std::fprintf(stderr, "welfared: %s\n",
                   signer.status().ToString().c_str());
      return 1;
    }
    std::printf("%s\n", signer->VerifierKey().c_str());
    return 0;
  }
  if (options.insecure_listen_anywhere &&
      options.tls_certificate_file.empty()) {
    std::fprintf(stderr,
                 "welfared: WARNING: --insecure_listen_anywhere without TLS: "
                 "calls, their tokens and the books travel unencrypted\n");
  }
  auto server = welfare::server::WelfareServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "welfared: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "welfared: serving on port %d (%s), data in %s; the first "
               "administrator's token is in %s\n",
               (*server)->port(),
               options.tls_certificate_file.empty() ? "plaintext" : "TLS",
               options.data_dir.c_str(),
               welfare::server::AdminTokenPath(options).c_str());

  absl::Notification stopped;
  std::thread reporter([&stopped, &server] {
    const int every_s = absl::GetFlag(FLAGS_memory_report_s);
    if (every_s <= 0) return;
    while (!stopped.WaitForNotificationWithTimeout(absl::Seconds(every_s))) {
      std::fprintf(stderr, "welfared: %s\n", (*server)->MemoryReport().c_str());
    }
  });
  std::thread stopper([&stop_signals, &server] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    std::fprintf(stderr, "welfared: %s, stopping\n",
                 signal == SIGINT ? "SIGINT" : "SIGTERM");
    (*server)->Shutdown();
  });
  (*server)->Wait();
  stopper.join();
  stopped.Notify();
  reporter.join();
  server->reset();
  std::fprintf(stderr, "welfared: stopped\n");
  return 0;
}
