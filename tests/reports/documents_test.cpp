// The Markdown and HTML reports: escaping, structure, accessibility and self-containment,
// on the bundled examples and on tests/reports/hostile.yaml (invented, with markup in
// every free-text field). Whole outputs are compared in the e2e tests; these tests state
// the properties that must hold for any record.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "ehcp/load/loader.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack.hpp"

#include "../../src/render/report_words.hpp"

using namespace ehcp;
namespace fs = std::filesystem;

namespace {

const Date kAsOf{2026, 11, 22};

Report report_of(const std::vector<std::string>& files, bool redact = false) {
    static const Pack pack = load_pack(fs::path(EHCP_RULES_DIR) / "coventry");
    LoadOptions lo;
    lo.as_of = kAsOf;
    for (const auto& i : pack.indicators) lo.indicator_ids.push_back(i.id);
    Report report;
    report.pack = pack.info;
    report.as_of = kAsOf;
    report.redacted = redact;
    for (const auto& f : files)
        for (const auto& loaded : load_records(f, lo)) report.records.push_back(evaluate_record(pack, loaded, kAsOf, redact));
    return report;
}

std::string example(const std::string& name) { return std::string(EHCP_EXAMPLES_DIR) + "/" + name + ".yaml"; }
std::string hostile() { return std::string(EHCP_TEST_DATA_DIR) + "/reports/hostile.yaml"; }

std::vector<std::string> all_inputs() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(EHCP_EXAMPLES_DIR))
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    files.push_back(hostile());
    return files;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("markdown_escape: only what Markdown would misread") {
    CHECK(markdown_escape("reading gap: 4.5 years") == "reading gap: 4.5 years");
    CHECK(markdown_escape("external_support[0].recommendations[1]") == "external_support[0].recommendations[1]");
    CHECK(markdown_escape("For children in Key Stage 1 [...] two years") == "For children in Key Stage 1 [...] two years");
    CHECK(markdown_escape("-5 points, 3 + 4, a - b, #1 priority") == "-5 points, 3 + 4, a - b, #1 priority");
    CHECK(markdown_escape("£6,000 and ~4 years, x^2") == "£6,000 and ~4 years, x^2");
    CHECK(markdown_escape("a & b, 2 < 3, C:\\dir") == "a & b, 2 < 3, C:\\dir");
    // ...and everything that would change the meaning.
    CHECK(markdown_escape("*Sam* | <b>") == "\\*Sam\\* \\| \\<b>");
    CHECK(markdown_escape("1. first") == "1\\. first");
    CHECK(markdown_escape("2) second") == "2\\) second");
    CHECK(markdown_escape("- item") == "\\- item");
    CHECK(markdown_escape("+ item") == "\\+ item");
    CHECK(markdown_escape("---") == "\\---");
    CHECK(markdown_escape("# heading") == "\\# heading");
    CHECK(markdown_escape("> quote") == "\\> quote");
    CHECK(markdown_escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(markdown_escape("![i](http://x.invalid/p.png)") == "!\\[i\\](http://x.invalid/p.png)");
    CHECK(markdown_escape("[ ] box") == "\\[ \\] box");
    CHECK(markdown_escape("[redacted]") == "[redacted]");
    CHECK(markdown_escape("[ref]: https://x.invalid") == "\\[ref\\]: https://x.invalid");
    CHECK(markdown_escape("~~gone~~") == "\\~\\~gone\\~\\~");
    CHECK(markdown_escape("$x$") == "\\$x\\$");
    CHECK(markdown_escape("_em_ snake_case") == "\\_em\\_ snake_case");
    CHECK(markdown_escape("&amp; &#60;") == "\\&amp; \\&#60;");
    CHECK(markdown_escape("`code`") == "\\`code\\`");
    CHECK(markdown_escape("<https://x.invalid> </b> <!-- c -->") == "\\<https://x.invalid> \\</b> \\<!-- c -->");
    CHECK(markdown_escape("a\\*b") == "a\\\\\\*b");
    // One line, single spaces, trimmed: record text cannot start a block of its own.
    CHECK(markdown_escape("  two\n\n# lines\t here  ") == "two # lines here");
}

TEST_CASE("html_escape: markup, quotes and control characters") {
    CHECK(html_escape("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    CHECK(html_escape("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    CHECK(html_escape("Tom & Jerry's") == "Tom &amp; Jerry&#39;s");
    CHECK(html_escape(std::string("a\x01" "b\x7f")) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(html_escape("tab\tline\n") == "tab\tline\n");
    CHECK(html_escape("£6,000 — Siân") == "£6,000 — Siân");
}

TEST_CASE("HTML: record text is text, whatever it holds") {
    std::string html = render_html(report_of({hostile()}));
    for (std::string raw : {"<script", "<img", "<svg", "<b>", "<i>", "<u>", "<a href=x", "</style><", "<title>QdoctitleZ"})
        CHECK_MESSAGE(count(html, raw) == 0, raw);
    CHECK(count(html, "<title>") == 1);
    CHECK(html.find("Zoe &lt;script&gt;alert(&quot;QnameZ&quot;)&lt;/script&gt; *Qsurname* | Example") != std::string::npos);
    CHECK(html.find("QprovisionZ &lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(html.find("QindicatorevidenceZ &lt;script&gt;alert(3)&lt;/script&gt;") != std::string::npos);
    // The print header is a CSS string, written in <style>: record text cannot end it.
    CHECK(html.find("@page { @top-left { content: \"Pupil L801200909009 · as of 22 November 2026 · rule pack coventry ") !=
          std::string::npos);
}

TEST_CASE("HTML: self-contained, accessible, in order, on every example") {
    for (const auto& file : all_inputs()) {
        CAPTURE(file);
        std::string html = render_html(report_of({file}));
        CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">\n"));
        CHECK(html.ends_with("</html>\n"));
        // Nothing fetched: no scripts, links, images, frames, fonts or imports; a CSP that forbids them.
        for (std::string fetch : {"<script", "<link", "<img", "<iframe", "<object", "<embed", "<svg", "<video", "<audio",
                                  "url(", "@import", "@font-face", " src=\"", "href=\"http", "href=\"//", "href=\"data:"})
            CHECK_MESSAGE(count(html, fetch) == 0, fetch);
        // Links only within the document.
        std::regex href("href=\"([^\"]*)\"");
        for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it)
            CHECK((*it)[1].str().starts_with("#record-"));
        CHECK(html.find("content=\"default-src 'none'; style-src 'unsafe-inline';") != std::string::npos);
        // Headings start at h1 and never skip a level on the way down.
        std::regex heading("<h([1-6])[ >]");
        int previous = 0;
        for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
            int level = (*it)[1].str()[0] - '0';
            CHECK(level <= previous + 1);
            previous = level;
        }
        CHECK(count(html, "<h1") == 1);
        // Every table has header cells.
        std::size_t tables = count(html, "<table");
        bool invalid = html.find("class=\"verdict verdict-invalid\"") != std::string::npos;
        CHECK((tables > 0) != invalid);
        std::istringstream lines(html);
        std::string table, line;
        bool in_table = false;
        while (std::getline(lines, line)) {
            if (line.find("<table") != std::string::npos) in_table = true, table.clear();
            if (in_table) table += line;
            if (line.find("</table>") != std::string::npos) {
                in_table = false;
                CHECK_MESSAGE(table.find("<th") != std::string::npos, table.substr(0, 80));
            }
        }
        // Statuses in words beside their colour.
        std::regex badge("<span class=\"status status-[a-z_]+\">([^<]*)</span>");
        for (auto it = std::sregex_iterator(html.begin(), html.end(), badge); it != std::sregex_iterator(); ++it)
            CHECK_FALSE((*it)[1].str().empty());
        CHECK(html.find("Evidence readiness: <span class=\"tag\">") != std::string::npos);
    }
}

TEST_CASE("HTML: several records give one file, a contents list and a page per record") {
    auto report = report_of({example("ready-ks2"), example("not-ready-two-cycles"), example("invalid")});
    std::string html = render_html(report);
    CHECK(count(html, "<!DOCTYPE html>") == 1);
    CHECK(html.find("<nav class=\"contents\" aria-labelledby=\"contents\">") != std::string::npos);
    for (int i = 1; i <= 3; ++i) {
        CHECK(html.find(fmt::format("<li><a href=\"#record-{}\">", i)) != std::string::npos);
        CHECK(html.find(fmt::format("<article class=\"record record-break\" id=\"record-{}\"", i)) != std::string::npos);
        CHECK(html.find(fmt::format("article#record-{0} {{ page: record-{0}; }}", i)) != std::string::npos);
        CHECK(html.find(fmt::format("@page record-{} {{ @top-left {{ content: \"", i)) != std::string::npos);
    }
    CHECK(html.find("content: \"Pupil B801200005001 · as of 22 November 2026 · rule pack coventry ") != std::string::npos);
    CHECK(html.find("evidence readiness: <span class=\"tag\">INVALID</span>") != std::string::npos);
}

TEST_CASE("Markdown: sections in order, the to-do list first, hostile text inert") {
    std::string md = render_markdown(report_of({example("not-ready-two-cycles")}));
    // The verdict, then (beside it) the readiness rule and the pack's reading of how the criteria
    // combine; the evidence to add, then apart what the records show; then the detail; sources by
    // the published document's title, never a file of this repository; the rights paragraph last.
    std::vector<std::string> order{"# Evidence readiness report: pupil A801200202002",
                                   "**Evidence readiness: NOT READY** — 2 items of evidence to add, and 1 point where the "
                                   "records do not meet the criteria.",
                                   "**The readiness rule:** Ready when the Special Educational Needs and Existing Support",
                                   "*How the five criteria combine into this verdict is this pack's reading:",
                                   "## Evidence to add, in the order to work on it", "1. attach the three most recent",
                                   "2. recommendation ‘Use of a reading pen in class’ from educational psychology implemented "
                                   "but not yet evaluated (External service 1, recommendation 2) (criterion 3)",
                                   "## What the records show against the criteria",
                                   "1. 2 of 3 reviewed cycles with little or no progress: 1 more needed; the cycle started 7 "
                                   "September 2026 is due for review on 4 December 2026 (criterion 3)",
                                   "> This report shows how ready the evidence is, not a decision.", "## Details",
                                   "- Request made by: the school (or setting)", "- As of: 22 November 2026",
                                   "## Criteria",
                                   "| # | Criterion | Status |", "### 1. Attainment and Progress: MET",
                                   "> — Source: Coventry City Council, \"Making a Difference to Children with SEND in Coventry "
                                   "Schools\" (Headteachers' Induction Programme), slide \"1. Attainment and Progress\"",
                                   "*This pack's reading:* The phase comes from the year group.",
                                   "## Indicators of need", "### Cognition and Learning", "## Costed provision",
                                   "| Provision | Area | Basis | Annual cost |", "| **Total** | | | **£427.50** |",
                                   "| Notional SEN budget | | | £6,000.00 |", "## Evidence checklist",
                                   "(source: SEND Code of Practice 2015, 9.14", "## Practice warnings", "## Statutory timeline",
                                   "If the request is received on 20 November 2026. The limits run from the day the council "
                                   "receives the request",
                                   "| Decision whether to assess by | 1 January 2027 | 6 |", "## About this report",
                                   "If the council decides not to carry out an assessment, it must write to say why"};
    std::size_t at = 0;
    for (const auto& want : order) {
        CAPTURE(want);
        auto found = md.find(want, at);
        REQUIRE(found != std::string::npos);
        at = found;
    }
    CHECK(md.find("maths gap: 2.5 years") != std::string::npos);
    CHECK(md.find("004_") == std::string::npos);  // no seed file name reaches a reader
    CHECK(md.ends_with("decisions and appeals.\n"));  // the rights paragraph ends the report

    std::string hostile_md = render_markdown(report_of({hostile()}));
    CHECK(hostile_md.find("Zoe \\<script>alert(\"QnameZ\")\\</script> \\*Qsurname\\* \\| Example") != std::string::npos);
    // Every `<` that could open HTML is escaped; no link or image can form.
    CHECK_FALSE(std::regex_search(hostile_md, std::regex("(^|[^\\\\])<[A-Za-z/!?]")));
    CHECK(hostile_md.find("](") == std::string::npos);
    // Every table row keeps its column count: no record text adds a cell.
    std::istringstream lines(hostile_md);
    std::string line;
    std::size_t columns = 0;
    while (std::getline(lines, line)) {
        if (!line.starts_with("|")) {
            columns = 0;
            continue;
        }
        std::size_t bars = 0;
        for (std::size_t i = 0; i < line.size(); ++i)
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++bars;
        if (columns == 0) columns = bars;
        CHECK_MESSAGE(bars == columns, line);
    }
}

TEST_CASE("Redacted Markdown and HTML show the marker, ids, dates, figures and the setting") {
    auto report = report_of({hostile()}, true);
    for (const auto& out : {render_markdown(report), render_html(report)}) {
        CHECK(out.find("Qname") == std::string::npos);
        CHECK(out.find("QprovisionZ") == std::string::npos);
        CHECK(out.find("QindicatorevidenceZ") == std::string::npos);
        CHECK(out.find("[redacted]") != std::string::npos);
        CHECK(out.find("provision 1") != std::string::npos);
        CHECK(out.find("L801200909009") != std::string::npos);
        CHECK(out.find("Example Primary School") != std::string::npos);
        CHECK(out.find("1 January 2027") != std::string::npos);
    }
}

TEST_CASE("Markdown and HTML: a parent's own request leads with the right to ask and is never called not ready") {
    auto report = report_of({example("parent-request")});
    REQUIRE(report.records.size() == 1);
    REQUIRE(report.records[0].own_request);
    REQUIRE(report.records[0].verdict == Verdict::not_ready);  // scripts still get the verdict
    std::string md = render_markdown(report);
    std::vector<std::string> order{"**Request made by a parent.** A parent, or a young person aged 16 to 25, has the right",
                                   "**Evidence readiness: REQUEST CAN BE MADE** — the evidence does not yet meet Coventry City "
                                   "Council's criteria as this tool reads them;",
                                   "*How the five criteria combine into this verdict is this pack's reading:",
                                   "## Evidence the school or services could add to strengthen the request",
                                   "## What the records show against the criteria",
                                   "attainment: largest current gap 3.5 years of the 4 years needed in reading, writing or maths",
                                   "- Request made by: a parent"};
    std::size_t at = 0;
    for (const auto& want : order) {
        CAPTURE(want);
        auto found = md.find(want, at);
        REQUIRE(found != std::string::npos);
        at = found;
    }
    std::string html = render_html(report);
    CHECK(html.find("<p class=\"own-request\"><strong>Request made by a parent.</strong> A parent, or a young person") !=
          std::string::npos);
    CHECK(html.find("class=\"verdict verdict-own-request\"><strong>Evidence readiness: <span class=\"tag\">REQUEST CAN BE "
                    "MADE</span>") != std::string::npos);
    // The rights paragraph ends the record, after the rest of "About this report".
    auto rights = html.find("<p class=\"rights\">If the council decides not to carry out an assessment");
    REQUIRE(rights != std::string::npos);
    CHECK(rights > html.find("<p>Rule pack: "));
    CHECK(html.find("<p", rights + 1) == std::string::npos);
    for (const auto& out : {md, html}) {
        for (std::string banned : {"NOT READY", "Not ready", "not ready", "gaps to close", "Gaps, in the order"})
            CHECK_MESSAGE(out.find(banned) == std::string::npos, banned);
        CHECK(out.find("verdict-not_ready\"") == std::string::npos);
    }
}

TEST_CASE("Documents: dates as people write them, record paths as labels, quoted record text untouched") {
    using namespace report_words;
    CHECK(long_date(Date{2027, 1, 1}) == "1 January 2027");
    CHECK(long_date(Date{2026, 12, 31}) == "31 December 2026");
    CHECK(path_label("needs.diagnoses[0].impact") == "Diagnosis 1: impact");
    CHECK(path_label("support_cycles[1]") == "Support cycle 2");
    CHECK(path_label("support_cycles[1].progress") == "Support cycle 2: progress");
    CHECK(path_label("support_cycles[].progress") == "Each support cycle: progress");
    CHECK(path_label("external_support[0].recommendations[1]") == "External service 1, recommendation 2");
    CHECK(path_label("external_support[].report_date") == "Each external service: report date");
    CHECK(path_label("request.parental_consent") == "Request: parental consent");
    CHECK(path_label("wellbeing.additional_provision_needed") == "Wellbeing: additional provision needed");
    CHECK(path_label("external_support") == "External support");
    CHECK(path_label("provision[2]") == "Provision item 3");
    // Not a record path: left alone.
    CHECK(path_label("professional_report").empty());
    CHECK(path_label("items[0]").empty());
    CHECK(path_label("support_cycles[x]").empty());
    CHECK(path_label("support_cycles.").empty());

    auto report = report_of({example("not-ready-two-cycles")});
    const auto& r = report.records.at(0);
    // A provision item by its name from the costed lines, unless redacted.
    CHECK(path_label("provision[0]", &r, false) == "Provision item 1 (Phonics catch-up group)");
    CHECK(path_label("provision[0]", &r, true) == "Provision item 1");
    CHECK(plain_words("the cycle started 2026-09-07 is due on 2026-12-04.", r, false) ==
          "the cycle started 7 September 2026 is due on 4 December 2026.");
    CHECK(plain_words("see support_cycles[0].progress.", r, false) == "see Support cycle 1: progress.");
    CHECK(plain_words("(needs.diagnoses[].impact), or a professional_report document", r, false) ==
          "(Each diagnosis: impact), or a professional_report document");
    // The record's own words, in quotes, stay exactly as written.
    CHECK(plain_words("recommendation \u2018review on 2026-01-05 of support_cycles[0]\u2019 (support_cycles[0])", r, false) ==
          "recommendation \u2018review on 2026-01-05 of support_cycles[0]\u2019 (Support cycle 1)");
    // Not dates: a longer number, a range written with digits after it.
    CHECK(plain_words("ref 12026-09-07 and 2026-09-07-1", r, false) == "ref 12026-09-07 and 2026-09-07-1");
}

TEST_CASE("Documents: a criterion the data does not meet is a finding, apart from evidence to add") {
    using namespace report_words;
    auto report = report_of({example("looked-after-child"), example("stale-history"), example("not-ready-two-cycles")});
    REQUIRE(report.records.size() == 3);
    auto kinds = [](const RecordReport& r) {
        std::string out;
        for (const auto& g : r.gaps) out += gap_is_finding(r, g) ? 'F' : 'E';
        return out;
    };
    // Consent to add; attainment 2 of 4 years and 11 of 12 months are what the records show.
    CHECK(kinds(report.records[0]) == "EFF");
    // A measure too old and a review overdue: evidence to add, not findings.
    CHECK(kinds(report.records[1]) == "EE");
    // Reviews to attach and a recommendation to evaluate; 2 of 3 cycles is a finding.
    CHECK(kinds(report.records[2]) == "EEF");
    for (const auto& out : {render_markdown(report), render_html(report)}) {
        for (std::string banned : {"gaps to close", "Gaps, in the order to fix them"})
            CHECK_MESSAGE(out.find(banned) == std::string::npos, banned);
        CHECK(out.find("What the records show against the criteria") != std::string::npos);
    }
}

TEST_CASE("Documents: the loader's warnings only with --with-warnings, and a count without") {
    auto report = report_of({example("not-ready-evidence")});
    REQUIRE(!report.records.at(0).diagnostics.empty());
    std::size_t n = report.records[0].diagnostics.size();
    std::string left_out = fmt::format("{} warning{} about how the record is written", n, n == 1 ? "" : "s");
    for (const auto& out : {render_markdown(report), render_html(report)}) {
        CHECK(out.find(left_out) != std::string::npos);
        CHECK(out.find("ehcp check --with-warnings") != std::string::npos);
        CHECK(out.find(": warning: ") == std::string::npos);  // no loader message
        CHECK(out.find("WARNING</span>") == std::string::npos);
    }
    DocumentOptions with{true};
    std::string md = render_markdown(report, with), html = render_html(report, with);
    CHECK(md.find(left_out) == std::string::npos);
    CHECK(html.find(left_out) == std::string::npos);
    CHECK(md.find("## Warnings about the record") != std::string::npos);
    CHECK(html.find("class=\"diagnostics\"") != std::string::npos);
}
