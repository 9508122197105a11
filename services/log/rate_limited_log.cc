#include "services/log/rate_limited_log.h"

#include <atomic>
#include <cstdio>
#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/stubs/logging.h"

namespace welfare::log {
namespace {

constexpr int64_t kMinuteMicros = 60'000'000;

void WriteToStandardError(const std::string& line) {
  std::fprintf(stderr, "%s\n", line.c_str());
}

std::atomic<RateLimitedLog*> protobuf_destination{nullptr};

void ProtobufLogHandler(google::protobuf::LogLevel level, const char* filename,
                        int line, const std::string& message) {
  const char* const severity =
      level >= google::protobuf::LOGLEVEL_ERROR     ? "error"
      : level == google::protobuf::LOGLEVEL_WARNING ? "warning"
                                                    : "info";
  RateLimitedLog* const log = protobuf_destination.load();
  if (log == nullptr) return;
  log->Write("protobuf",
             absl::StrCat(severity, " (", filename, ":", line, "): ", message));
}

}  // namespace

RateLimitedLog::RateLimitedLog(RateLimitedLogOptions options)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? options_.clock
                                       : storage::RealClock()) {}

void RateLimitedLog::Write(absl::string_view topic, absl::string_view line) {
  std::string text;
  {
    absl::MutexLock lock(&mu_);
    Topic& state = topics_[topic];
    const int64_t now = clock_->NowMicros();
    if (now - state.window_start_micros >= kMinuteMicros) {
      state.window_start_micros = now;
      state.written_in_window = 0;
    }
    if (state.written_in_window >= options_.lines_per_minute) {
      ++state.suppressed_since_written;
      ++state.suppressed_total;
      return;
    }
    ++state.written_in_window;
    text = absl::StrCat("welfared: ", topic, ": ", line);
    if (state.suppressed_since_written > 0) {
      absl::StrAppend(&text, " (", state.suppressed_since_written,
                      " more such lines left out before this one)");
      state.suppressed_since_written = 0;
    }
  }
  if (options_.sink) {
    options_.sink(text);
  } else {
    WriteToStandardError(text);
  }
}

int64_t RateLimitedLog::suppressed(absl::string_view topic) const {
  absl::MutexLock lock(&mu_);
  auto it = topics_.find(topic);
  return it == topics_.end() ? 0 : it->second.suppressed_total;
}

RateLimitedLog& ProcessLog() {
  static RateLimitedLog* const log = new RateLimitedLog({});
  return *log;
}

void RouteProtobufLog(RateLimitedLog* log) {
  protobuf_destination.store(log);
  google::protobuf::SetLogHandler(&ProtobufLogHandler);
}

}  // namespace welfare::log
