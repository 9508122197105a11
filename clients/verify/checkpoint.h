// The body of a C2SP transparency log checkpoint
// (https://c2sp.org/tlog-checkpoint), the text of a signed note (note.h):
//
//   checkpoint := origin "\n" size "\n" root "\n" ( extension "\n" )*
//   origin     := one non-empty line
//   size       := "0" | [1-9][0-9]*        (decimal, fits in uint64)
//   root       := base64 of the 32-byte RFC 9162 root, standard and padded
//   extension  := one non-empty line (opaque)
#ifndef WELFARE_CLIENTS_VERIFY_CHECKPOINT_H_
#define WELFARE_CLIENTS_VERIFY_CHECKPOINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/verify/merkle.h"

namespace welfare::verify {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;

  friend bool operator==(const Checkpoint& a, const Checkpoint& b) {
    return a.origin == b.origin && a.size == b.size && a.root == b.root &&
           a.extensions == b.extensions;
  }
};

// "origin\nsize\nbase64(root)\n" followed by each extension and "\n". Does
// not validate: a checkpoint whose origin or an extension is empty or holds
// a newline or control character formats into text ParseCheckpoint rejects.
std::string FormatCheckpoint(const Checkpoint& checkpoint);

// Parses the grammar above strictly; INVALID_ARGUMENT, saying which line is
// wrong, for: text that is not note text (note.h) or does not end in a
// newline, fewer than three lines, an empty line, a size with a leading zero,
// a non-digit or over UINT64_MAX, and a root that is not canonical base64 of
// exactly 32 bytes.
absl::StatusOr<Checkpoint> ParseCheckpoint(absl::string_view text);

}  // namespace welfare::verify

#endif  // WELFARE_CLIENTS_VERIFY_CHECKPOINT_H_
