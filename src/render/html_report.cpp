#include "ehcp/render/html_report.hpp"

#include <vector>

#include <algorithm>

#include <fmt/format.h>

#include "ehcp/render/format.hpp"
#include "report_words.hpp"

namespace ehcp {

namespace {

using namespace report_words;

// All the styling, in the one <style> element. Fonts are the reader's own (nothing is
// fetched). Colours and their contrast ratios (WCAG 2 relative luminance; AA needs 4.5:1
// for text); every status colour is also legible on plain white, for printers that leave
// backgrounds out, and every status is written in words, so colour is never the only cue:
//   body text     #1a1a1a on #ffffff  17.40:1     muted text     #4a4a4a on #ffffff   8.86:1
//   links         #0b4f9e on #ffffff   8.00:1     panel text     #1a1a1a on #f4f4f4  15.82:1
//   MET           #0a5c2b on #e3f2e8   7.03:1     (on white 8.14:1)
//   NOT MET       #9b1c1c on #fbe9e9   6.96:1     (on white 8.15:1)
//   INSUFFICIENT  #7a4500 on #fff1d6   7.02:1     (on white 7.84:1)
//   NOT APPLIC.   #4a4a4a on #eeeeee   7.64:1     (on white 8.86:1)
//   MANUAL REVIEW #0b4f71 on #e3f0f7   7.62:1     (on white 8.86:1)
//   verdict boxes #1a1a1a on #e3f2e8 15.03:1, on #fff1d6 15.59:1, on #fbe9e9 14.86:1
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; color: #1a1a1a; }
body {
  margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 54rem;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 1rem; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h1, h2, h3, h4 { line-height: 1.2; margin: 1.4em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.6rem; margin-top: 0.2em; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; border-bottom: 1px solid #9a9a9a; padding-bottom: 0.15em; }
h4 { font-size: 1rem; }
p, li { orphans: 3; widows: 3; }
a { color: #0b4f9e; }
ul, ol { padding-left: 1.5em; margin: 0.4em 0; }
li { margin: 0.15em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 0.8em; font-size: 0.95em; }
caption { text-align: left; font-weight: 600; padding: 0.2em 0; }
th, td { border: 1px solid #9a9a9a; padding: 0.3em 0.45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #f4f4f4; }
thead { display: table-header-group; }
tfoot th, tfoot td { background: #f4f4f4; font-weight: 600; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.money, th.money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num { text-align: right; width: 2.5em; }
.muted { color: #4a4a4a; }
.doc-meta { color: #4a4a4a; margin: 0 0 1em; }
.status {
  display: inline-block; padding: 0.05em 0.45em; border: 1px solid currentColor; border-radius: 0.25em;
  font-weight: 700; font-size: 0.85em; letter-spacing: 0.02em; white-space: nowrap;
}
.status-met { color: #0a5c2b; background: #e3f2e8; }
.status-not_met { color: #9b1c1c; background: #fbe9e9; }
.status-insufficient_evidence { color: #7a4500; background: #fff1d6; }
.status-not_applicable { color: #4a4a4a; background: #eeeeee; }
.status-manual_review { color: #0b4f71; background: #e3f0f7; }
.status-info { color: #4a4a4a; background: #eeeeee; }
.verdict { font-size: 1.1rem; padding: 0.6em 0.8em; border: 1px solid #1a1a1a; border-left-width: 0.5em; margin: 0.8em 0; }
.verdict-ready { background: #e3f2e8; border-color: #0a5c2b; }
.verdict-not_ready { background: #fff1d6; border-color: #7a4500; }
.verdict-own-request { background: #e8eef8; border-color: #1d3f73; }
.verdict-invalid { background: #fbe9e9; border-color: #9b1c1c; }
.compelling { padding: 0.5em 0.8em; border: 2px solid #9b1c1c; background: #fbe9e9; }
.statement { padding: 0.5em 0.8em; border-left: 0.3em solid #4a4a4a; background: #f4f4f4; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0.8em 0; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; overflow-wrap: anywhere; }
.criterion { margin-top: 1.2em; }
table.figures { width: auto; min-width: 60%; }
table.figures th { font-weight: 600; width: 14em; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks ul.checks { padding-left: 1.2em; border-left: 2px solid #d0d0d0; margin-left: 0.3em; }
li.check { margin: 0.5em 0; }
.check-title { margin: 0.2em 0; }
.missing { color: #1a1a1a; }
figure.wording { margin: 0.8em 0; break-inside: avoid; page-break-inside: avoid; }
figure.wording blockquote { margin: 0; padding: 0.4em 0.8em; border-left: 0.3em solid #0b4f71; background: #f3f6fa; }
figure.wording blockquote p { margin: 0; }
figure.wording figcaption { color: #4a4a4a; font-size: 0.9em; margin-top: 0.25em; }
.interpretation { font-size: 0.95em; }
ol.gaps li { margin: 0.3em 0; }
.where { color: #4a4a4a; white-space: nowrap; }
.yes-warning { font-weight: 700; color: #9b1c1c; }
.tag { font-weight: 700; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
nav.contents ol { padding-left: 1.8em; }
@media screen and (max-width: 36rem) {
  body { padding: 1rem 0.6rem 2rem; }
  table.figures { min-width: 0; }
  table.figures th { width: auto; }
  .status { white-space: normal; }
  td { overflow-wrap: anywhere; }
  td .status { overflow-wrap: normal; }
}
@page { size: A4; margin: 18mm 15mm 16mm; }
@page {
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8.5pt; color: #4a4a4a; }
}
@media print {
  html, body { background: #ffffff; }
  body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.35; }
  a { color: #1a1a1a; text-decoration: none; }
  .record-break { break-before: page; page-break-before: always; }
  h2 { font-size: 15pt; }
  h3 { font-size: 12.5pt; }
  h4 { font-size: 11pt; }
  .check-title, caption { break-after: avoid; page-break-after: avoid; }
  figure.wording, table.figures, .verdict, .compelling, .statement { break-inside: avoid; page-break-inside: avoid; }
  /* Short tables stay whole; a total is printed once, under the last line, not on every page. */
  table.summary, table.cost, table.evidence, table.timeline { break-inside: avoid; page-break-inside: avoid; }
  tfoot { display: table-row-group; }
}
)css";

std::string esc(std::string_view text) { return html_escape(text); }

// ", <a href=...>address</a>" after a cite whose source has a web address; "" otherwise.
std::string link_after(const std::string& address) {
    return address.empty() ? std::string() : fmt::format(", <a href=\"{0}\">{0}</a>", esc(address));
}

std::string status_badge(Status s, bool upper) {
    return fmt::format("<span class=\"status status-{}\">{}</span>", to_string(s), upper ? status_tag(s) : status_words(s));
}

// An advisory criterion is shown for information: a neutral badge, never met or not met.
std::string criterion_badge(const CriterionResult& c) {
    return c.advisory ? fmt::format("<span class=\"status status-info\">{}</span>", kAdvisoryTag) : status_badge(c.status, true);
}

class Writer {
public:
    void line(std::string_view text) {
        out_ += text;
        out_ += '\n';
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Identifiers for links inside the document: built from positions, never from record text.
struct Ids {
    std::size_t record = 0;
    std::string base() const { return fmt::format("record-{}", record); }
    std::string of(std::string_view part) const { return fmt::format("record-{}-{}", record, part); }
};

std::string running_header_text(const RecordReport* r, const Report& report) {
    std::string who = !r ? std::string("Contents")
                      : r->pupil ? "Pupil " + r->pupil->id
                                 : "Record " + source_words(r->source);
    std::string text = fmt::format("{} · as of {}", who, long_date(report.as_of));
    if (!report.pack.id.empty()) text += " · rule pack " + pack_id_version(report.pack);
    text += " · evidence readiness, not a decision";
    if (report.redacted) text += " · redacted";
    return text;
}

// A CSS string literal ("...") holding `text`: anything but letters, digits, spaces and
// harmless punctuation is written as a hex escape, so record text can neither end the
// string nor the <style> element (`<` is escaped too). UTF-8 beyond ASCII passes through.
std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        bool plain = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     std::string_view(" .,:;-_()#/+=!?*").find(ch) != std::string_view::npos;
        if (plain)
            out += ch;
        else if (c < 0x20 || c == 0x7f)
            out += "\\FFFD ";
        else
            out += fmt::format("\\{:X} ", c);
    }
    return out + "\"";
}

// The print header: the page margin box at the top left of every printed page carries
// the pupil id, the as-of date and the pack version. Each record is its own named page
// (`page: record-N`), so its pages get its own header and it starts on a new sheet.
std::string page_rule(std::string_view page_name, const RecordReport* r, const Report& report) {
    std::string name = page_name.empty() ? std::string() : " " + std::string(page_name);
    return fmt::format("@page{} {{ @top-left {{ content: {}; font-size: 8.5pt; color: #4a4a4a; vertical-align: bottom; "
                       "border-bottom: 1px solid #9a9a9a; padding-bottom: 1.5mm; margin-bottom: 3mm; }} }}\n",
                       name, css_string(running_header_text(r, report)));
}

std::string page_rules(const Report& report) {
    if (report.records.size() == 1) return page_rule("", &report.records.front(), report);
    std::string out = page_rule("", nullptr, report);
    for (std::size_t i = 0; i < report.records.size(); ++i)
        out += page_rule(fmt::format("record-{}", i + 1), &report.records[i], report) +
               fmt::format("article#record-{0} {{ page: record-{0}; }}\n", i + 1);
    return out;
}

void write_document_heading(Writer& w, const Report& report, std::string_view title) {
    w.line(fmt::format("<h1>{}</h1>", esc(title)));
    std::string meta = "As of " + long_date(report.as_of);
    if (!report.pack.id.empty()) meta += " · " + pack_words(report.pack);
    if (report.redacted) meta += " · redacted: names and free text are left out";
    w.line(fmt::format("<p class=\"doc-meta\">{}</p>", esc(meta)));
}

void write_verdict(Writer& w, const RecordReport& r, const Report& report) {
    if (r.own_request && r.verdict != Verdict::invalid && !report.pack.own_request.empty())
        w.line(fmt::format("<p class=\"own-request\"><strong>Request made by {}.</strong> {}</p>", esc(made_by_words(r.made_by)),
                           esc(report.pack.own_request)));
    // A parent's or young person's own request is never styled or worded as "not ready".
    std::string css = (r.own_request || r.request_always_possible) && r.verdict == Verdict::not_ready ? std::string("own-request")
                                                                       : std::string(to_string(r.verdict));
    w.line(fmt::format("<p class=\"verdict verdict-{}\"><strong>Evidence readiness: <span class=\"tag\">{}</span></strong> — {}.</p>",
                       css, verdict_tag(r), esc(document_verdict_sentence(r, report))));
    if (r.verdict != Verdict::invalid) {
        for (const auto& note : r.readiness_notes) w.line(fmt::format("<p class=\"readiness-note\">{}</p>", esc(note)));
        if (!report.pack.readiness_rule.empty())
            w.line(fmt::format("<p class=\"readiness-rule\"><strong>The readiness rule:</strong> {}</p>", esc(report.pack.readiness_rule)));
        if (!report.pack.readiness_caveat.empty())
            w.line(fmt::format("<p class=\"readiness-caveat\"><em>{}</em></p>", esc(report.pack.readiness_caveat)));
    }
    if (!r.compelling.empty()) {
        std::string named;
        for (const auto& id : r.compelling) {
            if (!named.empty()) named += "; ";
            named += "<strong>" + esc(id) + "</strong>";
            std::string text = indicator_text(r, id);
            if (!text.empty()) named += " (" + esc(text) + ")";
        }
        w.line(fmt::format("<p class=\"compelling\" role=\"note\"><strong>Compelling indicator present:</strong> {}. {}</p>",
                           named, esc(compelling_advice(report))));
    }
}

void write_statement(Writer& w, const Report& report) {
    if (!report.pack.readiness_statement.empty())
        w.line(fmt::format("<p class=\"statement\">{}</p>", esc(report.pack.readiness_statement)));
}

void detail_row(Writer& w, std::string_view term, const std::string& value_html) {
    w.line(fmt::format("<dt>{}</dt><dd>{}</dd>", term, value_html));
}

void write_details(Writer& w, const RecordReport& r, const Report& report) {
    w.line("<dl class=\"details\">");
    if (r.pupil) {
        const auto& p = *r.pupil;
        detail_row(w, "Pupil", esc(p.id));
        if (auto name = shown_name(p, report.redacted)) detail_row(w, "Name", esc(*name));
        if (p.setting && !p.setting->empty()) detail_row(w, "Setting", esc(*p.setting));
        detail_row(w, "Year group", esc(year_group_words(p)));
        detail_row(w, "Age", esc(age_words(p)));
        detail_row(w, "Request made by", esc(made_by_words(r.made_by)));
    }
    detail_row(w, "As of", esc(long_date(report.as_of)));
    detail_row(w, "Record", "<code>" + esc(source_words(r.source)) + "</code>");
    if (!report.pack.id.empty()) detail_row(w, "Rule pack", esc(pack_id_version(report.pack)));
    w.line("</dl>");
}

// Engine text in the document's words: labels for record paths, dates as people write them.
struct Words {
    const RecordReport& record;
    bool redacted;
    std::string operator()(std::string_view text) const { return esc(plain_words(text, record, redacted)); }
};

void write_figures(Writer& w, const std::vector<Figure>& figures, const Words& say) {
    if (figures.empty()) return;
    w.line("<table class=\"figures\"><tbody>");
    for (const auto& f : figures)
        w.line(fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(f.label), say(f.value)));
    w.line("</tbody></table>");
}

void write_check_body(Writer& w, const CheckResult& c, const Words& say) {
    write_figures(w, c.figures, say);
    if (c.reasons.empty() && c.missing.empty()) return;
    w.line("<ul class=\"reasons\">");
    for (const auto& reason : c.reasons) w.line(fmt::format("<li>{}</li>", say(reason)));
    for (const auto& m : c.missing) w.line(fmt::format("<li class=\"missing\"><strong>Missing:</strong> {}</li>", say(m)));
    w.line("</ul>");
}

void write_check(Writer& w, const CheckResult& c, const Words& say) {
    w.line("<li class=\"check\">");
    w.line(fmt::format("<p class=\"check-title\"><strong>{}</strong> {}</p>", esc(check_title(c)), status_badge(c.status, false)));
    write_check_body(w, c, say);
    if (!c.children.empty()) {
        w.line("<ul class=\"checks\">");
        for (const auto& child : c.children) write_check(w, child, say);
        w.line("</ul>");
    }
    w.line("</li>");
}

void write_criteria(Writer& w, const RecordReport& r, const Ids& ids, const Words& say) {
    w.line(fmt::format("<section aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">Criteria</h3>", ids.of("criteria")));
    w.line("<table class=\"summary\">");
    w.line("<caption>Each criterion and how the evidence stands against it</caption>");
    w.line("<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Criterion</th><th scope=\"col\">Status</th></tr></thead>");
    w.line("<tbody>");
    for (const auto& c : r.criteria)
        w.line(fmt::format("<tr><td class=\"num\">{}</td><th scope=\"row\"><a href=\"#{}\">{}</a></th><td>{}</td></tr>", c.number,
                           ids.of(fmt::format("criterion-{}", c.number)), esc(c.title), criterion_badge(c)));
    w.line("</tbody>");
    w.line("</table>");
    for (const auto& c : r.criteria) {
        std::string id = ids.of(fmt::format("criterion-{}", c.number));
        w.line(fmt::format("<section class=\"criterion\" aria-labelledby=\"{0}-heading\" id=\"{0}\">", id));
        w.line(fmt::format("<h4 id=\"{}-heading\">{}. {}: {}</h4>", id, c.number, esc(c.title), criterion_badge(c)));
        if (c.advisory) w.line(fmt::format("<p class=\"advisory\"><strong>{}</strong></p>", esc(kAdvisoryNote)));
        if (!c.detail) {
            if (!c.reasons.empty()) {
                w.line("<ul class=\"reasons\">");
                for (const auto& reason : c.reasons) w.line(fmt::format("<li>{}</li>", say(reason)));
                w.line("</ul>");
            }
        } else if (count_leaves(*c.detail) == 1) {
            write_check_body(w, deciding_leaf(*c.detail), say);
        } else {
            w.line("<ul class=\"checks\">");
            for (const auto& child : c.detail->children) write_check(w, child, say);
            w.line("</ul>");
        }
        if (!c.source_wording.empty()) {
            w.line("<figure class=\"wording\">");
            w.line(fmt::format("<blockquote><p>\u201c{}\u201d</p></blockquote>", esc(c.source_wording)));
            std::string caption = "Source: " + c.cite;
            w.line(fmt::format("<figcaption>{}{}</figcaption>", esc(c.cite.empty() ? std::string("The authority's wording") : caption),
                               link_after(c.cite_address)));
            w.line("</figure>");
        } else if (!c.cite.empty()) {
            w.line(fmt::format("<p class=\"muted\">Source: {}{}</p>", esc(c.cite), link_after(c.cite_address)));
        }
        if (!c.interpretation.empty())
            w.line(fmt::format("<p class=\"interpretation\"><strong>This pack's reading:</strong> {}</p>", esc(c.interpretation)));
        w.line("</section>");
    }
    w.line("</section>");
}

void open_section(Writer& w, const Ids& ids, std::string_view part, std::string_view title) {
    w.line(fmt::format("<section aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">{1}</h3>", ids.of(part), title));
}

// The to-do list: evidence to add, in the order to work on it, then (apart) where the
// records fall short of a criterion, which is nobody's task to "fix".
void write_gaps(Writer& w, const RecordReport& r, const Ids& ids, bool redacted) {
    std::vector<const Gap*> evidence, findings;
    for (const auto& g : r.gaps) (gap_is_finding(r, g) ? findings : evidence).push_back(&g);
    auto list = [&](const std::vector<const Gap*>& gaps) {
        w.line("<ol class=\"gaps\">");
        for (const auto* g : gaps) {
            std::string where = gap_location(r, *g);
            w.line(fmt::format("<li>{}{}</li>", esc(document_gap_text(r, *g, redacted)),
                               where.empty() ? std::string() : " <span class=\"where\">(" + esc(where) + ")</span>"));
        }
        w.line("</ol>");
    };
    open_section(w, ids, "gaps", esc(evidence_to_add_heading(r)));
    if (evidence.empty()) w.line("<p>None.</p>");
    else list(evidence);
    w.line("</section>");
    if (findings.empty()) return;
    open_section(w, ids, "findings", esc(findings_heading()));
    w.line(fmt::format("<p class=\"muted\">{}</p>", esc(findings_note())));
    list(findings);
    w.line("</section>");
}

void write_indicators(Writer& w, const RecordReport& r, const Ids& ids, bool redacted, const std::string& compelling_note,
                      const Words& say) {
    open_section(w, ids, "indicators", "Indicators of need");
    auto areas = indicator_areas(r);
    if (areas.empty()) w.line("<p>None declared by the school or derived from the data.</p>");
    for (const auto& area : areas) {
        w.line(fmt::format("<h4>{}</h4>", esc(area.empty() ? std::string("Other") : area)));
        w.line("<table class=\"indicators\">");
        w.line("<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">What it says, and the evidence</th>"
               "<th scope=\"col\">Declared by the school</th><th scope=\"col\">Derived from the data</th>"
               "<th scope=\"col\">Contradicted by the data</th></tr></thead>");
        w.line("<tbody>");
        for (const auto& i : r.indicators) {
            if (!indicator_listed(i) || i.area != area) continue;
            std::string about;
            if (i.compelling) about += "<strong>Compelling indicator.</strong> ";
            about += esc(i.text);
            if (!i.derived_because.empty()) about += "<br>From the data: " + say(i.derived_because);
            std::string evidence = shown_evidence(i, redacted);
            if (!evidence.empty()) about += "<br>School's evidence: " + esc(evidence);
            if (i.derived && !i.derive_cite.empty()) about += "<br>Threshold: " + esc(i.derive_cite);
            std::string declared = i.declared ? "Yes" : "No";
            if (i.derived && !i.declared) declared += " — consider declaring it";
            std::string derived = i.derived ? "Yes" : i.derivable ? "No" : "Not something the data can show";
            std::string contradicted = i.contradicted ? "<span class=\"yes-warning\">Yes</span>" : "No";
            w.line(fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(i.id), about,
                               declared, derived, contradicted));
        }
        w.line("</tbody>");
        w.line("</table>");
    }
    if (!areas.empty() && !r.indicators.empty() && !r.indicators.front().cite.empty())
        w.line(fmt::format("<p class=\"muted\">Source: {}</p>", esc(r.indicators.front().cite)));
    bool any_compelling = std::any_of(r.indicators.begin(), r.indicators.end(), [](const IndicatorResult& i) {
        return i.compelling && (i.declared || i.derived);
    });
    if (any_compelling && !compelling_note.empty()) w.line(fmt::format("<p>{}</p>", esc(compelling_note)));
    w.line("</section>");
}

void write_cost(Writer& w, const RecordReport& r, const Ids& ids, bool redacted) {
    if (!r.cost) return;
    const auto& cost = *r.cost;
    open_section(w, ids, "cost", "Costed provision");
    std::string period = fmt::format("costing year {} to {}", long_date(cost.costing_year.first), long_date(cost.costing_year.last));
    if (cost.items.empty()) {
        w.line(fmt::format("<p>No provision in the record's provision map ({}).</p>", period));
    } else {
        w.line("<table class=\"cost\">");
        w.line(fmt::format("<caption>Provision map, {}</caption>", period));
        w.line("<thead><tr><th scope=\"col\">Provision</th><th scope=\"col\">Area</th><th scope=\"col\">How it was costed</th>"
               "<th scope=\"col\" class=\"money\">Annual cost</th></tr></thead>");
        w.line("<tbody>");
        for (std::size_t n = 0; n < cost.items.size(); ++n) {
            const auto& item = cost.items[n];
            w.line(fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"money\">{}</td></tr>",
                               esc(cost_item_label(item, n, redacted)), item.area ? esc(words(*item.area)) : std::string(),
                               esc(plain_words(cost_basis(item), r, redacted)), esc(format_money(item.cost))));
        }
        w.line("</tbody>");
        w.line("<tfoot>");
        w.line(fmt::format("<tr><th scope=\"row\" colspan=\"3\">Total</th><td class=\"money\">{}</td></tr>", esc(format_money(cost.annual_total))));
        w.line(fmt::format("<tr><th scope=\"row\" colspan=\"3\">Notional SEN budget</th><td class=\"money\">{}</td></tr>",
                           esc(format_money(cost.notional_budget))));
        w.line("</tfoot>");
        w.line("</table>");
    }
    w.line(fmt::format("<p>Total {} of the notional {} ({}).</p>", esc(format_money(cost.annual_total)),
                       esc(format_money(cost.notional_budget)), esc(budget_comparison(cost))));
    w.line("</section>");
}

void write_evidence(Writer& w, const RecordReport& r, const Ids& ids, const Words& say) {
    open_section(w, ids, "evidence", "Evidence checklist");
    if (r.evidence.empty()) {
        w.line("<p>None listed.</p>");
    } else {
        w.line("<table class=\"evidence\">");
        w.line("<thead><tr><th scope=\"col\">Evidence</th><th scope=\"col\">In the pack</th><th scope=\"col\">Detail</th></tr></thead>");
        w.line("<tbody>");
        for (const auto& e : r.evidence)
            w.line(fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>", esc(e.text),
                               e.present ? "<span class=\"status status-met\">Yes</span>"
                                         : "<span class=\"status status-not_met\">No</span>",
                               say(e.detail) + (e.cite.empty() ? std::string()
                                                               : "<br><span class=\"muted\">Source: " + esc(e.cite) + link_after(e.cite_address) + "</span>")));
        w.line("</tbody>");
        w.line("</table>");
    }
    w.line("</section>");
}

void write_practice(Writer& w, const RecordReport& r, const Ids& ids, const Words& say) {
    open_section(w, ids, "practice", "Practice warnings (do not affect readiness)");
    if (r.practice.empty()) {
        w.line("<p>None.</p>");
    } else {
        w.line("<ul>");
        for (const auto& p : r.practice)
            w.line(fmt::format("<li>{}{}</li>", say(p.message),
                               p.cite.empty() ? std::string() : " <span class=\"muted\">(" + esc(p.cite) + ")</span>"));
        w.line("</ul>");
    }
    w.line("</section>");
}

void write_timeline(Writer& w, const RecordReport& r, const Ids& ids) {
    if (!r.timeline) return;
    const auto& t = *r.timeline;
    open_section(w, ids, "timeline", "Statutory timeline");
    w.line("<table class=\"timeline\">");
    w.line(fmt::format("<caption>If the request is received on {}. {}</caption>", long_date(t.request), esc(timeline_note())));
    w.line("<thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Date</th><th scope=\"col\" class=\"money\">Weeks from request</th></tr></thead>");
    w.line("<tbody>");
    for (const auto& row : timeline_rows(t))
        w.line(fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"money\">{}</td></tr>", esc(row.label), long_date(row.date),
                           row.weeks ? std::to_string(*row.weeks) : std::string()));
    w.line("</tbody>");
    w.line("</table>");
    w.line("</section>");
}

// A loader message with its `quoted` parts (keys, values, fixes) as <code>; with an odd
// number of backticks the message is escaped as it is.
std::string message_html(std::string_view message) {
    auto split = split_code_spans(message);
    if (!split) return esc(message);
    const auto& parts = *split;
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += i % 2 == 1 ? "<code>" + esc(parts[i]) + "</code>" : esc(parts[i]);
    return out;
}

void write_diagnostics(Writer& w, const RecordReport& r, const Ids& ids, std::string_view title) {
    if (r.diagnostics.empty()) return;
    open_section(w, ids, "diagnostics", title);
    w.line("<ul class=\"diagnostics\">");
    for (auto d : r.diagnostics) {
        if (d.file.empty()) d.file = r.source.file;
        std::string where = d.file;
        if (d.line > 0) where += fmt::format(":{}:{}", d.line, d.column);
        std::string text = fmt::format("<code>{}</code> <span class=\"status {}\">{}</span> {}", esc(where),
                                       d.severity == Severity::error ? "status-not_met" : "status-insufficient_evidence",
                                       d.severity == Severity::error ? "ERROR" : "WARNING", message_html(d.message));
        if (!d.path.empty()) text += fmt::format(" <span class=\"muted\">(at <code>{}</code>)</span>", esc(d.path));
        if (!d.fix.empty()) text += fmt::format("<br>Fix: {}", message_html(d.fix));
        w.line("<li>" + text + "</li>");
    }
    w.line("</ul>");
    w.line("</section>");
}

void write_about(Writer& w, const Report& report, std::string_view id) {
    w.line(fmt::format("<section aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">About this report</h3>", id));
    if (!report.pack.legal_test.empty()) w.line(fmt::format("<p>{}</p>", esc(report.pack.legal_test)));
    if (!report.pack.id.empty()) w.line(fmt::format("<p>Rule pack: {}.</p>", esc(pack_words(report.pack))));
    // The pack's sources that have a public address, as links (a pack-level citation).
    bool any_address = false;
    for (const auto& s : report.pack.sources) any_address = any_address || !s.address.empty();
    if (any_address) {
        w.line("<p>Sources:</p>");
        w.line("<ul class=\"sources\">");
        for (const auto& s : report.pack.sources)
            if (!s.address.empty())
                w.line(fmt::format("<li>{}: <a href=\"{}\">{}</a></li>", esc(s.title), esc(s.address), esc(s.address)));
        w.line("</ul>");
    }
    if (!report.pack.rights.empty()) w.line(fmt::format("<p class=\"rights\">{}</p>", esc(report.pack.rights)));
    w.line("</section>");
}

std::string record_heading(const RecordReport& r) {
    return r.pupil ? "Pupil " + r.pupil->id : "Record " + source_words(r.source);
}

// The loader's warnings, or (by default, in a copy to share) a line saying how many were
// left out and how to see them.
void write_warnings(Writer& w, const RecordReport& r, const Ids& ids, const DocumentOptions& options) {
    if (r.diagnostics.empty()) return;
    if (options.with_warnings) return write_diagnostics(w, r, ids, "Warnings about the record");
    open_section(w, ids, "diagnostics", "Warnings about the record");
    w.line(fmt::format("<p class=\"muted\">{}</p>", esc(left_out_warnings(r))));
    w.line("</section>");
}

// The first page is the to-do list: the verdict and the rule beside it, then what to add
// and what the records show; the detail follows.
void write_record(Writer& w, const RecordReport& r, const Report& report, const Ids& ids, bool page_break,
                  bool document_heading, const DocumentOptions& options) {
    w.line(fmt::format("<article class=\"record{}\" id=\"{}\" aria-labelledby=\"{}\">", page_break ? " record-break" : "",
                       ids.base(), ids.of("heading")));
    if (document_heading) write_document_heading(w, report, "Evidence readiness report");
    w.line(fmt::format("<h2 id=\"{}\">{}</h2>", ids.of("heading"), esc(record_heading(r))));
    write_verdict(w, r, report);
    if (r.verdict == Verdict::invalid) {
        write_statement(w, report);
        write_details(w, r, report);
        write_diagnostics(w, r, ids, "Problems found in the record");
    } else {
        Words say{r, report.redacted};
        write_gaps(w, r, ids, report.redacted);
        write_statement(w, report);
        open_section(w, ids, "details", "Details");
        write_details(w, r, report);
        w.line("</section>");
        write_criteria(w, r, ids, say);
        write_indicators(w, r, ids, report.redacted, report.pack.compelling_note, say);
        write_cost(w, r, ids, report.redacted);
        write_evidence(w, r, ids, say);
        write_practice(w, r, ids, say);
        write_timeline(w, r, ids);
        write_warnings(w, r, ids, options);
    }
    write_about(w, report, ids.of("about"));
    w.line("</article>");
}

std::string document_title(const Report& report) {
    std::string title;
    if (report.records.size() == 1)
        title = "Evidence readiness report: " + record_heading(report.records.front());
    else
        title = fmt::format("Evidence readiness reports: {} records", report.records.size());
    return title + " (as of " + long_date(report.as_of) + ")";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((c < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || c == 0x7f)
                    out += "\xEF\xBF\xBD";  // U+FFFD
                else
                    out += ch;
        }
    }
    return out;
}

std::string render_html(const Report& report, const DocumentOptions& options) {
    Writer w;
    w.line("<!DOCTYPE html>");
    w.line("<html lang=\"en-GB\">");
    w.line("<head>");
    w.line("<meta charset=\"utf-8\">");
    // Nothing may be loaded from anywhere: no scripts, images, fonts, frames or fetches.
    w.line("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "base-uri 'none'; form-action 'none'\">");
    w.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    w.line("<meta name=\"referrer\" content=\"no-referrer\">");
    w.line("<meta name=\"robots\" content=\"noindex, nofollow\">");
    w.line(fmt::format("<title>{}</title>", esc(document_title(report))));
    w.line(fmt::format("<style>{}{}</style>", kStyle, page_rules(report)));
    w.line("</head>");
    w.line("<body>");
    w.line("<main>");
    if (report.records.size() == 1) {
        write_record(w, report.records.front(), report, Ids{1}, false, true, options);
    } else {
        // A cover page: the document heading and a contents list, then a page per record.
        w.line("<div class=\"cover\">");
        write_document_heading(w, report, "Evidence readiness reports");
        if (report.records.empty()) {
            w.line("<p>No records were checked.</p>");
            if (!report.pack.readiness_statement.empty())
                w.line(fmt::format("<p class=\"statement\">{}</p>", esc(report.pack.readiness_statement)));
            write_about(w, report, "about");
        } else {
            w.line("<nav class=\"contents\" aria-labelledby=\"contents\">");
            w.line("<h2 id=\"contents\">Contents</h2>");
            w.line("<ol>");
            for (std::size_t i = 0; i < report.records.size(); ++i) {
                const auto& r = report.records[i];
                std::string name;
                if (r.pupil)
                    if (auto shown = shown_name(*r.pupil, report.redacted)) name = " " + esc(*shown);
                w.line(fmt::format("<li><a href=\"#{}\">{}</a>{} — evidence readiness: <span class=\"tag\">{}</span></li>",
                                   Ids{i + 1}.base(), esc(record_heading(r)), name, verdict_tag(r)));
            }
            w.line("</ol>");
            w.line("</nav>");
        }
        w.line("</div>");
        for (std::size_t i = 0; i < report.records.size(); ++i) write_record(w, report.records[i], report, Ids{i + 1}, true, false, options);
    }
    w.line("</main>");
    w.line("</body>");
    w.line("</html>");
    return w.take();
}

}  // namespace ehcp
