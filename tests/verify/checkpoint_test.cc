// Checkpoint bodies: the exact format, round trips, and each strictness
// rule of ParseCheckpoint.
#include "clients/verify/checkpoint.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace welfare::verify {
namespace {

// The example of c2sp.org/tlog-checkpoint.
constexpr char kSpecExample[] =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

TEST(VerifyCheckpointTest, ParsesTheSpecExample) {
  absl::StatusOr<Checkpoint> checkpoint = ParseCheckpoint(kSpecExample);
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status();
  EXPECT_EQ(checkpoint->origin, "example.com/behind-the-sofa");
  EXPECT_EQ(checkpoint->size, 20852163u);
  EXPECT_EQ(ToBase64(checkpoint->root),
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  EXPECT_TRUE(checkpoint->extensions.empty());
  EXPECT_EQ(FormatCheckpoint(*checkpoint), kSpecExample);
}

TEST(VerifyCheckpointTest, FormatsExactlyAndRoundTrips) {
  Checkpoint checkpoint;
  checkpoint.origin = "welfare.example/กองทุน ban-nong-khu";  // spaces allowed
  checkpoint.size = 0;
  checkpoint.root = EmptyRoot();
  EXPECT_EQ(FormatCheckpoint(checkpoint),
            "welfare.example/กองทุน ban-nong-khu\n0\n"
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
  for (uint64_t size : {uint64_t{0}, uint64_t{1}, uint64_t{1000}, UINT64_MAX}) {
    checkpoint.size = size;
    checkpoint.root = LeafHash(absl::StrCat(size));
    checkpoint.extensions.clear();
    for (int extensions = 0; extensions < 3; ++extensions) {
      absl::StatusOr<Checkpoint> parsed =
          ParseCheckpoint(FormatCheckpoint(checkpoint));
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      EXPECT_EQ(*parsed, checkpoint);
      checkpoint.extensions.push_back(absl::StrCat("extension ", extensions));
    }
  }
}

TEST(VerifyCheckpointTest, RejectsEachMalformedText) {
  const std::string root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  const std::string root31 = absl::Base64Escape(std::string(31, 'r'));
  const std::string root33 = absl::Base64Escape(std::string(33, 'r'));
  const struct {
    const char* what;
    std::string text;
  } kCases[] = {
      {"empty", ""},
      {"no final newline", "o\n1\n" + root},
      {"two lines", "o\n1\n"},
      {"empty origin", "\n1\n" + root + "\n"},
      {"empty size", "o\n\n" + root + "\n"},
      {"empty extension", "o\n1\n" + root + "\n\n"},
      {"empty line between extensions", "o\n1\n" + root + "\na\n\nb\n"},
      {"leading zero", "o\n01\n" + root + "\n"},
      {"zero zero", "o\n00\n" + root + "\n"},
      {"plus sign", "o\n+1\n" + root + "\n"},
      {"minus sign", "o\n-1\n" + root + "\n"},
      {"space before size", "o\n 1\n" + root + "\n"},
      {"space after size", "o\n1 \n" + root + "\n"},
      {"hex size", "o\n0x10\n" + root + "\n"},
      {"size over UINT64_MAX", "o\n18446744073709551616\n" + root + "\n"},
      {"31-byte root", "o\n1\n" + root31 + "\n"},
      {"33-byte root", "o\n1\n" + root33 + "\n"},
      {"unpadded root", "o\n1\n" + root.substr(0, 43) + "\n"},
      {"root with a space", "o\n1\n" + root + " \n"},
      {"URL-safe root",
       "o\n1\n" + std::string("47DEQpj8HBSa-_TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") +
           "\n"},
      {"non-canonical root", "o\n1\n" + root.substr(0, 42) + "V=\n"},
      {"hex root", "o\n1\n" + ToHex(EmptyRoot()) + "\n"},
      {"control character", "o\tx\n1\n" + root + "\n"},
      {"carriage return", "o\n1\r\n" + root + "\n"},
      {"invalid UTF-8", "o\xFF\n1\n" + root + "\n"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ParseCheckpoint(c.text).status().code(),
              absl::StatusCode::kInvalidArgument)
        << c.what << ": " << absl::CHexEscape(c.text);
  }
  EXPECT_TRUE(ParseCheckpoint("o\n18446744073709551615\n" + root + "\n").ok());
}

}  // namespace
}  // namespace welfare::verify
