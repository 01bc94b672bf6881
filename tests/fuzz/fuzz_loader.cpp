// libFuzzer target: arbitrary bytes through the whole pipeline, as `ehcp check` runs it.
// The bytes are a file (a multi-document stream); each document is loaded, checked against
// the Coventry pack as of a fixed date, and rendered in every format. Any crash, sanitizer
// report, leak or hang is a bug: hostile input must only ever give diagnostics.
//
// Build: cmake -S . -B build-fuzz -DEHCP_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ; see scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "ehcp/core/date.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/render/text_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack.hpp"

namespace {

const ehcp::Pack& coventry() {
    static const ehcp::Pack pack = ehcp::load_pack(EHCP_FUZZ_PACK_DIR);
    return pack;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ehcp::Pack& pack = coventry();
    const ehcp::Date as_of(2026, 11, 22);

    ehcp::LoadOptions options;
    options.as_of = as_of;
    options.indicator_ids = pack.indicator_ids();
    // Small limits so the fuzzer reaches them with small inputs too.
    options.max_record_bytes = 2048;
    options.max_file_bytes = 8192;

    std::string bytes(reinterpret_cast<const char*>(data), size);
    // Document files are looked up relative to a folder that does not exist: nothing is touched.
    ehcp::RecordReader reader("fuzz.yaml", std::make_unique<std::istringstream>(bytes),
                              "/nonexistent/ehcp-fuzz", options);
    ehcp::Report report;
    report.pack = pack.info;
    report.as_of = as_of;
    int documents = 0;
    while (auto loaded = reader.next()) {
        if (++documents > 64) break;  // bounded work per input
        report.records.push_back(ehcp::evaluate_record(pack, *loaded, as_of, documents % 2 == 0));
    }
    std::string out = ehcp::render_text(report);
    out += ehcp::dump_json(ehcp::report_to_json(report), 2);
    out += ehcp::render_markdown(report);
    out += ehcp::render_html(report);
    report.redacted = true;
    out += ehcp::render_text(report);
    (void)out;
    return 0;
}
