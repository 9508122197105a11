// Internal to welfare-audit's command line: the flags of each command
// (shared by the parser and the help) and the text output.
#ifndef WELFARE_CLIENTS_AUDIT_CLI_INTERNAL_H_
#define WELFARE_CLIENTS_AUDIT_CLI_INTERNAL_H_

#include <string>
#include <vector>

#include "clients/audit/report.pb.h"
#include "clients/cli/flags.h"

namespace welfare::auditor {

// Flags every command takes, then each command's own.
const std::vector<cli::FlagSpec>& CommonFlags();
const std::vector<cli::FlagSpec>& VerifyFlags();
const std::vector<cli::FlagSpec>& ProveFlags();

// The reports as text for people (cli_text.cc).
std::string RunReportText(const v1::RunReport& run);
std::string InclusionReportText(const v1::InclusionReport& report);

// "1,234,567".
std::string CountText(uint64_t count);

}  // namespace welfare::auditor

#endif  // WELFARE_CLIENTS_AUDIT_CLI_INTERNAL_H_
