// welfared: the welfare-ledger server.
//
//   welfared [--listen=127.0.0.1:7543] [--data_dir=welfare-data]
//   welfared --print_verifier_key [--data_dir=welfare-data]
//
// Stops cleanly on SIGINT or SIGTERM: refuses new calls, finishes running
// ones and every queued write, then closes the database.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/audit/signing_key.h"
#include "services/server/server.h"

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
          "anyone on the network can read and write the books.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "welfared: keeps the append-only, double-entry books of Thai community "
      "welfare funds.\n\n"
      "Usage: welfared [--listen=127.0.0.1:7543] [--data_dir=welfare-data]\n\n"
      "Clients: the `welfare` command-line tool, or any gRPC client of "
      "welfare.ledger.v1 (server reflection is on). See docs/OPERATIONS.md.");
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
  if (options.insecure_listen_anywhere) {
    std::fprintf(stderr,
                 "welfared: WARNING: --insecure_listen_anywhere: calls are not "
                 "encrypted or authenticated\n");
  }
  auto server = welfare::server::WelfareServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "welfared: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "welfared: serving on port %d, data in %s\n",
               (*server)->port(), options.data_dir.c_str());

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
