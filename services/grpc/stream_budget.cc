#include "services/grpc/stream_budget.h"

#include "absl/strings/str_cat.h"
#include "storage/errors.h"

namespace welfare::grpc_edge {

StreamBudget::Lease::Lease(Lease&& other) noexcept
    : budget_(other.budget_), bytes_(other.bytes_) {
  other.budget_ = nullptr;
}

StreamBudget::Lease::~Lease() {
  if (budget_ != nullptr) budget_->Release(bytes_);
}

absl::StatusOr<StreamBudget::Lease> StreamBudget::Acquire(size_t bytes) {
  absl::MutexLock lock(&mu_);
  if (open_ >= streams_max_) {
    return storage::Error(
        absl::StatusCode::kResourceExhausted, "STREAMS_EXHAUSTED",
        absl::StrCat("the server already has ", open_,
                     " entry streams open, the most it allows "
                     "(welfared --streams_max); retry later"));
  }
  if (bytes_ + bytes > bytes_max_) {
    return storage::Error(
        absl::StatusCode::kResourceExhausted, "STREAMS_EXHAUSTED",
        absl::StrCat("the open entry streams already hold ", bytes_ >> 20,
                     " MiB of buffers, the most the server allows "
                     "(welfared --stream_buffer_mb); retry later"));
  }
  ++open_;
  bytes_ += bytes;
  return Lease(this, bytes);
}

void StreamBudget::Release(size_t bytes) {
  absl::MutexLock lock(&mu_);
  --open_;
  bytes_ -= bytes;
}

int StreamBudget::open_streams() const {
  absl::MutexLock lock(&mu_);
  return open_;
}

size_t StreamBudget::leased_bytes() const {
  absl::MutexLock lock(&mu_);
  return bytes_;
}

}  // namespace welfare::grpc_edge
