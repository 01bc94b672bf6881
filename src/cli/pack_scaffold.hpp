// `ehcp rules new`: scaffolds a rule pack; `ehcp rules test`: what is still to fill in.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ehcp/cli/common.hpp"

namespace ehcp::cli {

// A pack name: lower-case letters, digits and hyphens, starting with a letter, at most 40.
bool valid_pack_name(const std::string& name);

// Writes the pack NAME into PARENT/NAME and returns the files written (paths inside it).
// Throws UsageError for a bad name, a missing PARENT or a NAME already there (never
// overwritten), OutputError when a file cannot be written (then nothing is left).
std::vector<std::string> scaffold_pack(const std::string& name, const std::filesystem::path& parent);

// "pack.yaml:11: title: ..." for every line of the pack's own *.yaml files that still
// says FILL IN (or FILL-IN, in a web address) outside a comment.
std::vector<std::string> still_to_fill_in(const std::filesystem::path& pack_dir);

}  // namespace ehcp::cli
