// Diagnostics: problems found in input (records, rule packs), each with a location and a fix.
#pragma once

#include <string>
#include <vector>

namespace ehcp {

enum class Severity { error, warning };

const char* to_string(Severity s);

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
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

// "file:line:column: error: message (at path) -- fix" in one line, for terminals and logs.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace ehcp
