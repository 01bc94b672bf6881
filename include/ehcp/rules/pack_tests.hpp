// A rule pack's own test cases (rules/<pack>/tests/*.yaml): records with the results
// the pack must give. `ehcp rules test PACK` runs them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ehcp/rules/pack.hpp"

namespace ehcp {

struct PackTestResult {
    std::string name;          // file name without .yaml
    std::string description;
    std::vector<std::string> failures;  // empty: passed
};

// Runs every case in the pack's tests folder, in file-name order.
std::vector<PackTestResult> run_pack_tests(const Pack& pack);

// Runs one case file against a pack.
PackTestResult run_pack_test(const Pack& pack, const std::filesystem::path& file);

}  // namespace ehcp
