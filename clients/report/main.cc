// welfare-report: the committee's and partners' reports of welfare-ledger.
// See app.h and `welfare-report --help`.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "clients/connection.h"
#include "clients/report/app.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  welfare::cli::Io io{std::cin, std::cout, std::cerr, false};
  welfare::report::Environment environment;
  environment.env_server = std::getenv("WELFARE_SERVER");
  environment.credentials =
      welfare::client::CredentialsEnvironment::FromProcess();
  return welfare::report::Run(args, io, environment);
}
