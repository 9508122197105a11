// ServerProcess: a welfared child process on a data folder, for benchmarks
// that measure the server from outside (its memory, its throughput with the
// load generator as a separate process) and for tests that kill it.
#ifndef WELFARE_CLIENTS_BENCH_SERVER_PROCESS_H_
#define WELFARE_CLIENTS_BENCH_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace welfare::bench {

class ServerProcess {
 public:
  // Starts `welfared` on a free loopback port with data in data_dir, plus
  // extra_flags, and waits until it answers its health check.
  static absl::StatusOr<ServerProcess> Start(
      const std::string& welfared, const std::string& data_dir,
      const std::vector<std::string>& extra_flags);
  ServerProcess(ServerProcess&& other) noexcept;
  ~ServerProcess();  // SIGTERM, then waits.

  // Kills the server with SIGKILL, as a power cut would, and waits for it.
  void Kill();

  std::string target() const;
  pid_t pid() const { return pid_; }

  // The administrator token welfared writes to <data_dir>/admin.token
  // (mode 0600) when it starts on a data folder without one; waits up to
  // 2 s for the file to appear. NOT_FOUND if it does not (a welfared
  // without access control); ReadToken's errors (clients/connection.h) for
  // an unusable file.
  absl::StatusOr<std::string> AdminToken() const;

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string data_dir_;
};

struct MemoryFigures {
  int64_t resident_kib = 0;       // VmRSS
  int64_t peak_resident_kib = 0;  // VmHWM
};

// Reads /proc/<pid>/status.
absl::StatusOr<MemoryFigures> ReadMemory(pid_t pid);

// User plus system CPU seconds the process has used (/proc/<pid>/stat).
absl::StatusOr<double> ReadCpuSeconds(pid_t pid);

}  // namespace welfare::bench

#endif  // WELFARE_CLIENTS_BENCH_SERVER_PROCESS_H_
