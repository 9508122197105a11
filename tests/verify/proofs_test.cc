// RFC 9162 inclusion and consistency proofs: every proof the recursive
// definitions give for trees up to 64 leaves verifies, and every single
// change to it (any byte of any element, a dropped or added element,
// another index or size, another root) is rejected.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "clients/verify/merkle.h"
#include "gtest/gtest.h"
#include "tests/verify/naive_tree.h"

namespace welfare::verify {
namespace {

using absl::StatusCode;
using testing::MakeLeaves;
using testing::Mth;
using testing::Path;
using testing::Proof;

constexpr uint64_t kMaxSize = 64;

class ProofFixture : public ::testing::Test {
 protected:
  ProofFixture() : leaves_(MakeLeaves(kMaxSize)) {
    for (uint64_t n = 0; n <= kMaxSize; ++n) roots_.push_back(Mth(Prefix(n)));
  }
  testing::Leaves Prefix(uint64_t n) const {
    return absl::MakeConstSpan(leaves_).subspan(0, n);
  }

  std::vector<Hash> leaves_;
  std::vector<Hash> roots_;  // roots_[n]: the root of the first n leaves
};

// Every proof that differs from `proof` in one element: each byte of each
// element flipped.
std::vector<std::vector<std::string>> FlippedBytes(
    const std::vector<std::string>& proof) {
  std::vector<std::vector<std::string>> variants;
  for (size_t i = 0; i < proof.size(); ++i) {
    for (size_t j = 0; j < kHashSize; ++j) {
      variants.push_back(proof);
      variants.back()[i][j] ^= 0x01;
    }
  }
  return variants;
}

// Every proof with one element dropped, one added, or one element of the
// wrong size.
std::vector<std::vector<std::string>> MisshapedProofs(
    const std::vector<std::string>& proof) {
  std::vector<std::vector<std::string>> variants;
  const std::string extra = ToBytes(LeafHash("extra"));
  for (size_t i = 0; i <= proof.size(); ++i) {
    variants.push_back(proof);
    variants.back().insert(variants.back().begin() + i, extra);
    if (i == proof.size()) break;
    variants.push_back(proof);
    variants.back().erase(variants.back().begin() + i);
    variants.push_back(proof);
    variants.back()[i].pop_back();
    variants.push_back(proof);
    variants.back()[i].push_back('x');
  }
  return variants;
}

using VerifyInclusionTest = ProofFixture;

TEST_F(VerifyInclusionTest, AcceptsEveryPathUpTo64Leaves) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 0; m < n; ++m) {
      const std::vector<std::string> path = Path(m, Prefix(n));
      ASSERT_TRUE(VerifyInclusion(m, n, leaves_[m], path, roots_[n]).ok())
          << m << " " << n;
      absl::StatusOr<Hash> root =
          RootFromInclusionProof(m, n, leaves_[m], path);
      ASSERT_TRUE(root.ok());
      EXPECT_EQ(*root, roots_[n]);
    }
  }
}

TEST_F(VerifyInclusionTest, RejectsEveryFlippedByteOfEveryElement) {
  for (uint64_t n = 2; n <= kMaxSize; ++n) {
    for (uint64_t m = 0; m < n; ++m) {
      for (const auto& proof : FlippedBytes(Path(m, Prefix(n)))) {
        ASSERT_EQ(VerifyInclusion(m, n, leaves_[m], proof, roots_[n]).code(),
                  StatusCode::kFailedPrecondition)
            << m << " " << n;
      }
    }
  }
}

TEST_F(VerifyInclusionTest, RejectsAMisshapedProof) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 0; m < n; ++m) {
      for (const auto& proof : MisshapedProofs(Path(m, Prefix(n)))) {
        ASSERT_EQ(VerifyInclusion(m, n, leaves_[m], proof, roots_[n]).code(),
                  StatusCode::kInvalidArgument)
            << m << " " << n;
      }
    }
  }
}

TEST_F(VerifyInclusionTest, RejectsAnotherIndexLeafOrRoot) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 0; m < n; ++m) {
      const std::vector<std::string> path = Path(m, Prefix(n));
      for (uint64_t other = 0; other <= n; ++other) {
        if (other == m) continue;
        EXPECT_FALSE(
            VerifyInclusion(other, n, leaves_[m], path, roots_[n]).ok())
            << m << " as " << other << " of " << n;
      }
      const Hash other_leaf = leaves_[(m + 1) % kMaxSize];
      EXPECT_EQ(VerifyInclusion(m, n, other_leaf, path, roots_[n]).code(),
                StatusCode::kFailedPrecondition);
      EXPECT_EQ(VerifyInclusion(m, n, leaves_[m], path, roots_[n - 1]).code(),
                StatusCode::kFailedPrecondition);
    }
  }
}

// A different size verifies only if it walks the proof the same way (for
// example leaf 0 of 5 and of 6 leaves): an inclusion proof does not bind
// the size, the trusted root does. Doubling or halving always changes it.
TEST_F(VerifyInclusionTest, RejectsADoubledOrHalvedSize) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 0; m < n; ++m) {
      const std::vector<std::string> path = Path(m, Prefix(n));
      EXPECT_FALSE(VerifyInclusion(m, n * 2, leaves_[m], path, roots_[n]).ok())
          << m << " " << n;
      if (n / 2 != n) {
        EXPECT_FALSE(
            VerifyInclusion(m, n / 2, leaves_[m], path, roots_[n]).ok())
            << m << " " << n;
      }
    }
  }
}

TEST_F(VerifyInclusionTest, RejectsAnIndexOutOfRange) {
  const Hash leaf = leaves_[0];
  for (auto [index, size] : {std::pair<uint64_t, uint64_t>{0, 0},
                             {1, 1},
                             {5, 5},
                             {UINT64_MAX, 1},
                             {UINT64_MAX, UINT64_MAX}}) {
    EXPECT_EQ(VerifyInclusion(index, size, leaf, {}, leaf).code(),
              StatusCode::kInvalidArgument)
        << index << " " << size;
  }
  // The largest tree: a proof of 64 elements is wanted, none is given.
  EXPECT_EQ(VerifyInclusion(0, UINT64_MAX, leaf, {}, leaf).code(),
            StatusCode::kInvalidArgument);
}

using VerifyConsistencyTest = ProofFixture;

TEST_F(VerifyConsistencyTest, AcceptsEveryProofUpTo64Leaves) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 1; m <= n; ++m) {
      const std::vector<std::string> proof = Proof(m, Prefix(n));
      ASSERT_TRUE(VerifyConsistency(m, n, proof, roots_[m], roots_[n]).ok())
          << m << " " << n;
    }
  }
}

TEST_F(VerifyConsistencyTest, RejectsEveryFlippedByteOfEveryElement) {
  for (uint64_t n = 2; n <= kMaxSize; ++n) {
    for (uint64_t m = 1; m < n; ++m) {
      for (const auto& proof : FlippedBytes(Proof(m, Prefix(n)))) {
        ASSERT_EQ(VerifyConsistency(m, n, proof, roots_[m], roots_[n]).code(),
                  StatusCode::kFailedPrecondition)
            << m << " " << n;
      }
    }
  }
}

TEST_F(VerifyConsistencyTest, RejectsAMisshapedProof) {
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t m = 1; m <= n; ++m) {
      for (const auto& proof : MisshapedProofs(Proof(m, Prefix(n)))) {
        ASSERT_EQ(VerifyConsistency(m, n, proof, roots_[m], roots_[n]).code(),
                  StatusCode::kInvalidArgument)
            << m << " " << n;
      }
    }
  }
}

TEST_F(VerifyConsistencyTest, RejectsAnotherSize1OrRoots) {
  for (uint64_t n = 2; n <= kMaxSize; ++n) {
    for (uint64_t m = 1; m < n; ++m) {
      const std::vector<std::string> proof = Proof(m, Prefix(n));
      for (uint64_t other = 0; other <= n + 1; ++other) {
        if (other == m) continue;
        EXPECT_FALSE(
            VerifyConsistency(other, n, proof, roots_[m], roots_[n]).ok())
            << m << " as " << other << " to " << n;
      }
      EXPECT_FALSE(
          VerifyConsistency(m, n * 2, proof, roots_[m], roots_[n]).ok());
      EXPECT_FALSE(VerifyConsistency(m, n, proof, roots_[n], roots_[m]).ok());
      EXPECT_EQ(VerifyConsistency(m, n, proof, roots_[m - 1], roots_[n]).code(),
                StatusCode::kFailedPrecondition);
      EXPECT_EQ(VerifyConsistency(m, n, proof, roots_[m], roots_[n - 1]).code(),
                StatusCode::kFailedPrecondition);
    }
  }
}

TEST_F(VerifyConsistencyTest, EdgeCasesInTheOrderTheyAreChecked) {
  const Hash a = roots_[3];
  const Hash b = roots_[4];
  const std::vector<std::string> one = {ToBytes(a)};
  const struct {
    uint64_t size1, size2;
    std::vector<std::string> proof;
    Hash root1, root2;
    StatusCode want;
  } kCases[] = {
      {4, 3, {}, a, b, StatusCode::kInvalidArgument},     // size1 > size2
      {1, 0, {}, a, a, StatusCode::kInvalidArgument},     // size1 > size2
      {0, 0, {}, a, a, StatusCode::kInvalidArgument},     // from empty
      {0, 5, {}, a, b, StatusCode::kInvalidArgument},     // from empty
      {0, 5, one, a, b, StatusCode::kInvalidArgument},    // from empty
      {3, 3, one, a, a, StatusCode::kInvalidArgument},    // equal, not empty
      {3, 3, {}, a, b, StatusCode::kFailedPrecondition},  // equal, roots differ
      {3, 3, {}, a, a, StatusCode::kOk},
      {3, 4, {}, a, b, StatusCode::kInvalidArgument},  // no proof
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(
        VerifyConsistency(c.size1, c.size2, c.proof, c.root1, c.root2).code(),
        c.want)
        << c.size1 << " " << c.size2;
  }
}

}  // namespace
}  // namespace welfare::verify
