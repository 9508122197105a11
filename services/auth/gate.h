// Gate: admits a call, or says why not and how long to wait before saying
// so.
//
// Admit authenticates the call's "authorization" metadata, applies the
// access policy (policy.h), and counts the principal's running calls: a
// Pass is one running call, released when destroyed. A principal with
// calls_per_principal_max calls running is refused RESOURCE_EXHAUSTED
// TOO_MANY_CALLS, so one client cannot take every server thread.
//
// Failed authentication (a token that is not valid; a call with no token
// at all is refused at once) is slowed down: after a peer host's first
// failures_free failures within failure_window, each further refusal is to
// be sent only after a delay that doubles from failure_delay_initial up to
// failure_delay_max. Every failure is logged (through the log function)
// with the peer, the method and the count, never with the token.
//
// Thread-safe.
#ifndef WELFARE_SERVICES_AUTH_GATE_H_
#define WELFARE_SERVICES_AUTH_GATE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "google/protobuf/message.h"
#include "services/auth/principals.h"

namespace welfare::auth {

struct GateOptions {
  int calls_per_principal_max = 32;
  int failures_free = 3;
  absl::Duration failure_window = absl::Minutes(1);
  absl::Duration failure_delay_initial = absl::Milliseconds(100);
  absl::Duration failure_delay_max = absl::Seconds(3);
  // Where refusals are logged; stderr if empty.
  std::function<void(const std::string&)> log;
};

class Gate;

// One admitted, running call.
class Pass {
 public:
  Pass(Pass&& other) noexcept;
  Pass& operator=(Pass&&) = delete;
  ~Pass();
  const Principal& principal() const { return *principal_; }

 private:
  friend class Gate;
  Pass(Gate* gate, std::shared_ptr<const Principal> principal)
      : gate_(gate), principal_(std::move(principal)) {}
  Gate* gate_;
  std::shared_ptr<const Principal> principal_;
};

// A refused call: the status to send and the delay before sending it.
struct Refusal {
  absl::Status status;
  absl::Duration delay = absl::ZeroDuration();
};

class Gate {
 public:
  // principals must outlive the gate.
  Gate(const Principals* principals, GateOptions options);

  // authorization: the call's "authorization" metadata value, if any;
  // peer: the caller's address as gRPC names it ("ipv4:127.0.0.1:5000").
  // Either a Pass, or a Refusal (UNAUTHENTICATED CREDENTIALS_MISSING or
  // CREDENTIALS_INVALID, PERMISSION_DENIED NOT_PERMITTED, or
  // RESOURCE_EXHAUSTED TOO_MANY_CALLS).
  std::variant<Pass, Refusal> Admit(
      std::optional<absl::string_view> authorization, absl::string_view peer,
      absl::string_view method, const google::protobuf::Message& request);

  // Running calls of a principal (tests).
  int RunningCalls(const std::string& principal_id) const;

 private:
  friend class Pass;
  void Release(const std::string& principal_id);
  absl::Duration FailureDelay(absl::string_view peer, absl::string_view method,
                              const absl::Status& status);

  const Principals* const principals_;
  const GateOptions options_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, int> running_ ABSL_GUARDED_BY(mu_);
  struct Failures {
    int count = 0;
    absl::Time first;
  };
  absl::flat_hash_map<std::string, Failures> failures_ ABSL_GUARDED_BY(mu_);
};

}  // namespace welfare::auth

#endif  // WELFARE_SERVICES_AUTH_GATE_H_
