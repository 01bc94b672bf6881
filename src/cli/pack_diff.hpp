// `ehcp rules diff A B`: two packs' parameters, readiness rules, criteria with their
// thresholds, and evidence lists, side by side.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ehcp/rules/pack.hpp"

namespace ehcp::cli {

struct PackDiffRow {
    std::string section;  // "Pack", "Parameters", "Readiness rule", "Criteria", "Evidence", ...
    std::string key;      // what the row compares: a parameter, a criterion id, an evidence id
    std::optional<std::vector<std::string>> a, b;  // the lines shown; nullopt: the pack has none
    bool same() const { return a == b; }
};

std::vector<PackDiffRow> pack_diff(const Pack& a, const Pack& b);

// A text table 100 columns wide; rows that differ are marked `*`. With only_differences,
// rows that are the same are left out.
std::string pack_diff_text(const Pack& a, const Pack& b, bool only_differences);
std::string pack_diff_json(const Pack& a, const Pack& b, bool only_differences);

}  // namespace ehcp::cli
