#include "storage/rocksdb_logger.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <utility>

namespace welfare::storage {
namespace {

class SinkLogger final : public rocksdb::Logger {
 public:
  SinkLogger(std::function<void(const std::string&)> sink,
             rocksdb::InfoLogLevel level)
      : rocksdb::Logger(level), sink_(std::move(sink)) {}

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
  }

  void Logv(const rocksdb::InfoLogLevel level, const char* format,
            va_list ap) override {
    if (level < GetInfoLogLevel()) return;
    char buffer[1024];
    va_list copy;
    va_copy(copy, ap);
    const int length = std::vsnprintf(buffer, sizeof buffer, format, copy);
    va_end(copy);
    if (length < 0) return;
    std::string line(buffer, std::min<size_t>(length, sizeof buffer - 1));
    while (!line.empty() && line.back() == '\n') line.pop_back();
    if (sink_) {
      sink_(line);
    } else {
      std::fprintf(stderr, "welfared: rocksdb: %s\n", line.c_str());
    }
  }

 private:
  const std::function<void(const std::string&)> sink_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewRocksDbLogger(
    std::function<void(const std::string&)> sink, rocksdb::InfoLogLevel level) {
  return std::make_shared<SinkLogger>(std::move(sink), level);
}

}  // namespace welfare::storage
