// What every subcommand shares: the global options, finding the rule pack,
// the as-of date, colour, and writing output safely.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/rules/pack.hpp"
#include "ehcp/rules/pack_set.hpp"

namespace ehcp::cli {

struct GlobalOptions {
    std::string rules = "coventry";
    bool rules_given = false;  // --rules was given: records' request.authority is not followed
    std::string as_of;       // YYYY-MM-DD; empty: today
    std::string output;      // -o FILE; empty: standard output
    std::string color = "auto";
    bool redact = false;
    bool quiet = false;
    // Loader limits (--max-file-size, --max-record-size); 0: the loader's defaults.
    std::size_t max_file_bytes = 0;
    std::size_t max_record_bytes = 0;
};

// A usage problem found after parsing (bad date, unknown pack): exit 64 or 65.
struct UsageError : std::runtime_error {
    UsageError(const std::string& message, int exit_status) : std::runtime_error(message), status(exit_status) {}
    int status;
};

// The output could not be written (disk full, no permission): exit 74.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Date resolve_as_of(const GlobalOptions& g);
Pack load_selected_pack(const GlobalOptions& g);
LoadOptions load_options(const GlobalOptions& g, const Pack* pack, const Date& as_of);
// The packs a run uses: --rules, or each record's request.authority, or the default.
PackSet select_packs(const GlobalOptions& g, const Date& as_of);

// Colour only for a terminal, never with NO_COLOR or -o, unless --color always.
bool use_color(const GlobalOptions& g);

// Writes `text` to -o FILE (through a temporary file renamed into place, so an
// interrupted run never leaves a half-written file looking complete; a device or FIFO is
// written through; see OutputFile) or stdout. An -o naming one of `inputs` is a usage
// error: the record would be destroyed.
void write_output(const GlobalOptions& g, const std::string& text, const std::vector<std::string>& inputs = {});

// Every record of every file, in the order given ("-" is standard input). `redact`: each
// record's file is named by its position (redacted_file_name), never by its path.
std::vector<LoadedRecord> load_all(const std::vector<std::string>& files, const LoadOptions& options,
                                   bool redact = false);

// The record files that PATHs name, the same for `check`, `validate` and `screen`: files as
// given, in the order given ("-" is standard input); a folder expanded recursively to its
// `*.yaml` and `*.yml` files, in any case, in byte order of their paths
// (screen::expand_paths). With no PATH: standard input when it is not a terminal, and
// with a terminal a usage error that says how to give a file.
struct InputFiles {
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> ignored;  // (path, why) entries of folders not read
};
InputFiles collect_inputs(const std::vector<std::string>& paths, const std::string& command);

// "2 files ignored: not a .yaml or .yml file; 1 ignored: a symlink to nothing (dangling)":
// the ignored entries counted by why, in one line ("" when there are none).
std::string ignored_words(const std::vector<std::pair<std::string, std::string>>& ignored);

// Says on standard error what a folder held that was not read: a count unless quiet,
// every entry with `verbose`.
void report_ignored(const InputFiles& inputs, bool quiet, bool verbose);

// A file that could not be read at all (missing, unreadable, empty, too large): a record
// with only `file.*` errors and no content.
bool file_not_read(const LoadedRecord& loaded);

// Says so in one line per problem on standard error: `ehcp: PATH: error: ...`.
void say_file_not_read(const LoadedRecord& loaded);

// --redact: the stable, non-identifying name of the record's file, its position among the
// files read (counted from 1): "file 3".
std::string redacted_file_name(std::size_t index);

// With -o FILE and not quiet: `ehcp: wrote FILE: WHAT` on standard error.
void say_written(const GlobalOptions& g, const std::string& what);

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace ehcp::cli
