#include "ehcp/render/json_report.hpp"

#include "ehcp/render/format.hpp"

namespace ehcp {

using nlohmann::ordered_json;

namespace {

ordered_json money(double pounds) { return round_pence(pounds); }

// Free text: null when absent, empty or redacted, so every key is always there.
ordered_json text_or_null(const std::string& text, bool redacted = false) {
    if (redacted || text.empty()) return nullptr;
    return text;
}

ordered_json text_or_null(const std::optional<std::string>& text, bool redacted = false) {
    if (!text) return nullptr;
    return text_or_null(*text, redacted);
}

ordered_json strings(const std::vector<std::string>& items) {
    ordered_json out = ordered_json::array();
    for (const auto& s : items) out.push_back(s);
    return out;
}

ordered_json figures_json(const std::vector<Figure>& figures) {
    ordered_json out = ordered_json::array();
    for (const auto& f : figures) out.push_back({{"label", f.label}, {"value", f.value}});
    return out;
}

ordered_json check_json(const CheckResult& check) {
    ordered_json children = ordered_json::array();
    for (const auto& child : check.children) children.push_back(check_json(child));
    return {
        {"id", check.id},
        {"kind", check.kind},
        {"title", check.title},
        {"status", to_string(check.status)},
        {"reasons", strings(check.reasons)},
        {"missing", strings(check.missing)},
        {"figures", figures_json(check.figures)},
        {"children", std::move(children)},
    };
}

ordered_json source_json(const SourceRef& source) {
    return {{"file", source.file}, {"document", source.document}, {"line", source.line}};
}

ordered_json pupil_json(const PupilSummary& pupil, bool redacted) {
    return {
        {"id", pupil.id},
        {"name", text_or_null(pupil.name, redacted)},
        {"year_group", pupil.year_group},
        {"key_stage", to_string(pupil.phase)},
        {"age_years", pupil.age_years},
        {"over_18", pupil.over_18},
        {"setting", text_or_null(pupil.setting)},
        {"derived_year_group", pupil.derived_year_group},
        {"date_of_birth", pupil.date_of_birth.iso()},
        {"age_months", pupil.age_months},
        {"looked_after", pupil.looked_after},
        {"previously_looked_after", pupil.previously_looked_after},
        {"primary_need", text_or_null(pupil.primary_need)},
    };
}

ordered_json criterion_json(const CriterionResult& c) {
    return {
        {"id", c.id},
        {"status", to_string(c.status)},
        {"title", c.title},
        {"cite", c.cite},
        {"reasons", strings(c.reasons)},
        {"missing", strings(c.missing)},
        {"figures", figures_json(c.figures)},
        {"source_wording", c.source_wording},
        {"interpretation", c.interpretation},
        {"evidence_sought", strings(c.evidence_sought)},
        {"checks", c.detail ? check_json(*c.detail) : ordered_json(nullptr)},
    };
}

ordered_json indicator_json(const IndicatorResult& i, bool redacted) {
    return {
        {"id", i.id},
        {"declared", i.declared},
        {"derived", i.derived},
        {"area", i.area},
        {"text", i.text},
        {"derivable", i.derivable},
        {"contradicted", i.contradicted},
        {"compelling", i.compelling},
        {"derived_because", text_or_null(i.derived_because)},
        {"evidence", text_or_null(i.declared_evidence, redacted)},
    };
}

ordered_json evidence_json(const RecordReport& r) {
    ordered_json missing = ordered_json::array();
    ordered_json items = ordered_json::array();
    for (const auto& e : r.evidence) {
        if (!e.present) missing.push_back(e.text);
        items.push_back({{"id", e.id}, {"text", e.text}, {"present", e.present}, {"detail", text_or_null(e.detail)}});
    }
    return {{"complete", r.evidence_complete}, {"missing", std::move(missing)}, {"items", std::move(items)}};
}

ordered_json cost_json(const std::optional<CostSummary>& cost, bool redacted) {
    if (!cost) return nullptr;
    ordered_json items = ordered_json::array();
    for (std::size_t n = 0; n < cost->items.size(); ++n) {
        const auto& item = cost->items[n];
        items.push_back({
            {"name", cost_item_label(item, n, redacted)},
            {"cost", money(item.cost)},
            {"basis", item.basis},
            {"default_rate", item.default_rate},
            {"area", text_or_null(item.area)},
            {"incomplete", item.incomplete},
        });
    }
    return {
        {"annual_total", money(cost->annual_total)},
        {"notional_budget", money(cost->notional_budget)},
        {"costing_year", {{"from", cost->costing_year.first.iso()}, {"to", cost->costing_year.last.iso()}}},
        {"items", std::move(items)},
    };
}

ordered_json timeline_json(const std::optional<Timeline>& t) {
    if (!t) return nullptr;
    return {
        {"request_date", t->request.iso()},
        {"decide_to_assess_by", t->decide_to_assess_by.iso()},
        {"decide_to_issue_by", t->decide_to_issue_by.iso()},
        {"final_plan_by", t->final_plan_by.iso()},
    };
}

ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
    ordered_json out = ordered_json::array();
    for (const auto& d : diagnostics) {
        out.push_back({
            {"severity", to_string(d.severity)},
            {"code", d.code},
            {"message", d.message},
            {"path", d.path},
            {"line", d.line},
            {"column", d.column},
            {"fix", text_or_null(d.fix)},
            {"file", d.file},
        });
    }
    return out;
}

}  // namespace

ordered_json record_to_json(const RecordReport& r, bool redacted) {
    ordered_json out;
    out["source"] = source_json(r.source);
    if (r.pupil) out["pupil"] = pupil_json(*r.pupil, redacted);
    out["verdict"] = to_string(r.verdict);
    if (r.verdict == Verdict::invalid) {
        // An unreadable record has nothing to judge: its diagnostics and no criteria. The
        // keys are still there (empty or null), so a script never meets a missing key.
        out["criteria"] = ordered_json::array();
        out["indicators"] = ordered_json::array();
        out["evidence"] = nullptr;
        out["cost"] = nullptr;
        out["timeline"] = nullptr;
        out["gaps"] = ordered_json::array();
        out["practice"] = ordered_json::array();
        out["compelling"] = ordered_json::array();
        out["diagnostics"] = diagnostics_json(r.diagnostics);
        return out;
    }
    ordered_json criteria = ordered_json::array();
    for (const auto& c : r.criteria) criteria.push_back(criterion_json(c));
    out["criteria"] = std::move(criteria);
    ordered_json indicators = ordered_json::array();
    for (const auto& i : r.indicators) indicators.push_back(indicator_json(i, redacted));
    out["indicators"] = std::move(indicators);
    out["evidence"] = evidence_json(r);
    out["cost"] = cost_json(r.cost, redacted);
    out["timeline"] = timeline_json(r.timeline);
    ordered_json gaps = ordered_json::array();
    for (const auto& g : r.gaps) gaps.push_back({{"rank", g.rank}, {"source", g.source}, {"text", g.text}});
    out["gaps"] = std::move(gaps);
    ordered_json practice = ordered_json::array();
    for (const auto& p : r.practice) practice.push_back({{"id", p.id}, {"message", p.message}, {"cite", p.cite}});
    out["practice"] = std::move(practice);
    out["compelling"] = strings(r.compelling);
    out["diagnostics"] = diagnostics_json(r.diagnostics);
    return out;
}

ordered_json report_to_json(const Report& report, const ToolInfo& tool) {
    ordered_json out;
    out["format"] = kReportFormat;
    out["tool"] = {{"name", tool.name}, {"version", tool.version}};
    out["pack"] = {{"id", report.pack.id},
                   {"version", report.pack.version},
                   {"title", report.pack.title},
                   {"authority", report.pack.authority}};
    out["as_of"] = report.as_of.iso();
    out["redacted"] = report.redacted;
    ordered_json records = ordered_json::array();
    for (const auto& r : report.records) records.push_back(record_to_json(r, report.redacted));
    out["records"] = std::move(records);
    out["statement"] = report.pack.readiness_statement;
    out["legal_test"] = report.pack.legal_test;
    return out;
}

std::string dump_json(const ordered_json& json, int indent) {
    return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ehcp
