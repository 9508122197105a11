// Checks shared by the proof verifiers (internal to welfare_verify): the
// shape of a proof as received, and the error for a root that does not
// match.
#ifndef WELFARE_CLIENTS_VERIFY_PROOF_CHECKS_H_
#define WELFARE_CLIENTS_VERIFY_PROOF_CHECKS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "clients/verify/merkle.h"

namespace welfare::verify::internal {

// The proof's elements as hashes if it has exactly `want` elements of 32
// bytes each; INVALID_ARGUMENT naming the first fault otherwise. `what`
// names the proof in messages ("inclusion proof").
absl::StatusOr<std::vector<Hash>> ProofHashes(
    absl::string_view what, absl::Span<const std::string> proof, size_t want);

// OK if computed == expected; FAILED_PRECONDITION showing both otherwise.
// `what` names the root ("root of the tree of 7 leaves").
absl::Status CheckRoot(absl::string_view what, const Hash& computed,
                       const Hash& expected);

}  // namespace welfare::verify::internal

#endif  // WELFARE_CLIENTS_VERIFY_PROOF_CHECKS_H_
