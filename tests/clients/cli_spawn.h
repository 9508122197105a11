// Runs the built `welfare` binary (WELFARE_CLI_PATH, set by CMake) as a
// child process, for tests against a real server.
#ifndef WELFARE_TESTS_CLIENTS_CLI_SPAWN_H_
#define WELFARE_TESTS_CLIENTS_CLI_SPAWN_H_

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/testing/test_util.h"

extern char** environ;

namespace welfare::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Runs the welfare binary with `args`, `in` on its standard input, and the
// environment without WELFARE_SERVER plus `env`.
inline Outcome RunWelfare(const std::vector<std::string>& args,
                          const std::string& in,
                          const std::vector<std::string>& env = {}) {
  TempDir dir;
  const std::string in_path = dir.path() + "/in";
  const std::string out_path = dir.path() + "/out";
  const std::string err_path = dir.path() + "/err";
  std::ofstream(in_path, std::ios::binary) << in;

  std::vector<std::string> argv_text = {WELFARE_CLI_PATH};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = env;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    if (!absl::StartsWith(*variable, "WELFARE_SERVER=")) {
      env_text.push_back(*variable);
    }
  }
  std::vector<char*> envp;
  for (std::string& variable : env_text) envp.push_back(variable.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, 1, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&files, 2, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  Outcome outcome;
  const int spawned = posix_spawn(&pid, WELFARE_CLI_PATH, &files, nullptr,
                                  argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&files);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << WELFARE_CLI_PATH;
    return outcome;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = ReadFile(out_path);
  outcome.err = ReadFile(err_path);
  return outcome;
}

}  // namespace welfare::testing

#endif  // WELFARE_TESTS_CLIENTS_CLI_SPAWN_H_
