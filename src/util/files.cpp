#include "ttsgen/util/files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace ttsgen::util {

namespace fs = std::filesystem;

namespace {

// Creates `dir` and its missing parents; returns those it created, deepest last.
std::vector<fs::path> create_missing_directories(const fs::path& dir) {
  std::vector<fs::path> missing;
  for (fs::path p = dir; !p.empty() && !fs::exists(p); p = p.parent_path()) {
    missing.insert(missing.begin(), p);
    if (p == p.parent_path()) break;
  }
  std::vector<fs::path> created;
  for (const auto& p : missing) {
    std::error_code ec;
    if (!fs::create_directory(p, ec) && ec) {
      for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);
      throw std::runtime_error("cannot create directory '" + p.string() + "': " + ec.message());
    }
    created.push_back(p);
  }
  if (!fs::is_directory(dir)) throw std::runtime_error("'" + dir.string() + "' is not a directory");
  return created;
}

void write_one(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write '" + path.string() + "': " + std::strerror(errno));
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write '" + path.string() + "': " + std::strerror(errno));
}

}  // namespace

void write_files_atomically(const fs::path& dir, const std::vector<OutputFile>& files) {
  std::vector<fs::path> created_dirs = create_missing_directories(dir);
  // Renames can still fail half-way when a target is, say, a directory: refuse such targets before
  // anything is written.
  for (const auto& f : files) {
    fs::path final_path = dir / f.name;
    std::error_code ec;
    if (fs::exists(final_path, ec) && !fs::is_regular_file(final_path, ec))
      throw std::runtime_error("cannot write '" + final_path.string() + "': it exists and is not a regular file");
  }
  std::vector<std::pair<fs::path, fs::path>> staged;  // temporary -> final
  std::error_code ignored;
  try {
    for (const auto& f : files) {
      fs::path final_path = dir / f.name;
      fs::path temporary = dir / ("." + f.name + ".tmp-" + std::to_string(::getpid()));
      staged.emplace_back(temporary, final_path);
      write_one(temporary, f.content);
    }
  } catch (...) {
    for (const auto& [temporary, final_path] : staged) fs::remove(temporary, ignored);
    for (auto it = created_dirs.rbegin(); it != created_dirs.rend(); ++it) fs::remove(*it, ignored);
    throw;
  }
  for (const auto& [temporary, final_path] : staged) {
    std::error_code ec;
    fs::rename(temporary, final_path, ec);
    if (ec) throw std::runtime_error("cannot move '" + temporary.string() + "' to '" + final_path.string() + "': " + ec.message());
  }
}

bool is_staging_name(const std::string& name) {
  std::size_t tmp = name.rfind(".tmp-");
  if (name.empty() || name[0] != '.' || tmp == std::string::npos || tmp + 5 == name.size()) return false;
  return name.find_first_not_of("0123456789", tmp + 5) == std::string::npos;
}

FolderLock::FolderLock(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error("cannot open folder '" + dir.string() + "': " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    ::close(fd_);
    throw std::runtime_error(error == EWOULDBLOCK ? "another ttsgen is writing to '" + dir.string() + "'; try again when it has finished"
                                                  : "cannot lock folder '" + dir.string() + "': " + std::strerror(error));
  }
}

FolderLock::~FolderLock() { ::close(fd_); }  // closing releases the lock

std::optional<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace ttsgen::util

namespace ttsgen::util {

std::string read_input_file(const fs::path& path, std::size_t max_bytes) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);  // follows links
  if (ec || !fs::exists(status))
    throw InputError("cannot read '" + path.string() + "': " + (ec ? ec.message() : "no such file"));
  if (!fs::is_regular_file(status)) throw InputError("'" + path.string() + "' is not a regular file");
  std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw InputError("cannot read '" + path.string() + "': " + ec.message());
  auto too_big = [&](std::uintmax_t n) {
    return InputError("'" + path.string() + "' is " + std::to_string(n) + " bytes; at most " + std::to_string(max_bytes) +
                      " are read (CloudFormation's template size limit)");
  };
  if (size > max_bytes) throw too_big(size);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read '" + path.string() + "': " + std::strerror(errno));
  // Read at most one byte more than allowed: the file may have grown since it was measured.
  std::string content(max_bytes + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (in.bad()) throw InputError("cannot read '" + path.string() + "': " + std::strerror(errno));
  content.resize(static_cast<std::size_t>(in.gcount()));
  if (content.size() > max_bytes) throw too_big(content.size());
  return content;
}

}  // namespace ttsgen::util
