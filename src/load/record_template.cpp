// The record template. Its structure is checked by tests/unit/record_schema_test.cpp and
// tests/schema/agreement_test.py (valid YAML; filled in, it validates; unfilled, it fails).
#include "ehcp/load/record_template.hpp"

namespace ehcp {

std::string record_template() {
    return R"yaml(# yaml-language-server: $schema=./ehcp-record.schema.json
# EHC needs assessment request: pupil record (format ehcp-record/1)
#
# The first line lets an editor check this file as you type (VS Code's YAML
# extension): save the schema beside it once with
#   ehcp schema > ehcp-record.schema.json
# (see "Editor set-up" in docs/record-format.md). Without it, nothing changes.
#
# Fill this in for one child or young person, then run:  ehcp check this-file.yaml
# The tool reports how ready the evidence is against the local authority's
# criteria. It does not make a decision: the authority decides, each case on
# its merits, and parents and young people can always request an assessment.
#
# How to fill it in:
# - Values marked REQUIRED must be filled in. Everything else is optional:
#   leave out what you do not have; the report lists it as missing evidence.
# - Indented lines such as "# name: Alex Example" are examples (invented data).
#   To use one, delete its "# " (keep the spaces before it) and change the value.
# - Dates are written YYYY-MM-DD, e.g. 2016-05-14 (not 14/05/2016).
# - Money is a plain number of pounds, e.g. 1250.50 (no pound sign or commas).
# - Yes/no questions take true or false.
# - Words in lists of allowed values must be copied exactly, e.g. sen_support.
# - Check your work with:  ehcp validate this-file.yaml

format: ehcp-record/1          # REQUIRED. Leave as it is.

pupil:                         # REQUIRED. Who the request is for.
  id: ""                       # REQUIRED. UPN or your own reference, e.g. B801200005001.
  date_of_birth:               # REQUIRED. Date, YYYY-MM-DD.
  # name: Alex Example         # Text. Can be left out for pseudonymised records.
  # year_group: 6              # Whole number, only if taught out of their age group:
  #                            # -2 and -1 nursery, 0 Reception, 1-13, 14 further education.
  # setting: Example Primary School   # Text. School, college or early years setting.
  # looked_after: false        # true/false. Looked after by a local authority.
  # previously_looked_after: false    # true/false.
  # eal: false                 # true/false. English as an additional language.
  # sen_status: sen_support    # One of: none, sen_support, ehcp.

request:                       # Who is asking, when, with what views and consent.
  # date: 2026-11-20           # Date the request is (or will be) sent. Deadlines count from it.
  # made_by: school            # One of: school, parent, young_person, professional.
  # authority: coventry        # The rule pack (local authority) the request goes to; see
  #                            # `ehcp rules list`. check and screen use it unless --rules is given.
  # parent_views: "We want Alex to enjoy reading."    # Text: the parents' own words.
  # pupil_views: "I like maths games."                # Text: the child's own words.
  # parental_consent: true     # true/false. Parents agree (school or professional request, child under 16).
  # young_person_consent: true # true/false. The young person agrees (aged 16 or over).
  # local_authority_consent: true   # true/false. Looked-after child: the local authority
  #                            # (the social worker, as corporate parent) agrees.

needs:                         # The nature and extent of the needs.
  # primary: cognition_and_learning   # Main area of need, one of: communication_and_interaction,
  #                                   # cognition_and_learning, social_emotional_mental_health,
  #                                   # sensory_and_physical.
  # secondary: [communication_and_interaction]   # List of other areas, same words.
  # sen_types: [SPLD, SLCN]    # School census SEN type codes in rank order (primary first),
  #                            # at most 2: SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD OTH
  #                            # NSA DS. For the SEN2-shaped output; no criterion reads them.
  # description: Persistent difficulties with reading and working memory.   # Text.
  # diagnoses:                 # List. Each needs a condition.
  #   - condition: dyslexia    # REQUIRED in each diagnosis. Text.
  #     date: 2025-06-10       # Date diagnosed.
  #     by: Educational Psychologist   # Text: who diagnosed.
  #     impact: Needs adult support for all written work.   # Text: effect on learning.

attainment:                    # List. One entry per measure, area and date.
  # Areas for school age: reading, writing, maths, spelling, speaking_and_listening,
  # science. Early years: communication_and_language, personal_social_emotional,
  # physical, literacy, mathematics, understanding_the_world, expressive_arts_and_design.
  # Each entry needs at least one of the four measures marked MEASURE.
  # - area: reading            # REQUIRED in each entry. One of the areas above.
  #   date: 2026-10-01         # REQUIRED in each entry. Date assessed.
  #   working_at_year: 1.5     # MEASURE. Number: the year they work at (Reception 0).
  #   age_equivalent_months: 84       # MEASURE. Number: age-equivalent level in months.
  #   standardised_score: 70   # MEASURE. Number: standard score (mean 100).
  #   percentile: 2            # MEASURE. Number 0-100.
  #   assessment: NGRT         # Text: the test or framework used.

cognitive_assessments:         # List of cognitive ability assessments.
  # - date: 2025-06-10         # REQUIRED in each entry. Date assessed.
  #   standardised_score: 98   # REQUIRED in each entry. Number: ability score (mean 100).
  #   assessment: BAS3         # Text: the test used.
  #   by: Educational Psychologist    # Text: who assessed.

functional_skills:             # Key Stage 4 and post-16 only.
  # literacy: entry_3          # One of: not_achieved, entry_1, entry_2, entry_3, level_1, level_2.
  # numeracy: entry_2          # Same words as literacy.

attendance:                    # Attendance over the latest period.
  # percent: 95.5              # REQUIRED if you give attendance. Number 0-100.
  # period_start: 2025-09-01   # Date.
  # period_end: 2026-07-20     # Date.

support_cycles:                # List of assess-plan-do-review cycles (My Support Plan reviews).
  # - start: 2026-04-13        # REQUIRED in each cycle. Date the "do" period began.
  #   review: 2026-07-10       # Date of the review meeting; leave out if not yet held.
  #   progress: little         # One of: none, little, some, expected, good.
  #   parents_involved: true   # true/false. Parents took part in the review.
  #   pupil_views_sought: true # true/false.
  #   notes: Reading age up 3 months in 12 weeks.     # Text.
  #   outcomes:                # List of the cycle's outcomes.
  #     - description: Read 50 high-frequency words.  # REQUIRED in each outcome. Text.
  #       result: partly_met   # One of: met, partly_met, not_met.

provision:                     # List: the costed provision map, one entry per intervention.
  # Cost per year = minutes / 60 x sessions per week x weeks x hourly rate / group size
  # + other costs, unless you give annual_cost.
  # - name: Precision teaching (reading)     # REQUIRED in each entry. Text.
  #   area: cognition_and_learning   # Area of need served (same words as needs.primary).
  #   delivered_by: teaching_assistant   # One of: teacher, teaching_assistant,
  #                            # higher_level_teaching_assistant, specialist_teacher,
  #                            # external_professional, other.
  #   session_minutes: 20      # Number, 0 or more: length of one session.
  #   sessions_per_week: 5     # Number, 0 or more.
  #   group_size: 1            # Whole number, 1 or more: pupils sharing a session.
  #   weeks: 36                # Number: weeks delivered in the last 12 months.
  #   start: 2025-09-08        # Date. Used for weeks when weeks is left out.
  #   end: 2026-07-17          # Date, not before start.
  #   hourly_rate: 19.50       # Pounds per hour; left out: the rule pack's rate.
  #   annual_cost: 1170        # Pounds: a cost you have already worked out.
  #   other_costs: 50          # Pounds: resources, licences, equipment.
  #   outcome: Read 100 high-frequency words by sight.   # Text: what it aims to achieve.
  #   review_date: 2026-07-10  # Date.

external_support:              # List of outside services involved.
  # - service: educational_psychology    # REQUIRED in each entry. Text, e.g.
  #                            # speech_and_language_therapy, camhs, paediatrics.
  #   involved_from: 2025-03-01   # Date.
  #   report_date: 2025-06-20  # Date of their written report (leave out if none yet).
  #   report_expected: 2027-01-15   # Date: advice asked for and still awaited.
  #   recommendations:         # List.
  #     - text: Daily precision teaching   # REQUIRED in each recommendation. Text.
  #       implemented: true    # true/false.
  #       evaluated: true      # true/false.
  #       reason_not_implemented: "beyond the school's resources"   # Text: why not, if not.

indicators:                    # List: which indicators of need you think apply.
  # Coventry ids: cl1-cl5 (cognition and learning), semh1-semh4, ci1-ci3
  # (communication), sp1-sp3 (physical and sensory), other1-other7.
  # Run "ehcp explain cl1" to read what an indicator means.
  # - id: cl1                  # REQUIRED in each entry. An indicator id.
  #   evidence: NGRT standard score 66, October 2026   # Text: where the evidence is.

wellbeing:                     # Social, emotional, mental health, physical and health needs.
  # evidence:                  # List.
  #   - kind: behaviour_log    # One of: behaviour_log, observation_notes, incident_records,
  #                            # health_report, camhs_report, medical_report, other.
  #     date: 2026-10-01       # Date.
  #     summary: Daily log of dysregulation in the afternoons.   # Text.
  # additional_provision_needed: Needs a quiet space and adult check-ins.   # Text: why.

post18:                        # Young people aged 18 or over only.
  # additional_time_needed: true   # true/false. Needs more time to finish education.
  # reason: Missed a year through illness.   # Text.
  # programme: Level 1 Horticulture  # Text: the course or training.

documents:                     # List of the documents you will attach.
  # Kinds: my_support_plan, my_support_plan_review, professional_report, parent_views,
  # pupil_views, attainment_record, early_years_checklist, provision_map,
  # attendance_record, behaviour_log, observation_notes, medical_evidence,
  # consent_form, other. A rule pack may add its own (Norfolk: indes,
  # family_conversation_form, send_dp1): see `ehcp rules show PACK`.
  # - kind: my_support_plan    # REQUIRED in each entry. One of the kinds above.
  #   date: 2026-09-10         # Date.
  #   title: My Support Plan, autumn 2026   # Text.
  #   file: evidence/my-support-plan.pdf   # Path from this file's folder; must exist.
)yaml";
}

}  // namespace ehcp
