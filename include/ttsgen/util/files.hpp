#pragma once
// File output that is all or nothing.

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ttsgen::util {

struct OutputFile {
  std::string name;  // file name inside the directory
  std::string content;
};

// Writes every file into `dir` (created with its parents if missing), or none of them: each file
// is written under a temporary name first, and only when all writes succeeded are they renamed
// into place. On failure the temporaries and any directories this call created are removed, and
// std::runtime_error names the path and the reason.
void write_files_atomically(const std::filesystem::path& dir, const std::vector<OutputFile>& files);

// The temporaries of write_files_atomically are named "." + name + ".tmp-" + pid; true for such a
// name (a leftover when the writer was killed).
bool is_staging_name(const std::string& file_name);

// An exclusive lock on a folder (flock on the folder itself, so no lock file is left to publish;
// the kernel releases it when the process dies, even by kill -9). Throws std::runtime_error when
// another process holds it.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& dir);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_ = -1;
};

// The content of a file, or nullopt if it cannot be read or is not a regular file (a FIFO or a
// device such as /dev/zero would block or never end).
std::optional<std::string> read_file(const std::filesystem::path& path);

// A file given as input: refused unless it is a regular file (a link to one is fine) of at most
// max_bytes. InputError is one line naming the path and the reason.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
std::string read_input_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace ttsgen::util
