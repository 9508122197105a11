#include "services/domain/pepper_check.h"

#include <openssl/crypto.h>

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "rocksdb/write_batch.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

using storage::Column;

// The first byte of every national-ID key (keys::NationalId).
constexpr char kNationalIdTag = 'N';

constexpr char kCheckLabel[] = "welfare-ledger national-id pepper check v1";

constexpr char kRestore[] =
    "restore national-id-pepper.key from the same backup as the database "
    "(with another pepper, duplicate national IDs would go unnoticed)";

}  // namespace

absl::Status CheckNationalIdPepper(storage::Store* store,
                                   absl::string_view pepper,
                                   bool pepper_is_new) {
  const std::string check =
      storage::HashBytes(storage::HmacSha256(pepper, kCheckLabel));
  storage::ReadView view(store);
  ASSIGN_OR_RETURN(std::optional<std::string> stored,
                   view.Get(Column::kDefault, storage::keys::kPepperCheckKey));
  const bool matches =
      stored.has_value() && stored->size() == check.size() &&
      CRYPTO_memcmp(stored->data(), check.data(), check.size()) == 0;
  if (matches) return absl::OkStatus();
  // Only national IDs hashed under the pepper make it matter: a database
  // without any may take a new pepper (and its check value).
  storage::PrefixIterator national_ids =
      view.Scan(Column::kProfiles, std::string(1, kNationalIdTag));
  national_ids.Seek();
  RETURN_IF_ERROR(national_ids.status());
  if (national_ids.Valid() && (stored.has_value() || pepper_is_new)) {
    return absl::FailedPreconditionError(absl::StrCat(
        pepper_is_new ? "the data folder has no national-ID pepper file but "
                        "its database has members' national IDs hashed with "
                        "one; "
                      : "the national-ID pepper file is not the one this "
                        "database's members' national IDs were hashed with; ",
        kRestore));
  }
  rocksdb::WriteBatch batch;
  RETURN_IF_ERROR(
      storage::FromRocksDb(batch.Put(store->handle(Column::kDefault),
                                     storage::keys::kPepperCheckKey, check),
                           "staging the pepper check value"));
  return store->WriteDurably(&batch);
}

}  // namespace welfare::domain
