// `ehcp check FILE...`: a readiness report for every record.
#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/render/format.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/render/text_report.hpp"
#include "ehcp/rules/engine.hpp"

namespace ehcp::cli {

namespace {

struct CheckOptions {
    std::vector<std::string> files;
    std::string format = "text";
    int width = 80;
    bool with_warnings = false;  // markdown, html: the loader's warnings too
    bool verbose = false;
};

// 0 all ready; 1 any not ready (none invalid); 2 any invalid.
int exit_status_for(const Report& report) {
    int status = exit_code::ready;
    for (const auto& r : report.records) {
        if (r.verdict == Verdict::invalid) return exit_code::invalid;
        if (r.verdict == Verdict::not_ready) status = exit_code::not_ready;
    }
    return status;
}

// What -o says it wrote: "NOT READY, 5 gaps" for one record; counts for several.
struct Tally {
    long records = 0, ready = 0, not_ready = 0, invalid = 0, gaps = 0, files_not_read = 0;
    std::string one_tag;
    void add(const RecordReport& r) {
        ++records;
        gaps += static_cast<long>(r.gaps.size());
        if (r.verdict == Verdict::ready) ++ready;
        else if (r.verdict == Verdict::not_ready) ++not_ready;
        else ++invalid;
        one_tag = std::string(verdict_tag(r));
    }
    std::string words() const {
        auto gap_words = [](long n) { return fmt::format("{} gap{}", n, n == 1 ? "" : "s"); };
        std::string out;
        if (records == 1 && files_not_read == 0)
            out = invalid ? one_tag : gaps ? fmt::format("{}, {}", one_tag, gap_words(gaps)) : one_tag;
        else
            out = fmt::format("{} record{}: {} ready, {} not ready, {} invalid; {}", records, records == 1 ? "" : "s",
                              ready, not_ready, invalid, gap_words(gaps));
        if (files_not_read)
            out += fmt::format("; {} file{} not read", files_not_read, files_not_read == 1 ? "" : "s");
        return out;
    }
};

// Text and JSON are written record by record as each is checked, so a stream of any
// size costs the memory of one record (issue 10: 43 MB held 1.46 GB), with the same
// bytes as rendering the whole report at once.
int run_check_streaming(const std::vector<std::string>& files, const CheckOptions& o, const GlobalOptions& g,
                        PackSet& packs, const Date& as_of) {
    const Pack& pack = packs.default_pack();
    std::optional<OutputFile> file;
    if (!g.output.empty() && g.output != "-") file.emplace(g.output, files);
    auto emit = [&](const std::string& text) {
        if (file) return file->write(text);
        std::cout << text;
        if (!std::cout) throw OutputError("cannot write to standard output");
    };
    Report header;  // pack, date, redaction: what every record's rendering needs
    header.pack = pack.info;
    header.as_of = as_of;
    header.redacted = g.redact;
    TextOptions t;
    t.color = use_color(g);
    t.width = o.width;
    const bool json = o.format == "json";
    std::string tail;
    // The document around the records, split where they go. It names the pack of the first
    // record (its request.authority, or --rules, or the default), so it waits for that record.
    bool started = false;
    auto start = [&](const Pack& first) {
        if (started) return;
        started = true;
        header.pack = first.info;
        if (!json) return;
        std::string whole = dump_json(report_to_json(header, ToolInfo{}), 2);
        const std::string slot = "\"records\": []";
        auto at = whole.find(slot);
        emit(whole.substr(0, at + slot.size() - 1));
        tail = whole.substr(at + slot.size()) + "\n";
    };
    int status = exit_code::ready;
    std::size_t count = 0, files_not_read = 0;
    Tally tally;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto reader = RecordReader::open(files[i], packs.default_options());
        while (auto next = packs.next(reader)) {
            auto* loaded = &next->first;
            const Pack& used = *next->second;
            if (g.redact) redact_source(*loaded, redacted_file_name(i));
            if (!json && file_not_read(*loaded)) {
                say_file_not_read(*loaded);
                status = exit_code::invalid;
                ++files_not_read;
                ++tally.files_not_read;
                continue;
            }
            start(used);
            RecordReport r = evaluate_record(used, *loaded, as_of, g.redact);
            tally.add(r);
            if (r.verdict == Verdict::invalid) status = exit_code::invalid;
            else if (r.verdict == Verdict::not_ready && status != exit_code::invalid) status = exit_code::not_ready;
            if (json) {
                std::string one = dump_json(record_to_json(r, g.redact), 2), indented = "\n    ";
                for (char c : one) indented += c == '\n' ? std::string("\n    ") : std::string(1, c);
                emit((count ? "," : "") + indented);
            } else {
                if (count) emit("\n" + std::string(static_cast<std::size_t>(o.width), '=') + "\n\n");
                // A record that names another authority is reported with that pack's words.
                if (used.info.id == header.pack.id) {
                    emit(render_record_text(r, header, t));
                } else {
                    Report own = header;
                    own.pack = used.info;
                    emit(render_record_text(r, own, t));
                }
            }
            ++count;
        }
    }
    start(pack);  // no record was read: the default pack's header
    if (json) emit((count ? "\n  ]" : "]") + tail);
    else if (count == 0 && files_not_read == 0) emit(render_text(header, t));
    if (!file) std::cout.flush();
    if (!std::cout) throw OutputError("cannot write to standard output");
    if (file) {
        file->commit();
        say_written(g, tally.words());
    }
    return status;
}

int run_check(const CheckOptions& o, const GlobalOptions& g) {
    Date as_of = resolve_as_of(g);
    PackSet packs = select_packs(g, as_of);
    const InputFiles in = collect_inputs(o.files, "check");
    report_ignored(in, g.quiet, o.verbose);
    const auto& files = in.files;
    refuse_output_over_input(g.output, files);  // before the work, not after it
    if (!g.quiet && (o.format == "json" || o.format == "text")) return run_check_streaming(files, o, g, packs, as_of);
    Report report;
    report.pack = packs.default_pack().info;
    report.as_of = as_of;
    report.redacted = g.redact;
    bool files_not_read = false;
    Tally tally;
    std::vector<const Pack*> used;  // the packs the records were checked against, in order of first use
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto reader = RecordReader::open(files[i], packs.default_options());
        while (auto next = packs.next(reader)) {
            auto& loaded = next->first;
            if (g.redact) redact_source(loaded, redacted_file_name(i));
            if (!g.quiet && o.format != "json" && file_not_read(loaded)) {
                say_file_not_read(loaded);
                files_not_read = true;
                ++tally.files_not_read;
                continue;
            }
            if (std::find(used.begin(), used.end(), next->second) == used.end()) used.push_back(next->second);
            report.records.push_back(evaluate_record(*next->second, loaded, as_of, g.redact));
            tally.add(report.records.back());
        }
    }
    // One pack: its words head the report. Records of several authorities: Markdown gives
    // each pack's records as a report of their own; one HTML page cannot hold two.
    if (used.size() == 1) report.pack = used.front()->info;
    if (used.size() > 1 && o.format == "html" && !g.quiet) {
        std::string ids;
        for (const auto* p : used) ids += (ids.empty() ? "" : ", ") + p->info.id;
        throw UsageError(fmt::format("these records name different authorities ({}), and one HTML report holds one pack's; "
                                     "fix: check each authority's records separately, or give --rules PACK",
                                     ids),
                         exit_code::usage);
    }
    if (files_not_read && report.records.empty()) return exit_code::invalid;

    if (g.quiet) {
        // Quiet: no report, but a record that could not be read is still an error to show.
        for (const auto& r : report.records)
            if (r.verdict == Verdict::invalid)
                for (const auto& d : r.diagnostics)
                    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
    } else {
        std::string out;
        if (o.format == "json") {
            out = dump_json(report_to_json(report, ToolInfo{}), 2) + "\n";
        } else if (o.format == "markdown") {
            if (used.size() <= 1) out = render_markdown(report, DocumentOptions{o.with_warnings});
            for (std::size_t i = 0; used.size() > 1 && i < used.size(); ++i) {
                Report part = report;
                part.pack = used[i]->info;
                part.records.clear();
                for (const auto& r : report.records)
                    if (r.pack == used[i]->info.id) part.records.push_back(r);
                out += (i ? "\n---\n\n" : "") + render_markdown(part, DocumentOptions{o.with_warnings});
            }
        } else if (o.format == "html") {
            out = render_html(report, DocumentOptions{o.with_warnings});
        } else {
            TextOptions t;
            t.color = use_color(g);
            t.width = o.width;
            out = render_text(report, t);
        }
        write_output(g, out, files);
        say_written(g, tally.words());
    }
    return files_not_read ? exit_code::invalid : exit_status_for(report);
}

}  // namespace

Command check_command() {
    return {"check", "check records and print a readiness report for each", [](CLI::App& sub) {
                auto o = std::make_shared<CheckOptions>();
                sub.add_option("files", o->files,
                               "record files (multi-document streams allowed) and folders (searched for *.yaml and "
                               "*.yml); - reads standard input, as does no file when standard input is not a terminal");
                sub.add_option("--format", o->format, "text, json, markdown or html")
                    ->transform(CLI::IsMember({"text", "json", "markdown", "html"}, CLI::ignore_case))
                    ->option_text("FORMAT");
                sub.add_option("--width", o->width, "wrap text output to this many columns (40 to 400; default 80)")
                    ->check(CLI::Range(40, 400))
                    ->option_text("COLUMNS");
                sub.add_flag("-v,--verbose", o->verbose, "list each entry of a folder that is not read, and why");
                sub.add_flag("--with-warnings", o->with_warnings,
                             "markdown, html: include the loader's warnings about the record (left out of a copy to "
                             "share by default; text and json always have them)");
                return [o](const GlobalOptions& g) { return run_check(*o, g); };
            }};
}

}  // namespace ehcp::cli
