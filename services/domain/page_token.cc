#include "services/domain/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "storage/errors.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

constexpr char kVersion = '1';
constexpr size_t kDigestBytes = 8;

std::string FilterDigest(absl::string_view filters) {
  return storage::HashBytes(storage::Sha256(filters)).substr(0, kDigestBytes);
}

}  // namespace

absl::StatusOr<int> PageSize(int requested) {
  if (requested == 0) return kPageSizeDefault;
  if (requested < 0 || requested > kPageSizeMax) {
    return storage::Error(
        absl::StatusCode::kInvalidArgument, "FIELD_INVALID",
        absl::StrCat("page_size: ", requested, ", want 1..", kPageSizeMax,
                     " (0 means ", kPageSizeDefault, ")"));
  }
  return requested;
}

std::string EncodePageToken(char tag, absl::string_view filters,
                            absl::string_view position) {
  // An empty position would restart the listing: a client following the
  // tokens would loop for ever. Decoding refuses it too.
  WELFARE_CHECK(!position.empty());
  std::string raw;
  raw.push_back(kVersion);
  raw.push_back(tag);
  raw.append(FilterDigest(filters));
  raw.append(position.data(), position.size());
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token, char tag,
                                            absl::string_view filters) {
  if (token.empty()) return std::string();
  std::string raw;
  constexpr size_t kHeader = 2 + kDigestBytes;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() <= kHeader ||
      raw[0] != kVersion || raw[1] != tag ||
      raw.compare(2, kDigestBytes, FilterDigest(filters)) != 0) {
    return storage::Error(absl::StatusCode::kInvalidArgument,
                          "PAGE_TOKEN_INVALID",
                          "page_token: not a token this listing returned; "
                          "want the next_page_token of the previous page "
                          "with the same filters");
  }
  return raw.substr(kHeader);
}

}  // namespace welfare::domain
