// What the loader tests share: the options they load with, one record loaded from text,
// the head every test record starts with, and finding a diagnostic by its code.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "ehcp/load/loader.hpp"

namespace ehcp::test {

inline LoadOptions options() {
    LoadOptions o;
    o.as_of = Date{2026, 11, 22};
    o.indicator_ids = {"cl1", "cl2", "ci1", "semh1"};
    return o;
}

inline LoadedRecord load(std::string_view yaml, const LoadOptions& o = options(), const std::string& base_dir = ".") {
    return load_record_text(yaml, SourceRef{"rec.yaml", 0, 1}, base_dir, o);
}

inline std::string all_diagnostics(const LoadedRecord& r) {
    std::string all;
    for (const auto& d : r.diagnostics) all += format_diagnostic(d) + "\n";
    return all;
}

// The first diagnostic with `code`; fails the test when there is none.
inline const Diagnostic& first(const LoadedRecord& r, std::string_view code) {
    auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
    INFO("looking for ", code, " in:\n", all_diagnostics(r));
    REQUIRE(it != r.diagnostics.end());
    return *it;
}

// The one diagnostic with `code`; fails the test when there is not exactly one.
inline Diagnostic only(const LoadedRecord& r, std::string_view code) {
    auto n = std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
    INFO("looking for ", code, " in:\n", all_diagnostics(r));
    REQUIRE(n == 1);
    return first(r, code);
}

// Lines 1-4; a test's own lines start at line 5.
inline constexpr std::string_view kHead =
    "format: ehcp-record/1\n"
    "pupil:\n"
    "  id: B801200005001\n"
    "  date_of_birth: 2016-05-14\n";

inline std::string with(std::string_view rest) { return std::string(kHead) + std::string(rest); }

}  // namespace ehcp::test
