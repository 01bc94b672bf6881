// Help and usage errors, in one style: each command's --help (and `ehcp help COMMAND`)
// shows its own options, the global options it accepts, examples and exit statuses; every
// parse error is one `ehcp: ...` line with a hint. The text stays in CLI11 (descriptions,
// option texts, footers) so that generators (man page, completions) read the same words.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace ehcp::cli {

// The formatter every command uses: option values named in words (FILE, DATE, BYTES),
// no validator noise, and under a command's own options the global options it accepts.
// Call on the top-level app before its subcommands are added (they inherit it).
void install_help_formatter(CLI::App& app);

// Examples and exit statuses under each command's help (a footer per command name), and
// the top-level footer. Call after the subcommands are added.
void add_help_footers(CLI::App& app);

// `ehcp help [COMMAND [SUBCOMMAND]]`: the help of ehcp or of one command, on standard
// output. Returns the exit status (64 for an unknown command, with a "did you mean").
int print_help(const CLI::App& app, const std::vector<std::string>& topic);

// A CLI11 parse error as one `ehcp: ...` message on standard error, with a "did you mean"
// for an unknown option and a pointer to the right --help. Returns 64.
int report_parse_error(const CLI::App& app, const CLI::ParseError& e);

}  // namespace ehcp::cli
