#include "ttsgen/check/template_set.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "ttsgen/stacks/registry.hpp"
#include "ttsgen/stacks/release_set.hpp"
#include "ttsgen/util/files.hpp"

namespace ttsgen::check {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSuffix = ".gen.template";
// Four times CloudFormation's limit: a template somewhat over 1,000,000 bytes is still read, so that
// `validate` reports it as a quota finding; a file far beyond it is not a template (refused, exit 2).
constexpr std::size_t kMaxFileBytes = 4 * render::kMaxTemplateBytes;

std::string mask_release(const std::string& bytes, const std::string& release) {
  if (release.empty()) return bytes;
  std::string masked;
  masked.reserve(bytes.size());
  std::size_t pos = 0, hit;
  while ((hit = bytes.find(release, pos)) != std::string::npos) {
    masked.append(bytes, pos, hit - pos).append("\x01release\x01");
    pos = hit + release.size();
  }
  return masked.append(bytes, pos, std::string::npos);
}

// The catalog entry of a published name: in release v when known, else in any release.
const catalog::Stack* stack_named(const std::string& name, const std::optional<catalog::Version>& v) {
  for (const auto& s : stacks::all_stacks()) {
    if (v) {
      if (s.exists_in(*v) && s.name_at(*v) == name) return &s;
      continue;
    }
    for (const auto& n : s.names)
      if (n.name == name) return &s;
  }
  return nullptr;
}

// The release a template names in its VersionTag output, if it has one.
std::optional<catalog::Version> version_tag_of(const cfn::Value& doc) {
  const cfn::Value* outputs = doc.is_map() ? doc.find("Outputs") : nullptr;
  const cfn::Value* tag = outputs && outputs->is_map() ? outputs->find("VersionTag") : nullptr;
  const cfn::Value* value = tag && tag->is_map() ? tag->find("Value") : nullptr;
  if (value && value->is_string()) return catalog::parse_version(value->text());
  return std::nullopt;
}

// The release of a folder: manifest.json's "version", else the VersionTag of its templates. A
// folder whose manifest and templates name different releases, or that holds another release
// than the one asked for, is refused: checking it as `requested` would report nonsense.
std::optional<catalog::Version> version_of_folder(const fs::path& dir, const std::vector<TemplateFile>& files,
                                                  const std::optional<catalog::Version>& requested) {
  std::optional<catalog::Version> found;
  std::string source;
  auto agree = [&](const catalog::Version& v, const std::string& where) {
    if (requested && v != *requested)
      throw LoadError(where + " is release " + v.str() + ", not " + requested->str() + " as requested");
    if (found && v != *found) throw LoadError(where + " is release " + v.str() + " but " + source + " is " + found->str());
    if (!found) found = v, source = where;
  };
  fs::path manifest_path = dir / "manifest.json";
  if (fs::exists(manifest_path)) {
    std::string manifest = util::read_input_file(manifest_path, render::kMaxTemplateBytes);
    auto j = nlohmann::json::parse(manifest, nullptr, false);
    if (j.is_object() && j.contains("version") && j["version"].is_string())
      if (auto v = catalog::parse_version(j["version"].get<std::string>())) agree(*v, "'" + manifest_path.string() + "'");
  }
  for (const auto& f : files)
    if (auto v = version_tag_of(f.parsed->document)) agree(*v, "'" + (dir / (f.name + std::string(kSuffix))).string() + "' (VersionTag)");
  return found;
}

}  // namespace

std::shared_ptr<const Parsed> TemplateLoader::parse(const std::string& bytes, const std::string& release) {
  std::string key = mask_release(bytes, release);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  }
  // Parsed outside the lock; should two threads parse the same text, the first one kept wins.
  auto parsed = std::make_shared<Parsed>();
  parsed->release = release;
  try {
    parsed->document = render::parse_template(bytes);
  } catch (const std::exception& e) {
    parsed->error = e.what();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = cache_.emplace(std::move(key), std::move(parsed));
  parses_ += inserted;
  return it->second;
}

TemplateSet TemplateLoader::release(const catalog::Version& v, render::Format format) {
  TemplateSet set{v, v.str(), {}};
  for (auto& r : stacks::render_release(v, format)) {
    auto parsed = parse(r.content, set.label);
    set.templates.push_back(TemplateFile{r.name, r.stack, std::move(r.content), std::move(parsed)});
  }
  return set;
}

std::vector<TemplateSet> TemplateLoader::releases(const std::vector<catalog::Version>& versions, render::Format format,
                                                 unsigned threads) {
  // Rendering is most of the work and every release renders on its own, so the releases are
  // shared out among the cores; the results keep the order of `versions`.
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(versions.size()));
  std::vector<TemplateSet> sets(versions.size());
  std::vector<std::exception_ptr> errors(versions.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < versions.size();) {
      try {
        sets[i] = release(versions[i], format);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
  return sets;
}

TemplateSet TemplateLoader::folder(const fs::path& dir, std::optional<catalog::Version> v) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw LoadError("'" + dir.string() + "' is not a folder");
  std::vector<std::pair<std::string, fs::path>> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string file = it->path().filename().string();
    if (file.size() > kSuffix.size() && file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
      names.emplace_back(file.substr(0, file.size() - kSuffix.size()), it->path());
  }
  if (ec) throw LoadError("cannot list '" + dir.string() + "': " + ec.message());
  if (names.empty()) throw LoadError("no *.gen.template files in '" + dir.string() + "'");
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return catalog::numbering_less(a.first, b.first); });

  TemplateSet set;
  for (const auto& [name, path] : names) {
    // Not a regular file (a FIFO, a link to /dev/zero), unreadable or far above CloudFormation's
    // size limit: refused before anything is read.
    std::string bytes;
    try {
      bytes = util::read_input_file(path, kMaxFileBytes);
    } catch (const util::InputError& e) {
      throw LoadError(e.what());
    }
    set.templates.push_back(TemplateFile{name, nullptr, std::move(bytes), nullptr});
  }
  // The release string is known only after a first parse; parse with the requested release (or
  // none), then name the release.
  for (auto& t : set.templates) t.parsed = parse(t.bytes, v ? v->str() : "");
  try {
    auto found = version_of_folder(dir, set.templates, v);
    set.version = v ? v : found;
  } catch (const util::InputError& e) {
    throw LoadError(e.what());
  }
  set.label = set.version ? set.version->str() : dir.string();
  for (auto& t : set.templates) t.stack = stack_named(t.name, set.version);
  return set;
}

}  // namespace ttsgen::check
