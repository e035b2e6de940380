#include "ttsgen/util/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

#include "ttsgen/util/files.hpp"

extern char** environ;

namespace ttsgen::util {

namespace fs = std::filesystem;

ProcessResult run_process(const std::vector<std::string>& argv) {
  // The output goes to files rather than pipes: nothing to pump while waiting, no deadlock on a
  // program that writes much to both streams.
  TempDir work;
  std::string out_path = (work.path() / "out").string(), err_path = (work.path() / "err").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int spawn_error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ProcessResult result;
  if (spawn_error != 0) {
    result.exit_code = 127;
    result.err = argv[0] + ": " + std::generic_category().message(spawn_error);
    return result;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waiting for " + argv[0] + ": " + std::generic_category().message(errno));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path).value_or("");
  result.err = read_file(err_path).value_or("");
  return result;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "ttsgen-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory in " + fs::temp_directory_path().string() + ": " +
                             std::generic_category().message(errno));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace ttsgen::util
