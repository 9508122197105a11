#include "clients/verify/checkpoint.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "clients/verify/encoding.h"

namespace welfare::verify {
namespace {

constexpr size_t kRequiredLines = 3;  // origin, size, root

absl::Status Malformed(absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed checkpoint: ", why));
}

absl::StatusOr<uint64_t> ParseSize(absl::string_view line) {
  const bool digits_only =
      !line.empty() && std::all_of(line.begin(), line.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      });
  uint64_t size = 0;
  if (!digits_only || (line.size() > 1 && line[0] == '0') ||
      !absl::SimpleAtoi(line, &size)) {
    return Malformed(
        absl::StrCat("line 2 is \"", absl::CHexEscape(line),
                     "\", want a tree size in decimal without leading zeros"));
  }
  return size;
}

}  // namespace

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  std::string text = absl::StrCat(checkpoint.origin, "\n", checkpoint.size,
                                  "\n", ToBase64(checkpoint.root), "\n");
  for (const std::string& extension : checkpoint.extensions) {
    absl::StrAppend(&text, extension, "\n");
  }
  return text;
}

absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view text) {
  if (!internal::IsNoteText(text)) {
    return Malformed("not UTF-8 without control characters but newline");
  }
  if (text.empty() || text.back() != '\n') {
    return Malformed("it does not end in a newline");
  }
  text.remove_suffix(1);
  const std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (lines.size() < kRequiredLines) {
    return Malformed("want at least 3 lines: origin, size and root hash");
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      return Malformed(absl::StrCat("line ", i + 1, " is empty"));
    }
  }
  Checkpoint checkpoint;
  checkpoint.origin = std::string(lines[0]);
  absl::StatusOr<uint64_t> size = ParseSize(lines[1]);
  if (!size.ok()) return size.status();
  checkpoint.size = *size;
  const std::optional<std::string> root =
      internal::DecodeBase64Strict(lines[2]);
  if (!root.has_value() || root->size() != kHashSize) {
    return Malformed("line 3 is not the canonical base64 of a 32-byte hash");
  }
  std::copy(root->begin(), root->end(), checkpoint.root.begin());
  for (size_t i = kRequiredLines; i < lines.size(); ++i) {
    checkpoint.extensions.emplace_back(lines[i]);
  }
  return checkpoint;
}

}  // namespace welfare::verify
