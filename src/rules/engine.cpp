#include "ehcp/rules/engine.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "ehcp/core/inert_text.hpp"
#include "ehcp/core/money.hpp"
#include "ehcp/facts/facts.hpp"

namespace ehcp {

namespace {

std::string words_of(std::string_view snake) {
    std::string out(snake);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

// all_of: any not_met -> not_met; else any insufficient -> insufficient; else any
// manual_review -> manual_review; else met. Not-applicable children are ignored.
Status combine_all(const std::vector<CheckResult>& children, bool insufficient_first) {
    bool any = false, insufficient = false, manual = false, not_met = false;
    for (const auto& c : children) {
        if (c.status == Status::not_applicable) continue;
        any = true;
        not_met = not_met || c.status == Status::not_met;
        insufficient = insufficient || c.status == Status::insufficient_evidence;
        manual = manual || c.status == Status::manual_review;
    }
    if (!any) return Status::not_applicable;
    if (insufficient && (insufficient_first || !not_met)) return Status::insufficient_evidence;
    if (not_met) return Status::not_met;
    return manual ? Status::manual_review : Status::met;
}

// any_of: any met -> met; else manual_review; else insufficient; else not_met.
Status combine_any(const std::vector<CheckResult>& children) {
    bool any = false, insufficient = false, manual = false;
    for (const auto& c : children) {
        if (c.status == Status::not_applicable) continue;
        any = true;
        if (c.status == Status::met) return Status::met;
        insufficient = insufficient || c.status == Status::insufficient_evidence;
        manual = manual || c.status == Status::manual_review;
    }
    if (!any) return Status::not_applicable;
    if (manual) return Status::manual_review;
    return insufficient ? Status::insufficient_evidence : Status::not_met;
}

CheckResult evaluate_node(const CheckNode& node, const CheckContext& ctx) {
    CheckResult r;
    r.id = node.id;
    r.kind = node.kind;
    r.title = node.title;
    r.fix_rank = node.fix_rank;
    switch (node.type) {
        case CheckNode::Type::leaf: {
            auto o = node.evaluate(ctx);
            r.status = o.status;
            r.reasons = std::move(o.reasons);
            r.missing = std::move(o.missing);
            r.figures = std::move(o.figures);
            r.estimated = o.estimated;
            break;
        }
        case CheckNode::Type::all_of:
        case CheckNode::Type::any_of:
            r.kind = node.type == CheckNode::Type::all_of ? "all_of" : "any_of";
            for (const auto& c : node.children) r.children.push_back(evaluate_node(c, ctx));
            r.status = node.type == CheckNode::Type::all_of ? combine_all(r.children, node.insufficient_first) : combine_any(r.children);
            // A met result rests on estimated costs when a met child it needs does.
            r.estimated = r.status == Status::met &&
                          std::any_of(r.children.begin(), r.children.end(), [](const CheckResult& c) {
                              return c.status == Status::met && c.estimated;
                          }) &&
                          (node.type == CheckNode::Type::all_of ||
                           std::none_of(r.children.begin(), r.children.end(), [](const CheckResult& c) {
                               return c.status == Status::met && !c.estimated;
                           }));
            break;
        case CheckNode::Type::by_phase:
            r.kind = "by_phase";
            for (std::size_t i = 0; i < node.children.size(); ++i)
                if (node.phases[i] == ctx.facts.phase) r.children.push_back(evaluate_node(node.children[i], ctx));
            r.status = r.children.empty() ? Status::not_applicable : r.children.front().status;
            r.estimated = !r.children.empty() && r.children.front().estimated;
            break;
    }
    return r;
}

// Gaps that matter: everything missing from a check that is not met, plus advisory
// items on met leaves; an any_of that is met drops its failed alternatives.
void gather_missing(const CheckResult& r, const std::string& source, std::vector<Gap>& out) {
    if (r.status == Status::not_applicable) return;
    for (const auto& m : r.missing) out.push_back(Gap{r.fix_rank, r.id.empty() ? source : r.id, m});
    bool pruned = r.kind == "any_of" && r.status == Status::met;
    for (const auto& c : r.children)
        if (!pruned || c.status == Status::met) gather_missing(c, source, out);
}

void flatten(const CheckResult& r, CriterionResult& out) {
    for (const auto& x : r.reasons) out.reasons.push_back(x);
    for (const auto& x : r.figures) out.figures.push_back(x);
    for (const auto& c : r.children) flatten(c, out);
}

bool applies(const Applicability& a, const Facts& f, std::string& why_not) {
    bool by_area = std::any_of(a.areas_of_need.begin(), a.areas_of_need.end(), [&](AreaOfNeed x) { return f.has_area_of_need(x); });
    bool by_wellbeing = a.wellbeing_evidence && f.record->wellbeing && !f.record->wellbeing->evidence.empty();
    bool by_age = a.min_age && f.age_years >= *a.min_age;
    bool any_condition = !a.areas_of_need.empty() || a.wellbeing_evidence;
    bool ok = (any_condition ? (by_area || by_wellbeing) : true) && (!a.min_age || by_age);
    if (!ok) why_not = a.description;
    return ok;
}

const CriterionResult* find_criterion(const RecordReport& rep, const std::string& id) {
    for (const auto& c : rep.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

// Whether a readiness rule holds; `strict` counts only met criteria, not their also_counts.
bool readiness_holds(const ReadinessNode& n, const RecordReport& rep, bool strict = false) {
    switch (n.type) {
        case ReadinessNode::Type::criterion: {
            const auto* c = find_criterion(rep, n.criterion);
            if (!c) return false;
            return c->status == Status::met ||
                   (!strict && std::find(n.also_counts.begin(), n.also_counts.end(), c->status) != n.also_counts.end());
        }
        case ReadinessNode::Type::evidence_complete: return rep.evidence_complete;
        case ReadinessNode::Type::all_of:
            return std::all_of(n.children.begin(), n.children.end(), [&](const auto& c) { return readiness_holds(c, rep, strict); });
        case ReadinessNode::Type::any_of:
            return std::any_of(n.children.begin(), n.children.end(), [&](const auto& c) { return readiness_holds(c, rep, strict); });
    }
    return false;
}

// The notes of criteria that carried a holding rule only through `also_counts` (for a post-16
// learner: attainment judged on individual merits), so the report can say what readiness rests on.
void readiness_notes(const ReadinessNode& n, const RecordReport& rep, std::vector<std::string>& out) {
    switch (n.type) {
        case ReadinessNode::Type::criterion:
            if (!readiness_holds(n, rep, true) && readiness_holds(n, rep) && !n.note.empty() &&
                std::find(out.begin(), out.end(), n.note) == out.end())
                out.push_back(n.note);
            break;
        case ReadinessNode::Type::evidence_complete: break;
        case ReadinessNode::Type::all_of:
            for (const auto& c : n.children) readiness_notes(c, rep, out);
            break;
        case ReadinessNode::Type::any_of: {
            bool strictly = std::any_of(n.children.begin(), n.children.end(),
                                        [&](const auto& c) { return readiness_holds(c, rep, true); });
            for (const auto& c : n.children)
                if (readiness_holds(c, rep) && (!strictly || readiness_holds(c, rep, true))) readiness_notes(c, rep, out);
            break;
        }
    }
}

// Criteria the rule needs that do not hold, for a verdict whose checks named nothing to add.
void unmet_criteria(const ReadinessNode& n, const RecordReport& rep, std::vector<const CriterionResult*>& out) {
    if (readiness_holds(n, rep)) return;
    switch (n.type) {
        case ReadinessNode::Type::criterion:
            if (const auto* c = find_criterion(rep, n.criterion)) out.push_back(c);
            break;
        case ReadinessNode::Type::evidence_complete: break;
        case ReadinessNode::Type::all_of:
        case ReadinessNode::Type::any_of:
            for (const auto& c : n.children) unmet_criteria(c, rep, out);
            break;
    }
}

// Gaps from the criteria the readiness rule needs: in an any_of that holds, only the
// alternatives that hold contribute (their advisory items); otherwise all of them.
void readiness_gaps(const ReadinessNode& n, const RecordReport& rep, const std::vector<std::vector<Gap>>& by_criterion,
                    std::vector<Gap>& out) {
    switch (n.type) {
        case ReadinessNode::Type::criterion:
            for (std::size_t i = 0; i < rep.criteria.size(); ++i)
                if (rep.criteria[i].id == n.criterion) out.insert(out.end(), by_criterion[i].begin(), by_criterion[i].end());
            break;
        case ReadinessNode::Type::evidence_complete: break;  // evidence gaps are added separately
        case ReadinessNode::Type::all_of:
            for (const auto& c : n.children) readiness_gaps(c, rep, by_criterion, out);
            break;
        case ReadinessNode::Type::any_of: {
            bool held = readiness_holds(n, rep);
            for (const auto& c : n.children)
                if (!held || readiness_holds(c, rep)) readiness_gaps(c, rep, by_criterion, out);
            break;
        }
    }
}

PupilSummary summarise(const Record& r, const Facts& f) {
    PupilSummary p;
    p.id = r.pupil.id;
    p.name = r.pupil.name;
    p.setting = r.pupil.setting;
    p.date_of_birth = r.pupil.date_of_birth;
    p.year_group = f.year_group;
    p.derived_year_group = f.derived_year_group;
    p.phase = f.phase;
    p.age_years = f.age_years;
    p.age_months = f.age_months;
    p.over_18 = f.over_18;
    p.looked_after = r.pupil.looked_after.value_or(false);
    p.previously_looked_after = r.pupil.previously_looked_after.value_or(false);
    if (r.needs && r.needs->primary) p.primary_need = std::string(to_string(*r.needs->primary));
    if (r.needs)
        for (auto a : r.needs->secondary) p.secondary_needs.emplace_back(to_string(a));
    if (r.needs)
        for (auto t : r.needs->sen_types) p.sen_types.emplace_back(to_string(t));
    return p;
}

// ---- redaction (--redact) ----------------------------------------------------
// Record free text reaches the report in three ways: the pupil's name and the school's
// evidence for an indicator (copied here), provision names (cost lines, copied here),
// and messages: the checks quote free text through CheckContext::quote, and the loader's
// diagnostics may quote a value (a document's file name, say). All are replaced here,
// at the source, so every renderer gets the same redacted facts.

// Fields whose values are free text, as diagnostic paths with the list indexes left out.
constexpr std::string_view kFreeTextPaths[] = {
    "pupil.name",
    "request.parent_views", "request.pupil_views",
    "needs.description", "needs.diagnoses.condition", "needs.diagnoses.by", "needs.diagnoses.impact",
    "attainment.assessment", "cognitive_assessments.assessment", "cognitive_assessments.by",
    "support_cycles.notes", "support_cycles.outcomes.description",
    "provision.name", "provision.outcome",
    "external_support.service", "external_support.recommendations.text", "external_support.recommendations.reason_not_implemented",
    "indicators.evidence",
    "wellbeing.evidence.summary", "wellbeing.additional_provision_needed",
    "post18.reason", "post18.programme",
    "documents.title", "documents.file",
};

std::string without_indexes(std::string_view path) {
    std::string out;
    int depth = 0;
    for (char c : path) {
        if (c == '[') ++depth;
        else if (c == ']') depth = depth > 0 ? depth - 1 : 0;
        else if (depth == 0) out += c;
    }
    return out;
}

bool is_free_text_path(std::string_view path) {
    std::string bare = without_indexes(path);
    return std::find(std::begin(kFreeTextPaths), std::end(kFreeTextPaths), bare) != std::end(kFreeTextPaths);
}

// Every free-text value of a record (non-empty), for scrubbing messages.
std::vector<std::string> free_text_values(const Record& r) {
    std::vector<std::string> out;
    auto add = [&](const std::optional<std::string>& s) { if (s && !s->empty()) out.push_back(*s); };
    add(r.pupil.name);
    if (r.request) add(r.request->parent_views), add(r.request->pupil_views);
    if (r.needs) {
        add(r.needs->description);
        for (const auto& d : r.needs->diagnoses) add(d.condition), add(d.by), add(d.impact);
    }
    for (const auto& a : r.attainment) add(a.assessment);
    for (const auto& c : r.cognitive_assessments) add(c.assessment), add(c.by);
    for (const auto& c : r.support_cycles) {
        add(c.notes);
        for (const auto& o : c.outcomes) add(o.description);
    }
    for (const auto& p : r.provision) add(p.name), add(p.outcome);
    for (const auto& e : r.external_support) {
        add(e.service);
        for (const auto& rec : e.recommendations) add(rec.text), add(rec.reason_not_implemented);
    }
    for (const auto& i : r.indicators) add(i.evidence);
    if (r.wellbeing) {
        for (const auto& e : r.wellbeing->evidence) add(e.summary);
        add(r.wellbeing->additional_provision_needed);
    }
    if (r.post18) add(r.post18->reason), add(r.post18->programme);
    for (const auto& d : r.documents) add(d.title), add(d.file);
    // Longest first, so a value that contains another is replaced whole.
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return out;
}

void scrub(std::string& text, const std::vector<std::string>& values) {
    for (const auto& v : values) {
        if (v.size() < 4) continue;  // too short to tell from the tool's own words
        for (auto at = text.find(v); at != std::string::npos; at = text.find(v, at + std::strlen(kRedacted)))
            text.replace(at, v.size(), kRedacted);
    }
}

}  // namespace

// A diagnostic about a free-text field may quote its value: only its code, place and
// severity are kept. Codes whose messages name keys only are left as they are.
std::vector<Diagnostic> redact_diagnostics(std::vector<Diagnostic> diagnostics, const Record* record) {
    std::vector<std::string> values = record ? free_text_values(*record) : std::vector<std::string>{};
    for (auto& d : diagnostics) {
        bool names_keys_only = d.code == "field.required" || d.code == "type.string" || d.code == "key.duplicate";
        if (is_free_text_path(d.path) && !names_keys_only) {
            d.message = fmt::format("{} ({})", kRedacted, d.code);
            d.fix.clear();
        }
        scrub(d.message, values);
        scrub(d.fix, values);
    }
    return diagnostics;
}

void redact_source(LoadedRecord& loaded, const std::string& name) {
    const std::string path = loaded.source.file;
    std::vector<std::string> forms;
    for (const std::string& f : {path, escape_controls(path)}) {
        if (f.empty() || f == "-" || std::find(forms.begin(), forms.end(), f) != forms.end()) continue;
        forms.push_back(f.size() >= 4 ? f : "`" + f + "`");  // a very short name only where it is quoted
    }
    std::sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    auto cut = [&](std::string& text) {
        for (const auto& f : forms)
            for (auto at = text.find(f); at != std::string::npos; at = text.find(f, at + name.size()))
                text.replace(at, f.size(), f.front() == '`' ? "`" + name + "`" : name);
    };
    loaded.source.file = name;
    for (auto& d : loaded.diagnostics) {
        d.file = name;
        cut(d.message);
        cut(d.fix);
    }
}

RecordReport evaluate_record(const Pack& pack, const LoadedRecord& loaded, const Date& as_of, bool redact) {
    RecordReport rep;
    rep.pack = pack.info.id;
    rep.source = loaded.source;
    rep.pupil_id = loaded.pupil_id;
    rep.diagnostics = redact ? redact_diagnostics(loaded.diagnostics, loaded.record ? &*loaded.record : nullptr)
                             : loaded.diagnostics;
    if (!loaded.record) {
        rep.verdict = Verdict::invalid;
        return rep;
    }
    const Record& record = *loaded.record;
    Facts facts = derive_facts(record, as_of, pack.parameters.facts);
    rep.made_by = facts.made_by();
    rep.own_request = rep.made_by == RequestMaker::parent || rep.made_by == RequestMaker::young_person;
    rep.request_always_possible = pack.info.request_always_possible;
    rep.request_date = facts.request_date;  // the record's date, or the as-of date when it gives none
    CheckContext ctx{facts, pack.parameters, loaded.diagnostics, redact};
    rep.pupil = summarise(record, facts);
    if (redact && rep.pupil->name) rep.pupil->name = kRedacted;

    std::vector<std::vector<Gap>> criterion_gaps;
    for (const auto& c : pack.criteria) {
        CriterionResult cr;
        cr.id = c.id;
        cr.number = c.number;
        cr.title = c.title;
        cr.source_wording = c.source_wording;
        cr.cite = c.cite;
        cr.cite_address = pack.source_address(c.source);
        cr.interpretation = c.interpretation;
        cr.evidence_sought = c.evidence_sought;
        cr.advisory = c.advisory;
        std::vector<Gap> gaps;
        std::string why_not;
        if (c.applies_when && !applies(*c.applies_when, facts, why_not)) {
            cr.status = Status::not_applicable;
            cr.reasons.push_back("does not apply: " + why_not);
        } else {
            CheckResult detail = evaluate_node(c.check, ctx);
            cr.status = detail.status;
            cr.estimated = detail.estimated;
            flatten(detail, cr);
            gather_missing(detail, c.id, gaps);
            for (const auto& g : gaps)  // the same shortfall reached through two parts is listed once
                if (std::find(cr.missing.begin(), cr.missing.end(), g.text) == cr.missing.end()) cr.missing.push_back(g.text);
            cr.detail = std::move(detail);
            // Advisory: shown for information, never a shortfall; nothing is "missing".
            if (c.advisory) {
                cr.missing.clear();
                std::function<void(CheckResult&)> strip = [&](CheckResult& n) {
                    n.missing.clear();
                    for (auto& child : n.children) strip(child);
                };
                strip(*cr.detail);
                gaps.clear();
            }
        }
        for (auto& g : gaps) g.source = c.id;
        criterion_gaps.push_back(std::move(gaps));
        rep.criteria.push_back(std::move(cr));
    }

    for (const auto& spec : pack.indicators) {
        IndicatorResult ir;
        ir.id = spec.id;
        ir.area = spec.area;
        ir.text = spec.text;
        ir.compelling = spec.compelling;
        ir.cite = spec.cite;
        ir.derive_cite = spec.derive_cite;
        for (const auto& d : record.indicators)
            if (d.id == spec.id) {
                ir.declared = true;
                if (d.evidence) ir.declared_evidence = ctx.redact ? kRedacted : *d.evidence;
            }
        if (spec.derive) {
            ir.derivable = true;
            CheckResult r = evaluate_node(*spec.derive, ctx);
            ir.derived = r.status == Status::met;
            ir.contradicted = ir.declared && r.status == Status::not_met;
            ir.derived_because = fmt::format("{}", fmt::join(r.reasons, "; "));
        }
        if (ir.compelling && (ir.declared || ir.derived)) rep.compelling.push_back(ir.id);
        rep.indicators.push_back(std::move(ir));
    }

    rep.evidence_complete = true;
    std::vector<Gap> evidence_gaps;
    for (const auto& spec : pack.evidence) {
        CheckResult r = evaluate_node(spec.check, ctx);
        if (r.status == Status::not_applicable) continue;
        EvidenceItem item{spec.id, spec.text, r.status == Status::met, fmt::format("{}", fmt::join(r.reasons, "; ")), spec.cite,
                          pack.source_address(spec.source)};
        if (!item.present) {
            rep.evidence_complete = false;
            std::string what = spec.text;
            if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
            evidence_gaps.push_back(Gap{spec.fix_rank, "evidence", fmt::format("attach {}: {}", what, item.detail)});
        }
        rep.evidence.push_back(std::move(item));
    }

    for (const auto& spec : pack.practice) {
        CheckResult r = evaluate_node(spec.check, ctx);
        if (r.status == Status::not_met)
            for (const auto& reason : r.reasons) rep.practice.push_back(PracticeWarning{spec.id, reason, spec.cite});
    }

    CostSummary cost;
    cost.annual_total = facts.cost_total;
    cost.notional_budget = pack.parameters.notional_budget;
    cost.costing_year = facts.costing;
    for (const auto& line : facts.costs) {
        cost.items.push_back(CostItem{line.entry->name,
                                      line.entry->area ? std::optional<std::string>(std::string(to_string(*line.entry->area))) : std::nullopt,
                                      line.cost, line.basis, line.default_rate, line.incomplete});
        if (redact) cost.items.back().name = cost_item_label(cost.items.back(), cost.items.size() - 1, true);
    }
    rep.cost = std::move(cost);
    rep.timeline = facts.timeline;

    rep.verdict = readiness_holds(pack.readiness, rep) ? Verdict::ready : Verdict::not_ready;
    if (rep.verdict == Verdict::ready) readiness_notes(pack.readiness, rep, rep.readiness_notes);

    std::vector<Gap> gaps;
    readiness_gaps(pack.readiness, rep, criterion_gaps, gaps);
    gaps.insert(gaps.end(), evidence_gaps.begin(), evidence_gaps.end());
    std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.rank < b.rank; });
    // The same shortfall can be reached by two routes (e.g. a progress judgement); list it once.
    std::vector<Gap> unique;
    for (auto& g : gaps)
        if (std::none_of(unique.begin(), unique.end(), [&](const Gap& u) { return u.text == g.text; })) unique.push_back(std::move(g));
    rep.gaps = std::move(unique);
    // A not_ready verdict always names at least one gap: when no check named something to
    // add (a criterion not applicable, say), name each criterion the rule still needs.
    if (rep.verdict == Verdict::not_ready && rep.gaps.empty()) {
        std::vector<const CriterionResult*> unmet;
        unmet_criteria(pack.readiness, rep, unmet);
        for (const auto* c : unmet)
            rep.gaps.push_back(Gap{90, c->id, fmt::format("criterion {} ({}) is {}: {}", c->number, c->title,
                                                         words_of(to_string(c->status)),
                                                         c->reasons.empty() ? std::string("see the criterion for what it looks for")
                                                                            : c->reasons.front())});
        if (rep.gaps.empty())
            rep.gaps.push_back(Gap{90, "readiness", "the readiness rule does not hold: " + pack.readiness_text});
    }
    return rep;
}

}  // namespace ehcp
