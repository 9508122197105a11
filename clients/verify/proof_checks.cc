#include "clients/verify/proof_checks.h"

#include "absl/strings/str_format.h"

namespace welfare::verify::internal {

absl::StatusOr<std::vector<Hash>> ProofHashes(
    absl::string_view what, absl::Span<const std::string> proof, size_t want) {
  if (proof.size() != want) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s has %d elements, want %d", what, proof.size(), want));
  }
  std::vector<Hash> hashes;
  hashes.reserve(proof.size());
  for (size_t i = 0; i < proof.size(); ++i) {
    absl::StatusOr<Hash> hash = HashFromBytes(proof[i]);
    if (!hash.ok()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s element %d is %d bytes, want %d", what, i,
                          proof[i].size(), kHashSize));
    }
    hashes.push_back(*hash);
  }
  return hashes;
}

absl::Status CheckRoot(absl::string_view what, const Hash& computed,
                       const Hash& expected) {
  if (computed == expected) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrFormat("proof does not check: the %s is %s, the proof gives %s",
                      what, ToHex(expected), ToHex(computed)));
}

}  // namespace welfare::verify::internal
