// Escaping text for HTML and SVG (XML) documents.
#ifndef WELFARE_CLIENTS_FORMAT_ESCAPE_H_
#define WELFARE_CLIENTS_FORMAT_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace welfare::format {

// The text with & < > " ' replaced by character references, so that it is
// safe both as element content and inside a double- or single-quoted
// attribute. Other bytes (UTF-8 Thai included) pass through unchanged.
std::string EscapeHtml(absl::string_view text);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_ESCAPE_H_
