// The transparency-dev/merkle proof test vectors
// (tests/testdata/rfc6962-proofs): the verifiers accept exactly the files
// with "wantErr": false and reject every other one.
//
// The vectors come from Go, where hashes are byte slices of any length; here
// leaf hashes and roots are 32-byte Hash values. A leaf hash of another
// length is rejected at that boundary (Go's verifier rejects it too). Roots
// of another length ("don't care 1", "WrongRoot", "") are opaque values the
// vectors only compare; each is replaced by a stand-in Hash derived from its
// bytes, which keeps equal roots equal and matches no real root.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "clients/verify/merkle.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "test_vectors.pb.h"

namespace welfare::verify {
namespace {

namespace fs = std::filesystem;
using testing::ConsistencyVector;
using testing::InclusionVector;
using testing::SubtreeConsistencyVector;
using testing::SubtreeInclusionVector;

// Every .json file under the vectors' folder `kind`, sorted.
std::vector<fs::path> JsonFiles(const std::string& kind) {
  const fs::path folder =
      fs::path(WELFARE_TESTDATA_DIR) / "rfc6962-proofs" / kind;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Hash RootOf(const std::string& bytes) {
  absl::StatusOr<Hash> hash = HashFromBytes(bytes);
  if (hash.ok()) return *hash;
  return LeafHash(
      absl::StrCat("stand-in for a root of ", bytes.size(), " bytes: ", bytes));
}

template <typename Vector>
std::vector<std::string> ProofOf(const Vector& vector) {
  return std::vector<std::string>(vector.proof().begin(), vector.proof().end());
}

absl::Status Check(const InclusionVector& v) {
  absl::StatusOr<Hash> leaf = HashFromBytes(v.leaf_hash());
  if (!leaf.ok()) return leaf.status();
  return VerifyInclusion(v.leaf_idx(), v.tree_size(), *leaf, ProofOf(v),
                         RootOf(v.root()));
}

absl::Status Check(const SubtreeInclusionVector& v) {
  absl::StatusOr<Hash> leaf = HashFromBytes(v.leaf_hash());
  if (!leaf.ok()) return leaf.status();
  return VerifySubtreeInclusion(v.leaf_idx(), v.start(), v.end(), *leaf,
                                ProofOf(v), RootOf(v.root()));
}

absl::Status Check(const ConsistencyVector& v) {
  return VerifyConsistency(v.size1(), v.size2(), ProofOf(v), RootOf(v.root1()),
                           RootOf(v.root2()));
}

absl::Status Check(const SubtreeConsistencyVector& v) {
  return VerifySubtreeConsistency(v.start(), v.end(), v.size(), ProofOf(v),
                                  RootOf(v.root1()), RootOf(v.root2()));
}

struct Tally {
  int files = 0;
  int accepted = 0;  // "wantErr": false, and accepted
  int rejected = 0;  // "wantErr": true, and rejected
};

// Runs every vector of the folder `kind`; a failure names the file.
template <typename Vector>
Tally RunVectors(const std::string& kind) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  Tally tally;
  for (const fs::path& file : JsonFiles(kind)) {
    ++tally.files;
    Vector vector;
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        ReadFile(file), &vector, options);
    if (!parsed.ok()) {
      ADD_FAILURE() << file << " does not parse: " << parsed.ToString();
      continue;
    }
    const absl::Status verdict = Check(vector);
    if (vector.want_err()) {
      EXPECT_FALSE(verdict.ok())
          << file << " (" << vector.desc() << ") is accepted";
      tally.rejected += !verdict.ok();
    } else {
      EXPECT_TRUE(verdict.ok())
          << file << " (" << vector.desc() << "): " << verdict;
      tally.accepted += verdict.ok();
    }
  }
  return tally;
}

// The counts are those on disk, so that a broken folder walk cannot pass
// by visiting nothing.
TEST(VerifyTestVectorsTest, Inclusion) {
  const Tally tally = RunVectors<InclusionVector>("inclusion");
  EXPECT_EQ(tally.files, 98);
  EXPECT_EQ(tally.accepted, 6);
  EXPECT_EQ(tally.rejected, 92);
}

TEST(VerifyTestVectorsTest, Consistency) {
  const Tally tally = RunVectors<ConsistencyVector>("consistency");
  EXPECT_EQ(tally.files, 98);
  EXPECT_EQ(tally.accepted, 6);
  EXPECT_EQ(tally.rejected, 92);
}

TEST(VerifyTestVectorsTest, SubtreeInclusion) {
  const Tally tally = RunVectors<SubtreeInclusionVector>("subtreeinclusion");
  EXPECT_EQ(tally.files, 204);
  EXPECT_EQ(tally.accepted, 12);
  EXPECT_EQ(tally.rejected, 192);
}

TEST(VerifyTestVectorsTest, SubtreeConsistency) {
  const Tally tally =
      RunVectors<SubtreeConsistencyVector>("subtreeconsistency");
  EXPECT_EQ(tally.files, 118);
  EXPECT_EQ(tally.accepted, 12);
  EXPECT_EQ(tally.rejected, 106);
}

}  // namespace
}  // namespace welfare::verify
