// Current evidence and the invariants of the revised Coventry spec, on real records:
// the latest measure carrying each figure (a standardised-score-only entry never hides an
// older working-at level), the 12-month and 6-month windows at their boundaries, the
// estimated flag on existing-support (c), and, over every example, every pack test record
// and a seeded batch of generated records: a not_ready verdict always names a gap, and a
// parent's or young person's own request is never called "not ready" in any format.
// Every record here is invented.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ehcp/facts/facts.hpp"
#include "ehcp/load/loader.hpp"
#include "ehcp/render/html_report.hpp"
#include "ehcp/render/json_report.hpp"
#include "ehcp/render/markdown_report.hpp"
#include "ehcp/render/text_report.hpp"
#include "ehcp/rules/engine.hpp"
#include "ehcp/rules/pack.hpp"

// The window helpers are private to src/rules; they are tested here directly as well as
// through the checks that use them.
#include "../../src/rules/checks_common.hpp"

using namespace ehcp;
namespace fs = std::filesystem;

namespace {

const Date kAsOf{2026, 11, 22};

const Pack& coventry() {
    static const Pack pack = load_pack(fs::path(EHCP_RULES_DIR) / "coventry");
    return pack;
}

LoadOptions options_for(const Date& as_of) {
    LoadOptions o;
    o.as_of = as_of;
    o.indicator_ids = coventry().indicator_ids();
    return o;
}

LoadedRecord load_text(const std::string& yaml, const Date& as_of = kAsOf, const std::string& name = "gen.yaml") {
    return load_record_text(yaml, SourceRef{name, 0, 1}, ".", options_for(as_of));
}

std::string diagnostics_of(const LoadedRecord& r) {
    std::string all;
    for (const auto& d : r.diagnostics) all += format_diagnostic(d) + "\n";
    return all;
}

// A record that must load: fails the test with its diagnostics otherwise.
LoadedRecord must_load(const std::string& yaml, const Date& as_of = kAsOf) {
    auto loaded = load_text(yaml, as_of);
    INFO(diagnostics_of(loaded));
    REQUIRE(loaded.valid());
    return loaded;
}

FactParameters fact_params() { return coventry().parameters.facts; }

const CriterionResult& criterion(const RecordReport& r, const std::string& id) {
    auto it = std::find_if(r.criteria.begin(), r.criteria.end(), [&](const CriterionResult& c) { return c.id == id; });
    REQUIRE(it != r.criteria.end());
    return *it;
}

const CheckResult* find_check(const CheckResult& c, const std::string& id) {
    if (c.id == id) return &c;
    for (const auto& child : c.children)
        if (const auto* hit = find_check(child, id)) return hit;
    return nullptr;
}

const CheckResult& check(const RecordReport& r, const std::string& criterion_id, const std::string& check_id) {
    const auto& c = criterion(r, criterion_id);
    REQUIRE(c.detail.has_value());
    const CheckResult* hit = find_check(*c.detail, check_id);
    REQUIRE(hit != nullptr);
    return *hit;
}

// ---- records from every source: examples, pack test cases, a seeded generator ----

struct Case {
    std::string name;
    Date as_of;
    LoadedRecord loaded;
};

std::vector<Case> example_cases() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(EHCP_EXAMPLES_DIR))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Case> out;
    for (const auto& f : files)
        for (auto& loaded : load_records(f.string(), options_for(kAsOf)))
            out.push_back({f.filename().string(), kAsOf, std::move(loaded)});
    return out;
}

// Each pack test case's `record:`, loaded as of the case's own date. A case file that is not
// valid YAML (someone mid-edit) is left out; the pack's own test run reports it.
std::vector<Case> pack_test_cases() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(coventry().tests_dir))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Case> out;
    for (const auto& f : files) {
        YAML::Node doc;
        try {
            doc = YAML::LoadFile(f.string());
        } catch (const YAML::Exception&) {
            continue;
        }
        if (!doc["record"] || !doc["as_of"]) continue;
        auto as_of = Date::parse_iso(doc["as_of"].Scalar());
        if (!as_of) continue;
        YAML::Emitter emitter;
        emitter << doc["record"];
        out.push_back({f.filename().string(), *as_of, load_text(emitter.c_str(), *as_of, f.filename().string())});
    }
    return out;
}

// Realistic invented records with a fixed seed: every section present or absent at random,
// dates around the windows' edges, each kind of request maker, stale and current evidence.
class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    std::string record(int n) {
        std::string y = "format: ehcp-record/1\npupil:\n";
        y += fmt::format("  id: GEN-{:05d}\n", n);
        int age = pick(2, 24);
        Date dob = kAsOf.plus_years(-age).plus_days(-pick(0, 364));
        age_ = age;
        y += fmt::format("  date_of_birth: {}\n", dob.iso());
        int year = year_group_for(dob, kAsOf);
        year_ = std::clamp(year, -2, 14);
        if (chance(0.1) && year >= -1 && year <= 13) {
            year_ = year + (chance(0.5) ? 1 : -1);
            y += fmt::format("  year_group: {}\n", year_);
        }
        if (chance(0.15)) y += "  looked_after: true\n";
        if (chance(0.9)) {
            y += "request:\n";
            static const char* makers[] = {"school", "parent", "young_person", "professional"};
            if (chance(0.85)) y += fmt::format("  made_by: {}\n", makers[pick(0, 3)]);
            if (chance(0.7)) y += fmt::format("  date: {}\n", kAsOf.plus_days(-pick(0, 30)).iso());
            if (chance(0.7)) y += "  parent_views: \"We want more help in class.\"\n";
            if (chance(0.6)) y += "  pupil_views: \"Reading is hard.\"\n";
            if (chance(0.6)) y += fmt::format("  parental_consent: {}\n", chance(0.8));
            if (chance(0.3)) y += fmt::format("  young_person_consent: {}\n", chance(0.8));
            if (chance(0.2)) y += fmt::format("  local_authority_consent: {}\n", chance(0.8));
        }
        if (chance(0.9)) {
            static const char* areas[] = {"communication_and_interaction", "cognition_and_learning",
                                          "social_emotional_mental_health", "sensory_and_physical"};
            y += "needs:\n";
            if (chance(0.9)) y += fmt::format("  primary: {}\n", areas[pick(0, 3)]);
            if (chance(0.4)) y += fmt::format("  secondary: [{}]\n", areas[pick(0, 3)]);
            if (chance(0.85)) y += "  description: Persistent difficulties with reading and regulation.\n";
            if (chance(0.5)) {
                y += "  diagnoses:\n    - condition: dyslexia\n";
                if (chance(0.6)) y += "      impact: Cannot read classroom texts without an adult.\n";
            }
        }
        attainment(y);
        if (year_ >= 10 && chance(0.7)) {
            static const char* levels[] = {"not_achieved", "entry_1", "entry_2", "entry_3", "level_1", "level_2"};
            y += fmt::format("functional_skills: {{literacy: {}, numeracy: {}}}\n", levels[pick(0, 5)], levels[pick(0, 5)]);
        }
        cycles(y);
        provision(y);
        services(y);
        if (chance(0.4)) {
            static const char* ids[] = {"cl1", "cl2", "cl3", "semh1", "semh3", "other2", "other7", "ci1", "sp1"};
            y += "indicators:\n";
            int first = pick(0, 8), count = pick(1, 3);
            for (int i = 0; i < count; ++i) y += fmt::format("  - {{id: {}}}\n", ids[(first + 3 * i) % 9]);
        }
        if (chance(0.45)) {
            y += "wellbeing:\n";
            int items = pick(0, 3);
            if (items) y += "  evidence:\n";
            for (int i = 0; i < items; ++i)
                y += fmt::format("    - {{kind: behaviour_log, date: {}, summary: Several incidents a week.}}\n",
                                 kAsOf.plus_days(-edge_days(365)).iso());
            if (chance(0.6)) y += "  additional_provision_needed: A key adult at unstructured times.\n";
            if (items == 0 && y.ends_with("wellbeing:\n")) y += "  additional_provision_needed: Support at lunchtime.\n";
        }
        if (age >= 16 && chance(0.6)) {
            y += fmt::format("post18:\n  additional_time_needed: {}\n", chance(0.7));
            if (chance(0.7)) y += "  reason: Needs a further year to complete the course.\n";
        }
        documents(y);
        return y;
    }

private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    // Days back from the as-of date, often within a day of a window's edge.
    long edge_days(long window) {
        int r = pick(0, 9);
        if (r < 3) return window + pick(-1, 1);
        if (r < 5) return pick(0, 30);
        return pick(0, static_cast<int>(window * 2));
    }

    void attainment(std::string& y) {
        int entries = pick(0, 8);
        if (entries == 0) return;
        y += "attainment:\n";
        static const char* school[] = {"reading", "writing", "maths", "spelling", "science"};
        static const char* eyfs[] = {"communication_and_language", "personal_social_emotional", "physical", "literacy",
                                     "mathematics", "understanding_the_world", "expressive_arts_and_design"};
        for (int i = 0; i < entries; ++i) {
            bool early = year_ <= 0 ? chance(0.8) : chance(0.1);
            std::string area = early ? eyfs[pick(0, 6)] : school[pick(0, year_ <= 0 ? 4 : 2)];
            Date date = kAsOf.plus_days(-edge_days(366));
            std::vector<std::string> figures;
            int carry = pick(1, 15);  // a non-empty subset of the four figures
            if (carry & 1) figures.push_back(fmt::format("working_at_year: {}", std::max(-2.0, year_ - pick(0, 12) / 2.0)));
            if (carry & 2) figures.push_back(fmt::format("age_equivalent_months: {}", pick(6, std::max(7, age_ * 12))));
            if (carry & 4) figures.push_back(fmt::format("standardised_score: {}", pick(55, 130)));
            if (carry & 8) figures.push_back(fmt::format("percentile: {}", pick(0, 100)));
            y += fmt::format("  - {{area: {}, date: {}, {}}}\n", area, date.iso(), fmt::join(figures, ", "));
        }
    }

    void cycles(std::string& y) {
        int n = pick(0, 6);
        if (n == 0) return;
        y += "support_cycles:\n";
        static const char* progress[] = {"none", "little", "little", "some", "expected", "good"};
        // Work back from the latest review, which is often near the 6-month edge.
        Date review = kAsOf.plus_days(-edge_days(183)).plus_days(pick(0, 3) == 0 ? 120 : 0);
        std::vector<std::string> lines;
        for (int i = 0; i < n; ++i) {
            Date start = review.plus_days(-pick(56, 100));
            std::string line = fmt::format("  - {{start: {}", start.iso());
            if (chance(0.92)) line += fmt::format(", review: {}", review.iso());
            if (chance(0.9)) line += fmt::format(", progress: {}", progress[pick(0, 5)]);
            if (chance(0.7)) line += ", parents_involved: true";
            lines.push_back(line + "}\n");
            review = start.plus_days(-pick(7, 80));
        }
        std::reverse(lines.begin(), lines.end());
        for (const auto& l : lines) y += l;
    }

    void provision(std::string& y) {
        int n = pick(0, 4);
        if (n == 0) return;
        y += "provision:\n";
        static const char* who[] = {"teacher", "teaching_assistant", "higher_level_teaching_assistant", "specialist_teacher",
                                    "external_professional", "other"};
        for (int i = 0; i < n; ++i) {
            y += fmt::format("  - name: Intervention {}\n", i + 1);
            if (chance(0.15)) {
                y += fmt::format("    annual_cost: {}\n", pick(100, 8000));
                continue;
            }
            if (chance(0.9)) y += fmt::format("    delivered_by: {}\n", who[pick(0, 5)]);
            if (chance(0.9)) y += fmt::format("    session_minutes: {}\n", pick(15, 300));
            if (chance(0.9)) y += fmt::format("    sessions_per_week: {}\n", pick(1, 5));
            if (chance(0.5)) y += fmt::format("    weeks: {}\n", pick(6, 38));
            else y += fmt::format("    start: {}\n", kAsOf.plus_days(-pick(10, 500)).iso());
            if (chance(0.5)) y += fmt::format("    hourly_rate: {}\n", pick(15, 70));
            if (chance(0.2)) y += fmt::format("    other_costs: {}\n", pick(10, 900));
            if (chance(0.3)) y += fmt::format("    group_size: {}\n", pick(1, 6));
        }
    }

    void services(std::string& y) {
        int n = pick(0, 3);
        if (n == 0) return;
        y += "external_support:\n";
        for (int i = 0; i < n; ++i) {
            y += fmt::format("  - service: service_{}\n", i);
            if (chance(0.7)) y += fmt::format("    report_date: {}\n", kAsOf.plus_days(-pick(0, 700)).iso());
            else if (chance(0.6)) y += fmt::format("    report_expected: {}\n", kAsOf.plus_days(pick(1, 90)).iso());
            int recs = pick(0, 3);
            if (recs) y += "    recommendations:\n";
            for (int j = 0; j < recs; ++j) {
                y += fmt::format("      - text: Recommendation {}\n", j + 1);
                int kind = pick(0, 4);
                if (kind <= 1) y += "        implemented: true\n        evaluated: true\n";
                else if (kind == 2) y += "        implemented: true\n";
                else if (kind == 3) y += "        implemented: false\n        reason_not_implemented: Beyond the school's resources.\n";
                else y += "        implemented: false\n";
            }
        }
    }

    void documents(std::string& y) {
        static const char* kinds[] = {"my_support_plan", "my_support_plan_review", "my_support_plan_review",
                                      "my_support_plan_review", "professional_report", "parent_views", "pupil_views",
                                      "consent_form"};
        std::vector<std::string> lines;
        for (const char* k : kinds)
            if (chance(0.75)) lines.push_back(fmt::format("  - {{kind: {}}}\n", k));
        if (lines.empty()) return;
        y += "documents:\n";
        for (const auto& l : lines) y += l;
    }

    std::mt19937 rng_;
    int age_ = 0;
    int year_ = 0;
};

std::vector<Case> generated_cases(int count) {
    Generator gen(20261122u);
    std::vector<Case> out;
    for (int i = 0; i < count; ++i) {
        std::string yaml = gen.record(i);
        auto loaded = load_text(yaml, kAsOf, fmt::format("generated-{}.yaml", i));
        INFO(yaml, diagnostics_of(loaded));
        CHECK_MESSAGE(loaded.valid(), "a generated record must load");
        out.push_back({fmt::format("generated #{}", i), kAsOf, std::move(loaded)});
    }
    return out;
}

std::vector<Case> all_cases() {
    std::vector<Case> all = example_cases();
    auto pack = pack_test_cases();
    auto gen = generated_cases(250);
    all.insert(all.end(), std::make_move_iterator(pack.begin()), std::make_move_iterator(pack.end()));
    all.insert(all.end(), std::make_move_iterator(gen.begin()), std::make_move_iterator(gen.end()));
    return all;
}

// The same record asked for by someone else.
LoadedRecord made_by(LoadedRecord loaded, RequestMaker who) {
    if (!loaded.record->request) loaded.record->request = Request{};
    loaded.record->request->made_by = who;
    return loaded;
}

Report single(const RecordReport& r, const Date& as_of) {
    Report report;
    report.pack = coventry().info;
    report.as_of = as_of;
    report.records = {r};
    return report;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// What an own request's report must never say, in any case.
void never_not_ready(const std::string& output, const std::string& format, const std::string& name) {
    std::string l = lower(output);
    CHECK_MESSAGE(l.find("not ready") == std::string::npos, name, " (", format, ") says \"not ready\"");
    CHECK_MESSAGE(l.find("gaps to close") == std::string::npos, name, " (", format, ") says \"gaps to close\"");
}

}  // namespace

// ---- the latest measure carrying each figure ----

TEST_CASE("AreaAttainment: latest and previous read only the entries that carry the figure") {
    AttainmentMeasure wa_2024{AttainmentArea::reading, Date{2024, 10, 1}, 1.0, std::nullopt, 80.0, std::nullopt, {}, {}};
    AttainmentMeasure wa_2025{AttainmentArea::reading, Date{2025, 10, 1}, 1.5, std::nullopt, std::nullopt, std::nullopt, {}, {}};
    AttainmentMeasure ss_2026a{AttainmentArea::reading, Date{2026, 3, 1}, std::nullopt, std::nullopt, 72.0, std::nullopt, {}, {}};
    AttainmentMeasure ss_2026b{AttainmentArea::reading, Date{2026, 10, 1}, std::nullopt, std::nullopt, 69.0, 2.0, {}, {}};

    AreaAttainment a;
    a.area = AttainmentArea::reading;
    CHECK(a.latest() == nullptr);
    CHECK(a.latest(Carries::working_at_year) == nullptr);
    CHECK(a.previous(Carries::working_at_year) == nullptr);

    // One working-at level, then two newer entries with only a score: the working-at level
    // is still the latest that carries one, and there is none before it.
    for (const auto* m : {&wa_2025, &ss_2026a, &ss_2026b}) a.measures.push_back(MeasuredGap{m});
    REQUIRE(a.latest(Carries::working_at_year) != nullptr);
    CHECK(a.latest(Carries::working_at_year)->measure == &wa_2025);
    CHECK(a.previous(Carries::working_at_year) == nullptr);
    CHECK(a.latest(Carries::any)->measure == &ss_2026b);
    CHECK(a.latest()->measure == &ss_2026b);
    CHECK(a.previous(Carries::any)->measure == &ss_2026a);
    CHECK(a.latest(Carries::standardised_score)->measure == &ss_2026b);
    CHECK(a.previous(Carries::standardised_score)->measure == &ss_2026a);
    CHECK(a.latest(Carries::percentile)->measure == &ss_2026b);
    CHECK(a.previous(Carries::percentile) == nullptr);
    CHECK(a.latest(Carries::age_equivalent_months) == nullptr);

    // An older entry carrying both: previous(working_at_year) skips the score-only entries.
    a.measures.insert(a.measures.begin(), MeasuredGap{&wa_2024});
    CHECK(a.latest(Carries::working_at_year)->measure == &wa_2025);
    REQUIRE(a.previous(Carries::working_at_year) != nullptr);
    CHECK(a.previous(Carries::working_at_year)->measure == &wa_2024);
    CHECK(a.previous(Carries::standardised_score)->measure == &ss_2026a);

    CHECK(carries(wa_2024, Carries::working_at_year));
    CHECK(carries(wa_2024, Carries::standardised_score));
    CHECK_FALSE(carries(ss_2026a, Carries::working_at_year));
    CHECK(carries(ss_2026a, Carries::any));
}

TEST_CASE("Facts: measures by area are oldest first, same-date entries keep record order, later ones are left out") {
    auto loaded = must_load(R"(format: ehcp-record/1
pupil: {id: T-1, date_of_birth: 2016-05-14}
attainment:
  - {area: reading, date: 2026-10-01, standardised_score: 70}
  - {area: reading, date: 2025-10-01, working_at_year: 1}
  - {area: reading, date: 2026-10-01, working_at_year: 2}
  - {area: reading, date: 2026-11-23, working_at_year: 5}
  - {area: maths, date: 2026-11-22, standardised_score: 90}
)");
    Facts f = derive_facts(*loaded.record, kAsOf, fact_params());
    const AreaAttainment* reading = f.area(AttainmentArea::reading);
    REQUIRE(reading != nullptr);
    REQUIRE(reading->measures.size() == 3);  // the one after the as-of date is not read
    CHECK(reading->measures[0].measure->date == Date{2025, 10, 1});
    // Same date: the later entry in the record counts as the later one.
    CHECK(reading->latest()->measure->working_at_year == 2.0);
    CHECK(reading->latest(Carries::working_at_year)->measure->working_at_year == 2.0);
    CHECK(reading->previous(Carries::working_at_year)->measure->working_at_year == 1.0);
    CHECK(reading->latest(Carries::standardised_score)->measure->standardised_score == 70.0);
    CHECK(reading->latest(Carries::working_at_year)->gap_years_now == 4.0);  // Year 6 working at Year 2
    // A measure on the as-of date itself is read.
    REQUIRE(f.area(AttainmentArea::maths) != nullptr);
    CHECK(f.area(AttainmentArea::maths)->latest(Carries::working_at_year) == nullptr);
    CHECK(f.area(AttainmentArea::writing) == nullptr);
}

// ---- the windows at their edges ----

TEST_CASE("is_current: exactly N months before the as-of date is current, one day more is not") {
    using checks::is_current;
    CHECK(is_current(Date{2025, 11, 22}, kAsOf, 12));
    CHECK_FALSE(is_current(Date{2025, 11, 21}, kAsOf, 12));
    CHECK(is_current(Date{2026, 5, 22}, kAsOf, 6));
    CHECK_FALSE(is_current(Date{2026, 5, 21}, kAsOf, 6));
    CHECK(is_current(kAsOf, kAsOf, 12));
    // Month ends: six months before 31 March is 30 September (no 31st).
    CHECK(is_current(Date{2025, 9, 30}, Date{2026, 3, 31}, 6));
    CHECK_FALSE(is_current(Date{2025, 9, 29}, Date{2026, 3, 31}, 6));
    // Twelve months before 29 February 2028 is 28 February 2027.
    CHECK(is_current(Date{2027, 2, 28}, Date{2028, 2, 29}, 12));
    CHECK_FALSE(is_current(Date{2027, 2, 27}, Date{2028, 2, 29}, 12));
    // 0 (or less): any age is current.
    CHECK(is_current(Date{2001, 1, 1}, kAsOf, 0));
}

namespace {

// Year 6 (KS2) reading at Year 2 (4 below) measured on `date`; writing and maths 1 below.
std::string ks2_attainment(const Date& date) {
    return fmt::format(R"(format: ehcp-record/1
pupil: {{id: T-KS2, date_of_birth: 2016-05-14}}
attainment:
  - {{area: reading, date: {}, working_at_year: 2}}
  - {{area: writing, date: 2026-10-01, working_at_year: 5}}
  - {{area: maths, date: 2026-10-01, working_at_year: 5}}
)",
                       date.iso());
}

}  // namespace

TEST_CASE("Attainment: a measure exactly 12 months old meets the criterion; one day older does not") {
    auto exactly = evaluate_record(coventry(), must_load(ks2_attainment(Date{2025, 11, 22})), kAsOf);
    CHECK(criterion(exactly, "attainment").status == Status::met);

    auto older = evaluate_record(coventry(), must_load(ks2_attainment(Date{2025, 11, 21})), kAsOf);
    const auto& a = criterion(older, "attainment");
    CHECK(a.status == Status::not_met);  // writing and maths are current, 1 year below
    // The old gap is shown with its age, never as today's, and the gap asks for a current measure.
    bool aged = std::any_of(a.figures.begin(), a.figures.end(), [](const Figure& f) {
        return f.label == "reading gap" && f.value.find("1 year old, not current") != std::string::npos;
    });
    CHECK(aged);
    bool asks = std::any_of(a.missing.begin(), a.missing.end(), [](const std::string& m) {
        return m.find("record a current measure") != std::string::npos && m.find("reading") != std::string::npos;
    });
    CHECK(asks);
}

namespace {

// Three little-progress cycles, the latest reviewed on `latest_review`.
std::string three_little_cycles(const Date& latest_review) {
    Date s3 = latest_review.plus_weeks(-11), r2 = s3.plus_weeks(-2), s2 = r2.plus_weeks(-11), r1 = s2.plus_weeks(-2),
         s1 = r1.plus_weeks(-11);
    return fmt::format(R"(format: ehcp-record/1
pupil: {{id: T-CYC, date_of_birth: 2016-05-14}}
support_cycles:
  - {{start: {}, review: {}, progress: little}}
  - {{start: {}, review: {}, progress: none}}
  - {{start: {}, review: {}, progress: little}}
)",
                       s1.iso(), r1.iso(), s2.iso(), r2.iso(), s3.iso(), latest_review.iso());
}

}  // namespace

TEST_CASE("stale_review_gap: a latest review exactly 6 months old is current; one day older asks for a review") {
    auto exactly = must_load(three_little_cycles(Date{2026, 5, 22}));
    Facts f = derive_facts(*exactly.record, kAsOf, fact_params());
    CHECK_FALSE(checks::stale_review_gap(f, 6).has_value());
    CHECK_FALSE(checks::stale_review_gap(f, 0).has_value());  // no window: never stale

    auto older = must_load(three_little_cycles(Date{2026, 5, 21}));
    Facts g = derive_facts(*older.record, kAsOf, fact_params());
    auto gap = checks::stale_review_gap(g, 6);
    REQUIRE(gap.has_value());
    CHECK(gap->starts_with("review the current support: the latest review, on 2026-05-21, is more than 6 months before "
                           "2026-11-22"));
    CHECK_FALSE(checks::stale_review_gap(g, 7).has_value());

    // No reviewed cycle: nothing to call stale (other checks ask for the cycles).
    auto none = must_load("format: ehcp-record/1\npupil: {id: T-0, date_of_birth: 2016-05-14}\n");
    Facts h = derive_facts(*none.record, kAsOf, fact_params());
    CHECK_FALSE(checks::stale_review_gap(h, 6).has_value());

    // Through the checks: (b) reads the three cycles when current, lacks current evidence a day later.
    auto current = evaluate_record(coventry(), exactly, kAsOf);
    CHECK(check(current, "existing-support", "existing-support.b").status == Status::met);
    auto stale = evaluate_record(coventry(), older, kAsOf);
    const auto& b = check(stale, "existing-support", "existing-support.b");
    CHECK(b.status == Status::insufficient_evidence);
    CHECK(std::find(b.missing.begin(), b.missing.end(), *gap) != b.missing.end());
    CHECK(check(stale, "existing-support", "existing-support.c").status == Status::insufficient_evidence);
}

// ---- the property: a score-only entry never changes the attainment criterion ----

TEST_CASE("Property: a newer entry carrying only a standardised score never changes the attainment criterion") {
    auto cases = all_cases();
    int records = 0, variants = 0;
    for (const auto& c : cases) {
        if (!c.loaded.valid()) continue;
        ++records;
        RecordReport before = evaluate_record(coventry(), c.loaded, c.as_of);
        const auto& was = criterion(before, "attainment");
        for (std::size_t a = 0; a < EnumNames<AttainmentArea>::names.size(); ++a) {
            auto area = static_cast<AttainmentArea>(a);
            // Newer than every entry in the area: the as-of date, and the day after the latest entry.
            std::vector<Date> dates{c.as_of};
            std::optional<Date> latest;
            for (const auto& m : c.loaded.record->attainment)
                if (m.area == area && m.date <= c.as_of && (!latest || *latest < m.date)) latest = m.date;
            if (latest && latest->plus_days(1) < c.as_of) dates.push_back(latest->plus_days(1));
            for (const auto& date : dates) {
                LoadedRecord more = c.loaded;
                AttainmentMeasure m;
                m.area = area;
                m.date = date;
                m.standardised_score = a % 2 ? 62.0 : 118.0;
                more.record->attainment.push_back(m);
                RecordReport after = evaluate_record(coventry(), more, c.as_of);
                const auto& now = criterion(after, "attainment");
                ++variants;
                CAPTURE(c.name);
                CAPTURE(to_string(area));
                CAPTURE(date.iso());
                CHECK(to_string(now.status) == to_string(was.status));
                CHECK(now.missing == was.missing);
                CHECK(to_string(after.verdict) == to_string(before.verdict));
            }
        }
    }
    CHECK(records > 300);
    MESSAGE(records, " records, ", variants, " variants with a score-only entry");
}

// ---- the invariants on every record ----

TEST_CASE("Invariant: a not_ready verdict names a gap; an own request is never called not ready in any format") {
    auto cases = all_cases();
    int not_ready = 0, own_not_ready = 0, checked = 0;
    for (const auto& c : cases) {
        if (!c.loaded.valid()) continue;
        std::vector<std::pair<std::string, LoadedRecord>> variants{{"as given", c.loaded}};
        variants.emplace_back("made by a parent", made_by(c.loaded, RequestMaker::parent));
        variants.emplace_back("made by the young person", made_by(c.loaded, RequestMaker::young_person));
        for (const auto& [how, loaded] : variants) {
            std::string name = c.name + ", " + how;
            CAPTURE(name);
            RecordReport r = evaluate_record(coventry(), loaded, c.as_of);
            ++checked;
            REQUIRE(r.verdict != Verdict::invalid);
            if (r.verdict == Verdict::not_ready) {
                ++not_ready;
                CHECK(!r.gaps.empty());
            }
            auto who = loaded.record->request ? loaded.record->request->made_by : std::nullopt;
            bool own = who == RequestMaker::parent || who == RequestMaker::young_person;
            CHECK(r.own_request == own);
            // JSON carries who asked, for scripts, and the verdict itself.
            auto j = record_to_json(r, false);
            CHECK(j["request"]["made_by"] == std::string(to_string(who.value_or(RequestMaker::school))));
            CHECK(j["request"]["own_request"] == own);
            CHECK(j["verdict"] == std::string(to_string(r.verdict)));
            if (!own) continue;
            if (r.verdict == Verdict::not_ready) ++own_not_ready;
            Report report = single(r, c.as_of);
            never_not_ready(render_text(report, TextOptions{false, 80}), "text", name);
            never_not_ready(render_markdown(report), "markdown", name);
            never_not_ready(render_html(report), "html", name);
        }
    }
    CHECK(checked > 900);
    // The invariants were put to the test, not met vacuously.
    CHECK(not_ready > 300);
    CHECK(own_not_ready > 200);
    MESSAGE(checked, " evaluations, ", not_ready, " not ready, ", own_not_ready, " own requests not ready");
}

TEST_CASE("Invariant: a report of several records never calls an own request not ready, in any format") {
    std::vector<RecordReport> own;
    for (const auto& c : example_cases()) {
        if (!c.loaded.valid()) continue;
        auto r = evaluate_record(coventry(), made_by(c.loaded, RequestMaker::parent), kAsOf);
        if (r.verdict == Verdict::not_ready) own.push_back(std::move(r));
    }
    REQUIRE(own.size() >= 2);
    Report report;
    report.pack = coventry().info;
    report.as_of = kAsOf;
    report.records = own;
    never_not_ready(render_text(report, TextOptions{false, 80}), "text", "several records");
    never_not_ready(render_markdown(report), "markdown", "several records");
    never_not_ready(render_html(report), "html", "several records");
}

// ---- estimated costs on existing-support (c) ----

namespace {

// Some progress at a current latest review, (a) met, and the given provision map.
std::string progress_with_provision(const std::string& provision) {
    return R"(format: ehcp-record/1
pupil: {id: T-EST, date_of_birth: 2016-05-14}
support_cycles:
  - {start: 2026-01-05, review: 2026-03-27, progress: little}
  - {start: 2026-04-13, review: 2026-07-10, progress: some}
external_support:
  - service: educational_psychology
    report_date: 2026-02-01
    recommendations:
      - {text: Daily precision teaching, implemented: true, evaluated: true}
provision:
)" + provision;
}

// 300 minutes a day, 5 days, 38 weeks with no hourly rate: at the pack's teaching assistant
// rate (£19.50) £18,525.00, all of it estimated.
constexpr const char* kDefaultRateTA =
    "  - {name: One-to-one support, delivered_by: teaching_assistant, session_minutes: 300, sessions_per_week: 5, weeks: 38}\n";

struct Estimated {
    Status c_status;
    bool c_estimated;
    bool criterion_estimated;
    bool json_estimated;
};

Estimated estimated_of(const std::string& provision) {
    auto r = evaluate_record(coventry(), must_load(progress_with_provision(provision)), kAsOf);
    const auto& c = check(r, "existing-support", "existing-support.c");
    auto j = record_to_json(r, false);
    bool json = false;
    for (const auto& cr : j["criteria"])
        if (cr["id"] == "existing-support") json = cr["estimated"].get<bool>();
    return {c.status, c.estimated, criterion(r, "existing-support").estimated, json};
}

}  // namespace

TEST_CASE("Estimated: existing-support (c) rests on estimated costs only when default rates carry it over £6,000") {
    SUBCASE("default rates carry the total over: estimated, on the check, the criterion and the JSON") {
        auto e = estimated_of(kDefaultRateTA);
        CHECK(e.c_status == Status::met);
        CHECK(e.c_estimated);
        CHECK(e.criterion_estimated);
        CHECK(e.json_estimated);
    }
    SUBCASE("the school's own rates already carry it over: not estimated, though a default rate is used too") {
        auto e = estimated_of(std::string(kDefaultRateTA) +
                              "  - {name: Specialist teaching, delivered_by: specialist_teacher, session_minutes: 60, "
                              "sessions_per_week: 4, weeks: 38, hourly_rate: 40}\n");  // £6,080.00 at its own rate
        CHECK(e.c_status == Status::met);
        CHECK_FALSE(e.c_estimated);
        CHECK_FALSE(e.criterion_estimated);
        CHECK_FALSE(e.json_estimated);
    }
    SUBCASE("own costs of exactly £6,000 are not over the budget: the rest rests on estimates") {
        auto e = estimated_of(std::string(kDefaultRateTA) + "  - {name: Resource base place, annual_cost: 6000}\n");
        CHECK(e.c_status == Status::met);
        CHECK(e.c_estimated);
        CHECK(e.json_estimated);
    }
    SUBCASE("own costs a penny over £6,000: not estimated") {
        auto e = estimated_of(std::string(kDefaultRateTA) + "  - {name: Resource base place, annual_cost: 6000.01}\n");
        CHECK(e.c_status == Status::met);
        CHECK_FALSE(e.c_estimated);
        CHECK_FALSE(e.json_estimated);
    }
    SUBCASE("other costs of a default-rate line count as the school's own") {
        auto e = estimated_of(
            "  - {name: One-to-one support, delivered_by: teaching_assistant, session_minutes: 300, sessions_per_week: 5, "
            "weeks: 38, other_costs: 6500}\n");
        CHECK(e.c_status == Status::met);
        CHECK_FALSE(e.c_estimated);
    }
    SUBCASE("under the budget even at default rates: not met, and nothing is estimated") {
        auto e = estimated_of(
            "  - {name: Reading group, delivered_by: teaching_assistant, session_minutes: 30, sessions_per_week: 3, weeks: 30}\n");
        CHECK(e.c_status == Status::not_met);
        CHECK_FALSE(e.c_estimated);
        CHECK_FALSE(e.criterion_estimated);
    }
    SUBCASE("all at the school's own rates, over the budget: not estimated") {
        auto e = estimated_of(
            "  - {name: One-to-one support, delivered_by: teaching_assistant, session_minutes: 300, sessions_per_week: 5, "
            "weeks: 38, hourly_rate: 21}\n");
        CHECK(e.c_status == Status::met);
        CHECK_FALSE(e.c_estimated);
        CHECK_FALSE(e.json_estimated);
    }
}
