// The rule-pack format's growth for authorities after Coventry (issue 12): advisory
// criteria, pack-declared document kinds, sources with addresses, records naming their
// authority. Each is tested from both sides: what the pack loader and the record loader
// accept and what they refuse, with the place and the words of the refusal.
// Every record here is invented.
#include <unistd.h>  // getpid

#include <filesystem>
#include <functional>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "ehcp/load/loader.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack.hpp"
#include "ehcp/rules/pack_set.hpp"

using namespace ehcp;
namespace fs = std::filesystem;

namespace {

const Date kAsOf{2026, 11, 22};

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// A copy of a real pack in a fresh folder, with `file`'s text changed by `edit`.
struct PackCopy {
    fs::path dir;
    PackCopy(const std::string& name, const std::string& file, const std::function<std::string(std::string)>& edit) {
        static int n = 0;
        dir = fs::temp_directory_path() / ("ehcp-pack-format-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::remove_all(dir);
        fs::copy(fs::path(EHCP_RULES_DIR) / name, dir, fs::copy_options::recursive);
        if (!file.empty()) write_text(dir / file, edit(read_text(dir / file)));
    }
    ~PackCopy() { fs::remove_all(dir); }
};

std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "the pack text changed: cannot find " << from);
    return text.replace(at, from.size(), to);
}

// The pack errors of loading `dir`, one line each ("" when it loads).
std::string pack_errors(const fs::path& dir) {
    try {
        load_pack(dir);
        return "";
    } catch (const PackError& e) {
        std::string all;
        for (const auto& d : e.diagnostics) all += format_diagnostic(d) + "\n";
        return all;
    }
}

const Pack& norfolk() {
    static const Pack pack = load_pack(fs::path(EHCP_RULES_DIR) / "norfolk");
    return pack;
}

const Pack& coventry() {
    static const Pack pack = load_pack(fs::path(EHCP_RULES_DIR) / "coventry");
    return pack;
}

LoadedRecord load(const std::string& yaml, const LoadOptions& options) {
    return load_record_text(yaml, SourceRef{"t.yaml", 0, 1}, ".", options);
}

LoadOptions with_pack(const Pack* pack) {
    LoadOptions base;
    base.as_of = kAsOf;
    return pack ? load_options_for(base, *pack) : base;
}

const std::string kDocs = R"(format: ehcp-record/1
pupil: {id: T-PF-1, date_of_birth: 2016-05-14}
documents:
  - {kind: indes, date: 2026-06-01}
)";

}  // namespace

TEST_CASE("Advisory: a criterion marked advisory loads, and naming it in the readiness rule is a pack error") {
    CHECK(norfolk().criterion("resources")->advisory);
    CHECK_FALSE(norfolk().criterion("progress")->advisory);
    PackCopy bad("norfolk", "pack.yaml", [](std::string t) {
        return replace(t, "    - criterion: progress\n", "    - criterion: progress\n    - criterion: resources\n");
    });
    auto errors = pack_errors(bad.dir);
    CHECK(errors.find("readiness names criterion `resources`, which is advisory") != std::string::npos);
    CHECK(errors.find("pack.yaml:") != std::string::npos);
    PackCopy not_flag("norfolk", "criteria.yaml", [](std::string t) { return replace(t, "advisory: true", "advisory: yes"); });
    CHECK(pack_errors(not_flag.dir).find("`advisory` must be true or false") != std::string::npos);
}

TEST_CASE("Advisory: a not-met advisory criterion is shown with the flag and never changes the verdict or the gaps") {
    // Some progress at the latest review and provision far under £6,000: `resources` is not met.
    const std::string yaml = read_text(fs::path(EHCP_RULES_DIR) / "norfolk" / "tests" / "resources-advisory-never-gates.yaml");
    auto node_at = yaml.find("record:\n");
    REQUIRE(node_at != std::string::npos);
    std::string record;
    std::istringstream lines(yaml.substr(node_at + 8));
    for (std::string line; std::getline(lines, line);) record += (line.size() >= 2 ? line.substr(2) : line) + "\n";
    auto loaded = load(record, with_pack(&norfolk()));
    REQUIRE(loaded.valid());
    auto rep = evaluate_record(norfolk(), loaded, kAsOf);
    const CriterionResult* resources = nullptr;
    for (const auto& c : rep.criteria)
        if (c.id == "resources") resources = &c;
    REQUIRE(resources);
    CHECK(resources->advisory);
    CHECK(resources->status == Status::not_met);
    CHECK(rep.verdict == Verdict::ready);
    for (const auto& g : rep.gaps) CHECK(g.source != "resources");
}

TEST_CASE("Document kinds: a pack declares its own; built-in names, non-words and repeats are pack errors") {
    REQUIRE(norfolk().document_kind_ids() == std::vector<std::string>{"sen_support_plan", "indes", "family_conversation_form", "send_dp1"});
    CHECK(coventry().document_kind_ids().empty());
    PackCopy builtin("norfolk", "pack.yaml", [](std::string t) { return replace(t, "  - id: indes\n    label:", "  - id: consent_form\n    label:"); });
    CHECK(pack_errors(builtin.dir).find("document kind `consent_form` is built into the record format already") != std::string::npos);
    PackCopy word("norfolk", "pack.yaml", [](std::string t) { return replace(t, "  - id: indes\n    label:", "  - id: INDES form\n    label:"); });
    CHECK(pack_errors(word.dir).find("must be a lower-case word") != std::string::npos);
    PackCopy twice("norfolk", "pack.yaml", [](std::string t) { return replace(t, "  - id: send_dp1\n    label:", "  - id: indes\n    label:"); });
    CHECK(pack_errors(twice.dir).find("document kind `indes` is declared twice") != std::string::npos);
}

TEST_CASE("Document kinds: an evidence item may name a declared kind; an undeclared one is a pack error with a did-you-mean") {
    CHECK(pack_errors(fs::path(EHCP_RULES_DIR) / "norfolk").empty());
    PackCopy typo("norfolk", "evidence.yaml", [](std::string t) { return replace(t, "{kind: indes,", "{kind: indess,"); });
    auto errors = pack_errors(typo.dir);
    CHECK(errors.find("evidence.yaml:") != std::string::npos);
    CHECK(errors.find("`indess` is not a document kind of this pack") != std::string::npos);
    CHECK(errors.find("did you mean `indes`?") != std::string::npos);
    // Coventry's pack declares none: Norfolk's kind in its evidence list is refused.
    PackCopy cov("coventry", "evidence.yaml", [](std::string t) { return replace(t, "{kind: my_support_plan, count: 1}", "{kind: indes, count: 1}"); });
    CHECK(pack_errors(cov.dir).find("`indes` is not a document kind of this pack") != std::string::npos);
}

TEST_CASE("Document kinds in a record: declared by the pack, accepted; unknown to the pack, a warning listing its kinds") {
    auto with_norfolk = load(kDocs, with_pack(&norfolk()));
    REQUIRE(with_norfolk.valid());
    CHECK(with_norfolk.diagnostics.empty());
    CHECK(with_norfolk.record->documents[0].kind_name == "indes");

    auto with_coventry = load(kDocs, with_pack(&coventry()));
    REQUIRE(with_coventry.valid());  // a warning, not an error: the record is still checked
    REQUIRE(with_coventry.diagnostics.size() == 1);
    const auto& d = with_coventry.diagnostics[0];
    CHECK(d.severity == Severity::warning);
    CHECK(d.code == "document.kind_unknown");
    CHECK(d.path == "documents[0].kind");
    CHECK(d.line == 4);
    CHECK(d.message.find("`indes` is not a document kind the rule pack `coventry` knows") != std::string::npos);
    CHECK(d.message.find("my_support_plan_review") != std::string::npos);

    // Without a pack (nothing to check against), any kind is read.
    CHECK(load(kDocs, with_pack(nullptr)).diagnostics.empty());
}

TEST_CASE("Document kinds in a record: a near miss of a known kind is an error, so the document is never silently lost") {
    std::string yaml = kDocs;
    yaml.replace(yaml.find("indes"), 5, "my_suport_plan");
    auto loaded = load(yaml, with_pack(&coventry()));
    CHECK_FALSE(loaded.valid());
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].severity == Severity::error);
    CHECK(loaded.diagnostics[0].fix == "did you mean `my_support_plan`?");
    // One letter off a Norfolk kind, with Norfolk's pack.
    yaml = kDocs;
    yaml.replace(yaml.find("indes"), 5, "indez");
    auto norfolk_typo = load(yaml, with_pack(&norfolk()));
    CHECK_FALSE(norfolk_typo.valid());
    CHECK(norfolk_typo.diagnostics[0].fix == "did you mean `indes`?");
}

TEST_CASE("Sources: an address must be a web address; `source:` must name one of the pack's sources") {
    REQUIRE(norfolk().source_address("evidence") == "https://www.norfolk.gov.uk/article/57632/Evidence-for-an-EHC-needs-assessment");
    CHECK(norfolk().source_address("act").empty());
    PackCopy not_web("norfolk", "pack.yaml", [](std::string t) {
        return replace(t, "address: https://www.norfolk.gov.uk/article/57632/", "address: www.norfolk.gov.uk/article/57632/");
    });
    CHECK(pack_errors(not_web.dir).find("is not a web address") != std::string::npos);
    PackCopy unknown("norfolk", "criteria.yaml", [](std::string t) { return replace(t, "source: decide", "source: decided"); });
    auto errors = pack_errors(unknown.dir);
    CHECK(errors.find("source `decided` is not one of the pack's sources") != std::string::npos);
    CHECK(errors.find("criteria.yaml:") != std::string::npos);
}

TEST_CASE("Sources: a criterion's and an evidence item's cite carry their source's address into the report") {
    auto loaded = load(kDocs, with_pack(&norfolk()));
    auto rep = evaluate_record(norfolk(), loaded, kAsOf);
    REQUIRE_FALSE(rep.criteria.empty());
    CHECK(rep.criteria[0].cite_address.rfind("https://www.norfolk.gov.uk/", 0) == 0);
    REQUIRE_FALSE(rep.evidence.empty());
    CHECK(rep.evidence[0].cite_address == "https://www.norfolk.gov.uk/article/57632/Evidence-for-an-EHC-needs-assessment");
    CHECK(rep.pack == "norfolk");
}

TEST_CASE("Evidence windows: a document check's max_age_months is a whole number of months from 0; -1 is a pack error") {
    PackCopy bad("norfolk", "evidence.yaml", [](std::string t) { return replace(t, "max_age_months: 12,", "max_age_months: -1,"); });
    CHECK(pack_errors(bad.dir).find("`max_age_months` must be a whole number of months from 0 to 1200") != std::string::npos);
}

TEST_CASE("request.authority: the record's pack is used unless --rules fixes one; an unknown name is an error listing the packs") {
    LoadOptions base;
    base.as_of = kAsOf;
    auto parse = [&](PackSet& set, const std::string& yaml) {
        PendingRecord p;
        p.source = SourceRef{"t.yaml", 0, 1};
        p.text = yaml;
        p.diagnostic_file = "t.yaml";
        p.base_dir = ".";
        return set.parse(std::move(p));
    };
    const std::string named = R"(format: ehcp-record/1
pupil: {id: T-PF-2, date_of_birth: 2016-05-14}
request: {authority: norfolk}
documents:
  - {kind: indes, date: 2026-06-01}
)";
    PackSet follow(coventry(), false, base);
    auto [loaded, pack] = parse(follow, named);
    CHECK(pack->info.id == "norfolk");
    CHECK(loaded.valid());
    CHECK(loaded.diagnostics.empty());  // indes is Norfolk's kind

    PackSet fixed(coventry(), true, base);
    auto [as_coventry, cov] = parse(fixed, named);
    CHECK(cov->info.id == "coventry");
    REQUIRE(as_coventry.diagnostics.size() == 1);
    CHECK(as_coventry.diagnostics[0].code == "document.kind_unknown");

    std::string unknown = named;
    unknown.replace(unknown.find("norfolk"), 7, "narfolk");
    auto [bad, fallback] = parse(follow, unknown);
    CHECK_FALSE(bad.valid());
    CHECK(fallback->info.id == "coventry");
    bool found = false;
    for (const auto& d : bad.diagnostics)
        if (d.code == "request.authority_unknown") {
            found = true;
            CHECK(d.path == "request.authority");
            CHECK(d.line == 3);
            CHECK(d.message.find("no rule pack `narfolk` was found; the packs found are:") != std::string::npos);
            CHECK(d.message.find("norfolk") != std::string::npos);
        }
    CHECK(found);

    // A record naming no authority, or the default's own id, uses the default.
    auto [plain, def] = parse(follow, "format: ehcp-record/1\npupil: {id: T-PF-3, date_of_birth: 2016-05-14}\n");
    CHECK(def->info.id == "coventry");
    CHECK(plain.valid());
}
