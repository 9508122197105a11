// FlagReader: typed values of a command's flags and arguments, for
// building requests.
//
// Each getter parses one flag and returns its value, or a neutral value
// (0, "", nothing written) when the flag is absent or bad; the first bad
// value is kept as an INVALID_ARGUMENT status naming the flag and what was
// wanted. A command reads everything it needs, then checks status() once:
//
//   FlagReader read(flags);
//   contribution->set_amount_satang(read.Amount("amount"));
//   read.DateInto("date", contribution->mutable_effective_date());
//   if (!read.ok()) return context.Usage(read.status(), "dues");
#ifndef WELFARE_CLIENTS_CLI_VALUES_H_
#define WELFARE_CLIENTS_CLI_VALUES_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "clients/cli/flags.h"
#include "clients/format/dates.h"
#include "clients/format/labels.h"
#include "welfare/ledger/v1/types.pb.h"

namespace welfare::cli {

inline constexpr int kNationalIdDigits = 13;

class FlagReader {
 public:
  explicit FlagReader(const ParsedFlags& flags) : flags_(flags) {}

  bool ok() const { return status_.ok(); }
  const absl::Status& status() const { return status_; }

  // The text of a flag, "" if absent.
  std::string Text(absl::string_view name) const { return flags_.Get(name); }
  bool Has(absl::string_view name) const { return flags_.Has(name); }

  // A strictly positive amount of baht, in satang (see format::ParseBaht).
  int64_t Amount(absl::string_view name);
  // An integer in min..max; `fallback` if absent.
  int64_t Integer(absl::string_view name, int64_t min, int64_t max,
                  int64_t fallback = 0);
  // Writes the date (or month) into *out if the flag is given; a date from
  // CE year_min (format::kBirthYearMin for birth dates).
  void DateInto(absl::string_view name, welfare::ledger::v1::Date* out,
                int year_min = format::kYearMin);
  // DateInto for the date of a write, which must have come: a date after
  // `today` (Context::today()) is refused in the calendar it was typed in
  // (format::ParseDateUpTo), before the server would refuse it in CE.
  void DateUpToInto(absl::string_view name,
                    const welfare::ledger::v1::Date& today,
                    welfare::ledger::v1::Date* out,
                    int year_min = format::kYearMin);
  void MonthInto(absl::string_view name, welfare::ledger::v1::YearMonth* out);
  // The enum number of a token of `labels` (or, with numbers_too, its
  // number); `fallback` if absent.
  int Enum(absl::string_view name, absl::Span<const format::Label> labels,
           int fallback = 0, bool numbers_too = false);

  // The i-th argument: a fund id ("ban-nong-khu"; "funds/ban-nong-khu" is
  // taken too), or a positive number (member or entry sequence).
  std::string FundArgument(size_t i);
  int64_t NumberArgument(size_t i, absl::string_view what, int64_t max);

  // Records a usage error of the caller's own (the first error wins).
  void Fail(absl::Status status);

 private:
  const ParsedFlags& flags_;
  absl::Status status_;
};

// Checks a Thai national ID typed by a person: 13 digits (dashes and spaces
// ignored) with a valid check digit. Returns the digits, or INVALID_ARGUMENT
// whose message never contains the ID.
absl::StatusOr<std::string> CheckNationalId(absl::string_view typed);

}  // namespace welfare::cli

#endif  // WELFARE_CLIENTS_CLI_VALUES_H_
