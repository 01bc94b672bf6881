#!/usr/bin/env python3
"""Deterministic generator of realistic invented ehcp-record/1 records for benchmarks.

Each record is 2-5 KB: a pupil (invented name, one of 40 invented settings), a request
with views, needs with a description and diagnoses, attainment over two years, 2-5
support cycles with outcomes, 2-4 costed provision entries, 1-3 outside services with
recommendations, declared indicators, wellbeing evidence for some, and documents.
About 2% are unreadable (a day/month/year date), so the invalid path is timed too.
The same seed and count always give the same bytes.

usage: generate.py COUNT OUT.yaml            one multi-document stream
       generate.py COUNT OUTDIR --folder     one file per record, 1,000 per subfolder
"""
import os, random, sys
from datetime import date, timedelta

FIRST = ["Sam", "Alex", "Jordan", "Riley", "Casey", "Morgan", "Robin", "Taylor", "Jamie", "Charlie", "Zoë", "Siân",
         "Åsa", "Niamh", "Oluwaseun", "Priya", "Mateusz", "Aroha", "Kai", "Imani"]
LAST = ["Example", "Sample", "Placeholder", "Invented", "Madeup", "Test", "Specimen", "Dummy", "Fictional", "Pretend"]
SETTINGS = [f"Example {k} {t}" for k in ["Oak", "Ash", "Elm", "Birch", "Cedar", "Hazel", "Rowan", "Willow", "Maple", "Holly"]
            for t in ["Primary School", "Academy", "Infant School", "Secondary School"]]
AREAS = ["cognition_and_learning", "communication_and_interaction", "social_emotional_mental_health",
         "sensory_and_physical"]
PROGRESS = ["none", "little", "little", "none", "little", "some", "expected"]
DELIVERERS = [("teaching_assistant", 19.5), ("higher_level_teaching_assistant", 23.0), ("teacher", 38.0),
              ("specialist_teacher", 48.0), ("external_professional", 65.0)]
SERVICES = ["educational_psychology", "speech_and_language_therapy", "occupational_therapy", "camhs",
            "complex_communication_team", "semhl", "sensory_support", "paediatrics"]
INDICATORS = {"cognition_and_learning": ["cl1", "cl2", "cl3"], "communication_and_interaction": ["ci1", "ci2"],
              "social_emotional_mental_health": ["semh1", "semh2"], "sensory_and_physical": ["sp1", "sp2"]}
WORDS = ("reading writing phonics blending memory attention listening language vocabulary sentences social "
         "friendships regulation anxiety transitions routines sensory motor handwriting numbers fractions "
         "instructions classroom playground adult support small group visual timetable").split()
AS_OF = date(2026, 11, 22)


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return (" ".join(words)).capitalize() + "."


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def record(i, rng):
    year = rng.randint(1, 11)
    dob = date(AS_OF.year - year - 6 + (1 if AS_OF.month < 9 else 0), rng.randint(9, 12), rng.randint(1, 28))
    dob = dob.replace(year=dob.year - 1) if rng.random() < 0.5 else dob
    primary = rng.choice(AREAS)
    secondary = rng.sample([a for a in AREAS if a != primary], rng.randint(0, 2))
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    req = AS_OF - timedelta(days=rng.randint(0, 20))
    bad_date = rng.random() < 0.02
    out = ["format: ehcp-record/1", "pupil:", f"  id: GEN-{i:07d}", f"  name: {q(name)}",
           f"  date_of_birth: {dob.strftime('%d/%m/%Y') if bad_date else dob.isoformat()}",
           f"  setting: {SETTINGS[rng.randrange(len(SETTINGS))]}", "  sen_status: sen_support"]
    if rng.random() < 0.06:
        out.append("  looked_after: true")
    out += ["request:", f"  date: {req.isoformat()}", "  made_by: school",
            f"  parent_views: {q(sentence(rng, 4, 10))}", f"  pupil_views: {q(sentence(rng, 3, 8))}",
            f"  parental_consent: {'true' if rng.random() < 0.9 else 'false'}",
            "needs:", f"  primary: {primary}", f"  secondary: [{', '.join(secondary)}]",
            f"  description: {q(sentence(rng, 5, 12))}", "  diagnoses:"]
    for _ in range(rng.choice([1, 1, 2])):
        out += [f"    - condition: {rng.choice(['dyslexia', 'autism', 'ADHD', 'developmental language disorder', 'dyspraxia'])}",
                f"      date: {(AS_OF - timedelta(days=rng.randint(200, 900))).isoformat()}",
                "      by: Educational Psychologist", f"      impact: {q(sentence(rng, 5, 12))}"]
    out.append("attainment:")
    for area in ["reading", "writing", "maths"]:
        for yr in (2025, 2026):
            w = max(-1, year - rng.choice([1, 2, 3, 4, 4.5, 5]) - (0.5 if yr == 2026 else 0))
            out.append(f"  - {{area: {area}, date: {yr}-10-01, working_at_year: {w}, standardised_score: {rng.randint(60, 95)}}}")
    out.append(f"attendance: {{percent: {rng.randint(820, 995) / 10}, period_start: 2025-09-01, period_end: 2026-07-20}}")
    out.append("support_cycles:")
    start = AS_OF - timedelta(days=120 * 5)
    for c in range(rng.randint(2, 5)):
        review = start + timedelta(days=rng.randint(70, 90))
        out += [f"  - start: {start.isoformat()}"]
        if review <= AS_OF:
            out += [f"    review: {review.isoformat()}", f"    progress: {rng.choice(PROGRESS)}"]
        out += ["    parents_involved: true", f"    pupil_views_sought: {'true' if rng.random() < 0.8 else 'false'}",
                "    outcomes:"]
        for _ in range(rng.randint(1, 2)):
            out.append(f"      - {{description: {q(sentence(rng, 3, 6))}, result: {rng.choice(['met', 'partly_met', 'not_met'])}}}")
        start = review + timedelta(days=10)
    out.append("provision:")
    for p in range(rng.randint(2, 4)):
        who, rate = rng.choice(DELIVERERS)
        out += [f"  - name: {q(sentence(rng, 2, 5)[:-1])}", f"    area: {rng.choice([primary] + secondary)}",
                f"    delivered_by: {who}", f"    session_minutes: {rng.choice([15, 20, 30, 45, 60])}",
                f"    sessions_per_week: {rng.randint(1, 5)}", f"    group_size: {rng.randint(1, 4)}",
                f"    weeks: {rng.randint(10, 38)}"]
        if rng.random() < 0.8:
            out.append(f"    hourly_rate: {rate}")
        out += [f"    outcome: {q(sentence(rng, 3, 6))}", f"    review_date: {(AS_OF + timedelta(days=rng.randint(5, 60))).isoformat()}"]
    out.append("external_support:")
    for s in rng.sample(SERVICES, rng.randint(1, 3)):
        involved = AS_OF - timedelta(days=rng.randint(200, 700))
        out += [f"  - service: {s}", f"    involved_from: {involved.isoformat()}",
                f"    report_date: {(involved + timedelta(days=60)).isoformat()}", "    recommendations:"]
        for _ in range(rng.randint(1, 2)):
            out.append(f"      - {{text: {q(sentence(rng, 3, 6))}, implemented: {'true' if rng.random() < 0.95 else 'false'}, "
                       f"evaluated: {'true' if rng.random() < 0.85 else 'false'}}}")
    out.append("indicators:")
    for ind in rng.sample(INDICATORS[primary], rng.randint(1, len(INDICATORS[primary]))):
        out.append(f"  - {{id: {ind}, evidence: {q(sentence(rng, 3, 8))}}}")
    if primary == "social_emotional_mental_health" or rng.random() < 0.2:
        out += ["wellbeing:", "  evidence:"]
        for _ in range(rng.randint(1, 3)):
            out.append(f"    - {{kind: {rng.choice(['behaviour_log', 'observation_notes', 'camhs_report'])}, "
                       f"date: {(AS_OF - timedelta(days=rng.randint(10, 300))).isoformat()}, summary: {q(sentence(rng, 4, 8))}}}")
        out.append(f"  additional_provision_needed: {q(sentence(rng, 6, 12))}")
    out += ["documents:", "  - {kind: my_support_plan, date: 2026-09-10}"]
    for _ in range(rng.choice([1, 2, 3, 3, 3])):
        out.append(f"  - {{kind: my_support_plan_review, date: {(AS_OF - timedelta(days=rng.randint(30, 400))).isoformat()}}}")
    out += ["  - {kind: professional_report, date: 2026-06-20, title: Educational Psychology report}",
            "  - {kind: parent_views, date: 2026-10-15}"]
    if rng.random() < 0.85:
        out.append("  - {kind: pupil_views, date: 2026-10-15}")
    return "\n".join(out) + "\n"


def sized_record(i, rng):
    # Draw again until the record is 2-5 KB (deterministic: the draws come from the same rng).
    while True:
        text = record(i, rng)
        if 2048 <= len(text.encode("utf-8")) <= 5120:
            return text


def main():
    count, target = int(sys.argv[1]), sys.argv[2]
    folder = "--folder" in sys.argv[3:]
    rng = random.Random(20261122)
    if folder:
        for i in range(count):
            sub = os.path.join(target, f"{i // 1000:04d}")
            if i % 1000 == 0:
                os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"record-{i:07d}.yaml"), "w", encoding="utf-8") as f:
                f.write(sized_record(i, rng))
    else:
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            for i in range(count):
                if i:
                    f.write("---\n")
                f.write(sized_record(i, rng))


if __name__ == "__main__":
    main()
