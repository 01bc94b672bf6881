// The pupil record, ehcp-record/1, as validated typed structs (see docs/record-format.md).
// Nothing past the loader sees YAML: every field here has already been checked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ehcp/core/date.hpp"
#include "ehcp/core/enum_names.hpp"

namespace ehcp {

enum class AreaOfNeed { communication_and_interaction, cognition_and_learning, social_emotional_mental_health, sensory_and_physical };
enum class SenStatus { none, sen_support, ehcp };
enum class RequestMaker { school, parent, young_person, professional };
enum class AttainmentArea {
    // school age
    reading, writing, maths, spelling, speaking_and_listening, science,
    // early years (EYFS areas)
    communication_and_language, personal_social_emotional, physical, literacy, mathematics,
    understanding_the_world, expressive_arts_and_design,
};
enum class FunctionalLevel { not_achieved, entry_1, entry_2, entry_3, level_1, level_2 };
enum class OutcomeResult { met, partly_met, not_met };
enum class Progress { none, little, some, expected, good };
enum class Deliverer { teacher, teaching_assistant, higher_level_teaching_assistant, specialist_teacher, external_professional, other };
enum class WellbeingKind { behaviour_log, observation_notes, incident_records, health_report, camhs_report, medical_report, other };
enum class DocumentKind {
    my_support_plan, my_support_plan_review, professional_report, parent_views, pupil_views,
    attainment_record, early_years_checklist, provision_map, attendance_record, behaviour_log,
    observation_notes, medical_evidence, consent_form, other,
};
// School census / CTF SEN type codes (SEN2 adds DS), as the census writes them: in capitals.
enum class SenType { spld, mld, sld, pmld, semh, slcn, hi, vi, msi, pd, asd, oth, nsa, ds };

template <> struct EnumNames<AreaOfNeed> { static constexpr std::array<std::string_view, 4> names{"communication_and_interaction", "cognition_and_learning", "social_emotional_mental_health", "sensory_and_physical"}; };
template <> struct EnumNames<SenStatus> { static constexpr std::array<std::string_view, 3> names{"none", "sen_support", "ehcp"}; };
template <> struct EnumNames<RequestMaker> { static constexpr std::array<std::string_view, 4> names{"school", "parent", "young_person", "professional"}; };
template <> struct EnumNames<AttainmentArea> { static constexpr std::array<std::string_view, 13> names{"reading", "writing", "maths", "spelling", "speaking_and_listening", "science", "communication_and_language", "personal_social_emotional", "physical", "literacy", "mathematics", "understanding_the_world", "expressive_arts_and_design"}; };
template <> struct EnumNames<FunctionalLevel> { static constexpr std::array<std::string_view, 6> names{"not_achieved", "entry_1", "entry_2", "entry_3", "level_1", "level_2"}; };
template <> struct EnumNames<OutcomeResult> { static constexpr std::array<std::string_view, 3> names{"met", "partly_met", "not_met"}; };
template <> struct EnumNames<Progress> { static constexpr std::array<std::string_view, 5> names{"none", "little", "some", "expected", "good"}; };
template <> struct EnumNames<Deliverer> { static constexpr std::array<std::string_view, 6> names{"teacher", "teaching_assistant", "higher_level_teaching_assistant", "specialist_teacher", "external_professional", "other"}; };
template <> struct EnumNames<WellbeingKind> { static constexpr std::array<std::string_view, 7> names{"behaviour_log", "observation_notes", "incident_records", "health_report", "camhs_report", "medical_report", "other"}; };
template <> struct EnumNames<SenType> { static constexpr std::array<std::string_view, 14> names{"SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA", "DS"}; };
template <> struct EnumNames<DocumentKind> { static constexpr std::array<std::string_view, 14> names{"my_support_plan", "my_support_plan_review", "professional_report", "parent_views", "pupil_views", "attainment_record", "early_years_checklist", "provision_map", "attendance_record", "behaviour_log", "observation_notes", "medical_evidence", "consent_form", "other"}; };

bool is_early_years_area(AttainmentArea a);

// Where an entry stood in its file (1-based), so later stages can point back at it.
struct SourcePos {
    int line = 0;
    int column = 0;
};

struct Pupil {
    std::string id;
    std::optional<std::string> name;
    Date date_of_birth;
    std::optional<int> year_group;  // as given; the derived one lives in the facts
    std::optional<std::string> setting;
    std::optional<bool> looked_after;
    std::optional<bool> previously_looked_after;
    std::optional<bool> eal;
    std::optional<SenStatus> sen_status;
};

struct Request {
    std::optional<Date> date;
    std::optional<RequestMaker> made_by;
    std::optional<std::string> parent_views;
    std::optional<std::string> pupil_views;
    std::optional<bool> parental_consent;
    std::optional<bool> young_person_consent;     // the young person (16 or over) agrees
    std::optional<bool> local_authority_consent;  // for a looked-after child: the LA as corporate parent agrees
    std::optional<std::string> authority;         // the rule pack's id (e.g. norfolk) the request is made to
    SourcePos authority_pos;                      // where `authority` stood, for an unknown pack's error
};

struct Diagnosis {
    std::string condition;
    std::optional<Date> date;
    std::optional<std::string> by;
    std::optional<std::string> impact;
};

struct Needs {
    std::optional<AreaOfNeed> primary;
    std::vector<AreaOfNeed> secondary;
    // needs.sen_types: census need type codes in rank order (first the primary, then the
    // secondary), at most two, all different. No criterion reads them: they are for the
    // SEN2-shaped output and the school's own record.
    std::vector<SenType> sen_types;
    std::optional<std::string> description;
    std::vector<Diagnosis> diagnoses;
};

struct AttainmentMeasure {
    AttainmentArea area{};
    Date date;
    std::optional<double> working_at_year;
    std::optional<double> age_equivalent_months;
    std::optional<double> standardised_score;
    std::optional<double> percentile;
    std::optional<std::string> assessment;
    SourcePos pos;
};

struct CognitiveAssessment {
    Date date;
    double standardised_score = 0;
    std::optional<std::string> assessment;
    std::optional<std::string> by;
    SourcePos pos;
};

struct FunctionalSkills {
    std::optional<FunctionalLevel> literacy;
    std::optional<FunctionalLevel> numeracy;
};

struct Attendance {
    double percent = 0;
    std::optional<Date> period_start;
    std::optional<Date> period_end;
};

struct Outcome {
    std::string description;
    std::optional<OutcomeResult> result;
};

struct SupportCycle {
    Date start;
    std::optional<Date> review;
    std::vector<Outcome> outcomes;
    std::optional<Progress> progress;
    std::optional<bool> parents_involved;
    std::optional<bool> pupil_views_sought;
    std::optional<std::string> notes;
    SourcePos pos;
};

struct ProvisionEntry {
    std::string name;
    std::optional<AreaOfNeed> area;
    std::optional<Deliverer> delivered_by;
    std::optional<double> session_minutes;
    std::optional<double> sessions_per_week;
    std::optional<int> group_size;  // >= 1; absent means 1
    std::optional<double> weeks;
    std::optional<Date> start;
    std::optional<Date> end;
    std::optional<double> hourly_rate;
    std::optional<double> annual_cost;
    std::optional<double> other_costs;
    std::optional<std::string> outcome;
    std::optional<Date> review_date;
    SourcePos pos;
};

struct Recommendation {
    std::string text;
    std::optional<bool> implemented;
    std::optional<bool> evaluated;
    std::optional<std::string> reason_not_implemented;  // why it was not implemented
};

struct ExternalSupport {
    std::string service;
    std::optional<Date> involved_from;
    std::optional<Date> report_date;
    std::optional<Date> report_expected;  // advice asked for and still awaited
    std::vector<Recommendation> recommendations;
    SourcePos pos;
};

struct DeclaredIndicator {
    std::string id;
    std::optional<std::string> evidence;
    SourcePos pos;
};

struct WellbeingEvidence {
    std::optional<WellbeingKind> kind;
    std::optional<Date> date;
    std::optional<std::string> summary;
};

struct Wellbeing {
    std::vector<WellbeingEvidence> evidence;
    std::optional<std::string> additional_provision_needed;
};

struct Post18 {
    std::optional<bool> additional_time_needed;
    std::optional<std::string> reason;
    std::optional<std::string> programme;
};

// Whether a document's named file was found beside the record.
enum class FileStatus { not_named, present, missing, empty };

struct Document {
    // A built-in kind, or `other` for a kind a rule pack declares (kind_name says which).
    DocumentKind kind{};
    std::string kind_name;  // the kind as written: a built-in's name or a pack-declared kind
    std::optional<Date> date;
    std::optional<std::string> title;
    std::optional<std::string> file;
    FileStatus file_status = FileStatus::not_named;
    SourcePos pos;

    // A document counts towards the evidence pack unless its named file is missing or empty.
    bool counts() const { return file_status == FileStatus::not_named || file_status == FileStatus::present; }
};

struct Record {
    std::string format;  // "ehcp-record/1"
    Pupil pupil;
    std::optional<Request> request;
    std::optional<Needs> needs;
    std::vector<AttainmentMeasure> attainment;
    std::vector<CognitiveAssessment> cognitive_assessments;
    std::optional<FunctionalSkills> functional_skills;
    std::optional<Attendance> attendance;
    std::vector<SupportCycle> support_cycles;
    std::vector<ProvisionEntry> provision;
    std::vector<ExternalSupport> external_support;
    std::vector<DeclaredIndicator> indicators;
    std::optional<Wellbeing> wellbeing;
    std::optional<Post18> post18;
    std::vector<Document> documents;
};

}  // namespace ehcp
