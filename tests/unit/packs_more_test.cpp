// The legal-test and Surrey packs' format needs (request_always_possible, criteria_name),
// `rules new` (the scaffold) and `rules diff`, from both sides of each rule.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "../../src/cli/pack_diff.hpp"
#include "../../src/cli/pack_scaffold.hpp"
#include "ehcp/cli/exit_codes.hpp"
#include "ehcp/render/format.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/render/text_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack_tests.hpp"

using namespace ehcp;
namespace fs = std::filesystem;

namespace {

Pack pack(const std::string& name) { return load_pack(fs::path(EHCP_RULES_DIR) / name); }

Report check(const Pack& p, const std::string& example) {
    LoadOptions lo;
    lo.as_of = *Date::parse_iso("2026-11-22");
    auto records = load_records((fs::path(EHCP_EXAMPLES_DIR) / example).string(), lo);
    REQUIRE(records.size() == 1);
    Report report;
    report.pack = p.info;
    report.as_of = lo.as_of;
    report.records.push_back(evaluate_record(p, records.front(), lo.as_of));
    return report;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Collapses the text report's wrapping so that phrases can be looked for whole.
std::string unwrapped(const std::string& text) {
    std::istringstream in(text);
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

fs::path temp_dir(const std::string& name) {
    auto dir = fs::temp_directory_path() / fs::path("ehcp-packs-more-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("legal test: a school's not_ready request is worded 'REQUEST CAN BE MADE' in every human format") {
    Pack legal = pack("legal-test");
    CHECK(legal.info.request_always_possible);
    CHECK(legal.info.criteria_name == "the legal test in section 36(8)");
    auto report = check(legal, "legal-test-progress-with-support.yaml");
    const auto& r = report.records.front();
    REQUIRE(r.verdict == Verdict::not_ready);
    CHECK(r.made_by == RequestMaker::school);
    CHECK_FALSE(r.own_request);
    CHECK(r.request_always_possible);
    CHECK(verdict_tag(r) == "REQUEST CAN BE MADE");

    auto text = unwrapped(render_text(report, TextOptions{false, 80}));
    CHECK(contains(text, "Evidence readiness: REQUEST CAN BE MADE — the evidence does not yet meet the legal test in "
                         "section 36(8) as this tool reads it; 3 items of evidence below would strengthen the request"));
    CHECK(contains(text, "Evidence that would strengthen the request:"));
    for (const auto& out : {text, render_markdown(report), render_html(report)})
        for (const std::string banned : {"NOT READY", "not ready", "Not ready", "gaps to close", "before submitting",
                                         "Gaps, in the order", "local authority's criteria"})
            CHECK_MESSAGE(!contains(out, banned), banned);
    CHECK(contains(render_html(report), "verdict-own-request"));
    // Scripts keep the verdict code, and learn that the pack never holds a request back.
    auto j = report_to_json(report, ToolInfo{"ehcp", "test"});
    CHECK(j["records"][0]["verdict"] == "not_ready");
    CHECK(j["records"][0]["request"]["own_request"] == false);
    CHECK(j["pack"]["request_always_possible"] == true);
}

TEST_CASE("legal test: a ready record names the legal test, not an authority's criteria") {
    auto report = check(pack("legal-test"), "surrey-two-cycles.yaml");
    REQUIRE(report.records.front().verdict == Verdict::ready);
    CHECK(contains(unwrapped(render_text(report, TextOptions{false, 80})),
                   "Evidence readiness: READY — the evidence meets the legal test in section 36(8) as this tool reads it"));
}

TEST_CASE("without request_always_possible a school's not_ready request is 'NOT READY' with evidence to add") {
    Pack surrey = pack("surrey");
    CHECK_FALSE(surrey.info.request_always_possible);
    CHECK(surrey.info.criteria_name.empty());
    auto report = check(surrey, "legal-test-progress-with-support.yaml");
    const auto& r = report.records.front();
    REQUIRE(r.verdict == Verdict::not_ready);
    CHECK(verdict_tag(r) == "NOT READY");
    auto text = unwrapped(render_text(report, TextOptions{false, 80}));
    CHECK(contains(text, "NOT READY — 1 item of evidence to add, and 1 point where the records do not meet the criteria"));
    CHECK(contains(text, "Evidence to add, in the order to work on it"));
    CHECK(report_to_json(report, ToolInfo{"ehcp", "test"})["pack"]["request_always_possible"] == false);
}

TEST_CASE("Surrey: the costed provision is shown and never gates, on either side of £6,000") {
    Pack surrey = pack("surrey");
    auto report = check(surrey, "surrey-two-cycles.yaml");
    const auto& r = report.records.front();
    CHECK(r.verdict == Verdict::ready);
    auto cost = std::find_if(r.criteria.begin(), r.criteria.end(), [](const CriterionResult& c) { return c.id == "costed-provision"; });
    REQUIRE(cost != r.criteria.end());
    CHECK(cost->status == Status::not_met);  // £2,520 of £6,000: shown
    CHECK(r.gaps.empty());                    // and never a gap
    for (const auto& t : run_pack_tests(surrey)) CHECK_MESSAGE(t.failures.empty(), t.name);
}

TEST_CASE("pack.yaml: request_always_possible is true or false, nothing else") {
    auto dir = temp_dir("flag");
    fs::copy(fs::path(EHCP_RULES_DIR) / "surrey", dir / "p", fs::copy_options::recursive);
    {
        std::ofstream out(dir / "p" / "pack.yaml", std::ios::app);
        out << "request_always_possible: yes\n";
    }
    try {
        load_pack(dir / "p");
        FAIL("a pack with `request_always_possible: yes` loaded");
    } catch (const PackError& e) {
        REQUIRE(e.diagnostics.size() == 1);
        CHECK(contains(e.diagnostics[0].message, "`request_always_possible` must be true or false"));
    }
    fs::remove_all(dir);
}

TEST_CASE("rules new: pack names") {
    using cli::valid_pack_name;
    CHECK(valid_pack_name("example-county"));
    CHECK(valid_pack_name("a"));
    CHECK(valid_pack_name("la-2"));
    CHECK(valid_pack_name(std::string(40, 'a')));
    CHECK_FALSE(valid_pack_name(std::string(41, 'a')));
    CHECK_FALSE(valid_pack_name(""));
    CHECK_FALSE(valid_pack_name("2county"));
    CHECK_FALSE(valid_pack_name("-county"));
    CHECK_FALSE(valid_pack_name("county-"));
    CHECK_FALSE(valid_pack_name("Example"));
    CHECK_FALSE(valid_pack_name("example_county"));
    CHECK_FALSE(valid_pack_name("../x"));
    CHECK_FALSE(valid_pack_name("a/b"));
}

TEST_CASE("rules new: the scaffold loads, its test passes, it lists what to fill in, and it is never overwritten") {
    auto dir = temp_dir("new");
    auto files = cli::scaffold_pack("example-county", dir);
    CHECK(files.size() == 7);
    Pack made = load_pack(dir / "example-county");
    CHECK(made.info.id == "example-county");
    auto results = run_pack_tests(made);
    REQUIRE(results.size() == 1);
    CHECK(results[0].failures.empty());
    auto todo = cli::still_to_fill_in(dir / "example-county");
    CHECK(todo.size() == 14);
    for (const auto& t : todo) CHECK_MESSAGE((contains(t, "FILL IN") || contains(t, "FILL-IN")), t);
    // A second time: refused, and the pack is as it was.
    try {
        cli::scaffold_pack("example-county", dir);
        FAIL("rules new wrote over an existing pack");
    } catch (const cli::UsageError& e) {
        CHECK(e.status == exit_code::cannot_create);
    }
    CHECK(load_pack(dir / "example-county").info.id == "example-county");
    // An empty folder of that name, or a file, is refused too.
    fs::create_directory(dir / "empty");
    CHECK_THROWS_AS(cli::scaffold_pack("empty", dir), cli::UsageError);
    std::ofstream(dir / "file") << "x";
    CHECK_THROWS_AS(cli::scaffold_pack("file", dir), cli::UsageError);
    CHECK(fs::is_empty(dir / "empty"));
    fs::remove_all(dir);
}

TEST_CASE("still_to_fill_in: a comment saying FILL IN is not a place to fill in; a value is") {
    auto dir = temp_dir("todo");
    std::ofstream(dir / "pack.yaml") << "# FILL IN every text\nid: x\ntitle: \"FILL IN: a title\"\n";
    auto todo = cli::still_to_fill_in(dir);
    REQUIRE(todo.size() == 1);
    CHECK(todo[0] == "pack.yaml:3: title: \"FILL IN: a title\"");
    fs::remove_all(dir);
}

TEST_CASE("rules diff: a pack against itself differs nowhere; Coventry against Surrey differs where their data does") {
    Pack coventry = pack("coventry"), surrey = pack("surrey");
    for (const auto& row : cli::pack_diff(coventry, coventry)) CHECK_MESSAGE(row.same(), std::string(row.section + " " + row.key));
    auto rows = cli::pack_diff(coventry, surrey);
    auto find = [&](const std::string& section, const std::string& key) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const cli::PackDiffRow& r) { return r.section == section && r.key == key; });
        REQUIRE(it != rows.end());
        return *it;
    };
    CHECK(find("Parameters", "notional SEN budget").same());
    auto support = find("Criteria", "existing-support");
    CHECK_FALSE(support.same());
    REQUIRE(support.a);
    REQUIRE(support.b);
    CHECK(contains((*support.a)[0], "3. Existing Support"));
    auto has = [](const std::vector<std::string>& lines, const std::string& part) {
        return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return contains(l, part); });
    };
    CHECK(has(*support.a, "reviewed_cycles: min_cycles 3"));
    CHECK(has(*support.b, "latest_cycle_progress: progress [none, little], review_within_months 6"));
    auto attainment = find("Criteria", "attainment");
    CHECK(attainment.a);
    CHECK_FALSE(attainment.b);  // Surrey has no attainment criterion: "-"
    auto cost = find("Criteria", "costed-provision");
    CHECK_FALSE(cost.a);
    CHECK(cost.b);
    auto text = cli::pack_diff_text(coventry, surrey, true);
    CHECK(contains(text, "* existing-support"));
    CHECK_FALSE(contains(text, "notional SEN budget"));  // the same in both: left out with --differences
}
