#include "services/domain/names.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "services/domain/validate.h"
#include "storage/errors.h"

namespace welfare::domain {
namespace {

absl::Status Malformed(absl::string_view field, absl::string_view name,
                       absl::string_view pattern) {
  return storage::Error(
      absl::StatusCode::kInvalidArgument, "NAME_MALFORMED",
      absl::StrCat(field, ": \"", absl::CHexEscape(name.substr(0, 120)),
                   "\", want ", pattern));
}

// Splits "funds/{id}/{collection}/{item}" (collection empty: "funds/{id}").
bool Split(absl::string_view name, absl::string_view collection,
           std::string* fund_id, std::string* item) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  const size_t want = collection.empty() ? 2 : 4;
  if (parts.size() != want || parts[0] != "funds") return false;
  if (!CheckFundId("", parts[1]).ok()) return false;
  *fund_id = std::string(parts[1]);
  if (!collection.empty()) {
    if (parts[2] != collection || parts[3].empty()) return false;
    *item = std::string(parts[3]);
  }
  return true;
}

bool ParsePositive(absl::string_view text, uint64_t max, uint64_t* value) {
  if (text.empty() || text.size() > 20 || text[0] == '0') return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return absl::SimpleAtoi(text, value) && *value >= 1 && *value <= max;
}

}  // namespace

absl::StatusOr<std::string> ParseFundName(absl::string_view field,
                                          absl::string_view name) {
  std::string fund_id, unused;
  if (!Split(name, "", &fund_id, &unused)) {
    return Malformed(field, name, "\"funds/{fund_id}\"");
  }
  return fund_id;
}

absl::StatusOr<MemberName> ParseMemberName(absl::string_view field,
                                           absl::string_view name) {
  MemberName parsed;
  std::string item;
  uint64_t number = 0;
  if (!Split(name, "members", &parsed.fund_id, &item) ||
      !ParsePositive(item, INT32_MAX, &number)) {
    return Malformed(field, name,
                     "\"funds/{fund_id}/members/{member_number}\"");
  }
  parsed.member_number = static_cast<int32_t>(number);
  return parsed;
}

absl::StatusOr<EntryName> ParseEntryName(absl::string_view field,
                                         absl::string_view name) {
  EntryName parsed;
  std::string item;
  if (!Split(name, "entries", &parsed.fund_id, &item) ||
      !ParsePositive(item, UINT64_MAX, &parsed.sequence)) {
    return Malformed(field, name, "\"funds/{fund_id}/entries/{sequence}\"");
  }
  return parsed;
}

absl::StatusOr<EntryName> ParseClaimName(absl::string_view field,
                                         absl::string_view name) {
  EntryName parsed;
  std::string item;
  if (!Split(name, "claims", &parsed.fund_id, &item) ||
      !ParsePositive(item, UINT64_MAX, &parsed.sequence)) {
    return Malformed(field, name, "\"funds/{fund_id}/claims/{number}\"");
  }
  return parsed;
}

absl::StatusOr<DocumentName> ParseDocumentName(absl::string_view field,
                                               absl::string_view name) {
  DocumentName parsed;
  std::string item;
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  const bool receipt = parts.size() == 4 && parts[2] == "receipts";
  uint64_t year = 0, number = 0;
  std::vector<absl::string_view> year_number;
  if (Split(name, receipt ? "receipts" : "vouchers", &parsed.fund_id, &item)) {
    year_number = absl::StrSplit(item, '-');
  }
  if (year_number.size() != 2 || !ParsePositive(year_number[0], 9999, &year) ||
      !ParsePositive(year_number[1], UINT32_MAX, &number)) {
    return Malformed(field, name,
                     "\"funds/{fund_id}/receipts/{fiscal_year}-{number}\" or "
                     "\"funds/{fund_id}/vouchers/{fiscal_year}-{number}\"");
  }
  parsed.kind = receipt ? 1 : 2;
  parsed.fiscal_year = static_cast<int32_t>(year);
  parsed.number = static_cast<uint32_t>(number);
  return parsed;
}

std::string FundName(absl::string_view fund_id) {
  return absl::StrCat("funds/", fund_id);
}

std::string AccountName(absl::string_view fund_id, uint32_t code) {
  return absl::StrCat("funds/", fund_id, "/accounts/", AccountCodeText(code));
}

std::string MemberResourceName(absl::string_view fund_id, int32_t number) {
  return absl::StrCat("funds/", fund_id, "/members/", number);
}

std::string EntryResourceName(absl::string_view fund_id, uint64_t sequence) {
  return absl::StrCat("funds/", fund_id, "/entries/", sequence);
}

std::string RulebookResourceName(absl::string_view fund_id, uint64_t sequence) {
  return absl::StrCat(FundName(fund_id), "/rulebooks/", sequence);
}

std::string ClaimResourceName(absl::string_view fund_id, uint64_t number) {
  return absl::StrCat(FundName(fund_id), "/claims/", number);
}

std::string DocumentResourceName(absl::string_view fund_id, int32_t kind,
                                 int32_t fiscal_year, uint32_t number) {
  return absl::StrCat("funds/", fund_id,
                      kind == 1 ? "/receipts/" : "/vouchers/", fiscal_year, "-",
                      number);
}

std::string AccountCodeText(uint32_t code) {
  return absl::StrFormat("%04u", code);
}

}  // namespace welfare::domain
