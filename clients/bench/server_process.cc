#include "clients/bench/server_process.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/connection.h"
#include "clients/ledger_client.h"

namespace welfare::bench {
namespace {

constexpr char kAdminTokenFile[] = "admin.token";
constexpr int kAdminTokenPollsMax = 40;
constexpr int kPollIntervalMs = 50;

// A port the kernel considers free right now.
absl::StatusOr<int> FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::UnavailableError("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  if (port == 0) return absl::UnavailableError("no free port");
  return port;
}

}  // namespace

absl::StatusOr<ServerProcess> ServerProcess::Start(
    const std::string& welfared, const std::string& data_dir,
    const std::vector<std::string>& extra_flags) {
  auto port = FreePort();
  if (!port.ok()) return port.status();
  std::vector<std::string> args = {welfared,
                                   absl::StrCat("--listen=127.0.0.1:", *port),
                                   absl::StrCat("--data_dir=", data_dir)};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  pid_t pid = fork();
  if (pid < 0) return absl::UnavailableError("fork() failed");
  if (pid == 0) {
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ServerProcess process;
  process.pid_ = pid;
  process.port_ = *port;
  process.data_dir_ = data_dir;
  for (int i = 0; i < 200; ++i) {
    // A fresh channel per probe: a channel that found the port closed waits
    // out gRPC's reconnect backoff (a second and more) before trying again.
    client::ClientOptions options;
    options.target = process.target();
    options.deadline_ms = 1000;
    options.attempts_max = 1;
    auto client = client::LedgerClient::Connect(options);
    if (!client.ok()) return client.status();
    if ((*client)->CheckHealth().ok()) return process;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      process.pid_ = -1;
      return absl::UnavailableError(absl::StrCat(
          welfared, " exited at start with status ", WEXITSTATUS(status)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kPollIntervalMs));
  }
  return absl::DeadlineExceededError("welfared did not become healthy in 10 s");
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(other.pid_),
      port_(other.port_),
      data_dir_(std::move(other.data_dir_)) {
  other.pid_ = -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::target() const {
  return absl::StrCat("127.0.0.1:", port_);
}

absl::StatusOr<std::string> ServerProcess::AdminToken() const {
  const std::string path = absl::StrCat(data_dir_, "/", kAdminTokenFile);
  for (int i = 0; i < kAdminTokenPollsMax; ++i) {
    if (access(path.c_str(), F_OK) == 0) {
      return client::ReadToken(path, client::CredentialsEnvironment());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(kPollIntervalMs));
  }
  return absl::NotFoundError(
      absl::StrCat("welfared wrote no administrator token (", path, ") in ",
                   kAdminTokenPollsMax * kPollIntervalMs / 1000, " s"));
}

absl::StatusOr<MemoryFigures> ReadMemory(pid_t pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  if (!status) return absl::NotFoundError("no such process");
  MemoryFigures figures;
  std::string line;
  while (std::getline(status, line)) {
    int64_t* target = nullptr;
    if (absl::StartsWith(line, "VmRSS:")) target = &figures.resident_kib;
    if (absl::StartsWith(line, "VmHWM:")) target = &figures.peak_resident_kib;
    if (target == nullptr) continue;
    std::string digits;
    for (char c : line) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (!absl::SimpleAtoi(digits, target)) {
      return absl::InternalError("unreadable /proc status line: " + line);
    }
  }
  return figures;
}

absl::StatusOr<double> ReadCpuSeconds(pid_t pid) {
  std::ifstream stat(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  if (!stat || !std::getline(stat, line)) {
    return absl::NotFoundError("no such process");
  }
  // Fields after the command name, which is in parentheses: utime is the
  // 12th and stime the 13th of them.
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return absl::InternalError("bad stat line");
  std::vector<std::string> fields = absl::StrSplit(line.substr(close + 2), ' ');
  int64_t user = 0, system = 0;
  if (fields.size() < 13 || !absl::SimpleAtoi(fields[11], &user) ||
      !absl::SimpleAtoi(fields[12], &system)) {
    return absl::InternalError("bad stat line");
  }
  return static_cast<double>(user + system) /
         static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace welfare::bench
