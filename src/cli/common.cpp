#include "ehcp/cli/common.hpp"

#include "ehcp/load/suggest.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/core/inert_text.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::cli {

namespace fs = std::filesystem;

Date resolve_as_of(const GlobalOptions& g) {
    if (g.as_of.empty()) return Date::today();
    // Years a record's dates can have (1900-9999) with room for the statutory weeks after it.
    if (auto d = Date::parse_iso(g.as_of); d && d->year() >= 1900 && d->year() <= 9000) return *d;
    throw UsageError(fmt::format("--as-of `{}` is not a date: use YYYY-MM-DD, e.g. 2026-11-22", g.as_of), exit_code::usage);
}

Pack load_selected_pack(const GlobalOptions& g) {
    auto dir = find_pack(g.rules);
    if (!dir) {
        std::string where;
        for (const auto& p : pack_search_path()) where += "\n  " + p.string();
        throw UsageError(fmt::format("rule pack `{}` not found; looked in:{}\nfix: give a pack name (see `ehcp rules list`) "
                                     "or a folder holding pack.yaml",
                                     g.rules, where),
                         exit_code::unknown_pack);
    }
    try {
        return load_pack(*dir);
    } catch (const PackError& e) {
        std::string all;
        for (const auto& d : e.diagnostics) all += format_diagnostic(d) + "\n";
        throw UsageError(fmt::format("rule pack `{}` has errors:\n{}", g.rules, all), exit_code::unknown_pack);
    }
}

LoadOptions load_options(const GlobalOptions& g, const Pack* pack, const Date& as_of) {
    LoadOptions o;
    o.as_of = as_of;
    if (g.max_file_bytes) o.max_file_bytes = g.max_file_bytes;
    if (g.max_record_bytes) o.max_record_bytes = g.max_record_bytes;
    if (pack) {
        o.indicator_ids = pack->indicator_ids();
        o.pack_id = pack->info.id;
        o.document_kinds = pack->document_kind_ids();
    }
    return o;
}

PackSet select_packs(const GlobalOptions& g, const Date& as_of) {
    return PackSet(load_selected_pack(g), g.rules_given, load_options(g, nullptr, as_of));
}

bool use_color(const GlobalOptions& g) {
    if (g.color == "always") return true;
    if (g.color == "never" || !g.output.empty()) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return isatty(STDOUT_FILENO) != 0;
}

void write_output(const GlobalOptions& g, const std::string& text, const std::vector<std::string>& inputs) {
    if (g.output.empty() || g.output == "-") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw OutputError("cannot write to standard output");
        return;
    }
    OutputFile file(g.output, inputs);
    file.write(text);
    file.commit();
}

std::vector<LoadedRecord> load_all(const std::vector<std::string>& files, const LoadOptions& options, bool redact) {
    std::vector<LoadedRecord> out;
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto reader = RecordReader::open(files[i], options);
        while (auto r = reader.next()) {
            if (redact) redact_source(*r, redacted_file_name(i));
            out.push_back(std::move(*r));
        }
    }
    return out;
}

InputFiles collect_inputs(const std::vector<std::string>& paths, const std::string& command) {
    InputFiles in;
    if (paths.empty()) {
        if (isatty(STDIN_FILENO))
            throw UsageError(fmt::format("no record given: name a file or folder (`ehcp {0} pupil.yaml`, `ehcp {0} "
                                         "requests/`) or pipe a record in (`ehcp {0} < pupil.yaml`)",
                                         command),
                             exit_code::usage);
        in.files.push_back("-");  // a pipe or a file on standard input
        return in;
    }
    std::vector<screen::SkippedEntry> skipped;
    in.files = screen::expand_paths(paths, &skipped);
    for (auto& s : skipped) in.ignored.emplace_back(std::move(s.path), std::move(s.why));
    return in;
}

std::string ignored_words(const std::vector<std::pair<std::string, std::string>>& ignored) {
    std::vector<std::pair<std::string, long>> by_why;  // in the order first met
    for (const auto& entry : ignored) {
        const std::string& why = entry.second;  // a named variable: clang 14 cannot capture a structured binding
        auto it = std::find_if(by_why.begin(), by_why.end(), [&](const auto& w) { return w.first == why; });
        if (it == by_why.end()) by_why.emplace_back(why, 1);
        else ++it->second;
    }
    std::string out;
    for (const auto& [why, n] : by_why)
        out += fmt::format("{}{} {} ignored: {}", out.empty() ? "" : "; ", n,
                           n == 1 ? "file" : "files", why);
    return out;
}

void report_ignored(const InputFiles& inputs, bool quiet, bool verbose) {
    if (inputs.ignored.empty()) return;
    if (verbose)
        for (const auto& [path, why] : inputs.ignored)
            std::cerr << fmt::format("ehcp: ignored {}: {}\n", escape_controls(path), why);
    else if (!quiet)
        std::cerr << "ehcp: " << ignored_words(inputs.ignored) << " (--verbose lists them)\n";
}

bool file_not_read(const LoadedRecord& loaded) {
    return !loaded.record && !loaded.diagnostics.empty() &&
           std::all_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                       [](const Diagnostic& d) { return d.code.rfind("file.", 0) == 0; });
}

void say_file_not_read(const LoadedRecord& loaded) {
    for (const auto& d : loaded.diagnostics) std::cerr << "ehcp: " << format_diagnostic(d) << "\n";
}

std::string redacted_file_name(std::size_t index) { return fmt::format("file {}", index + 1); }

void say_written(const GlobalOptions& g, const std::string& what) {
    if (g.quiet || g.output.empty() || g.output == "-") return;
    std::cerr << fmt::format("ehcp: wrote {}: {}\n", escape_controls(g.output), what);
}

std::string nearest_word(const std::string& word, const std::vector<std::string>& candidates) {
    std::vector<std::string_view> names(candidates.begin(), candidates.end());
    auto near = closest_name(word, names);
    return near ? near->name : std::string();
}

}  // namespace ehcp::cli
