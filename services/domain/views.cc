#include "services/domain/views.h"

#include "absl/strings/escaping.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::domain {

absl::Status FundNotFound(absl::string_view fund_id) {
  return storage::Error(absl::StatusCode::kNotFound, "FUND_NOT_FOUND",
                        absl::StrCat("no fund funds/", fund_id));
}

absl::Status MemberNotFound(absl::string_view fund_id, int32_t member_number) {
  return storage::Error(
      absl::StatusCode::kNotFound, "MEMBER_NOT_FOUND",
      absl::StrCat("fund ", fund_id, " has no member ", member_number));
}

absl::Status ClaimNotFound(absl::string_view fund_id, uint64_t number) {
  return storage::Error(
      absl::StatusCode::kNotFound, "CLAIM_NOT_FOUND",
      absl::StrCat("fund ", fund_id, " has no claim ", number));
}

absl::Status CorruptRecord(absl::string_view what, absl::string_view key) {
  return storage::Error(
      absl::StatusCode::kDataLoss, "JOURNAL_CORRUPT",
      absl::StrCat("unreadable ", what, " at key ", absl::CHexEscape(key)));
}

std::string SaltedHash(absl::string_view salt,
                       const google::protobuf::Message& unsalted) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    unsalted.SerializeToCodedStream(&coded);
  }
  return storage::HashBytes(storage::Sha256(salt, bytes));
}

std::string ProfileHash(const welfare::storage::v1::ProfileRecord& profile) {
  welfare::storage::v1::ProfileRecord unsalted = profile;
  unsalted.clear_salt();
  return SaltedHash(profile.salt(), unsalted);
}

}  // namespace welfare::domain
