#include "ttsgen/docs/features.hpp"

#include <map>
#include <vector>

#include "ttsgen/catalog/version.hpp"
#include "ttsgen/docs/reference.hpp"
#include "ttsgen/stacks/features.hpp"
#include "ttsgen/stacks/registry.hpp"

namespace ttsgen::docs {

namespace {

// What a feature asks of one release: its settings and the names of the stacks it needs.
struct ReleaseView {
  std::vector<stacks::FeatureSetting> settings;
  std::vector<std::string> stacks;
  bool operator==(const ReleaseView& other) const {
    if (stacks != other.stacks || settings.size() != other.settings.size()) return false;
    for (std::size_t i = 0; i < settings.size(); ++i)
      if (settings[i].stack != other.settings[i].stack || settings[i].parameter != other.settings[i].parameter ||
          settings[i].value != other.settings[i].value)
        return false;
    return true;
  }
};

ReleaseView view_of(const stacks::Feature& feature, const catalog::Version& v, const std::vector<stacks::BuiltStack>& built) {
  ReleaseView view{stacks::feature_settings(feature, built), {}};
  for (auto key : feature.stacks)
    if (const catalog::Stack* s = stacks::find_stack(key); s && s->exists_in(v)) view.stacks.push_back(s->name_at(v));
  return view;
}

std::string range(const catalog::Version& first, const catalog::Version& last) {
  return first == last ? first.str() : first.str() + " – " + last.str();
}

std::size_t table_size(const std::vector<stacks::BuiltStack>& built) {
  std::size_t n = 0;
  for (const auto& f : stacks::features()) {
    stacks::Feature own = f;
    own.requires_features.clear();
    n += stacks::feature_settings(own, built).size();
  }
  return n;
}

}  // namespace

std::size_t feature_table_size() { return table_size(stacks::build_release(catalog::newest_release())); }

std::string features_page() {
  const auto& releases = catalog::supported_releases();
  std::map<std::string, std::vector<stacks::BuiltStack>> built;  // release → its stacks
  for (const auto& v : releases) built.emplace(v.str(), stacks::build_release(v));

  std::string out =
      "# Features\n\n"
      "What to set to switch on each feature of the stack set, per release: every stack and parameter "
      "(the features of the model, `include/ttsgen/stacks/features.hpp`; the stacks that take a parameter in a "
      "release follow from its templates). A feature that needs another lists that one's parameters as well. "
      "With every parameter at its default, every feature below is off, except Redis TLS and rate limiting "
      "(see [decisions-shared-parameters.md](../decisions-shared-parameters.md)). `ttsgen validate` checks that "
      "the switches of a feature default alike.\n\n";
  out += std::to_string(stacks::features().size()) + " features; " + std::to_string(table_size(built.at(catalog::newest_release().str()))) +
         " stack parameters in " + catalog::newest_release().str() + ".\n\n";
  out += "| Feature | Switches |\n|---|---|\n";
  for (const auto& f : stacks::features()) {
    std::string switches;
    for (const auto& sw : f.switches) switches += (switches.empty() ? "" : ", ") + code_cell(std::string(sw.parameter));
    out += "| [" + cell(std::string(f.title)) + "](#" + std::string(f.id) + ") | " + (switches.empty() ? "(stacks only)" : switches) + " |\n";
  }
  for (const auto& f : stacks::features()) {
    out += "\n<a id=\"" + std::string(f.id) + "\"></a>\n## " + escape(std::string(f.title)) + "\n\n" +
           escape(std::string(f.description)) + "\n";
    if (!f.requires_features.empty()) {
      out += "\nNeeds the feature";
      out += f.requires_features.size() > 1 ? "s" : "";
      for (std::size_t i = 0; i < f.requires_features.size(); ++i) {
        const stacks::Feature* r = stacks::find_feature(f.requires_features[i]);
        std::string title = r ? std::string(r->title) : std::string(f.requires_features[i]);
        out += (i ? ", " : " ") + ("[" + escape(title) + "](#" + std::string(f.requires_features[i]) + ")");
      }
      out += ".\n";
    }
    out += "\n| Releases | Deploy | Stack | Parameter | Value |\n|---|---|---|---|---|\n";
    std::size_t start = 0;
    std::vector<ReleaseView> views;
    for (const auto& v : releases) views.push_back(view_of(f, v, built.at(v.str())));
    for (std::size_t i = 1; i <= releases.size(); ++i) {
      if (i < releases.size() && views[i] == views[start]) continue;
      const ReleaseView& view = views[start];
      std::string deploy;
      for (const auto& s : view.stacks) deploy += (deploy.empty() ? "" : ", ") + code_cell(s);
      std::string when = range(releases[start], releases[i - 1]);
      if (view.settings.empty()) {
        out += "| " + when + " | " + (deploy.empty() ? "–" : deploy) + " | – | – | – |\n";
      } else {
        for (std::size_t k = 0; k < view.settings.size(); ++k) {
          const auto& s = view.settings[k];
          out += "| " + (k == 0 ? when : std::string()) + " | " + (k == 0 && !deploy.empty() ? deploy : std::string()) + " | " +
                 code_cell(s.stack) + " | " + code_cell(s.parameter) + " | " + code_cell(s.value) + " |\n";
        }
      }
      start = i;
    }
  }
  return out;
}

}  // namespace ttsgen::docs
