// Resource names of the API (see proto/welfare/ledger/v1/*.proto):
//   funds/{fund_id}
//   funds/{fund_id}/accounts/{code}
//   funds/{fund_id}/members/{member_number}
//   funds/{fund_id}/entries/{sequence}
//   funds/{fund_id}/receipts/{fiscal_year}-{number}
//   funds/{fund_id}/vouchers/{fiscal_year}-{number}
//   funds/{fund_id}/rulebooks/{sequence}
//   funds/{fund_id}/claims/{number}       number: the submitting entry's
//                                         sequence
// Parsers return INVALID_ARGUMENT NAME_MALFORMED naming the field and the
// expected pattern.
#ifndef WELFARE_SERVICES_DOMAIN_NAMES_H_
#define WELFARE_SERVICES_DOMAIN_NAMES_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::domain {

struct MemberName {
  std::string fund_id;
  int32_t member_number = 0;
};

struct EntryName {
  std::string fund_id;
  uint64_t sequence = 0;
};

// A receipt or voucher. kind: welfare.ledger.v1.DocumentKind.
struct DocumentName {
  std::string fund_id;
  int32_t kind = 0;
  int32_t fiscal_year = 0;
  uint32_t number = 0;
};

absl::StatusOr<std::string> ParseFundName(absl::string_view field,
                                          absl::string_view name);
absl::StatusOr<MemberName> ParseMemberName(absl::string_view field,
                                           absl::string_view name);
absl::StatusOr<EntryName> ParseEntryName(absl::string_view field,
                                         absl::string_view name);
// The fiscal year is not range-checked here.
// A claim's number is the sequence of the entry that submitted it.
absl::StatusOr<EntryName> ParseClaimName(absl::string_view field,
                                         absl::string_view name);
absl::StatusOr<DocumentName> ParseDocumentName(absl::string_view field,
                                               absl::string_view name);

std::string FundName(absl::string_view fund_id);
std::string AccountName(absl::string_view fund_id, uint32_t code);
std::string MemberResourceName(absl::string_view fund_id, int32_t number);
std::string EntryResourceName(absl::string_view fund_id, uint64_t sequence);
std::string RulebookResourceName(absl::string_view fund_id, uint64_t sequence);
std::string ClaimResourceName(absl::string_view fund_id, uint64_t number);
std::string DocumentResourceName(absl::string_view fund_id, int32_t kind,
                                 int32_t fiscal_year, uint32_t number);

// "1101" for 1101.
std::string AccountCodeText(uint32_t code);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_NAMES_H_
