// libFuzzer target: rule packs are untrusted input too. The first byte of an input picks
// one of the Coventry pack's five files; the rest replaces that file's text in a private
// copy of the pack. The pack is loaded (a bad pack must give a PackError with its place,
// never a crash or a hang), and when it loads, a complete record is checked against it and
// rendered in every format, so fuzzed thresholds, texts and rules run through the engine.
//
// Build: cmake -S . -B build-fuzz -DEHCP_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ; see scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "ehcp/core/date.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/render/text_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kParts[] = {"pack.yaml", "criteria.yaml", "indicators.yaml", "evidence.yaml", "practice.yaml"};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

// A private copy of the pack (without its test cases), made once.
const fs::path& pack_copy() {
    static const fs::path dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "ehcp-fuzz-pack-XXXXXX").string();
        char* made = mkdtemp(tmpl.data());
        if (!made) std::abort();
        fs::path d(made);
        for (const char* part : kParts) fs::copy_file(fs::path(EHCP_FUZZ_PACK_DIR) / part, d / part);
        fs::create_directory(d / "tests");
        return d;
    }();
    return dir;
}

const std::string& record_text() {
    static const std::string text = read_all(EHCP_FUZZ_RECORD);
    return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > 65536) return 0;
    const fs::path& dir = pack_copy();
    const fs::path part = dir / kParts[data[0] % std::size(kParts)];
    const std::string original = read_all(fs::path(EHCP_FUZZ_PACK_DIR) / part.filename());
    write_all(part, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    try {
        ehcp::Pack pack = ehcp::load_pack(dir);
        const ehcp::Date as_of(2026, 11, 22);
        ehcp::LoadOptions options;
        options.as_of = as_of;
        options.indicator_ids = pack.indicator_ids();
        auto loaded = ehcp::load_record_text(record_text(), ehcp::SourceRef{"fuzz.yaml", 0, 1}, "/nonexistent/ehcp-fuzz", options);
        ehcp::Report report;
        report.pack = pack.info;
        report.as_of = as_of;
        report.records.push_back(ehcp::evaluate_record(pack, loaded, as_of, false));
        std::string out = ehcp::render_text(report);
        out += ehcp::dump_json(ehcp::report_to_json(report), 2);
        out += ehcp::render_markdown(report);
        out += ehcp::render_html(report);
        (void)out;
    } catch (const ehcp::PackError&) {
        // A bad pack is reported with its place: the expected outcome for most inputs.
    }
    write_all(part, original);
    return 0;
}
