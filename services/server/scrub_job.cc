#include "services/server/scrub_job.h"

#include <utility>

namespace welfare::server {

ScrubJob::ScrubJob(const storage::Store* store, ScrubJobOptions options)
    : store_(store), options_(std::move(options)), thread_([this] { Run(); }) {}

ScrubJob::~ScrubJob() {
  stop_.Notify();
  thread_.join();
}

void ScrubJob::Run() {
  if (stop_.WaitForNotificationWithTimeout(options_.first_delay)) return;
  storage::ScrubOptions scrub;
  scrub.entries_per_second = options_.entries_per_second;
  scrub.on_damage = options_.on_damage;
  scrub.wait = [this](int64_t micros) {
    return !stop_.WaitForNotificationWithTimeout(absl::Microseconds(micros));
  };
  do {
    absl::StatusOr<storage::ScrubReport> report =
        storage::ScrubJournal(*store_, scrub);
    if (report.ok() && !report->complete) return;  // Stopping.
    if (report.ok()) damaged_last_pass_.store(report->damaged);
    passes_.fetch_add(1);
    if (options_.on_pass) options_.on_pass(report);
  } while (!stop_.WaitForNotificationWithTimeout(options_.interval));
}

}  // namespace welfare::server
