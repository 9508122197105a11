#include "services/grpc/admission.h"

#include <algorithm>
#include <string>
#include <utility>

#include "services/grpc/status.h"

namespace welfare::grpc_edge {

Admission::Admission(auth::Gate* gate)
    : gate_(gate), thread_([this] { RunLater(); }) {}

Admission::~Admission() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

std::variant<auth::Pass, auth::Refusal> Admission::Check(
    grpc::CallbackServerContext* context, absl::string_view method,
    const google::protobuf::Message& request) {
  std::optional<absl::string_view> authorization;
  const auto& metadata = context->client_metadata();
  if (auto it = metadata.find("authorization"); it != metadata.end()) {
    authorization = absl::string_view(it->second.data(), it->second.size());
  }
  return gate_->Admit(authorization, context->peer(), method, request);
}

void Admission::Refuse(grpc::CallbackServerContext* context,
                       const auth::Refusal& refusal,
                       std::function<void(const grpc::Status&)> finish) {
  grpc::Status status = ToGrpcStatus(refusal.status, context);
  bool full;
  {
    absl::MutexLock lock(&mu_);
    full = later_.size() >= kLaterMax;
  }
  if (refusal.delay <= absl::ZeroDuration() || full) {
    finish(status);
    return;
  }
  RunAt(absl::Now() + refusal.delay,
        [finish = std::move(finish), status = std::move(status)] {
          finish(status);
        });
}

void Admission::RunAt(absl::Time when, std::function<void()> fn) {
  absl::MutexLock lock(&mu_);
  later_.emplace(when, std::move(fn));
}

std::optional<auth::Pass> Admission::Admit(
    grpc::CallbackServerContext* context, absl::string_view method,
    const google::protobuf::Message& request,
    grpc::ServerUnaryReactor* reactor) {
  std::variant<auth::Pass, auth::Refusal> answer =
      Check(context, method, request);
  if (auto* pass = std::get_if<auth::Pass>(&answer)) {
    return std::move(*pass);
  }
  Refuse(context, std::get<auth::Refusal>(answer),
         [reactor](const grpc::Status& status) { reactor->Finish(status); });
  return std::nullopt;
}

void Admission::RunLater() {
  constexpr absl::Duration kIdleWait = absl::Milliseconds(200);
  for (;;) {
    std::function<void()> due;
    {
      absl::MutexLock lock(&mu_);
      // Wakes at least every kIdleWait, so that a refusal queued while
      // waiting is sent in time.
      absl::Time wake = absl::Now() + kIdleWait;
      if (!later_.empty()) wake = std::min(wake, later_.begin()->first);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stopping_ ||
               (!later_.empty() && later_.begin()->first <= absl::Now());
      };
      mu_.AwaitWithDeadline(absl::Condition(&ready), wake);
      if (later_.empty()) {
        if (stopping_) return;
        continue;
      }
      if (!stopping_ && later_.begin()->first > absl::Now()) continue;
      due = std::move(later_.begin()->second);
      later_.erase(later_.begin());
    }
    due();
  }
}

}  // namespace welfare::grpc_edge
