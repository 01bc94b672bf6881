#include "report_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

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

namespace ehcp::report_words {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

// The record's sections and lists, as a reader names one item of them.
struct SectionName {
    std::string_view key;
    std::string_view item;  // one item of the list, or the section
};
constexpr std::array<SectionName, 14> kSections{{{"pupil", "pupil"},
                                                 {"request", "request"},
                                                 {"needs", "needs"},
                                                 {"attainment", "attainment measure"},
                                                 {"cognitive_assessments", "cognitive assessment"},
                                                 {"functional_skills", "functional skills"},
                                                 {"attendance", "attendance"},
                                                 {"support_cycles", "support cycle"},
                                                 {"provision", "provision item"},
                                                 {"external_support", "external service"},
                                                 {"indicators", "indicator"},
                                                 {"wellbeing", "wellbeing"},
                                                 {"post18", "post-18"},
                                                 {"documents", "document"}}};
constexpr std::array<SectionName, 5> kLists{{{"diagnoses", "diagnosis"},
                                             {"recommendations", "recommendation"},
                                             {"measures", "measure"},
                                             {"outcomes", "outcome"},
                                             {"evidence", "evidence item"}}};

std::optional<std::string_view> section_item(std::string_view key) {
    for (const auto& s : kSections)
        if (s.key == key) return s.item;
    return std::nullopt;
}

std::string capitalised(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

bool path_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '[' || c == ']'; }
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Length of an ISO date (YYYY-MM-DD) at `at`, standing alone; 0 when there is none.
std::size_t iso_date_at(std::string_view s, std::size_t at) {
    if (at + 10 > s.size() || (at > 0 && word_char(s[at - 1]))) return 0;
    for (std::size_t k = 0; k < 10; ++k) {
        bool dash = k == 4 || k == 7;
        if (dash ? s[at + k] != '-' : !std::isdigit(static_cast<unsigned char>(s[at + k]))) return 0;
    }
    if (at + 10 < s.size() && (word_char(s[at + 10]) || (s[at + 10] == '-' && at + 11 < s.size() && std::isdigit(static_cast<unsigned char>(s[at + 11])))))
        return 0;
    return 10;
}

}  // namespace

std::string long_date(const Date& date) {
    return fmt::format("{} {} {}", date.day(), kMonths.at(date.month() - 1), date.year());
}

std::string path_label(std::string_view path, const RecordReport* record, bool redacted) {
    struct Segment {
        std::string_view name;
        std::optional<std::string_view> index;  // "" for [], digits for [n]
    };
    std::vector<Segment> segments;
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t end = i;
        while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
        Segment seg{path.substr(i, end - i), std::nullopt};
        if (seg.name.empty()) return {};
        i = end;
        if (i < path.size() && path[i] == '[') {
            std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) return {};
            seg.index = path.substr(i + 1, close - i - 1);
            if (!std::all_of(seg.index->begin(), seg.index->end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
                return {};
            i = close + 1;
        }
        segments.push_back(seg);
        if (i < path.size()) {
            if (path[i] != '.') return {};
            ++i;
            if (i == path.size()) return {};
        }
    }
    if (segments.empty()) return {};
    auto first = section_item(segments.front().name);
    if (!first) return {};
    // "needs.diagnoses[0]": the diagnosis is the item; "Needs" says nothing more.
    if (segments.size() > 1 && segments.front().name == "needs" && segments[1].index) segments.erase(segments.begin());

    std::vector<std::string> items;  // "External service 1", "recommendation 2"
    std::string field;               // the last plain key: "impact"
    for (std::size_t k = 0; k < segments.size(); ++k) {
        const auto& seg = segments[k];
        std::string item = words(seg.name);
        // A section by one of its items ("support cycle 2", "request: ..."); a list named
        // alone keeps its own name ("external support").
        if (auto section = section_item(seg.name); section && k == 0 && (seg.index || segments.size() > 1))
            item = std::string(*section);
        for (const auto& l : kLists)
            if (seg.index && l.key == seg.name) item = std::string(l.item);
        if (seg.index) {
            if (seg.index->empty()) {
                items.push_back("each " + item);
            } else {
                std::size_t n = std::stoul(std::string(*seg.index));
                std::string label = fmt::format("{} {}", item, n + 1);
                // A provision item by its name, from the costed lines (in the map's order).
                if (k == 0 && seg.name == "provision" && record && !redacted && record->cost && n < record->cost->items.size() &&
                    !record->cost->items[n].name.empty())
                    label += " (" + record->cost->items[n].name + ")";
                items.push_back(label);
            }
        } else if (k == 0) {
            items.push_back(item);
        } else if (k + 1 == segments.size()) {
            field = item;
        } else {
            items.push_back(item);
        }
    }
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    if (!field.empty()) out += ": " + field;
    return capitalised(out);
}

std::string plain_words(std::string_view text, const RecordReport& record, bool redacted) {
    static constexpr std::string_view open = "\u2018", close = "\u2019";
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, open.size(), open) == 0) {  // the record's own words: as written
            std::size_t end = text.find(close, i + open.size());
            end = end == std::string_view::npos ? text.size() : end + close.size();
            out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        if (std::size_t n = iso_date_at(text, i)) {
            if (auto d = Date::parse_iso(text.substr(i, n))) {
                out += long_date(*d);
                i += n;
                continue;
            }
        }
        char c = text[i];
        if (c >= 'a' && c <= 'z' && (i == 0 || !word_char(text[i - 1]))) {
            std::size_t end = i;
            while (end < text.size() && path_char(text[end])) ++end;
            while (end > i && text[end - 1] == '.') --end;  // a full stop after a path
            std::string_view token = text.substr(i, end - i);
            // A path, or a key of two words (external_support); a plain word such as
            // "provision" or "needs" stays a word.
            if (token.find_first_of(".[_") != std::string_view::npos) {
                bool quoted_next = text.compare(end, 1 + open.size(), std::string(" ") + std::string(open)) == 0;
                std::string label = path_label(token, &record, redacted || quoted_next);
                if (!label.empty()) {
                    out += label;
                    i = end;
                    continue;
                }
            }
            out.append(token);
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

bool gap_is_finding(const RecordReport& r, const Gap& g) {
    if (g.source == "evidence") return false;
    // Check kinds that measure the child or the support against a threshold: when one is
    // not met, what it says missing is a shortfall of the records, not a task.
    static constexpr std::array<std::string_view, 7> kMeasures{"eyfs_delay",
                                                               "attainment_gap_years",
                                                               "functional_skills_below",
                                                               "reviewed_cycles",
                                                               "costed_provision_over_budget",
                                                               "little_progress_over_months",
                                                               "latest_cycle_progress"};
    std::function<bool(const CheckResult&)> found = [&](const CheckResult& c) {
        if (c.status == Status::not_met && std::find(kMeasures.begin(), kMeasures.end(), c.kind) != kMeasures.end() &&
            std::find(c.missing.begin(), c.missing.end(), g.text) != c.missing.end())
            return true;
        return std::any_of(c.children.begin(), c.children.end(), found);
    };
    for (const auto& c : r.criteria) {
        bool source = g.source == c.id ||
                      (g.source.size() > c.id.size() && g.source.compare(0, c.id.size(), c.id) == 0 && g.source[c.id.size()] == '.');
        if (!source) continue;
        if (c.detail && found(*c.detail)) return true;
        // The engine's own line for a criterion no check named anything for ("criterion 1
        // (...) is not met: ..."): a finding when the criterion is not met.
        if (g.text.rfind("criterion ", 0) == 0 && c.status == Status::not_met) return true;
    }
    return g.source == "readiness";
}

std::string document_verdict_sentence(const RecordReport& r, const Report& report) {
    if (r.verdict != Verdict::not_ready) return verdict_sentence(r, report);
    std::size_t findings = static_cast<std::size_t>(
        std::count_if(r.gaps.begin(), r.gaps.end(), [&](const Gap& g) { return gap_is_finding(r, g); }));
    std::size_t evidence = r.gaps.size() - findings;
    std::string add = plural(evidence, "item of evidence", "items of evidence");
    std::string short_of = plural(findings, "point", "points") + " where the records do not meet the criteria";
    if (r.own_request || r.request_always_possible) {
        std::string out = fmt::format("the evidence does not yet meet {} as this tool reads {}", criteria_words(report.pack),
                                      report.pack.criteria_name.empty() ? "them" : "it");
        if (evidence > 0) out += fmt::format("; {} below would strengthen the request", add);
        return out;
    }
    if (evidence > 0 && findings > 0) return fmt::format("{} to add, and {}", add, short_of);
    if (evidence > 0) return add + " to add before submitting";
    return short_of;
}

std::string evidence_to_add_heading(const RecordReport& r) {
    if (r.own_request) return "Evidence the school or services could add to strengthen the request";
    return r.request_always_possible ? "Evidence that would strengthen the request"
                                     : "Evidence to add, in the order to work on it";
}

std::string findings_heading() { return "What the records show against the criteria"; }

std::string findings_note() {
    return "Where the records, as they stand, do not reach what a criterion asks. These describe what the records "
           "show; they are not tasks.";
}

std::string left_out_warnings(const RecordReport& r) {
    return fmt::format("{} about how the record is written {} left out of this copy, which is meant to be shared. "
                       "To see {}: ehcp check --with-warnings, or ehcp validate with the record's file.",
                       plural(r.diagnostics.size(), "warning", "warnings"), r.diagnostics.size() == 1 ? "is" : "are",
                       r.diagnostics.size() == 1 ? "it" : "them");
}

std::string document_gap_text(const RecordReport& r, const Gap& g, bool redacted) {
    return plain_words(r.own_request ? gap_text(r, g) : g.text, r, redacted);
}

}  // namespace ehcp::report_words
