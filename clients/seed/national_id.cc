#include "clients/seed/national_id.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "clients/seed/random.h"

namespace welfare::seed {
namespace {

// A multiplier for x -> (a * x + b) mod 10^9: a bijection when a has no
// factor 2 or 5 in common with 10^9.
uint64_t Multiplier(uint64_t seed) {
  uint64_t a = Mix(seed, 0x1D) % kNationalIdSerialsMax;
  a |= 1;                  // Odd.
  if (a % 5 == 0) a += 2;  // Not a multiple of 5 (and still odd).
  return a % kNationalIdSerialsMax;
}

}  // namespace

int NationalIdCheckDigit(absl::string_view first_12_digits) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (first_12_digits[i] - '0') * (13 - i);
  return (11 - sum % 11) % 10;
}

bool IsValidNationalId(absl::string_view id) {
  if (id.size() != 13) return false;
  for (char c : id) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return NationalIdCheckDigit(id.substr(0, 12)) == id[12] - '0';
}

std::string MakeNationalId(int type_digit, absl::string_view province_code,
                           uint64_t serial, uint64_t seed) {
  if (type_digit < 1 || type_digit > 8 || province_code.size() != 2 ||
      serial >= kNationalIdSerialsMax) {
    std::abort();  // A programming error in the planner.
  }
  const uint64_t offset = Mix(seed, 0xB0) % kNationalIdSerialsMax;
  // a < 10^9 and serial < 10^9: the product fits in 64 bits.
  const uint64_t scrambled =
      (Multiplier(seed) * serial + offset) % kNationalIdSerialsMax;
  std::string id =
      absl::StrFormat("%d%s%09d", type_digit, province_code, scrambled);
  id.push_back(static_cast<char>('0' + NationalIdCheckDigit(id)));
  return id;
}

}  // namespace welfare::seed
