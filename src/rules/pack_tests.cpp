#include "ehcp/rules/pack_tests.hpp"
#include "ehcp/rules/pack_set.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/rules/engine.hpp"

namespace ehcp {

namespace fs = std::filesystem;

PackTestResult run_pack_test(const Pack& pack, const fs::path& file) {
    PackTestResult result;
    result.name = file.stem().string();
    auto fail = [&](std::string m) { result.failures.push_back(std::move(m)); };
    YAML::Node doc;
    try {
        doc = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
        fail(fmt::format("{}:{}:{}: not valid YAML: {}", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg));
        return result;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        auto key = it->first.Scalar();
        if (key != "description" && key != "as_of" && key != "expect" && key != "record")
            fail(fmt::format("unknown key `{}` in the test case (use description, as_of, expect, record)", key));
    }
    result.description = doc["description"] ? doc["description"].Scalar() : "";
    auto as_of = doc["as_of"] ? Date::parse_iso(doc["as_of"].Scalar()) : std::nullopt;
    if (!as_of) {
        fail("`as_of: YYYY-MM-DD` is required so the case is reproducible");
        return result;
    }
    if (!doc["record"] || !doc["expect"]) {
        fail("a test case needs `record:` and `expect:`");
        return result;
    }
    LoadOptions base;
    base.as_of = *as_of;
    LoadOptions options = load_options_for(base, pack);  // the pack's indicators and document kinds
    YAML::Emitter emitter;
    emitter << doc["record"];
    SourceRef source{file.string(), 0, 1};
    LoadedRecord loaded = load_record_text(emitter.c_str(), source, file.parent_path().string(), options);
    RecordReport rep = evaluate_record(pack, loaded, *as_of);

    const auto& expect = doc["expect"];
    for (auto it = expect.begin(); it != expect.end(); ++it) {
        auto key = it->first.Scalar();
        YAML::Node v = it->second;  // a copy: `it->` returns a proxy that dies with the statement
        if (key == "verdict") {
            if (to_string(rep.verdict) != v.Scalar())
                fail(fmt::format("verdict: expected {}, got {}", v.Scalar(), to_string(rep.verdict)));
        } else if (key == "criteria") {
            for (auto c = v.begin(); c != v.end(); ++c) {
                auto id = c->first.Scalar();
                auto found = std::find_if(rep.criteria.begin(), rep.criteria.end(), [&](const auto& x) { return x.id == id; });
                if (found == rep.criteria.end())
                    fail(fmt::format("criterion `{}` is not in the pack", id));
                else if (to_string(found->status) != c->second.Scalar())
                    fail(fmt::format("criterion {}: expected {}, got {} ({})", id, c->second.Scalar(), to_string(found->status),
                                     fmt::join(found->reasons, "; ")));
            }
        } else if (key == "checks") {
            // Individual checks inside criteria, by check id.
            std::function<const CheckResult*(const CheckResult&, const std::string&)> find =
                [&](const CheckResult& r, const std::string& id) -> const CheckResult* {
                if (r.id == id) return &r;
                for (const auto& c : r.children)
                    if (auto* x = find(c, id)) return x;
                return nullptr;
            };
            for (auto c = v.begin(); c != v.end(); ++c) {
                auto id = c->first.Scalar();
                const CheckResult* hit = nullptr;
                for (const auto& cr : rep.criteria)
                    if (cr.detail && !hit) hit = find(*cr.detail, id);
                if (!hit)
                    fail(fmt::format("check `{}` was not evaluated", id));
                else if (to_string(hit->status) != c->second.Scalar())
                    fail(fmt::format("check {}: expected {}, got {} ({})", id, c->second.Scalar(), to_string(hit->status),
                                     fmt::join(hit->reasons, "; ")));
            }
        } else if (key == "derived" || key == "declared" || key == "contradicted" || key == "compelling") {
            std::set<std::string> want, got;
            for (const auto& x : v) want.insert(x.Scalar());
            for (const auto& i : rep.indicators) {
                bool on = key == "derived" ? i.derived : key == "declared" ? i.declared : key == "contradicted" ? i.contradicted
                                                                                                                 : (i.compelling && (i.declared || i.derived));
                if (on) got.insert(i.id);
            }
            if (want != got) fail(fmt::format("{} indicators: expected [{}], got [{}]", key, fmt::join(want, ", "), fmt::join(got, ", ")));
        } else if (key == "evidence") {
            // Evidence items by id: present, absent, or not_needed (not needed for this request).
            for (auto e = v.begin(); e != v.end(); ++e) {
                auto id = e->first.Scalar(), want = e->second.Scalar();
                const EvidenceItem* item = nullptr;
                for (const auto& x : rep.evidence)
                    if (x.id == id) item = &x;
                std::string got = !item ? "not_needed" : item->present ? "present" : "absent";
                if (want != "present" && want != "absent" && want != "not_needed")
                    fail(fmt::format("evidence {}: `{}` is not present, absent or not_needed", id, want));
                else if (want != got)
                    fail(fmt::format("evidence {}: expected {}, got {}{}", id, want, got, item ? " (" + item->detail + ")" : ""));
            }
        } else if (key == "evidence_complete") {
            if (rep.evidence_complete != v.as<bool>())
                fail(fmt::format("evidence_complete: expected {}, got {}", v.Scalar(), rep.evidence_complete));
        } else if (key == "cost_total") {
            if (!rep.cost || std::abs(rep.cost->annual_total - v.as<double>()) > 0.005)
                fail(fmt::format("cost_total: expected {}, got {}", v.Scalar(), rep.cost ? rep.cost->annual_total : 0.0));
        } else if (key == "gaps") {
            if (static_cast<int>(rep.gaps.size()) != v.as<int>()) {
                std::vector<std::string> texts;
                for (const auto& g : rep.gaps) texts.push_back(g.text);
                fail(fmt::format("gaps: expected {}, got {}: {}", v.Scalar(), rep.gaps.size(), fmt::join(texts, " | ")));
            }
        } else if (key == "practice") {
            std::set<std::string> want, got;
            for (const auto& x : v) want.insert(x.Scalar());
            for (const auto& p : rep.practice) got.insert(p.id);
            if (want != got) fail(fmt::format("practice warnings: expected [{}], got [{}]", fmt::join(want, ", "), fmt::join(got, ", ")));
        } else if (key == "diagnostics") {
            std::set<std::string> want, got;
            for (const auto& x : v) want.insert(x.Scalar());
            for (const auto& d : rep.diagnostics) got.insert(d.code);
            if (want != got) fail(fmt::format("diagnostic codes: expected [{}], got [{}]", fmt::join(want, ", "), fmt::join(got, ", ")));
        } else {
            fail(fmt::format("unknown expectation `{}`", key));
        }
    }
    return result;
}

std::vector<PackTestResult> run_pack_tests(const Pack& pack) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(pack.tests_dir, ec))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<PackTestResult> out;
    for (const auto& f : files) out.push_back(run_pack_test(pack, f));
    return out;
}

}  // namespace ehcp
