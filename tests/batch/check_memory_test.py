#!/usr/bin/env python3
"""`ehcp check` streams: a long stream costs the memory of one record, not of all of them
(issue 10: `check --format json` held a 43 MB stream whole, 1.46 GB). Checks 2,000 copies
of an example (7.5 MB) in text and JSON to -o and to standard output, and fails when the
peak resident memory passes 120 MB (it was about 250 MB for this stream before; it is
about 16 MB now), or when the JSON is not one whole document of 2,000 records.

usage: check_memory_test.py EHCP REPO [--sanitized]
With --sanitized (an AddressSanitizer build, whose shadow memory and quarantine cost
hundreds of MB whatever the input) the peak is printed but not bounded."""
import json, os, subprocess, sys, tempfile

ehcp, repo = sys.argv[1], sys.argv[2]
sanitized = "--sanitized" in sys.argv[3:]
record = open(os.path.join(repo, "examples", "ready-ks2.yaml"), encoding="utf-8").read()
failures = []
if not os.path.exists("/usr/bin/time"):
    print("note: GNU time (Debian package `time`) is not installed; memory not measured")
    sys.exit(0)
with tempfile.TemporaryDirectory() as tmp:
    stream = os.path.join(tmp, "stream.yaml")
    with open(stream, "w", encoding="utf-8") as f:
        f.write("\n---\n".join([record] * 2000))
    for fmt in ("json", "text"):
        out = os.path.join(tmp, "out." + fmt)
        # GNU time's %M: the peak resident memory of ehcp itself (a forked Python's own
        # pages would count in RUSAGE_CHILDREN).
        p = subprocess.run(["/usr/bin/time", "-f", "%M", ehcp, "--as-of", "2026-11-22", "-o", out, "check",
                            "--format", fmt, stream], capture_output=True, timeout=300)
        peak = int(p.stderr.decode().strip().splitlines()[-1])  # KiB
        if p.returncode not in (0, 1):
            failures.append(f"{fmt}: exit {p.returncode}: {p.stderr[:300]!r}")
        print(f"{fmt}: peak memory {peak // 1024} MB")
        if peak > 120 * 1024 and not sanitized:
            failures.append(f"{fmt}: peak memory {peak // 1024} MB for a 7.5 MB stream")
        if fmt == "json":
            with open(out, encoding="utf-8") as f:
                n = len(json.load(f)["records"])
            if n != 2000:
                failures.append(f"json: {n} records, not 2000")
for f in failures:
    print("FAIL: " + f)
print("check memory: " + ("failed" if failures else "bounded"))
sys.exit(1 if failures else 0)
