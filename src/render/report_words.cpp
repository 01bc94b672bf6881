#include "report_words.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/render/format.hpp"

namespace ehcp::report_words {

std::string authority_name(const PackInfo& pack) {
    return pack.authority.empty() ? std::string("the local authority") : pack.authority;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::size_t error_count(const RecordReport& record) {
    return static_cast<std::size_t>(std::count_if(record.diagnostics.begin(), record.diagnostics.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::string possessive_name(const PackInfo& pack) {
    std::string who = authority_name(pack);
    return who == "the local authority" ? std::string("the local authority's") : who + "'s";
}

std::string made_by_words(RequestMaker who) {
    switch (who) {
        case RequestMaker::school: return "the school (or setting)";
        case RequestMaker::parent: return "a parent";
        case RequestMaker::young_person: return "the young person";
        case RequestMaker::professional: return "a professional";
    }
    return {};
}

std::string gap_text(const RecordReport& r, const Gap& g) {
    if (!r.own_request) return g.text;
    // For a parent or young person, the record's field paths ("(support_cycles[2].progress)")
    // say nothing: leave them out. Only a parenthesis that is a field path goes.
    std::string out;
    std::size_t i = 0;
    while (i < g.text.size()) {
        if (g.text.compare(i, 2, " (") == 0) {
            std::size_t close = g.text.find(')', i + 2);
            if (close != std::string::npos) {
                std::string_view inner(g.text.data() + i + 2, close - i - 2);
                bool path = !inner.empty() && inner.find_first_not_of("abcdefghijklmnopqrstuvwxyz_.[]0123456789") == std::string_view::npos &&
                            (inner.find('.') != std::string_view::npos || inner.find('[') != std::string_view::npos ||
                             inner.find('_') != std::string_view::npos);
                if (path) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += g.text[i++];
    }
    return out;
}

std::string gaps_heading(const RecordReport& r) {
    if (r.own_request) return "Evidence the school or services could add to strengthen the request";
    return r.request_always_possible ? "Evidence that would strengthen the request" : "Gaps, in the order to fix them";
}

// What the pack checks, as the verdict names it: the pack's `criteria_name` (the legal
// test's "the legal test in section 36(8)"), else "<authority>'s criteria".
std::string criteria_words(const PackInfo& pack) {
    return pack.criteria_name.empty() ? possessive_name(pack) + " criteria" : pack.criteria_name;
}

std::string timeline_heading(const Timeline& t) {
    return "Statutory timeline if the request is received on " + t.request.iso();
}

std::string timeline_note() {
    return "The limits run from the day the council receives the request, with exceptions set out in the SEND "
           "Regulations 2014.";
}

std::string verdict_sentence(const RecordReport& r, const Report& report) {
    switch (r.verdict) {
        case Verdict::ready:
            // "as this tool reads them": the criteria; with a pack's own name for what it checks
            // (which may be one test), "as this tool reads it": the evidence.
            return fmt::format("the evidence meets {} as this tool reads {}", criteria_words(report.pack),
                               report.pack.criteria_name.empty() ? "them" : "it");
        case Verdict::not_ready:
            if (r.own_request || r.request_always_possible)
                return fmt::format("the evidence does not yet meet {} as this tool reads {}; {} below "
                                   "would strengthen the request",
                                   criteria_words(report.pack), report.pack.criteria_name.empty() ? "them" : "it",
                                   plural(r.gaps.size(), "point", "points"));
            return plural(r.gaps.size(), "gap", "gaps") + " to close before submitting";
        case Verdict::invalid:
            return fmt::format("the record could not be read ({})", plural(error_count(r), "error", "errors"));
    }
    return {};
}

std::string compelling_advice(const Report& report) {
    std::string who = authority_name(report.pack);
    if (!who.empty()) who[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(who[0])));
    return who + " may depart from its criteria where there is a compelling reason: make sure the request shows this.";
}

std::string indicator_text(const RecordReport& r, const std::string& id) {
    auto it = std::find_if(r.indicators.begin(), r.indicators.end(), [&](const IndicatorResult& i) { return i.id == id; });
    return it == r.indicators.end() ? std::string() : it->text;
}

std::string year_group_words(const PupilSummary& p) {
    std::string year = fmt::format("{} ({}", year_group_label(p.year_group), phase_label(p.phase));
    if (p.derived_year_group != p.year_group)
        year += fmt::format("; {} by date of birth", year_group_label(p.derived_year_group));
    return year + ")";
}

std::string age_words(const PupilSummary& p) {
    return fmt::format("{}{}", p.age_years, p.over_18 ? " (18 or over)" : "");
}

std::string source_words(const SourceRef& source) { return fmt::format("{}#{}", source.file, source.document); }

std::string pack_id_version(const PackInfo& pack) {
    return pack.version.empty() ? pack.id : fmt::format("{} {}", pack.id, pack.version);
}

std::string pack_words(const PackInfo& pack) {
    if (pack.title.empty()) return pack_id_version(pack);
    return fmt::format("{} ({})", pack.title, pack_id_version(pack));
}

std::string check_title(const CheckResult& c) {
    if (!c.title.empty()) return c.title;
    if (c.kind == "any_of") return "One of these:";
    if (c.kind == "all_of") return "All of these:";
    return c.id;
}

std::size_t count_leaves(const CheckResult& c) {
    if (c.children.empty()) return 1;
    std::size_t n = 0;
    for (const auto& child : c.children) n += count_leaves(child);
    return n;
}

const CheckResult& deciding_leaf(const CheckResult& c) {
    return c.children.size() == 1 ? deciding_leaf(c.children.front()) : c;
}

std::string gap_location(const RecordReport& r, const Gap& g) {
    if (g.source == "evidence") return "evidence checklist";
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        const auto& id = r.criteria[i].id;
        if (g.source == id ||
            (g.source.size() > id.size() && g.source.compare(0, id.size(), id) == 0 && g.source[id.size()] == '.'))
            return fmt::format("criterion {}", i + 1);
    }
    return {};
}

IndicatorWords indicator_words(const IndicatorResult& i) {
    IndicatorWords w;
    w.declared = i.declared ? "declared by the school" : "not declared by the school";
    if (i.contradicted)
        w.derived = "the data does not show it";
    else if (i.derived)
        w.derived = "derived from the data";
    else if (!i.derivable)
        w.derived = "not something the data can show";
    else
        w.derived = "not shown by the data";
    w.contradicted = i.contradicted;
    if (i.derived && !i.declared) w.advice = "consider declaring it";
    return w;
}

bool indicator_listed(const IndicatorResult& i) { return i.declared || i.derived || i.contradicted; }

std::vector<std::string> indicator_areas(const RecordReport& r) {
    std::vector<std::string> areas;
    for (const auto& i : r.indicators) {
        if (!indicator_listed(i)) continue;
        if (std::find(areas.begin(), areas.end(), i.area) == areas.end()) areas.push_back(i.area);
    }
    return areas;
}

std::string cost_basis(const CostItem& item) {
    std::string basis = item.basis;
    auto note = [&](std::string_view n) { basis += basis.empty() ? std::string(n) : fmt::format("; {}", n); };
    if (item.default_rate) note("the rule pack's default hourly rate was used");
    if (item.incomplete) note("not enough data to cost it in full");
    return basis;
}

std::string words(std::string_view snake_case) {
    std::string out(snake_case);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string budget_comparison(const CostSummary& cost) {
    double difference = round_pence(cost.annual_total - cost.notional_budget);
    if (difference > 0) return "over by " + format_money(difference);
    if (difference < 0) return "under by " + format_money(-difference);
    return "exactly the notional amount";
}

std::vector<TimelineRow> timeline_rows(const Timeline& t) {
    std::vector<TimelineRow> rows{{"Decision whether to assess by", t.decide_to_assess_by, {}},
                                  {"Decision whether to issue a plan by", t.decide_to_issue_by, {}},
                                  {"Final plan by", t.final_plan_by, {}}};
    for (auto& row : rows) {
        long days = t.request.days_until(row.date);
        if (days % 7 == 0) row.weeks = days / 7;
    }
    return rows;
}

std::optional<std::string> shown_name(const PupilSummary& pupil, bool redacted) {
    if (!pupil.name || pupil.name->empty()) return std::nullopt;
    return redacted ? std::string(kRedacted) : *pupil.name;
}

std::string shown_evidence(const IndicatorResult& i, bool redacted) {
    if (!i.declared || i.declared_evidence.empty()) return {};
    return redacted ? std::string(kRedacted) : i.declared_evidence;
}

std::optional<std::vector<std::string_view>> split_code_spans(std::string_view message) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t at = message.find('`'); at != std::string_view::npos; at = message.find('`', start)) {
        parts.push_back(message.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(message.substr(start));
    if (parts.size() % 2 == 0) return std::nullopt;
    return parts;
}

}  // namespace ehcp::report_words
