#include "services/auth/principals.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "rocksdb/write_batch.h"
#include "services/auth/tokens.h"
#include "services/domain/names.h"
#include "services/domain/page_token.h"
#include "services/domain/validate.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/status_macros.h"

namespace welfare::auth {
namespace {

namespace sv1 = welfare::storage::v1;
using storage::Column;
using storage::Error;

constexpr int kDisplayNameCharsMax = 200;
constexpr int kReasonCharsMax = 200;
constexpr int kGrantFundsMax = 1000;
constexpr char kPrincipalNamePrefix[] = "principals/";
constexpr char kChangesPageTag = 'a';

absl::Status Invalid(absl::string_view reason, absl::string_view message) {
  return Error(absl::StatusCode::kInvalidArgument, reason, message);
}

absl::Status CheckPrincipalId(absl::string_view field, absl::string_view id) {
  // The same shape as a fund id.
  absl::Status status = domain::CheckFundId(field, id);
  if (status.ok()) return status;
  return Invalid("FIELD_INVALID",
                 absl::StrCat(field, ": \"", id,
                              "\"; want 3..40 of a-z, 0-9 and '-', starting "
                              "with a letter"));
}

absl::StatusOr<std::string> ParsePrincipalName(absl::string_view name) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, kPrincipalNamePrefix)) {
    return Invalid(
        "NAME_MALFORMED",
        absl::StrCat("name: \"", name, "\"; want principals/{principal_id}"));
  }
  RETURN_IF_ERROR(CheckPrincipalId("name", id));
  return std::string(id);
}

// The grant of an AddPrincipalRequest, checked.
absl::Status FillGrant(const v1::AddPrincipalRequest& request,
                       sv1::PrincipalRecord* record) {
  if (request.role() == v1::ADMINISTRATOR) {
    if (!request.funds().empty()) {
      return Invalid("FIELD_INVALID",
                     "funds: an administrator has every fund; leave it empty");
    }
    record->set_all_funds(true);
    return absl::OkStatus();
  }
  if (request.all_funds() == !request.funds().empty()) {
    return Invalid("FIELD_REQUIRED",
                   "funds or all_funds: give the funds of the grant, or "
                   "all_funds, not both");
  }
  if (request.funds_size() > kGrantFundsMax) {
    return Invalid("FIELD_INVALID",
                   absl::StrCat("funds: ", request.funds_size(),
                                " funds; at most ", kGrantFundsMax));
  }
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < request.funds_size(); ++i) {
    ASSIGN_OR_RETURN(std::string fund_id,
                     domain::ParseFundName(absl::StrCat("funds[", i, "]"),
                                           request.funds(i)));
    if (!seen.insert(fund_id).second) {
      return Invalid("FIELD_INVALID",
                     absl::StrCat("funds[", i, "]: ", request.funds(i),
                                  " is named twice"));
    }
    record->add_fund_ids(fund_id);
  }
  record->set_all_funds(request.all_funds());
  return absl::OkStatus();
}

std::shared_ptr<const Principal> ToPrincipal(const sv1::PrincipalRecord& r) {
  auto principal = std::make_shared<Principal>();
  principal->id = r.id();
  principal->role = static_cast<v1::Role>(r.role());
  principal->all_funds = r.all_funds();
  principal->fund_ids.insert(r.fund_ids().begin(), r.fund_ids().end());
  return principal;
}

// The first administrator's token goes to path + kPendingSuffix (mode
// 0600, synced) before its record is written, and is renamed to path
// after: a crash in between leaves the pending file, which the next start
// renames (its record exists), so the token is never lost.
constexpr char kPendingSuffix[] = ".pending";

absl::Status WritePendingToken(const std::string& path,
                               const std::string& token) {
  const std::string pending = path + kPendingSuffix;
  int fd = ::open(pending.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot create ", pending, ": ", std::strerror(errno)));
  }
  const std::string line = token + "\n";
  bool written =
      ::fchmod(fd, 0600) == 0 && ::write(fd, line.data(), line.size()) ==
                                     static_cast<ssize_t>(line.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", pending, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

// Renames a pending token file into place, if there is one and path does
// not exist yet.
absl::Status PublishPendingToken(const std::string& path) {
  const std::string pending = path + kPendingSuffix;
  if (::access(pending.c_str(), F_OK) != 0 ||
      ::access(path.c_str(), F_OK) == 0) {
    return absl::OkStatus();
  }
  if (::rename(pending.c_str(), path.c_str()) != 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot rename ", pending, " to ", path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace

v1::Principal ToApi(const sv1::PrincipalRecord& record) {
  v1::Principal principal;
  principal.set_name(kPrincipalNamePrefix + record.id());
  principal.set_role(static_cast<v1::Role>(record.role()));
  for (const std::string& fund_id : record.fund_ids()) {
    principal.add_funds(domain::FundName(fund_id));
  }
  principal.set_all_funds(record.all_funds());
  principal.set_display_name(record.display_name());
  principal.set_create_time_micros(record.create_time_micros());
  principal.set_created_by(record.created_by());
  principal.set_revoke_time_micros(record.revoke_time_micros());
  principal.set_revoked_by(record.revoked_by());
  principal.set_revoke_reason(record.revoke_reason());
  return principal;
}

absl::StatusOr<std::unique_ptr<Principals>> Principals::Open(
    storage::Store* store, const storage::Clock* clock,
    const std::string& admin_token_path) {
  auto principals = std::unique_ptr<Principals>(new Principals(store, clock));
  RETURN_IF_ERROR(principals->Load());
  bool empty;
  {
    absl::MutexLock lock(&principals->mu_);
    empty = principals->by_id_.empty();
  }
  if (empty) {
    if (::access(admin_token_path.c_str(), F_OK) == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          admin_token_path,
          " exists but the database has no principal: it belongs to another "
          "database. Move it away to let the server write a new "
          "administrator token."));
    }
    RETURN_IF_ERROR(principals->AddFirstAdministrator(admin_token_path));
  }
  RETURN_IF_ERROR(PublishPendingToken(admin_token_path));
  return principals;
}

absl::Status Principals::Load() {
  storage::ReadView view(store_);
  absl::MutexLock write_lock(&write_mu_);
  absl::MutexLock lock(&mu_);
  storage::PrefixIterator it =
      view.Scan(Column::kDefault, storage::keys::AccessPrincipalPrefix());
  for (it.Seek(); it.Valid(); it.Next()) {
    Record record;
    if (!record.ParseFromArray(it.value().data(),
                               static_cast<int>(it.value().size())) ||
        record.id() != it.suffix()) {
      return Error(
          absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
          absl::StrCat("access record ", it.suffix(), " does not parse"));
    }
    Remember(record);
  }
  RETURN_IF_ERROR(it.status());
  storage::PrefixIterator last =
      view.Scan(Column::kDefault, storage::keys::AccessChangePrefix());
  last.SeekToLast();
  if (last.Valid()) {
    last_change_ = storage::keys::ReadBigEndian64(last.suffix());
  }
  return last.status();
}

void Principals::Remember(const Record& record) {
  by_id_[record.id()] = record;
  if (record.revoke_time_micros() == 0) {
    live_[record.key_id()] = Live{record.secret_sha256(), ToPrincipal(record)};
  } else {
    live_.erase(record.key_id());
  }
}

absl::Status Principals::Write(const Record& record, const std::string& actor,
                               sv1::AccessChangeRecord::Action action) {
  sv1::AccessChangeRecord change;
  change.set_sequence(last_change_ + 1);
  change.set_time_micros(clock_->NowMicros());
  change.set_actor(actor);
  change.set_action(action);
  *change.mutable_principal() = record;
  change.mutable_principal()->clear_secret_sha256();
  rocksdb::WriteBatch batch;
  auto* column = store_->handle(Column::kDefault);
  batch.Put(column, storage::keys::AccessPrincipal(record.id()),
            record.SerializeAsString());
  batch.Put(column, storage::keys::AccessChange(change.sequence()),
            change.SerializeAsString());
  RETURN_IF_ERROR(store_->WriteDurably(&batch));
  last_change_ = change.sequence();
  absl::MutexLock lock(&mu_);
  Remember(record);
  return absl::OkStatus();
}

absl::Status Principals::AddFirstAdministrator(const std::string& token_path) {
  NewTokenResult token = NewToken();
  RETURN_IF_ERROR(WritePendingToken(token_path, token.text));
  Record record;
  record.set_id(kFirstAdministratorId);
  record.set_role(sv1::PRINCIPAL_ADMINISTRATOR);
  record.set_all_funds(true);
  record.set_display_name("the first administrator, added at first start");
  record.set_create_time_micros(clock_->NowMicros());
  record.set_created_by(kServerActor);
  record.set_key_id(token.parts.key_id);
  record.set_secret_sha256(SecretHash(token.parts.secret));
  absl::MutexLock lock(&write_mu_);
  return Write(record, kServerActor, sv1::AccessChangeRecord::ADDED);
}

absl::StatusOr<std::shared_ptr<const Principal>> Principals::Authenticate(
    absl::string_view token) const {
  // A fixed hash to compare against when the key id is unknown, so that
  // an unknown key id costs the same as a wrong secret.
  static const std::string kNoSuchHash = SecretHash("no such principal");
  std::optional<TokenParts> parts = ParseToken(token);
  std::shared_ptr<const Principal> principal;
  bool matches = false;
  if (parts.has_value()) {
    absl::MutexLock lock(&mu_);
    auto it = live_.find(parts->key_id);
    matches = SecretMatches(parts->secret, it != live_.end()
                                               ? it->second.secret_sha256
                                               : kNoSuchHash);
    if (it != live_.end()) principal = it->second.principal;
  }
  if (!matches || principal == nullptr) {
    return Error(absl::StatusCode::kUnauthenticated, "CREDENTIALS_INVALID",
                 "the token is not valid: it is malformed, unknown or "
                 "revoked; ask an administrator for a new one");
  }
  return principal;
}

absl::StatusOr<v1::AddPrincipalResponse> Principals::Add(
    const Principal& actor, const v1::AddPrincipalRequest& request) {
  RETURN_IF_ERROR(CheckPrincipalId("principal_id", request.principal_id()));
  if (!v1::Role_IsValid(request.role()) ||
      request.role() == v1::ROLE_UNSPECIFIED) {
    return Invalid("FIELD_REQUIRED",
                   "role: want ADMINISTRATOR, TREASURER, AUDITOR or PARTNER");
  }
  RETURN_IF_ERROR(domain::CheckText("display_name", request.display_name(),
                                    kDisplayNameCharsMax, /*required=*/false));
  Record record;
  record.set_id(request.principal_id());
  record.set_role(static_cast<sv1::PrincipalRole>(request.role()));
  RETURN_IF_ERROR(FillGrant(request, &record));
  record.set_display_name(request.display_name());
  record.set_create_time_micros(clock_->NowMicros());
  record.set_created_by(actor.name());
  NewTokenResult token = NewToken();
  record.set_key_id(token.parts.key_id);
  record.set_secret_sha256(SecretHash(token.parts.secret));

  absl::MutexLock write_lock(&write_mu_);
  RETURN_IF_ERROR(CheckStillLive(actor));
  {
    absl::MutexLock lock(&mu_);
    if (by_id_.count(record.id()) != 0) {
      return Error(absl::StatusCode::kAlreadyExists, "PRINCIPAL_ALREADY_EXISTS",
                   absl::StrCat("principals/", record.id(),
                                " exists or existed; ids are never reused"));
    }
  }
  RETURN_IF_ERROR(Write(record, actor.name(), sv1::AccessChangeRecord::ADDED));
  v1::AddPrincipalResponse response;
  *response.mutable_principal() = ToApi(record);
  response.set_token(std::move(token.text));
  return response;
}

absl::StatusOr<v1::Principal> Principals::Revoke(
    const Principal& actor, const v1::RevokePrincipalRequest& request) {
  ASSIGN_OR_RETURN(std::string id, ParsePrincipalName(request.name()));
  RETURN_IF_ERROR(domain::CheckText("reason", request.reason(), kReasonCharsMax,
                                    /*required=*/true));
  if (id == actor.id) {
    return Invalid("FIELD_INVALID",
                   "name: an administrator cannot revoke itself; ask another");
  }
  absl::MutexLock write_lock(&write_mu_);
  // Two administrators revoking each other at once: the second finds its
  // actor revoked, so the last administrator always stays.
  RETURN_IF_ERROR(CheckStillLive(actor));
  Record record;
  {
    absl::MutexLock lock(&mu_);
    auto it = by_id_.find(id);
    if (it == by_id_.end()) {
      return Error(absl::StatusCode::kNotFound, "PRINCIPAL_NOT_FOUND",
                   absl::StrCat(request.name(), " does not exist"));
    }
    record = it->second;
  }
  if (record.revoke_time_micros() != 0) {
    return Error(absl::StatusCode::kFailedPrecondition, "PRINCIPAL_REVOKED",
                 absl::StrCat(request.name(), " is already revoked"));
  }
  record.set_revoke_time_micros(clock_->NowMicros());
  record.set_revoked_by(actor.name());
  record.set_revoke_reason(request.reason());
  RETURN_IF_ERROR(
      Write(record, actor.name(), sv1::AccessChangeRecord::REVOKED));
  return ToApi(record);
}

absl::Status Principals::CheckStillLive(const Principal& actor) const {
  absl::MutexLock lock(&mu_);
  auto it = by_id_.find(actor.id);
  if (it == by_id_.end() || it->second.revoke_time_micros() != 0) {
    return Error(absl::StatusCode::kUnauthenticated, "CREDENTIALS_INVALID",
                 "the token is not valid: it is malformed, unknown or "
                 "revoked; ask an administrator for a new one");
  }
  return absl::OkStatus();
}

v1::ListPrincipalsResponse Principals::List() const {
  v1::ListPrincipalsResponse response;
  absl::MutexLock lock(&mu_);
  for (const auto& [id, record] : by_id_) {
    *response.add_principals() = ToApi(record);
  }
  return response;
}

absl::StatusOr<v1::Principal> Principals::Describe(
    const Principal& principal) const {
  absl::MutexLock lock(&mu_);
  auto it = by_id_.find(principal.id);
  if (it == by_id_.end()) {
    return Error(absl::StatusCode::kNotFound, "PRINCIPAL_NOT_FOUND",
                 absl::StrCat(principal.name(), " does not exist"));
  }
  return ToApi(it->second);
}

absl::StatusOr<v1::ListAccessChangesResponse> Principals::ListChanges(
    const v1::ListAccessChangesRequest& request) const {
  ASSIGN_OR_RETURN(int page_size, domain::PageSize(request.page_size()));
  ASSIGN_OR_RETURN(
      std::string position,
      page_tokens_.Decode(request.page_token(), kChangesPageTag, ""));
  uint64_t after = 0;
  if (!position.empty() && !absl::SimpleAtoi(position, &after)) {
    return Invalid("PAGE_TOKEN_INVALID", "page_token: not one of ours");
  }
  v1::ListAccessChangesResponse response;
  storage::ReadView view(store_);
  storage::PrefixIterator it =
      view.Scan(Column::kDefault, storage::keys::AccessChangePrefix());
  std::string start;
  storage::keys::AppendBigEndian64(&start, after + 1);
  for (it.Seek(start); it.Valid(); it.Next()) {
    if (response.changes_size() == page_size) {
      response.set_next_page_token(page_tokens_.Encode(
          kChangesPageTag, "",
          absl::StrCat(response.changes().rbegin()->sequence())));
      break;
    }
    sv1::AccessChangeRecord record;
    if (!record.ParseFromArray(it.value().data(),
                               static_cast<int>(it.value().size()))) {
      return Error(absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
                   "an access change does not parse");
    }
    v1::AccessChange* change = response.add_changes();
    change->set_sequence(static_cast<int64_t>(record.sequence()));
    change->set_time_micros(record.time_micros());
    change->set_actor(record.actor());
    change->set_action(static_cast<v1::AccessChange::Action>(record.action()));
    *change->mutable_principal() = ToApi(record.principal());
  }
  RETURN_IF_ERROR(it.status());
  return response;
}

}  // namespace welfare::auth
