#include "services/auth/gate.h"

#include <cstdio>
#include <variant>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/auth/policy.h"
#include "services/auth/tokens.h"
#include "storage/errors.h"

namespace welfare::auth {
namespace {

// Peers remembered for slowing down; beyond this, stale ones are dropped.
constexpr size_t kPeersRemembered = 10000;

// "ipv4:127.0.0.1:5000" -> "ipv4:127.0.0.1": the host, without the port
// that changes with every connection.
absl::string_view PeerHost(absl::string_view peer) {
  const size_t colon = peer.rfind(':');
  return colon == absl::string_view::npos || colon < peer.find(':') + 1
             ? peer
             : peer.substr(0, colon);
}

}  // namespace

Pass::Pass(Pass&& other) noexcept
    : gate_(other.gate_), principal_(std::move(other.principal_)) {
  other.gate_ = nullptr;
}

Pass::~Pass() {
  if (gate_ != nullptr) gate_->Release(principal_->id);
}

Gate::Gate(const Principals* principals, GateOptions options)
    : principals_(principals), options_(std::move(options)) {}

std::variant<Pass, Refusal> Gate::Admit(
    std::optional<absl::string_view> authorization, absl::string_view peer,
    absl::string_view method, const google::protobuf::Message& request) {
  if (!authorization.has_value()) {
    // Nothing was guessed, so nothing to slow down.
    return Refusal{storage::Error(
        absl::StatusCode::kUnauthenticated, "CREDENTIALS_MISSING",
        "no credentials: send \"authorization: Bearer <token>\" (the welfare "
        "tools read the token from --token_file or $WELFARE_TOKEN_FILE)")};
  }
  absl::StatusOr<std::shared_ptr<const Principal>> principal =
      principals_->Authenticate(BearerToken(*authorization));
  if (!principal.ok()) {
    return Refusal{principal.status(),
                   FailureDelay(peer, method, principal.status())};
  }
  absl::Status allowed = Authorize(**principal, method, request);
  if (!allowed.ok()) return Refusal{allowed};
  absl::MutexLock lock(&mu_);
  int& running = running_[(*principal)->id];
  if (running >= options_.calls_per_principal_max) {
    return Refusal{storage::Error(
        absl::StatusCode::kResourceExhausted, "TOO_MANY_CALLS",
        absl::StrCat((*principal)->name(), " already has ", running,
                     " calls running, the most one principal may; retry "
                     "when one has finished"))};
  }
  ++running;
  return Pass(this, *std::move(principal));
}

void Gate::Release(const std::string& principal_id) {
  absl::MutexLock lock(&mu_);
  auto it = running_.find(principal_id);
  if (--it->second == 0) running_.erase(it);
}

int Gate::RunningCalls(const std::string& principal_id) const {
  absl::MutexLock lock(&mu_);
  auto it = running_.find(principal_id);
  return it == running_.end() ? 0 : it->second;
}

absl::Duration Gate::FailureDelay(absl::string_view peer,
                                  absl::string_view method,
                                  const absl::Status& status) {
  const absl::Time now = absl::Now();
  const std::string host(PeerHost(peer));
  int count;
  {
    absl::MutexLock lock(&mu_);
    if (failures_.size() >= kPeersRemembered) {
      absl::erase_if(failures_, [&](const auto& entry) {
        return now - entry.second.first > options_.failure_window;
      });
    }
    Failures& failures = failures_[host];
    if (failures.count == 0 || now - failures.first > options_.failure_window) {
      failures = Failures{0, now};
    }
    count = ++failures.count;
  }
  absl::Duration delay = absl::ZeroDuration();
  if (count > options_.failures_free) {
    delay = options_.failure_delay_initial;
    for (int i = options_.failures_free + 1;
         i < count && delay < options_.failure_delay_max; ++i) {
      delay *= 2;
    }
    delay = std::min(delay, options_.failure_delay_max);
  }
  const std::string line = absl::StrFormat(
      "welfared: refused %s from %s calling %s (%s; failure %d from this host "
      "within %s; answering after %s)",
      storage::ReasonOf(status), host, method,
      absl::StatusCodeToString(status.code()), count,
      absl::FormatDuration(options_.failure_window),
      absl::FormatDuration(delay));
  if (options_.log) {
    options_.log(line);
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  return delay;
}

}  // namespace welfare::auth
