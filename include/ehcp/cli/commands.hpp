// The subcommands: each is an options struct, a setup function that declares its
// options on a CLI11 subcommand, and a run function. app.cpp wires them from a table.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ehcp/cli/common.hpp"

namespace ehcp::cli {

struct Command {
    const char* name;
    const char* summary;
    // Declares the subcommand's options; returns the function that runs it.
    std::function<std::function<int(const GlobalOptions&)>(CLI::App&)> setup;
};

Command check_command();
Command screen_command();
Command validate_command();
Command explain_command();
Command rules_command();
Command init_command();
Command schema_command();
Command import_command();
Command completion_command();  // cmd_completion.cpp
Command man_command();         // cmd_completion.cpp (hidden)

}  // namespace ehcp::cli
