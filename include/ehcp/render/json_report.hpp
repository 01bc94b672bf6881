// The machine-readable readiness report, format "ehcp-report/1" (docs: spec/cli.md).
// Key order is fixed; fields may be added but none is removed or renamed within /1.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "ehcp/rules/report.hpp"

namespace ehcp {

inline constexpr const char* kReportFormat = "ehcp-report/1";

// Which program wrote the report: {"name": "ehcp", "version": "0.1.0"}.
struct ToolInfo {
    std::string name = "ehcp";
#ifdef EHCP_VERSION
    std::string version = EHCP_VERSION;
#else
    std::string version = "unknown";
#endif
};

// The whole report: format, tool, pack, as_of, redacted, records, statement, legal_test.
//   auto j = report_to_json(report, ToolInfo{});
//   std::cout << dump_json(j, 2) << '\n';
nlohmann::ordered_json report_to_json(const Report& report, const ToolInfo& tool = {});

// One record object, as it appears in "records" and, alone, as one line of JSON Lines.
// With `redacted`, free text that came from the record (the pupil's name, the school's
// evidence for an indicator) is written as null; keys are kept so the shape is stable.
nlohmann::ordered_json record_to_json(const RecordReport& record, bool redacted);

// Serialises with `indent` spaces (-1: one line, for JSON Lines). Bytes that are not
// valid UTF-8 (a file name, say) are replaced with U+FFFD instead of throwing.
std::string dump_json(const nlohmann::ordered_json& json, int indent = 2);

}  // namespace ehcp
