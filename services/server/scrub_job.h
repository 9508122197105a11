// ScrubJob: welfared's background scrub (storage/scrub.h). A pass starts
// soon after start-up and again every interval, at a bounded rate so that
// it never competes with the books' own reads and writes; each pass's
// outcome goes to on_pass (the server logs it and sets the health service
// "welfare.integrity": NOT_SERVING while the last pass found damage).
#ifndef WELFARE_SERVICES_SERVER_SCRUB_JOB_H_
#define WELFARE_SERVICES_SERVER_SCRUB_JOB_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "storage/scrub.h"
#include "storage/store.h"

namespace welfare::server {

struct ScrubJobOptions {
  int64_t entries_per_second = 2000;
  absl::Duration first_delay = absl::Seconds(10);
  absl::Duration interval = absl::Hours(24);
  // Called on the job's thread. May be empty.
  std::function<void(const absl::Status& damage)> on_damage;
  std::function<void(const absl::StatusOr<storage::ScrubReport>&)> on_pass;
};

class ScrubJob {
 public:
  // store must outlive the job. Starts the thread.
  ScrubJob(const storage::Store* store, ScrubJobOptions options);
  // Stops a pass at its next batch and joins the thread.
  ~ScrubJob();
  ScrubJob(const ScrubJob&) = delete;
  ScrubJob& operator=(const ScrubJob&) = delete;

  uint64_t passes() const { return passes_.load(); }
  uint64_t damaged_last_pass() const { return damaged_last_pass_.load(); }

 private:
  void Run();

  const storage::Store* const store_;
  const ScrubJobOptions options_;
  absl::Notification stop_;
  std::atomic<uint64_t> passes_{0};
  std::atomic<uint64_t> damaged_last_pass_{0};
  std::thread thread_;
};

}  // namespace welfare::server

#endif  // WELFARE_SERVICES_SERVER_SCRUB_JOB_H_
