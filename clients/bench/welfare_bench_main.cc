// welfare-bench: durable transactions per second and latency of welfared,
// measured from a separate process over loopback, and the server's memory.
//
//   welfare-bench --welfared=build/services/welfared
//       starts its own server on a temporary folder and runs every mode;
//   welfare-bench --server=127.0.0.1:7543 --server_pid=1234
//       measures a running server instead.
//
// Modes: single (RecordContribution calls, one in flight per client, at each
// --clients level), batch (PostBatch calls of --batch_size dues), fill
// (writes --fill_entries entries in batches across --fill_funds funds and
// reports the server's peak resident memory), province (loads the seeded
// generator's realistic province, clients/seed, and reports entries/s),
// audit (fills one fund with --audit_entries entries, then measures the
// checkpoint, inclusion proof and consistency proof calls of AuditService,
// and a full verification of the fund with the audit client), reports (fills
// one fund with --report_entries entries over 16 years, then times every
// report of ReportService over several periods). After the province mode
// loads its funds, it times the partner roll-up of the province; rollup
// times only that (of province 33), e.g. on a kept --data_dir.
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "clients/audit/auditor.h"
#include "clients/bench/load.h"
#include "clients/bench/report_bench.h"
#include "clients/bench/server_process.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"
#include "clients/seed/execute.h"
#include "clients/seed/plan.h"

ABSL_FLAG(std::string, welfared, "",
          "Path of welfared to start on a temporary data folder.");
ABSL_FLAG(std::string, server, "", "Or: address of a running server.");
ABSL_FLAG(std::string, token_file, "",
          absl::StrCat(welfare::client::kTokenFileFlagHelp,
                       ". Unused with --welfared: the started server's "
                       "administrator token (<data_dir>/admin.token) is "
                       "used."));
ABSL_FLAG(std::string, ca_file, "", welfare::client::kCaFileFlagHelp);
ABSL_FLAG(int, server_pid, 0, "Pid of that server, to report its memory.");
ABSL_FLAG(std::string, data_dir, "",
          "Data folder for the started server (default: a temporary one, "
          "deleted afterwards).");
ABSL_FLAG(std::vector<std::string>, modes,
          (std::vector<std::string>{"single", "batch"}),
          "Comma-separated: single, batch, fill, read, province, audit, "
          "reports, rollup.");
ABSL_FLAG(int, province_funds, 20,
          "Funds of the seeded province the province mode loads (170 is "
          "all of Sisaket).");
ABSL_FLAG(std::vector<std::string>, clients,
          (std::vector<std::string>{"1", "16", "64"}),
          "Concurrent clients of the single mode.");
ABSL_FLAG(int, funds, 16, "Funds the single and batch modes write to.");
ABSL_FLAG(int, members, 200, "Members per fund.");
ABSL_FLAG(int, duration_s, 10, "Measured seconds per run.");
ABSL_FLAG(int, warmup_s, 2, "Unmeasured seconds before each run.");
ABSL_FLAG(int, batch_size, 1000, "Dues per PostBatch call.");
ABSL_FLAG(int, batch_clients, 4, "Concurrent PostBatch callers.");
ABSL_FLAG(int64_t, fill_entries, 10'000'000, "Entries the fill mode writes.");
ABSL_FLAG(int, fill_funds, 170, "Funds the fill mode spreads them over.");
ABSL_FLAG(int64_t, audit_entries, 1'000'000,
          "Entries of the fund the audit mode fills and audits.");
ABSL_FLAG(int, audit_clients, 16, "Concurrent callers of the audit mode.");
ABSL_FLAG(int64_t, report_entries, 1'000'000,
          "Entries of the fund the reports mode reads.");
ABSL_FLAG(int, report_repetitions, 20,
          "Calls of each report (and of the province roll-up) timed.");
ABSL_FLAG(std::string, verifier_key_file, "",
          "The audit mode's trusted checkpoint key (default: the started "
          "server's <data_dir>/checkpoint-verifier.key).");
ABSL_FLAG(int, shards, 2, "Journal shards of the started server.");
ABSL_FLAG(int, channels, 4,
          "gRPC channels (TCP connections) the load generator spreads its "
          "clients over.");

namespace {

using welfare::bench::LoadResult;
using welfare::bench::LoadSpec;

void PrintHeader() {
  std::printf("%-7s %7s %5s %9s %10s %9s %7s %7s %7s %7s %7s %9s %9s %6s\n",
              "mode", "clients", "funds", "calls", "tx", "tx/s", "p50ms",
              "p90ms", "p99ms", "p999ms", "maxms", "srv_us/tx", "gen_us/tx",
              "errors");
}

// CPU seconds of this process (the load generator).
double OwnCpuSeconds() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Runs a load and reports CPU microseconds per transaction of the server
// (if its pid is known) and of the load generator.
struct Measured {
  LoadResult result;
  double server_us_per_tx = 0;
  double generator_us_per_tx = 0;
};

Measured Measure(const LoadSpec& spec, welfare::bench::DuesCursor& cursor,
                 int pid) {
  Measured measured;
  auto server_before = welfare::bench::ReadCpuSeconds(pid);
  const double own_before = OwnCpuSeconds();
  measured.result = welfare::bench::RunLoad(spec, cursor);
  auto server_after = welfare::bench::ReadCpuSeconds(pid);
  const double own_after = OwnCpuSeconds();
  // Counted over the whole run, warm-up included.
  const double done = static_cast<double>(measured.result.transactions) *
                      (absl::ToDoubleSeconds(spec.warmup + spec.duration) /
                       absl::ToDoubleSeconds(spec.duration));
  if (done > 0 && spec.transactions_max == 0) {
    if (pid > 0 && server_before.ok() && server_after.ok()) {
      measured.server_us_per_tx = (*server_after - *server_before) * 1e6 / done;
    }
    measured.generator_us_per_tx = (own_after - own_before) * 1e6 / done;
  }
  return measured;
}

void PrintRow(const char* mode, int clients, int funds, const Measured& m) {
  const LoadResult& r = m.result;
  std::printf(
      "%-7s %7d %5d %9lld %10lld %9.0f %7.2f %7.2f %7.2f %7.2f %7.2f %9.1f "
      "%9.1f %6lld\n",
      mode, clients, funds, static_cast<long long>(r.calls),
      static_cast<long long>(r.transactions), r.transactions_per_second,
      r.p50_ms, r.p90_ms, r.p99_ms, r.p999_ms, r.max_ms, m.server_us_per_tx,
      m.generator_us_per_tx, static_cast<long long>(r.failures));
  if (r.failures > 0)
    std::printf("  first error: %s\n", r.first_failure.c_str());
  std::fflush(stdout);
}

void PrintMemory(int pid, const char* when) {
  if (pid <= 0) return;
  auto memory = welfare::bench::ReadMemory(pid);
  if (!memory.ok()) return;
  std::printf("server memory %s: resident %.1f MiB, peak resident %.1f MiB\n",
              when, memory->resident_kib / 1024.0,
              memory->peak_resident_kib / 1024.0);
  std::fflush(stdout);
}

// A full audit of one fund with the audit client (clients/audit), as an
// auditor runs it: entries per second and the auditor's CPU. False if the
// fund did not verify.
bool VerifyWithAuditor(const std::string& target,
                       const welfare::client::Credentials& credentials,
                       const std::string& data_dir,
                       const std::string& fund_id) {
  std::string key_file = absl::GetFlag(FLAGS_verifier_key_file);
  if (key_file.empty()) key_file = data_dir + "/checkpoint-verifier.key";
  std::ifstream in(key_file);
  std::stringstream key;
  key << in.rdbuf();
  const std::string state_dir =
      absl::StrCat(std::filesystem::temp_directory_path().string(),
                   "/welfare-bench-audit-", getpid());
  welfare::auditor::AuditOptions options;
  options.client.target = target;
  options.client.credentials = credentials;
  options.verifier_key = std::string(absl::StripAsciiWhitespace(key.str()));
  options.state_dir = state_dir;
  auto auditor = welfare::auditor::Auditor::Create(options);
  if (!auditor.ok()) {
    std::fprintf(stderr, "welfare-bench: %s\n",
                 auditor.status().ToString().c_str());
    return false;
  }
  bool verified = true;
  for (const char* run : {"full", "again"}) {
    const double cpu_before = OwnCpuSeconds();
    const absl::Time start = absl::Now();
    const auto report = (*auditor)->VerifyFund(fund_id);
    const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
    const double cpu = OwnCpuSeconds() - cpu_before;
    std::printf(
        "verify %-5s %s: %s, %llu entries checked in %.2f s = %.0f entries/s "
        "(auditor CPU %.2f s)\n",
        run, fund_id.c_str(),
        welfare::auditor::v1::Outcome_Name(report.outcome()).c_str(),
        static_cast<unsigned long long>(report.entries_checked()), seconds,
        seconds > 0 ? report.entries_checked() / seconds : 0.0, cpu);
    verified &= report.outcome() == welfare::auditor::v1::VERIFIED;
  }
  std::fflush(stdout);
  std::error_code ignored;
  std::filesystem::remove_all(state_dir, ignored);
  return verified;
}

// Fund ids as long as real ones (9 to 12 characters: every key holds one),
// different on every run so that a running server can be measured again.
std::vector<std::string> FundIds(char mode, int count) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  int64_t tag = absl::ToUnixSeconds(absl::Now()) % (36 * 36 * 36);
  std::string run;
  for (int i = 0; i < 3; ++i, tag /= 36) run.push_back(kDigits[tag % 36]);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    ids.push_back(absl::StrFormat("%c%s-f%04d", mode, run, i + 1));
  }
  return ids;
}

// The credentials of --server from --token_file, --ca_file and the
// environment; an error is printed.
absl::StatusOr<welfare::client::Credentials> RunningServerCredentials() {
  std::string warning;
  absl::StatusOr<welfare::client::Credentials> credentials =
      welfare::client::ReadCredentials(
          absl::GetFlag(FLAGS_token_file), absl::GetFlag(FLAGS_ca_file),
          welfare::client::CredentialsEnvironment::FromProcess(), &warning);
  if (!credentials.ok()) {
    std::fprintf(stderr, "welfare-bench: %s\n",
                 std::string(credentials.status().message()).c_str());
  } else if (!warning.empty()) {
    std::fprintf(stderr, "welfare-bench: warning: %s\n", warning.c_str());
  }
  return credentials;
}

// The credentials of the server welfare-bench started: plaintext on
// loopback with its administrator token, or no token from a welfared that
// writes none. An error is printed.
absl::StatusOr<welfare::client::Credentials> StartedServerCredentials(
    const welfare::bench::ServerProcess& process) {
  welfare::client::Credentials credentials;
  absl::StatusOr<std::string> token = process.AdminToken();
  if (token.ok()) {
    credentials.token = std::move(*token);
  } else if (absl::IsNotFound(token.status())) {
    std::fprintf(stderr, "welfare-bench: %s; calls carry no token\n",
                 std::string(token.status().message()).c_str());
  } else {
    std::fprintf(stderr, "welfare-bench: %s\n",
                 std::string(token.status().message()).c_str());
    return token.status();
  }
  return credentials;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "welfare-bench: measures welfared's durable transactions per second, "
      "latency and memory.\n\nUsage: welfare-bench "
      "--welfared=build/services/welfared [--modes=single,batch,fill]\n"
      "   or: welfare-bench --server=HOST:PORT [--server_pid=PID] "
      "[--token_file=PATH] [--ca_file=PATH]");
  const absl::Status refused = welfare::client::RefuseTokenArgument(
      std::vector<std::string>(argv + 1, argv + argc));
  if (!refused.ok()) {
    std::fprintf(stderr, "welfare-bench: %s\n",
                 std::string(refused.message()).c_str());
    return 2;
  }
  absl::ParseCommandLine(argc, argv);

  std::optional<welfare::bench::ServerProcess> process;
  std::string target = absl::GetFlag(FLAGS_server);
  int pid = absl::GetFlag(FLAGS_server_pid);
  std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  bool temporary = false;
  absl::StatusOr<welfare::client::Credentials> credentials;
  if (target.empty()) {
    if (absl::GetFlag(FLAGS_welfared).empty()) {
      std::fprintf(stderr, "welfare-bench: give --welfared or --server\n");
      return 2;
    }
    if (data_dir.empty()) {
      data_dir = absl::StrCat(std::filesystem::temp_directory_path().string(),
                              "/welfare-bench-", getpid());
      temporary = true;
    }
    // Every client calls as the first administrator, standing in for as
    // many treasurers: lift the per-principal limit of running calls.
    auto started = welfare::bench::ServerProcess::Start(
        absl::GetFlag(FLAGS_welfared), data_dir,
        {absl::StrCat("--shards=", absl::GetFlag(FLAGS_shards)),
         "--principal_calls_max=10000"});
    if (!started.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n",
                   started.status().ToString().c_str());
      return 1;
    }
    process.emplace(std::move(*started));
    target = process->target();
    pid = process->pid();
    credentials = StartedServerCredentials(*process);
    if (!credentials.ok()) return 1;
  } else {
    credentials = RunningServerCredentials();
    if (!credentials.ok()) return 2;
  }
  std::printf("welfare-bench: server %s, %d cores\n", target.c_str(),
              static_cast<int>(std::thread::hardware_concurrency()));

  const std::vector<std::string> modes = absl::GetFlag(FLAGS_modes);
  auto wants = [&modes](const std::string& mode) {
    return std::find(modes.begin(), modes.end(), mode) != modes.end();
  };
  int exit_code = 0;
  const int members = absl::GetFlag(FLAGS_members);

  if (wants("single") || wants("batch") || wants("read")) {
    const std::vector<std::string> funds =
        FundIds('b', absl::GetFlag(FLAGS_funds));
    absl::Time prepare_start = absl::Now();
    absl::Status prepared =
        welfare::bench::PrepareFunds(target, *credentials, funds, members);
    if (!prepared.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", prepared.ToString().c_str());
      return 1;
    }
    std::printf("prepared %zu funds x %d members in %.1f s\n", funds.size(),
                members, absl::ToDoubleSeconds(absl::Now() - prepare_start));
    welfare::bench::DuesCursor cursor(static_cast<int>(funds.size()));
    PrintHeader();
    LoadSpec spec;
    spec.target = target;
    spec.credentials = *credentials;
    spec.fund_ids = funds;
    spec.members_per_fund = members;
    spec.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_s));
    spec.duration = absl::Seconds(absl::GetFlag(FLAGS_duration_s));
    if (wants("single")) {
      for (const std::string& level : absl::GetFlag(FLAGS_clients)) {
        if (!absl::SimpleAtoi(level, &spec.clients) || spec.clients < 1) {
          std::fprintf(stderr, "welfare-bench: bad --clients %s\n",
                       level.c_str());
          return 2;
        }
        spec.channels = std::min(spec.clients, absl::GetFlag(FLAGS_channels));
        Measured measured = Measure(spec, cursor, pid);
        PrintRow("single", spec.clients, static_cast<int>(funds.size()),
                 measured);
        if (measured.result.failures > 0) exit_code = 1;
      }
    }
    if (wants("read")) {
      LoadSpec read = spec;
      read.call = LoadSpec::Call::kGetFund;
      read.clients = 64;
      read.channels = absl::GetFlag(FLAGS_channels);
      Measured measured = Measure(read, cursor, pid);
      PrintRow("read", read.clients, static_cast<int>(funds.size()), measured);
      if (measured.result.failures > 0) exit_code = 1;
    }
    if (wants("batch")) {
      spec.clients = absl::GetFlag(FLAGS_batch_clients);
      spec.channels = std::min(spec.clients, absl::GetFlag(FLAGS_channels));
      spec.batch_size = absl::GetFlag(FLAGS_batch_size);
      Measured measured = Measure(spec, cursor, pid);
      PrintRow("batch", spec.clients, static_cast<int>(funds.size()), measured);
      if (measured.result.failures > 0) exit_code = 1;
    }
    PrintMemory(pid, "after single/batch");
  }

  if (wants("fill")) {
    const int fill_funds = absl::GetFlag(FLAGS_fill_funds);
    const std::vector<std::string> funds = FundIds('f', fill_funds);
    absl::Status prepared =
        welfare::bench::PrepareFunds(target, *credentials, funds, members);
    if (!prepared.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", prepared.ToString().c_str());
      return 1;
    }
    welfare::bench::DuesCursor cursor(fill_funds);
    const int64_t total = absl::GetFlag(FLAGS_fill_entries);
    const int64_t step = 1'000'000;
    PrintHeader();
    for (int64_t written = 0; written < total; written += step) {
      LoadSpec spec;
      spec.target = target;
      spec.credentials = *credentials;
      spec.fund_ids = funds;
      spec.members_per_fund = members;
      spec.clients = absl::GetFlag(FLAGS_batch_clients);
      spec.channels = std::min(spec.clients, absl::GetFlag(FLAGS_channels));
      spec.batch_size = absl::GetFlag(FLAGS_batch_size);
      spec.warmup = absl::ZeroDuration();
      spec.duration = absl::Hours(1);
      spec.transactions_max = std::min(step, total - written);
      Measured measured = Measure(spec, cursor, pid);
      const LoadResult& result = measured.result;
      PrintRow("fill", spec.clients, fill_funds, measured);
      std::printf("  journals hold %lld fill entries\n",
                  static_cast<long long>(written + spec.transactions_max));
      PrintMemory(pid, "during fill");
      if (result.failures > 0) {
        exit_code = 1;
        break;
      }
    }
  }
  if (wants("audit")) {
    // Dues of 2,000 members, so that a million entries stay within 500
    // months of dues per member.
    const int audit_members = 2000;
    const std::vector<std::string> funds = FundIds('a', 1);
    absl::Status prepared = welfare::bench::PrepareFunds(target, *credentials,
                                                         funds, audit_members);
    if (!prepared.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", prepared.ToString().c_str());
      return 1;
    }
    welfare::bench::DuesCursor cursor(1);
    LoadSpec spec;
    spec.target = target;
    spec.credentials = *credentials;
    spec.fund_ids = funds;
    spec.members_per_fund = audit_members;
    spec.clients = absl::GetFlag(FLAGS_batch_clients);
    spec.channels = std::min(spec.clients, absl::GetFlag(FLAGS_channels));
    spec.batch_size = absl::GetFlag(FLAGS_batch_size);
    spec.warmup = absl::ZeroDuration();
    spec.duration = absl::Hours(1);
    spec.transactions_max = absl::GetFlag(FLAGS_audit_entries);
    PrintHeader();
    Measured fill = Measure(spec, cursor, pid);
    PrintRow("fill", spec.clients, 1, fill);
    // The fund's journal: its creation, the members, the dues.
    spec.tree_size = 1 + audit_members + fill.result.transactions;
    spec.transactions_max = 0;
    spec.batch_size = 1;
    spec.clients = absl::GetFlag(FLAGS_audit_clients);
    spec.channels = std::min(spec.clients, absl::GetFlag(FLAGS_channels));
    spec.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_s));
    spec.duration = absl::Seconds(absl::GetFlag(FLAGS_duration_s));
    std::printf("audited fund %s: %llu entries\n", funds[0].c_str(),
                static_cast<unsigned long long>(spec.tree_size));
    const std::pair<const char*, LoadSpec::Call> calls[] = {
        {"ckpt", LoadSpec::Call::kCheckpoint},
        {"incl", LoadSpec::Call::kInclusionProof},
        {"cons", LoadSpec::Call::kConsistencyProof}};
    for (const auto& [name, call] : calls) {
      spec.call = call;
      Measured measured = Measure(spec, cursor, pid);
      PrintRow(name, spec.clients, 1, measured);
      if (measured.result.failures > 0) exit_code = 1;
    }
    PrintMemory(pid, "after audit");
    if (!VerifyWithAuditor(target, *credentials, data_dir, funds[0]))
      exit_code = 1;
  }
  if (wants("province")) {
    // A realistic mix through the public API: the seeded generator's funds,
    // members, a year of dues, grants, benefits and costs (DOMAIN.md).
    welfare::seed::ProvinceSpec spec;
    spec.funds = absl::GetFlag(FLAGS_province_funds);
    auto plan = welfare::seed::PlanProvince(spec);
    welfare::client::ClientOptions options;
    options.target = target;
    options.credentials = *credentials;
    auto client = welfare::client::LedgerClient::Connect(options);
    if (!plan.ok() || !client.ok()) {
      std::fprintf(
          stderr, "welfare-bench: %s\n",
          (!plan.ok() ? plan.status() : client.status()).ToString().c_str());
      return 1;
    }
    welfare::seed::ExecuteOptions execute;
    auto server_before = welfare::bench::ReadCpuSeconds(pid);
    auto summary = welfare::seed::ExecutePlan(*plan, **client, execute);
    auto server_after = welfare::bench::ReadCpuSeconds(pid);
    if (!summary.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n",
                   summary.status().ToString().c_str());
      return 1;
    }
    std::printf(
        "province: %d funds, %lld members, %lld entries (%lld new) in %.1f s: "
        "%.0f entries/s",
        summary->funds, static_cast<long long>(summary->members),
        static_cast<long long>(summary->entries),
        static_cast<long long>(summary->entries_new),
        absl::ToDoubleSeconds(summary->elapsed), summary->entries_per_second);
    if (server_before.ok() && server_after.ok() && summary->entries_new > 0) {
      std::printf(", server %.1f us/entry", (*server_after - *server_before) *
                                                1e6 / summary->entries_new);
    }
    std::printf("\n");
    absl::Status timed =
        welfare::bench::TimeAreaStatus(target, *credentials, spec.province_code,
                                       absl::GetFlag(FLAGS_report_repetitions));
    if (!timed.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", timed.ToString().c_str());
      exit_code = 1;
    }
  }
  if (wants("rollup")) {
    // The province's roll-up alone, e.g. against a running server that
    // already holds the province mode's funds (--server, --data_dir).
    absl::Status timed = welfare::bench::TimeAreaStatus(
        target, *credentials, "33", absl::GetFlag(FLAGS_report_repetitions));
    if (!timed.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", timed.ToString().c_str());
      exit_code = 1;
    }
  }
  if (wants("reports")) {
    const std::string fund_id = "reports-1";
    const int64_t entries = absl::GetFlag(FLAGS_report_entries);
    std::printf("reports: filling %s with %lld entries over 16 years\n",
                fund_id.c_str(), static_cast<long long>(entries));
    absl::Status status =
        welfare::bench::FillReportFund(target, *credentials, fund_id, entries);
    if (status.ok()) {
      PrintMemory(pid, "after the reports fill");
      status =
          welfare::bench::TimeReports(target, *credentials, fund_id,
                                      absl::GetFlag(FLAGS_report_repetitions));
    }
    if (!status.ok()) {
      std::fprintf(stderr, "welfare-bench: %s\n", status.ToString().c_str());
      exit_code = 1;
    }
  }
  PrintMemory(pid, "at the end");
  process.reset();
  if (temporary) {
    std::error_code ignored;
    std::filesystem::remove_all(data_dir, ignored);
  }
  return exit_code;
}
