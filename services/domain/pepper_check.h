// Ties a database to the national-ID pepper its members' national IDs were
// hashed with. Duplicate national IDs are found by their keyed hash; under
// another pepper the same ID hashes differently, so a data folder restored
// without its pepper file (or with another folder's) would silently accept
// a member twice. The database keeps a check value, HMAC-SHA-256 of a fixed
// label under the pepper, and the server refuses to start on a mismatch.
#ifndef WELFARE_SERVICES_DOMAIN_PEPPER_CHECK_H_
#define WELFARE_SERVICES_DOMAIN_PEPPER_CHECK_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "storage/store.h"

namespace welfare::domain {

// pepper_is_new: the pepper was made just now because its file was
// missing. OK if the stored check value matches the pepper; otherwise OK,
// writing the pepper's check value, when the database holds no national
// ID (a new database, or one whose members are all erased) or has no check
// value yet and the pepper is not new (a database made before check
// values). FAILED_PRECONDITION, writing nothing, when national IDs exist
// and the check value differs or the pepper is new.
absl::Status CheckNationalIdPepper(storage::Store* store,
                                   absl::string_view pepper,
                                   bool pepper_is_new);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_PEPPER_CHECK_H_
