// Page sizes and page tokens of the List RPCs. A token is opaque to clients:
// web-safe base64 of a version, a tag (which listing it continues), a digest
// of the listing's filters, the position after which the next page starts,
// and an HMAC of all of it under the database's token key (Store::token_key),
// so that a token changed by even one character is refused instead of being
// read as a position (an altered position would return a wrong page, or an
// empty one that a client takes for the end of the list).
#ifndef WELFARE_SERVICES_DOMAIN_PAGE_TOKEN_H_
#define WELFARE_SERVICES_DOMAIN_PAGE_TOKEN_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::domain {

inline constexpr int kPageSizeDefault = 100;
inline constexpr int kPageSizeMax = 1000;

// 0 means kPageSizeDefault; else 1..kPageSizeMax, INVALID_ARGUMENT otherwise.
absl::StatusOr<int> PageSize(int requested);

// Makes and checks the page tokens of one database. Thread-safe.
class PageTokens {
 public:
  // key: the secret that authenticates tokens (at least 16 bytes).
  explicit PageTokens(std::string key);

  // filters: the request's filters in any stable form ("" if none); position
  // must not be empty.
  std::string Encode(char tag, absl::string_view filters,
                     absl::string_view position) const;

  // The position of a token made with the same tag and filters; "" for an
  // empty token. INVALID_ARGUMENT PAGE_TOKEN_INVALID if the token was not
  // made by this database, was altered, or continues another listing.
  absl::StatusOr<std::string> Decode(absl::string_view token, char tag,
                                     absl::string_view filters) const;

 private:
  std::string Mac(absl::string_view body) const;
  std::string key_;
};

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_PAGE_TOKEN_H_
