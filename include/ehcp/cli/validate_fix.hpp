// `ehcp validate --fix FILE...` and `--diff`: make the loader's exact fixes in place
// (a backup FILE.bak kept; FILE.bak.1, .2... when that exists) or print them as a
// unified diff, then report what is left. Standard input is refused (exit 64).
#pragma once

#include <string>
#include <vector>

#include "ehcp/cli/common.hpp"

namespace ehcp::cli {

// Exit 0 when every record can be read after fixing, 2 when errors remain.
int run_validate_fix(const std::vector<std::string>& files, bool diff_only, bool json, const GlobalOptions& g,
                     const LoadOptions& options);

}  // namespace ehcp::cli
