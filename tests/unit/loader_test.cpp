#include "ehcp/load/loader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>  // getpid

#include <doctest/doctest.h>

#include "load_support.hpp"

using namespace ehcp;
using namespace ehcp::test;
namespace fs = std::filesystem;

namespace {

void check_at(const Diagnostic& d, Severity severity, std::string_view path, int line, int column) {
    CHECK(d.severity == severity);
    CHECK(d.path == path);
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK(d.file == "rec.yaml");
}

std::string record_with_id(std::string_view id) {
    return "format: ehcp-record/1\npupil:\n  id: " + std::string(id) + "\n  date_of_birth: 2016-05-14\n";
}

// A fresh directory under the system temp directory, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() / ("ehcp-loader-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, std::string_view content) const {
        fs::path p = path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

constexpr std::string_view kSpecExample = R"(format: ehcp-record/1
pupil:
  id: R801200101001
  date_of_birth: 2016-05-14
  setting: Example Primary School
  sen_status: sen_support
request:
  date: 2026-11-20
  made_by: school
  parent_views: "We want Sam to be able to read to his little sister."
  pupil_views: "Reading is hard. I like maths games."
  parental_consent: true
needs:
  primary: cognition_and_learning
  secondary: [communication_and_interaction]
  description: Severe and persistent difficulties with phonological processing and working memory.
  diagnoses:
    - condition: dyslexia
      date: 2025-06-10
      by: Educational Psychologist
      impact: Cannot yet decode texts at a Year 1 level; needs adult support for all written work.
attainment:
  - {area: reading, date: 2025-10-01, working_at_year: 1, standardised_score: 70}
  - {area: reading, date: 2026-10-01, working_at_year: 1.5, standardised_score: 66, percentile: 1}
  - {area: writing, date: 2026-10-01, working_at_year: 1}
  - {area: maths,   date: 2026-10-01, working_at_year: 3}
cognitive_assessments:
  - {date: 2025-06-10, standardised_score: 98, assessment: BAS3, by: Educational Psychologist}
attendance: {percent: 95.5, period_start: 2025-09-01, period_end: 2026-07-20}
support_cycles:
  - {start: 2025-09-08, review: 2025-12-05, progress: little, parents_involved: true}
  - {start: 2026-01-05, review: 2026-03-27, progress: none,   parents_involved: true}
  - {start: 2026-04-13, review: 2026-07-10, progress: little, parents_involved: true}
provision:
  - name: Precision teaching (reading)
    area: cognition_and_learning
    delivered_by: teaching_assistant
    session_minutes: 20
    sessions_per_week: 5
    weeks: 36
    hourly_rate: 19.50
  - name: Specialist dyslexia teaching
    area: cognition_and_learning
    delivered_by: specialist_teacher
    session_minutes: 60
    sessions_per_week: 1
    weeks: 30
    hourly_rate: 48
external_support:
  - service: educational_psychology
    involved_from: 2025-03-01
    report_date: 2025-06-20
    recommendations:
      - {text: Daily precision teaching of high-frequency words, implemented: true, evaluated: true}
      - {text: Weekly specialist dyslexia teaching, implemented: true, evaluated: true}
indicators:
  - {id: cl1, evidence: "NGRT standard score 66, October 2026"}
documents:
  - {kind: my_support_plan, date: 2026-09-10}
  - {kind: my_support_plan_review, date: 2025-12-05}
  - {kind: my_support_plan_review, date: 2026-03-27}
  - {kind: my_support_plan_review, date: 2026-07-10}
  - {kind: professional_report, date: 2025-06-20, title: Educational Psychology report}
  - {kind: parent_views, date: 2026-10-15}
  - {kind: pupil_views, date: 2026-10-15}
)";

}  // namespace

// ---- the spec's complete example ---------------------------------------------------------

TEST_CASE("loader: the spec's complete example loads with no diagnostics and the right values") {
    auto r = load(kSpecExample);
    CAPTURE(all_diagnostics(r));
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.valid());
    const Record& rec = *r.record;
    CHECK(r.source.file == "rec.yaml");
    CHECK(r.source.document == 0);
    CHECK(r.source.line == 1);

    CHECK(rec.format == "ehcp-record/1");
    CHECK(rec.pupil.id == "R801200101001");
    CHECK(rec.pupil.date_of_birth == Date{2016, 5, 14});
    CHECK(rec.pupil.setting == "Example Primary School");
    CHECK(rec.pupil.sen_status == SenStatus::sen_support);
    CHECK_FALSE(rec.pupil.name.has_value());
    CHECK_FALSE(rec.pupil.year_group.has_value());

    REQUIRE(rec.request);
    CHECK(rec.request->date == Date{2026, 11, 20});
    CHECK(rec.request->made_by == RequestMaker::school);
    CHECK(rec.request->parent_views == "We want Sam to be able to read to his little sister.");
    CHECK(rec.request->parental_consent == true);

    REQUIRE(rec.needs);
    CHECK(rec.needs->primary == AreaOfNeed::cognition_and_learning);
    CHECK(rec.needs->secondary == std::vector<AreaOfNeed>{AreaOfNeed::communication_and_interaction});
    REQUIRE(rec.needs->diagnoses.size() == 1);
    CHECK(rec.needs->diagnoses[0].condition == "dyslexia");
    CHECK(rec.needs->diagnoses[0].date == Date{2025, 6, 10});
    CHECK(rec.needs->diagnoses[0].by == "Educational Psychologist");

    REQUIRE(rec.attainment.size() == 4);
    CHECK(rec.attainment[0].area == AttainmentArea::reading);
    CHECK(rec.attainment[0].pos.line == 23);
    CHECK(rec.attainment[0].pos.column == 5);
    CHECK(rec.attainment[1].date == Date{2026, 10, 1});
    CHECK(rec.attainment[1].working_at_year == 1.5);
    CHECK(rec.attainment[1].standardised_score == 66);
    CHECK(rec.attainment[1].percentile == 1);
    CHECK_FALSE(rec.attainment[2].standardised_score.has_value());
    CHECK(rec.attainment[3].area == AttainmentArea::maths);
    CHECK(rec.attainment[3].working_at_year == 3);

    REQUIRE(rec.cognitive_assessments.size() == 1);
    CHECK(rec.cognitive_assessments[0].standardised_score == 98);
    CHECK(rec.cognitive_assessments[0].assessment == "BAS3");

    REQUIRE(rec.attendance);
    CHECK(rec.attendance->percent == 95.5);
    CHECK(rec.attendance->period_end == Date{2026, 7, 20});

    REQUIRE(rec.support_cycles.size() == 3);
    CHECK(rec.support_cycles[1].start == Date{2026, 1, 5});
    CHECK(rec.support_cycles[1].review == Date{2026, 3, 27});
    CHECK(rec.support_cycles[1].progress == Progress::none);
    CHECK(rec.support_cycles[2].parents_involved == true);
    CHECK(rec.support_cycles[2].pos.line == 33);

    REQUIRE(rec.provision.size() == 2);
    CHECK(rec.provision[0].name == "Precision teaching (reading)");
    CHECK(rec.provision[0].delivered_by == Deliverer::teaching_assistant);
    CHECK(rec.provision[0].session_minutes == 20);
    CHECK(rec.provision[0].sessions_per_week == 5);
    CHECK(rec.provision[0].weeks == 36);
    CHECK(rec.provision[0].hourly_rate == 19.5);
    CHECK_FALSE(rec.provision[0].group_size.has_value());
    CHECK(rec.provision[1].delivered_by == Deliverer::specialist_teacher);
    CHECK(rec.provision[1].hourly_rate == 48);
    CHECK(rec.provision[1].pos.line == 42);
    CHECK(rec.provision[1].pos.column == 5);

    REQUIRE(rec.external_support.size() == 1);
    CHECK(rec.external_support[0].service == "educational_psychology");
    CHECK(rec.external_support[0].report_date == Date{2025, 6, 20});
    REQUIRE(rec.external_support[0].recommendations.size() == 2);
    CHECK(rec.external_support[0].recommendations[1].text == "Weekly specialist dyslexia teaching");
    CHECK(rec.external_support[0].recommendations[1].evaluated == true);

    REQUIRE(rec.indicators.size() == 1);
    CHECK(rec.indicators[0].id == "cl1");
    CHECK(rec.indicators[0].evidence == "NGRT standard score 66, October 2026");

    REQUIRE(rec.documents.size() == 7);
    CHECK(rec.documents[0].kind == DocumentKind::my_support_plan);
    CHECK(rec.documents[4].title == "Educational Psychology report");
    CHECK(rec.documents[6].kind == DocumentKind::pupil_views);
    CHECK(rec.documents[6].file_status == FileStatus::not_named);
    CHECK(rec.documents[6].counts());

    CHECK_FALSE(rec.functional_skills.has_value());
    CHECK_FALSE(rec.wellbeing.has_value());
    CHECK_FALSE(rec.post18.has_value());
}

TEST_CASE("loader: the sections the example leaves out are read too") {
    auto r = load(with(R"(  name: Sam Example
  year_group: 6
  looked_after: false
  previously_looked_after: true
  eal: True
functional_skills: {literacy: entry_3, numeracy: level_1}
wellbeing:
  evidence:
    - {kind: behaviour_log, date: 2026-10-01, summary: Three incidents a week}
  additional_provision_needed: Needs a key adult at unstructured times.
post18: {additional_time_needed: true, reason: Missed a year through illness, programme: Level 2 catering}
support_cycles:
  - start: 2026-01-05
    outcomes:
      - {description: Read 50 high-frequency words, result: partly_met}
    pupil_views_sought: true
    notes: Reviewed with parents.
provision:
  - {name: Social skills group, group_size: 4, start: 2026-01-05, end: 2026-07-17, annual_cost: 1200, other_costs: 150.5, outcome: Turn taking, review_date: 2026-07-10}
)"));
    CAPTURE(all_diagnostics(r));
    REQUIRE(r.diagnostics.empty());
    const Record& rec = *r.record;
    CHECK(rec.pupil.name == "Sam Example");
    CHECK(rec.pupil.year_group == 6);
    CHECK(rec.pupil.looked_after == false);
    CHECK(rec.pupil.previously_looked_after == true);
    CHECK(rec.pupil.eal == true);
    REQUIRE(rec.functional_skills);
    CHECK(rec.functional_skills->literacy == FunctionalLevel::entry_3);
    CHECK(rec.functional_skills->numeracy == FunctionalLevel::level_1);
    REQUIRE(rec.wellbeing);
    REQUIRE(rec.wellbeing->evidence.size() == 1);
    CHECK(rec.wellbeing->evidence[0].kind == WellbeingKind::behaviour_log);
    CHECK(rec.wellbeing->additional_provision_needed == "Needs a key adult at unstructured times.");
    REQUIRE(rec.post18);
    CHECK(rec.post18->additional_time_needed == true);
    CHECK(rec.post18->programme == "Level 2 catering");
    REQUIRE(rec.support_cycles.size() == 1);
    REQUIRE(rec.support_cycles[0].outcomes.size() == 1);
    CHECK(rec.support_cycles[0].outcomes[0].result == OutcomeResult::partly_met);
    CHECK(rec.support_cycles[0].pupil_views_sought == true);
    CHECK_FALSE(rec.support_cycles[0].review.has_value());
    REQUIRE(rec.provision.size() == 1);
    CHECK(rec.provision[0].group_size == 4);
    CHECK(rec.provision[0].end == Date{2026, 7, 17});
    CHECK(rec.provision[0].annual_cost == 1200);
    CHECK(rec.provision[0].other_costs == 150.5);
}

// ---- required, null, unknown and duplicate keys -----------------------------------------

TEST_CASE("loader: a missing required key points at its parent map") {
    auto r = load("format: ehcp-record/1\npupil:\n  id: B801200005001\n  name: Sam\n");
    CHECK_FALSE(r.valid());
    auto d = only(r, "field.required");
    check_at(d, Severity::error, "pupil.date_of_birth", 2 + 1, 3);
    CHECK(d.message == "`date_of_birth` is required in pupil");
    CHECK(d.fix == "add `date_of_birth: YYYY-MM-DD`");

    auto no_format = load("pupil:\n  id: X1\n  date_of_birth: 2016-05-14\n");
    auto f = only(no_format, "field.required");
    check_at(f, Severity::error, "format", 1, 1);
    CHECK(f.fix == "add `format: ehcp-record/1`");

    auto no_pupil = load("format: ehcp-record/1\n");
    auto p = only(no_pupil, "field.required");
    check_at(p, Severity::error, "pupil", 1, 1);
    CHECK(p.fix == "add a `pupil:` map");

    auto entry = load(with("documents:\n  - {date: 2026-01-01}\n"));
    auto k = only(entry, "field.required");
    check_at(k, Severity::error, "documents[0].kind", 6, 5);
    CHECK(k.fix.rfind("add `kind: <one of: my_support_plan, my_support_plan_review, ", 0) == 0);
}

TEST_CASE("loader: null means absent on optional keys and missing on required ones") {
    auto r = load(with("  name:\n  setting: ~\n  year_group: null\nrequest:\n"));
    CAPTURE(all_diagnostics(r));
    REQUIRE(r.diagnostics.empty());
    CHECK_FALSE(r.record->pupil.name.has_value());
    CHECK_FALSE(r.record->pupil.setting.has_value());
    CHECK_FALSE(r.record->pupil.year_group.has_value());
    CHECK_FALSE(r.record->request.has_value());

    auto required = load("format: ehcp-record/1\npupil:\n  id: X1\n  date_of_birth:\n");
    auto d = only(required, "field.required");
    check_at(d, Severity::error, "pupil.date_of_birth", 4, 3);
    CHECK(d.message == "`date_of_birth` in pupil has no value; it is required");
    CHECK(d.fix == "give a value: `date_of_birth: YYYY-MM-DD`");

    auto empty_id = load("format: ehcp-record/1\npupil:\n  id: \"\"\n  date_of_birth: 2016-05-14\n");
    auto e = only(empty_id, "field.required");
    check_at(e, Severity::error, "pupil.id", 3, 7);
    CHECK(e.message == "`id` in pupil is empty; it is required");
}

TEST_CASE("loader: a near miss of an allowed key that is absent is an error; other unknown keys are warnings") {
    // `reveiws` beside no `review`: read past, the review would be lost and the verdict change.
    auto r = load(with("support_cycles:\n  - start: 2025-09-08\n    reveiws: 2025-12-05\n"));
    CHECK_FALSE(r.valid());
    auto d = only(r, "field.misspelt");
    check_at(d, Severity::error, "support_cycles[0].reveiws", 7, 5);
    CHECK(d.message == "unknown key `reveiws` in support_cycles[0] is a near miss of `review`, which is not given; its "
                       "value would not be read");
    CHECK(d.fix == "rename `reveiws` to `review`");

    // A different case is a near miss too.
    auto upper = load(with("support_cycles:\n  - start: 2025-09-08\n    Review: 2025-12-05\n"));
    CHECK(only(upper, "field.misspelt").severity == Severity::error);

    // The same near miss beside the key it resembles is only a warning: nothing is lost.
    auto both = load(with("support_cycles:\n  - start: 2025-09-08\n    review: 2025-12-05\n    reveiw: 2025-12-06\n"));
    REQUIRE(both.valid());
    auto b = only(both, "field.unknown");
    check_at(b, Severity::warning, "support_cycles[0].reveiw", 8, 5);
    CHECK(b.message == "unknown key `reveiw` in support_cycles[0]; did you mean `review`? (`review` is also given)");
    CHECK(both.record->support_cycles[0].review == Date{2025, 12, 5});

    auto top = load(with("atendance: {percent: 90}\n"));
    auto t = only(top, "field.misspelt");
    check_at(t, Severity::error, "atendance", 5, 1);

    auto cased = load(with("  Date_Of_Birth: 2016-05-14\n"));
    auto c = only(cased, "field.unknown");  // date_of_birth is given in the head
    CHECK(c.severity == Severity::warning);
    CHECK(c.fix == "remove `Date_Of_Birth` or merge it into `date_of_birth`");
    CHECK(c.line == 5);

    auto far = load(with("  favourite_colour: blue\n"));
    REQUIRE(far.valid());
    auto f = only(far, "field.unknown");
    check_at(f, Severity::warning, "pupil.favourite_colour", 5, 3);
    CHECK(f.message == "unknown key `favourite_colour` in pupil; it is not read");
    CHECK(f.fix ==
          "remove it or check its spelling; the keys here are: id, name, date_of_birth, year_group, setting, "
          "looked_after, previously_looked_after, eal, sen_status");
}

TEST_CASE("loader: a duplicate key is an error naming the line of the first") {
    auto r = load(with("request:\n  date: 2026-11-20\n  made_by: school\n  date: 2026-11-21\n"));
    CHECK_FALSE(r.valid());
    auto d = only(r, "key.duplicate");
    check_at(d, Severity::error, "request.date", 8, 3);
    CHECK(d.message == "duplicate key `date` in request; it was first given on line 6");
    CHECK(d.fix == "keep only one `date` (lines 6 and 8)");

    auto top = load(with("format: ehcp-record/1\n"));
    check_at(only(top, "key.duplicate"), Severity::error, "format", 5, 1);
}

// ---- dates ------------------------------------------------------------------------------

TEST_CASE("loader: a UK date is date.format with the ISO form as the fix") {
    auto r = load("format: ehcp-record/1\npupil:\n  id: X1\n  date_of_birth: 14/05/2016\n");
    CHECK_FALSE(r.valid());
    auto d = only(r, "date.format");
    check_at(d, Severity::error, "pupil.date_of_birth", 4, 18);
    CHECK(d.fix == "use 2016-05-14");
    CHECK(d.message == "`14/05/2016` is not a date in the form YYYY-MM-DD; read as day/month/year it is 14 May 2016");

    auto slashes = load(with("request: {date: 2016/05/14}\n"));
    auto s = only(slashes, "date.format");
    check_at(s, Severity::error, "request.date", 5, 17);
    CHECK(s.fix == "use 2016-05-14");
}

TEST_CASE("loader: an impossible date is date.invalid") {
    auto r = load(with("request:\n  date: 2025-02-30\n"));
    auto d = only(r, "date.invalid");
    check_at(d, Severity::error, "request.date", 6, 9);
    CHECK(d.message == "`2025-02-30` is not a real date: February 2025 has 28 days");
    CHECK(d.fix == "use a day from 01 to 28");
}

TEST_CASE("loader: a spreadsheet serial number in a date field is converted in the fix") {
    auto r = load(with("cognitive_assessments:\n  - date: 45566\n    standardised_score: 98\n"));
    auto d = only(r, "date.format");
    check_at(d, Severity::error, "cognitive_assessments[0].date", 6, 11);
    CHECK(d.fix == "use 2024-10-01");
    CHECK(d.message ==
          "`45566` is a number, not a date; it looks like a spreadsheet date serial number, which is 1 October 2024");
}

// ---- numbers ----------------------------------------------------------------------------

TEST_CASE("loader: money written with £ or thousands commas is money.format") {
    auto r = load(with(
        "provision:\n"
        "  - name: Speech and language therapy\n"
        "    hourly_rate: \"\xC2\xA3" "1,250\"\n"
        "    annual_cost: 1,250.50\n"));
    CHECK_FALSE(r.valid());
    REQUIRE(r.diagnostics.size() == 2);
    auto rate = r.diagnostics[0];
    CHECK(rate.code == "money.format");
    check_at(rate, Severity::error, "provision[0].hourly_rate", 7, 18);
    CHECK(rate.fix == "use 1250");
    auto cost = r.diagnostics[1];
    CHECK(cost.code == "money.format");
    check_at(cost, Severity::error, "provision[0].annual_cost", 8, 18);
    CHECK(cost.fix == "use 1250.50");  // the digits as written
}

TEST_CASE("loader: a percentage with its sign in a number field") {
    auto r = load(with("attendance:\n  percent: 85%\n"));
    auto d = only(r, "type.number");
    check_at(d, Severity::error, "attendance.percent", 6, 12);
    CHECK(d.fix == "use 85");
}

TEST_CASE("loader: numbers are decimal, finite and read in full") {
    auto r = load(with("  year_group: 06\n"));  // leading zero: still decimal 6, never octal
    CAPTURE(all_diagnostics(r));
    REQUIRE(r.diagnostics.empty());
    CHECK(r.record->pupil.year_group == 6);

    auto nan = load(with("attendance: {percent: .nan}\n"));
    auto d = only(nan, "type.number");
    check_at(d, Severity::error, "attendance.percent", 5, 23);
    CHECK(d.message == "`.nan` is not a finite number");

    auto words = load(with("attendance: {percent: ninety}\n"));
    CHECK(only(words, "type.number").message == "`ninety` is not a number");
}

TEST_CASE("loader: negative counts, minutes and money are number.negative") {
    auto r = load(with("provision:\n  - name: Reading group\n    session_minutes: -20\n"));
    auto d = only(r, "number.negative");
    check_at(d, Severity::error, "provision[0].session_minutes", 7, 22);
    CHECK(d.message == "`-20` is negative; `session_minutes` cannot be less than 0");
    CHECK(d.fix == "give a number of 0 or more");

    auto money = load(with("provision: [{name: Tutor, other_costs: -5}]\n"));
    check_at(only(money, "number.negative"), Severity::error, "provision[0].other_costs", 5, 40);
}

TEST_CASE("loader: percentile, attendance, year_group and group_size ranges") {
    auto pct = load(with("attainment:\n  - {area: reading, date: 2026-10-01, percentile: 105}\n"));
    auto p = only(pct, "number.range");
    check_at(p, Severity::error, "attainment[0].percentile", 6, 51);
    CHECK(p.message == "`105` is out of range; `percentile` is from 0 to 100");
    CHECK(p.fix == "use a number from 0 to 100");

    auto att = load(with("attendance: {percent: 100.5}\n"));
    check_at(only(att, "number.range"), Severity::error, "attendance.percent", 5, 23);

    auto year = load(with("  year_group: 15\n"));
    auto y = only(year, "number.range");
    check_at(y, Severity::error, "pupil.year_group", 5, 15);
    CHECK(y.fix == "use a number from -2 to 14");

    auto group = load(with("provision: [{name: Group, group_size: 0}]\n"));
    auto g = only(group, "number.range");
    check_at(g, Severity::error, "provision[0].group_size", 5, 39);
    CHECK(g.fix == "use a number from 1 to 100");
}

TEST_CASE("loader: integer fields take whole numbers") {
    auto r = load(with("provision: [{name: Group, group_size: 2.5}]\n"));
    auto d = only(r, "type.integer");
    check_at(d, Severity::error, "provision[0].group_size", 5, 39);
    CHECK(d.message == "`2.5` is not a whole number");
    CHECK(d.fix == "use a whole number such as 3");

    auto text = load(with("  year_group: six\n"));
    check_at(only(text, "type.integer"), Severity::error, "pupil.year_group", 5, 15);
}

TEST_CASE("loader: numbers and booleans in quotes are read with a type.quoted warning") {
    auto r = load(with("attendance:\n  percent: \"95.5\"\nrequest:\n  parental_consent: 'true'\n"));
    REQUIRE(r.valid());
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].code == "type.quoted");
    check_at(r.diagnostics[0], Severity::warning, "attendance.percent", 6, 12);
    CHECK(r.diagnostics[0].message == "quoted number \"95.5\" read as 95.5");
    CHECK(r.diagnostics[0].fix == "remove the quotes");
    CHECK(r.diagnostics[1].code == "type.quoted");
    check_at(r.diagnostics[1], Severity::warning, "request.parental_consent", 8, 21);
    CHECK(r.diagnostics[1].message == "quoted yes-or-no value \"true\" read as true");
    CHECK(r.record->attendance->percent == 95.5);
    CHECK(r.record->request->parental_consent == true);
}

// ---- booleans, strings, enumerations ----------------------------------------------------

TEST_CASE("loader: yes/no/on/off in a boolean field are type.bool errors") {
    auto r = load(with("  looked_after: yes\n  eal: off\n  previously_looked_after: perhaps\n"));
    CHECK_FALSE(r.valid());
    REQUIRE(r.diagnostics.size() == 3);
    check_at(r.diagnostics[0], Severity::error, "pupil.looked_after", 5, 17);
    CHECK(r.diagnostics[0].code == "type.bool");
    CHECK(r.diagnostics[0].fix == "use true");
    CHECK(r.diagnostics[0].message == "`yes` is not how this field says yes or no: it takes true (yes) or false (no)");
    CHECK(r.diagnostics[1].fix == "use false");
    CHECK(r.diagnostics[1].line == 6);
    CHECK(r.diagnostics[2].fix == "use true or false");
}

TEST_CASE("loader: free text takes numbers as text but not maps or lists") {
    auto r = load(with("  name: 1234\n  setting: true\n"));
    CAPTURE(all_diagnostics(r));
    REQUIRE(r.diagnostics.empty());
    CHECK(r.record->pupil.name == "1234");
    CHECK(r.record->pupil.setting == "true");

    auto map = load(with("  name: {first: Sam}\n"));
    auto d = only(map, "type.string");
    check_at(d, Severity::error, "pupil.name", 5, 9);
    CHECK(d.message == "`name` should be text, but it is a map");
    CHECK(d.fix == "write it as a single value; put quotes around text that starts with [ or { or holds `: `");

    auto list = load(with("  name: [redacted]\n"));
    CHECK(only(list, "type.string").message == "`name` should be text, but it is a list");
}

TEST_CASE("loader: an enumeration value outside the list is enum.invalid with a suggestion") {
    auto r = load(with("needs:\n  primary: Cognition and Learning\n"));
    auto d = only(r, "enum.invalid");
    check_at(d, Severity::error, "needs.primary", 6, 12);
    CHECK(d.fix == "use cognition_and_learning");
    CHECK(d.message ==
          "`Cognition and Learning` is not an allowed value; `primary` takes one of: communication_and_interaction, "
          "cognition_and_learning, social_emotional_mental_health, sensory_and_physical");

    auto typo = load(with("support_cycles: [{start: 2025-09-08, progress: littel}]\n"));
    auto t = only(typo, "enum.invalid");
    check_at(t, Severity::error, "support_cycles[0].progress", 5, 48);
    CHECK(t.fix == "did you mean `little`?");

    auto far = load(with("support_cycles: [{start: 2025-09-08, progress: lots}]\n"));
    CHECK(only(far, "enum.invalid").fix == "use one of: none, little, some, expected, good");

    auto in_list = load(with("needs:\n  secondary: [sensory_and_physical, SEMH]\n"));
    auto l = only(in_list, "enum.invalid");
    check_at(l, Severity::error, "needs.secondary[1]", 6, 37);
}

TEST_CASE("loader: needs.sen_types holds census codes in rank order, at most two, all different") {
    auto r = load(with("needs:\n  sen_types: [SPLD, SLCN]\n"));
    REQUIRE(r.valid());
    CHECK(r.diagnostics.empty());
    CHECK(r.record->needs->sen_types == std::vector<SenType>{SenType::spld, SenType::slcn});

    auto none = load(with("needs:\n  primary: cognition_and_learning\n"));
    REQUIRE(none.valid());
    CHECK(none.record->needs->sen_types.empty());

    // The wrong case is read, with a warning and the exact fix (validate --fix writes it).
    auto lower = load(with("needs:\n  sen_types: [spld, Semh]\n"));
    REQUIRE(lower.valid());
    CHECK(lower.record->needs->sen_types == std::vector<SenType>{SenType::spld, SenType::semh});
    REQUIRE(lower.diagnostics.size() == 2);
    const auto& w = lower.diagnostics[0];
    check_at(w, Severity::warning, "needs.sen_types[0]", 6, 15);
    CHECK(w.code == "sen_type.case");
    CHECK(w.message == "`spld` is read as the census code SPLD; the codes are written in capitals");
    CHECK(w.fix == "write SPLD");
    REQUIRE(w.edit);
    CHECK(w.edit->old_text == "spld");
    CHECK(w.edit->new_text == "SPLD");
    CHECK(lower.diagnostics[1].edit->new_text == "SEMH");

    // An unknown code: did you mean, and the list.
    auto typo = load(with("needs:\n  sen_types: [SPLF]\n"));
    CHECK_FALSE(typo.valid());
    auto d = only(typo, "enum.invalid");
    check_at(d, Severity::error, "needs.sen_types[0]", 6, 15);
    CHECK(d.message ==
          "`SPLF` is not a census SEN type code; `sen_types` takes codes from: SPLD, MLD, SLD, PMLD, SEMH, SLCN, "
          "HI, VI, MSI, PD, ASD, OTH, NSA, DS");
    CHECK(d.fix == "did you mean `SPLD`? The codes are: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, "
                   "NSA, DS");
    REQUIRE(d.edit);
    CHECK(d.edit->new_text == "SPLD");
    auto far = load(with("needs:\n  sen_types: [dyslexia]\n"));
    CHECK(only(far, "enum.invalid").fix ==
          "use one of: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA, DS");
    CHECK_FALSE(only(far, "enum.invalid").edit);
    // An area of need's words are not a code.
    CHECK_FALSE(load(with("needs:\n  sen_types: [social_emotional_mental_health]\n")).valid());

    auto twice = load(with("needs:\n  sen_types: [ASD, asd]\n"));
    CHECK_FALSE(twice.valid());
    auto dup = only(twice, "sen_type.duplicate");
    check_at(dup, Severity::error, "needs.sen_types[1]", 6, 20);
    CHECK(dup.message == "ASD is given twice in `sen_types`; the census ranks two different need types");

    auto three = load(with("needs:\n  sen_types: [SPLD, SLCN, SEMH]\n"));
    CHECK_FALSE(three.valid());
    auto many = only(three, "sen_type.too_many");
    check_at(many, Severity::error, "needs.sen_types", 6, 14);
    CHECK(many.message == "`sen_types` gives 3 need types; the school census and SEN2 rank at most 2 (the primary "
                          "need, then the secondary one)");

    auto scalar = load(with("needs:\n  sen_types: SPLD\n"));
    CHECK(only(scalar, "type.list").fix == "use [SPLD]");
    CHECK(load(with("needs:\n  sen_types: ~\n")).valid());
}

TEST_CASE("loader: format must be exactly ehcp-record/1") {
    auto r = load("format: ehcp-record/2\npupil:\n  id: X1\n  date_of_birth: 2016-05-14\n");
    CHECK_FALSE(r.valid());
    auto d = only(r, "format.version");
    check_at(d, Severity::error, "format", 1, 9);
    CHECK(d.message == "format `ehcp-record/2` is not one this toolkit reads; it reads `ehcp-record/1`");
    CHECK(d.fix == "use ehcp-record/1");
}

TEST_CASE("loader: lists and maps of the wrong shape") {
    auto scalar_list = load(with("needs:\n  secondary: cognition_and_learning\n"));
    auto d = only(scalar_list, "type.list");
    check_at(d, Severity::error, "needs.secondary", 6, 14);
    CHECK(d.fix == "use [cognition_and_learning]");

    auto map_list = load(with("attainment: {area: reading}\n"));
    auto m = only(map_list, "type.list");
    check_at(m, Severity::error, "attainment", 5, 13);
    CHECK(m.message == "`attainment` should be a list of entries, but it is a map");

    auto scalar_section = load(with("request: soon\n"));
    auto s = only(scalar_section, "type.map");
    check_at(s, Severity::error, "request", 5, 10);
    CHECK(s.message == "`request` should be a map of keys, but it is a single value");
    CHECK(s.fix == "write `request:` on its own line with its keys indented below it");

    auto scalar_entry = load(with("documents:\n  - my_support_plan\n"));
    auto e = only(scalar_entry, "type.map");
    check_at(e, Severity::error, "documents[0]", 6, 5);
    CHECK(e.message == "each entry of `documents` should be a map of keys, but entry 0 is a single value");

    auto empty_entry = load(with("documents:\n  -\n  - {kind: other}\n"));
    check_at(only(empty_entry, "list.empty_entry"), Severity::error, "documents[0]", 6, 3);

    auto not_a_map = load("- format: ehcp-record/1\n");
    check_at(only(not_a_map, "type.map"), Severity::error, "", 1, 1);
}

// ---- rules across fields ----------------------------------------------------------------

TEST_CASE("loader: an attainment entry with no measure is an error") {
    auto r = load(with("attainment:\n  - area: reading\n    date: 2026-10-01\n    assessment: NGRT\n"));
    auto d = only(r, "attainment.no_measure");
    check_at(d, Severity::error, "attainment[0]", 6, 5);
    CHECK(d.message ==
          "attainment[0] gives no measure: it needs at least one of working_at_year, age_equivalent_months, "
          "standardised_score, percentile");
    CHECK(d.fix == "add a measure, e.g. `working_at_year: 1.5` or `standardised_score: 70`");
}

TEST_CASE("loader: provision that ends before it starts is an error") {
    auto r = load(with("provision:\n  - name: Tutor\n    start: 2026-03-01\n    end: 2026-02-01\n"));
    auto d = only(r, "provision.end_before_start");
    check_at(d, Severity::error, "provision[0].end", 8, 10);
    CHECK(d.message == "end 2026-02-01 is before start 2026-03-01");
    CHECK(d.fix == "check the dates: end must be on or after start");
}

TEST_CASE("loader: indicator ids must be in the rule pack") {
    auto r = load(with("indicators:\n  - {id: cl9, evidence: NGRT}\n"));
    auto d = only(r, "indicator.unknown");
    check_at(d, Severity::error, "indicators[0].id", 6, 10);
    CHECK(d.message == "indicator `cl9` is not in the rule pack; its indicators are: cl1, cl2, ci1, semh1");
    CHECK(d.fix == "did you mean `cl1`?");

    auto far = load(with("indicators:\n  - id: sensory\n"));
    CHECK(only(far, "indicator.unknown").fix == "use one of: cl1, cl2, ci1, semh1");

    LoadOptions no_pack = options();
    no_pack.indicator_ids.clear();
    auto unchecked = load(with("indicators:\n  - id: anything\n"), no_pack);
    CHECK(unchecked.diagnostics.empty());
    CHECK(unchecked.record->indicators[0].id == "anything");
}

TEST_CASE("loader: a UPN with a wrong check letter is a warning naming the right one") {
    auto r = load("format: ehcp-record/1\npupil:\n  id: A801200005001\n  date_of_birth: 2016-05-14\n");
    REQUIRE(r.valid());
    auto d = only(r, "upn.check_letter");
    check_at(d, Severity::warning, "pupil.id", 3, 7);
    CHECK(d.message ==
          "`A801200005001` looks like a UPN but its check letter is wrong: the other 12 characters call for `B`, not `A`");
    CHECK(d.fix == "check the UPN; with these digits it would start with `B`");

    for (auto ok : {"B801200005001", "R801200101001", "Y30500001234A", "SCH-000042", "1234"}) {
        CAPTURE(ok);
        auto good = load(record_with_id(ok));
        CHECK(good.diagnostics.empty());
    }
}

TEST_CASE("loader: a year group different from the date of birth's is an out-of-cohort warning") {
    // Born 2016-05-14: age 10 on 31 August 2026, so Year 6 as of 2026-11-22.
    auto r = load(with("  year_group: 5\n"));
    REQUIRE(r.valid());
    auto d = only(r, "pupil.year_group_out_of_cohort");
    check_at(d, Severity::warning, "pupil.year_group", 5, 15);
    CHECK(d.message == "year_group 5 differs from Year 6 derived from the date of birth; the given year is used");
    CHECK(d.fix == "if the pupil is taught in their chronological year, use 6 or leave year_group out");
    CHECK(r.record->pupil.year_group == 5);

    auto same = load(with("  year_group: 6\n"));
    CHECK(same.diagnostics.empty());
}

TEST_CASE("loader: a pupil who already has a plan is a warning") {
    auto r = load(with("  sen_status: ehcp\n"));
    REQUIRE(r.valid());
    auto d = only(r, "pupil.has_ehcp");
    check_at(d, Severity::warning, "pupil.sen_status", 5, 15);
    CHECK(d.fix == "ask for an annual review (or an early review) of the plan, or for a re-assessment");
}

TEST_CASE("loader: documents' files are looked for beside the record") {
    TempDir dir;
    dir.write("ep-report.pdf", "%PDF-1.4 invented");
    dir.write("empty.pdf", "");
    fs::create_directories(dir.path / "letters");
    auto path = dir.write("pupil.yaml", with(
        "documents:\n"
        "  - {kind: professional_report, file: ep-report.pdf}\n"
        "  - {kind: parent_views, file: empty.pdf}\n"
        "  - {kind: pupil_views, file: gone.pdf}\n"
        "  - {kind: consent_form, file: letters}\n"
        "  - {kind: other}\n"));
    auto records = load_records(path, options());
    REQUIRE(records.size() == 1);
    const auto& r = records[0];
    REQUIRE(r.valid());
    const auto& docs = r.record->documents;
    REQUIRE(docs.size() == 5);
    CHECK(docs[0].file_status == FileStatus::present);
    CHECK(docs[1].file_status == FileStatus::empty);
    CHECK(docs[2].file_status == FileStatus::missing);
    CHECK(docs[3].file_status == FileStatus::missing);
    CHECK(docs[4].file_status == FileStatus::not_named);
    CHECK(docs[0].counts());
    CHECK_FALSE(docs[1].counts());
    CHECK_FALSE(docs[2].counts());

    REQUIRE(r.diagnostics.size() == 3);
    const auto& empty = r.diagnostics[0];
    CHECK(empty.code == "document.file_empty");
    CHECK(empty.severity == Severity::warning);
    CHECK(empty.path == "documents[1].file");
    CHECK(empty.line == 7);
    CHECK(empty.column == 32);
    CHECK(empty.file == path);
    CHECK(empty.message == "the file `empty.pdf` is empty; the document counts as missing");
    CHECK(empty.fix == "attach the document's real content");
    const auto& missing = r.diagnostics[1];
    CHECK(missing.code == "document.file_missing");
    CHECK(missing.path == "documents[2].file");
    CHECK(missing.line == 8);
    CHECK(missing.column == 31);
    CHECK(missing.message == "the file `gone.pdf` was not found (looked for " + (dir.path / "gone.pdf").string() +
                                 "); the document counts as missing");
    CHECK(missing.fix == "check the path, which is relative to the record's own file");
    CHECK(r.diagnostics[2].code == "document.file_missing");
    CHECK(r.diagnostics[2].message == "`letters` is a directory, not a file; the document counts as missing");
}

// ---- YAML problems --------------------------------------------------------------------

TEST_CASE("loader: YAML syntax errors are reported in plain words at the right place") {
    auto r = load(with("needs:\n  secondary: [cognition_and_learning\n"));
    CHECK_FALSE(r.valid());
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.code == "yaml.syntax");
    CHECK(d.message == "YAML syntax error: a `[` is not closed by a `]`");
    CHECK(d.fix == "close the list with `]`");
    CHECK(d.line == 6);
    CHECK(d.column == 37);  // just after the last thing written, not past the end of the document

    auto colon = load(with("  setting: St Mary's: the infant school\n"));
    auto c = only(colon, "yaml.syntax");
    CHECK(c.line == 5);
    CHECK(c.column == 21);
    CHECK(c.message.rfind("YAML syntax error: a `:` appears where a value cannot start", 0) == 0);
}

TEST_CASE("loader: a tab used for indentation is named as such") {
    auto r = load(with("request:\n\tdate: 2026-11-20\n"));
    CHECK_FALSE(r.valid());
    auto d = only(r, "yaml.tab");
    check_at(d, Severity::error, "", 6, 1);
    CHECK(d.message ==
          "a tab is used for indentation; YAML needs spaces (read on as 2 spaces, the only indentation that fits the "
          "lines around it)");
    CHECK(d.fix == "replace the indentation with 2 spaces");
    REQUIRE(d.edit);
    CHECK(d.edit->old_text == "\t");
    CHECK(d.edit->new_text == "  ");

    // A tab inside a block of text is just text.
    auto text = load(with("request:\n  parent_views: |\n    We said:\n    \tplease help\n"));
    CAPTURE(all_diagnostics(text));
    REQUIRE(text.valid());
    CHECK(text.record->request->parent_views == "We said:\n\tplease help\n");
}

TEST_CASE("loader: nesting too deep for the parser is yaml.too_deep, not \"bad file\"") {
    std::string deep = with("needs:\n  description: ") + std::string(3000, '[') + std::string(3000, ']') + "\n";
    auto r = load(deep);
    CHECK_FALSE(r.valid());
    auto d = only(r, "yaml.too_deep");
    CHECK(d.line == 6);
    // Found before parsing, where the 64-level limit is passed: two block levels, then the 63rd `[`.
    CHECK(d.column == 78);
    CHECK(d.path == "");
    CHECK(d.fix == "check for runaway `[` or `{` brackets, or indentation that keeps growing");
    CHECK(d.message.find("nest more than 64 levels deep") != std::string::npos);
    CHECK(d.message.find("bad file") == std::string::npos);
}

TEST_CASE("loader: aliases, even cyclic ones, never make the reader loop") {
    auto cycle = load(with("needs:\n  secondary: &x [*x]\n"));
    CHECK_FALSE(cycle.valid());
    auto d = only(cycle, "enum.invalid");
    CHECK(d.path == "needs.secondary[0]");

    auto self = load(with("needs: &n\n  diagnoses: [*n]\n"));
    CHECK_FALSE(self.valid());
    CHECK(only(self, "field.required").path == "needs.diagnoses[0].condition");
    CHECK(only(self, "field.unknown").path == "needs.diagnoses[0].diagnoses");

    // Unknown keys are never descended into, whatever they hold.
    auto unknown = load(with("extra: &e {a: *e, b: [*e]}\n<<: *e\n"));
    REQUIRE(unknown.valid());
    REQUIRE(unknown.diagnostics.size() == 2);
    CHECK(unknown.diagnostics[0].path == "extra");
    CHECK(unknown.diagnostics[1].path == "<<");
    CHECK(unknown.diagnostics[1].fix == "write the keys out in full");

    // Ordinary aliases share a value.
    auto shared = load(with("request: {date: &d 2026-11-20}\nsupport_cycles: [{start: *d}]\n"));
    CAPTURE(all_diagnostics(shared));
    REQUIRE(shared.diagnostics.empty());
    CHECK(shared.record->support_cycles[0].start == Date{2026, 11, 20});
}

TEST_CASE("loader: columns count characters, not bytes") {
    auto flow = load(with("request: {parent_views: \"Zo\xC3\xAB \xE2\x82\xAC\", parental_consent: maybe}\n"));
    auto d = only(flow, "type.bool");
    CHECK(d.line == 5);
    CHECK(d.column == 52);  // 55 bytes in, but \xC3\xAB and \xE2\x82\xAC are one character each
}

// ---- streams of documents ---------------------------------------------------------------

TEST_CASE("loader: a stream of three records with an invalid one in the middle") {
    TempDir dir;
    auto path = dir.write("batch.yaml",
                          "# Batch sent 2026-11-20\n"                       // 1
                          "---\n"                                           // 2
                          "format: ehcp-record/1\n"                         // 3
                          "pupil: {id: B801200005001, date_of_birth: 2016-05-14}\n"  // 4
                          "---\n"                                           // 5
                          "format: ehcp-record/1\n"                         // 6
                          "pupil:\n"                                        // 7
                          "  id: R801200101001\n"                           // 8
                          "  date_of_birth: 14/05/2016\n"                   // 9
                          "--- # third\n"                                   // 10
                          "format: ehcp-record/1\n"                         // 11
                          "pupil: {id: P201512300042, date_of_birth: 2015-01-31}\n");  // 12
    auto reader = RecordReader::open(path, options());
    auto first = reader.next();
    REQUIRE(first);
    CHECK(first->valid());
    CHECK(first->source.file == path);
    CHECK(first->source.document == 0);
    CHECK(first->source.line == 2);
    CHECK(first->record->pupil.id == "B801200005001");

    auto second = reader.next();
    REQUIRE(second);
    CHECK_FALSE(second->valid());
    CHECK(second->source.document == 1);
    CHECK(second->source.line == 5);
    REQUIRE(second->diagnostics.size() == 1);
    CHECK(second->diagnostics[0].code == "date.format");
    CHECK(second->diagnostics[0].path == "pupil.date_of_birth");
    CHECK(second->diagnostics[0].line == 9);
    CHECK(second->diagnostics[0].column == 18);
    CHECK(second->diagnostics[0].file == path);

    auto third = reader.next();
    REQUIRE(third);
    CHECK(third->valid());
    CHECK(third->source.document == 2);
    CHECK(third->source.line == 10);
    CHECK(third->record->pupil.date_of_birth == Date{2015, 1, 31});

    CHECK_FALSE(reader.next().has_value());
    CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("loader: a UTF-8 byte order mark and Windows line endings are read as if absent") {
    TempDir dir;
    auto path = dir.write("windows.yaml",
                          "\xEF\xBB\xBF" "format: ehcp-record/1\r\n"
                          "pupil:\r\n"
                          "  id: B801200005001\r\n"
                          "  date_of_birth: 2016-05-14\r\n"
                          "  setting: Example School\r\n"
                          "request: {date: 20/11/2026}\r\n"
                          "---\r\n"
                          "format: ehcp-record/1\r\n"
                          "pupil: {id: B801200005001, date_of_birth: 2016-05-14, name: Sam}\r\n");
    auto records = load_records(path, options());
    REQUIRE(records.size() == 2);
    auto d = records[0].diagnostics;
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "date.format");
    CHECK(d[0].line == 6);
    CHECK(d[0].column == 17);
    CHECK(d[0].fix == "use 2026-11-20");
    CHECK(records[1].valid());
    CHECK(records[1].source.line == 7);
    CHECK(records[1].record->pupil.name == "Sam");  // no stray \r
}

TEST_CASE("loader: an empty file gives one error record") {
    TempDir dir;
    auto empty = load_records(dir.write("empty.yaml", ""), options());
    REQUIRE(empty.size() == 1);
    CHECK_FALSE(empty[0].valid());
    REQUIRE(empty[0].diagnostics.size() == 1);
    CHECK(empty[0].diagnostics[0].code == "file.empty");
    CHECK(empty[0].diagnostics[0].message == "the file is empty");
    CHECK(empty[0].diagnostics[0].fix == "write a record starting with `format: ehcp-record/1`");
    CHECK(empty[0].source.document == 0);

    auto comments = load_records(dir.write("comments.yaml", "# nothing yet\n\n"), options());
    REQUIRE(comments.size() == 1);
    CHECK(comments[0].diagnostics[0].code == "file.empty");
    CHECK(comments[0].diagnostics[0].message == "the file holds no record, only comments or document markers");

    auto bom_only = load_records(dir.write("bom.yaml", "\xEF\xBB\xBF\r\n"), options());
    REQUIRE(bom_only.size() == 1);
    CHECK(bom_only[0].diagnostics[0].message == "the file is empty");
}

TEST_CASE("loader: a trailing --- gives nothing, an empty document in the middle is an error") {
    TempDir dir;
    auto trailing = load_records(dir.write("t.yaml", with("---\n")), options());
    REQUIRE(trailing.size() == 1);
    CHECK(trailing[0].valid());

    auto trailing_comment = load_records(dir.write("tc.yaml", with("---\n# next record goes here\n")), options());
    REQUIRE(trailing_comment.size() == 1);

    auto middle = load_records(dir.write("m.yaml", with("---\n# nothing\n---\n") + std::string(kHead)), options());
    REQUIRE(middle.size() == 3);
    CHECK(middle[0].valid());
    CHECK_FALSE(middle[1].valid());
    CHECK(middle[1].source.document == 1);
    CHECK(middle[1].source.line == 5);
    REQUIRE(middle[1].diagnostics.size() == 1);
    CHECK(middle[1].diagnostics[0].code == "document.empty");
    CHECK(middle[1].diagnostics[0].line == 5);
    CHECK(middle[1].diagnostics[0].message == "empty document: the `---` on line 5 starts a document with nothing in it");
    CHECK(middle[1].diagnostics[0].column == 1);
    CHECK(middle[1].diagnostics[0].fix == "remove the extra `---` line, or write the record below it");
    CHECK(middle[2].valid());
    CHECK(middle[2].source.document == 2);
    CHECK(middle[2].source.line == 7);
}

TEST_CASE("loader: directives belong to the next document and ... ends one") {
    TempDir dir;
    auto path = dir.write("d.yaml", "%YAML 1.2\n---\n" + std::string(kHead) + "...\n# between\n%YAML 1.2\n--- \n" +
                                        std::string(kHead) + "...\n");
    auto records = load_records(path, options());
    REQUIRE(records.size() == 2);
    CHECK(records[0].valid());
    CHECK(records[0].source.line == 2);
    CHECK(records[1].valid());
    CAPTURE(all_diagnostics(records[1]));
    CHECK(records[1].source.line == 10);
    CHECK(records[1].source.document == 1);
}

TEST_CASE("loader: a document or file over the size limits is an error, not a crash") {
    TempDir dir;
    LoadOptions small = options();
    small.max_record_bytes = 200;
    std::string big = with("needs:\n  description: " + std::string(500, 'x') + "\n");
    auto path = dir.write("big.yaml", big + "---\n" + std::string(kHead));
    auto records = load_records(path, small);
    REQUIRE(records.size() == 2);
    CHECK_FALSE(records[0].valid());
    REQUIRE(records[0].diagnostics.size() == 1);
    CHECK(records[0].diagnostics[0].code == "document.too_large");
    CHECK(records[0].diagnostics[0].line == 1);
    CHECK(records[1].valid());  // the next document is read as usual
    CHECK(records[1].source.line == 7);

    LoadOptions tiny_file = options();
    tiny_file.max_file_bytes = 50;
    auto over = load_records(dir.write("over.yaml", std::string(kHead)), tiny_file);
    REQUIRE(over.size() == 1);
    CHECK(over[0].diagnostics[0].code == "file.too_large");
    CHECK(over[0].diagnostics[0].message.find("larger than the limit of 50 bytes") != std::string::npos);

    // A stream has no size up front: the limit stops reading part-way.
    auto reader = RecordReader("piped", std::make_unique<std::istringstream>(with("---\n") + std::string(kHead)), ".",
                               [] {
                                   LoadOptions o = options();
                                   o.max_file_bytes = 100;
                                   return o;
                               }());
    auto first = reader.next();
    REQUIRE(first);
    CHECK(first->valid());
    auto stopped = reader.next();
    REQUIRE(stopped);
    REQUIRE(stopped->diagnostics.size() == 1);
    CHECK(stopped->diagnostics[0].code == "file.too_large");
    CHECK(stopped->source.document == 1);
    CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("loader: a file that cannot be opened gives one record with the OS reason") {
    auto records = load_records("/nonexistent/ehcp/pupil.yaml", options());
    REQUIRE(records.size() == 1);
    CHECK_FALSE(records[0].valid());
    CHECK(records[0].source.file == "/nonexistent/ehcp/pupil.yaml");
    REQUIRE(records[0].diagnostics.size() == 1);
    const auto& d = records[0].diagnostics[0];
    CHECK(d.code == "file.unreadable");
    CHECK(d.message == "`/nonexistent/ehcp/pupil.yaml` cannot be opened: No such file or directory");
    CHECK(d.file == "/nonexistent/ehcp/pupil.yaml");

    TempDir dir;
    auto directory = load_records(dir.path.string(), options());
    REQUIRE(directory.size() == 1);
    CHECK(directory[0].diagnostics[0].code == "file.unreadable");
}

TEST_CASE("loader: load_record_text takes one document and numbers lines from the source") {
    auto r = load_record_text("format: ehcp-record/1\npupil: {id: X1, date_of_birth: 14/05/2016}\n",
                              SourceRef{"pack-test.yaml", 3, 20}, ".", options());
    CHECK(r.source.document == 3);
    CHECK(r.source.line == 20);
    auto d = only(r, "date.format");
    CHECK(d.line == 21);
    CHECK(d.file == "pack-test.yaml");

    auto two = load(with("---\n") + std::string(kHead));
    CHECK_FALSE(two.valid());
    auto m = only(two, "document.multiple");
    CHECK(m.line == 5);
}

TEST_CASE("loader: standard input is named - in sources and <stdin> in diagnostics") {
    RecordReader reader("-", std::make_unique<std::istringstream>("format: ehcp-record/2\n"), ".", options());
    auto r = reader.next();
    REQUIRE(r);
    CHECK(r->source.file == "-");
    REQUIRE_FALSE(r->diagnostics.empty());
    CHECK(r->diagnostics[0].file == "<stdin>");
}
