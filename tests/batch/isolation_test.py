#!/usr/bin/env python3
"""One bad record never stops or corrupts the rest.

Builds a multi-document stream in which every other record is damaged (each in a
different way), checks it with `ehcp check --format json`, and asserts that
- every good record's object equals the one from checking that document alone
  (apart from `source`, and with diagnostic lines shifted by where it sits in the stream);
- every damaged record has a record object with verdict `invalid` and the expected error;
- when `ehcp screen` exists, its jsonl rows agree the same way.
usage: isolation_test.py EHCP REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

ehcp, root = sys.argv[1], sys.argv[2]
AS_OF = "2026-11-22"

good_names = ["ready-ks2", "not-ready-two-cycles", "early-years", "ks4-functional-skills",
              "not-ready-evidence", "provision-over-budget"]
good = [open(os.path.join(root, "examples", n + ".yaml"), "rb").read() for n in good_names]

base = good[0]
damaged = [  # (bytes, expected error code)
    (b"format: ehcp-record/1\npupil: {id: X, date_of_birth: 2016-05-14\n", "yaml.syntax"),
    (base.replace(b"  date_of_birth: 2016-05-14\n", b"  date_of_birth: 2016-05-14\n  date_of_birth: 2017-01-01\n"),
     "key.duplicate"),
    (base.replace(b"Sam Example", b"Sam\x00Example"), "text.nul"),
    (base.replace(b"Example Primary", b"\xa3Example Primary"), "text.encoding"),
    (b"format: ehcp-record/1\npupil: " + b"[" * 3000 + b"\n", "yaml.too_deep"),
    (base.replace(b"  date_of_birth", b"\tdate_of_birth"), "yaml.tab"),
]

def run(args):
    p = subprocess.run([ehcp] + args, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8")

failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

with tempfile.TemporaryDirectory() as tmp:
    stream = b""
    layout = []  # (kind, index, first line of the document in the stream)
    for i in range(len(good)):
        for kind, data in (("good", good[i]), ("bad", damaged[i % len(damaged)][0])):
            if stream:
                stream += b"---\n"
            # A document's lines start after the `---` (or at the top).
            first_line = stream.count(b"\n") + 1
            layout.append((kind, i, first_line))
            stream += data if data.endswith(b"\n") else data + b"\n"
    path = os.path.join(tmp, "stream.yaml")
    with open(path, "wb") as f:
        f.write(stream)
    status, out = run(["check", "--as-of", AS_OF, "--format", "json", path])
    check(status == 2, f"the stream should exit 2 (some records invalid), got {status}")
    records = json.loads(out)["records"]
    check(len(records) == len(layout), f"{len(layout)} documents in, {len(records)} records out")

    def normalise(rec, line_shift):
        rec = dict(rec)
        rec.pop("source", None)
        for d in rec.get("diagnostics", []):
            if d.get("line"):
                d["line"] -= line_shift
            d.pop("file", None)
        return rec

    alone_cache = {}
    for n, ((kind, i, first_line), rec) in enumerate(zip(layout, records)):
        check(rec["source"]["document"] == n, f"record {n}: source.document is {rec['source']['document']}")
        if kind == "good":
            alone_path = os.path.join(tmp, f"alone-{i}.yaml")
            with open(alone_path, "wb") as f:
                f.write(good[i])
            _, alone_out = run(["check", "--as-of", AS_OF, "--format", "json", alone_path])
            alone = json.loads(alone_out)["records"][0]
            alone_cache[n] = alone
            a, b = normalise(alone, 0), normalise(rec, first_line - 1)
            check(a == b, f"record {n} ({good_names[i]}) differs from checking it alone:\n"
                          f"  alone:  {json.dumps(a)[:400]}\n  stream: {json.dumps(b)[:400]}")
        else:
            code = damaged[i % len(damaged)][1]
            check(rec["verdict"] == "invalid", f"record {n} (damaged, {code}) has verdict {rec['verdict']}")
            codes = [d["code"] for d in rec.get("diagnostics", []) if d["severity"] == "error"]
            check(code in codes, f"record {n}: expected error {code}, got {codes}")

    # `ehcp screen --format jsonl`, once it exists: one row per record, the same objects.
    status, help_out = run(["screen", "--help"])
    if status == 0:
        status, out = run(["screen", "--as-of", AS_OF, "--format", "jsonl", path])
        rows = [json.loads(l) for l in out.splitlines() if l.strip()]
        check(len(rows) == len(layout), f"screen: {len(layout)} documents in, {len(rows)} rows out")
        for n, ((kind, i, first_line), row) in enumerate(zip(layout, rows)):
            if kind == "good":
                a, b = normalise(alone_cache[n], 0), normalise(row, first_line - 1)
                check(a == b, f"screen row {n} ({good_names[i]}) differs from checking it alone:\n"
                              f"  alone:  {json.dumps(a)[:400]}\n  screen: {json.dumps(b)[:400]}")
            else:
                code = damaged[i % len(damaged)][1]
                check(row.get("verdict") == "invalid", f"screen row {n}: damaged record not invalid")
                codes = [d["code"] for d in row.get("diagnostics", []) if d["severity"] == "error"]
                check(code in codes, f"screen row {n}: expected error {code}, got {codes}")
        print(f"screen --format jsonl: {len(rows)} rows checked")

if failures:
    print("FAILED:\n" + "\n".join(failures))
    sys.exit(1)
print(f"ok: {len(layout)} records, every good one identical to checking it alone, every damaged one invalid")
