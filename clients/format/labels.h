// Thai and English labels of the API's enums, and the short tokens the
// command line takes for them ("entry-fee", "sickness", "bank").
//
// Each table lists every value of its enum except UNSPECIFIED, in number
// order. The tables are constant and thread-safe.
#ifndef WELFARE_CLIENTS_FORMAT_LABELS_H_
#define WELFARE_CLIENTS_FORMAT_LABELS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace welfare::format {

enum class Language { kThai, kEnglish };

struct Label {
  int value;          // the enum's number in the proto
  const char* token;  // lower case, words joined by '-'
  const char* thai;
  const char* english;
};

// welfare.ledger.v1 enums.
absl::Span<const Label> BenefitCategoryLabels();     // BenefitCategory
absl::Span<const Label> ContributionSourceLabels();  // ContributionSource
absl::Span<const Label> CostKindLabels();            // CostKind
absl::Span<const Label> PayeeLabels();               // Payee
absl::Span<const Label> SexLabels();                 // Sex
absl::Span<const Label> MemberCategoryLabels();      // MemberCategory
absl::Span<const Label> MemberStatusLabels();        // MemberStatus
absl::Span<const Label> EntryKindLabels();           // EntryKind
absl::Span<const Label> AccountKindLabels();         // AccountKind
absl::Span<const Label> AccountTypeLabels();         // AccountType

// The label of `value` in `language`; "" for 0 (UNSPECIFIED), and the
// number itself for a value the table does not know (a newer server).
std::string LabelOf(absl::Span<const Label> labels, int value,
                    Language language);

// The entry whose token is `token`, ignoring case and taking '_' as '-';
// nullptr if none.
const Label* FindLabelByToken(absl::Span<const Label> labels,
                              absl::string_view token);

// Every token, joined by `separator`: "cash|bank|other".
std::string TokenList(absl::Span<const Label> labels,
                      absl::string_view separator = "|");

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_LABELS_H_
