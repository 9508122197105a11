// Rng: the seeded random numbers of the generator. Everything is computed
// here, never with <random>'s distributions (whose results differ between
// standard libraries), so one seed gives one plan, byte for byte.
#ifndef WELFARE_CLIENTS_SEED_RANDOM_H_
#define WELFARE_CLIENTS_SEED_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace welfare::seed {

// Mixes two 64-bit values into one (SplitMix64's finalizer over their
// combination): the seed of an independent stream, e.g. Mix(seed, fund).
uint64_t Mix(uint64_t a, uint64_t b);

// SplitMix64. Not thread-safe; cheap to copy.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next();
  // Uniform in lo..hi inclusive (lo <= hi), without modulo bias.
  int64_t Uniform(int64_t lo, int64_t hi);
  // True with probability numerator / denominator (0 <= numerator).
  bool Chance(int64_t numerator, int64_t denominator);
  // Uniform in [0, 1), 53 bits.
  double Unit();
  // Standard normal (Box-Muller).
  double Normal();
  // An element of a non-empty array.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Uniform(0, static_cast<int64_t>(N) - 1)];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Uniform(0, static_cast<int64_t>(items.size()) - 1)];
  }

 private:
  uint64_t state_;
};

// Members of a fund: lognormal around median, clamped to minimum..maximum.
int LogNormalCount(Rng& rng, int median, double sigma, int minimum,
                   int maximum);

// The number of events of a yearly rate per 1,000 among `people`: the
// expected count's whole part, plus one with the chance of its fraction.
int CountPerThousand(Rng& rng, int people, int per_thousand);

}  // namespace welfare::seed

#endif  // WELFARE_CLIENTS_SEED_RANDOM_H_
