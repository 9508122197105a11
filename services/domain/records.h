// Conversions from stored records (welfare.storage.v1) to API messages
// (welfare.ledger.v1), and the fingerprint of a write request.
#ifndef WELFARE_SERVICES_DOMAIN_RECORDS_H_
#define WELFARE_SERVICES_DOMAIN_RECORDS_H_

#include <optional>
#include <string>

#include "google/protobuf/message.h"
#include "storage/sha256.h"
#include "storage/stored_entry.h"
#include "welfare/ledger/v1/funds.pb.h"
#include "welfare/ledger/v1/ledger.pb.h"
#include "welfare/ledger/v1/members.pb.h"
#include "welfare/storage/v1/records.pb.h"

namespace welfare::domain {

namespace v1 = welfare::ledger::v1;
namespace record = welfare::storage::v1;

v1::Entry EntryToApi(const storage::StoredEntry& entry,
                     uint64_t reversed_by_sequence);

v1::Account AccountToApi(absl::string_view fund_id,
                         const record::AccountRecord& account);

v1::Fund FundToApi(const record::FundView& fund, uint64_t journal_size,
                   int32_t member_count);

// profile is nullopt when erased.
v1::Member MemberToApi(absl::string_view fund_id,
                       const record::MemberView& member,
                       const std::optional<record::ProfileRecord>& profile,
                       int32_t today);

// SHA-256 over the request's type name (with "/kind" if kind is given) and
// its deterministic serialization: what "the same content" means. It is only
// ever compared with the fingerprint of an earlier request with the same
// request_id, so whether it covers the request_id itself makes no difference;
// it does, which spares copying the request.
storage::Hash Fingerprint(const google::protobuf::Message& request,
                          absl::string_view kind = {});

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_RECORDS_H_
