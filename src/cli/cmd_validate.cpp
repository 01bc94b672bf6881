// `ehcp validate FILE...`: format errors and warnings only, no criteria.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/validate_fix.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"

namespace ehcp::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    std::string format = "text";
    bool fix = false;   // --fix: make every exact fix in place, keeping a backup
    bool diff = false;  // --diff: show them as a unified diff, write nothing
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
    if (o.fix || o.diff)
        return run_validate_fix(o.files, o.diff, o.format == "json", g, load_options(g, pack ? &*pack : nullptr, as_of));
    auto records = load_all(o.files, load_options(g, pack ? &*pack : nullptr, as_of));
    int invalid = 0, warnings = 0, fixable = 0;
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
            if (d.edit && r.source.file != "-") ++fixable;
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
        if (!g.quiet && fixable > 0)
            out += fmt::format("{} problem{} ha{} a single answer ehcp can write: run `ehcp validate --fix` to make "
                               "the change{} (the original is kept as a backup), or `--diff` to see {} first\n",
                               fixable, fixable == 1 ? "" : "s", fixable == 1 ? "s" : "ve", fixable == 1 ? "" : "s",
                               fixable == 1 ? "it" : "them");
        write_output(g, out, o.files);
    }
    return invalid ? exit_code::invalid : exit_code::ready;
}

}  // namespace

Command validate_command() {
    return {"validate", "read records and report format errors and warnings only", [](CLI::App& sub) {
                auto o = std::make_shared<ValidateOptions>();
                sub.add_option("files", o->files, "record files; - reads standard input")->required();
                sub.add_option("--format", o->format, "text or json")->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case));
                sub.add_flag("--fix", o->fix,
                             "make every fix that has exactly one answer in the files themselves (dates such as "
                             "14/05/2016 read day/month/year, Yes/No, £1,250, 91%, School), keeping each original "
                             "as FILE.bak; then report what is left");
                sub.add_flag("--diff", o->diff, "show what --fix would change as a unified diff; write nothing");
                return [o](const GlobalOptions& g) { return run_validate(*o, g); };
            }};
}

}  // namespace ehcp::cli
