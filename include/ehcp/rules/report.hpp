// The readiness report model: what the engine concludes for each record. Every output
// format (text, json, and later markdown, html, screen rows) renders these same facts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/core/diagnostic.hpp"
#include "ehcp/core/enum_names.hpp"
#include "ehcp/facts/calendar.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/load/record.hpp"

namespace ehcp {

enum class Status { met, not_met, insufficient_evidence, not_applicable, manual_review };
template <> struct EnumNames<Status> { static constexpr std::array<std::string_view, 5> names{"met", "not_met", "insufficient_evidence", "not_applicable", "manual_review"}; };

enum class Verdict { ready, not_ready, invalid };
template <> struct EnumNames<Verdict> { static constexpr std::array<std::string_view, 3> names{"ready", "not_ready", "invalid"}; };

// A number the tool computed, shown so a reader can check it ("reading gap: 4.5 years").
struct Figure {
    std::string label;
    std::string value;
};

// One check inside a criterion (e.g. existing-support part (b)).
struct CheckResult {
    std::string id;      // check id within the pack, e.g. "existing-support.b"
    std::string kind;    // check kind, e.g. "reviewed_cycles"
    std::string title;   // short statement of what the check asks
    Status status = Status::insufficient_evidence;
    std::vector<std::string> reasons;  // why: figures in words
    std::vector<std::string> missing;  // what would make it hold
    std::vector<Figure> figures;
    std::vector<CheckResult> children;  // for combinators
    int fix_rank = 50;                  // order of its missing items among the gaps
    bool estimated = false;             // rests on the pack's default hourly rates (or a child that does)
};

struct CriterionResult {
    std::string id;
    int number = 0;
    std::string title;
    Status status = Status::insufficient_evidence;
    std::string source_wording;  // the authority's own words, quoted
    std::string cite;            // seed file and slide heading
    std::string cite_address;    // the cited source's web address (its `source:` in the pack), when public
    std::string interpretation;  // how the pack reads the wording
    std::vector<std::string> reasons;
    std::vector<std::string> missing;
    std::vector<Figure> figures;
    std::vector<std::string> evidence_sought;  // what the authority usually looks at
    std::optional<CheckResult> detail;          // the evaluated check tree
    bool estimated = false;                     // rests on the pack's default hourly rates
    bool advisory = false;                      // shown for information; never gates readiness
};

struct IndicatorResult {
    std::string id;
    std::string area;       // heading on the slide, e.g. "Cognition and Learning"
    std::string text;       // the indicator as worded on the slide
    bool declared = false;  // the school says it applies
    bool derived = false;   // the data shows it
    bool derivable = false; // the pack can derive it from data
    bool contradicted = false;  // declared, derivable, and the data does not show it
    bool compelling = false;
    std::string declared_evidence;
    std::string derived_because;
    std::string cite;         // the slide
    std::string derive_cite;  // the basis of the derivation's threshold, when not the slide's
};

struct EvidenceItem {
    std::string id;
    std::string text;
    bool present = false;
    std::string detail;  // e.g. "2 of 3 reviews attached"
    std::string cite;    // its real basis
    std::string cite_address;  // the cited source's web address, when public
};

struct CostItem {
    std::string name;
    std::optional<std::string> area;
    double cost = 0;     // pounds in the costing year, rounded to pence
    std::string basis;   // how it was reached
    bool default_rate = false;  // the pack's rate was used
    bool incomplete = false;    // not enough data to cost it
};

struct Gap {
    int rank = 0;           // fix order from the pack (lower first)
    std::string source;     // criterion id, "evidence", or check id
    std::string text;
};

struct PracticeWarning {
    std::string id;
    std::string message;
    std::string cite;
};

struct PupilSummary {
    std::string id;
    std::optional<std::string> name;
    std::optional<std::string> setting;
    Date date_of_birth;
    int year_group = 0;
    int derived_year_group = 0;
    Phase phase = Phase::early_years;
    int age_years = 0;
    int age_months = 0;
    bool over_18 = false;
    bool looked_after = false;
    bool previously_looked_after = false;
    std::optional<std::string> primary_need;
    std::vector<std::string> secondary_needs;  // needs.secondary, in the record's order
    std::vector<std::string> sen_types;        // needs.sen_types: census codes in rank order (SPLD, SLCN)
};

struct CostSummary {
    double annual_total = 0;
    double notional_budget = 0;
    DateRange costing_year;
    std::vector<CostItem> items;
};

struct RecordReport {
    SourceRef source;
    Verdict verdict = Verdict::invalid;
    std::optional<PupilSummary> pupil;   // absent for invalid records
    std::string pupil_id;                // as LoadedRecord::pupil_id: set for invalid records too
    std::vector<CriterionResult> criteria;
    std::vector<IndicatorResult> indicators;
    bool evidence_complete = false;
    std::vector<EvidenceItem> evidence;
    std::optional<CostSummary> cost;
    std::optional<Timeline> timeline;
    std::vector<Gap> gaps;               // in the order to fix them
    std::vector<PracticeWarning> practice;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> compelling; // compelling indicators present (ids)
    RequestMaker made_by = RequestMaker::school;  // who makes the request (school when the record does not say)
    std::optional<Date> request_date;             // the record's request.date, or the as-of date when absent
    bool own_request = false;                     // made by a parent or the young person: their right to ask
    // The pack never says a request cannot be made (pack.yaml `request_always_possible`):
    // a not_ready verdict is worded as for an own request, whoever makes it.
    bool request_always_possible = false;
    std::vector<std::string> readiness_notes;     // e.g. readiness rests on the panel's individual judgement
    std::string pack;                             // the id of the rule pack this record was checked against
};

struct PackInfo {
    std::string id;
    std::string version;
    std::string title;
    std::string authority;
    std::string readiness_statement;  // evidence readiness, never a decision
    std::string legal_test;           // the statutory test, kept apart from the criteria
    std::string readiness_caveat;     // beside the verdict: how criteria combine is the pack's reading
    std::string own_request;          // leads a report on a parent's or young person's own request
    std::string rights;               // ends every report: appeal, mediation, SENDIASS
    std::string readiness_rule;       // the readiness rule in words
    std::string compelling_note;      // the pack's emphasis in marking indicators compelling
    std::string criteria_name;        // "the evidence meets <this>"; empty: "<authority>'s criteria"
    bool request_always_possible = false;  // never word a verdict as "not ready" (the legal-test pack)
    struct Source {
        std::string id, title, address;
    };
    std::vector<Source> sources;      // the public documents the pack cites (address may be empty)
};

// What stands in for record free text (names, views, descriptions, notes, evidence
// summaries, document titles and file names) in a redacted report (--redact).
inline constexpr const char* kRedacted = "[redacted]";

// The name a costed provision line is shown under: its own, or "provision N" (N from 1,
// the line's place in the record's provision map) when the report is redacted.
inline std::string cost_item_label(const CostItem& item, std::size_t index, bool redacted) {
    return redacted ? "provision " + std::to_string(index + 1) : item.name;
}

struct Report {
    PackInfo pack;
    Date as_of;
    bool redacted = false;
    std::vector<RecordReport> records;
};

}  // namespace ehcp
