// Text checks shared by notes and checkpoints (internal to welfare_verify).
#ifndef WELFARE_CLIENTS_VERIFY_ENCODING_H_
#define WELFARE_CLIENTS_VERIFY_ENCODING_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace welfare::verify::internal {

// Decodes standard, padded base64 (RFC 4648 section 4) only in its one
// canonical spelling: no whitespace, no missing or extra padding, no
// non-zero unused bits. nullopt otherwise.
std::optional<std::string> DecodeBase64Strict(absl::string_view text);

// Whether text is valid UTF-8 with no ASCII control character (below U+0020)
// other than newline, as signed notes require.
bool IsNoteText(absl::string_view text);

// Whether name is a valid signed-note key name: non-empty, note text, with
// no Unicode space and no '+'.
bool IsKeyName(absl::string_view name);

}  // namespace welfare::verify::internal

#endif  // WELFARE_CLIENTS_VERIFY_ENCODING_H_
