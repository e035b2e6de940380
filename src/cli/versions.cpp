// ttsgen versions: the supported releases, oldest first.
#include <nlohmann/json.hpp>

#include <iostream>

#include "command.hpp"

namespace ttsgen::cli {

Runner setup_versions(CLI::App& command) {
  auto format = std::make_shared<std::string>("text");
  add_output_format(command, *format, {"text", "json"});
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
    for (const auto& v : releases) std::cout << v.str() << (v == catalog::newest_release() ? "  (newest, default)" : "") << "\n";
    return 0;
  };
}

}  // namespace ttsgen::cli
