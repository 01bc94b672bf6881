// `ehcp validate FILE...`: format errors and warnings only, no criteria.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"

namespace ehcp::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    std::string format = "text";
};

int run_validate(const ValidateOptions& o, const GlobalOptions& g) {
    Date as_of = resolve_as_of(g);
    // The pack is optional here: its indicator ids are checked when it loads.
    std::optional<Pack> pack;
    try {
        pack = load_selected_pack(g);
    } catch (const UsageError&) {
        if (g.rules != "coventry") throw;
    }
    // With a pack, a record's request.authority chooses the pack its kinds and indicators are
    // checked against (unless --rules is given), as in `check`.
    std::vector<LoadedRecord> records;
    if (pack) {
        PackSet packs(std::move(*pack), g.rules_given, load_options(g, nullptr, as_of));
        for (const auto& path : o.files) {
            auto reader = RecordReader::open(path, packs.default_options());
            while (auto next = packs.next(reader)) records.push_back(std::move(next->first));
        }
    } else {
        records = load_all(o.files, load_options(g, nullptr, as_of));
    }
    int invalid = 0, warnings = 0;
    std::string out;
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& r : records) {
        if (!r.valid()) ++invalid;
        nlohmann::ordered_json diags = nlohmann::ordered_json::array();
        // --redact: the same scrubbing as check's reports (a file name, an over-long value's
        // first bytes and other free text quoted in messages are left out).
        const auto diagnostics = g.redact ? redact_diagnostics(r.diagnostics, r.record ? &*r.record : nullptr)
                                          : r.diagnostics;
        for (const auto& d : diagnostics) {
            if (d.severity == Severity::warning) ++warnings;
            if (!(g.quiet && d.severity == Severity::warning)) out += format_diagnostic(d) + "\n";
            diags.push_back({{"severity", to_string(d.severity)}, {"code", d.code}, {"message", d.message},
                             {"path", d.path}, {"line", d.line}, {"column", d.column}, {"fix", d.fix}});
        }
        json.push_back({{"source", {{"file", r.source.file}, {"document", r.source.document}, {"line", r.source.line}}},
                        {"valid", r.valid()},
                        {"diagnostics", diags}});
    }
    if (o.format == "json") {
        write_output(g, dump_json(nlohmann::ordered_json{{"format", "ehcp-validation/1"}, {"records", json}}, 2) + "\n",
                     o.files);
    } else {
        if (!g.quiet)
            out += fmt::format("{} record{} read: {} valid, {} invalid, {} warning{}\n", records.size(),
                               records.size() == 1 ? "" : "s", records.size() - invalid, invalid, warnings,
                               warnings == 1 ? "" : "s");
        write_output(g, out, o.files);
    }
    return invalid ? exit_code::invalid : exit_code::ready;
}

}  // namespace

Command validate_command() {
    return {"validate", "read records and report format errors and warnings only", [](CLI::App& sub) {
                auto o = std::make_shared<ValidateOptions>();
                sub.add_option("files", o->files, "record files; - reads standard input")->required();
                sub.add_option("--format", o->format, "text or json")->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case))
                    ->option_text("FORMAT");
                return [o](const GlobalOptions& g) { return run_validate(*o, g); };
            }};
}

}  // namespace ehcp::cli
