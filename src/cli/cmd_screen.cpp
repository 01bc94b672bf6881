// `ehcp screen PATH...`: batch screening, one row per record, a summary at the end.
// The work is in src/screen/; this file wires options, output file and progress.
#include <unistd.h>

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
};

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

    // Every entry of a folder that is not screened is named, with why (issue 10: .YAML,
    // dangling symlinks and FIFOs were skipped without a word).
    std::vector<screen::SkippedEntry> skipped;
    auto files = screen::expand_paths(o.paths, &skipped);
    if (!g.quiet)
        for (const auto& s : skipped) std::cerr << fmt::format("ehcp: skipped {}: {}\n", escape_controls(s.path), s.why);

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

    screen::WriterContext ctx{&pack, as_of, g.redact, g.quiet};
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
    // Progress on standard error when it is a terminal; not when the rows themselves are
    // going to that same terminal (they show the progress, and the two would mix).
    Progress progress(!g.quiet && isatty(STDERR_FILENO) && (to_file || !isatty(STDOUT_FILENO)));
    po.progress = [&](long n, std::uint64_t bytes, std::uint64_t total) { progress.update(n, bytes, total); };

    screen::Summary summary(pack);
    screen::PipelineResult result;
    try {
        writer->begin();
        result = screen::run_pipeline(files, pack, po, [&](screen::Row&& row) {
            summary.add(row);
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
                               "*.yaml and *.yml); - reads standard input")
                    ->required();
                sub.add_option("--format", o->format, "table (default), csv, jsonl, json, xlsx (needs -o FILE) or sen2-csv")
                    ->transform(CLI::IsMember({"table", "csv", "jsonl", "json", "xlsx", "sen2-csv"}, CLI::ignore_case));
                sub.add_option("-j,--jobs", o->jobs, "records parsed at once (default: every core)")->check(CLI::Range(1, 256));
                return [o](const GlobalOptions& g) { return run_screen(*o, g); };
            }};
}

}  // namespace ehcp::cli
