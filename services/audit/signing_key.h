// The server's checkpoint signing key (Ed25519), kept in a file.
//
// The file holds one line in the signed-note private key format:
//   PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>
// It is created on first start with mode 0600 (in the data folder unless the
// operator names another file); its name is the log name that starts every
// checkpoint origin. The public verifier key is written beside it, readable
// by everyone, so that operators can hand it to auditors.
#ifndef WELFARE_SERVICES_AUDIT_SIGNING_KEY_H_
#define WELFARE_SERVICES_AUDIT_SIGNING_KEY_H_

#include <string>

#include "absl/status/statusor.h"
#include "clients/verify/note.h"

namespace welfare::audit {

// Loads the key at path. If there is no such file and create is true, makes
// a new key named log_name, writes it (0600, fsync) and returns it. A loaded
// key must be named log_name (FAILED_PRECONDITION otherwise: every origin
// would change). Writes the verifier key to public_key_path (0644) if that
// is not empty.
absl::StatusOr<welfare::verify::NoteSigner> LoadOrCreateSigningKey(
    const std::string& path, const std::string& log_name, bool create,
    const std::string& public_key_path);

}  // namespace welfare::audit

#endif  // WELFARE_SERVICES_AUDIT_SIGNING_KEY_H_
