// Principals: who may call the server, kept in the database's default
// column family (docs/FORMAT.md, "access/..." keys) and in memory.
//
// A principal has one role and, unless an administrator, a grant: named
// funds or all funds. Adding and revoking are written durably, each with an
// AccessChangeRecord numbered 1, 2, 3, ... that auditors can list; a
// principal is never deleted and its id never reused.
//
// On first start (no principal in the database) Open adds the
// administrator "admin" and writes its token to a new file of mode 0600
// (through a synced pending file renamed into place, so that a crash never
// leaves a record whose token is lost); the token is never printed or
// logged.
//
// Thread-safe.
#ifndef WELFARE_SERVICES_AUTH_PRINCIPALS_H_
#define WELFARE_SERVICES_AUTH_PRINCIPALS_H_

#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "services/domain/page_token.h"
#include "storage/clock.h"
#include "storage/store.h"
#include "welfare/ledger/v1/access.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::auth {

namespace v1 = welfare::ledger::v1;

// An authenticated caller, as the authorizer sees it.
struct Principal {
  std::string id;
  v1::Role role = v1::ROLE_UNSPECIFIED;
  bool all_funds = false;  // Always true for administrators.
  absl::flat_hash_set<std::string> fund_ids;

  // "principals/{id}": what entries record as their principal.
  std::string name() const { return "principals/" + id; }
  bool Covers(absl::string_view fund_id) const {
    return all_funds || fund_ids.contains(fund_id);
  }
};

// The id of the administrator added on first start, and the actor recorded
// for it.
inline constexpr char kFirstAdministratorId[] = "admin";
inline constexpr char kServerActor[] = "server";

class Principals {
 public:
  // Loads every principal. With none, adds the first administrator and
  // writes its token to admin_token_path (mode 0600): FAILED_PRECONDITION,
  // before anything is written, if that file already exists (it belongs to
  // another database). Renames a pending token file left by a crash into
  // place. DATA_LOSS for an unreadable record; UNAVAILABLE for I/O.
  static absl::StatusOr<std::unique_ptr<Principals>> Open(
      storage::Store* store, const storage::Clock* clock,
      const std::string& admin_token_path);

  // The principal holding token. UNAUTHENTICATED CREDENTIALS_INVALID, with
  // one message, whether the token is malformed, unknown or revoked.
  absl::StatusOr<std::shared_ptr<const Principal>> Authenticate(
      absl::string_view token) const;

  // The RPCs of AccessService (access.proto), actor being the caller.
  absl::StatusOr<v1::AddPrincipalResponse> Add(
      const Principal& actor, const v1::AddPrincipalRequest& request);
  absl::StatusOr<v1::Principal> Revoke(
      const Principal& actor, const v1::RevokePrincipalRequest& request);
  v1::ListPrincipalsResponse List() const;
  absl::StatusOr<v1::ListAccessChangesResponse> ListChanges(
      const v1::ListAccessChangesRequest& request) const;
  absl::StatusOr<v1::Principal> Describe(const Principal& principal) const;

 private:
  using Record = welfare::storage::v1::PrincipalRecord;
  Principals(storage::Store* store, const storage::Clock* clock)
      : store_(store), clock_(clock), page_tokens_(store->token_key()) {}
  absl::Status Load();
  // Writes record and its change durably, then takes it into memory.
  absl::Status Write(const Record& record, const std::string& actor,
                     storage::v1::AccessChangeRecord::Action action)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  void Remember(const Record& record) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // UNAUTHENTICATED if actor was revoked since its call was admitted.
  absl::Status CheckStillLive(const Principal& actor) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Writes the token pending beside token_path, then the record.
  absl::Status AddFirstAdministrator(const std::string& token_path);

  storage::Store* const store_;
  const storage::Clock* const clock_;
  const domain::PageTokens page_tokens_;
  absl::Mutex write_mu_;  // Serializes Add and Revoke; taken before mu_.
  uint64_t last_change_ ABSL_GUARDED_BY(write_mu_) = 0;
  mutable absl::Mutex mu_;
  std::map<std::string, Record> by_id_ ABSL_GUARDED_BY(mu_);
  // Live (not revoked) principals by key id.
  struct Live {
    std::string secret_sha256;
    std::shared_ptr<const Principal> principal;
  };
  absl::flat_hash_map<std::string, Live> live_ ABSL_GUARDED_BY(mu_);
};

// The API view of a stored principal.
v1::Principal ToApi(const storage::v1::PrincipalRecord& record);

}  // namespace welfare::auth

#endif  // WELFARE_SERVICES_AUTH_PRINCIPALS_H_
