// RateLimitedLog: welfared's log of repeated events (refused input, library
// warnings), one line each, with a bound on how many lines a topic may write
// per minute so that a client sending bad requests in a loop cannot fill the
// disk or drown every other line.
//
// Each topic has its own budget of lines_per_minute. Lines beyond it are
// counted, not written; the first line the topic writes after that says how
// many were left out. Thread-safe.
#ifndef WELFARE_SERVICES_LOG_RATE_LIMITED_LOG_H_
#define WELFARE_SERVICES_LOG_RATE_LIMITED_LOG_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "storage/clock.h"

namespace welfare::log {

struct RateLimitedLogOptions {
  int lines_per_minute = 60;
  // Where lines go; standard error if empty.
  std::function<void(const std::string&)> sink;
  // Not owned; the real clock if null.
  const storage::Clock* clock = nullptr;
};

class RateLimitedLog {
 public:
  explicit RateLimitedLog(RateLimitedLogOptions options);

  // Writes "welfared: <topic>: <line>" unless topic is over its budget.
  void Write(absl::string_view topic, absl::string_view line);

  // How many lines of topic were left out so far, in all.
  int64_t suppressed(absl::string_view topic) const;

 private:
  struct Topic {
    int64_t window_start_micros = 0;
    int written_in_window = 0;
    int64_t suppressed_since_written = 0;
    int64_t suppressed_total = 0;
  };
  const RateLimitedLogOptions options_;
  const storage::Clock* const clock_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Topic> topics_ ABSL_GUARDED_BY(mu_);
};

// The process's log (standard error, 60 lines a minute per topic).
RateLimitedLog& ProcessLog();

// Sends what protobuf logs (for example "String field contains invalid
// UTF-8 data" for every bad request) to log under the topic "protobuf",
// instead of writing each one to standard error. log must live until the
// process ends or the next call. Not thread-safe against protobuf logging
// at the same moment (call it at start-up).
void RouteProtobufLog(RateLimitedLog* log);

}  // namespace welfare::log

#endif  // WELFARE_SERVICES_LOG_RATE_LIMITED_LOG_H_
