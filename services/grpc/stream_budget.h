// StreamBudget: the server-wide bound on open entry streams and on the
// bytes their buffers may hold together. The per-principal call limit
// (services/auth/gate.h) alone let 32 auditor principals open 1,000
// StreamEntries, each holding a snapshot and chunks of up to 1 MiB, and
// take welfared from 143 MB to 2.9 GB resident. Each stream holds a Lease
// for its buffers while it is open; past streams_max or bytes_max, a new
// stream is refused RESOURCE_EXHAUSTED STREAMS_EXHAUSTED.
//
// Thread-safe.
#ifndef WELFARE_SERVICES_GRPC_STREAM_BUDGET_H_
#define WELFARE_SERVICES_GRPC_STREAM_BUDGET_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace welfare::grpc_edge {

class StreamBudget {
 public:
  StreamBudget(int streams_max, size_t bytes_max)
      : streams_max_(streams_max), bytes_max_(bytes_max) {}

  // One open stream's share; returned when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

   private:
    friend class StreamBudget;
    Lease(StreamBudget* budget, size_t bytes)
        : budget_(budget), bytes_(bytes) {}
    StreamBudget* budget_;
    size_t bytes_;
  };

  // A lease of bytes for a new stream, or RESOURCE_EXHAUSTED
  // STREAMS_EXHAUSTED saying which bound was reached.
  absl::StatusOr<Lease> Acquire(size_t bytes);

  int open_streams() const;
  size_t leased_bytes() const;

 private:
  void Release(size_t bytes);

  const int streams_max_;
  const size_t bytes_max_;
  mutable absl::Mutex mu_;
  int open_ ABSL_GUARDED_BY(mu_) = 0;
  size_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_STREAM_BUDGET_H_
