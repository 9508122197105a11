// Reading and writing the domain's views (FundView, MemberView,
// ProfileRecord) from a Staging (inside the committer) or a ReadView (reads),
// and the errors for what is not there.
#ifndef WELFARE_SERVICES_DOMAIN_VIEWS_H_
#define WELFARE_SERVICES_DOMAIN_VIEWS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "storage/errors.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

absl::Status FundNotFound(absl::string_view fund_id);
absl::Status MemberNotFound(absl::string_view fund_id, int32_t member_number);
absl::Status ClaimNotFound(absl::string_view fund_id, uint64_t number);
absl::Status CorruptRecord(absl::string_view what, absl::string_view key);

// Source: storage::Staging or storage::ReadView (anything with
// Get(Column, key) -> StatusOr<optional<string>>).
template <typename Record, typename Source>
absl::StatusOr<std::optional<Record>> ReadRecord(Source& source,
                                                 storage::Column column,
                                                 const std::string& key) {
  auto bytes = source.Get(column, key);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) return std::optional<Record>();
  Record record;
  if (!record.ParseFromString(**bytes)) {
    return CorruptRecord(Record::descriptor()->name(), key);
  }
  return std::optional<Record>(std::move(record));
}

template <typename Source>
absl::StatusOr<welfare::storage::v1::FundView> ReadFundView(
    Source& source, absl::string_view fund_id) {
  auto fund = ReadRecord<welfare::storage::v1::FundView>(
      source, storage::Column::kViews, storage::keys::Fund(fund_id));
  if (!fund.ok()) return fund.status();
  if (!fund->has_value()) return FundNotFound(fund_id);
  return std::move(**fund);
}

template <typename Source>
absl::StatusOr<welfare::storage::v1::MemberView> ReadMemberView(
    Source& source, absl::string_view fund_id, int32_t member_number) {
  auto member = ReadRecord<welfare::storage::v1::MemberView>(
      source, storage::Column::kViews,
      storage::keys::Member(fund_id, member_number));
  if (!member.ok()) return member.status();
  if (!member->has_value()) return MemberNotFound(fund_id, member_number);
  return std::move(**member);
}

// The entry that reversed entry `sequence`, or 0 if none did.
template <typename Source>
absl::StatusOr<uint64_t> ReadReversedBy(Source& source,
                                        absl::string_view fund_id,
                                        uint64_t sequence) {
  const std::string key = storage::keys::ReversedBy(fund_id, sequence);
  auto stored = source.Get(storage::Column::kViews, key);
  if (!stored.ok()) return stored.status();
  int64_t by = 0;
  if (stored->has_value() && !storage::keys::DecodeFixed64(**stored, &by)) {
    return CorruptRecord("reversal link", key);
  }
  return static_cast<uint64_t>(by);
}

// SHA-256(salt || unsalted serialized deterministically): what the journal
// records of personal data kept beside it.
std::string SaltedHash(absl::string_view salt,
                       const google::protobuf::Message& unsalted);

// SHA-256(salt || the profile serialized deterministically without its
// salt): what the journal records of a profile.
std::string ProfileHash(const welfare::storage::v1::ProfileRecord& profile);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_VIEWS_H_
