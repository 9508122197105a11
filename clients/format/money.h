// Money as people write and read it: baht with at most two decimals.
//
// The ledger keeps money as int64 satang (1 baht = 100 satang). These
// functions convert between that and text exactly, with integer arithmetic
// only: there is no floating point anywhere.
#ifndef WELFARE_CLIENTS_FORMAT_MONEY_H_
#define WELFARE_CLIENTS_FORMAT_MONEY_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace welfare::format {

inline constexpr int64_t kSatangPerBaht = 100;

// Parses an amount of baht into satang. Surrounding spaces are ignored.
//
//   amount   := whole [ "." fraction ]
//   whole    := digit+ | digit{1,3} ( "," digit{3} )+
//   fraction := digit{1,2}
//
// So "30" is 3000, "30.5" is 3050, "1,234.50" is 123450 and "0.05" is 5.
// Returns INVALID_ARGUMENT, with a message that quotes the text and says
// what was wanted, for: empty text; a sign ("-30" is refused as negative,
// "+30" as junk); any other character; misplaced thousands separators
// ("1,23", "1234,567"); a missing digit around the point ("30.", ".5");
// more than two decimals ("0.005", even "1.000"); and amounts above
// INT64_MAX satang (overflow). Zero is accepted: whether an amount must be
// positive is the caller's rule.
absl::StatusOr<int64_t> ParseBaht(absl::string_view text);

// "1,234.50" for 123450, "-1,234.50" for -123450, "0.05" for 5. Exact for
// every int64, INT64_MIN included.
std::string FormatBaht(int64_t satang);

// As FormatBaht without thousands separators ("1234.50"): for CSV cells
// that spreadsheets should read as numbers.
std::string FormatBahtPlain(int64_t satang);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_MONEY_H_
