#include "services/domain/page_token.h"

#include <openssl/crypto.h>

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "storage/errors.h"
#include "storage/sha256.h"
#include "storage/status_macros.h"

namespace welfare::domain {
namespace {

// '1' tokens had no MAC; they are refused like any other foreign token.
constexpr char kVersion = '2';
constexpr size_t kDigestBytes = 8;
constexpr size_t kMacBytes = 16;
constexpr size_t kHeaderBytes = 2 + kDigestBytes;

std::string FilterDigest(absl::string_view filters) {
  return storage::HashBytes(storage::Sha256(filters)).substr(0, kDigestBytes);
}

absl::Status Invalid() {
  return storage::Error(absl::StatusCode::kInvalidArgument,
                        "PAGE_TOKEN_INVALID",
                        "page_token: not a token this listing returned; "
                        "want the next_page_token of the previous page "
                        "with the same filters");
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

PageTokens::PageTokens(std::string key) : key_(std::move(key)) {
  WELFARE_CHECK(key_.size() >= 16);
}

std::string PageTokens::Mac(absl::string_view body) const {
  return storage::HashBytes(storage::HmacSha256(key_, body))
      .substr(0, kMacBytes);
}

std::string PageTokens::Encode(char tag, absl::string_view filters,
                               absl::string_view position) const {
  // An empty position would restart the listing: a client following the
  // tokens would loop for ever. Decoding refuses it too.
  WELFARE_CHECK(!position.empty());
  std::string raw;
  raw.push_back(kVersion);
  raw.push_back(tag);
  raw.append(FilterDigest(filters));
  raw.append(position.data(), position.size());
  raw.append(Mac(raw));
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> PageTokens::Decode(
    absl::string_view token, char tag, absl::string_view filters) const {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) ||
      raw.size() <= kHeaderBytes + kMacBytes) {
    return Invalid();
  }
  // Base64 decoding ignores nothing that changes the bytes, but two tokens
  // may still decode alike (padding, a changed last character's low bits):
  // only the canonical spelling is ours.
  if (absl::WebSafeBase64Escape(raw) != token) return Invalid();
  const absl::string_view body =
      absl::string_view(raw).substr(0, raw.size() - kMacBytes);
  const std::string mac = Mac(body);
  if (CRYPTO_memcmp(mac.data(), raw.data() + body.size(), kMacBytes) != 0 ||
      raw[0] != kVersion || raw[1] != tag ||
      raw.compare(2, kDigestBytes, FilterDigest(filters)) != 0) {
    return Invalid();
  }
  return std::string(body.substr(kHeaderBytes));
}

}  // namespace welfare::domain
