// `ehcp validate FILE...`: format errors and warnings only, no criteria.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/cli/validate_fix.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/rules/engine.hpp"

namespace ehcp::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    std::string format = "text";
    bool verbose = false;
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
    const InputFiles in = collect_inputs(o.files, "validate");
    report_ignored(in, g.quiet, o.verbose);
    refuse_output_over_input(g.output, in.files);
    if (o.fix || o.diff)
        return run_validate_fix(in.files, o.diff, o.format == "json", g, load_options(g, pack ? &*pack : nullptr, as_of));
    // With a pack, a record's request.authority chooses the pack its kinds and indicators are
    // checked against (unless --rules is given), as in `check`.
    std::vector<LoadedRecord> records;
    if (pack) {
        PackSet packs(std::move(*pack), g.rules_given, load_options(g, nullptr, as_of));
        for (std::size_t i = 0; i < in.files.size(); ++i) {
            auto reader = RecordReader::open(in.files[i], packs.default_options());
            while (auto next = packs.next(reader)) {
                if (g.redact) redact_source(next->first, redacted_file_name(i));
                records.push_back(std::move(next->first));
            }
        }
    } else {
        records = load_all(in.files, load_options(g, nullptr, as_of), g.redact);
    }
    int invalid = 0, warnings = 0, files_not_read = 0, fixable = 0;
    std::string out;
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& r : records) {
        if (!r.valid()) ++invalid;
        // A file that cannot be read at all is one line on standard error, as for `check`
        // (JSON keeps it as a record, so that a script loses nothing).
        if (o.format != "json" && file_not_read(r)) {
            say_file_not_read(r);
            ++files_not_read;
            continue;
        }
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
    const long read = static_cast<long>(records.size()) - files_not_read;
    const std::string counts = fmt::format("{} record{} read: {} valid, {} invalid, {} warning{}", read,
                                           read == 1 ? "" : "s", read - (invalid - files_not_read),
                                           invalid - files_not_read, warnings, warnings == 1 ? "" : "s") +
                               (files_not_read ? fmt::format("; {} file{} not read", files_not_read,
                                                             files_not_read == 1 ? "" : "s")
                                               : std::string());
    if (o.format == "json") {
        write_output(g, dump_json(nlohmann::ordered_json{{"format", "ehcp-validation/1"}, {"records", json}}, 2) + "\n",
                     in.files);
    } else {
        if (!g.quiet) out += counts + "\n";
        if (!g.quiet && fixable > 0)
            out += fmt::format("{} problem{} ha{} a single answer ehcp can write: run `ehcp validate --fix` to make "
                               "the change{} (the original is kept as a backup), or `--diff` to see {} first\n",
                               fixable, fixable == 1 ? "" : "s", fixable == 1 ? "s" : "ve", fixable == 1 ? "" : "s",
                               fixable == 1 ? "it" : "them");
        write_output(g, out, in.files);
    }
    say_written(g, counts);
    return invalid ? exit_code::invalid : exit_code::ready;
}

}  // namespace

Command validate_command() {
    return {"validate", "read records and report format errors and warnings only", [](CLI::App& sub) {
                auto o = std::make_shared<ValidateOptions>();
                sub.add_option("files", o->files,
                               "record files and folders (searched for *.yaml and *.yml); - reads standard input, as "
                               "does no file when standard input is not a terminal");
                sub.add_flag("-v,--verbose", o->verbose, "list each entry of a folder that is not read, and why");
                sub.add_option("--format", o->format, "text or json")->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case))
                    ->option_text("FORMAT");
                sub.add_flag("--fix", o->fix,
                             "make every fix that has exactly one answer in the files themselves (dates such as "
                             "14/05/2016 read day/month/year, Yes/No, £1,250, 91%, School), keeping each original "
                             "as FILE.bak; then report what is left");
                sub.add_flag("--diff", o->diff, "show what --fix would change as a unified diff; write nothing");
                return [o](const GlobalOptions& g) { return run_validate(*o, g); };
            }};
}

}  // namespace ehcp::cli
