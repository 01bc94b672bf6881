// `ehcp screen` pieces: CSV cells, path expansion, rows and the summary, and the
// pipeline (order kept and nothing lost with a tiny window and several jobs).
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include <doctest/doctest.h>

#include "ehcp/rules/engine.hpp"
#include "ehcp/screen/screen.hpp"

using namespace ehcp;
namespace fs = std::filesystem;

TEST_CASE("screen csv: RFC 4180 quoting and formula neutralising") {
    CHECK(screen::csv_cell("Sam Example", true) == "Sam Example");
    CHECK(screen::csv_cell("Example, Sam", true) == "\"Example, Sam\"");
    CHECK(screen::csv_cell("Sam \"Junior\"", true) == "\"Sam \"\"Junior\"\"\"");
    CHECK(screen::csv_cell("two\nlines", true) == "\"two\nlines\"");
    CHECK(screen::csv_cell("", true) == "");
    for (const char* f : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
        CHECK(screen::csv_cell(f, true).find('\'') <= 1);
    CHECK(screen::csv_cell("=HYPERLINK(\"x\",\"y\")", true) == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    // Numbers and dates are not text and are left alone (a money total is never negative).
    CHECK(screen::csv_cell("-1", false) == "-1");
    CHECK(screen::csv_cell("Zoë", true) == "Zoë");
}

TEST_CASE("screen paths: folders recursively, *.yaml and *.yml only, in a stable order; others as given") {
    fs::path dir = fs::temp_directory_path() / ("ehcp-screen-paths-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "b" / "deep");
    fs::create_directories(dir / "a");
    for (auto p : {"b/deep/z.yaml", "b/c.yml", "a/x.yaml", "top.yaml", "notes.txt", "a/x.yaml.bak"}) std::ofstream(dir / p) << "x";
    auto files = screen::expand_paths({"-", dir.string(), "missing.yaml"});
    std::vector<std::string> want{"-", (dir / "a/x.yaml").string(), (dir / "b/c.yml").string(),
                                  (dir / "b/deep/z.yaml").string(), (dir / "top.yaml").string(), "missing.yaml"};
    CHECK(files == want);
    fs::remove_all(dir);
}

namespace {

Pack coventry() { return load_pack(fs::path(EHCP_RULES_DIR) / "coventry"); }

}  // namespace

TEST_CASE("screen row: an unreadable record is an invalid row with its first error") {
    Pack pack = coventry();
    LoadOptions lo;
    lo.as_of = *Date::parse_iso("2026-11-22");
    auto loaded = load_record_text("format: ehcp-record/1\npupil: [\n", SourceRef{"x.yaml", 2, 7}, ".", lo);
    auto rep = evaluate_record(pack, loaded, lo.as_of);
    auto row = screen::make_row(rep, pack, false);
    CHECK(row.verdict == Verdict::invalid);
    CHECK(row.file == "x.yaml");
    CHECK(row.document == 2);
    CHECK_FALSE(row.error.empty());
    CHECK(row.criteria.empty());
    auto cells = screen::cells(row, pack, false);
    CHECK(cells.size() == screen::columns(pack, false).size());
    CHECK(screen::columns(pack, true).size() == screen::columns(pack, false).size() - 1);  // no name column
    CHECK(row.id.empty());  // a syntax error: nothing was read
}

TEST_CASE("screen row: an invalid record still gives the pupil id when the id itself was read") {
    Pack pack = coventry();
    LoadOptions lo;
    lo.as_of = *Date::parse_iso("2026-11-22");
    auto read = [&](const std::string& pupil) {
        auto loaded = load_record_text("format: ehcp-record/1\npupil:\n" + pupil, SourceRef{"x.yaml", 0, 1}, ".", lo);
        CHECK_FALSE(loaded.valid());
        return screen::make_row(evaluate_record(pack, loaded, lo.as_of), pack, false);
    };
    auto row = read("  id: R801200404004\n  name: Sam Example\n  date_of_birth: 14/05/2016\n");
    CHECK(row.verdict == Verdict::invalid);
    CHECK(row.id == "R801200404004");
    CHECK_FALSE(row.name.has_value());  // nothing else of an unreadable record is shown
    CHECK(read("  id: [R1, R2]\n  date_of_birth: 2016-05-14\n").id.empty());  // the id itself is unreadable
    CHECK(read("  date_of_birth: 2016-05-14\n").id.empty());                   // no id given
}

TEST_CASE("screen pipeline: every record once, in input order, with a window smaller than the batch") {
    Pack pack = coventry();
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(EHCP_EXAMPLES_DIR))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());  // not examples/ctf/ or the CSV
    std::sort(files.begin(), files.end());
    auto once = files;
    files.insert(files.end(), once.begin(), once.end());  // twice over
    files.push_back("no-such-file.yaml");
    screen::PipelineOptions o;
    o.as_of = *Date::parse_iso("2026-11-22");
    o.load.as_of = o.as_of;
    o.load.indicator_ids = pack.indicator_ids();
    o.want_json = true;
    for (int jobs : {1, 2, 3, 4}) {  // more than two jobs: workers also finish records
        for (std::size_t window : {std::size_t{1}, std::size_t{2}, std::size_t{9}, std::size_t{0}}) {
            o.jobs = jobs;
            o.window = window;
            std::vector<std::string> seen;
            screen::Summary summary(pack);
            auto result = screen::run_pipeline(files, pack, o, [&](screen::Row&& r) {
                seen.push_back(r.file);
                CHECK(r.json_line.find("\"file\":\"" + r.file + "\"") != std::string::npos);  // its own report
                summary.add(r);
            });
            CHECK(result.records == static_cast<long>(files.size()));
            CHECK(seen == files);  // one record per example file
            CHECK(result.invalid == 3);  // invalid.yaml twice and the missing file
            CHECK(summary.records == result.records);
        }
    }
}

TEST_CASE("redact_source: a record's file is named by the reference given, everywhere it appears") {
    LoadedRecord loaded;
    loaded.source = SourceRef{"requests/lily-smith.yaml", 2, 40};
    loaded.diagnostics.push_back(Diagnostic{Severity::error, "file.unreadable",
                                            "`requests/lily-smith.yaml` cannot be opened: No such file or directory", "",
                                            "requests/lily-smith.yaml", 0, 0, "check requests/lily-smith.yaml"});
    loaded.diagnostics.push_back(Diagnostic{Severity::warning, "date.future", "a date after the as-of date", "request.date",
                                            "requests/lily-smith.yaml", 12, 3, ""});
    redact_source(loaded, "file 3");
    CHECK(loaded.source.file == "file 3");
    CHECK(loaded.source.document == 2);  // where in the file stays: it names no one
    CHECK(loaded.source.line == 40);
    CHECK(loaded.diagnostics[0].message == "`file 3` cannot be opened: No such file or directory");
    CHECK(loaded.diagnostics[0].fix == "check file 3");
    for (const auto& d : loaded.diagnostics) {
        CHECK(d.file == "file 3");
        CHECK(format_diagnostic(d).find("lily") == std::string::npos);
    }
    CHECK(loaded.diagnostics[1].message == "a date after the as-of date");  // other words untouched

    // A very short name is replaced only where it is quoted, not inside other words.
    LoadedRecord tiny;
    tiny.source = SourceRef{"a.y", 0, 1};
    tiny.diagnostics.push_back(Diagnostic{Severity::error, "file.empty", "`a.y` is empty: a.yes", "", "a.y", 0, 0, ""});
    redact_source(tiny, "file 1");
    CHECK(tiny.diagnostics[0].message == "`file 1` is empty: a.yes");
}
