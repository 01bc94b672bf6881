#include "ehcp/render/text_report.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "ehcp/render/format.hpp"
#include "report_words.hpp"

namespace ehcp {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view status_style(Status s) {
    switch (s) {
        case Status::met: return kGreen;
        case Status::not_met: return kRed;
        case Status::insufficient_evidence: return kYellow;
        case Status::not_applicable: return kDim;
        case Status::manual_review: return kCyan;
    }
    return {};
}

std::string_view verdict_style(Verdict v) {
    switch (v) {
        case Verdict::ready: return kGreen;
        case Verdict::not_ready: return kYellow;
        case Verdict::invalid: return kRed;
    }
    return {};
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Builds the text line by line; colour is applied only when asked for, and the
// wrapping ignores it (display_width skips escape sequences).
class Writer {
public:
    explicit Writer(const TextOptions& options)
        : width_(static_cast<std::size_t>(std::max(options.width, 40))), color_(options.color) {}

    std::size_t width() const { return width_; }

    std::string paint(std::string_view text, std::string_view style) const {
        if (!color_ || style.empty() || text.empty()) return std::string(text);
        return fmt::format("{}{}{}", style, text, kReset);
    }

    void line(std::string_view text = {}) {
        out_ += text;
        out_ += '\n';
    }

    void wrap(std::string_view text, std::string_view first_indent, std::string_view rest_indent) {
        for (const auto& l : wrap_lines(text, width_, first_indent, rest_indent)) line(l);
    }

    void heading(std::string_view text) {
        line();
        for (const auto& l : wrap_lines(text, width_, "", "  ")) line(paint(l, kBold));
    }

    std::string take() { return std::move(out_); }

private:
    std::size_t width_;
    bool color_;
    std::string out_;
};

std::string authority_name(const PackInfo& pack) {
    return pack.authority.empty() ? std::string("the local authority") : pack.authority;
}


void write_header(Writer& w, const RecordReport& r, const Report& report) {
    std::string who;
    std::vector<std::string> parts;
    if (r.pupil) {
        const auto& p = *r.pupil;
        who = "Pupil " + p.id;
        if (p.name && !p.name->empty()) who += " " + (report.redacted ? std::string(kRedacted) : *p.name);
        if (p.setting && !p.setting->empty()) parts.push_back(*p.setting);
        std::string year = fmt::format("{} ({}", year_group_label(p.year_group), phase_label(p.phase));
        if (p.derived_year_group != p.year_group)
            year += fmt::format("; {} by date of birth", year_group_label(p.derived_year_group));
        parts.push_back(year + ")");
        parts.push_back(fmt::format("age {}{}", p.age_years, p.over_18 ? " (18 or over)" : ""));
    } else {
        who = "Record";
    }
    if (r.pupil) parts.push_back("request made by " + report_words::made_by_words(r.made_by));
    parts.push_back("as of " + report.as_of.iso());
    parts.push_back(fmt::format("{}#{}", r.source.file, r.source.document));
    std::string text = w.paint(who, kBold);
    text += " — ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) text += ", ";
        text += parts[i];
    }
    w.wrap(text, "", "  ");
}

void write_verdict(Writer& w, const RecordReport& r, const Report& report) {
    if (r.own_request && r.verdict != Verdict::invalid && !report.pack.own_request.empty()) {
        w.wrap(fmt::format("Request made by {}. {}", report_words::made_by_words(r.made_by), report.pack.own_request), "", "");
        w.line();
    }
    std::string_view style = (r.own_request || r.request_always_possible) && r.verdict == Verdict::not_ready
                                 ? kYellow
                                 : verdict_style(r.verdict);
    w.wrap(fmt::format("Evidence readiness: {} — {}", w.paint(verdict_tag(r), style), report_words::document_verdict_sentence(r, report)),
           "", "  ");
    if (r.verdict != Verdict::invalid) {
        for (const auto& note : r.readiness_notes) w.wrap(note, "  ", "  ");
        if (!report.pack.readiness_caveat.empty()) w.wrap(report.pack.readiness_caveat, "  ", "  ");
    }

    if (r.compelling.empty()) return;
    std::string named;
    for (const auto& id : r.compelling) {
        if (!named.empty()) named += "; ";
        named += id;
        auto it = std::find_if(r.indicators.begin(), r.indicators.end(),
                               [&](const IndicatorResult& i) { return i.id == id; });
        if (it != r.indicators.end() && !it->text.empty()) named += " (" + it->text + ")";
    }
    w.wrap(fmt::format("{} {}. {} may depart from its criteria where there is a compelling reason: make sure "
                       "the request shows this.",
                       w.paint("!! COMPELLING INDICATOR PRESENT:", kRed), named, authority_name(report.pack)),
           "", "   ");
}

void write_figures(Writer& w, const std::vector<Figure>& figures, std::string_view indent) {
    std::size_t label_width = 0;
    for (const auto& f : figures) label_width = std::max(label_width, display_width(f.label) + 1);
    std::string rest = std::string(indent) + std::string(label_width + 2, ' ');
    for (const auto& f : figures)
        w.wrap(f.value, fmt::format("{}{}  ", indent, pad_right(f.label + ":", label_width)), rest);
}

std::size_t count_leaves(const CheckResult& c) {
    if (c.children.empty()) return 1;
    std::size_t n = 0;
    for (const auto& child : c.children) n += count_leaves(child);
    return n;
}

void write_check_body(Writer& w, const CheckResult& c, const std::string& indent) {
    write_figures(w, c.figures, indent);
    for (const auto& reason : c.reasons) w.wrap(reason, indent, indent);
    for (const auto& m : c.missing) w.wrap("Missing: " + m, indent, indent + "         ");
}

void write_check(Writer& w, const CheckResult& c, std::size_t depth) {
    std::string indent(4 + 2 * depth, ' ');
    std::string detail = indent + "    ";
    std::string title = !c.title.empty() ? c.title
                        : c.kind == "any_of" ? "One of these:"
                        : c.kind == "all_of" ? "All of these:"
                                             : c.id;
    // "title  status": the status stays on the title's last line, two spaces after it.
    std::string_view status = status_words(c.status);
    std::string painted = w.paint(status, status_style(c.status));
    auto lines = wrap_lines(title, w.width(), indent, detail);
    if (display_width(lines.back()) + 2 + status.size() <= w.width()) {
        lines.back() += "  " + painted;
    } else if (w.width() >= detail.size() + status.size() + 2 + 30) {
        lines = wrap_lines(title, w.width() - status.size() - 2, indent, detail);
        lines.back() += "  " + painted;
    } else {
        lines.push_back(detail + painted);  // too narrow to share a line with the title
    }
    for (const auto& l : lines) w.line(l);
    write_check_body(w, c, detail);
    for (const auto& child : c.children) write_check(w, child, depth + 1);
}

void write_criteria(Writer& w, const RecordReport& r) {
    w.heading("Criteria");
    int position = 0;
    for (const auto& c : r.criteria) {
        ++position;
        w.line();
        const std::string tag = c.advisory ? report_words::kAdvisoryTag : std::string(status_tag(c.status));
        w.wrap(fmt::format("{} {}. {}", w.paint(fmt::format("[{}]", tag), c.advisory ? std::string_view{} : status_style(c.status)),
                           c.number ? c.number : position, c.title),
               "  ", "      ");
        if (c.advisory) w.wrap(report_words::kAdvisoryNote, "    ", "    ");
        if (c.detail && count_leaves(*c.detail) > 1) {
            // Several checks: each with its own status, figures and reasons.
            for (const auto& child : c.detail->children) write_check(w, child, 0);
        } else {
            // One deciding check (or none): its figures and reasons are the criterion's.
            write_figures(w, c.figures, "    ");
            for (const auto& reason : c.reasons) w.wrap(reason, "    ", "    ");
            for (const auto& m : c.missing) w.wrap("Missing: " + m, "    ", "             ");
        }
        if (!c.source_wording.empty()) w.wrap("\u201c" + c.source_wording + "\u201d", "    ", "     ");
        if (!c.cite.empty()) w.wrap("Source: " + c.cite + (c.cite_address.empty() ? "" : ", " + c.cite_address), "    ", "      ");
        if (!c.interpretation.empty()) w.wrap("This pack's reading: " + c.interpretation, "    ", "      ");
    }
}

// Where a gap comes from, in the reader's terms: "criterion 3", "evidence checklist".
std::string gap_location(const RecordReport& r, const Gap& g) {
    if (g.source == "evidence") return "evidence checklist";
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        const auto& id = r.criteria[i].id;
        if (g.source == id || (g.source.size() > id.size() && g.source.compare(0, id.size(), id) == 0 &&
                               g.source[id.size()] == '.'))
            return fmt::format("criterion {}", i + 1);
    }
    return {};
}

// Evidence to add, then (apart) what the records show against the criteria: a finding
// is not a task (report_words::gap_is_finding). Paths and ISO dates as in the record.
void write_gap_list(Writer& w, const RecordReport& r, const std::vector<const Gap*>& gaps) {
    std::size_t number_width = std::to_string(gaps.size()).size();
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        const auto& g = *gaps[i];
        std::string first = fmt::format("  {:>{}}. ", i + 1, number_width);
        std::string rest(display_width(first), ' ');
        auto lines = wrap_lines(report_words::gap_text(r, g), w.width(), first, rest);
        std::string where = gap_location(r, g);
        if (!where.empty()) {
            // "(criterion 2)" is kept whole, after the text or on a line of its own.
            where = "(" + where + ")";
            if (display_width(lines.back()) + 1 + display_width(where) <= w.width())
                lines.back() += " " + where;
            else
                lines.push_back(rest + where);
        }
        for (const auto& l : lines) w.line(l);
    }
}

void write_gaps(Writer& w, const RecordReport& r) {
    if (r.gaps.empty()) {
        w.line();
        w.line(w.paint("No gaps.", kBold));
        return;
    }
    std::vector<const Gap*> evidence, findings;
    for (const auto& g : r.gaps) (report_words::gap_is_finding(r, g) ? findings : evidence).push_back(&g);
    if (!evidence.empty()) {
        w.heading(report_words::evidence_to_add_heading(r) + ":");
        write_gap_list(w, r, evidence);
    }
    if (!findings.empty()) {
        w.heading(report_words::findings_heading() + ":");
        w.wrap(report_words::findings_note(), "  ", "  ");
        write_gap_list(w, r, findings);
    }
}

std::string indicator_state(const IndicatorResult& i) {
    std::string because = i.derived_because.empty() ? std::string() : " (" + i.derived_because + ")";
    if (i.declared && i.contradicted) return "declared, but the data does not show it" + because;
    if (i.declared && i.derived) return "declared, derived from data" + because;
    if (i.derived) return "derived from data" + because + ", not declared by the school — consider declaring it";
    if (i.declared && !i.derivable) return "declared by the school (not something the data can show)";
    return "declared by the school";
}

void write_indicators(Writer& w, const RecordReport& r, bool redacted, const std::string& compelling_note) {
    w.heading("Indicators of need");
    std::vector<std::string> areas;
    std::size_t id_width = 0;
    for (const auto& i : r.indicators) {
        if (!(i.declared || i.derived || i.contradicted)) continue;
        if (std::find(areas.begin(), areas.end(), i.area) == areas.end()) areas.push_back(i.area);
        id_width = std::max(id_width, display_width(i.id));
    }
    if (areas.empty()) {
        w.line("  None declared by the school or derived from the data.");
        return;
    }
    std::string rest(4 + id_width + 2, ' ');
    for (const auto& area : areas) {
        w.line("  " + (area.empty() ? std::string("Other") : area));
        for (const auto& i : r.indicators) {
            if (!(i.declared || i.derived || i.contradicted) || i.area != area) continue;
            std::string state = indicator_state(i);
            if (i.compelling) state += " " + w.paint("[COMPELLING]", kRed);
            w.wrap(state, "    " + pad_right(i.id, id_width) + "  ", rest);
            if (!i.text.empty()) w.wrap(i.text, rest, rest);
            if (i.declared && !i.declared_evidence.empty())
                w.wrap("School's evidence: " + (redacted ? std::string(kRedacted) : i.declared_evidence), rest, rest + "  ");
            if (i.derived && !i.derive_cite.empty()) w.wrap("Threshold: " + i.derive_cite, rest, rest + "  ");
        }
    }
    bool any_compelling = std::any_of(r.indicators.begin(), r.indicators.end(), [](const IndicatorResult& i) {
        return i.compelling && (i.declared || i.derived);
    });
    if (!r.indicators.empty() && !r.indicators.front().cite.empty()) w.wrap("Source: " + r.indicators.front().cite, "  ", "    ");
    if (any_compelling && !compelling_note.empty()) w.wrap(compelling_note, "  ", "  ");
}

void write_cost(Writer& w, const RecordReport& r, bool redacted) {
    if (!r.cost) return;
    const auto& cost = *r.cost;
    w.heading(fmt::format("Costed provision (costing year {} to {})", cost.costing_year.first.iso(),
                          cost.costing_year.last.iso()));
    std::size_t money_width = 0;
    for (const auto& item : cost.items) money_width = std::max(money_width, display_width(format_money(item.cost)));
    std::size_t name_width = w.width() > money_width + 4 ? w.width() - money_width - 4 : 20;
    if (cost.items.empty()) w.line("  No provision in the record's provision map.");
    for (std::size_t n = 0; n < cost.items.size(); ++n) {
        const auto& item = cost.items[n];
        auto name_lines = wrap_lines(cost_item_label(item, n, redacted), name_width + 2, "  ", "    ");
        name_lines[0] = pad_right(name_lines[0], name_width + 2) + "  " + pad_left(format_money(item.cost), money_width);
        for (const auto& l : name_lines) w.line(l);
        std::string basis = item.basis;
        auto note = [&](std::string_view n) { basis += basis.empty() ? std::string(n) : fmt::format("; {}", n); };
        if (item.default_rate) note("the rule pack's default hourly rate was used");
        if (item.incomplete) note("not enough data to cost it in full");
        if (!basis.empty()) w.wrap(basis, "      ", "      ");
    }
    w.line("  " + std::string(w.width() - 2, '-'));
    double difference = round_pence(cost.annual_total - cost.notional_budget);
    std::string compared = difference > 0   ? "over by " + format_money(difference)
                           : difference < 0 ? "under by " + format_money(-difference)
                                            : "exactly the notional amount";
    w.wrap(fmt::format("Total {} of the notional {} ({})", format_money(cost.annual_total),
                       format_money(cost.notional_budget), compared),
           "  ", "    ");
}

void write_evidence(Writer& w, const RecordReport& r) {
    w.heading("Evidence checklist");
    if (r.evidence.empty()) w.line("  None listed.");
    for (std::size_t n = 0; n < r.evidence.size(); ++n) {
        const auto& e = r.evidence[n];
        std::string text = e.text;
        if (!e.detail.empty()) text += " — " + e.detail;
        w.wrap(text, e.present ? "  [x] " : "  [ ] ", "      ");
        // Items that share a source (the slides' three criteria) name it once, after the last of them.
        bool last_of_source = n + 1 == r.evidence.size() || r.evidence[n + 1].cite != e.cite;
        if (!e.cite.empty() && last_of_source)
            w.wrap("Source: " + e.cite + (e.cite_address.empty() ? "" : ", " + e.cite_address), "      ", "        ");
    }
}

void write_practice(Writer& w, const RecordReport& r) {
    w.heading("Practice warnings (do not affect readiness)");
    if (r.practice.empty()) w.line("  None.");
    for (const auto& p : r.practice) {
        std::string text = p.message;
        if (!p.cite.empty()) text += " (" + p.cite + ")";
        w.wrap(text, "  - ", "    ");
    }
}

void write_timeline(Writer& w, const RecordReport& r) {
    if (!r.timeline) return;
    const auto& t = *r.timeline;
    w.heading(report_words::timeline_heading(t));
    struct Row {
        std::string_view label;
        Date date;
    };
    const Row rows[] = {{"Decision whether to assess by", t.decide_to_assess_by},
                        {"Decision whether to issue a plan by", t.decide_to_issue_by},
                        {"Final plan by", t.final_plan_by}};
    std::size_t label_width = 0;
    for (const auto& row : rows) label_width = std::max(label_width, display_width(row.label));
    w.wrap(report_words::timeline_note(), "  ", "  ");
    for (const auto& row : rows) {
        long days = t.request.days_until(row.date);
        std::string weeks = days % 7 == 0 ? fmt::format("  ({})", plural(static_cast<std::size_t>(days / 7), "week", "weeks"))
                                          : std::string();
        std::string text = fmt::format("  {}  {}{}", pad_right(row.label, label_width), row.date.iso(), weeks);
        if (display_width(text) <= w.width())
            w.line(text);
        else
            w.wrap(fmt::format("{} {}{}", row.label, row.date.iso(), weeks), "  ", "    ");
    }
}

void write_diagnostics(Writer& w, const RecordReport& r, std::string_view title) {
    if (r.diagnostics.empty()) return;
    w.heading(title);
    for (auto d : r.diagnostics) {
        if (d.file.empty()) d.file = r.source.file;
        w.wrap(format_diagnostic(d), "  ", "      ");
    }
}

void write_statement(Writer& w, const Report& report) {
    w.heading("About this report");
    if (!report.pack.readiness_statement.empty()) w.wrap(report.pack.readiness_statement, "  ", "  ");
    if (!report.pack.legal_test.empty()) {
        w.line();
        w.wrap(report.pack.legal_test, "  ", "  ");
    }

    if (!report.pack.id.empty()) {
        w.line();
        std::string pack = report.pack.title.empty() ? report.pack.id
                                                     : fmt::format("{} ({}", report.pack.title, report.pack.id);
        if (!report.pack.version.empty()) pack += " " + report.pack.version;
        if (!report.pack.title.empty()) pack += ")";
        w.wrap("Rule pack: " + pack, "  ", "    ");
    }
    if (!report.pack.rights.empty()) {
        w.line();
        w.wrap(report.pack.rights, "  ", "  ");
    }
}

void write_record(Writer& w, const RecordReport& r, const Report& report) {
    write_header(w, r, report);
    w.line();
    write_verdict(w, r, report);
    if (r.verdict == Verdict::invalid) {
        write_diagnostics(w, r, "Problems found in the record");
        write_statement(w, report);
        return;
    }
    write_criteria(w, r);
    write_gaps(w, r);
    write_indicators(w, r, report.redacted, report.pack.compelling_note);
    write_cost(w, r, report.redacted);
    write_evidence(w, r);
    write_practice(w, r);
    write_timeline(w, r);
    write_diagnostics(w, r, "Warnings about the record");
    write_statement(w, report);
}

}  // namespace

std::string render_record_text(const RecordReport& record, const Report& report, const TextOptions& options) {
    Writer w(options);
    write_record(w, record, report);
    return w.take();
}

std::string render_text(const Report& report, const TextOptions& options) {
    Writer w(options);
    for (std::size_t i = 0; i < report.records.size(); ++i) {
        if (i > 0) {
            w.line();
            w.line(std::string(w.width(), '='));
            w.line();
        }
        write_record(w, report.records[i], report);
    }
    if (report.records.empty()) {
        w.line("No records were checked.");
        write_statement(w, report);
    }
    return w.take();
}

}  // namespace ehcp
