#include "clients/seed/random.h"

#include <algorithm>
#include <cmath>

namespace welfare::seed {
namespace {

constexpr uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;
constexpr double kPi = 3.14159265358979323846;

uint64_t Finalize(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t Mix(uint64_t a, uint64_t b) {
  return Finalize(Finalize(a + kGoldenGamma) ^ (b * kGoldenGamma + 1));
}

uint64_t Rng::Next() {
  state_ += kGoldenGamma;
  return Finalize(state_);
}

int64_t Rng::Uniform(int64_t lo, int64_t hi) {
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  if (span == 0) return static_cast<int64_t>(Next());  // The whole range.
  // Reject the top partial copy of the range so every value is as likely.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % span;
  uint64_t value;
  do {
    value = Next();
  } while (value >= limit);
  return lo + static_cast<int64_t>(value % span);
}

bool Rng::Chance(int64_t numerator, int64_t denominator) {
  return Uniform(0, denominator - 1) < numerator;
}

double Rng::Unit() {
  return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0);
}

double Rng::Normal() {
  const double u1 = 1.0 - Unit();  // (0, 1]: log is finite.
  const double u2 = Unit();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

int LogNormalCount(Rng& rng, int median, double sigma, int minimum,
                   int maximum) {
  const double value = median * std::exp(sigma * rng.Normal());
  const double clamped = std::clamp(value, static_cast<double>(minimum),
                                    static_cast<double>(maximum));
  return static_cast<int>(std::lround(clamped));
}

int CountPerThousand(Rng& rng, int people, int per_thousand) {
  const int64_t expected_thousandths =
      static_cast<int64_t>(people) * per_thousand;
  const int whole = static_cast<int>(expected_thousandths / 1000);
  return whole + (rng.Chance(expected_thousandths % 1000, 1000) ? 1 : 0);
}

}  // namespace welfare::seed
