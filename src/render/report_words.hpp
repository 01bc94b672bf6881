// Words the document renderers (markdown, html) share, so they say the same things the
// text report says, in the same terms. Internal to src/render; everything here is built
// from the report model only, and returns plain (unescaped) text: each renderer escapes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ehcp/rules/report.hpp"

namespace ehcp::report_words {

// "Coventry City Council", or "the local authority" when the pack names none.
std::string authority_name(const PackInfo& pack);

// Said beside an advisory criterion (advisory: true in the pack) in every format.
// An advisory criterion's tag: it is shown for information, never met or not met.
inline constexpr const char* kAdvisoryTag = "FOR INFORMATION";

inline constexpr const char* kAdvisoryNote =
    "Advisory: shown for information only; this criterion never changes the readiness verdict.";

// What follows "Evidence readiness: READY — ": "the evidence meets Coventry City
// Council's criteria as this tool reads them", "3 gaps to close before submitting", ...
std::string verdict_sentence(const RecordReport& record, const Report& report);

// "Coventry City Council's", or "the local authority's".
std::string possessive_name(const PackInfo& pack);

// Who makes the request, in words: "a parent", "the school (or setting)"...
std::string made_by_words(RequestMaker who);

// The heading of the gap list: "Gaps, in the order to fix them", or for a parent's or young
// person's own request "Evidence the school or services could add to strengthen the request".
std::string gaps_heading(const RecordReport& record);

// A gap as the reader sees it: for a parent's or young person's own request, without the
// record's field paths in brackets.
std::string gap_text(const RecordReport& record, const Gap& gap);

// --- The documents families and headteachers read (markdown, html) -------------------
// Text stays closer to the record (ISO dates, field paths); the documents use the words
// below. JSON keeps ISO dates and paths.

// "1 January 2027": a date as people write it.
std::string long_date(const Date& date);

// A record field path as a label, keeping which item is meant (numbers count from 1):
// "needs.diagnoses[0].impact" -> "Diagnosis 1: impact", "support_cycles[1]" -> "Support
// cycle 2", "provision[2]" -> "Provision item 3 (Lexia)" (the name from the costed lines
// unless redacted), "external_support[0].recommendations[1]" -> "External service 1,
// recommendation 2", "support_cycles[].progress" -> "Each support cycle: progress".
// Empty when `path` is not a record path.
std::string path_label(std::string_view path, const RecordReport* record = nullptr, bool redacted = true);

// Engine text for a document: record paths as labels and ISO dates as long dates. Text in
// ‘quotes’ (the record's own words) is left exactly as written.
std::string plain_words(std::string_view text, const RecordReport& record, bool redacted);

// Whether a gap is a finding rather than evidence to add: a check that measures the child
// or the support against a threshold (attainment gap, cycles with little or no progress,
// costs over the notional budget...) found the records short of it. Its wording is the
// check's own ("largest current gap 3.5 years of the 4 years needed"); it is not a task.
bool gap_is_finding(const RecordReport& record, const Gap& gap);

// The verdict sentence of the documents: like verdict_sentence, but a not-ready verdict
// counts evidence to add apart from findings ("2 items of evidence to add, and 1 point
// where the records do not meet the criteria"), and never asks anyone to close a gap.
std::string document_verdict_sentence(const RecordReport& record, const Report& report);

// The two headings of a document's to-do list, and what the second means.
std::string evidence_to_add_heading(const RecordReport& record);
std::string findings_heading();
std::string findings_note();

// A gap as a document shows it: plain_words of its text (a parent's or young person's own
// request leaves the bracketed field paths out, as gap_text does).
std::string document_gap_text(const RecordReport& record, const Gap& gap, bool redacted);

// "2 warnings about how the record is written are left out of this copy; ...": what a
// document says in place of the loader's warnings when --with-warnings is not given.
std::string left_out_warnings(const RecordReport& record);

// "Statutory timeline if the request is received on 2026-11-20", and the note under it.
std::string timeline_heading(const Timeline& timeline);
std::string timeline_note();

// "may depart from its criteria where there is a compelling reason: make sure the request
// shows this", with the authority's name in front.
std::string compelling_advice(const Report& report);

// The text of a compelling indicator, by id ("" when the pack has none).
std::string indicator_text(const RecordReport& record, const std::string& id);

// "Year 6 (Key Stage 2; Year 5 by date of birth)".
std::string year_group_words(const PupilSummary& pupil);

// "10" or "18 (18 or over)".
std::string age_words(const PupilSummary& pupil);

// A loader message cut at its backticks: even indexes are prose, odd ones the `quoted`
// keys, values and fixes. Nothing when the backticks do not pair up.
std::optional<std::vector<std::string_view>> split_code_spans(std::string_view message);

// "examples/ready-ks2.yaml#0".
std::string source_words(const SourceRef& source);

// "Coventry City Council EHC needs assessment criteria (coventry 2026.11.1)".
std::string pack_words(const PackInfo& pack);

// "coventry 2026.11.1" (id and version).
std::string pack_id_version(const PackInfo& pack);

// A check's heading: its title, or "One of these:" / "All of these:" for combinators.
std::string check_title(const CheckResult& check);

// Leaves under a check (a leaf counts 1), and the leaf that decided a one-leaf tree.
std::size_t count_leaves(const CheckResult& check);
const CheckResult& deciding_leaf(const CheckResult& check);

// "criterion 3", "evidence checklist", or "" when the gap's source is not known.
std::string gap_location(const RecordReport& record, const Gap& gap);

// The indicator's standing in words: "declared by the school", "derived from the data",
// "the data does not show it", "not something the data can show"...
struct IndicatorWords {
    std::string declared;  // "declared by the school" / "not declared by the school"
    std::string derived;   // "derived from the data" / "not shown by the data" / "not something the data can show"
    bool contradicted = false;
    std::string advice;    // "consider declaring it" for derived but undeclared, else ""
};
IndicatorWords indicator_words(const IndicatorResult& indicator);

// Whether the indicator is worth listing: declared, derived or contradicted.
bool indicator_listed(const IndicatorResult& indicator);

// The areas of the listed indicators, in the pack's order ("Other" for none).
std::vector<std::string> indicator_areas(const RecordReport& record);

// The basis of a cost line with its notes ("...; the rule pack's default hourly rate was used").
std::string cost_basis(const CostItem& item);

// "cognition and learning" from "cognition_and_learning".
std::string words(std::string_view snake_case);

// "over by £14,620.89", "under by £3,390.00", "exactly the notional amount".
std::string budget_comparison(const CostSummary& cost);

struct TimelineRow {
    std::string_view label;   // "Decision whether to assess by"
    Date date;
    std::optional<long> weeks;  // whole weeks from the request date, when it is a whole number
};
std::vector<TimelineRow> timeline_rows(const Timeline& timeline);

// Errors among a record's diagnostics.
std::size_t error_count(const RecordReport& record);

// "1 gap" / "3 gaps".
std::string plural(std::size_t n, std::string_view one, std::string_view many);

// The pupil's name as the report may show it: the marker when redacted, nullopt when absent.
std::optional<std::string> shown_name(const PupilSummary& pupil, bool redacted);

// The school's evidence for an indicator as the report may show it ("" when none).
std::string shown_evidence(const IndicatorResult& indicator, bool redacted);

}  // namespace ehcp::report_words
