// The readiness report as plain text, for a SENCO at a terminal or on paper:
// verdict first, then the criteria, the gaps in the order to fix them, and the rest.
#pragma once

#include <string>

#include "ehcp/rules/report.hpp"

namespace ehcp {

struct TextOptions {
    bool color = false;  // ANSI colours; the CLI decides (--color, NO_COLOR, isatty)
    int width = 80;      // prose is wrapped to this many columns (at least 40 is used)
};

// Every record of the report, separated by a rule line; ends with a newline.
std::string render_text(const Report& report, const TextOptions& options = {});

// One record, with the pack's closing statement; ends with a newline.
std::string render_record_text(const RecordReport& record, const Report& report, const TextOptions& options = {});

}  // namespace ehcp
