#pragma once
// File output that is all or nothing.

#include <filesystem>
#include <optional>
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

// The content of a file, or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace ttsgen::util
