// ttsgen publish: uploads a rendered release to s3://BUCKET/PREFIX/VERSION/ through the aws CLI (its
// credentials chain, its endpoint settings), templates first and manifest.json last, so that a
// reader who sees the manifest sees the whole release. A release is published once: its
// manifest.json there is compared with the one to upload, and different bytes are refused unless
// --force (stacks in production point at those URLs). Every object is checked against the manifest
// afterwards.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <regex>

#include "command.hpp"
#include "ttsgen/util/files.hpp"
#include "ttsgen/util/process.hpp"
#include "ttsgen/util/sha256.hpp"

namespace ttsgen::cli {

namespace fs = std::filesystem;

namespace {

struct PublishOptions {
  std::string version;
  std::string bucket;
  std::string prefix;
  std::string dir;
  std::string endpoint_url;
  bool dry_run = false;
  bool force = false;
};

// A release folder as its manifest.json describes it: file name -> sha256.
struct Release {
  std::string version;
  std::map<std::string, std::string> sha256;
  std::string manifest;  // the bytes of manifest.json
};

const std::regex kBucketName{"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"};
const std::regex kPrefixSegment{"[A-Za-z0-9._-]+"};

std::string checked_prefix(std::string prefix) {
  while (!prefix.empty() && prefix.front() == '/') prefix.erase(0, 1);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  std::size_t start = 0;
  while (!prefix.empty() && start <= prefix.size()) {
    auto slash = std::min(prefix.find('/', start), prefix.size());
    std::string segment = prefix.substr(start, slash - start);
    if (!std::regex_match(segment, kPrefixSegment) || segment == "." || segment == "..") {
      throw UsageError("--prefix '" + prefix + "': each '/'-separated part must be letters, digits, '.', '_' or '-' (not '.' or '..')");
    }
    start = slash + 1;
  }
  return prefix;
}

// Parses a manifest.json; `where` names it in errors. Throws std::runtime_error on anything malformed.
Release parse_manifest(const std::string& text, const std::string& where) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(where + " is not valid JSON: " + e.what());
  }
  Release r;
  r.manifest = text;
  if (!j.is_object() || !j.contains("version") || !j["version"].is_string() || !j.contains("templates") ||
      !j["templates"].is_array()) {
    throw std::runtime_error(where + " is not a ttsgen manifest (no \"version\" and \"templates\")");
  }
  r.version = j["version"].get<std::string>();
  for (const auto& t : j["templates"]) {
    if (!t.is_object() || !t.contains("file") || !t["file"].is_string() || !t.contains("sha256") || !t["sha256"].is_string()) {
      throw std::runtime_error(where + ": a template entry without \"file\" and \"sha256\"");
    }
    std::string file = t["file"].get<std::string>();
    if (file.find('/') != std::string::npos || file == "manifest.json" || file.empty() || file.front() == '.') {
      throw std::runtime_error(where + ": template file name '" + file + "' is not a plain file name");
    }
    r.sha256[file] = t["sha256"].get<std::string>();
  }
  return r;
}

// The local release: manifest.json of `dir`, and every file it lists present with its checksum.
Release read_local(const fs::path& dir) {
  auto text = util::read_file(dir / "manifest.json");
  if (!text) throw UsageError("--dir " + dir.string() + ": no readable manifest.json (render the release there with 'ttsgen render')");
  Release r;
  try {
    r = parse_manifest(*text, (dir / "manifest.json").string());
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  for (const auto& [file, sha] : r.sha256) {
    auto content = util::read_file(dir / file);
    if (!content) throw UsageError((dir / file).string() + ": listed in manifest.json but cannot be read");
    if (util::sha256_hex(*content) != sha) {
      throw UsageError((dir / file).string() + ": its sha256 differs from manifest.json (the folder was edited; render it again)");
    }
  }
  return r;
}

class Aws {
 public:
  explicit Aws(std::string endpoint_url) : endpoint_url_(std::move(endpoint_url)) {}

  util::ProcessResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), "aws");
    if (!endpoint_url_.empty()) {
      args.push_back("--endpoint-url");
      args.push_back(endpoint_url_);
    }
    spdlog::debug("running: {}", fmt::join(args, " "));
    auto r = util::run_process(args);
    if (r.exit_code == 127 && r.out.empty()) {
      throw std::runtime_error("cannot run the aws CLI (" + r.err + "); install it: pip install awscli (see docs/packaging.md)");
    }
    return r;
  }

  void must(const std::vector<std::string>& args, const std::string& what) const {
    auto r = run(args);
    if (r.exit_code != 0) throw std::runtime_error(what + " failed (aws exit " + std::to_string(r.exit_code) + "): " + trimmed(r.err));
  }

  static std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

 private:
  std::string endpoint_url_;
};

// The published manifest.json, or nullopt when the release is not published (no manifest there).
std::optional<Release> read_published(const Aws& aws, const std::string& bucket, const std::string& key, const fs::path& scratch) {
  fs::path target = scratch / "published-manifest.json";
  auto r = aws.run({"s3api", "get-object", "--bucket", bucket, "--key", key, target.string()});
  if (r.exit_code != 0) {
    if (r.err.find("NoSuchKey") != std::string::npos) return std::nullopt;
    throw std::runtime_error("reading s3://" + bucket + "/" + key + " failed: " + Aws::trimmed(r.err));
  }
  auto text = util::read_file(target);
  if (!text) throw std::runtime_error("reading s3://" + bucket + "/" + key + ": the download is missing");
  return parse_manifest(*text, "s3://" + bucket + "/" + key);
}

// The files that differ between what is published and what would be uploaded, one line each.
std::vector<std::string> differences(const Release& published, const Release& local) {
  std::vector<std::string> lines;
  for (const auto& [file, sha] : local.sha256) {
    auto it = published.sha256.find(file);
    if (it == published.sha256.end()) lines.push_back("added:   " + file);
    else if (it->second != sha) lines.push_back("changed: " + file);
  }
  for (const auto& [file, sha] : published.sha256) {
    if (!local.sha256.count(file)) lines.push_back("removed: " + file);
  }
  if (lines.empty() && published.manifest != local.manifest) lines.push_back("changed: manifest.json");
  return lines;
}

// Downloads the release folder and checks every object against the manifest; returns the problems.
std::vector<std::string> verify(const Aws& aws, const std::string& s3_folder, const Release& local, const fs::path& scratch) {
  fs::path copy = scratch / "verify";
  aws.must({"s3", "cp", s3_folder, copy.string(), "--recursive", "--only-show-errors"}, "downloading " + s3_folder);
  std::vector<std::string> problems;
  for (const auto& [file, sha] : local.sha256) {
    auto content = util::read_file(copy / file);
    if (!content) problems.push_back("missing: " + s3_folder + file);
    else if (util::sha256_hex(*content) != sha) problems.push_back("sha256 differs from the manifest: " + s3_folder + file);
  }
  auto manifest = util::read_file(copy / "manifest.json");
  if (!manifest || *manifest != local.manifest) problems.push_back("manifest.json differs: " + s3_folder + "manifest.json");
  if (fs::is_directory(copy)) {
    for (const auto& entry : fs::recursive_directory_iterator(copy)) {
      if (!entry.is_regular_file()) continue;
      std::string name = fs::relative(entry.path(), copy).generic_string();
      if (name != "manifest.json" && !local.sha256.count(name)) problems.push_back("not in the manifest: " + s3_folder + name);
    }
  }
  return problems;
}

std::string endpoint_from(const PublishOptions& o) {
  if (!o.endpoint_url.empty()) return o.endpoint_url;
  for (const char* name : {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
    if (const char* value = std::getenv(name); value && *value) return value;
  }
  return "";
}

int run_publish(const PublishOptions& o) {
  if (!std::regex_match(o.bucket, kBucketName)) {
    throw UsageError("--bucket '" + o.bucket + "' is not an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-')");
  }
  std::string prefix = checked_prefix(o.prefix);
  util::TempDir scratch;

  fs::path dir;
  if (o.dir.empty()) {
    // Render with `ttsgen render` itself: the same code and checks, into a folder of our own.
    catalog::Version version = release_from(o.version);
    dir = scratch.path() / version.str();
    CLI::App render_command;
    Runner render = setup_render(render_command);
    std::vector<std::string> args{"--version", version.str(), "--out", dir.string()};
    std::reverse(args.begin(), args.end());  // CLI11 takes a vector of arguments last first
    render_command.parse(args);
    if (int code = render(); code != 0) return code;
  } else {
    dir = o.dir;
    if (!fs::is_directory(dir)) throw UsageError("--dir " + o.dir + ": not a folder");
  }
  Release local = read_local(dir);
  if (!o.version.empty() && local.version != o.version) {
    throw UsageError("--version " + o.version + " but " + (dir / "manifest.json").string() + " is release " + local.version);
  }

  std::string key = (prefix.empty() ? "" : prefix + "/") + local.version + "/";
  std::string s3_folder = "s3://" + o.bucket + "/" + key;
  std::string endpoint = endpoint_from(o);
  Aws aws(o.endpoint_url);

  auto published = read_published(aws, o.bucket, key + "manifest.json", scratch.path());
  bool identical = published && published->manifest == local.manifest;
  std::vector<std::string> removed;
  if (published && !identical) {
    auto lines = differences(*published, local);
    for (const auto& line : lines) std::cout << line << "\n";
    if (!o.force) {
      spdlog::error("release {} is already published at {} with different bytes ({} file(s) above); "
                    "published URLs must not change: refusing (use --force to replace it)",
                    local.version, s3_folder, lines.size());
      return kExitFindings;
    }
    for (const auto& [file, sha] : published->sha256) {
      if (!local.sha256.count(file)) removed.push_back(file);
    }
    spdlog::warn("--force: replacing published release {} at {}", local.version, s3_folder);
  }

  if (o.dry_run) {
    if (identical) {
      spdlog::info("dry run: release {} is already published at {} with the same bytes; nothing to upload", local.version, s3_folder);
    } else {
      for (const auto& [file, sha] : local.sha256) std::cout << "would upload: " << s3_folder << file << "\n";
      std::cout << "would upload: " << s3_folder << "manifest.json\n";
      for (const auto& file : removed) std::cout << "would delete: " << s3_folder << file << "\n";
    }
    return 0;
  }

  if (identical) {
    spdlog::info("release {} is already published at {} with the same bytes; nothing to upload", local.version, s3_folder);
  } else {
    std::vector<std::string> upload{"s3", "cp", dir.string(), s3_folder, "--recursive", "--only-show-errors", "--exclude", "*"};
    for (const auto& [file, sha] : local.sha256) {
      upload.push_back("--include");
      upload.push_back(file);
    }
    aws.must(upload, "uploading the templates to " + s3_folder);
    aws.must({"s3", "cp", (dir / "manifest.json").string(), s3_folder + "manifest.json", "--only-show-errors"},
             "uploading " + s3_folder + "manifest.json");
    for (const auto& file : removed) aws.must({"s3", "rm", s3_folder + file, "--only-show-errors"}, "deleting " + s3_folder + file);
    spdlog::info("uploaded {} templates and manifest.json to {}", local.sha256.size(), s3_folder);
  }

  auto problems = verify(aws, s3_folder, local, scratch.path());
  if (!problems.empty()) {
    for (const auto& p : problems) std::cout << p << "\n";
    spdlog::error("{}: {} object(s) do not match the manifest", s3_folder, problems.size());
    return kExitFindings;
  }
  spdlog::info("verified {} objects of {} against manifest.json (sha256)", local.sha256.size() + 1, s3_folder);
  // The URLs customers deploy from: virtual-hosted style on AWS, path style on another endpoint.
  std::string base = endpoint.empty() ? "https://" + o.bucket + ".s3.amazonaws.com/" : endpoint + (endpoint.back() == '/' ? "" : "/") + o.bucket + "/";
  for (const auto& [file, sha] : local.sha256) std::cout << base << key << file << "\n";
  return 0;
}

}  // namespace

Runner setup_publish(CLI::App& command) {
  auto o = std::make_shared<PublishOptions>();
  command.add_option("--version", o->version,
                     "Release to publish (rendered now; default: the newest); with --dir, must match its manifest.json");
  command.add_option("--bucket", o->bucket, "S3 bucket to publish into")->required();
  command.add_option("--prefix", o->prefix, "Key prefix inside the bucket: the release goes to s3://BUCKET/PREFIX/VERSION/");
  command.add_option("--dir", o->dir, "Publish this rendered folder (with its manifest.json) instead of rendering");
  command.add_option("--endpoint-url", o->endpoint_url, "S3 endpoint for the aws CLI (default: the aws CLI's, e.g. AWS_ENDPOINT_URL)");
  command.add_flag("--dry-run", o->dry_run, "Compare with what is published and print what would be uploaded; upload nothing");
  command.add_flag("--force", o->force, "Replace a release that is already published with different bytes");
  return [o] { return run_publish(*o); };
}

}  // namespace ttsgen::cli
