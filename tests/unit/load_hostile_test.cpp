// Hostile and damaged input to the loader: each defence against yaml-cpp 0.7's
// weaknesses, and every limit, gives a diagnostic with its place, never a crash or a hang.
#include "ehcp/load/loader.hpp"

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "load_support.hpp"

using namespace ehcp;
using namespace ehcp::test;
using namespace std::literals;

TEST_CASE("hostile: a NUL byte is reported where it is, before the parser sees it") {
    auto r = load(with("  name: Al\0ex\n"sv));
    CHECK_FALSE(r.valid());
    auto d = first(r, "text.nul");
    CHECK(d.line == 5);
    CHECK(d.column == 11);
}

TEST_CASE("hostile: invalid UTF-8 is reported with its line and character column") {
    auto r = load(with("  name: Zoë \xA3Sample\n"));
    CHECK_FALSE(r.valid());
    auto d = first(r, "text.encoding");
    CHECK(d.line == 5);
    CHECK(d.column == 13);  // characters, not bytes: ë is one
    CHECK(d.message.find("0xA3") != std::string::npos);
    CHECK(d.message.find("£") != std::string::npos);

    for (std::string bad : {"\xC3(", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF", "\xFF"}) {
        CAPTURE(bad);
        CHECK(first(load(with("  name: " + bad + "\n")), "text.encoding").line == 5);
    }
    // Every valid sequence is fine.
    CHECK(load(with("  name: \"é 学 🙂 \xF4\x8F\xBF\xBF\"\n")).valid());
}

TEST_CASE("hostile: UTF-16 and control characters get plain words") {
    std::string utf16 = "\xFF\xFE" "f\0o\0r\0m\0"s;
    CHECK(first(load(utf16), "text.encoding").message.find("UTF-16") != std::string::npos);
    CHECK(first(load(with("  name: A\x07" "B\n")), "text.control").message.find("U+0007") != std::string::npos);
    auto cr = first(load("format: ehcp-record/1\rpupil: x\r"), "text.control");
    CHECK(cr.message.find("old Mac line endings") != std::string::npos);
}

TEST_CASE("hostile: nesting is limited before the parser recurses") {
    for (std::string open : {"[", "{a: ", "- "}) {
        CAPTURE(open);
        std::string deep = with("needs:\n  description: ");
        for (int i = 0; i < 100000; ++i) deep += open;
        deep += "\n";
        auto r = load(deep);
        CHECK_FALSE(r.valid());
        auto d = first(r, "yaml.too_deep");
        CHECK(d.line == 6);
        CHECK(d.message.find("more than 64 levels") != std::string::npos);
    }
    std::string block = "format: ehcp-record/1\npupil:\n";
    for (int i = 1; i <= 80; ++i) block += std::string(static_cast<std::size_t>(i + 1), ' ') + "a:\n";
    CHECK(first(load(block), "yaml.too_deep").line == 66);

    LoadOptions o = options();
    o.max_depth = 2;
    CHECK(first(load(with("needs: {a: [b]}\n"), o), "yaml.too_deep").column == 12);
}

TEST_CASE("hostile: a value longer than the limit is an error that does not echo it whole") {
    std::string long_name(70000, 'x');
    auto r = load(with("  name: " + long_name + "\n"));
    CHECK_FALSE(r.valid());
    auto d = first(r, "value.too_long");
    CHECK(d.path == "pupil.name");
    CHECK(d.line == 5);
    CHECK(d.message.size() < 300);

    auto date = first(load(with("  setting: x\nrequest: {date: " + std::string(500, '9') + "}\n")), "value.too_long");
    CHECK(date.path == "request.date");

    LoadOptions o = options();
    o.max_value_bytes = 13;  // `ehcp-record/1` and the id are 13 bytes
    auto short_limit = load(with("  name: Alexander Sample\n"), o);
    CHECK(short_limit.diagnostics.size() == 1);
    CHECK(first(short_limit, "value.too_long").path == "pupil.name");
}

TEST_CASE("hostile: a huge key is clipped in messages; many keys cost no quadratic time") {
    auto r = load(with(std::string(1000, 'k') + ": 1\n"));
    auto d = first(r, "field.unknown");
    CHECK(d.message.size() < 400);
    CHECK(d.path.size() < 200);
    // Past YAML's 1024-character limit on a key, the parser's complaint is put in words.
    auto over = load(with(std::string(100000, 'k') + ": 1\n"));
    CHECK(first(over, "yaml.syntax").message ==
          "YAML syntax error: a key of 100000 characters; YAML allows a key of at most 1024 before its `:`");

    // 50,000 keys in one map: duplicates are found through a hash, not by comparing pairs.
    std::string many(kHead);
    many += "needs:\n";
    for (int i = 0; i < 50000; ++i) many += "  k" + std::to_string(i % 25000) + ": 1\n";
    auto m = load(many);
    CHECK_FALSE(m.valid());
    // 25,000 duplicates and 25,000 unknown keys: only the first 200 problems are kept, then one line counts the rest.
    CHECK(m.diagnostics.size() == 201);
    CHECK(m.diagnostics.back().code == "diagnostics.limit");
    CHECK(m.diagnostics.back().severity == Severity::error);
    CHECK(m.diagnostics.back().message.find("49800 more problems") != std::string::npos);
}

TEST_CASE("hostile: a second record pasted without --- is named as such") {
    auto r = load(with("format: ehcp-record/1\npupil:\n  id: X\n"));
    CHECK_FALSE(r.valid());
    auto d = first(r, "key.duplicate");
    CHECK(d.line == 5);
    CHECK(d.fix.find("put a `---` line before it") != std::string::npos);
}

TEST_CASE("hostile: an alias bomb costs no time or memory") {
    std::string bomb = "format: ehcp-record/1\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i < 12; ++i) {
        std::string prev = "*l" + std::to_string(i - 1);
        bomb += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) bomb += (k ? ", " : "") + prev;
        bomb += "]\n";
    }
    bomb += "pupil:\n  id: X\n  name: *l11\n  date_of_birth: 2016-05-14\nneeds: {secondary: *l11}\nprovision: *l11\n";
    auto r = load(bomb);  // 10^12 leaves if expanded
    CHECK_FALSE(r.valid());
    CHECK(first(r, "type.string").path == "pupil.name");
    CHECK(first(r, "type.map").path == "provision[0]");
}

TEST_CASE("hostile: dates of birth that cannot be right") {
    auto future = load("format: ehcp-record/1\npupil:\n  id: X\n  date_of_birth: 2027-01-01\n");
    CHECK_FALSE(future.valid());
    auto d = first(future, "date.future");
    CHECK(d.line == 4);
    CHECK(d.message == "date_of_birth 2027-01-01 is after the as-of date 2026-11-22: the pupil is not born yet");

    auto baby = load("format: ehcp-record/1\npupil:\n  id: X\n  date_of_birth: 2026-01-10\n");
    CHECK(baby.valid());
    CHECK(first(baby, "pupil.year_group_range").severity == Severity::warning);

    auto old = load("format: ehcp-record/1\npupil:\n  id: X\n  date_of_birth: 1961-05-14\n");
    CHECK(old.valid());
    CHECK(first(old, "pupil.year_group_range").message.find("year group 61 derived") != std::string::npos);

    // A given year group in range silences the derived-range warning; out of range is an error.
    auto given = load("format: ehcp-record/1\npupil:\n  id: X\n  date_of_birth: 2005-01-10\n  year_group: 14\n");
    CHECK(given.valid());
    CHECK(first(load("format: ehcp-record/1\npupil:\n  id: X\n  date_of_birth: 2016-05-14\n  year_group: 15\n"),
                "number.range").path == "pupil.year_group");
}

TEST_CASE("hostile: a stream holding `,` gives one error, never endless empty documents") {
    // yaml-cpp's LoadAll(",") appends null documents until memory runs out (upstream #1040).
    auto r = load(",\n");
    CHECK_FALSE(r.valid());
    CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("hostile: the splitter clears only safe text for the parser; unsafe text is still reported") {
    std::string stream = "---\n" + with("  name: Alex\n") +                   // safe
                         "---\n" + with("  name: Al\0ex\n"sv) +                 // NUL
                         "---\n" + with("  name: 'Alex\nrequest:\n  date: 2026-11-01\n") +  // unclosed quote
                         "---\n" + with("needs: " + std::string(100, '[') + "\n");          // too deep
    RecordReader reader("batch.yaml", std::make_unique<std::istringstream>(stream), ".", options());
    std::vector<bool> checked;
    std::vector<std::string> first_error;
    while (auto p = reader.next_pending()) {
        checked.push_back(p->text_checked);
        auto loaded = parse_pending(std::move(*p), options());
        std::string code;
        for (const auto& d : loaded.diagnostics)
            if (d.severity == Severity::error) {
                code = d.code;
                break;
            }
        first_error.push_back(code);
    }
    CHECK(checked == std::vector<bool>{true, false, false, false});
    CHECK(first_error == std::vector<std::string>{"", "text.nul", "yaml.unclosed_quote", "yaml.too_deep"});
}

TEST_CASE("hostile: aliases that re-read one large map end in one error, not hours of reading") {
    // 2,000 aliases of a 2,000-key map: 4 million entries to read, from a 30 KB text.
    std::string fan = "format: ehcp-record/1\nx: &m {";
    for (int k = 0; k < 2000; ++k) fan += (k ? ", k" : "k") + std::to_string(k) + ": 1";
    fan += "}\nattainment: [";
    for (int i = 0; i < 2000; ++i) fan += i ? ", *m" : "*m";
    fan += "]\n";
    auto r = load(fan);
    CHECK_FALSE(r.valid());
    const auto& d = first(r, "yaml.alias_reuse");
    CHECK(d.line == 2);  // the map that is read over and over
    CHECK(d.fix.find("write the values out") != std::string::npos);

    // A few small aliases are fine: no such error.
    auto small = load(with("needs:\n  primary: &a cognition_and_learning\n  secondary: [*a]\n"));
    CHECK(std::none_of(small.diagnostics.begin(), small.diagnostics.end(),
                       [](const Diagnostic& x) { return x.code == "yaml.alias_reuse"; }));
}

TEST_CASE("hostile: columns on a very long line are counted in characters, in one pass") {
    // 20,000 unknown keys on one line after a non-ASCII value: each warning's column
    // counts the two-byte characters once.
    std::string wide = with("  name: Zoë Éclair\nneeds: {");
    for (int k = 0; k < 20000; ++k) wide += (k ? ", é" : "é") + std::to_string(k) + ": 1";
    wide += "}\n";
    auto r = load(wide);
    std::vector<const Diagnostic*> unknown;
    for (const auto& d : r.diagnostics)
        if (d.code == "field.unknown") unknown.push_back(&d);
    REQUIRE(unknown.size() >= 2);
    CHECK(unknown[0]->line == 6);
    CHECK(unknown[0]->column == 9);   // `needs: {` is 8 characters
    CHECK(unknown[1]->column == 16);  // after `é0: 1, `: 7 characters (8 bytes)
    REQUIRE(unknown.size() > 150);
    CHECK(unknown[150]->column == 9 + 7 * 10 + 8 * 90 + 9 * 50);  // keys é0-é9, é10-é99, é100-é149 before it
}

TEST_CASE("hostile: a %TAG prefix is not copied for every value") {
    std::string tagged = "%TAG !e! tag:" + std::string(100000, 'x') + ":\n---\n" + with("needs:\n  secondary: [");
    for (int i = 0; i < 2000; ++i) tagged += i ? ", !e!a x" : "!e!a x";
    tagged += "]\n";
    auto r = load(tagged);  // 200 MB if each value kept its tag's text
    CHECK(r.diagnostics.size() > 0);
    // `!!str` marks text as much as quotes do: a number written so is read with a warning.
    auto str = load(with("attendance:\n  percent: !!str 95\n"));
    CHECK(first(str, "type.quoted").message == "quoted number \"95\" read as 95");
}

TEST_CASE("hostile: positions asked out of order on a long line are exact (checkpoints)") {
    // One flow line: a long non-ASCII setting first, then keys the mapping reads in another
    // order (id, date_of_birth, year_group): each value's position is asked after a later
    // one, which scanned from the line's start each time (quadratic: a 3 MB minified
    // record took a minute). Columns must still count characters, not bytes.
    std::string setting(9000, 'x');
    for (int i = 0; i < 3000; ++i) setting += "\xC3\xA9";  // é: 2 bytes, 1 character
    std::string line = "pupil: {setting: " + setting + ", date_of_birth: 14/05/2016, id: T-1, year_group: 99}";
    auto r = load("format: ehcp-record/1\n" + line + "\n");
    const int before_dob = 8 + 9 + 9000 + 3000 + 2;  // "pupil: {" "setting: " x... é... ", "
    auto dob = only(r, "date.format");
    CHECK(dob.line == 2);
    CHECK(dob.column == before_dob + 16);  // after "date_of_birth: "
    auto year = only(r, "number.range");
    CHECK(year.column == before_dob + 15 + 10 + 2 + 4 + 3 + 2 + 12 + 1);  // after "14/05/2016, id: T-1, year_group: "
}
