#!/usr/bin/env python3
"""What the file system can do to `ehcp` (issue 10), and what -o must never do to it.

- `-o` to a FIFO or a device writes through it (the FIFO stays a FIFO); to a symlink, the
  link stays and its file gets the output; a 0600 file stays 0600.
- `-o` naming an input file exits 64 and leaves the record as it was (check, validate,
  screen, including a file found inside a screened folder).
- SIGTERM during `screen -o` leaves no temporary file.
- `screen` of a folder reads `.YAML` and `.Yml` files and names every entry it skips:
  another extension, a dangling symlink, a FIFO, a hidden entry (`.git`, `._x.YAML`); a
  hidden file named on the command line is still read.
- `screen /dev/zero` ends, with a clear error, instead of reading forever.

usage: files_test.py EHCP REPO"""
import os, signal, stat, subprocess, sys, tempfile, threading, time

ehcp, repo = sys.argv[1], sys.argv[2]
failures = []
RECORD = open(os.path.join(repo, "examples", "ready-ks2.yaml"), encoding="utf-8").read()
AS_OF = ["--as-of", "2026-11-22"]


def run(args, **kw):
    return subprocess.run([ehcp] + args, cwd=repo, capture_output=True, timeout=60, **kw)


def drain(path, into):
    with open(path, "rb") as f:
        into.append(f.read())


with tempfile.TemporaryDirectory() as tmp:
    rec = os.path.join(tmp, "rec.yaml")
    with open(rec, "w") as f:
        f.write(RECORD)

    # -o into a FIFO: written through, still a FIFO afterwards.
    for cmd in (["check", rec], ["screen", "--format", "csv", rec]):
        fifo = os.path.join(tmp, "pipe")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=drain, args=(fifo, got))
        reader.start()
        p = run(AS_OF + ["-o", fifo] + cmd)
        reader.join(30)
        if p.returncode not in (0, 1) or not got or len(got[0]) < 100:
            failures.append(f"{cmd[0]} -o FIFO: exit {p.returncode}, read {len(got[0]) if got else 0} bytes")
        if not stat.S_ISFIFO(os.lstat(fifo).st_mode):
            failures.append(f"{cmd[0]} -o FIFO: the FIFO was replaced")
        os.remove(fifo)

    # -o /dev/null: written through, still a character device.
    p = run(AS_OF + ["-o", "/dev/null", "check", rec])
    if p.returncode not in (0, 1) or not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        failures.append(f"check -o /dev/null: exit {p.returncode}; /dev/null is no longer a device")

    # -o through a symlink, and a private file keeps its mode.
    real = os.path.join(tmp, "real.txt")
    link = os.path.join(tmp, "link.txt")
    with open(real, "w") as f:
        f.write("old")
    os.chmod(real, 0o600)
    os.symlink(real, link)
    p = run(AS_OF + ["-o", link, "check", rec])
    if not os.path.islink(link) or "Evidence readiness" not in open(real).read():
        failures.append("check -o SYMLINK: the link was replaced or its file not written")
    if stat.S_IMODE(os.stat(real).st_mode) != 0o600:
        failures.append(f"check -o: a 0600 file became {oct(stat.S_IMODE(os.stat(real).st_mode))}")

    # -o naming an input: refused (64), the record untouched.
    folder = os.path.join(tmp, "batch")
    os.mkdir(folder)
    inside = os.path.join(folder, "a.yaml")
    with open(inside, "w") as f:
        f.write(RECORD)
    for args in (["check", rec], ["validate", rec], ["screen", rec], ["screen", "--format", "csv", folder]):
        target = inside if args[-1] == folder else rec
        p = run(AS_OF + ["-o", target] + args)
        if p.returncode != 64 or b"input" not in p.stderr or open(target).read() != RECORD:
            failures.append(f"{' '.join(args[:1])} -o INPUT: exit {p.returncode}, stderr {p.stderr[:200]!r}")

    # SIGTERM while screen waits on an input that never ends: no temporary file is left.
    out_dir = os.path.join(tmp, "out")
    os.mkdir(out_dir)
    never = os.path.join(tmp, "never.yaml")
    os.mkfifo(never)
    proc = subprocess.Popen([ehcp] + AS_OF + ["-o", os.path.join(out_dir, "rows.csv"), "screen", "--format", "csv",
                             never], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = open(never, "w")  # opened, never written: screen blocks reading it
    for _ in range(100):
        if os.listdir(out_dir):
            break
        time.sleep(0.05)
    if not os.listdir(out_dir):
        failures.append("screen -o: no temporary file appeared while screening (the test cannot check SIGTERM)")
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)
    writer.close()
    if proc.returncode != -signal.SIGTERM:
        failures.append(f"screen after SIGTERM: exit {proc.returncode}")
    if os.listdir(out_dir):
        failures.append(f"SIGTERM left {os.listdir(out_dir)}")

    # What a folder holds that is not screened is named.
    mixed = os.path.join(tmp, "mixed")
    os.mkdir(mixed)
    for name in ("UPPER.YAML", "mixed.Yml"):
        with open(os.path.join(mixed, name), "w") as f:
            f.write(RECORD)
    with open(os.path.join(mixed, "notes.txt"), "w") as f:
        f.write("not a record")
    os.symlink(os.path.join(tmp, "gone.yaml"), os.path.join(mixed, "dangling.yaml"))
    os.mkfifo(os.path.join(mixed, "pipe.yaml"))
    # Hidden entries: a .git folder holding a .yaml, a macOS ._ resource fork.
    os.makedirs(os.path.join(mixed, ".git", "sub"))
    with open(os.path.join(mixed, ".git", "sub", "config.yaml"), "w") as f:
        f.write("not: a record\n")
    with open(os.path.join(mixed, "._UPPER.YAML"), "wb") as f:
        f.write(b"\x00\x05\x16\x07 resource fork")
    p = run(AS_OF + ["screen", "--format", "csv", mixed])
    rows = [l for l in p.stdout.decode().splitlines()[1:] if l.startswith(mixed)]
    if len(rows) != 2:
        failures.append(f"screen: {len(rows)} rows for a .YAML and a .Yml file, not 2")
    err = p.stderr.decode()
    # Counted in the summary by why; named one by one with --verbose (issue 11).
    for why in ("1 file ignored: not a .yaml or .yml file", "1 file ignored: a symlink to nothing (dangling)",
                "1 file ignored: a FIFO, not a regular file", "2 files ignored: hidden (the name starts with a dot)"):
        if why not in err:
            failures.append(f"screen: the summary does not count `{why}`; stderr {err!r}")
    err = run(AS_OF + ["screen", "--verbose", "--format", "csv", mixed]).stderr.decode()
    for name, why in (("notes.txt", "not a .yaml or .yml file"), ("dangling.yaml", "dangling"),
                      ("pipe.yaml", "FIFO"), (".git", "hidden"), ("._UPPER.YAML", "hidden")):
        if not any(name in line and why in line for line in err.splitlines()):
            failures.append(f"screen --verbose: ignoring {name} ({why}) was not reported; stderr {err!r}")

    # A hidden file named on the command line is still read.
    hidden = os.path.join(mixed, ".hidden.yaml")
    with open(hidden, "w") as f:
        f.write(RECORD)
    p = run(AS_OF + ["screen", "--format", "csv", hidden])
    if not any(l.startswith(hidden) for l in p.stdout.decode().splitlines()[1:]):
        failures.append(f"screen: a hidden file named on the command line was not read: {p.stdout!r} {p.stderr!r}")

    # A device that never ends.
    start = time.time()
    p = run(AS_OF + ["screen", "--format", "csv", "/dev/zero"])
    if p.returncode != 2 or b"never ends" not in p.stdout + p.stderr or time.time() - start > 30:
        failures.append(f"screen /dev/zero: exit {p.returncode} after {time.time() - start:.1f} s")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("files: all checks passed")
