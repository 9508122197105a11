// Admission at the gRPC edge: every handler of every service asks it first.
// It reads the call's "authorization" metadata and peer, asks the Gate
// (services/auth/gate.h), and finishes a refused call itself. A refusal
// the gate slows down is finished later by Admission's own thread, so a
// client that keeps guessing tokens holds no gRPC thread while it waits.
#ifndef WELFARE_SERVICES_GRPC_ADMISSION_H_
#define WELFARE_SERVICES_GRPC_ADMISSION_H_

#include <functional>
#include <map>
#include <optional>
#include <thread>
#include <variant>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "services/auth/gate.h"

namespace welfare::grpc_edge {

class Admission {
 public:
  // gate must outlive the admission.
  explicit Admission(auth::Gate* gate);
  // Finishes every delayed refusal at once. Destroy it only after the
  // server has stopped taking calls.
  ~Admission();

  // A unary call's pass; or nullopt, reactor being finished (now or after
  // the gate's delay) with the refusal.
  std::optional<auth::Pass> Admit(grpc::CallbackServerContext* context,
                                  absl::string_view method,
                                  const google::protobuf::Message& request,
                                  grpc::ServerUnaryReactor* reactor);

  // The gate's answer, for callers with their own reactor; finish with
  // Refuse.
  std::variant<auth::Pass, auth::Refusal> Check(
      grpc::CallbackServerContext* context, absl::string_view method,
      const google::protobuf::Message& request);
  // Calls finish(status) with the refusal converted, after its delay (at
  // once if kLaterMax refusals are already waiting).
  void Refuse(grpc::CallbackServerContext* context,
              const auth::Refusal& refusal,
              std::function<void(const grpc::Status&)> finish);

  // Runs fn on Admission's thread at `when` (or when the admission is
  // destroyed, if earlier). fn must not block.
  void RunAt(absl::Time when, std::function<void()> fn);

  // Work waiting to run, at most.
  static constexpr size_t kLaterMax = 10000;

 private:
  void RunLater();

  auth::Gate* const gate_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::multimap<absl::Time, std::function<void()>> later_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace welfare::grpc_edge

#endif  // WELFARE_SERVICES_GRPC_ADMISSION_H_
