// The stored record parsers: bytes as they would be read back from the
// database, through what the server does with them on the way to a reply.
//
//   input := kind:u8 bytes
//
//   kind % 7   bytes are                     exercised
//   0          an EntryRecord (E-key)        ParseStoredEntry for the fund
//                                            and sequence the bytes claim,
//                                            CheckEntryAgainstLeaf,
//                                            EntryToApi, BenefitPaidOf
//   1          a FundView (F-key)            ReadFundView, FundToApi,
//                                            FiscalStartMonth
//   2          size:u8 MemberView            ReadMemberView, MemberToApi
//              ProfileRecord                 (with the profile, and erased)
//   3          an AccountRecord (A-key)      AccountToApi
//   4          a RulebooksView (K-key)       ReadRulebooks, RulebookInForce,
//                                            RulebookToApi of each version
//   5          size:u8 ClaimView             ClaimToApi (with the details,
//              ClaimDetailsRecord            and erased)
//   6          a reversal link (V-key)       ReadReversedBy
//
// Every parse must fail cleanly or give a record; what ParseStoredEntry
// accepts must be the entry its key promised, with the hash of its bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/verify/merkle.h"
#include "google/protobuf/stubs/logging.h"
#include "services/domain/claims.h"
#include "services/domain/records.h"
#include "services/domain/report_period.h"
#include "services/domain/rulebooks.h"
#include "services/domain/views.h"
#include "storage/entry_check.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"
#include "storage/store.h"
#include "storage/stored_entry.h"
#include "welfare/storage/v1/records.pb.h"

namespace {

namespace record = welfare::storage::v1;
namespace domain = welfare::domain;
namespace storage = welfare::storage;

constexpr char kFundId[] = "fuzz-fund";
// 2026-06-15, days since 1970-01-01.
constexpr int32_t kToday = 20619;

// A Source (views.h) holding one value under every key.
class OneValue {
 public:
  explicit OneValue(absl::string_view bytes) : bytes_(bytes) {}
  absl::StatusOr<std::optional<std::string>> Get(storage::Column column,
                                                 absl::string_view key) const {
    return std::optional<std::string>(std::string(bytes_));
  }

 private:
  absl::string_view bytes_;
};

// Splits "size:u8 first second".
std::pair<absl::string_view, absl::string_view> SplitTwo(
    absl::string_view bytes) {
  if (bytes.empty()) return {};
  const size_t first =
      std::min<size_t>(static_cast<uint8_t>(bytes[0]), bytes.size() - 1);
  return {bytes.substr(1, first), bytes.substr(1 + first)};
}

void FuzzEntry(absl::string_view bytes) {
  // The fund and sequence of the key the bytes would be read under: the
  // ones they claim, so that good entries get past the check.
  record::EntryRecord claimed;
  std::string fund_id = kFundId;
  uint64_t sequence = 1;
  if (claimed.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    fund_id = claimed.fund_id();
    sequence = claimed.sequence();
  }
  absl::StatusOr<storage::StoredEntry> entry =
      storage::ParseStoredEntry(std::string(bytes), fund_id, sequence);
  if (!entry.ok()) {
    WELFARE_CHECK(entry.status().code() == absl::StatusCode::kDataLoss);
    return;
  }
  WELFARE_CHECK(entry->bytes == bytes);
  WELFARE_CHECK(entry->hash == storage::Sha256(bytes));
  WELFARE_CHECK(entry->record.fund_id() == fund_id);
  WELFARE_CHECK(entry->record.sequence() == sequence);
  WELFARE_CHECK(
      !storage::ParseStoredEntry(std::string(bytes), fund_id + "x", sequence)
           .ok());
  WELFARE_CHECK(
      !storage::ParseStoredEntry(std::string(bytes), fund_id, sequence + 1)
           .ok());

  const std::string leaf =
      welfare::verify::ToBytes(welfare::verify::LeafHash(bytes));
  WELFARE_CHECK(
      storage::CheckEntryAgainstLeaf(fund_id, sequence, bytes, leaf).ok());
  WELFARE_CHECK(!storage::CheckEntryAgainstLeaf(fund_id, sequence,
                                                std::string(bytes) + "x", leaf)
                     .ok());

  domain::EntryToApi(*entry, sequence + 1);
  if (entry->record.has_disbursement()) {
    domain::BenefitPaidOf(entry->record, sequence);
  }
}

void FuzzFund(absl::string_view bytes) {
  OneValue source(bytes);
  absl::StatusOr<record::FundView> fund = domain::ReadFundView(source, kFundId);
  if (!fund.ok()) return;
  domain::FundToApi(*fund, 1, 0);
  const int32_t month = domain::FiscalStartMonth(*fund);
  (void)month;
}

void FuzzMember(absl::string_view bytes) {
  const auto [member_bytes, profile_bytes] = SplitTwo(bytes);
  OneValue source(member_bytes);
  absl::StatusOr<record::MemberView> member =
      domain::ReadMemberView(source, kFundId, 1);
  if (!member.ok()) return;
  record::ProfileRecord profile;
  if (profile.ParseFromArray(profile_bytes.data(),
                             static_cast<int>(profile_bytes.size()))) {
    domain::MemberToApi(kFundId, *member, profile, kToday);
  }
  domain::MemberToApi(kFundId, *member, std::nullopt, kToday);
}

void FuzzAccount(absl::string_view bytes) {
  record::AccountRecord account;
  if (!account.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return;
  }
  domain::AccountToApi(kFundId, account);
}

void FuzzRulebooks(absl::string_view bytes) {
  OneValue source(bytes);
  absl::StatusOr<record::RulebooksView> rulebooks =
      domain::ReadRulebooks(source, kFundId);
  if (!rulebooks.ok()) return;
  const int in_force = domain::RulebookInForce(*rulebooks, kToday);
  WELFARE_CHECK(in_force >= -1 && in_force < rulebooks->versions_size());
  for (int i = 0; i < rulebooks->versions_size(); ++i) {
    domain::RulebookToApi(kFundId, *rulebooks, i);
  }
}

void FuzzClaim(absl::string_view bytes) {
  const auto [claim_bytes, details_bytes] = SplitTwo(bytes);
  record::ClaimView claim;
  if (!claim.ParseFromArray(claim_bytes.data(),
                            static_cast<int>(claim_bytes.size()))) {
    return;
  }
  record::ClaimDetailsRecord details;
  if (details.ParseFromArray(details_bytes.data(),
                             static_cast<int>(details_bytes.size()))) {
    domain::ClaimToApi(kFundId, claim, details);
  }
  domain::ClaimToApi(kFundId, claim, std::nullopt);
}

void FuzzReversal(absl::string_view bytes) {
  OneValue source(bytes);
  absl::StatusOr<uint64_t> by = domain::ReadReversedBy(source, kFundId, 1);
  WELFARE_CHECK(by.ok() == (bytes.size() == 8));
}

}  // namespace

// Protobuf logs every string field of invalid UTF-8 it refuses to parse;
// the refusal is all that matters here.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const absl::string_view bytes(reinterpret_cast<const char*>(data) + 1,
                                size - 1);
  switch (data[0] % 7) {
    case 0:
      FuzzEntry(bytes);
      break;
    case 1:
      FuzzFund(bytes);
      break;
    case 2:
      FuzzMember(bytes);
      break;
    case 3:
      FuzzAccount(bytes);
      break;
    case 4:
      FuzzRulebooks(bytes);
      break;
    case 5:
      FuzzClaim(bytes);
      break;
    case 6:
      FuzzReversal(bytes);
      break;
  }
  return 0;
}
