#include "ehcp/render/markdown_report.hpp"

#include <algorithm>
#include <cctype>

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/render/format.hpp"
#include "report_words.hpp"

namespace ehcp {

namespace {

using namespace report_words;

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `&` that could start an entity or character reference (&lt; &#60; &#x3c;).
bool starts_reference(std::string_view s, std::size_t at) {
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '#') {
        ++i;
        if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) ++i;
        return i < s.size() && ascii_alnum(s[i]);
    }
    return i < s.size() && ascii_alpha(s[i]);
}

std::string esc(std::string_view text) { return markdown_escape(text); }

// Builds the document line by line.
class Writer {
public:
    void line(std::string_view text = {}) {
        out_ += text;
        out_ += '\n';
    }
    // A block: a blank line before it unless the document is empty or already has one.
    void blank() {
        if (!out_.empty() && !(out_.size() >= 2 && out_[out_.size() - 1] == '\n' && out_[out_.size() - 2] == '\n'))
            out_ += '\n';
    }
    void heading(int level, std::string_view text) {
        blank();
        line(std::string(static_cast<std::size_t>(level), '#') + " " + std::string(text));
        blank();
    }
    void paragraph(std::string_view text) {
        blank();
        line(text);
        blank();
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

std::string bold(std::string_view text) { return fmt::format("**{}**", text); }

void write_verdict(Writer& w, const RecordReport& r, const Report& report) {
    if (r.own_request && r.verdict != Verdict::invalid && !report.pack.own_request.empty())
        w.paragraph(fmt::format("{} {}", bold(esc("Request made by " + made_by_words(r.made_by) + ".")),
                                esc(report.pack.own_request)));
    w.paragraph(fmt::format("{} — {}.", bold(fmt::format("Evidence readiness: {}", verdict_tag(r))),
                            esc(document_verdict_sentence(r, report))));
    if (r.verdict != Verdict::invalid) {
        for (const auto& note : r.readiness_notes) w.paragraph(esc(note));
        if (!report.pack.readiness_rule.empty())
            w.paragraph(bold("The readiness rule:") + " " + esc(report.pack.readiness_rule));
        if (!report.pack.readiness_caveat.empty()) w.paragraph("*" + esc(report.pack.readiness_caveat) + "*");
    }
    if (!r.compelling.empty()) {
        std::string named;
        for (const auto& id : r.compelling) {
            if (!named.empty()) named += "; ";
            named += esc(id);
            std::string text = indicator_text(r, id);
            if (!text.empty()) named += " (" + esc(text) + ")";
        }
        w.paragraph(fmt::format("> {} {}. {}", bold("Compelling indicator present:"), named,
                                esc(compelling_advice(report))));
    }
}

void write_statement(Writer& w, const Report& report) {
    if (!report.pack.readiness_statement.empty()) w.paragraph("> " + esc(report.pack.readiness_statement));
}

void write_details(Writer& w, const RecordReport& r, const Report& report) {
    w.blank();
    if (r.pupil) {
        const auto& p = *r.pupil;
        w.line("- Pupil: " + esc(p.id));
        if (auto name = shown_name(p, report.redacted)) w.line("- Name: " + esc(*name));
        if (p.setting && !p.setting->empty()) w.line("- Setting: " + esc(*p.setting));
        w.line("- Year group: " + esc(year_group_words(p)));
        w.line("- Age: " + esc(age_words(p)));
        w.line("- Request made by: " + esc(made_by_words(r.made_by)));
    }
    w.line("- As of: " + long_date(report.as_of));
    w.line("- Record: " + esc(source_words(r.source)));
    if (!report.pack.id.empty()) w.line("- Rule pack: " + esc(pack_id_version(report.pack)));
    w.blank();
}

// One list item per figure, reason and missing item, indented under `indent`.
// Engine text in the document's words: labels for record paths, dates as people write them.
struct Words {
    const RecordReport& record;
    bool redacted;
    std::string operator()(std::string_view text) const { return esc(plain_words(text, record, redacted)); }
};

void write_check_body(Writer& w, const CheckResult& c, const std::string& indent, const Words& say) {
    for (const auto& f : c.figures) w.line(fmt::format("{}- {}: {}", indent, esc(f.label), say(f.value)));
    for (const auto& reason : c.reasons) w.line(fmt::format("{}- {}", indent, say(reason)));
    for (const auto& m : c.missing) w.line(fmt::format("{}- Missing: {}", indent, say(m)));
}

void write_check(Writer& w, const CheckResult& c, std::size_t depth, const Words& say) {
    std::string indent(2 * depth, ' ');
    w.line(fmt::format("{}- {} — {}", indent, bold(esc(check_title(c))), status_words(c.status)));
    write_check_body(w, c, indent + "  ", say);
    for (const auto& child : c.children) write_check(w, child, depth + 1, say);
}

void write_criteria(Writer& w, const RecordReport& r, const Words& say) {
    w.heading(2, "Criteria");
    w.line("| # | Criterion | Status |");
    w.line("|--:|:----------|:-------|");
    for (const auto& c : r.criteria)
        w.line(fmt::format("| {} | {} | {} |", c.number, esc(c.title),
                           bold(c.advisory ? std::string(kAdvisoryTag) : std::string(status_tag(c.status)))));
    for (const auto& c : r.criteria) {
        w.heading(3, fmt::format("{}. {}: {}", c.number, esc(c.title), c.advisory ? std::string(kAdvisoryTag) : std::string(status_tag(c.status))));
        if (c.advisory) w.paragraph(std::string("*") + kAdvisoryNote + "*");
        if (!c.detail) {
            for (const auto& reason : c.reasons) w.line("- " + say(reason));
        } else if (count_leaves(*c.detail) == 1) {
            write_check_body(w, deciding_leaf(*c.detail), "", say);
        } else {
            for (const auto& child : c.detail->children) write_check(w, child, 0, say);
        }
        if (!c.source_wording.empty()) {
            w.blank();
            w.line("> \u201c" + esc(c.source_wording) + "\u201d");
            if (!c.cite.empty()) {
                w.line(">");
                w.line("> — Source: " + esc(c.cite) + (c.cite_address.empty() ? "" : ", <" + c.cite_address + ">"));
            }
        } else if (!c.cite.empty()) {
            w.paragraph("Source: " + esc(c.cite) + (c.cite_address.empty() ? "" : ", <" + c.cite_address + ">"));
        }
        if (!c.interpretation.empty()) w.paragraph("*This pack's reading:* " + esc(c.interpretation));
        w.blank();
    }
}

// The to-do list: evidence to add, in the order to work on it, then (apart) where the
// records fall short of a criterion, which is nobody's task to "fix".
void write_gaps(Writer& w, const RecordReport& r, bool redacted) {
    std::vector<const Gap*> evidence, findings;
    for (const auto& g : r.gaps) (gap_is_finding(r, g) ? findings : evidence).push_back(&g);
    auto list = [&](const std::vector<const Gap*>& gaps) {
        for (std::size_t i = 0; i < gaps.size(); ++i) {
            std::string where = gap_location(r, *gaps[i]);
            w.line(fmt::format("{}. {}{}", i + 1, esc(document_gap_text(r, *gaps[i], redacted)),
                               where.empty() ? std::string() : " (" + esc(where) + ")"));
        }
    };
    w.heading(2, esc(evidence_to_add_heading(r)));
    if (evidence.empty()) w.line("None.");
    list(evidence);
    if (findings.empty()) return;
    w.heading(2, esc(findings_heading()));
    w.paragraph(esc(findings_note()));
    list(findings);
}

void write_indicators(Writer& w, const RecordReport& r, bool redacted, const std::string& compelling_note, const Words& say) {
    w.heading(2, "Indicators of need");
    auto areas = indicator_areas(r);
    if (areas.empty()) {
        w.line("None declared by the school or derived from the data.");
        return;
    }
    for (const auto& area : areas) {
        w.heading(3, esc(area.empty() ? std::string("Other") : area));
        for (const auto& i : r.indicators) {
            if (!indicator_listed(i) || i.area != area) continue;
            auto iw = indicator_words(i);
            std::string state = iw.declared + "; ";
            state += iw.contradicted ? bold("contradicted") + ": " + iw.derived : iw.derived;
            if (!iw.advice.empty()) state += " — " + iw.advice;
            if (i.compelling) state += " — " + bold("COMPELLING");
            w.line(fmt::format("- {}: {}", bold(esc(i.id)), state));
            if (!i.text.empty()) w.line("  - Indicator: " + esc(i.text));
            if (!i.derived_because.empty()) w.line("  - From the data: " + say(i.derived_because));
            std::string evidence = shown_evidence(i, redacted);
            if (!evidence.empty()) w.line("  - School's evidence: " + esc(evidence));
            if (i.derived && !i.derive_cite.empty()) w.line("  - Threshold: " + esc(i.derive_cite));
        }
    }
    w.blank();
    if (!r.indicators.empty() && !r.indicators.front().cite.empty()) w.paragraph("Source: " + esc(r.indicators.front().cite));
    bool any_compelling = std::any_of(r.indicators.begin(), r.indicators.end(), [](const IndicatorResult& i) {
        return i.compelling && (i.declared || i.derived);
    });
    if (any_compelling && !compelling_note.empty()) w.paragraph(esc(compelling_note));
}

void write_cost(Writer& w, const RecordReport& r, bool redacted) {
    if (!r.cost) return;
    const auto& cost = *r.cost;
    w.heading(2, "Costed provision");
    w.paragraph(fmt::format("Costing year {} to {}.", long_date(cost.costing_year.first), long_date(cost.costing_year.last)));
    if (cost.items.empty()) {
        w.paragraph("No provision in the record's provision map.");
    } else {
        w.line("| Provision | Area | Basis | Annual cost |");
        w.line("|:----------|:-----|:------|------------:|");
        for (std::size_t n = 0; n < cost.items.size(); ++n) {
            const auto& item = cost.items[n];
            w.line(fmt::format("| {} | {} | {} | {} |", esc(cost_item_label(item, n, redacted)),
                               item.area ? esc(words(*item.area)) : std::string(), esc(plain_words(cost_basis(item), r, redacted)),
                               format_money(item.cost)));
        }
        w.line(fmt::format("| {} | | | {} |", bold("Total"), bold(format_money(cost.annual_total))));
        w.line(fmt::format("| Notional SEN budget | | | {} |", format_money(cost.notional_budget)));
        w.blank();
    }
    w.paragraph(fmt::format("Total {} of the notional {} ({}).", format_money(cost.annual_total),
                            format_money(cost.notional_budget), budget_comparison(cost)));
}

void write_evidence(Writer& w, const RecordReport& r, const Words& say) {
    w.heading(2, "Evidence checklist");
    if (r.evidence.empty()) w.line("None listed.");
    for (std::size_t n = 0; n < r.evidence.size(); ++n) {
        const auto& e = r.evidence[n];
        std::string text = esc(e.text);
        if (!e.detail.empty()) text += " — " + say(e.detail);
        // Items that share a source (the slides' three criteria) name it once, on the last of them.
        bool last_of_source = n + 1 == r.evidence.size() || r.evidence[n + 1].cite != e.cite;
        if (!e.cite.empty() && last_of_source)
            text += " (source: " + esc(e.cite) + (e.cite_address.empty() ? "" : ", <" + e.cite_address + ">") + ")";
        w.line(fmt::format("- [{}] {}", e.present ? 'x' : ' ', text));
    }
}

void write_practice(Writer& w, const RecordReport& r, const Words& say) {
    w.heading(2, "Practice warnings (do not affect readiness)");
    if (r.practice.empty()) w.line("None.");
    for (const auto& p : r.practice) {
        std::string text = say(p.message);
        if (!p.cite.empty()) text += " (" + esc(p.cite) + ")";
        w.line("- " + text);
    }
}

void write_timeline(Writer& w, const RecordReport& r) {
    if (!r.timeline) return;
    const auto& t = *r.timeline;
    w.heading(2, "Statutory timeline");
    w.paragraph(fmt::format("If the request is received on {}. {}", long_date(t.request), esc(timeline_note())));
    w.line("| Step | Date | Weeks from request |");
    w.line("|:-----|:-----|-------------------:|");
    for (const auto& row : timeline_rows(t))
        w.line(fmt::format("| {} | {} | {} |", row.label, long_date(row.date),
                           row.weeks ? std::to_string(*row.weeks) : std::string()));
}

// A loader message, whose `quoted` parts (keys, values, fixes) become code spans, so
// they render as code and read the same as plain text. With an odd number of backticks
// the whole message is escaped instead.
std::string message_markdown(std::string_view message) {
    auto split = split_code_spans(message);
    if (!split) return esc(message);
    const auto& parts = *split;
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::string_view part = parts[i];
        if (i % 2 == 1) {
            std::string code(part);
            for (char& c : code)
                if (c == '\n' || c == '\r' || c == '\t') c = ' ';
            // Spaces at both ends of a code span are stripped by Markdown; keep them inside.
            if (code.empty() || code.front() == ' ' || code.back() == ' ') out += esc(fmt::format("`{}`", code));
            else out += "`" + code + "`";
        } else {
            bool trail = !part.empty() && std::isspace(static_cast<unsigned char>(part.back()));
            // Only the first part starts the line; later ones must not be escaped as if they did.
            std::string text = i == 0 ? esc(part) : esc("x" + std::string(part)).substr(1);
            out += text;
            if (trail) out += ' ';
        }
    }
    return out;
}

void write_diagnostics(Writer& w, const RecordReport& r, std::string_view title) {
    if (r.diagnostics.empty()) return;
    w.heading(2, title);
    for (auto d : r.diagnostics) {
        if (d.file.empty()) d.file = r.source.file;
        w.line("- " + message_markdown(format_diagnostic(d)));
    }
}

void write_about(Writer& w, const Report& report) {
    w.heading(2, "About this report");
    if (!report.pack.legal_test.empty()) w.paragraph(esc(report.pack.legal_test));
    if (!report.pack.id.empty()) w.paragraph("Rule pack: " + esc(pack_words(report.pack)) + ".");
    // The pack's sources that have a public address, as links (a pack-level citation).
    bool any_address = false;
    for (const auto& s : report.pack.sources) any_address = any_address || !s.address.empty();
    if (any_address) {
        w.line("Sources:");
        w.blank();
        for (const auto& s : report.pack.sources)
            if (!s.address.empty()) w.line("- " + esc(s.title) + ": <" + s.address + ">");
        w.blank();
    }
    if (!report.pack.rights.empty()) w.paragraph(esc(report.pack.rights));
}

// The loader's warnings, or (by default, in a copy to share) a line saying how many were
// left out and how to see them.
void write_warnings(Writer& w, const RecordReport& r, const DocumentOptions& options) {
    if (r.diagnostics.empty()) return;
    if (options.with_warnings) return write_diagnostics(w, r, "Warnings about the record");
    w.heading(2, "Warnings about the record");
    w.paragraph(esc(left_out_warnings(r)));
}

// The first page is the to-do list: the verdict and the rule beside it, then what to add
// and what the records show; the detail follows.
void write_record(Writer& w, const RecordReport& r, const Report& report, const DocumentOptions& options) {
    std::string title = r.pupil ? "pupil " + esc(r.pupil->id) : "record " + esc(source_words(r.source));
    w.heading(1, "Evidence readiness report: " + title);
    write_verdict(w, r, report);
    if (r.verdict == Verdict::invalid) {
        write_statement(w, report);
        write_details(w, r, report);
        write_diagnostics(w, r, "Problems found in the record");
        write_about(w, report);
        return;
    }
    Words say{r, report.redacted};
    write_gaps(w, r, report.redacted);
    write_statement(w, report);
    w.heading(2, "Details");
    write_details(w, r, report);
    write_criteria(w, r, say);
    write_indicators(w, r, report.redacted, report.pack.compelling_note, say);
    write_cost(w, r, report.redacted);
    write_evidence(w, r, say);
    write_practice(w, r, say);
    write_timeline(w, r);
    write_warnings(w, r, options);
    write_about(w, report);
}

}  // namespace

std::string markdown_escape(std::string_view text) {
    // One line, single spaces, trimmed: line breaks would let record text start a block.
    std::string flat;
    flat.reserve(text.size());
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (space) {
            if (!flat.empty() && flat.back() != ' ') flat += ' ';
        } else {
            flat += c;
        }
    }
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();

    std::string out;
    out.reserve(flat.size() + flat.size() / 8);
    const std::size_t n = flat.size();
    auto at = [&](std::size_t i) { return i < n ? flat[i] : '\0'; };
    auto has = [&](std::string_view what) { return flat.find(what) != std::string::npos; };
    auto count = [&](char c) { return static_cast<std::size_t>(std::count(flat.begin(), flat.end(), c)); };
    // A `[` is only read as markup when a link, image, span, footnote or link definition
    // could form (`](`, `][`, `]{`, `[^`, `[@`, `]:`) or a task-list box starts the text
    // ("[ ] ", "[x] "); elsewhere "[...]", "[redacted]" and "items[0]" are plain text.
    bool task_box = flat.size() >= 3 && flat[0] == '[' && flat[2] == ']' &&
                    (flat[1] == ' ' || flat[1] == 'x' || flat[1] == 'X');
    bool brackets = has("](") || has("][") || has("]{") || has("[^") || has("[@") || has("]:") || task_box;
    // `~`, `^` and `$` take effect in pairs (strikethrough, pandoc's sub/superscript, math).
    bool tildes = count('~') > 1, carets = count('^') > 1, dollars = count('$') > 1;
    // At the start a block could begin: a list item ("- ", "+ ", "1. ", "1) "), a heading
    // ("# "), a thematic break ("---", "***", "___"), a block quote (">").
    std::size_t digits = 0;
    while (digits < n && flat[digits] >= '0' && flat[digits] <= '9') ++digits;
    bool thematic_break = false;
    if (n > 0 && (flat[0] == '-' || flat[0] == '_')) {
        std::size_t marks = 0;
        thematic_break = std::all_of(flat.begin(), flat.end(), [&](char c) {
            marks += c == flat[0];
            return c == flat[0] || c == ' ';
        }) && marks >= 3;
    }
    std::size_t hashes = 0;
    while (hashes < n && flat[hashes] == '#') ++hashes;
    for (std::size_t i = 0; i < n; ++i) {
        char c = flat[i];
        bool escape = false;
        switch (c) {
            case '`': case '*': case '|':  // code, emphasis; `|` would split a table cell
                escape = true;
                break;
            case '\\': {
                // A backslash is literal unless it precedes punctuation or ends the line.
                char next = at(i + 1);
                escape = next == '\0' || std::ispunct(static_cast<unsigned char>(next));
                break;
            }
            case '<': {
                // Raw HTML and autolinks start "<" then a letter, "/", "!" or "?".
                char next = at(i + 1);
                escape = ascii_alpha(next) || next == '/' || next == '!' || next == '?';
                break;
            }
            case '[': escape = brackets; break;
            case ']': escape = brackets; break;
            case '~': escape = tildes; break;
            case '^': escape = carets; break;
            case '$': escape = dollars; break;
            case '_': {
                // Inside a word (snake_case) an underscore cannot emphasise anything.
                bool inside = i > 0 && i + 1 < n && ascii_alnum(flat[i - 1]) && ascii_alnum(flat[i + 1]);
                escape = !inside || (i == 0 && thematic_break);
                break;
            }
            case '&': escape = starts_reference(flat, i); break;
            case '>': escape = i == 0; break;
            case '#': escape = i == 0 && hashes <= 6 && (at(hashes) == ' ' || at(hashes) == '\0'); break;
            case '-': case '+':
                escape = i == 0 && (at(1) == ' ' || at(1) == '\0' || thematic_break);
                break;
            case '.': case ')':
                // "1. " or "1) " at the start would begin an ordered list; "4.5" would not.
                escape = i == digits && digits > 0 && digits <= 9 && (at(i + 1) == ' ' || at(i + 1) == '\0');
                break;
            default: break;
        }
        if (escape) out += '\\';
        out += c;
    }
    return out;
}

std::string render_markdown(const Report& report, const DocumentOptions& options) {
    Writer w;
    for (std::size_t i = 0; i < report.records.size(); ++i) {
        if (i > 0) {
            w.blank();
            w.line("---");
            w.blank();
        }
        write_record(w, report.records[i], report, options);
    }
    if (report.records.empty()) {
        w.heading(1, "Evidence readiness report");
        w.paragraph("No records were checked.");
        if (!report.pack.readiness_statement.empty()) w.paragraph("> " + esc(report.pack.readiness_statement));
        write_about(w, report);
    }
    std::string out = w.take();
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace ehcp
