#include "ehcp/core/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"

namespace ehcp {

const char* to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(const Diagnostic& d) {
    // One line, whatever a file name, key or value quoted in it holds (escape_controls).
    std::string where = d.file.empty() ? std::string("<input>") : escape_controls(d.file);
    if (d.line > 0) where += fmt::format(":{}:{}", d.line, d.column);
    std::string out = fmt::format("{}: {}: {}", where, to_string(d.severity), escape_controls(d.message));
    if (!d.path.empty()) out += fmt::format(" [{}]", escape_controls(d.path));
    if (!d.fix.empty()) out += fmt::format("; fix: {}", escape_controls(d.fix));
    return out;
}

}  // namespace ehcp
