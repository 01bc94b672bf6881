#!/usr/bin/env python3
"""N records in, N rows out: `ehcp screen` on streams, folders and a mixture of both
(with unreadable records and a missing file among them) gives exactly one row per
record in every format, in the same stable order with one job and with two.
usage: count_test.py EHCP REPO"""
import csv, io, json, os, subprocess, sys, tempfile

ehcp, repo = sys.argv[1], sys.argv[2]
ready = open(os.path.join(repo, "examples/ready-ks2.yaml"), encoding="utf-8").read()
broken = "format: ehcp-record/1\npupil:\n  id: [unclosed\n"
failures = []

def record(i):
    # Every 7th record is unreadable; the rest get their own id and name.
    if i % 7 == 3:
        return broken
    return ready.replace("B801200005001", f"X{i:06d}").replace("Sam Example", f"Pupil {i} Example")

def screen(fmt, paths, jobs):
    p = subprocess.run([ehcp, "screen", "--as-of", "2026-11-22", "--format", fmt, "--jobs", str(jobs), *paths],
                       capture_output=True)
    return p.returncode, p.stdout.decode("utf-8")

def ids_of(fmt, out):
    if fmt == "jsonl":
        return [(r["source"]["file"], r["source"]["document"], r["verdict"]) for r in map(json.loads, out.splitlines())]
    if fmt == "json":
        return [(r["source"]["file"], r["source"]["document"], r["verdict"]) for r in json.loads(out)["records"]]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
        return [(r["file"], int(r["document"]), r["verdict"]) for r in rows]
    # table: the source column may be cut short, so only rows are counted, not compared
    return [None for _ in out.split("\n\nScreened ")[0].splitlines()[2:]]

with tempfile.TemporaryDirectory() as tmp:
    n = 0
    def write(path, count):
        global n
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n---\n".join(record(n + k) for k in range(count)))
        n += count
    stream = os.path.join(tmp, "stream.yaml"); write(stream, 150)
    for k in range(40):  # a folder of files, nested, .yaml and .yml, some holding several records
        write(os.path.join(tmp, "folder", f"sub{k % 3}", f"r{k:03d}.{'yml' if k % 5 == 0 else 'yaml'}"), 1 + k % 3)
    with open(os.path.join(tmp, "folder", "ignored.txt"), "w") as f:
        f.write(ready)  # not *.yaml or *.yml: not read
    in_folder = n - 150
    missing = os.path.join(tmp, "missing.yaml")
    cases = {
        "stream": ([stream], 150, 2),
        "folder": ([os.path.join(tmp, "folder")], in_folder, 2),
        "mixture": ([stream, os.path.join(tmp, "folder"), missing, stream], 150 + in_folder + 1 + 150, 2),
    }
    for name, (paths, expected, status) in cases.items():
        reference = None
        for fmt in ["jsonl", "json", "csv", "table"]:
            for jobs in [1, 2]:
                rc, out = screen(fmt, paths, jobs)
                rows = ids_of(fmt, out)
                if len(rows) != expected:
                    failures.append(f"{name} {fmt} --jobs {jobs}: {len(rows)} rows, expected {expected}")
                if rc != status:
                    failures.append(f"{name} {fmt} --jobs {jobs}: exit {rc}, expected {status}")
                if fmt == "table":
                    continue
                key = [(str(f), int(d)) for f, d, *_ in rows]
                if reference is None:
                    reference = key
                elif key != reference:
                    failures.append(f"{name} {fmt} --jobs {jobs}: order differs from jsonl --jobs 1")
        if name == "stream" and reference != [(stream, i) for i in range(150)]:
            failures.append("stream: rows are not in document order")
    # A batch with no unreadable record exits 0 whatever the verdicts.
    clean = os.path.join(tmp, "clean.yaml")
    with open(clean, "w") as f:
        f.write("\n---\n".join([ready, open(os.path.join(repo, "examples/not-ready-two-cycles.yaml")).read()]))
    rc, out = screen("jsonl", [clean], 2)
    if rc != 0 or len(out.splitlines()) != 2:
        failures.append(f"clean batch: exit {rc} with {len(out.splitlines())} rows, expected 0 with 2")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"N in, N out: all cases passed ({n} records written)")
