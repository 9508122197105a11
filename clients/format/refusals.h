// A server's refusal in the user's calendar.
//
// The tools take years and dates in the Buddhist Era and send CE (the API's
// calendar); the server's messages speak CE: dates "2026-06-15", months of
// dues "2026-06", fiscal years "fiscal_year: 2027", "fiscal year 2026",
// "the current year (2026)". A tool shows every failed call through
// RefusalInCalendar, the one conversion, so that a user who works in BE
// reads BE, e.g. "fiscal_year: 2570 has not begun; want the current year
// (2569) or an earlier one".
#ifndef WELFARE_CLIENTS_FORMAT_REFUSALS_H_
#define WELFARE_CLIENTS_FORMAT_REFUSALS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "clients/format/dates.h"

namespace welfare::format {

// `message` as it is for kGregorian. For kBuddhistEra:
// - a date YYYY-MM-DD becomes DD/MM/YYYY+543 ("15/06/2569") and a month
//   YYYY-MM becomes MM/YYYY+543 ("06/2569"), where it stands alone: not
//   inside a name or an id ("funds/x/receipts/2026-12", "dues-2026-06-15"),
//   which keep their text;
// - the year after "fiscal_year: ", "fiscal year " or "current year ("
//   becomes BE;
// - the server's hint " (dates are CE: 2569 BE is 2026)" is dropped.
// Only years kYearMin..kBuddhistEraYearFirst - 1 are taken as CE: a year
// from 2400 is left as it stands (it is BE already).
std::string RefusalInCalendar(absl::string_view message, Calendar calendar);

}  // namespace welfare::format

#endif  // WELFARE_CLIENTS_FORMAT_REFUSALS_H_
