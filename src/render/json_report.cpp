#include "ehcp/render/json_report.hpp"

#include "ehcp/render/format.hpp"

namespace ehcp {

using nlohmann::ordered_json;

namespace {

// An object built from key/value arguments in order. nlohmann's `{{"key", value}, ...}`
// lists grow the object one member at a time, and its members (`pair<const string,
// json>`) are copied, not moved, each time the vector grows: whole subtrees copied
// several times over. Reserving first moves every value exactly once.
inline void append(ordered_json::object_t&) {}

template <class Value, class... Rest>
void append(ordered_json::object_t& members, const char* key, Value&& value, Rest&&... rest) {
    members.emplace_back(key, ordered_json(std::forward<Value>(value)));
    append(members, std::forward<Rest>(rest)...);
}

template <class... Args>
ordered_json object(Args&&... args) {
    static_assert(sizeof...(Args) % 2 == 0, "object() takes key, value pairs");
    ordered_json out = ordered_json::object();
    auto& members = out.get_ref<ordered_json::object_t&>();
    members.reserve(sizeof...(Args) / 2);
    append(members, std::forward<Args>(args)...);
    return out;
}

// An array of `n` elements made by `make(i)`.
template <class Make>
ordered_json array_of(std::size_t n, Make make) {
    ordered_json out = ordered_json::array();
    auto& items = out.get_ref<ordered_json::array_t&>();
    items.reserve(n);
    for (std::size_t i = 0; i < n; ++i) items.push_back(make(i));
    return out;
}

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
    return array_of(items.size(), [&](std::size_t n) { return ordered_json(items[n]); });
}

ordered_json figures_json(const std::vector<Figure>& figures) {
    return array_of(figures.size(), [&](std::size_t n) {
        return object("label", figures[n].label, "value", figures[n].value);
    });
}

ordered_json check_json(const CheckResult& check) {
    return object("id", check.id,                                //
                  "kind", check.kind,                            //
                  "title", check.title,                          //
                  "status", to_string(check.status),             //
                  "estimated", check.estimated,                  //
                  "reasons", strings(check.reasons),             //
                  "missing", strings(check.missing),             //
                  "figures", figures_json(check.figures),        //
                  "children", array_of(check.children.size(), [&](std::size_t n) {
                      return check_json(check.children[n]);
                  }));
}

ordered_json source_json(const SourceRef& source) {
    return object("file", source.file, "document", source.document, "line", source.line);
}

ordered_json pupil_json(const PupilSummary& pupil, bool redacted) {
    return object("id", pupil.id,                                              //
                  "name", text_or_null(pupil.name, redacted),                  //
                  "year_group", pupil.year_group,                              //
                  "key_stage", to_string(pupil.phase),                         //
                  "age_years", pupil.age_years,                                //
                  "over_18", pupil.over_18,                                    //
                  "setting", text_or_null(pupil.setting),                      //
                  "derived_year_group", pupil.derived_year_group,              //
                  "date_of_birth", pupil.date_of_birth.iso(),                  //
                  "age_months", pupil.age_months,                              //
                  "looked_after", pupil.looked_after,                          //
                  "previously_looked_after", pupil.previously_looked_after,    //
                  "primary_need", text_or_null(pupil.primary_need));
}

ordered_json criterion_json(const CriterionResult& c) {
    auto out = object("id", c.id,                                    //
                  "status", to_string(c.status),                 //
                  "estimated", c.estimated,                      //
                  "title", c.title,                              //
                  "cite", c.cite,                                //
                  "reasons", strings(c.reasons),                 //
                  "missing", strings(c.missing),                 //
                  "figures", figures_json(c.figures),            //
                  "source_wording", c.source_wording,            //
                  "interpretation", c.interpretation,            //
                  "evidence_sought", strings(c.evidence_sought), //
                  "checks", c.detail ? check_json(*c.detail) : ordered_json(nullptr));
    // Only an advisory criterion carries the key, so existing outputs keep their shape.
    if (c.advisory) out["advisory"] = true;
    if (!c.cite_address.empty()) out["cite_address"] = c.cite_address;
    return out;
}

ordered_json indicator_json(const IndicatorResult& i, bool redacted) {
    return object("id", i.id,                                             //
                  "declared", i.declared,                                 //
                  "derived", i.derived,                                   //
                  "area", i.area,                                         //
                  "text", i.text,                                         //
                  "derivable", i.derivable,                               //
                  "contradicted", i.contradicted,                         //
                  "compelling", i.compelling,                             //
                  "derived_because", text_or_null(i.derived_because),     //
                  "derive_cite", text_or_null(i.derive_cite),             //
                  "evidence", text_or_null(i.declared_evidence, redacted));
}

ordered_json evidence_json(const RecordReport& r) {
    ordered_json missing = ordered_json::array();
    for (const auto& e : r.evidence)
        if (!e.present) missing.push_back(e.text);
    ordered_json items = array_of(r.evidence.size(), [&](std::size_t n) {
        const auto& e = r.evidence[n];
        auto item = object("id", e.id, "text", e.text, "present", e.present, "detail", text_or_null(e.detail), "cite",
                           text_or_null(e.cite));
        if (!e.cite_address.empty()) item["cite_address"] = e.cite_address;
        return item;
    });
    return object("complete", r.evidence_complete, "missing", std::move(missing), "items", std::move(items));
}

ordered_json cost_json(const std::optional<CostSummary>& cost, bool redacted) {
    if (!cost) return nullptr;
    ordered_json items = array_of(cost->items.size(), [&](std::size_t n) {
        const auto& item = cost->items[n];
        return object("name", cost_item_label(item, n, redacted),  //
                      "cost", money(item.cost),                     //
                      "basis", item.basis,                          //
                      "default_rate", item.default_rate,            //
                      "area", text_or_null(item.area),              //
                      "incomplete", item.incomplete);
    });
    return object("annual_total", money(cost->annual_total),          //
                  "notional_budget", money(cost->notional_budget),    //
                  "costing_year",
                  object("from", cost->costing_year.first.iso(), "to", cost->costing_year.last.iso()),  //
                  "items", std::move(items));
}

ordered_json timeline_json(const std::optional<Timeline>& t) {
    if (!t) return nullptr;
    return object("request_date", t->request.iso(),                    //
                  "decide_to_assess_by", t->decide_to_assess_by.iso(), //
                  "decide_to_issue_by", t->decide_to_issue_by.iso(),   //
                  "final_plan_by", t->final_plan_by.iso());
}

ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
    return array_of(diagnostics.size(), [&](std::size_t n) {
        const auto& d = diagnostics[n];
        return object("severity", to_string(d.severity),  //
                      "code", d.code,                      //
                      "message", d.message,                //
                      "path", d.path,                      //
                      "line", d.line,                      //
                      "column", d.column,                  //
                      "fix", text_or_null(d.fix),          //
                      "file", d.file);
    });
}

}  // namespace

ordered_json record_to_json(const RecordReport& r, bool redacted) {
    ordered_json out = ordered_json::object();
    auto& m = out.get_ref<ordered_json::object_t&>();
    m.reserve(16);
    append(m, "source", source_json(r.source));
    // `pupil` is left out (not null) when the record was not readable enough to say.
    if (r.pupil) append(m, "pupil", pupil_json(*r.pupil, redacted));
    if (r.pupil && r.verdict != Verdict::invalid)
        append(m, "request",
               object("made_by", to_string(r.made_by),                                                           //
                      "date", r.request_date ? ordered_json(r.request_date->iso()) : ordered_json(nullptr),    //
                      "own_request", r.own_request));
    append(m, "verdict", to_string(r.verdict));
    if (r.verdict == Verdict::invalid) {
        // An unreadable record has nothing to judge: its diagnostics and no criteria. The
        // keys are still there (empty or null), so a script never meets a missing key.
        append(m, "criteria", ordered_json::array(),    //
               "indicators", ordered_json::array(),     //
               "evidence", nullptr,                     //
               "cost", nullptr,                         //
               "timeline", nullptr,                     //
               "gaps", ordered_json::array(),           //
               "practice", ordered_json::array(),       //
               "compelling", ordered_json::array(),     //
               "readiness_notes", ordered_json::array(), //
               "diagnostics", diagnostics_json(r.diagnostics));
        if (!r.pack.empty()) append(m, "pack", r.pack);
        return out;
    }
    append(m, "criteria", array_of(r.criteria.size(), [&](std::size_t n) { return criterion_json(r.criteria[n]); }),
           "indicators",
           array_of(r.indicators.size(), [&](std::size_t n) { return indicator_json(r.indicators[n], redacted); }),
           "evidence", evidence_json(r),           //
           "cost", cost_json(r.cost, redacted),    //
           "timeline", timeline_json(r.timeline),  //
           "gaps",
           array_of(r.gaps.size(),
                    [&](std::size_t n) {
                        const auto& g = r.gaps[n];
                        return object("rank", g.rank, "source", g.source, "text", g.text);
                    }),
           "practice",
           array_of(r.practice.size(),
                    [&](std::size_t n) {
                        const auto& p = r.practice[n];
                        return object("id", p.id, "message", p.message, "cite", p.cite);
                    }),
           "compelling", strings(r.compelling),  //
           "readiness_notes", strings(r.readiness_notes),  //
           "diagnostics", diagnostics_json(r.diagnostics));
    // Which rule pack this record was checked against (request.authority or --rules).
    if (!r.pack.empty()) append(m, "pack", r.pack);
    return out;
}

ordered_json report_to_json(const Report& report, const ToolInfo& tool) {
    ordered_json out;
    out["format"] = kReportFormat;
    out["tool"] = {{"name", tool.name}, {"version", tool.version}};
    out["pack"] = {{"id", report.pack.id},
                   {"version", report.pack.version},
                   {"title", report.pack.title},
                   {"authority", report.pack.authority},
                   {"request_always_possible", report.pack.request_always_possible}};
    out["as_of"] = report.as_of.iso();
    out["redacted"] = report.redacted;
    ordered_json records = ordered_json::array();
    for (const auto& r : report.records) records.push_back(record_to_json(r, report.redacted));
    out["records"] = std::move(records);
    out["statement"] = report.pack.readiness_statement;
    out["legal_test"] = report.pack.legal_test;
    out["readiness_rule"] = report.pack.readiness_rule;
    out["readiness_caveat"] = report.pack.readiness_caveat;
    out["rights"] = report.pack.rights;
    return out;
}

std::string dump_json(const ordered_json& json, int indent) {
    return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ehcp
