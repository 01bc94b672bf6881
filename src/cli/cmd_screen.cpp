// `ehcp screen PATH...`: batch screening, one row per record, a summary at the end.
// The work is in src/screen/; this file wires options, output file and progress.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <thread>

#include <ext/stdio_filebuf.h>  // an ostream over the -o file's descriptor (libstdc++)
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ehcp/cli/commands.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/core/inert_text.hpp"
#include "ehcp/cli/output_file.hpp"
#include "ehcp/screen/screen.hpp"

namespace ehcp::cli {

namespace {

namespace fs = std::filesystem;

struct ScreenOptions {
    std::vector<std::string> paths;
    std::string format = "table";
    int jobs = 0;  // 0: every core
    bool verbose = false;
    std::string columns;  // --columns: names, `wide` or empty (the compact default)
};

// --columns a,b,c: every name known (`wide`: all of them), or a usage error that lists them.
std::vector<std::string> parse_columns(const std::string& spec, const Pack& pack) {
    if (spec.empty()) return {};
    if (spec == "wide") return {"wide"};
    const auto known = screen::table_column_names(pack);
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= spec.size()) {
        auto comma = spec.find(',', from);
        std::string name = spec.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
        from = comma == std::string::npos ? spec.size() + 1 : comma + 1;
        if (name.empty()) continue;
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            auto near = nearest_word(name, known);
            throw UsageError(fmt::format("--columns: no column `{}`{}; the columns are: {}, or `wide` for all of them",
                                         name, near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near),
                                         fmt::join(known, ", ")),
                             exit_code::usage);
        }
        out.push_back(name);
    }
    if (out.empty()) throw UsageError("--columns: name at least one column, or `wide`", exit_code::usage);
    return out;
}

// The width the table must fit: $COLUMNS when set, else the terminal's (0: no limit, as
// for a pipe or a file).
int table_width(bool to_file) {
    if (to_file) return 0;
    if (const char* env = std::getenv("COLUMNS"); env && *env) {
        char* end = nullptr;
        long n = std::strtol(env, &end, 10);
        if (end && *end == '\0' && n >= 20 && n <= 10000) return static_cast<int>(n);
    }
    struct winsize ws {};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

// Records per second and time left, redrawn at most ten times a second on a terminal.
class Progress {
public:
    explicit Progress(bool on) : on_(on), start_(clock::now()), last_(start_) {}
    void update(long records, std::uint64_t bytes, std::uint64_t total) {
        if (!on_) return;
        auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        double secs = std::chrono::duration<double>(now - start_).count();
        double rate = secs > 0 ? records / secs : 0;
        std::string line = fmt::format("screening: {} records, {:.0f} records/s", records, rate);
        if (total > 0 && bytes > 0 && bytes <= total) {
            double left = secs * static_cast<double>(total - bytes) / static_cast<double>(bytes);
            int pct = static_cast<int>(100.0 * static_cast<double>(bytes) / static_cast<double>(total));
            int filled = pct / 5;
            line += fmt::format(" [{}{}] {:3}%, about {}:{:02} left", std::string(static_cast<std::size_t>(filled), '#'),
                                std::string(static_cast<std::size_t>(20 - filled), '.'), pct,
                                static_cast<long>(left) / 60, static_cast<long>(left) % 60);
        }
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        std::fflush(stderr);
        drawn_ = true;
    }
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\033[K"), std::fflush(stderr);
        drawn_ = false;
    }

private:
    using clock = std::chrono::steady_clock;
    bool on_;
    clock::time_point start_, last_;
    bool drawn_ = false;
};

int run_screen(const ScreenOptions& o, const GlobalOptions& g) {
    Date as_of = resolve_as_of(g);
    Pack pack = load_selected_pack(g);
    bool to_file = !g.output.empty() && g.output != "-";
    if (o.format == "xlsx" && !to_file)
        throw UsageError("--format xlsx writes a workbook: give -o FILE.xlsx", exit_code::usage);

    std::ios::sync_with_stdio(false);

    // Every entry of a folder that is not screened is counted in the summary, by why, and
    // named with --verbose (issue 10: .YAML, dangling symlinks and FIFOs were skipped
    // without a word).
    const auto columns = parse_columns(o.columns, pack);
    const InputFiles in = collect_inputs(o.paths, "screen");
    const auto& files = in.files;
    if (o.verbose)
        for (const auto& [path, why] : in.ignored) std::cerr << fmt::format("ehcp: ignored {}: {}\n", escape_controls(path), why);

    // -o FILE: written beside it under a temporary name and renamed only when complete;
    // a device or FIFO is written through (OutputFile). Never over one of the inputs.
    std::optional<OutputFile> target;
    if (to_file) target.emplace(g.output, files);
    std::optional<__gnu_cxx::stdio_filebuf<char>> buf;
    std::optional<std::ostream> file;
    std::ostream* out = &std::cout;
    if (to_file && o.format != "xlsx") {
        int fd = ::dup(target->fd());
        if (fd < 0) throw OutputError(fmt::format("cannot write {}: {}", g.output, std::strerror(errno)));
        buf.emplace(fd, std::ios::out | std::ios::binary, static_cast<std::size_t>(1) << 16);
        file.emplace(&*buf);
        out = &*file;
    }
    auto discard = [&] { target.reset(); };  // removes the temporary file

    screen::WriterContext ctx;
    ctx.pack = &pack;
    ctx.as_of = as_of;
    ctx.redacted = g.redact;
    ctx.quiet = g.quiet;
    ctx.table_columns = columns;
    ctx.table_width = table_width(to_file);
    ctx.color = use_color(g);
    std::unique_ptr<screen::Writer> writer;
    try {
        if (o.format == "csv") writer = screen::make_csv_writer(*out, &std::cerr, ctx);
        else if (o.format == "sen2-csv") writer = screen::make_sen2_csv_writer(*out, &std::cerr, ctx);
        else if (o.format == "jsonl") writer = screen::make_jsonl_writer(*out, &std::cerr, ctx);
        else if (o.format == "json") writer = screen::make_json_writer(*out, ctx);
        else if (o.format == "xlsx") writer = screen::make_xlsx_writer(target->write_path(), ctx);
        else writer = screen::make_table_writer(*out, ctx);
    } catch (...) {
        discard();
        throw;
    }

    screen::PipelineOptions po;
    po.jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    po.redacted = g.redact;
    po.want_json = o.format == "jsonl" || o.format == "json";
    po.as_of = as_of;
    po.load = load_options(g, &pack, as_of);
    // A batch is streamed record by record, so a large file costs time, not memory: no
    // file size limit unless --max-file-size is given (each record keeps its own limit).
    if (g.max_file_bytes == 0) po.load.max_file_bytes = std::numeric_limits<std::size_t>::max();
    // Each record is checked against the pack its request.authority names, unless --rules
    // is given; the columns stay the default pack's, and the `pack` column says which.
    LoadOptions base = load_options(g, nullptr, as_of);
    base.max_file_bytes = po.load.max_file_bytes;
    PackSet packs(pack, g.rules_given, base);
    po.packs = &packs;
    // Progress on standard error when it is a terminal; not when the rows themselves are
    // going to that same terminal (they show the progress, and the two would mix).
    Progress progress(!g.quiet && isatty(STDERR_FILENO) && (to_file || !isatty(STDOUT_FILENO)));
    po.progress = [&](long n, std::uint64_t bytes, std::uint64_t total) { progress.update(n, bytes, total); };

    screen::Summary summary(pack);
    summary.ignored_listed = o.verbose;
    for (const auto& entry : in.ignored) {
        const std::string& why = entry.second;  // a named variable: clang 14 cannot capture a structured binding
        auto it = std::find_if(summary.ignored.begin(), summary.ignored.end(), [&](const auto& w) { return w.first == why; });
        if (it == summary.ignored.end()) summary.ignored.emplace_back(why, 1);
        else ++it->second;
    }
    screen::PipelineResult result;
    try {
        writer->begin();
        result = screen::run_pipeline(files, pack, po, [&](screen::Row&& row) {
            summary.add(row);
            if (!row.read_errors.empty()) {
                // A file not read: its row says so, and so does one line on standard error.
                progress.clear();
                for (const auto& e : row.read_errors) std::cerr << "ehcp: " << e << "\n";
            }
            writer->row(row);
            if (!*out) throw OutputError(to_file ? fmt::format("cannot write {}", g.output) : "cannot write to standard output");
        });
        progress.clear();
        writer->end(summary);
        writer.reset();
        out->flush();
        if (!*out || (buf && !buf->close()))
            throw OutputError(to_file ? fmt::format("cannot write {}", g.output) : "cannot write to standard output");
    } catch (...) {
        progress.clear();
        writer.reset();
        discard();
        throw;
    }
    if (target) target->commit();
    auto n = [&](Verdict v) {
        auto it = summary.verdicts.find(v);
        return it == summary.verdicts.end() ? 0L : it->second;
    };
    say_written(g, fmt::format("{} record{}, {} ready, {} not ready, {} invalid", result.records,
                               result.records == 1 ? "" : "s", n(Verdict::ready), n(Verdict::not_ready),
                               n(Verdict::invalid)));
    if (result.records == 0) {
        // Nothing screened is not a clean result: a wrong folder, or records under another extension.
        std::string ignored = screen::ignored_line(summary);
        std::cerr << fmt::format("ehcp: no record found{}; screen reads files ending .yaml or .yml (in any case) and "
                                 "standard input\n",
                                 ignored.empty() ? "" : " (" + ignored + ")");
        std::cerr.flush();
        return exit_code::invalid;
    }
    std::cerr.flush();
    return result.invalid > 0 ? exit_code::invalid : exit_code::ready;
}

}  // namespace

Command screen_command() {
    return {"screen", "batch-screen every record in files and folders: one row per record, a summary at the end",
            [](CLI::App& sub) {
                auto o = std::make_shared<ScreenOptions>();
                sub.add_option("paths", o->paths,
                               "record files (multi-document streams allowed) and folders (searched recursively for "
                               "*.yaml and *.yml in any case); - reads standard input, as does no path when standard "
                               "input is not a terminal");
                sub.add_option("--format", o->format, "table (default), csv, jsonl, json, xlsx (needs -o FILE) or sen2-csv")
                    ->transform(CLI::IsMember({"table", "csv", "jsonl", "json", "xlsx", "sen2-csv"}, CLI::ignore_case))
                    ->option_text("FORMAT");
                sub.add_option("--columns", o->columns,
                               "table columns, comma-separated, or `wide` for all: source, id, name, setting, "
                               "year_group, key_stage, verdict, made_by, one per criterion, gaps, provision_total, "
                               "compelling, looked_after, decide_to_assess_by, decide_to_issue_by, final_plan_by, "
                               "first_gap, pack (default: source,id,name,verdict,made_by,gaps,first_gap)")
                    ->option_text("COLUMNS");
                sub.add_flag("-v,--verbose", o->verbose, "list each entry of a folder that is not read, and why");
                sub.add_option("-j,--jobs", o->jobs, "records parsed at once, 1 to 256 (default: every core)")
                    ->check(CLI::Range(1, 256))
                    ->option_text("N");
                return [o](const GlobalOptions& g) { return run_screen(*o, g); };
            }};
}

}  // namespace ehcp::cli
