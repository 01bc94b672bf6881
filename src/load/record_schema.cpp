// The JSON Schema of ehcp-record/1. The schema text below is the source of truth; keep it in
// step with docs/record-format.md and with the loader (tests/schema/agreement_test.py checks
// that the two agree on the records in tests/schema/ and examples/).
#include "ehcp/load/record_schema.hpp"

namespace ehcp {
namespace {

// Optional fields also allow null (the loader reads null as "absent"); numbers and booleans
// also allow the quoted forms the loader accepts with a warning ("95.5", "true").
constexpr const char* kRecordSchema = R"json(
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://ehcp.invalid/schema/ehcp-record-1.json",
  "title": "EHC needs assessment request record, ehcp-record/1",
  "description": "One child or young person and the evidence behind a request for an EHC needs assessment (England, SEND). The ehcp toolkit reports evidence readiness against a local authority's criteria; it never makes a decision.",
  "$comment": "Checks this schema cannot express, made only by `ehcp validate` (the loader): provision[].end before start is an error; an impossible calendar date such as 2025-02-30 is an error (here only a validator that asserts format: date catches it); a duplicate key is an error (a parsed document no longer shows it); a UPN-like pupil.id with a wrong check letter, a year_group different from the one derived from date_of_birth (out of cohort), sen_status: ehcp, and a documents[].file that is missing or empty are warnings; a date before 1900, a control character in a text (a YAML escape such as \\e or \\u202E, or a line break in a one-line field) and a quoted number outside its field's range are errors; a date more than a year after the as-of date, a review before its cycle's start, a request before the date of birth and a provision entry over 100,000 pounds a year are warnings. Where the two differ on purpose: an unknown key is rejected here (additionalProperties: false, which suits editors) but in the loader it is an error only when it is a near miss (a different case, or one or two letters off) of an allowed key that is absent, and otherwise a warning with a did-you-mean; numbers and booleans written as quoted strings pass here and the loader accepts them with a warning; a needs.sen_types code in lower case (spld) is rejected here and the loader accepts it with a warning; indicators[].id is limited to the rule pack's ids only when the schema was printed for a pack; a documents[].kind outside the enum (the built-in kinds, and the pack's own when printed for a pack that declares some) is an error in the loader only when it is a near miss of a known kind, and otherwise a warning naming the pack's kinds. Read a record as YAML 1.2 core: dates stay strings, only true/false/True/TRUE/False/FALSE are booleans, and numbers are decimal (the loader rejects .inf, .nan, 0x and 0o numbers and 1_000). A multi-document stream is checked one document at a time. Null on an optional field means absent.",
  "type": "object",
  "required": ["format", "pupil"],
  "additionalProperties": false,
  "properties": {
    "format": {
      "description": "The record format and version: ehcp-record/1. Any other value is an error.",
      "const": "ehcp-record/1"
    },
    "pupil": {
      "description": "Who the request is for.",
      "type": "object",
      "required": ["id", "date_of_birth"],
      "additionalProperties": false,
      "properties": {
        "id": {
          "description": "A Unique Pupil Number or the school's or authority's own reference. A 13-character value that looks like a UPN has its check letter verified (a wrong check letter is a warning).",
          "$ref": "#/$defs/required_text"
        },
        "name": {
          "description": "The pupil's name; may be left out for pseudonymised batches. Reports can redact it.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "date_of_birth": {"description": "Date of birth, YYYY-MM-DD.", "$ref": "#/$defs/date"},
        "year_group": {
          "description": "National Curriculum year the pupil is taught in: -2 and -1 for the two nursery years, 0 for Reception, 1-13 for Years 1-13, 14 for further education beyond Year 13. When absent it is derived from date_of_birth; when it differs from the derived year the record is out of cohort (a warning).",
          "anyOf": [{"$ref": "#/$defs/year_group"}, {"type": "null"}]
        },
        "setting": {
          "description": "Name of the school, college or early years setting.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "looked_after": {
          "description": "A child looked after by a local authority.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "previously_looked_after": {
          "description": "A child previously looked after by a local authority.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "eal": {
          "description": "English as an additional language.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "sen_status": {
          "description": "Current SEN status: none, sen_support or ehcp. ehcp (a plan already exists) is a warning: the route is an annual review, not a new assessment.",
          "enum": ["none", "sen_support", "ehcp", null]
        }
      }
    },
    "request": {
      "description": "Who is asking, when, and the views and consent that go with it.",
      "type": ["object", "null"],
      "additionalProperties": false,
      "properties": {
        "date": {
          "description": "The date the request is, or will be, sent; defaults to the as-of date. Statutory deadlines are counted from it.",
          "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
        },
        "made_by": {
          "description": "Who makes the request.",
          "enum": ["school", "parent", "young_person", "professional", null]
        },
        "authority": {
          "description": "The id of the rule pack (the local authority) the request goes to, e.g. coventry or norfolk; `ehcp check` and `ehcp screen` use that pack unless --rules is given. A name no pack has is an error listing the packs found.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "parent_views": {
          "description": "The parents' or carers' views, in their words.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "pupil_views": {
          "description": "The child's or young person's views.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "parental_consent": {
          "description": "Parents have agreed to the request (expected for requests made by a school or a professional for a child under 16).",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "young_person_consent": {
          "description": "The young person (aged 16 or over) has agreed to the request.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "local_authority_consent": {
          "description": "For a looked-after child: the local authority, as corporate parent (the social worker), has agreed to the request.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        }
      }
    },
    "needs": {
      "description": "The nature and extent of the special educational needs.",
      "type": ["object", "null"],
      "additionalProperties": false,
      "properties": {
        "primary": {
          "description": "The main area of need.",
          "anyOf": [{"$ref": "#/$defs/area_of_need"}, {"type": "null"}]
        },
        "secondary": {
          "description": "Other areas of need, same values as primary.",
          "type": ["array", "null"],
          "items": {"$ref": "#/$defs/area_of_need"}
        },
        "sen_types": {
          "description": "School census (CTF, SEN2) SEN type codes in rank order: the primary need's first, then the secondary need's; at most two, all different. No criterion reads them: they fill the SEN2-shaped output's SENtype columns.",
          "type": ["array", "null"],
          "maxItems": 2,
          "uniqueItems": true,
          "items": {"enum": ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH", "NSA", "DS"]}
        },
        "description": {
          "description": "The nature, extent and context of the needs.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "diagnoses": {
          "description": "Diagnosed conditions.",
          "type": ["array", "null"],
          "items": {
            "type": "object",
            "required": ["condition"],
            "additionalProperties": false,
            "properties": {
              "condition": {"description": "The diagnosed condition.", "$ref": "#/$defs/required_text"},
              "date": {"description": "When it was diagnosed.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
              "by": {"description": "Who diagnosed it.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
              "impact": {
                "description": "How it affects access to education and progress.",
                "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
              }
            }
          }
        }
      }
    },
    "attainment": {
      "description": "Attainment and development measures: each entry is one measure in one area at one date; several entries for the same area at different dates show progress over time.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["area", "date"],
        "additionalProperties": false,
        "properties": {
          "area": {
            "description": "The area assessed. School age: reading, writing, maths, spelling, speaking_and_listening, science. Early years (EYFS areas): communication_and_language, personal_social_emotional, physical, literacy, mathematics, understanding_the_world, expressive_arts_and_design.",
            "enum": [
              "reading",
              "writing",
              "maths",
              "spelling",
              "speaking_and_listening",
              "science",
              "communication_and_language",
              "personal_social_emotional",
              "physical",
              "literacy",
              "mathematics",
              "understanding_the_world",
              "expressive_arts_and_design"
            ]
          },
          "date": {"description": "When it was assessed.", "$ref": "#/$defs/date"},
          "working_at_year": {
            "description": "The National Curriculum year whose expectations the pupil is working at (same scale as year_group; fractions allowed, e.g. 1.5). Gap in years = year group minus this.",
            "anyOf": [{"$ref": "#/$defs/year_scale"}, {"type": "null"}]
          },
          "age_equivalent_months": {
            "description": "Developmental or age-equivalent level in months. Gap in months = chronological age in months at date minus this.",
            "anyOf": [{"$ref": "#/$defs/non_negative_number"}, {"type": "null"}]
          },
          "standardised_score": {
            "description": "A standard score (mean 100, standard deviation 15).",
            "anyOf": [{"$ref": "#/$defs/non_negative_number"}, {"type": "null"}]
          },
          "percentile": {
            "description": "Percentile rank, 0-100.",
            "anyOf": [{"$ref": "#/$defs/percentage"}, {"type": "null"}]
          },
          "assessment": {
            "description": "The test or framework used.",
            "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
          }
        },
        "anyOf": [
          {"required": ["working_at_year"], "properties": {"working_at_year": {"not": {"type": "null"}}}},
          {
            "required": ["age_equivalent_months"],
            "properties": {"age_equivalent_months": {"not": {"type": "null"}}}
          },
          {
            "required": ["standardised_score"],
            "properties": {"standardised_score": {"not": {"type": "null"}}}
          },
          {"required": ["percentile"], "properties": {"percentile": {"not": {"type": "null"}}}}
        ],
        "$comment": "An entry needs at least one of working_at_year, age_equivalent_months, standardised_score, percentile (a null one counts as absent)."
      }
    },
    "cognitive_assessments": {
      "description": "Standardised cognitive ability assessments.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["date", "standardised_score"],
        "additionalProperties": false,
        "properties": {
          "date": {"description": "When it was assessed.", "$ref": "#/$defs/date"},
          "standardised_score": {
            "description": "A general cognitive ability score (mean 100, standard deviation 15).",
            "$ref": "#/$defs/non_negative_number"
          },
          "assessment": {"description": "The test used.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
          "by": {"description": "Who assessed.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
        }
      }
    },
    "functional_skills": {
      "description": "Functional skills levels, for Key Stage 4 and post-16.",
      "type": ["object", "null"],
      "additionalProperties": false,
      "properties": {
        "literacy": {
          "description": "Functional skills level achieved in literacy (English).",
          "enum": ["not_achieved", "entry_1", "entry_2", "entry_3", "level_1", "level_2", null]
        },
        "numeracy": {
          "description": "Functional skills level achieved in numeracy (maths).",
          "enum": ["not_achieved", "entry_1", "entry_2", "entry_3", "level_1", "level_2", null]
        }
      }
    },
    "attendance": {
      "description": "Attendance over the latest period.",
      "type": ["object", "null"],
      "required": ["percent"],
      "additionalProperties": false,
      "properties": {
        "percent": {
          "description": "Attendance as a percentage of possible sessions, 0-100.",
          "$ref": "#/$defs/percentage"
        },
        "period_start": {"description": "First day of the period.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
        "period_end": {"description": "Last day of the period.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]}
      }
    },
    "support_cycles": {
      "description": "Assess-plan-do-review cycles of SEN support (My Support Plan reviews). A cycle counts as reviewed when its review date is on or before the as-of date.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["start"],
        "additionalProperties": false,
        "properties": {
          "start": {"description": "When the \"do\" period began.", "$ref": "#/$defs/date"},
          "review": {
            "description": "The review meeting; absent or in the future: not yet reviewed.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          },
          "outcomes": {
            "description": "The cycle's outcomes.",
            "type": ["array", "null"],
            "items": {
              "type": "object",
              "required": ["description"],
              "additionalProperties": false,
              "properties": {
                "description": {"description": "The outcome sought.", "$ref": "#/$defs/required_text"},
                "result": {"description": "The result at review.", "enum": ["met", "partly_met", "not_met", null]}
              }
            }
          },
          "progress": {
            "description": "The review's judgement of progress; \"little or no progress\" means none or little.",
            "enum": ["none", "little", "some", "expected", "good", null]
          },
          "parents_involved": {
            "description": "Parents took part in the review.",
            "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
          },
          "pupil_views_sought": {
            "description": "The pupil's views were sought for the review.",
            "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
          },
          "notes": {"description": "Notes on the cycle.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
        }
      }
    },
    "provision": {
      "description": "The costed provision map: each entry is one intervention or resource additional to or different from ordinary teaching.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["name"],
        "additionalProperties": false,
        "properties": {
          "name": {
            "description": "What the provision is, e.g. \"Precision teaching: reading\".",
            "$ref": "#/$defs/required_text"
          },
          "area": {
            "description": "The area of need it serves.",
            "anyOf": [{"$ref": "#/$defs/area_of_need"}, {"type": "null"}]
          },
          "delivered_by": {
            "description": "Who delivers it.",
            "enum": [
              "teacher",
              "teaching_assistant",
              "higher_level_teaching_assistant",
              "specialist_teacher",
              "external_professional",
              "other",
              null
            ]
          },
          "session_minutes": {
            "description": "Length of one session in minutes.",
            "anyOf": [{"$ref": "#/$defs/non_negative_number"}, {"type": "null"}]
          },
          "sessions_per_week": {
            "description": "Sessions per week.",
            "anyOf": [{"$ref": "#/$defs/non_negative_number"}, {"type": "null"}]
          },
          "group_size": {
            "description": "Number of pupils sharing the session (default 1).",
            "anyOf": [{"$ref": "#/$defs/group_size"}, {"type": "null"}]
          },
          "weeks": {
            "description": "Weeks delivered in the costing year (the 12 months up to the as-of date); when absent, derived from start and end.",
            "anyOf": [{"$ref": "#/$defs/non_negative_number"}, {"type": "null"}]
          },
          "start": {"description": "When it started.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
          "end": {
            "description": "When it ended; an end before start is an error.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          },
          "hourly_rate": {
            "description": "Cost in pounds of one hour of the deliverer's time; when absent the rule pack's rate for delivered_by is used.",
            "anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}]
          },
          "annual_cost": {
            "description": "A cost in pounds already worked out by the school; when present it is used as is.",
            "anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}]
          },
          "other_costs": {
            "description": "Resources, licences and equipment in the costing year, in pounds.",
            "anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}]
          },
          "outcome": {"description": "What it aims to achieve.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
          "review_date": {
            "description": "When it is, or was, reviewed.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          }
        }
      }
    },
    "external_support": {
      "description": "Outside services involved and what they recommended.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["service"],
        "additionalProperties": false,
        "properties": {
          "service": {
            "description": "The service, e.g. educational_psychology, speech_and_language_therapy, occupational_therapy, physiotherapy, camhs, complex_communication_team, semhl, sensory_support, send_early_years, paediatrics, social_care, early_help, or any other name.",
            "$ref": "#/$defs/required_text"
          },
          "involved_from": {
            "description": "When the service became involved.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          },
          "report_date": {
            "description": "Date of the written advice or report; absent: no report yet.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          },
          "report_expected": {
            "description": "Advice asked for and still awaited: when it is expected.",
            "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]
          },
          "recommendations": {
            "description": "The service's recommendations.",
            "type": ["array", "null"],
            "items": {
              "type": "object",
              "required": ["text"],
              "additionalProperties": false,
              "properties": {
                "text": {"description": "The recommendation.", "$ref": "#/$defs/required_text"},
                "implemented": {
                  "description": "The recommendation has been implemented.",
                  "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
                },
                "evaluated": {
                  "description": "Its effect has been evaluated.",
                  "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
                },
                "reason_not_implemented": {
                  "description": "Why it was not implemented, e.g. beyond the school's resources.",
                  "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
                }
              }
            }
          }
        }
      }
    },
    "indicators": {
      "description": "The school's statement of which of the authority's indicators of need apply.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["id"],
        "additionalProperties": false,
        "properties": {
          "id": {
            "description": "An indicator id from the rule pack (e.g. Coventry's cl1-cl5, semh1-semh4, ci1-ci3, sp1-sp3, other1-other7); an unknown id is an error.",
            "$ref": "#/$defs/required_text"
          },
          "evidence": {"description": "Where the evidence is.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
        }
      }
    },
    "wellbeing": {
      "description": "Social, emotional, mental health, physical and health evidence.",
      "type": ["object", "null"],
      "additionalProperties": false,
      "properties": {
        "evidence": {
          "description": "Evidence of the needs in school.",
          "type": ["array", "null"],
          "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "kind": {
                "description": "What kind of evidence it is.",
                "enum": [
                  "behaviour_log",
                  "observation_notes",
                  "incident_records",
                  "health_report",
                  "camhs_report",
                  "medical_report",
                  "other",
                  null
                ]
              },
              "date": {"description": "Its date.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
              "summary": {"description": "What it shows.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
            }
          }
        },
        "additional_provision_needed": {
          "description": "Why additional educational provision is needed to meet these needs.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        }
      }
    },
    "post18": {
      "description": "For young people aged 18 or over.",
      "type": ["object", "null"],
      "additionalProperties": false,
      "properties": {
        "additional_time_needed": {
          "description": "The young person needs more time to complete their education or training.",
          "anyOf": [{"$ref": "#/$defs/boolean"}, {"type": "null"}]
        },
        "reason": {
          "description": "Why the additional time is needed.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        },
        "programme": {
          "description": "The education or training the young person is on.",
          "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
        }
      }
    },
    "documents": {
      "description": "The documents that will be attached to the request.",
      "type": ["array", "null"],
      "items": {
        "type": "object",
        "required": ["kind"],
        "additionalProperties": false,
        "properties": {
          "kind": {
            "description": "What the document is.",
            "enum": [
              "my_support_plan",
              "my_support_plan_review",
              "professional_report",
              "parent_views",
              "pupil_views",
              "attainment_record",
              "early_years_checklist",
              "provision_map",
              "attendance_record",
              "behaviour_log",
              "observation_notes",
              "medical_evidence",
              "consent_form",
              "other"
            ]
          },
          "date": {"description": "The document's date.", "anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
          "title": {"description": "The document's title.", "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
          "file": {
            "description": "Path of the file, relative to the record's own file. When given, the file must exist and be non-empty; otherwise the document is reported missing.",
            "anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]
          }
        }
      }
    }
  },
  "$defs": {
    "date": {
      "description": "An ISO 8601 calendar date, YYYY-MM-DD (a UK-style 14/05/2016 is an error; write 2016-05-14).",
      "type": "string",
      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "format": "date"
    },
    "text": {
      "description": "Free text, reported and never interpreted; any Unicode. A plain number or true/false is read as its text.",
      "type": ["string", "number", "boolean"]
    },
    "required_text": {
      "description": "Text that must not be empty or blank. A plain number or true/false is read as its text.",
      "type": ["string", "number", "boolean"],
      "pattern": "\\S"
    },
    "non_negative_number": {
      "description": "A number, 0 or more. A number written in quotes (\"20\") is accepted with a warning.",
      "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": "^[ \\t]*\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \\t]*$"}
      ]
    },
    "money": {
      "description": "A plain number of pounds sterling, 0 or more (1250.50); no pound sign, no thousands separators. A number in quotes is accepted with a warning.",
      "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 10000000},
        {"type": "string", "pattern": "^[ \\t]*\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \\t]*$"}
      ]
    },
    "percentage": {
      "description": "A number from 0 to 100. A number in quotes is accepted with a warning.",
      "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": "^[ \\t]*\\+?0*(100(\\.0*)?|[0-9]{1,2}(\\.[0-9]*)?|\\.[0-9]+)[ \\t]*$"}
      ]
    },
    "year_scale": {
      "description": "A number on the year-group scale, from -2 to 14; fractions allowed (1.5). A number in quotes is accepted with a warning.",
      "anyOf": [
        {"type": "number", "minimum": -2, "maximum": 14},
        {
          "type": "string",
          "pattern": "^[ \\t]*(-(2(\\.0*)?|[01](\\.[0-9]*)?|\\.[0-9]+)|\\+?(14(\\.0*)?|1[0-3](\\.[0-9]*)?|[0-9](\\.[0-9]*)?|\\.[0-9]+))[ \\t]*$"
        }
      ]
    },
    "year_group": {
      "description": "A National Curriculum year group, a whole number from -2 to 14. A number in quotes is accepted with a warning.",
      "anyOf": [
        {"type": "integer", "minimum": -2, "maximum": 14},
        {"type": "string", "pattern": "^[ \\t]*(-[12]|\\+?(1[0-4]|[0-9]))(\\.0*)?[ \\t]*$"}
      ]
    },
    "group_size": {
      "description": "A whole number of pupils, 1 or more. A number in quotes is accepted with a warning.",
      "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 100},
        {"type": "string", "pattern": "^[ \\t]*\\+?0*[1-9][0-9]*(\\.0*)?[ \\t]*$"}
      ]
    },
    "boolean": {
      "description": "true or false (True, TRUE, False and FALSE too). In quotes it is accepted with a warning; yes, no, on, off, 1 and 0 are errors.",
      "anyOf": [{"type": "boolean"}, {"enum": ["true", "True", "TRUE", "false", "False", "FALSE"]}]
    },
    "area_of_need": {
      "description": "One of the four broad areas of need of the SEND Code of Practice.",
      "enum": [
        "communication_and_interaction",
        "cognition_and_learning",
        "social_emotional_mental_health",
        "sensory_and_physical"
      ]
    }
  }
}
)json";

}  // namespace

nlohmann::json record_json_schema(const std::vector<std::string>& indicator_ids, const std::vector<std::string>& document_kinds) {
    nlohmann::json schema = nlohmann::json::parse(kRecordSchema);
    // The loader's ranges (src/load/map_fields.hpp) on fields that share a generic type.
    auto cap = [&](nlohmann::json& property, double max) {
        (property.contains("anyOf") ? property["anyOf"][0] : property)["maximum"] = max;
    };
    auto& measure = schema["properties"]["attainment"]["items"]["properties"];
    cap(measure["age_equivalent_months"], 300);
    cap(measure["standardised_score"], 200);
    cap(schema["properties"]["cognitive_assessments"]["items"]["properties"]["standardised_score"], 200);
    auto& provision = schema["properties"]["provision"]["items"]["properties"];
    cap(provision["session_minutes"], 600);
    cap(provision["sessions_per_week"], 50);
    cap(provision["weeks"], 53);
    if (!indicator_ids.empty()) {
        auto& id = schema["properties"]["indicators"]["items"]["properties"]["id"];
        id["enum"] = indicator_ids;
        id["description"] = id["description"].get<std::string>() + " Allowed here: the rule pack's ids.";
    }
    if (!document_kinds.empty()) {
        auto& kind = schema["properties"]["documents"]["items"]["properties"]["kind"];
        for (const auto& k : document_kinds) kind["enum"].push_back(k);
        kind["description"] = kind["description"].get<std::string>() + " Allowed here: the built-in kinds and the rule pack's own.";
    }
    return schema;
}

}  // namespace ehcp
