#!/usr/bin/env python3
"""Times `ehcp validate` on one record written on one line (minified JSON and YAML flow
style), against the same record in block style: the time must grow linearly with the
record, whatever its style (issue 10: a 2.8 MB one-line record took about 60 s, because
positions asked out of order re-counted the line's characters from its start).

usage: bench/one_line.py [--ehcp build/ehcp] [--mb 3] [--bound 15]
Exits 1 when a one-line record takes longer than --bound seconds (generous: 0.8 s on the
development machine for 3 MB) or more than 10 times its block-style twin."""
import argparse, json, os, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--ehcp", default=os.path.join(os.path.dirname(here), "build", "ehcp"))
ap.add_argument("--mb", type=float, default=3)
ap.add_argument("--bound", type=float, default=15)
a = ap.parse_args()

entry = {"area": "reading", "date": "2026-10-01", "working_at_year": 1.5, "assessment": "Salford \u00e9preuve"}
n = int(a.mb * 1e6 / len(json.dumps(entry)))
record = {"format": "ehcp-record/1", "pupil": {"id": "T-1", "date_of_birth": "2016-05-14"},
          "attainment": [entry] * n}
flow = json.dumps(record, ensure_ascii=False).replace('"', "")  # YAML flow style, unquoted
block = "format: ehcp-record/1\npupil:\n  id: T-1\n  date_of_birth: 2016-05-14\nattainment:\n" + "".join(
    "  - area: reading\n    date: 2026-10-01\n    working_at_year: 1.5\n    assessment: Salford \u00e9preuve\n"
    for _ in range(n))
failures = []
with tempfile.TemporaryDirectory() as tmp:
    times = {}
    for name, text in (("block", block), ("json", json.dumps(record, ensure_ascii=False)), ("flow", flow)):
        path = os.path.join(tmp, name + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        start = time.time()
        p = subprocess.run([a.ehcp, "--max-record-size", str(64 << 20), "validate", "--as-of", "2026-11-22", path],
                           capture_output=True)
        times[name] = time.time() - start
        print(f"{name:5}  {len(text.encode()) / 1e6:5.1f} MB  {n} entries  {times[name]:6.2f} s  exit {p.returncode}")
        if p.returncode != 0:
            failures.append(f"{name}: exit {p.returncode}: {p.stdout[-300:]!r}")
    for name in ("json", "flow"):
        if times[name] > a.bound or times[name] > 10 * max(times["block"], 0.1):
            failures.append(f"{name}: {times[name]:.1f} s (block style {times['block']:.1f} s)")
for f in failures:
    print("FAIL: " + f)
sys.exit(1 if failures else 0)
