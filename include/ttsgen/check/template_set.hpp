#pragma once
// The input of the set checks: the templates of one release exactly as written (bytes), each
// parsed back into a document. The checks read the documents, never the typed models, so they
// judge what a customer downloads; and they can judge a folder of templates as well (a deployed
// copy, a release candidate) with the same code.

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ttsgen/catalog/stack.hpp"
#include "ttsgen/catalog/version.hpp"
#include "ttsgen/cfn/value.hpp"
#include "ttsgen/render/render.hpp"

namespace ttsgen::check {

// A parsed template. Templates of different releases that differ only in the release string
// (most stacks, between most releases) share one Parsed, so that its parse and its
// single-template checks run once (see TemplateLoader).
struct Parsed {
  cfn::Value document;
  std::string error;    // why the bytes did not parse; the document is null then
  std::string release;  // the release string of the text it was parsed from (masked in the key)
};

struct TemplateFile {
  std::string name;                        // published name, e.g. "1-1-vpc"
  const catalog::Stack* stack = nullptr;   // its catalog entry; nullptr for a name the catalog lacks
  std::string bytes;                       // exactly what is (or would be) written
  std::shared_ptr<const Parsed> parsed;    // never null
};

struct TemplateSet {
  std::optional<catalog::Version> version;  // the release, when known
  std::string label;                        // "3.35.2", or the folder for a folder of unknown release
  std::vector<TemplateFile> templates;      // in numbering (deployment) order
};

struct LoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class TemplateLoader {
 public:
  // Renders release v in `format` and parses every template back.
  TemplateSet release(const catalog::Version& v, render::Format format = render::Format::Yaml);
  // The same for several releases, rendered and parsed on `threads` threads (0: one per core).
  std::vector<TemplateSet> releases(const std::vector<catalog::Version>& versions, render::Format format = render::Format::Yaml,
                                    unsigned threads = 0);
  // Reads DIR/*.gen.template. The release is `v`, else manifest.json's "version", else the
  // VersionTag output of the templates; stacks are matched to the catalog by published name.
  TemplateSet folder(const std::filesystem::path& dir, std::optional<catalog::Version> v = std::nullopt);

  std::size_t parses() const { return parses_; }

 private:
  std::shared_ptr<const Parsed> parse(const std::string& bytes, const std::string& release);

  // Keyed by the template text with its release string masked.
  std::mutex mutex_;  // guards cache_ and parses_
  std::unordered_map<std::string, std::shared_ptr<const Parsed>> cache_;
  std::size_t parses_ = 0;
};

}  // namespace ttsgen::check
