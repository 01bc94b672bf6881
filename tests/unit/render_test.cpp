// Renderers: the JSON report (ehcp-report/1, exact objects) and the text report (key lines).
// Every figure here is invented.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "ehcp/render/format.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/text_report.hpp"

using namespace ehcp;
using nlohmann::ordered_json;

namespace {

PackInfo test_pack() {
    PackInfo p;
    p.id = "coventry";
    p.version = "2026.1";
    p.title = "Coventry EHC needs assessment criteria";
    p.authority = "Coventry City Council";
    p.readiness_statement =
        "This report shows how ready the evidence is for a request for an EHC needs assessment. It is not a "
        "decision: the local authority's panel decides, and parents may always ask for an assessment.";
    p.legal_test =
        "The legal test is in section 36(8) of the Children and Families Act 2014: the authority must assess "
        "where the child has or may have special educational needs and a plan may be necessary.";
    p.readiness_caveat =
        "How the criteria combine into this verdict is this pack's reading: the council publishes no rule for "
        "combining them.";
    p.own_request =
        "A parent, or a young person aged 16 to 25, has the right to ask for an EHC needs assessment, whatever the "
        "evidence below shows.";
    p.rights =
        "If the council decides not to assess, it must say why and explain the right of appeal to the First-tier "
        "Tribunal (SEND); SENDIASS gives free, impartial advice.";
    p.readiness_rule = "Ready when criteria 2 and 3 and one of 1, 4 and 5 are met and the evidence is complete.";
    return p;
}

const Date kAsOf{2026, 11, 22};

Timeline timeline_from(Date request) {
    return Timeline{request, request.plus_weeks(6), request.plus_weeks(16), request.plus_weeks(20)};
}

RecordReport ready_record() {
    RecordReport r;
    r.source = {"examples/ready.yaml", 0, 1};
    r.verdict = Verdict::ready;
    r.request_date = Date{2026, 11, 20};
    PupilSummary p;
    p.id = "R801200101001";
    p.name = "Sam Example";
    p.setting = "Example Primary School";
    p.date_of_birth = Date{2016, 5, 14};
    p.year_group = 6;
    p.derived_year_group = 6;
    p.phase = Phase::ks2;
    p.age_years = 10;
    p.age_months = 126;
    p.primary_need = "cognition_and_learning";
    r.pupil = p;

    CriterionResult attainment;
    attainment.id = "attainment";
    attainment.title = "Attainment and Progress";
    attainment.status = Status::met;
    attainment.source_wording = "at least 4 school years below that expected of children/young people in their current school year";
    attainment.cite = "seed 004, EHC Needs assessment Criteria, 1";
    attainment.interpretation = "year group minus working-at year, latest measure in each core area";
    attainment.reasons = {"Reading is 4.5 years and writing 5 years below Year 6 (4 or more needed at Key Stage 2)."};
    attainment.figures = {{"reading gap", "4.5 years"}, {"writing gap", "5 years"}, {"maths gap", "3 years"}};
    attainment.evidence_sought = {"the most recent My Plan"};
    CheckResult gap{"attainment.gap", "attainment_gap", "a core-area gap of 4 or more years", Status::met, {}, {}, {}, {}};
    attainment.detail = gap;

    CriterionResult support;
    support.id = "existing-support";
    support.title = "Existing Support";
    support.status = Status::met;
    support.source_wording = "appropriate external support services have been involved";
    support.cite = "seed 004, EHC Needs assessment Criteria, 3";
    support.reasons = {"Parts (a) and (b) hold."};
    CheckResult a{"existing-support.a", "external_support", "(a) external support involved, advice written, recommendations implemented and evaluated",
                  Status::met, {"1 service gave written advice; 2 of 2 recommendations implemented and evaluated"}, {}, {}, {}};
    CheckResult b{"existing-support.b", "reviewed_cycles", "(b) three reviewed cycles with little or no progress",
                  Status::met, {"3 of 3 reviewed cycles show little or no progress"}, {}, {{"reviewed cycles", "3"}}, {}};
    CheckResult c{"existing-support.c", "costed_provision", "(c) progress only with provision over the notional budget",
                  Status::not_applicable, {"the latest reviewed cycle shows little progress"}, {}, {}, {}};
    CheckResult bc{"existing-support.bc", "any_of", "(b) or (c)", Status::met, {}, {}, {}, {b, c}};
    support.detail = CheckResult{"existing-support", "all_of", "(a) and ((b) or (c))", Status::met, {}, {}, {}, {a, bc}};

    CriterionResult over18;
    over18.id = "over-18";
    over18.title = "Time Needed to Complete Further Education";
    over18.status = Status::not_applicable;
    over18.cite = "seed 004, EHC Needs assessment Criteria, 5";
    over18.reasons = {"Under 18 on 2026-11-22."};
    r.criteria = {attainment, support, over18};

    IndicatorResult cl1;
    cl1.id = "cl1";
    cl1.area = "Cognition and Learning";
    cl1.text = "Standardised scores of 70 or below";
    cl1.declared = cl1.derived = cl1.derivable = true;
    cl1.declared_evidence = "NGRT standard score 66, October 2026";
    cl1.derived_because = "standard score 66 ≤ 70";
    cl1.derive_cite = "a standard score of 70 is two standard deviations below the mean";
    IndicatorResult cl3;
    cl3.id = "cl3";
    cl3.area = "Cognition and Learning";
    cl3.text = "The gap is widening";
    cl3.derived = cl3.derivable = true;
    cl3.derived_because = "reading gap grew from 4 to 4.5 years";
    IndicatorResult cl4;
    cl4.id = "cl4";
    cl4.area = "Cognition and Learning";
    cl4.text = "Not shown anywhere in the text report";
    IndicatorResult semh3;
    semh3.id = "semh3";
    semh3.area = "Social, Emotional and Mental Health";
    semh3.text = "At risk of permanent exclusion";
    semh3.declared = true;
    semh3.compelling = true;
    semh3.declared_evidence = "Two suspensions this term";
    r.indicators = {cl1, cl3, cl4, semh3};

    r.evidence_complete = true;
    r.evidence = {{"my_support_plan", "The most recent My Support Plan", true, "dated 2026-09-10", "Coventry slides"},
                  {"reviews", "The three most recent My Support Plan reviews", true, "3 of 3 attached", "Coventry slides"},
                  {"parent_views", "Parents' views", true, "", "SEND Code of Practice 9.14"}};

    CostSummary cost;
    cost.notional_budget = 6000;
    cost.costing_year = {Date{2025, 11, 23}, Date{2026, 11, 22}};
    cost.items = {
        {"Precision teaching (reading)", "cognition_and_learning", 1170.0, "20 min × 5 a week × 36 weeks at £19.50 an hour", false, false},
        {"Specialist dyslexia teaching", "cognition_and_learning", 1440.0, "60 min × 1 a week × 30 weeks at £48.00 an hour", true, false},
        {"Reading software licence", std::nullopt, 0.1 + 0.2, "other costs", false, false},
    };
    for (const auto& item : cost.items) cost.annual_total += item.cost;  // 2610.3000000000002
    r.cost = cost;
    r.timeline = timeline_from(Date{2026, 11, 20});
    r.practice = {{"reviews-per-year", "2 reviews in the 12 months before 2026-11-22; meet parents at least three times a year.",
                   "SEND Code of Practice 6.65"}};
    r.diagnostics = {{Severity::warning, "key.unknown", "unknown key 'reveiws'", "support_cycles[0].reveiws",
                      "examples/ready.yaml", 31, 5, "did you mean 'reviews'?"}};
    r.compelling = {"semh3"};
    return r;
}

RecordReport not_ready_record() {
    RecordReport r;
    r.source = {"examples/not-ready.yaml", 1, 40};
    r.verdict = Verdict::not_ready;
    r.request_date = kAsOf;
    PupilSummary p;
    p.id = "A123";
    p.date_of_birth = Date{2016, 2, 10};
    p.year_group = 5;
    p.derived_year_group = 6;
    p.phase = Phase::ks2;
    p.age_years = 10;
    p.age_months = 129;
    r.pupil = p;

    CriterionResult attainment;
    attainment.id = "attainment";
    attainment.title = "Attainment and Progress";
    attainment.status = Status::insufficient_evidence;
    attainment.cite = "C1";
    attainment.missing = {"a reading, writing or maths measure with a working-at year"};
    CriterionResult support;
    support.id = "existing-support";
    support.title = "Existing Support";
    support.status = Status::not_met;
    support.cite = "C3";
    support.reasons = {"Part (a) holds; neither (b) nor (c) does."};
    CheckResult a{"existing-support.a", "external_support", "(a) external support", Status::met, {}, {}, {}, {}};
    CheckResult b{"existing-support.b", "reviewed_cycles", "(b) reviewed cycles", Status::not_met,
                  {"2 of 3 reviewed cycles"}, {"one more reviewed support cycle"}, {}, {}};
    CheckResult c{"existing-support.c", "costed_provision", "(c) costed provision", Status::not_met,
                  {"costed provision £4,210.00 of £6,000.00"}, {}, {}, {}};
    support.detail = CheckResult{"existing-support", "all_of", "(a) and ((b) or (c))", Status::not_met, {}, {}, {}, {a, b, c}};
    r.criteria = {attainment, support};

    IndicatorResult cl2;
    cl2.id = "cl2";
    cl2.area = "Cognition and Learning";
    cl2.text = "A gap of 2 years or more";
    cl2.declared = cl2.derivable = cl2.contradicted = true;
    cl2.derived_because = "reading gap 1 year";
    r.indicators = {cl2};

    r.evidence_complete = false;
    r.evidence = {{"consent", "Parental consent", false, "not recorded"},
                  {"reviews", "The three most recent My Support Plan reviews", false, "2 of 3 attached"}};
    CostSummary cost;
    cost.notional_budget = 6000;
    cost.costing_year = {Date{2025, 11, 23}, Date{2026, 11, 22}};
    r.cost = cost;
    r.timeline = timeline_from(kAsOf);
    r.gaps = {{10, "attainment", "Add a reading, writing or maths measure with a working-at year."},
              {20, "existing-support.b", "Review one more support cycle: 2 of 3 reviewed cycles so far."},
              {30, "evidence", "Record parental consent."}};
    return r;
}

RecordReport invalid_record() {
    RecordReport r;
    r.source = {"examples/bad.yaml", 2, 30};
    r.verdict = Verdict::invalid;
    r.diagnostics = {
        {Severity::error, "date.format", "date_of_birth is not a date: '14/05/2016'", "pupil.date_of_birth",
         "examples/bad.yaml", 33, 18, "use 2016-05-14"},
        {Severity::error, "required", "pupil.id is required", "pupil.id", "examples/bad.yaml", 31, 3, ""},
        {Severity::warning, "key.unknown", "unknown key 'nmae'", "pupil.nmae", "examples/bad.yaml", 32, 3,
         "did you mean 'name'?"},
    };
    // Nothing judged from an unreadable record may be shown, even if a caller filled it in.
    CriterionResult stray;
    stray.id = "attainment";
    r.criteria = {stray};
    r.gaps = {{1, "evidence", "stray gap"}};
    return r;
}

Report test_report(bool redacted = false) {
    Report report;
    report.pack = test_pack();
    report.as_of = kAsOf;
    report.redacted = redacted;
    report.records = {ready_record(), not_ready_record(), invalid_record()};
    return report;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// All words of the text joined by single spaces: checks prose regardless of wrapping.
std::string unwrapped(const std::string& text) {
    std::istringstream in(text);
    std::string out, word;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

std::size_t index_of(const std::vector<std::string>& lines, const std::string& prefix, std::size_t from = 0) {
    for (std::size_t i = from; i < lines.size(); ++i)
        if (lines[i].rfind(prefix, 0) == 0) return i;
    return lines.size();
}

std::size_t first_blank(const std::vector<std::string>& lines) {
    return static_cast<std::size_t>(std::find(lines.begin(), lines.end(), std::string()) - lines.begin());
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const char* const kReadyJson = R"json({
  "source": {"file": "examples/ready.yaml", "document": 0, "line": 1},
  "pupil": {"id": "R801200101001", "name": "Sam Example", "year_group": 6, "key_stage": "ks2",
            "age_years": 10, "over_18": false, "setting": "Example Primary School",
            "derived_year_group": 6, "date_of_birth": "2016-05-14", "age_months": 126,
            "looked_after": false, "previously_looked_after": false,
            "primary_need": "cognition_and_learning"},
  "request": {"made_by": "school", "date": "2026-11-20", "own_request": false},
  "verdict": "ready",
  "criteria": [
    {"id": "attainment", "status": "met", "estimated": false, "title": "Attainment and Progress",
     "cite": "seed 004, EHC Needs assessment Criteria, 1",
     "reasons": ["Reading is 4.5 years and writing 5 years below Year 6 (4 or more needed at Key Stage 2)."],
     "missing": [],
     "figures": [{"label": "reading gap", "value": "4.5 years"}, {"label": "writing gap", "value": "5 years"},
                 {"label": "maths gap", "value": "3 years"}],
     "source_wording": "at least 4 school years below that expected of children/young people in their current school year",
     "interpretation": "year group minus working-at year, latest measure in each core area",
     "evidence_sought": ["the most recent My Plan"],
     "checks": {"id": "attainment.gap", "kind": "attainment_gap", "title": "a core-area gap of 4 or more years",
                "status": "met", "estimated": false, "reasons": [], "missing": [], "figures": [], "children": []}},
    {"id": "existing-support", "status": "met", "estimated": false, "title": "Existing Support",
     "cite": "seed 004, EHC Needs assessment Criteria, 3", "reasons": ["Parts (a) and (b) hold."], "missing": [],
     "figures": [], "source_wording": "appropriate external support services have been involved",
     "interpretation": "", "evidence_sought": [],
     "checks": {"id": "existing-support", "kind": "all_of", "title": "(a) and ((b) or (c))", "status": "met", "estimated": false,
                "reasons": [], "missing": [], "figures": [], "children": [
        {"id": "existing-support.a", "kind": "external_support",
         "title": "(a) external support involved, advice written, recommendations implemented and evaluated",
         "status": "met", "estimated": false, "reasons": ["1 service gave written advice; 2 of 2 recommendations implemented and evaluated"],
         "missing": [], "figures": [], "children": []},
        {"id": "existing-support.bc", "kind": "any_of", "title": "(b) or (c)", "status": "met", "estimated": false, "reasons": [],
         "missing": [], "figures": [], "children": [
           {"id": "existing-support.b", "kind": "reviewed_cycles",
            "title": "(b) three reviewed cycles with little or no progress", "status": "met", "estimated": false,
            "reasons": ["3 of 3 reviewed cycles show little or no progress"], "missing": [],
            "figures": [{"label": "reviewed cycles", "value": "3"}], "children": []},
           {"id": "existing-support.c", "kind": "costed_provision",
            "title": "(c) progress only with provision over the notional budget", "status": "not_applicable", "estimated": false,
            "reasons": ["the latest reviewed cycle shows little progress"], "missing": [], "figures": [],
            "children": []}]}]}},
    {"id": "over-18", "status": "not_applicable", "estimated": false, "title": "Time Needed to Complete Further Education",
     "cite": "seed 004, EHC Needs assessment Criteria, 5", "reasons": ["Under 18 on 2026-11-22."], "missing": [],
     "figures": [], "source_wording": "", "interpretation": "", "evidence_sought": [], "checks": null}
  ],
  "indicators": [
    {"id": "cl1", "declared": true, "derived": true, "area": "Cognition and Learning",
     "text": "Standardised scores of 70 or below", "derivable": true, "contradicted": false, "compelling": false,
     "derived_because": "standard score 66 ≤ 70",
     "derive_cite": "a standard score of 70 is two standard deviations below the mean", "evidence": "NGRT standard score 66, October 2026"},
    {"id": "cl3", "declared": false, "derived": true, "area": "Cognition and Learning", "text": "The gap is widening",
     "derivable": true, "contradicted": false, "compelling": false,
     "derived_because": "reading gap grew from 4 to 4.5 years", "derive_cite": null, "evidence": null},
    {"id": "cl4", "declared": false, "derived": false, "area": "Cognition and Learning",
     "text": "Not shown anywhere in the text report", "derivable": false, "contradicted": false,
     "compelling": false, "derived_because": null, "derive_cite": null, "evidence": null},
    {"id": "semh3", "declared": true, "derived": false, "area": "Social, Emotional and Mental Health",
     "text": "At risk of permanent exclusion", "derivable": false, "contradicted": false, "compelling": true,
     "derived_because": null, "derive_cite": null, "evidence": "Two suspensions this term"}
  ],
  "evidence": {"complete": true, "missing": [], "items": [
    {"id": "my_support_plan", "text": "The most recent My Support Plan", "present": true, "detail": "dated 2026-09-10",
     "cite": "Coventry slides"},
    {"id": "reviews", "text": "The three most recent My Support Plan reviews", "present": true, "detail": "3 of 3 attached",
     "cite": "Coventry slides"},
    {"id": "parent_views", "text": "Parents' views", "present": true, "detail": null,
     "cite": "SEND Code of Practice 9.14"}]},
  "cost": {"annual_total": 2610.3, "notional_budget": 6000.0,
           "costing_year": {"from": "2025-11-23", "to": "2026-11-22"},
           "items": [
             {"name": "Precision teaching (reading)", "cost": 1170.0,
              "basis": "20 min × 5 a week × 36 weeks at £19.50 an hour", "default_rate": false,
              "area": "cognition_and_learning", "incomplete": false},
             {"name": "Specialist dyslexia teaching", "cost": 1440.0,
              "basis": "60 min × 1 a week × 30 weeks at £48.00 an hour", "default_rate": true,
              "area": "cognition_and_learning", "incomplete": false},
             {"name": "Reading software licence", "cost": 0.3, "basis": "other costs", "default_rate": false,
              "area": null, "incomplete": false}]},
  "timeline": {"request_date": "2026-11-20", "decide_to_assess_by": "2027-01-01",
               "decide_to_issue_by": "2027-03-12", "final_plan_by": "2027-04-09"},
  "gaps": [],
  "practice": [{"id": "reviews-per-year",
                "message": "2 reviews in the 12 months before 2026-11-22; meet parents at least three times a year.",
                "cite": "SEND Code of Practice 6.65"}],
  "compelling": ["semh3"],
  "readiness_notes": [],
  "diagnostics": [{"severity": "warning", "code": "key.unknown", "message": "unknown key 'reveiws'",
                   "path": "support_cycles[0].reveiws", "line": 31, "column": 5,
                   "fix": "did you mean 'reviews'?", "file": "examples/ready.yaml"}]
})json";

const char* const kNotReadyJson = R"json({
  "source": {"file": "examples/not-ready.yaml", "document": 1, "line": 40},
  "pupil": {"id": "A123", "name": null, "year_group": 5, "key_stage": "ks2", "age_years": 10, "over_18": false,
            "setting": null, "derived_year_group": 6, "date_of_birth": "2016-02-10", "age_months": 129,
            "looked_after": false, "previously_looked_after": false, "primary_need": null},
  "request": {"made_by": "school", "date": "2026-11-22", "own_request": false},
  "verdict": "not_ready",
  "criteria": [
    {"id": "attainment", "status": "insufficient_evidence", "estimated": false, "title": "Attainment and Progress", "cite": "C1",
     "reasons": [], "missing": ["a reading, writing or maths measure with a working-at year"], "figures": [],
     "source_wording": "", "interpretation": "", "evidence_sought": [], "checks": null},
    {"id": "existing-support", "status": "not_met", "estimated": false, "title": "Existing Support", "cite": "C3",
     "reasons": ["Part (a) holds; neither (b) nor (c) does."], "missing": [], "figures": [],
     "source_wording": "", "interpretation": "", "evidence_sought": [],
     "checks": {"id": "existing-support", "kind": "all_of", "title": "(a) and ((b) or (c))", "status": "not_met", "estimated": false,
                "reasons": [], "missing": [], "figures": [], "children": [
        {"id": "existing-support.a", "kind": "external_support", "title": "(a) external support", "status": "met", "estimated": false,
         "reasons": [], "missing": [], "figures": [], "children": []},
        {"id": "existing-support.b", "kind": "reviewed_cycles", "title": "(b) reviewed cycles", "status": "not_met", "estimated": false,
         "reasons": ["2 of 3 reviewed cycles"], "missing": ["one more reviewed support cycle"], "figures": [],
         "children": []},
        {"id": "existing-support.c", "kind": "costed_provision", "title": "(c) costed provision",
         "status": "not_met", "estimated": false, "reasons": ["costed provision £4,210.00 of £6,000.00"], "missing": [],
         "figures": [], "children": []}]}}
  ],
  "indicators": [
    {"id": "cl2", "declared": true, "derived": false, "area": "Cognition and Learning",
     "text": "A gap of 2 years or more", "derivable": true, "contradicted": true, "compelling": false,
     "derived_because": "reading gap 1 year", "derive_cite": null, "evidence": null}
  ],
  "evidence": {"complete": false, "missing": ["Parental consent", "The three most recent My Support Plan reviews"],
               "items": [
    {"id": "consent", "text": "Parental consent", "present": false, "detail": "not recorded", "cite": null},
    {"id": "reviews", "text": "The three most recent My Support Plan reviews", "present": false,
     "detail": "2 of 3 attached", "cite": null}]},
  "cost": {"annual_total": 0.0, "notional_budget": 6000.0,
           "costing_year": {"from": "2025-11-23", "to": "2026-11-22"}, "items": []},
  "timeline": {"request_date": "2026-11-22", "decide_to_assess_by": "2027-01-03",
               "decide_to_issue_by": "2027-03-14", "final_plan_by": "2027-04-11"},
  "gaps": [
    {"rank": 10, "source": "attainment", "text": "Add a reading, writing or maths measure with a working-at year."},
    {"rank": 20, "source": "existing-support.b", "text": "Review one more support cycle: 2 of 3 reviewed cycles so far."},
    {"rank": 30, "source": "evidence", "text": "Record parental consent."}
  ],
  "practice": [],
  "compelling": [],
  "readiness_notes": [],
  "diagnostics": []
})json";

const char* const kInvalidJson = R"json({
  "source": {"file": "examples/bad.yaml", "document": 2, "line": 30},
  "verdict": "invalid",
  "criteria": [],
  "indicators": [],
  "evidence": null,
  "cost": null,
  "timeline": null,
  "gaps": [],
  "practice": [],
  "compelling": [],
  "readiness_notes": [],
  "diagnostics": [
    {"severity": "error", "code": "date.format", "message": "date_of_birth is not a date: '14/05/2016'",
     "path": "pupil.date_of_birth", "line": 33, "column": 18, "fix": "use 2016-05-14", "file": "examples/bad.yaml"},
    {"severity": "error", "code": "required", "message": "pupil.id is required", "path": "pupil.id", "line": 31,
     "column": 3, "fix": null, "file": "examples/bad.yaml"},
    {"severity": "warning", "code": "key.unknown", "message": "unknown key 'nmae'", "path": "pupil.nmae",
     "line": 32, "column": 3, "fix": "did you mean 'name'?", "file": "examples/bad.yaml"}
  ]
})json";

const char* const kNotReadyText = R"text(Pupil A123 — Year 5 (Key Stage 2; Year 6 by date of birth), age 10, request made
  by the school (or setting), as of 2026-11-22, examples/not-ready.yaml#1

Evidence readiness: NOT READY — 3 items of evidence to add before submitting
  How the criteria combine into this verdict is this pack's reading: the council
  publishes no rule for combining them.

Criteria

  [INSUFFICIENT EVIDENCE] 1. Attainment and Progress
    Missing: a reading, writing or maths measure with a working-at year
    Source: C1

  [NOT MET] 2. Existing Support
    (a) external support  met
    (b) reviewed cycles  not met
        2 of 3 reviewed cycles
        Missing: one more reviewed support cycle
    (c) costed provision  not met
        costed provision £4,210.00 of £6,000.00
    Source: C3

Evidence to add, in the order to work on it:
  1. Add a reading, writing or maths measure with a working-at year.
     (criterion 1)
  2. Review one more support cycle: 2 of 3 reviewed cycles so far. (criterion 2)
  3. Record parental consent. (evidence checklist)

Indicators of need
  Cognition and Learning
    cl2  declared, but the data does not show it (reading gap 1 year)
         A gap of 2 years or more

Costed provision (costing year 2025-11-23 to 2026-11-22)
  No provision in the record's provision map.
  ------------------------------------------------------------------------------
  Total £0.00 of the notional £6,000.00 (under by £6,000.00)

Evidence checklist
  [ ] Parental consent — not recorded
  [ ] The three most recent My Support Plan reviews — 2 of 3 attached

Practice warnings (do not affect readiness)
  None.

Statutory timeline if the request is received on 2026-11-22
  The limits run from the day the council receives the request, with exceptions
  set out in the SEND Regulations 2014.
  Decision whether to assess by        2027-01-03  (6 weeks)
  Decision whether to issue a plan by  2027-03-14  (16 weeks)
  Final plan by                        2027-04-11  (20 weeks)

About this report
  This report shows how ready the evidence is for a request for an EHC needs
  assessment. It is not a decision: the local authority's panel decides, and
  parents may always ask for an assessment.

  The legal test is in section 36(8) of the Children and Families Act 2014: the
  authority must assess where the child has or may have special educational
  needs and a plan may be necessary.

  Rule pack: Coventry EHC needs assessment criteria (coventry 2026.1)

  If the council decides not to assess, it must say why and explain the right of
  appeal to the First-tier Tribunal (SEND); SENDIASS gives free, impartial
  advice.
)text";

}  // namespace

TEST_CASE("Render JSON: a ready record has every section, in a fixed key order") {
    auto expected = ordered_json::parse(kReadyJson);
    auto actual = record_to_json(ready_record(), false);
    CHECK(dump_json(actual, 2) == dump_json(expected, 2));
    CHECK(actual == expected);
}

TEST_CASE("Render JSON: a not_ready record; absent free text is null") {
    auto expected = ordered_json::parse(kNotReadyJson);
    CHECK(dump_json(record_to_json(not_ready_record(), false), 2) == dump_json(expected, 2));
}

TEST_CASE("Render JSON: an invalid record has its diagnostics, no criteria, and every key") {
    auto actual = record_to_json(invalid_record(), false);
    CHECK(dump_json(actual, 2) == dump_json(ordered_json::parse(kInvalidJson), 2));
    CHECK(actual["criteria"].empty());
    CHECK(actual["gaps"].empty());
    CHECK_FALSE(actual.contains("pupil"));  // nothing was read to describe the pupil
}

TEST_CASE("Render JSON: an invalid record keeps the pupil when one was read") {
    auto record = invalid_record();
    PupilSummary p;
    p.id = "R1";
    p.name = "Alex Invented";
    record.pupil = p;
    auto j = record_to_json(record, true);
    REQUIRE(j.contains("pupil"));
    CHECK(j["pupil"]["id"] == "R1");
    CHECK(j["pupil"]["name"].is_null());
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    // An invalid record has no request to describe (docs/cli.md), but keeps every other key.
    CHECK(keys == std::vector<std::string>{"source", "pupil", "verdict", "criteria", "indicators", "evidence", "cost",
                                           "timeline", "gaps", "practice", "compelling", "readiness_notes", "diagnostics"});
}

TEST_CASE("Render JSON: the whole report") {
    auto report = test_report();
    auto j = report_to_json(report, ToolInfo{"ehcp", "9.9.9"});
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"format", "tool", "pack", "as_of", "redacted", "records", "statement",
                                           "legal_test", "readiness_rule", "readiness_caveat", "rights"});
    CHECK(j["format"] == "ehcp-report/1");
    CHECK(j["tool"] == ordered_json::parse(R"({"name": "ehcp", "version": "9.9.9"})"));
    CHECK(j["pack"] == ordered_json::parse(R"({"id": "coventry", "version": "2026.1",
        "title": "Coventry EHC needs assessment criteria", "authority": "Coventry City Council",
        "request_always_possible": false})"));
    CHECK(j["as_of"] == "2026-11-22");
    CHECK(j["redacted"] == false);
    CHECK(j["statement"] == report.pack.readiness_statement);
    CHECK(j["legal_test"] == report.pack.legal_test);
    CHECK(j["readiness_rule"] == report.pack.readiness_rule);
    CHECK(j["readiness_caveat"] == report.pack.readiness_caveat);
    CHECK(j["rights"] == report.pack.rights);
    REQUIRE(j["records"].size() == 3);
    CHECK(j["records"][0] == ordered_json::parse(kReadyJson));
    CHECK(j["records"][1] == ordered_json::parse(kNotReadyJson));
    CHECK(j["records"][2] == ordered_json::parse(kInvalidJson));
    // The default tool is this build.
    CHECK(report_to_json(report)["tool"]["name"] == "ehcp");
}

TEST_CASE("Render JSON: money is rounded to pence with no float noise in the text") {
    auto text = dump_json(record_to_json(ready_record(), false), -1);
    CHECK(contains(text, "\"annual_total\":2610.3,"));
    CHECK(contains(text, "\"cost\":0.3,"));
    CHECK(contains(text, "\"cost\":1170.0,"));
    CHECK(contains(text, "\"notional_budget\":6000.0,"));
    CHECK_FALSE(contains(text, "0000000"));
    auto record = ready_record();
    record.cost->items[0].cost = 1170.499999999;
    record.cost->annual_total = -0.001;
    auto j = record_to_json(record, false);
    CHECK(dump_json(j["cost"]["items"][0]["cost"]) == "1170.5");
    CHECK(dump_json(j["cost"]["annual_total"]) == "0.0");
}

TEST_CASE("Render JSON: redaction removes the name and the school's free text, provision names become labels") {
    auto report = test_report(true);
    auto j = report_to_json(report, ToolInfo{"ehcp", "0"});
    CHECK(j["redacted"] == true);
    const auto& ready = j["records"][0];
    CHECK(ready["pupil"]["name"].is_null());
    CHECK(ready["pupil"]["id"] == "R801200101001");
    CHECK(ready["indicators"][0]["evidence"].is_null());
    CHECK(ready["indicators"][3]["evidence"].is_null());
    CHECK(ready["cost"]["items"][0]["name"] == "provision 1");
    CHECK(ready["cost"]["items"][2]["name"] == "provision 3");
    auto text = dump_json(j);
    CHECK_FALSE(contains(text, "Precision teaching"));
    CHECK_FALSE(contains(text, "Sam Example"));
    CHECK_FALSE(contains(text, "NGRT"));
    CHECK_FALSE(contains(text, "suspensions"));
    // Apart from the redacted values, a redacted record is the same object.
    auto plain = record_to_json(ready_record(), false);
    plain["pupil"]["name"] = nullptr;
    plain["indicators"][0]["evidence"] = nullptr;
    plain["indicators"][3]["evidence"] = nullptr;
    for (std::size_t n = 0; n < plain["cost"]["items"].size(); ++n)
        plain["cost"]["items"][n]["name"] = "provision " + std::to_string(n + 1);
    CHECK(ready == plain);
}

TEST_CASE("Render JSON: bytes that are not UTF-8 do not stop the report") {
    auto record = invalid_record();
    record.source.file = std::string("bad\xff.yaml");
    std::string text;
    CHECK_NOTHROW(text = dump_json(record_to_json(record, false), -1));
    CHECK(contains(text, "bad\xEF\xBF\xBD.yaml"));
}

TEST_CASE("Render text: header, then the verdict in words, then the compelling indicator") {
    auto report = test_report();
    report.records = {ready_record()};
    auto text = render_text(report, TextOptions{false, 80});
    auto lines = split_lines(text);
    REQUIRE(lines.size() > 5);
    std::size_t blank = first_blank(lines);
    REQUIRE(blank < lines.size());
    std::string header;
    for (std::size_t i = 0; i < blank; ++i) header += lines[i] + "\n";
    CHECK(unwrapped(header) ==
          "Pupil R801200101001 Sam Example — Example Primary School, Year 6 (Key Stage 2), age 10, "
          "request made by the school (or setting), as of 2026-11-22, examples/ready.yaml#0");
    REQUIRE(blank + 2 < lines.size());
    CHECK(lines[blank + 1] == "Evidence readiness: READY — the evidence meets Coventry City Council's criteria");
    CHECK(lines[blank + 2] == "  as this tool reads them");
    // Beside the verdict, not only at the end: how the criteria combine is the pack's reading.
    std::size_t compelling = index_of(lines, "!! COMPELLING INDICATOR PRESENT:");
    REQUIRE(compelling < lines.size());
    std::string beside;
    for (std::size_t i = blank + 3; i < compelling; ++i) {
        CHECK(lines[i].rfind("  ", 0) == 0);
        beside += lines[i] + "\n";
    }
    CHECK(unwrapped(beside) == unwrapped(report.pack.readiness_caveat));
    CHECK(lines[compelling].rfind("!! COMPELLING INDICATOR PRESENT: semh3 (At risk of permanent exclusion).", 0) == 0);
    CHECK(index_of(lines, "Evidence readiness:") == blank + 1);
    // The school's own request: no paragraph about the right to ask ahead of the verdict.
    CHECK_FALSE(contains(text, "Request made by"));
    CHECK_FALSE(contains(unwrapped(text), unwrapped(report.pack.own_request)));
}

TEST_CASE("Render text: the ready record's sections") {
    auto report = test_report();
    report.records = {ready_record()};
    auto text = render_text(report, TextOptions{false, 80});
    auto lines = split_lines(text);

    // Criteria: status in words, number, title; aligned figures; quoted wording; citation.
    std::size_t criteria = index_of(lines, "Criteria");
    REQUIRE(criteria < lines.size());
    std::size_t first = index_of(lines, "  [MET] 1. Attainment and Progress", criteria);
    REQUIRE(first < lines.size());
    CHECK(lines[first + 1] == "    reading gap:  4.5 years");
    CHECK(lines[first + 2] == "    writing gap:  5 years");
    CHECK(lines[first + 3] == "    maths gap:    3 years");
    CHECK(contains(text, "    Source: seed 004, EHC Needs assessment Criteria, 1\n"));
    CHECK(contains(unwrapped(text), "\u201cat least 4 school years below that expected of children/young people in their current school year\u201d"));
    CHECK(index_of(lines, "  [MET] 2. Existing Support") < lines.size());
    CHECK(index_of(lines, "  [NOT APPLICABLE] 3. Time Needed to Complete Further Education") < lines.size());
    // Nested parts with their own status words, indented by depth.
    CHECK(contains(text, "\n    (b) or (c)  met\n"));
    CHECK(contains(text, "\n      (b) three reviewed cycles with little or no progress  met\n"));
    CHECK(contains(text, "\n          reviewed cycles:  3\n"));
    // A title too long to share its line with the status word wraps first.
    CHECK(contains(text, "\n      (c) progress only with provision over the notional budget  not applicable\n"));

    CHECK(contains(text, "\nNo gaps.\n"));

    // Indicators grouped by area, in words; one neither declared nor derived is left out.
    CHECK(contains(text, "\n  Cognition and Learning\n    cl1    declared, derived from data (standard score 66 ≤ 70)\n"));
    CHECK(contains(unwrapped(text), "cl3 derived from data (reading gap grew from 4 to 4.5 years), not declared by "
                                    "the school — consider declaring it"));
    CHECK(contains(text, "School's evidence: NGRT standard score 66, October 2026"));
    // A derived indicator says what its threshold rests on.
    CHECK(contains(unwrapped(text), "Threshold: a standard score of 70 is two standard deviations below the mean"));
    CHECK(contains(text, "  Social, Emotional and Mental Health\n    semh3  declared by the school (not something the data can show) [COMPELLING]\n"));
    CHECK_FALSE(contains(text, "cl4"));

    // Costed provision: right-aligned pounds and pence, default rate noted, total against the budget.
    CHECK(contains(text, "\nCosted provision (costing year 2025-11-23 to 2026-11-22)\n"));
    std::size_t row = index_of(lines, "  Precision teaching (reading)");
    REQUIRE(row < lines.size());
    CHECK(lines[row].size() - lines[row].rfind("£1,170.00") == std::string("£1,170.00").size());
    CHECK(display_width(lines[row]) == 80);
    CHECK(contains(lines[index_of(lines, "  Reading software licence")], "    £0.30"));
    CHECK(contains(unwrapped(text), "60 min × 1 a week × 30 weeks at £48.00 an hour; the rule pack's default hourly rate was used"));
    CHECK(contains(text, "\n  Total £2,610.30 of the notional £6,000.00 (under by £3,389.70)\n"));

    // Evidence items name their source once, after the last item that shares it.
    CHECK(contains(text, "\n  [x] The most recent My Support Plan — dated 2026-09-10\n"
                         "  [x] The three most recent My Support Plan reviews — 3 of 3 attached\n"
                         "      Source: Coventry slides\n"
                         "  [x] Parents' views\n"
                         "      Source: SEND Code of Practice 9.14\n"));
    // The criterion's interpretation is labelled as this pack's reading.
    CHECK(contains(unwrapped(text), "This pack's reading: year group minus working-at year, latest measure in each core area"));
    CHECK(contains(text, "\nPractice warnings (do not affect readiness)\n  - 2 reviews in the 12 months"));

    CHECK(contains(text, "\nStatutory timeline if the request is received on 2026-11-20\n"
                         "  The limits run from the day the council receives the request, with exceptions\n"
                         "  set out in the SEND Regulations 2014.\n"
                         "  Decision whether to assess by        2027-01-01  (6 weeks)\n"
                         "  Decision whether to issue a plan by  2027-03-12  (16 weeks)\n"
                         "  Final plan by                        2027-04-09  (20 weeks)\n"));
    CHECK(contains(text, "\nWarnings about the record\n  examples/ready.yaml:31:5: warning: unknown key 'reveiws'\n"
                         "      [support_cycles[0].reveiws]; fix: did you mean 'reviews'?\n"));

    // The closing statement is always there, and nothing says a request may not be made.
    CHECK(contains(unwrapped(text), unwrapped(report.pack.readiness_statement)));
    CHECK(contains(unwrapped(text), unwrapped(report.pack.legal_test)));
    CHECK(contains(text, "Rule pack: Coventry EHC needs assessment criteria (coventry 2026.1)"));
    // The rights paragraph ends the report.
    std::size_t rights = text.rfind("\n\n");
    REQUIRE(rights != std::string::npos);
    CHECK(unwrapped(text.substr(rights)) == unwrapped(report.pack.rights));
    CHECK_FALSE(contains(text, "\x1b"));
    for (const auto& line : lines) CHECK_MESSAGE(display_width(line) <= 80, line);
}

TEST_CASE("Render text: a not_ready record numbers its gaps in fix order") {
    auto report = test_report();
    report.records = {not_ready_record()};
    auto text = render_text(report, TextOptions{false, 80});
    auto lines = split_lines(text);
    CHECK(lines[0] == "Pupil A123 — Year 5 (Key Stage 2; Year 6 by date of birth), age 10, request made");
    CHECK(lines[1] == "  by the school (or setting), as of 2026-11-22, examples/not-ready.yaml#1");
    CHECK(lines[2] == "");
    CHECK(lines[3] == "Evidence readiness: NOT READY — 3 items of evidence to add before submitting");
    CHECK(lines[4] == "  How the criteria combine into this verdict is this pack's reading: the council");
    CHECK(lines[5] == "  publishes no rule for combining them.");
    CHECK(lines[6] == "");
    CHECK_FALSE(contains(text, "COMPELLING"));
    CHECK(index_of(lines, "  [INSUFFICIENT EVIDENCE] 1. Attainment and Progress") < lines.size());
    CHECK(contains(text, "    Missing: a reading, writing or maths measure with a working-at year\n"));
    // Several checks: each part with its own status, reasons and what is missing.
    CHECK(contains(text, "  [NOT MET] 2. Existing Support\n"
                         "    (a) external support  met\n"
                         "    (b) reviewed cycles  not met\n"
                         "        2 of 3 reviewed cycles\n"
                         "        Missing: one more reviewed support cycle\n"
                         "    (c) costed provision  not met\n"
                         "        costed provision £4,210.00 of £6,000.00\n"));
    std::size_t gaps = index_of(lines, "Evidence to add, in the order to work on it:");
    REQUIRE(gaps + 3 < lines.size());
    CHECK(lines[gaps + 1] == "  1. Add a reading, writing or maths measure with a working-at year.");
    CHECK(lines[gaps + 2] == "     (criterion 1)");
    CHECK(lines[gaps + 3] == "  2. Review one more support cycle: 2 of 3 reviewed cycles so far. (criterion 2)");
    CHECK(lines[gaps + 4] == "  3. Record parental consent. (evidence checklist)");
    CHECK(contains(unwrapped(text), "cl2 declared, but the data does not show it (reading gap 1 year)"));
    CHECK(contains(text, "  No provision in the record's provision map.\n"));
    CHECK(contains(text, "  Total £0.00 of the notional £6,000.00 (under by £6,000.00)\n"));
    CHECK(contains(text, "  [ ] Parental consent — not recorded\n"));
    CHECK(contains(text, "\nPractice warnings (do not affect readiness)\n  None.\n"));
    CHECK_FALSE(contains(text, "Warnings about the record"));
    CHECK(contains(unwrapped(text), unwrapped(report.pack.readiness_statement)));
}

TEST_CASE("Render text: a parent's own request leads with the right to ask and is never called not ready") {
    auto report = test_report();
    auto record = not_ready_record();
    record.made_by = RequestMaker::parent;
    record.own_request = true;
    report.records = {record};
    auto text = render_text(report, TextOptions{false, 80});
    auto lines = split_lines(text);
    CHECK(unwrapped(lines[0] + " " + lines[1]) ==
          "Pupil A123 — Year 5 (Key Stage 2; Year 6 by date of birth), age 10, request made by a parent, as of "
          "2026-11-22, examples/not-ready.yaml#1");
    // The right to ask comes first, before the verdict.
    std::size_t verdict = index_of(lines, "Evidence readiness:");
    REQUIRE(verdict < lines.size());
    std::string before;
    for (std::size_t i = 3; i < verdict; ++i) before += lines[i] + "\n";
    CHECK(unwrapped(before) == "Request made by a parent. " + unwrapped(report.pack.own_request));
    CHECK(unwrapped(lines[verdict] + " " + lines[verdict + 1] + " " + lines[verdict + 2]).rfind(
              "Evidence readiness: REQUEST CAN BE MADE — the evidence does not yet meet Coventry City Council's "
              "criteria as this tool reads them; 3 items of evidence below would strengthen the request",
              0) == 0);
    // The same gaps, worded for the parent.
    std::size_t gaps = index_of(lines, "Evidence the school or services could add to strengthen the request:");
    REQUIRE(gaps < lines.size());
    CHECK(lines[gaps + 1] == "  1. Add a reading, writing or maths measure with a working-at year.");
    CHECK(index_of(lines, "Gaps, in the order to fix them") == lines.size());
    for (const std::string banned : {"NOT READY", "not ready", "Not ready", "gaps to close", "before submitting"})
        CHECK_MESSAGE(!contains(text, banned), banned);
    // Colour never paints it as a failure either.
    auto coloured = render_text(report, TextOptions{true, 80});
    CHECK(contains(coloured, "\x1b[1;33mREQUEST CAN BE MADE\x1b[0m"));
    // A young person's own request reads the same way, naming them.
    record.made_by = RequestMaker::young_person;
    report.records = {record};
    auto young = unwrapped(render_text(report, TextOptions{false, 80}));
    CHECK(contains(young, "request made by the young person"));
    CHECK(contains(young, "Request made by the young person. " + unwrapped(report.pack.own_request)));
    CHECK_FALSE(contains(young, "NOT READY"));
    // Scripts still get the verdict, and who asked.
    auto j = record_to_json(record, false);
    CHECK(j["verdict"] == "not_ready");
    CHECK(j["request"] == ordered_json::parse(R"({"made_by": "young_person", "date": "2026-11-22", "own_request": true})"));
}

TEST_CASE("Render text: readiness notes stand beside the verdict") {
    auto report = test_report();
    auto record = ready_record();
    record.readiness_notes = {"For a learner in further education this readiness rests on the panel's individual judgement."};
    report.records = {record};
    auto lines = split_lines(render_text(report, TextOptions{false, 80}));
    std::size_t verdict = index_of(lines, "Evidence readiness: READY");
    REQUIRE(verdict + 4 < lines.size());
    CHECK(lines[verdict + 2] == "  For a learner in further education this readiness rests on the panel's");
    CHECK(lines[verdict + 3] == "  individual judgement.");
    CHECK(lines[verdict + 4].rfind("  How the criteria combine", 0) == 0);
    CHECK(record_to_json(record, false)["readiness_notes"] == ordered_json::parse(
              R"(["For a learner in further education this readiness rests on the panel's individual judgement."])"));
}

TEST_CASE("Render text: an invalid record shows every diagnostic with its fix, then the statement") {
    auto report = test_report();
    report.records = {invalid_record()};
    auto text = render_text(report, TextOptions{false, 100});
    auto lines = split_lines(text);
    CHECK(lines[0] == "Record — as of 2026-11-22, examples/bad.yaml#2");
    CHECK(lines[2] == "Evidence readiness: INVALID — the record could not be read (2 errors)");
    CHECK(contains(text, "\nProblems found in the record\n"
                         "  examples/bad.yaml:33:18: error: date_of_birth is not a date: '14/05/2016' [pupil.date_of_birth];\n"
                         "      fix: use 2016-05-14\n"
                         "  examples/bad.yaml:31:3: error: pupil.id is required [pupil.id]\n"
                         "  examples/bad.yaml:32:3: warning: unknown key 'nmae' [pupil.nmae]; fix: did you mean 'name'?\n"));
    CHECK_FALSE(contains(text, "Criteria"));
    CHECK_FALSE(contains(text, "stray gap"));
    CHECK(contains(unwrapped(text), unwrapped(report.pack.legal_test)));
}

TEST_CASE("Render text: several records, colour only when asked, redaction, plain words") {
    auto report = test_report();
    auto plain = render_text(report, TextOptions{false, 80});
    CHECK_FALSE(contains(plain, "\x1b"));
    auto lines = split_lines(plain);
    CHECK(std::count(lines.begin(), lines.end(), std::string(80, '=')) == 2);
    CHECK(std::count_if(lines.begin(), lines.end(),
                        [](const std::string& l) { return l.rfind("Evidence readiness: ", 0) == 0; }) == 3);
    CHECK(std::count(lines.begin(), lines.end(), std::string("About this report")) == 3);
    for (const std::string banned : {"ineligible", "Ineligible", "cannot request", "not eligible"})
        CHECK_MESSAGE(!contains(plain, banned), banned);

    auto coloured = render_text(report, TextOptions{true, 80});
    CHECK(contains(coloured, "\x1b[1;32mREADY\x1b[0m"));
    CHECK(contains(coloured, "\x1b[1;33mNOT READY\x1b[0m"));
    CHECK(contains(coloured, "\x1b[1;31mINVALID\x1b[0m"));
    CHECK(contains(coloured, "[MET]"));  // the words are there, not colour alone
    // Colour does not change the wrapping.
    auto coloured_lines = split_lines(coloured);
    REQUIRE(coloured_lines.size() == lines.size());
    for (const auto& line : coloured_lines) CHECK(display_width(line) <= 80);

    auto redacted = render_text(test_report(true), TextOptions{false, 80});
    CHECK_FALSE(contains(redacted, "Sam Example"));
    CHECK_FALSE(contains(redacted, "NGRT"));
    CHECK(contains(redacted, "Pupil R801200101001 [redacted] — Example Primary School"));
    CHECK_FALSE(contains(redacted, "Precision teaching (reading)"));
    CHECK(contains(redacted, "provision 1"));
}

TEST_CASE("Render text: narrow widths still wrap prose") {
    auto report = test_report();
    auto text = render_text(report, TextOptions{false, 50});
    for (const auto& line : split_lines(text)) {
        // Only a single unbreakable word may run past the width.
        if (display_width(line) > 50) CHECK_MESSAGE(line.find(' ', line.find_first_not_of(' ')) == std::string::npos, line);
    }
    CHECK(contains(unwrapped(text), unwrapped(report.pack.readiness_statement)));
}

TEST_CASE("Render text: the whole not_ready record, exactly (golden)") {
    auto report = test_report();
    report.records = {not_ready_record()};
    CHECK(render_text(report, TextOptions{false, 80}) == std::string(kNotReadyText));
}
