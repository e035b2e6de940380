// ttsgen versions: the supported releases, oldest first (the last line is the newest, the default
// of every command); --format json names the newest explicitly.
#include <nlohmann/json.hpp>

#include <iostream>

#include "command.hpp"

namespace ttsgen::cli {

Runner setup_versions(CLI::App& command) {
  auto format = std::make_shared<std::string>("text");
  add_output_format(command, *format, {"text", "json"});
  command.footer("Text: one release per line, oldest first; the last is the newest and the default of every command.");
  return [format] {
    const auto& releases = catalog::supported_releases();
    if (*format == "json") {
      nlohmann::ordered_json j;
      j["newest"] = catalog::newest_release().str();
      j["releases"] = nlohmann::ordered_json::array();
      for (const auto& v : releases) j["releases"].push_back(v.str());
      std::cout << j.dump(2) << "\n";
      return 0;
    }
    // One release per line and nothing else, so that `$(ttsgen versions | tail -n 1)` is the newest.
    for (const auto& v : releases) std::cout << v.str() << "\n";
    return 0;
  };
}

}  // namespace ttsgen::cli
