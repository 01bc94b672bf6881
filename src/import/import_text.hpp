// Small text helpers shared by the CTF and CSV importers (one definition, so the unity
// build, which compiles src/import as one unit, sees each name once).
#pragma once

#include <string>
#include <string_view>

namespace ehcp::import::text {

// The text without leading and trailing spaces, tabs and line ends.
inline std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace ehcp::import::text
