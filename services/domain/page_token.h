// Page sizes and page tokens of the List RPCs. A token is opaque to clients:
// web-safe base64 of a tag (which listing it continues), a digest of the
// listing's filters, and the position after which the next page starts.
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

// filters: the request's filters in any stable form ("" if none); position
// must not be empty.
std::string EncodePageToken(char tag, absl::string_view filters,
                            absl::string_view position);

// The position of a token made with the same tag and filters; "" for an
// empty token. INVALID_ARGUMENT PAGE_TOKEN_INVALID if the token is not one
// of ours or continues another listing.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token, char tag,
                                            absl::string_view filters);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_PAGE_TOKEN_H_
