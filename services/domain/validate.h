// Stateless checks of request fields. Each returns INVALID_ARGUMENT with a
// reason and a message that names the field and says what was wanted, e.g.
// "contribution.amount_satang: -5, want 1..100000000000".
#ifndef WELFARE_SERVICES_DOMAIN_VALIDATE_H_
#define WELFARE_SERVICES_DOMAIN_VALIDATE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::domain {

// 100,000,000,000 satang: one billion baht, far above any fund's money and
// far below where sums of many amounts could overflow int64.
inline constexpr int64_t kAmountSatangMax = 100'000'000'000;

// INVALID_ARGUMENT with the reason and the message "<field>: <what>".
absl::Status InvalidField(absl::string_view reason, absl::string_view field,
                          absl::string_view what);

enum class TextKind { kSingleLine, kMultiLine };

// value must be valid UTF-8 of at most max_chars code points, with no
// control characters (a newline is allowed in kMultiLine); if required, it
// must not be empty or only spaces.
absl::Status CheckText(absl::string_view field, absl::string_view value,
                       int max_chars, bool required,
                       TextKind kind = TextKind::kSingleLine);

// 1..kAmountSatangMax.
absl::Status CheckAmount(absl::string_view field, int64_t amount_satang);

// 1..64 characters of [A-Za-z0-9._:-].
absl::Status CheckRequestId(absl::string_view request_id);

// 3..40 characters of [a-z0-9-], starting with a letter, not ending in '-'.
absl::Status CheckFundId(absl::string_view field, absl::string_view fund_id);

// A DOPA code: digits of the given length (2 province, 4 district,
// 6 sub-district, 8 village) whose first two are a Thai province code.
absl::Status CheckAreaCode(absl::string_view field, absl::string_view code,
                           size_t digits);

// A Thai national ID: 13 digits (dashes and spaces ignored) whose 13th is
// (11 - (sum of d_i * (14 - i), i = 1..12) mod 11) mod 10. Returns the 13
// digits. The ID is never put into an error message.
absl::StatusOr<std::string> ParseNationalId(absl::string_view field,
                                            absl::string_view national_id);

// "x-xxxx-xxxxx-67-8": only the last three digits of a 13-digit ID.
std::string MaskNationalId(absl::string_view digits);

// A four-digit account code whose first digit is 1..5: INVALID_ARGUMENT
// FIELD_REQUIRED if empty, ACCOUNT_CODE_INVALID if not such a code.
absl::StatusOr<uint32_t> ParseAccountCode(absl::string_view field,
                                          absl::string_view code);

}  // namespace welfare::domain

#endif  // WELFARE_SERVICES_DOMAIN_VALIDATE_H_
