// A reference model for the verification tests: the recursive definitions
// of RFC 9162 section 2.1 (MTH, PATH, PROOF) and of the Merkle Tree
// Certificates draft (SUBTREE_PROOF), written as the documents state them,
// slow and obviously right, over leaf hashes.
#ifndef WELFARE_TESTS_VERIFY_NAIVE_TREE_H_
#define WELFARE_TESTS_VERIFY_NAIVE_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "clients/verify/merkle.h"

namespace welfare::verify::testing {

using Leaves = absl::Span<const Hash>;

// Distinct leaf hashes LeafHash("leaf 0"), LeafHash("leaf 1"), ...
std::vector<Hash> MakeLeaves(uint64_t count);

Hash Mth(Leaves leaves);                                    // MTH(D_n)
std::vector<std::string> Path(uint64_t m, Leaves leaves);   // PATH(m, D_n)
std::vector<std::string> Proof(uint64_t m, Leaves leaves);  // PROOF(m, D_n)
// SUBTREE_PROOF(start, end, D_n); [start, end) must be a valid subtree.
std::vector<std::string> SubtreeProof(uint64_t start, uint64_t end,
                                      Leaves leaves);

}  // namespace welfare::verify::testing

#endif  // WELFARE_TESTS_VERIFY_NAIVE_TREE_H_
