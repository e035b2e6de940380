#pragma once
// Running another program (the aws CLI) without a shell: arguments are passed as they are, so no
// value is ever interpreted by a shell.

#include <filesystem>
#include <string>
#include <vector>

namespace ttsgen::util {

struct ProcessResult {
  int exit_code = -1;  // 127 when the program could not be started
  std::string out;     // its standard output
  std::string err;     // its standard error
};

// Runs argv[0] (looked up on PATH) with the environment of this process and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv);

// A new empty directory under the system's temporary directory, removed with everything in it
// when this object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace ttsgen::util
