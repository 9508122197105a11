// Where the server's time comes from. Tests use a fake; nothing else in the
// project reads the real clock.
#ifndef WELFARE_STORAGE_CLOCK_H_
#define WELFARE_STORAGE_CLOCK_H_

#include <atomic>
#include <cstdint>

namespace welfare::storage {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since the Unix epoch (UTC). Thread-safe.
  virtual int64_t NowMicros() const = 0;
};

// The system's real-time clock. The returned object lives forever.
Clock* RealClock();

// A clock that moves only when told to. Thread-safe.
class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t now_micros) : now_micros_(now_micros) {}
  int64_t NowMicros() const override { return now_micros_.load(); }
  void Set(int64_t now_micros) { now_micros_.store(now_micros); }
  void Advance(int64_t micros) { now_micros_.fetch_add(micros); }

 private:
  std::atomic<int64_t> now_micros_;
};

}  // namespace welfare::storage

#endif  // WELFARE_STORAGE_CLOCK_H_
