// Generated Thai national IDs (เลขประจำตัวประชาชน) that pass the checksum.
// They are made up from a counter, never taken from real people.
#ifndef WELFARE_CLIENTS_SEED_NATIONAL_ID_H_
#define WELFARE_CLIENTS_SEED_NATIONAL_ID_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace welfare::seed {

// The check digit of the first 12 digits:
// (11 - (sum of d_i * (14 - i), i = 1..12) mod 11) mod 10.
int NationalIdCheckDigit(absl::string_view first_12_digits);

// True for 13 digits whose last is the check digit of the others.
bool IsValidNationalId(absl::string_view id);

// Distinct serial numbers below this give distinct IDs.
inline constexpr uint64_t kNationalIdSerialsMax = 1'000'000'000;

// An ID of the form T PP SSSSSSSSS C: T the person type (1 born and
// registered since 1984, 3 registered before), PP the two-digit province
// code, S a scrambling of serial (a bijection of 0..kNationalIdSerialsMax-1
// keyed by seed, so serials map to IDs one to one), C the check digit.
// Requires type_digit 1..8, province_code of 2 digits, serial below the max.
std::string MakeNationalId(int type_digit, absl::string_view province_code,
                           uint64_t serial, uint64_t seed);

}  // namespace welfare::seed

#endif  // WELFARE_CLIENTS_SEED_NATIONAL_ID_H_
