#include "clients/cli/flags.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace welfare::cli {
namespace {

const FlagSpec* FindSpec(absl::Span<const FlagSpec> specs,
                         absl::string_view name) {
  for (const FlagSpec& spec : specs) {
    if (CanonicalFlagName(spec.name) == name) return &spec;
  }
  return nullptr;
}

absl::Status Usage(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

}  // namespace

std::string CanonicalFlagName(absl::string_view name) {
  return absl::StrReplaceAll(name, {{"_", "-"}});
}

bool ParsedFlags::Has(absl::string_view name) const {
  auto it = values_.find(CanonicalFlagName(name));
  return it != values_.end() && !it->second.empty();
}

std::string ParsedFlags::Get(absl::string_view name) const {
  auto it = values_.find(CanonicalFlagName(name));
  if (it == values_.end() || it->second.empty()) return "";
  return it->second.back();
}

std::vector<std::string> ParsedFlags::GetAll(absl::string_view name) const {
  auto it = values_.find(CanonicalFlagName(name));
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

absl::StatusOr<ParsedFlags> ParseFlags(absl::Span<const FlagSpec> specs,
                                       absl::Span<const std::string> tokens) {
  ParsedFlags parsed;
  bool flags_ended = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (flags_ended || !absl::StartsWith(token, "--") || token == "-") {
      parsed.arguments_.push_back(token);
      continue;
    }
    if (token == "--") {
      flags_ended = true;
      continue;
    }
    const size_t equals = token.find('=');
    const std::string name = CanonicalFlagName(token.substr(2, equals - 2));
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr) {
      return Usage(absl::StrCat("unknown flag --", name));
    }
    std::vector<std::string>& values = parsed.values_[name];
    if (spec->kind == FlagKind::kSwitch) {
      const std::string value =
          equals == std::string::npos ? "true" : token.substr(equals + 1);
      if (value != "true" && value != "false") {
        return Usage(absl::StrCat("--", name, " is a switch; want --", name,
                                  " or --", name, "=false"));
      }
      values.clear();
      if (value == "true") values.push_back(value);
      continue;
    }
    std::string value;
    if (equals != std::string::npos) {
      value = token.substr(equals + 1);
    } else if (i + 1 < tokens.size() &&
               !absl::StartsWith(tokens[i + 1], "--")) {
      value = tokens[++i];
    } else {
      return Usage(absl::StrCat("--", name, " wants a value: --", name, "=",
                                spec->value_name));
    }
    if (spec->kind == FlagKind::kValue && !values.empty()) {
      return Usage(absl::StrCat("--", name, " is given twice; give it once"));
    }
    values.push_back(std::move(value));
  }
  for (const FlagSpec& spec : specs) {
    if (spec.required && !parsed.Has(spec.name)) {
      return Usage(absl::StrCat(
          "missing --", spec.name,
          spec.value_name.empty() ? "" : absl::StrCat("=", spec.value_name),
          ": ", spec.help));
    }
  }
  return parsed;
}

}  // namespace welfare::cli
