#pragma once
// Features as named switches: what an operator turns on (Redis TLS, interop, the NOC, ...), each
// with every stack parameter it drives and the stacks it needs. The model names the parameters;
// which stacks of a release take them follows from the built templates (feature_settings), so the
// table stays true for every release without a second list. `ttsgen docs` renders the table
// (features.md); `validate` checks that the switches of one feature default alike.

#include <string>
#include <string_view>
#include <vector>

#include "ttsgen/stacks/release_set.hpp"

namespace ttsgen::stacks {

struct FeatureSwitch {
  std::string_view parameter;
  std::string_view on = "true";  // the value that switches the feature on
};

struct Feature {
  std::string_view id;     // e.g. "interop"
  std::string_view title;  // e.g. "LoRaWAN Backend Interfaces interoperability"
  std::string_view description;
  std::vector<FeatureSwitch> switches;    // every parameter it drives, by name
  std::vector<std::string_view> stacks;   // keys of the stacks it needs deployed
  std::vector<std::string_view> requires_features;  // ids of features it needs on
};

const std::vector<Feature>& features();
const Feature* find_feature(std::string_view id);
// The features that have `parameter` among their switches.
std::vector<const Feature*> features_switched_by(std::string_view parameter);

// One parameter to set in one stack of a release to switch a feature on.
struct FeatureSetting {
  std::string stack;  // published name
  std::string parameter;
  std::string value;
};
// The settings of `feature` in a built release: its own switches, then those of the features it
// requires, in numbering order of the stacks.
std::vector<FeatureSetting> feature_settings(const Feature& feature, const std::vector<BuiltStack>& release);

}  // namespace ttsgen::stacks
