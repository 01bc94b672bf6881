#!/usr/bin/env python3
"""--redact leaves every free-text value of a record out of every output format.

Reads tests/reports/hostile.yaml (invented), collects the value of every free-text
field (the same list as kFreeTextPaths in src/rules/engine.cpp), runs `ehcp check`
in each format, and `ehcp screen` in each of its formats when this build has it,
with --redact, and fails if any value, or the unique Q...Z token inside it, appears.
The same `check` runs without --redact must show the tokens, so the test cannot pass by
accident. Ids, dates, figures, statuses and the setting stay.

usage: redaction_test.py EHCP REPO_ROOT
"""
import os
import re
import subprocess
import sys
import zipfile

import yaml

FREE_TEXT_PATHS = [
    "pupil.name",
    "request.parent_views", "request.pupil_views",
    "needs.description", "needs.diagnoses.condition", "needs.diagnoses.by", "needs.diagnoses.impact",
    "attainment.assessment", "cognitive_assessments.assessment", "cognitive_assessments.by",
    "support_cycles.notes", "support_cycles.outcomes.description",
    "provision.name", "provision.outcome",
    "external_support.service", "external_support.recommendations.text",
    "indicators.evidence",
    "wellbeing.evidence.summary", "wellbeing.additional_provision_needed",
    "post18.reason", "post18.programme",
    "documents.title", "documents.file",
]


def values_at(node, parts):
    if not parts:
        return [node] if isinstance(node, str) and node else []
    if isinstance(node, list):
        return [v for item in node for v in values_at(item, parts)]
    if isinstance(node, dict) and parts[0] in node:
        return values_at(node[parts[0]], parts[1:])
    return []


def run(ehcp, root, args):
    if "xlsx" in args:  # a workbook needs a file: write it to a temporary one, read it back
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            out_file = os.path.join(tmp, "out.xlsx")
            p = subprocess.run([ehcp, "-o", out_file] + args, cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
            if p.returncode not in (0, 1, 2):
                raise SystemExit(f"FAIL: {' '.join(args)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
            with zipfile.ZipFile(out_file) as z:
                return "\n".join(z.read(n).decode("utf-8", errors="replace") for n in z.namelist())
    p = subprocess.run([ehcp] + args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=dict(os.environ, NO_COLOR="1"))
    if p.returncode not in (0, 1, 2):
        raise SystemExit(f"FAIL: {' '.join(args)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
    return (p.stdout + b"\n" + p.stderr).decode("utf-8", errors="replace")


def main():
    ehcp, root = sys.argv[1], sys.argv[2]
    record_path = "tests/reports/hostile.yaml"
    with open(os.path.join(root, record_path), encoding="utf-8") as f:
        record = yaml.safe_load(f)
    values = []
    for path in FREE_TEXT_PATHS:
        found = values_at(record, path.split("."))
        if not found:
            raise SystemExit(f"FAIL: {record_path} has no value at {path}; the test would prove nothing for it")
        values += found
    tokens = sorted({t for v in values for t in re.findall(r"Q[a-z]+Z", v)})
    if len(tokens) < len(FREE_TEXT_PATHS):
        raise SystemExit("FAIL: every free-text value needs its own Q...Z token")

    runs = [["check", "--format", fmt] for fmt in ("text", "json", "markdown", "html")]
    runs += [["validate"], ["validate", "--format", "json"]]
    screen = subprocess.run([ehcp, "screen", "--help"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if screen.returncode == 0:
        help_text = screen.stdout.decode(errors="replace")
        for fmt in ("table", "csv", "jsonl", "json", "xlsx"):
            if fmt in help_text:
                runs.append(["screen", "--format", fmt])
    else:
        print("note: this build has no `ehcp screen`; only `check` formats are tested")

    failures = []
    for args in runs:
        full = ["--as-of", "2026-11-22"] + args + [record_path]
        plain = run(ehcp, root, full)
        # Every check format shows free text unredacted; screen rows may show little or none.
        if args[0] == "check" and not any(t in plain for t in tokens):
            failures.append(f"{' '.join(args)}: without --redact no free text shows, so this run proves nothing")
        redacted = run(ehcp, root, ["--redact"] + full)
        for v in values:
            if v in redacted:
                failures.append(f"{' '.join(args)} --redact: shows the value {v!r}")
        for t in tokens:
            if t in redacted:
                failures.append(f"{' '.join(args)} --redact: shows the token {t}")
        for kept in ("L801200909009", "Example Primary School"):
            if args[0] != "validate" and kept not in redacted:
                failures.append(f"{' '.join(args)} --redact: should still show {kept!r}")
        print(f"ok: {' '.join(args)} --redact shows none of {len(values)} free-text values")
    failures += invalid_record_leaks(ehcp, root, runs)
    failures += file_name_leaks(ehcp, root, runs, record_path)
    if failures:
        print("\n".join("FAIL: " + f for f in failures))
        return 1
    return 0


def invalid_record_leaks(ehcp, root, runs):
    """An invalid record's diagnostics must not quote free text either: an over-long value
    (value.too_long quoted its first bytes), a missing document file, a bad service."""
    import tempfile
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "invalid.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("format: ehcp-record/1\npupil:\n  id: L801200909009\n  date_of_birth: 2016-05-14\n"
                    "  name: " + "QlongnameZ " * 7000 + "\n"
                    "needs:\n  description: " + "QlongdescriptionZ " * 4000 + "\n"
                    "external_support:\n  - {service: QlongserviceZ" + "x" * 70000 + "}\n"
                    "documents:\n  - {kind: other, title: " + "QlongtitleZ " * 7000 + "}\n"
                    "  - {kind: other, title: QtitleZ, file: QfilenameZ-missing.pdf}\n")
        tokens = ["QlongnameZ", "QlongdescriptionZ", "QlongserviceZ", "QlongtitleZ", "QtitleZ", "QfilenameZ"]
        plain = run(ehcp, root, ["--as-of", "2026-11-22", "validate", path])
        if not all(t in plain for t in ("QlongnameZ", "QfilenameZ")):
            failures.append("validate without --redact quotes no value of the invalid record: this proves nothing")
        for args in runs:
            out = run(ehcp, root, ["--redact", "--as-of", "2026-11-22"] + args + [path])
            for t in tokens:
                if t in out:
                    failures.append(f"{' '.join(args)} --redact on an invalid record: shows {t}")
        print(f"ok: {len(runs)} runs on an invalid record checked for {len(tokens)} tokens")
    return failures


def file_name_leaks(ehcp, root, runs, record_path):
    """--redact leaves out the record's file name and folder (schools name files after
    pupils) in every format, and names the file by its position instead: `file 1`. A
    missing file is named so too, on standard error and in JSON."""
    import shutil
    import tempfile
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "QfolderZ")
        os.mkdir(folder)
        path = os.path.join(folder, "QpupilfileZ-lily.yaml")
        shutil.copy(os.path.join(root, record_path), path)
        missing = os.path.join(folder, "QmissingfileZ.yaml")
        tokens = ["QfolderZ", "QpupilfileZ", "QmissingfileZ"]
        for args in runs:
            for inputs in ([path], [path, missing], [folder]):
                plain = run(ehcp, root, ["--as-of", "2026-11-22"] + args + inputs)
                if "QpupilfileZ" not in plain and args != ["validate"]:
                    failures.append(f"{' '.join(args)} without --redact does not name the file: this proves nothing")
                out = run(ehcp, root, ["--redact", "--as-of", "2026-11-22"] + args + inputs)
                for t in tokens:
                    if t in out:
                        failures.append(f"{' '.join(args)} --redact {len(inputs)} input(s): shows the file name token {t}")
                if args != ["validate"] and "file 1" not in out:
                    failures.append(f"{' '.join(args)} --redact: does not name the record `file 1`")
                if len(inputs) == 2 and "file 2" not in out:
                    failures.append(f"{' '.join(args)} --redact: does not name the missing file `file 2`")
        print(f"ok: {len(runs)} formats x 3 inputs --redact name no file or folder")
    return failures


if __name__ == "__main__":
    sys.exit(main())
