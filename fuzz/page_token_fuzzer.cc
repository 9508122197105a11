// Page tokens (services/domain/page_token.h) under a fixed key.
//
//   input := mode_tag:u8 filters_size:u8 filters rest
//
// mode_tag's low 7 bits are the listing's tag. With its high bit clear,
// rest is a token that PageTokens::Decode reads as a token of (tag,
// filters); one that decodes to a position must be exactly what Encode
// makes of that position (only canonical spellings decode) and must be
// refused for another tag or other filters. With the high bit set, rest is
// a position (empty ones are skipped): its token must decode back to it,
// and the token with one character changed (at a position and to a
// character that the last input byte picks) must be refused.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/domain/page_token.h"
#include "storage/status_macros.h"

namespace {

using welfare::domain::PageTokens;

constexpr char kKey[] = "welfare-fuzz-page-token-key-0001";
static_assert(sizeof(kKey) - 1 == 32, "a key of 32 bytes, as the store's");
constexpr uint8_t kEncodeMode = 0x80;
// The web-safe base64 alphabet, which tokens are written in.
constexpr absl::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const PageTokens& Tokens() {
  static const PageTokens* const tokens = new PageTokens(kKey);
  return *tokens;
}

void CheckDecode(char tag, absl::string_view filters, absl::string_view token) {
  const absl::StatusOr<std::string> position =
      Tokens().Decode(token, tag, filters);
  if (!position.ok() || position->empty()) return;
  WELFARE_CHECK(Tokens().Encode(tag, filters, *position) == token);
  WELFARE_CHECK(
      !Tokens().Decode(token, static_cast<char>(tag ^ 1), filters).ok());
  WELFARE_CHECK(!Tokens().Decode(token, tag, std::string(filters) + "x").ok());
}

void CheckEncode(char tag, absl::string_view filters,
                 absl::string_view position) {
  if (position.empty()) return;  // Encode requires a position.
  const std::string token = Tokens().Encode(tag, filters, position);
  const absl::StatusOr<std::string> decoded =
      Tokens().Decode(token, tag, filters);
  WELFARE_CHECK(decoded.ok() && *decoded == position);
  const uint8_t pick = static_cast<uint8_t>(position.back());
  std::string altered = token;
  char& changed = altered[pick % altered.size()];
  const size_t at = kAlphabet.find(changed);
  changed =
      kAlphabet[(at + 1 + pick % (kAlphabet.size() - 1)) % kAlphabet.size()];
  WELFARE_CHECK(!Tokens().Decode(altered, tag, filters).ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  const uint8_t mode_tag = static_cast<uint8_t>(input[0]);
  const char tag = static_cast<char>(mode_tag & ~kEncodeMode);
  input.remove_prefix(1);
  const size_t filters_size =
      std::min<size_t>(static_cast<uint8_t>(input[0]), input.size() - 1);
  const absl::string_view filters = input.substr(1, filters_size);
  const absl::string_view rest = input.substr(1 + filters_size);
  if (mode_tag & kEncodeMode) {
    CheckEncode(tag, filters, rest);
  } else {
    CheckDecode(tag, filters, rest);
  }
  return 0;
}
