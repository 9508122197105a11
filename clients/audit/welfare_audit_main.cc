// welfare-audit: checks a welfared server's funds instead of trusting it.
// See cli.h and `welfare-audit --help`.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "clients/audit/cli.h"
#include "clients/connection.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  welfare::auditor::CliIo io{std::cout, std::cerr, isatty(STDERR_FILENO) == 1};
  return welfare::auditor::RunAuditCli(
      args, io, std::getenv("WELFARE_SERVER"),
      welfare::client::CredentialsEnvironment::FromProcess());
}
