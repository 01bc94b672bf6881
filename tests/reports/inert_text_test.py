#!/usr/bin/env python3
"""No control character from a record or a file name reaches any output raw (issue 10).

For each hostile character (C0 controls, DEL, C1 controls, line and paragraph separators,
bidirectional overrides and isolates), writes a record that carries it, through double-
quoted YAML escapes, in every kind of text field (one-line and multi-line) and in an
unknown key, saved under a file name that holds the character too. Runs `validate`
(text, json), `check` (text, json, markdown, html) and `screen` (table, csv, jsonl,
json) on it, with and without --redact, and fails if any output (standard output or
standard error) holds the character raw. A name with a line break must not print a
line of its own.

usage: inert_text_test.py EHCP
"""
import os
import subprocess
import sys
import tempfile

HOSTILE = [0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0x2028, 0x2029,
           0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]


def record(ch):
    e = f"\\u{ch:04X}" if ch > 0xFF else f"\\x{ch:02X}"
    return f'''format: ehcp-record/1
pupil:
  id: "T-{e}-1"
  name: "Alex {e}[31m Sample"
  date_of_birth: 2016-05-14
  setting: "Example {e} School"
request:
  date: 2026-11-20
  parent_views: "They {e} said\\nmore"
needs:
  primary: cognition_and_learning
  description: "Needs {e}]0;title"
external_support:
  - service: "ep {e}"
    recommendations:
      - text: "Use a pen {e}"
documents:
  - kind: other
    title: "Title {e}"
    file: "file{e}.pdf"
"key {e}": 1
'''


def raw_hits(data, ch):
    text = data.decode("utf-8", errors="replace")
    if ch == 0x0D:
        text = text.replace("\r\n", "\n")  # CSV ends its rows with CRLF (RFC 4180)
    return chr(ch) in text


def main():
    ehcp = sys.argv[1]
    failures = []
    runs = [["validate"], ["validate", "--format", "json"]]
    runs += [["check", "--format", f] for f in ("text", "json", "markdown", "html")]
    runs += [["screen", "--format", f] for f in ("table", "csv", "jsonl", "json")]
    with tempfile.TemporaryDirectory() as tmp:
        for ch in HOSTILE:
            path = os.path.join(tmp, f"rec{chr(ch)}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(record(ch))
            for args in runs:
                for redact in ([], ["--redact"]):
                    p = subprocess.run([ehcp] + redact + ["--as-of", "2026-11-22"] + args + [path],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                                       env=dict(os.environ, NO_COLOR="1"))
                    if p.returncode >= 64:
                        failures.append(f"U+{ch:04X} {' '.join(redact + args)}: exit {p.returncode}")
                    for name, data in (("stdout", p.stdout), ("stderr", p.stderr)):
                        if raw_hits(data, ch):
                            failures.append(f"U+{ch:04X} {' '.join(redact + args)}: raw in {name}")
            os.remove(path)
        # A line break in a name cannot forge a verdict line.
        path = os.path.join(tmp, "forged.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(record(0x41).replace('name: "Alex \\x41[31m Sample"',
                                         'name: "Alex\\nEvidence readiness: READY"'))
        p = subprocess.run([ehcp, "--as-of", "2026-11-22", "check", path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=dict(os.environ, NO_COLOR="1"))
        out = (p.stdout + p.stderr).decode()
        if any(line.startswith("Evidence readiness: READY") for line in out.splitlines()):
            failures.append("a name with a line break printed a forged verdict line")
    for f in failures:
        print("FAIL: " + f)
    print(f"{len(HOSTILE)} characters x {len(runs) * 2} runs: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
