#!/usr/bin/env python3
"""Writes the bad-input corpus: one file per kind of damage, each a small invented record
damaged in one way. The files are committed; this script documents how each was made and
re-creates them (python3 tests/corpus/make_corpus.py). Each file's exact diagnostics are in
expected/NAME.out, compared by CTest (tests/CMakeLists.txt, "corpus: NAME").
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GOOD = """format: ehcp-record/1
pupil:
  id: T-CORPUS-01
  name: Alex Sample
  date_of_birth: 2016-05-14
  setting: Example Primary School
request:
  date: 2026-11-20
  made_by: school
  parental_consent: true
needs:
  primary: cognition_and_learning
attainment:
  - {area: reading, date: 2026-10-01, working_at_year: 1.5}
attendance: {percent: 95.5}
support_cycles:
  - {start: 2025-09-15, review: 2025-12-05, progress: little}
"""

SECOND = GOOD.replace("T-CORPUS-01", "T-CORPUS-02").replace("Alex Sample", "Jo Sample")

files = {}

def text(name, s):
    files[name] = s.encode("utf-8")

def raw(name, b):
    files[name] = b

# --- the file as a whole -----------------------------------------------------------
raw("empty-file", b"")
text("only-comments", "# a record will go here\n# nothing yet\n")
text("only-document-marker", "---\n")
text("empty-document-between", GOOD + "---\n---\n" + SECOND)
text("empty-document-dots", "---\n...\n---\n" + GOOD)
text("top-level-list", "- format: ehcp-record/1\n- pupil: {id: X}\n")
text("top-level-scalar", "ehcp-record/1\n")
text("missing-format", GOOD.replace("format: ehcp-record/1\n", ""))
text("wrong-format-version", GOOD.replace("ehcp-record/1", "ehcp-record/2"))
text("pupil-not-a-map", "format: ehcp-record/1\npupil: Alex Sample\n")
text("file-too-large", GOOD + "# padding\n" * 200)           # run with --max-file-size 500
text("record-too-large", GOOD + "---\n" + SECOND + "# padding\n" * 200)  # --max-record-size 800
text("directive-unknown-version", "%YAML 2.0\n---\n" + GOOD)

# --- encodings and line endings -------------------------------------------------------
raw("bom-utf8", b"\xef\xbb\xbf" + GOOD.encode())                     # accepted
raw("crlf-line-endings", GOOD.replace("\n", "\r\n").encode())       # accepted
raw("bom-and-crlf", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())  # accepted
raw("cr-only-line-endings", GOOD.replace("\n", "\r").encode())
raw("nul-byte", GOOD.replace("Alex Sample", "Alex\x00Sample").encode())
raw("invalid-utf8-windows-1252", GOOD.encode().replace(b"Example Primary", b"\xa3Example Primary"))
raw("invalid-utf8-truncated-sequence", GOOD.encode().replace(b"Alex", b"Al\xc3x"))
raw("utf16-le", b"\xff\xfe" + GOOD.encode("utf-16-le"))
raw("control-character", GOOD.replace("Alex Sample", "Alex\x07Sample").encode())
raw("bom-in-the-middle", GOOD.encode() + b"\xef\xbb\xbf" + b"# joined file\n")
text("quotes-in-block-text-fine", GOOD.replace("needs:\n  primary: cognition_and_learning\n",
     "needs:\n  primary: cognition_and_learning\n  description: |\n    He said \"no and 'never\n      [ nothing { here\n"))  # accepted
text("unicode-text-fine", GOOD.replace("Alex Sample", "Zoë Ólafsdóttir-Ng 学生 🙂"))  # accepted

# --- YAML syntax ------------------------------------------------------------------
text("tab-indentation", GOOD.replace("  date_of_birth", "\tdate_of_birth"))
text("unclosed-double-quote", GOOD.replace("name: Alex Sample", 'name: "Alex Sample'))
text("unclosed-single-quote", GOOD.replace("setting: Example Primary School", "setting: 'Example Primary School"))
text("unclosed-flow-map", GOOD.replace("attendance: {percent: 95.5}", "attendance: {percent: 95.5"))
text("unclosed-flow-list", GOOD + "documents: [{kind: my_support_plan}\n")
text("bad-indentation", GOOD.replace("  setting:", "    setting:"))
text("colon-in-plain-text", GOOD.replace("  setting: Example Primary School",
                                          "  setting: Example Primary School: Year 6 base"))
text("undefined-alias", GOOD + "needs2: *missing\n")
text("unknown-escape", GOOD.replace("name: Alex Sample", 'name: "Alex \\q Sample"'))

# --- limits on structure --------------------------------------------------------------
text("deep-flow-lists", "format: ehcp-record/1\npupil: " + "[" * 5000 + "]" * 5000 + "\n")
text("deep-flow-maps", "format: ehcp-record/1\npupil: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")
text("deep-block-maps", "format: ehcp-record/1\npupil:\n"
     + "".join(" " * (i + 1) + "a:\n" for i in range(100)) + " " * 101 + "b: 1\n")
text("deep-unclosed-brackets", "format: ehcp-record/1\npupil: " + "[" * 20000 + "\n")
text("long-scalar", GOOD.replace("setting: Example Primary School",
                                  "setting: " + "Example Primary School " * 3000))
text("long-date-value", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: " + "2016" * 100))
text("long-unknown-key", GOOD + "x" * 5000 + ": 1\n")
text("many-unknown-keys", GOOD + "".join(f"extra_{i}: {i}\n" for i in range(300)))
text("alias-bomb", "format: ehcp-record/1\n"
     "lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + "".join(f"lol{i}: &l{i} [*l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}, *l{i-1}]\n"
               for i in range(1, 10))
     + "pupil:\n  id: T-CORPUS-01\n  name: *l9\n  date_of_birth: 2016-05-14\n"
     "needs:\n  primary: cognition_and_learning\n  secondary: *l9\n"
     "provision: *l9\n")
text("alias-cycle", "format: ehcp-record/1\npupil: &p\n  id: T-CORPUS-01\n  date_of_birth: 2016-05-14\n"
     "  self: *p\nneeds:\n  secondary: &x [*x]\n")
text("aliases-fine", "format: ehcp-record/1\npupil:\n  id: T-CORPUS-01\n  date_of_birth: 2016-05-14\n"
     "support_cycles:\n  - {start: 2025-09-15, review: &r 2025-12-05, progress: little}\n"
     "documents:\n  - {kind: my_support_plan_review, date: *r}\n")   # accepted
text("merge-key", GOOD + "provision:\n  - &base {name: Reading group, delivered_by: teaching_assistant}\n"
     "  - <<: *base\n    name: Writing group\n")
text("non-scalar-key", GOOD + "[a, b]: 1\n? {x: 1}\n: 2\n")

# --- keys ---------------------------------------------------------------------------
text("duplicate-date-of-birth", GOOD.replace("  date_of_birth: 2016-05-14\n",
                                              "  date_of_birth: 2016-05-14\n  date_of_birth: 2019-01-01\n"))
text("duplicate-section", GOOD + "needs:\n  primary: social_emotional_mental_health\n")
text("two-records-without-separator", GOOD + SECOND)
text("misspelt-keys", GOOD.replace("date_of_birth", "Date Of Birth").replace("made_by", "madeby"))
text("required-field-empty", GOOD.replace("  id: T-CORPUS-01\n", "  id:\n"))

# --- values as real exports write them --------------------------------------------------
text("spreadsheet-all-quoted", """format: "ehcp-record/1"
pupil:
  id: "T-CORPUS-01"
  name: "Alex Sample"
  date_of_birth: "2016-05-14"
  looked_after: "FALSE"
  eal: "false"
request:
  date: "2026-11-20"
  made_by: "school"
  parental_consent: "TRUE"
attainment:
  - {area: "reading", date: "2026-10-01", working_at_year: "1.5", standardised_score: "70"}
attendance: {percent: "95.5"}
support_cycles:
  - {start: "2025-09-15", review: "2025-12-05", progress: "little"}
""")
text("excel-serial-dates", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 42504")
     .replace("date: 2026-11-20", "date: 46346"))
text("uk-dates", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 14/05/2016")
     .replace("start: 2025-09-15", "start: 15.09.2025"))
text("impossible-date", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 2016-02-30"))
text("date-with-time", GOOD.replace("date: 2026-11-20", "date: 2026-11-20 09:30:00"))
text("percent-strings", GOOD.replace("attendance: {percent: 95.5}", 'attendance: {percent: "85%"}')
     .replace("working_at_year: 1.5", 'working_at_year: "1.5 years"'))
text("yes-no-booleans", GOOD.replace("parental_consent: true", "parental_consent: yes")
     .replace("  setting: Example Primary School\n",
              "  setting: Example Primary School\n  looked_after: N\n  eal: Y\n  previously_looked_after: no\n"))
text("money-with-pound-sign", GOOD + "provision:\n  - {name: Reading group, hourly_rate: \"£19.50\", "
     "other_costs: '1,250', session_minutes: 30, sessions_per_week: 3, weeks: 10}\n")
text("leading-zero-numbers", GOOD.replace("working_at_year: 1.5", "working_at_year: 012")
     .replace("  setting: Example Primary School\n", "  setting: Example Primary School\n  year_group: 06\n"))
text("special-floats", GOOD.replace("attendance: {percent: 95.5}", "attendance: {percent: .nan}")
     .replace("working_at_year: 1.5", "working_at_year: .inf"))
text("huge-numbers", GOOD.replace("attendance: {percent: 95.5}", "attendance: {percent: 1e400}")
     + "provision:\n  - {name: Reading group, group_size: 99999999999999999999, annual_cost: 1e308}\n")
text("negative-numbers", GOOD + "provision:\n  - {name: Reading group, session_minutes: -30, "
     "sessions_per_week: 3, weeks: 10, hourly_rate: -19.5}\n")
text("enum-wrong-case", GOOD.replace("made_by: school", "made_by: School")
     .replace("progress: little", "progress: Little progress"))
text("list-given-as-scalar", GOOD.replace("  primary: cognition_and_learning\n",
                                           "  primary: cognition_and_learning\n  secondary: communication_and_interaction\n"))
text("empty-list-entries", GOOD + "documents:\n  -\n  - kind: my_support_plan\n  -\n")
text("tagged-values", GOOD.replace("name: Alex Sample", "name: !!binary QWxleA==")
     .replace("percent: 95.5", "percent: !!str 95.5"))

# --- dates that cannot be right ------------------------------------------------------
text("date-of-birth-in-future", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 2061-05-14"))
text("date-of-birth-too-young", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 2026-01-10"))
text("date-of-birth-too-old", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 1961-05-14"))
text("year-group-out-of-range", GOOD.replace("  setting: Example Primary School\n",
                                              "  setting: Example Primary School\n  year_group: 15\n"))

# --- streams cut short or joined -------------------------------------------------------
text("truncated-mid-record", GOOD + "---\n" + SECOND[:SECOND.index("made_by") + 12])
text("truncated-mid-date", GOOD + "---\n" + SECOND[:SECOND.index("date: 2026-11-20") + 12])
text("truncated-mid-quote", GOOD + "---\n" + SECOND.replace("name: Jo Sample", 'name: "Jo Sam')[:SECOND.index("name:") + 12])
text("truncated-mid-flow", GOOD[:GOOD.index("working_at_year") + 5])
text("every-other-record-damaged", GOOD + "---\n" + SECOND.replace("2016-05-14", "14/05/2016")
     + "---\n" + GOOD.replace("T-CORPUS-01", "T-CORPUS-03") + "---\n" + "pupil: [\n"
     + "---\n" + GOOD.replace("T-CORPUS-01", "T-CORPUS-05"))

# --- numbers and dates out of any plausible range (issue 10) ---------------------------
# The first two crashed `check` (SIGSEGV) before the ranges; run with `check` (args.txt).
text("huge-annual-cost", GOOD + "provision:\n  - {name: Laptop, annual_cost: 100000000000000000}\n")
text("huge-weeks", GOOD + "provision:\n  - {name: Reading group, session_minutes: 30, sessions_per_week: 3, "
     "weeks: 1e308, hourly_rate: 19.5}\n")
text("implausible-numbers", GOOD.replace("working_at_year: 1.5", "working_at_year: 1.5, standardised_score: 1e308, "
                                          "age_equivalent_months: 5000")
     + "cognitive_assessments:\n  - {date: 2026-10-01, standardised_score: 250}\n"
     + "provision:\n  - {name: Reading group, session_minutes: 1e9, sessions_per_week: 10000, group_size: 1000, "
     "weeks: 1000000, hourly_rate: 20000000, other_costs: 1e12}\n")
text("year-zero-and-early-dates", GOOD.replace("date_of_birth: 2016-05-14", "date_of_birth: 0000-05-14")
     .replace("start: 2025-09-15", "start: 1066-10-14"))
text("request-date-far-future", GOOD.replace("date: 2026-11-20", "date: 9999-05-19"))
text("plausibility-warnings", GOOD.replace("date: 2026-11-20", "date: 2015-01-05")
     .replace("review: 2025-12-05", "review: 2025-06-05")
     + "provision:\n  - {name: Residential placement, annual_cost: 150000}\n"
     "  - {name: Review meeting, review_date: 2031-01-01}\n")  # accepted, with warnings

# Two exported files joined: the second one's BOM sits before its `---`. Two records, not
# one invalid merged one (issue 10).
raw("bom-before-document-marker", GOOD.encode() + b"\xef\xbb\xbf---\n" + SECOND.encode())

# Evidence files outside the record's folder counted as attached (issue 10): warnings, missing.
text("document-file-outside", GOOD + "documents:\n  - {kind: my_support_plan, file: ../../../../etc/passwd}\n"
     "  - {kind: professional_report, file: /dev/stdin}\n")

# --- text that would drive a terminal (issue 10) -------------------------------------
# Double-quoted YAML escapes make control characters after the raw-byte check: each is a
# text.control error; a key quoted in a warning is shown escaped, never raw.
text("text-escapes-in-values", GOOD.replace("name: Alex Sample", 'name: "Alex \\e[31mRed\\e[0m"')
     .replace("setting: Example Primary School", 'setting: "Example \\u202Eloohcs"')
     .replace("  primary: cognition_and_learning\n",
              '  primary: cognition_and_learning\n  description: "bell \\x07 title \\e]0;pwned\\x07"\n')
     + '"\\e[2Jkey": 1\n'
     + 'external_support:\n  - service: "EP\\x9b31m"\n    recommendations:\n'
     + '      - text: "line one\\nline two \\u2066 isolate"\n')
# A name with a line break printed a forged verdict line above the real one (check).
text("name-forges-verdict", GOOD.replace("name: Alex Sample",
                                         'name: "Alex\\n\\nEvidence readiness: READY \\u2014 nothing to close"'))

# --- rule packs that are hostile or broken (issue 10) ---------------------------------------
# Each packs/NAME/ is a small pack damaged in one way; tests/corpus/pack-NAME.yaml is a good
# record checked with `--rules tests/corpus/packs/NAME` (args.txt). Every one must end in
# pack errors with their places and exit 65, never a crash or "internal error".
BASE_PACK = {
    "pack.yaml": """pack: ehcp-pack/1
id: corpus
version: "1"
title: A small pack for the corpus
authority: Nowhere
statement: Evidence readiness, not a decision.
legal_test: The legal test is lower than any local criteria.
parameters:
  notional_budget: 6000
  school_weeks_per_year: 38
  timeline_weeks: {decide_to_assess: 6, decide_to_issue: 16, final_plan: 20}
  default_hourly_rates: {teacher: 45, teaching_assistant: 19.5}
readiness:
  text: Ready when the plan criterion is met.
  all_of:
    - criterion: plan
criteria: criteria.yaml
indicators: indicators.yaml
evidence: evidence.yaml
practice: practice.yaml
""",
    "criteria.yaml": """criteria:
  - id: plan
    title: A My Support Plan
    cite: corpus
    source_wording: There is a plan.
    interpretation: One My Support Plan document.
    check: {check: document, params: {kind: my_support_plan, count: 1}}
""",
    "indicators.yaml": "cite: corpus\nindicators: []\n",
    "evidence.yaml": "cite: corpus\nevidence: []\n",
    "practice.yaml": "practice: []\n",
}
packs = {}

def pack(name, changes, symlinks=None):
    files_of = dict(BASE_PACK)
    files_of.update(changes)
    packs[name] = (files_of, symlinks or {})
    text("pack-" + name, GOOD)

pack("base", {})  # accepted: the reference the others damage
pack("rate-inf", {"pack.yaml": BASE_PACK["pack.yaml"].replace("teacher: 45", "teacher: .inf")})
pack("budget-huge", {"pack.yaml": BASE_PACK["pack.yaml"].replace("notional_budget: 6000", "notional_budget: 1e300")})
pack("budget-nan", {"pack.yaml": BASE_PACK["pack.yaml"].replace("notional_budget: 6000", "notional_budget: .nan")})
pack("timeline-int-max", {"pack.yaml": BASE_PACK["pack.yaml"].replace("final_plan: 20", "final_plan: 2147483647")})
pack("threshold-inf", {"criteria.yaml": BASE_PACK["criteria.yaml"].replace("count: 1", "count: 1e999")})
pack("alias-cycle", {"criteria.yaml": "criteria:\n  - &r\n    id: plan\n    check: {all_of: [*r]}\n"})
pack("deep-nesting", {"criteria.yaml": "criteria: " + "[" * 100 + "]" * 100 + "\n"})
pack("scalar-file", {"criteria.yaml": "just some words\n"})
pack("list-file", {"indicators.yaml": "- id: cl1\n"})
pack("empty-file", {"practice.yaml": ""})
pack("wrong-shapes", {"criteria.yaml": "criteria: {id: plan}\n", "evidence.yaml": "evidence: [[1, 2], 3]\n"})
pack("traversal", {"pack.yaml": BASE_PACK["pack.yaml"].replace("criteria: criteria.yaml",
                                                                "criteria: ../base/criteria.yaml")})
pack("absolute-path", {"pack.yaml": BASE_PACK["pack.yaml"].replace("indicators: indicators.yaml",
                                                                    "indicators: /etc/hostname")})
pack("symlink-escape", {"criteria.yaml": None}, {"criteria.yaml": "../base/criteria.yaml"})


if __name__ == "__main__":
    for name, data in files.items():
        with open(os.path.join(HERE, name + ".yaml"), "wb") as f:
            f.write(data)
    for name, (pack_files, symlinks) in packs.items():
        folder = os.path.join(HERE, "packs", name)
        os.makedirs(folder, exist_ok=True)
        for file, content in pack_files.items():
            target = os.path.join(folder, file)
            if os.path.lexists(target):
                os.remove(target)
            if content is not None:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(content)
        for file, link in symlinks.items():
            os.symlink(link, os.path.join(folder, file))
    print(f"{len(files)} files and {len(packs)} packs written to {HERE}")
