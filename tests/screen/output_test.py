#!/usr/bin/env python3
"""`ehcp screen -o FILE` writes through a temporary file beside FILE and renames it at
the end: the file is the same as standard output would be, no temporary file is left,
an unwritable place exits 74 and leaves nothing, and an existing FILE is only replaced
by a complete one. usage: output_test.py EHCP REPO"""
import os, subprocess, sys, tempfile

ehcp, repo = sys.argv[1], sys.argv[2]
failures = []
args = ["screen", "--as-of", "2026-11-22", "tests/screen/mixed"]

def run(*extra):
    return subprocess.run([ehcp, *extra, *args[1:]] if extra and extra[0] == "screen" else [ehcp, *args, *extra],
                          cwd=repo, capture_output=True)

with tempfile.TemporaryDirectory() as tmp:
    for fmt in ["table", "csv", "jsonl", "json"]:
        target = os.path.join(tmp, f"out.{fmt}")
        with open(target, "w") as f:
            f.write("old contents\n")
        to_stdout = subprocess.run([ehcp, *args, "--format", fmt], cwd=repo, capture_output=True)
        to_file = subprocess.run([ehcp, *args, "--format", fmt, "-o", target], cwd=repo, capture_output=True)
        if to_file.returncode != to_stdout.returncode:
            failures.append(f"{fmt}: exit {to_file.returncode} with -o, {to_stdout.returncode} without")
        if to_file.stdout:
            failures.append(f"{fmt}: -o still printed to standard output")
        if open(target, "rb").read() != to_stdout.stdout:
            failures.append(f"{fmt}: the -o file differs from standard output")
    left = sorted(os.listdir(tmp))
    if left != ["out.csv", "out.json", "out.jsonl", "out.table"]:
        failures.append(f"files left behind: {left}")
    bad = subprocess.run([ehcp, *args, "--format", "csv", "-o", os.path.join(tmp, "no", "such", "dir", "out.csv")],
                         cwd=repo, capture_output=True, text=True)
    if bad.returncode != 74 or "cannot write" not in bad.stderr:
        failures.append(f"unwritable -o: exit {bad.returncode}, stderr {bad.stderr!r}")
    bad = subprocess.run([ehcp, *args, "--format", "xlsx", "-o", os.path.join(tmp, "no", "such", "out.xlsx")],
                         cwd=repo, capture_output=True, text=True)
    if bad.returncode != 74:
        failures.append(f"unwritable xlsx -o: exit {bad.returncode}, stderr {bad.stderr!r}")
    if sorted(os.listdir(tmp)) != left:
        failures.append(f"a failed run left files: {sorted(os.listdir(tmp))}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("-o: all checks passed")
