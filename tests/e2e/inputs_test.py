#!/usr/bin/env python3
"""How `check`, `validate` and `screen` take their input (issue 11, points 4 and 8):
folders as `screen` reads them (same files, same order), standard input when no file is
given and it is not a terminal, a usage error on a terminal, `-`, a missing file as one
line on standard error, the one-line summary of what -o wrote (none with -q), `.YAML` and
`.Yml` read, ignored files counted, a screening that finds no record, and the terminal
table's width, columns and colours.

usage: inputs_test.py EHCP REPO_ROOT
"""
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

ehcp, repo = sys.argv[1], sys.argv[2]
failures = []
AS_OF = ["--as-of", "2026-11-22"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check(cond, what):
    if not cond:
        failures.append(what)


def run(args, stdin=subprocess.DEVNULL, env=None, cwd=repo):
    e = dict(os.environ, NO_COLOR="1")
    e.pop("COLUMNS", None)
    e.update(env or {})
    p = subprocess.run([ehcp] + args, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


with tempfile.TemporaryDirectory() as tmp:
    # A folder of records under mixed-case extensions, in subfolders, with files to ignore.
    folder = os.path.join(tmp, "requests")
    os.makedirs(os.path.join(folder, "school-b"))
    shutil.copy(os.path.join(repo, "examples/ready-ks2.yaml"), os.path.join(folder, "b.YAML"))
    shutil.copy(os.path.join(repo, "examples/not-ready-two-cycles.yaml"), os.path.join(folder, "a.Yml"))
    shutil.copy(os.path.join(repo, "examples/parent-request.yaml"), os.path.join(folder, "school-b", "c.yaml"))
    for junk in ("notes.txt", "scan.pdf"):
        with open(os.path.join(folder, junk), "w") as f:
            f.write("not a record\n")

    # --- folders: check, validate and screen read the same files in the same order ---
    code, out, err = run(["check", "--format", "json"] + AS_OF + [folder])
    check(code == 1, f"check FOLDER exits 1 (a not-ready record), got {code}: {err}")
    check_files = [r["source"]["file"] for r in json.loads(out)["records"]]
    code, out, err2 = run(["screen", "--format", "jsonl"] + AS_OF + [folder])
    screen_files = [json.loads(l)["source"]["file"] for l in out.splitlines()]
    check(check_files == screen_files and len(check_files) == 3,
          f"check and screen read the folder alike: {check_files} vs {screen_files}")
    check([os.path.basename(f) for f in check_files] == ["a.Yml", "b.YAML", "c.yaml"],
          f".YAML and .Yml are read, in byte order of their paths: {check_files}")
    check("2 files ignored: not a .yaml or .yml file" in err, f"check counts the ignored files: {err!r}")
    check("notes.txt" not in err, "check names the ignored files only with --verbose")
    code, out, err = run(["check", "-v"] + AS_OF + [folder])
    check("notes.txt" in err and "scan.pdf" in err, f"check --verbose names every ignored file: {err!r}")
    code, out, err = run(["validate"] + AS_OF + [folder])
    check(code == 0 and "3 records read: 3 valid" in out, f"validate FOLDER: {code} {out!r}")
    check("2 files ignored" in err, f"validate counts the ignored files: {err!r}")
    check("2 files ignored: not a .yaml or .yml file" in err2, f"screen's summary counts the ignored files: {err2!r}")
    code, out, err = run(["screen", "-v", "--format", "csv"] + AS_OF + [folder])
    check("ehcp: ignored " in err and "notes.txt" in err, f"screen --verbose lists the ignored files: {err!r}")
    code, out, err = run(["screen", "-q", "--format", "csv"] + AS_OF + [folder])
    check(err == "", f"screen -q says nothing about ignored files: {err!r}")

    # --- standard input ---
    record = os.path.join(repo, "examples/ready-ks2.yaml")
    by_name = run(["check"] + AS_OF + [record])
    for args in (["check"], ["check", "-"]):
        with open(record, "rb") as f:
            code, out, err = run(args + AS_OF, stdin=f)
        check(code == by_name[0] == 0, f"{args} < FILE exits {code}, as with the file named")
        tail = lambda t: t[t.find("Evidence readiness"):]
        check("-#0" in out and tail(out) == tail(by_name[1]) and tail(out),
              f"{args} < FILE gives the same report as the file named, its source `-`")
    for cmd in ("validate", "screen"):
        with open(record, "rb") as f:
            code, out, err = run([cmd] + AS_OF, stdin=f)
        check(code == 0, f"{cmd} < FILE reads standard input: {code} {err!r}")
    # No file and a terminal: a usage error that says how to give one.
    for cmd in ("check", "validate", "screen"):
        master, slave = pty.openpty()
        try:
            code, out, err = run([cmd] + AS_OF, stdin=slave)
        finally:
            os.close(master)
            os.close(slave)
        check(code == 64 and f"ehcp {cmd} pupil.yaml" in err and "<" in err,
              f"{cmd} with no file on a terminal is a usage error saying how to give one: {code} {err!r}")
    # An empty pipe is read like a file: it holds no record.
    code, out, err = run(["check"] + AS_OF)
    check(code == 2 and err.startswith("ehcp: ") and "empty" in err, f"check < /dev/null: {code} {err!r}")

    # --- a missing file: one line on standard error, for check, validate and screen ---
    for cmd in ("check", "validate", "screen"):
        code, out, err = run([cmd] + AS_OF + ["examples/no-such-file.yaml", record])
        lines = [l for l in err.splitlines() if "no-such-file" in l]
        check(code == 2, f"{cmd} with a missing file exits 2, got {code}")
        check(len(lines) == 1 and lines[0].startswith("ehcp: examples/no-such-file.yaml: error: "),
              f"{cmd}: one line `ehcp: PATH: error: ...` on standard error: {err!r}")
        if cmd != "screen":
            check("no-such-file" not in out, f"{cmd}: the missing file is not reported on standard output: {out!r}")

    # --- -o: one line on standard error saying what was written; none with -q ---
    o = os.path.join(tmp, "out")
    cases = [
        (["check", "--format", "html"], "examples/not-ready-two-cycles.yaml", r"^ehcp: wrote \S+: NOT READY, 3 gaps\n$"),
        (["check"], "examples/ready-ks2.yaml", r"^ehcp: wrote \S+: READY\n$"),
        (["check", "--format", "json"], folder, r"^ehcp: 2 files ignored.*\nehcp: wrote \S+: 3 records: 1 ready, 2 not ready, 0 invalid; \d+ gaps\n$"),
        (["validate"], "examples/invalid.yaml", r"^ehcp: wrote \S+: 1 record read: 0 valid, 1 invalid, 1 warning\n$"),
        (["screen", "--format", "csv"], "tests/screen/mixed/batch.yaml", r"wrote \S+: 5 records, 2 ready, 2 not ready, 1 invalid\n"),
    ]
    for args, path, pattern in cases:
        code, out, err = run(["-o", o] + args + AS_OF + [path])
        check(re.search(pattern, err, re.S) and out == "", f"{args} -o: {err!r} (stdout {out!r})")
        code, out, err = run(["-q", "-o", o] + args + AS_OF + [path])
        check("wrote" not in err, f"{args} -q -o says nothing: {err!r}")
        code, out, err = run(args + AS_OF + [path])
        check("wrote" not in err, f"{args} without -o says nothing of writing: {err!r}")

    # --- screen finds no record: a message and exit 2 ---
    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)
    with open(os.path.join(empty, "notes.txt"), "w") as f:
        f.write("x\n")
    for fmt in ("table", "csv", "json"):
        code, out, err = run(["screen", "--format", fmt] + AS_OF + [empty])
        check(code == 2 and "ehcp: no record found (1 file ignored: not a .yaml or .yml file)" in err,
              f"screen --format {fmt} of a folder with no record: {code} {err!r}")

    # --- the terminal table: width, columns, colour ---
    mixed = ["tests/screen/mixed"]
    code, out, err = run(["screen"] + AS_OF + mixed, env={"COLUMNS": "80"})
    rows = out.split("\n\n")[0].splitlines()
    check(all(len(l) <= 80 for l in rows), f"COLUMNS=80: every row fits: {max(map(len, rows))}")
    check(rows[0].split()[:7] == ["source", "id", "name", "verdict", "made_by", "gaps", "first"],
          f"the compact default columns: {rows[0]!r}")
    check(any(l.endswith("\u2026") for l in rows), "a row too long for 80 columns is cut with an ellipsis")
    code, out, err = run(["screen"] + AS_OF + mixed)
    check(max(len(l) for l in out.split("\n\n")[0].splitlines()) > 80, "with no terminal and no COLUMNS, rows are not cut")
    code, out, err = run(["screen", "--columns", "id,verdict,gaps"] + AS_OF + mixed)
    check(out.splitlines()[0].split() == ["id", "verdict", "gaps"], f"--columns chooses: {out.splitlines()[0]!r}")
    code, out, err = run(["screen", "--columns", "wide"] + AS_OF + mixed)
    head = out.splitlines()[0].split()
    check("attainment" in head and "provision" in head and "final" in head, f"--columns wide shows them all: {head}")
    code, out, err = run(["screen", "--columns", "id,verdit"] + AS_OF + mixed)
    check(code == 64 and "did you mean `verdict`" in err and "first_gap" in err, f"--columns with a bad name: {code} {err!r}")
    code, out, err = run(["screen", "--redact", "--columns", "id,name,verdict"] + AS_OF + mixed)
    check(out.splitlines()[0].split() == ["id", "verdict"], f"--redact leaves the name column out: {out.splitlines()[0]!r}")
    code, out, err = run(["screen", "--color", "always"] + AS_OF + mixed)
    check("\x1b[32mready\x1b[0m" in out and "\x1b[31minvalid\x1b[0m" in out and "\x1b[33mnot_ready\x1b[0m" in out,
          "--color always colours the verdicts")
    check(ANSI.sub("", out) == run(["screen"] + AS_OF + mixed)[1], "colour changes nothing but the colour")
    code, out, err = run(["screen", "--color", "auto"] + AS_OF + mixed, env={"NO_COLOR": ""})
    check("\x1b[" not in out, "--color auto into a pipe: no colour")
    # On a terminal: coloured unless NO_COLOR, and fitted to the terminal's width.
    for no_color, coloured in (("", True), ("1", False)):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(repo)
            env = dict(os.environ, NO_COLOR=no_color)
            env.pop("COLUMNS", None)
            import fcntl, struct, termios
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
            os.execve(ehcp, [ehcp, "screen"] + AS_OF + mixed, env)
        data = b""
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        os.waitpid(pid, 0)
        text = data.decode("utf-8", "replace")
        check(("\x1b[32m" in text) == coloured, f"on a terminal with NO_COLOR={no_color!r}: coloured={coloured}")
        table = ANSI.sub("", text).replace("\r", "").split("\n\n")[0].splitlines()
        check(table and max(len(l) for l in table) <= 100, f"on a 100-column terminal every row fits: {table[:3]}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("inputs: all checks passed")
