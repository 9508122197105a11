// The command line's flags and arguments: a small parser with no
// dependencies beyond Abseil.
//
//   --name=value   --name value   a value flag (given at most once)
//   --name=value ...              a repeated flag (given any number of times)
//   --name   --name=true|false    a switch
//   --                            ends the flags; the rest are arguments
//   anything else                 an argument (positional)
//
// Names match with '_' and '-' taken as the same ("--deadline_ms" is
// "--deadline-ms"). "--name value" takes the next token as the value unless
// it starts with "--", so "--amount -5" reaches the amount check (and is
// refused there) while a forgotten value before another flag is reported.
#ifndef WELFARE_CLIENTS_CLI_FLAGS_H_
#define WELFARE_CLIENTS_CLI_FLAGS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace welfare::cli {

enum class FlagKind {
  kValue,     // --name=value, at most once
  kRepeated,  // --name=value, any number of times
  kSwitch,    // --name, no value
};

struct FlagSpec {
  std::string name;        // without "--", words joined by '-'
  std::string value_name;  // shown in help: "BAHT", "DATE"; "" for switches
  std::string help;
  FlagKind kind = FlagKind::kValue;
  bool required = false;
};

// A flag name in canonical form: '_' replaced by '-'.
std::string CanonicalFlagName(absl::string_view name);

class ParsedFlags {
 public:
  // Whether the flag was given (a switch: given and not "=false").
  bool Has(absl::string_view name) const;
  // The value of a value flag; "" if not given.
  std::string Get(absl::string_view name) const;
  // Every value of a repeated flag, in command-line order.
  std::vector<std::string> GetAll(absl::string_view name) const;
  // The arguments, in order.
  const std::vector<std::string>& arguments() const { return arguments_; }

 private:
  friend absl::StatusOr<ParsedFlags> ParseFlags(absl::Span<const FlagSpec>,
                                                absl::Span<const std::string>);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> arguments_;
};

// Parses tokens against specs. INVALID_ARGUMENT, with a message saying what
// was wanted, for: an unknown flag, a value flag without a value, a value
// flag given twice, a switch with a value other than true or false, and a
// required flag that is missing.
absl::StatusOr<ParsedFlags> ParseFlags(absl::Span<const FlagSpec> specs,
                                       absl::Span<const std::string> tokens);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_FLAGS_H_
