#include "storage/clock.h"

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace welfare::storage {
namespace {

class SystemClock : public Clock {
 public:
  int64_t NowMicros() const override { return absl::ToUnixMicros(absl::Now()); }
};

}  // namespace

Clock* RealClock() {
  static Clock* const clock = new SystemClock();
  return clock;
}

}  // namespace welfare::storage
