// welfare: the treasurer's command-line tool. See app.h and
// `welfare --help`.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "clients/cli/app.h"
#include "clients/connection.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  welfare::cli::Io io{std::cin, std::cout, std::cerr,
                      isatty(STDIN_FILENO) == 1};
  return welfare::cli::Run(
      args, io, std::getenv("WELFARE_SERVER"),
      welfare::client::CredentialsEnvironment::FromProcess());
}
