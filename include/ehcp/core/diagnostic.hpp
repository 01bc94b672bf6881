// Diagnostics: problems found in input (records, rule packs), each with a location and a fix.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ehcp {

enum class Severity { error, warning };

const char* to_string(Severity s);

// The one change to the input's text that fixes a problem, when there is exactly one
// (`ehcp validate --fix` applies it): replace `old_text`, found at byte `byte` of file
// line `line`, with `new_text`. Lines are the file's own lines; bytes are counted after
// a byte order mark that starts the line and before a line's closing CR, so a CRLF file
// and an LF file give the same edit. Only the bytes of `old_text` change.
struct TextEdit {
    int line = 0;           // 1-based file line
    std::size_t byte = 0;   // 0-based byte offset in the line
    std::string old_text;   // the exact bytes to replace (checked before replacing)
    std::string new_text;   // what replaces them
};

// One problem in an input file. Input problems are values, never exceptions:
// the loader collects them and carries on so the user sees every problem at once.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     // stable machine-readable code, e.g. "date.format"
    std::string message;  // what is wrong and what was expected
    std::string path;     // field path, e.g. "support_cycles[1].review"
    std::string file;     // as given on the command line; "-" or "<stdin>" for standard input
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string fix;      // a suggested fix, e.g. "use 2016-05-14"; may be empty
    std::optional<TextEdit> edit = std::nullopt;  // set only when the fix is one exact, unambiguous change
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// "file:line:column: error: message (at path) -- fix" in one line, for terminals and logs.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ehcp
