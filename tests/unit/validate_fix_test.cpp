// `validate --fix`: the exact replacements the loader attaches to its diagnostics
// (Diagnostic::edit), one kind at a time with its boundaries, and how they are applied.
#include <doctest/doctest.h>

#include "ehcp/load/scalar_text.hpp"
#include "ehcp/load/suggest.hpp"
#include "ehcp/load/text_edits.hpp"
#include "load_support.hpp"

using namespace ehcp;
using namespace ehcp::test;

namespace {

// The record `rest` (after kHead) loaded, then every edit applied: the fixed text.
std::string fixed(std::string_view rest) {
    std::string text = with(rest);
    auto r = load(text);
    std::vector<TextEdit> edits;
    for (const auto& d : r.diagnostics)
        if (d.edit) edits.push_back(*d.edit);
    return apply_edits(text, edits).text;
}

std::string replacement(std::string_view date) { return read_date_text(date).problem.replacement; }

}  // namespace

TEST_CASE("fix: slash dates are day/month/year; no replacement without one certain date") {
    CHECK(replacement("14/05/2016") == "2016-05-14");
    CHECK(replacement("1/2/2026") == "2026-02-01");  // 1 February, never 2 January
    CHECK(replacement("14 May 2016") == "2016-05-14");
    CHECK(replacement("2016-05-14T09:30") == "2016-05-14");
    CHECK(replacement("31/02/2026").empty());  // no such day either way round
    CHECK(read_date_text("31/02/2026").problem.code == "date.format");
    CHECK(replacement("5/1/26").empty());         // the century is a guess
    CHECK(replacement("05/14/2016").empty());     // month first: US order, a person decides
    CHECK(read_date_text("05/14/2016").problem.fix == "use 2016-05-14");  // still suggested
    CHECK(replacement("2025-02-30").empty());     // impossible ISO date
}

TEST_CASE("fix: yes/no words become true/false") {
    for (auto yes : {"Yes", "yes", "Y", "y", "YES", "on"}) CHECK(read_bool_text(yes).problem.replacement == "true");
    for (auto no : {"No", "N", "n", "off"}) CHECK(read_bool_text(no).problem.replacement == "false");
    CHECK(read_bool_text("maybe").problem.replacement.empty());
    CHECK(read_bool_text("Yes").problem.message ==
          "`Yes` is not how this field says yes or no: it takes true (yes) or false (no)");
}

TEST_CASE("fix: money keeps its digits; a fraction of a penny is not fixed") {
    CHECK(read_number_text("£19.50", NumberKind::money).problem.replacement == "19.50");
    CHECK(read_number_text("£1,250", NumberKind::money).problem.replacement == "1250");
    CHECK(read_number_text("£ 1,250.00", NumberKind::money).problem.replacement == "1250.00");
    CHECK(read_number_text("£1,250.505", NumberKind::money).problem.replacement.empty());
    CHECK(read_number_text("£1,25", NumberKind::money).problem.replacement.empty());  // commas not in threes
    CHECK(read_number_text("£1,250.50", NumberKind::money).problem.replacement == "1250.50");
}

TEST_CASE("fix: percentages drop the sign only when the value is in range") {
    CHECK(read_number_text("91%").problem.replacement == "91");
    CHECK(fixed("attendance: {percent: 100%}\n").find("percent: 100}") != std::string::npos);
    CHECK(fixed("attendance: {percent: 91.5 %}\n").find("percent: 91.5}") != std::string::npos);
    // 101% is out of range: left for a person.
    CHECK(fixed("attendance: {percent: 101%}\n").find("percent: 101%}") != std::string::npos);
    // A % sign in a field that is not a percentage is not dropped.
    CHECK(fixed("provision:\n  - {name: A, delivered_by: teacher, session_minutes: 20%}\n").find("20%") !=
          std::string::npos);
}

TEST_CASE("fix: words map to the one allowed word, never to one of two") {
    std::vector<std::string_view> progress{"none", "little", "some", "expected", "good"};
    CHECK(only_close_name("Little", progress)->name == "little");
    CHECK_FALSE(only_close_name("sone", progress));  // some? none?
    std::vector<std::string_view> areas{"communication_and_interaction", "cognition_and_learning",
                                        "social_emotional_mental_health", "sensory_and_physical"};
    CHECK(only_close_name("Social, Emotional and Mental Health", areas)->name == "social_emotional_mental_health");
    CHECK(only_close_name("Cognition and Learning", areas)->name == "cognition_and_learning");

    std::string out = fixed(
        "  sen_status: SEN Support\n"
        "request:\n  date: 2026-11-20\n  made_by: School\n  parental_consent: true\n"
        "needs:\n  primary: Cognition and Learning\n"
        "attainment:\n  - {area: Maths, date: 2026-10-01, working_at_year: 3}\n"
        "support_cycles:\n  - {start: 2025-09-15, review: 2025-12-05, progress: sone}\n"
        "provision:\n  - {name: A, delivered_by: teaching assistant}\n");
    CHECK(out.find("sen_status: sen_support\n") != std::string::npos);
    CHECK(out.find("made_by: school\n") != std::string::npos);
    CHECK(out.find("primary: cognition_and_learning\n") != std::string::npos);
    CHECK(out.find("{area: maths,") != std::string::npos);
    CHECK(out.find("progress: sone}") != std::string::npos);
    CHECK(out.find("delivered_by: teaching_assistant}") != std::string::npos);
}

TEST_CASE("fix: the edit covers the value as written, quotes included, and nothing else") {
    auto r = load(with("  name: Sam\n  setting: S\n  looked_after: \"Yes\"   # a comment\n"
                       "request: {date: \"20/11/2026\", made_by: school, parental_consent: true}\n"
                       "needs: {primary: cognition_and_learning}\n"));
    const auto& bool_fix = first(r, "type.bool");
    REQUIRE(bool_fix.edit);
    CHECK(bool_fix.edit->line == 7);
    CHECK(bool_fix.edit->byte == 16);
    CHECK(bool_fix.edit->old_text == "\"Yes\"");
    CHECK(bool_fix.edit->new_text == "true");
    const auto& date_fix = first(r, "date.format");
    REQUIRE(date_fix.edit);
    CHECK(date_fix.edit->old_text == "\"20/11/2026\"");
    CHECK(date_fix.edit->new_text == "2026-11-20");
    // A value with an escape or over two lines gets a suggestion but no edit.
    auto folded = load(with("  name: Sam\n  setting: S\n  looked_after: \"Y\\x65s\"\n"));
    CHECK_FALSE(first(folded, "type.bool").edit);
}

TEST_CASE("fix: apply_edits works backwards, keeps CRLF and a BOM, checks the old text") {
    std::string text = "\xEF\xBB\xBF" "a: 14/05/2016\r\nb: Yes # keep\r\n";
    std::vector<TextEdit> edits{{1, 3, "14/05/2016", "2016-05-14"}, {2, 3, "Yes", "true"}, {2, 3, "Yes", "true"},
                                {2, 0, "c", "d"}};
    auto r = apply_edits(text, edits);
    CHECK(r.text == "\xEF\xBB\xBF" "a: 2016-05-14\r\nb: true # keep\r\n");
    CHECK(r.applied == 2);
    CHECK(r.outcomes[0].column == 4);
    CHECK_FALSE(r.outcomes[2].applied);  // the same change twice is made once
    CHECK_FALSE(r.outcomes[3].applied);  // `c` is not there
    CHECK(r.outcomes[3].reason == "`c` is not at line 2 any more");
    // Idempotent: the fixed text has nothing left to change.
    CHECK(apply_edits(r.text, {{1, 3, "14/05/2016", "2016-05-14"}}).applied == 0);
}

TEST_CASE("fix: unified diff of changed lines with three lines of context") {
    std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    std::string b = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
    CHECK(unified_diff(a, b, "f.yaml") ==
          "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
          "@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
    CHECK(unified_diff(a, a, "f.yaml").empty());
    CHECK(unified_diff("a: 1", "a: 2", "f") == "--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n\\ No newline at end of file\n");
}

TEST_CASE("fix: a tab in indentation is reported with its fix, and reading goes on") {
    auto r = load(with("  name: Sam\n\tsetting: S\n  looked_after: Yes\n"
                       "request: {date: 2026-11-20, made_by: school, parental_consent: true}\n"
                       "needs: {primary: cognition_and_learning}\n"));
    const auto& tab = first(r, "yaml.tab");
    REQUIRE(tab.edit);
    CHECK(tab.line == 6);
    CHECK(tab.edit->old_text == "\t");
    CHECK(tab.edit->new_text == "  ");
    // The problem after it is found too, at its own column in the file as written.
    const auto& yes = first(r, "type.bool");
    CHECK(yes.line == 7);
    CHECK(yes.column == 17);
    // A comment indented with a tab belongs to no key: lined up with the next line.
    auto comment = load(with("  name: Sam\n\t# a note\n  setting: S\n  looked_after: Yes\n"));
    const auto& c = first(comment, "yaml.tab");
    REQUIRE(c.edit);
    CHECK(c.line == 6);
    CHECK(c.edit->new_text == "  ");
    CHECK(first(comment, "type.bool").line == 8);
    // A line of nothing but a tab (found by a random-mutation run: it once threw).
    auto blank = load(with("  name: Sam\n\t\n  setting: S\n  looked_after: Yes\n"));
    for (const auto& d : blank.diagnostics) CHECK(d.code != "load.internal");
    if (blank.diagnostics.front().code == "yaml.tab") {
        REQUIRE(blank.diagnostics.front().edit);
        CHECK(blank.diagnostics.front().edit->new_text.empty());
        CHECK(blank.diagnostics.front().fix == "remove the tab");
    }
    // Ambiguous: a tab-indented last line could belong to `pupil` or to the top level.
    auto last = load("format: ehcp-record/1\npupil:\n  id: X\n  name: Sam\n\tsetting: S\n");
    const auto& t = first(last, "yaml.tab");
    CHECK_FALSE(t.edit);
}

TEST_CASE("fix: reading on past tabs is bounded for hostile text") {
    // Indentation deeper than any record's: no width is tried, the tab stays an error.
    std::string deep = "format: ehcp-record/1\npupil:\n" + std::string(5000, ' ') + "a: b\n\tc: d\n";
    auto r = load(deep);
    CHECK_FALSE(first(r, "yaml.tab").edit);
    // Thousands of tab runs: the parse budget runs out, and the loader still answers.
    std::string many = "format: ehcp-record/1\npupil:\n";
    for (int i = 0; i < 3000; ++i) many += "  k" + std::to_string(i) + ": v\n\tt" + std::to_string(i) + ": v\n";
    auto m = load(many);
    CHECK_FALSE(m.valid());
    CHECK(std::count_if(m.diagnostics.begin(), m.diagnostics.end(),
                        [](const Diagnostic& d) { return d.code == "yaml.tab" && !d.edit; }) == 1);
}

TEST_CASE("fix: a CRLF record read by the loader is fixed with its line endings kept") {
    std::string text = with("  name: Sam\r\n  setting: S\r\n  looked_after: Yes\r\n"
                            "request: {date: 20/11/2026, made_by: School, parental_consent: true}\r\n"
                            "needs: {primary: cognition_and_learning}\r\n");
    // kHead's own lines end in LF: make every line CRLF.
    std::string crlf;
    for (char c : text) {
        if (c == '\n' && (crlf.empty() || crlf.back() != '\r')) crlf += '\r';
        crlf += c;
    }
    auto r = load(crlf);
    std::vector<TextEdit> edits;
    for (const auto& d : r.diagnostics)
        if (d.edit) edits.push_back(*d.edit);
    CHECK(edits.size() == 3);
    auto result = apply_edits(crlf, edits);
    CHECK(result.applied == 3);
    CHECK(result.text.find("  looked_after: true\r\n") != std::string::npos);
    CHECK(result.text.find("{date: 2026-11-20, made_by: school, parental_consent: true}\r\n") != std::string::npos);
    CHECK(load(result.text).valid());
}

TEST_CASE("fix: a misspelt key is renamed only when one key is that near; a spreadsheet serial is a date") {
    auto r = load(with("  name: Sam\n  setting: S\nrequest: {date: 2026-11-20, madeby: school, parental_consent: true}\n"
                       "needs: {primary: cognition_and_learning}\n"));
    const auto& key = first(r, "field.misspelt");
    REQUIRE(key.edit);
    CHECK(key.edit->old_text == "madeby");
    CHECK(key.edit->new_text == "made_by");
    CHECK(replacement("42500") == "2016-05-10");  // Excel's serial for 10 May 2016
    CHECK(replacement("2016").empty());           // only a year
}
