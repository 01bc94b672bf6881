// The command line: subcommands wired to the library. main() only calls run_cli.
#pragma once

namespace ehcp {

// Runs the ehcp command line and returns the process exit status (see exit_codes.hpp).
int run_cli(int argc, char** argv);

}  // namespace ehcp
