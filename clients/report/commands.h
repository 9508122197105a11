// How the commands of welfare-report run: the shared steps of fetching a
// report and printing it, and the command groups (commands.cc for the
// books, partner_commands.cc, pack_command.cc).
#ifndef WELFARE_CLIENTS_REPORT_COMMANDS_H_
#define WELFARE_CLIENTS_REPORT_COMMANDS_H_

#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/report/app.h"

namespace welfare::report {

std::vector<Command> BookCommands();
std::vector<Command> PartnerCommands();
Command CommitteePackCommand();

// The charts an HTML page of a response adds, fetched if need be.
template <typename Response>
using ChartsOf = std::function<absl::StatusOr<std::vector<Chart>>(
    Session&, const Response&)>;

// Prints a fetched response with `view`, adding `charts` for HTML; or
// prints the failure. Returns the exit code.
template <typename Response>
int Show(Session& session, const absl::StatusOr<Response>& response,
         View (*view)(const Style&, const Response&),
         const ChartsOf<Response>& charts = nullptr) {
  if (!response.ok()) return session.Failed(response.status());
  std::vector<Chart> drawn;
  if (charts != nullptr && session.options().output == Output::kHtml) {
    absl::StatusOr<std::vector<Chart>> fetched = charts(session, *response);
    if (!fetched.ok()) return session.Failed(fetched.status());
    drawn = std::move(*fetched);
  }
  return session.Print(*response, view(session.style(), *response),
                       std::move(drawn));
}

// The charts of a fiscal year: dues and benefits by month (fetched), and
// benefits by category (from `benefits`).
absl::StatusOr<std::vector<Chart>> YearCharts(
    Session& session, int32_t fiscal_year,
    const v1::BenefitsByCategory& benefits);

}  // namespace welfare::report

#endif  // WELFARE_CLIENTS_REPORT_COMMANDS_H_
