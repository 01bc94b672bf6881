#!/usr/bin/env bash
# `ehcp validate --fix` and `--diff` on tests/fix/NAME.yaml, in a scratch folder:
#   1. --diff prints a unified diff (compared whole with expected/NAME.diff.out) and
#      writes nothing;
#   2. --fix prints what it changed and what is left (expected/NAME.fix.out), leaves
#      the file byte for byte equal to expected/NAME.fixed.yaml with its permissions
#      kept, and keeps the original as NAME.yaml.bak;
#   3. a second --fix changes nothing and makes no backup (idempotence);
#   4. fixing the original again keeps the first backup and writes NAME.yaml.bak.1.
# With UPDATE=1 the expected files are rewritten instead (read the diff before committing).
# usage: fix_test.sh EHCP NAME
set -uo pipefail
ehcp=$1; name=$2
here=$(cd "$(dirname "$0")" && pwd)
expected=$here/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/$name.yaml" "$work/$name.yaml"
chmod 640 "$work/$name.yaml"
cd "$work"
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

run() {  # run ARGS...: stdout, stderr and status as one text
  local out err status
  out=$(mktemp); err=$(mktemp)
  NO_COLOR=1 "$ehcp" "$@" >"$out" 2>"$err" </dev/null
  status=$?
  cat "$out"
  if [ -s "$err" ]; then echo "--- stderr ---"; cat "$err"; fi
  echo "--- exit status: $status ---"
  rm -f "$out" "$err"
}

compare() {  # compare EXPECTED_FILE ACTUAL_FILE
  if [ "${UPDATE:-0}" = 1 ]; then mkdir -p "$expected"; cp "$2" "$1"; echo "updated $1"; return; fi
  diff -u "$1" "$2" || fail "$(basename "$1") differs"
}

# 1. --diff: the diff on standard output, nothing written.
run validate --as-of 2026-11-22 --diff "$name.yaml" >diff.out
compare "$expected/$name.diff.out" diff.out
cmp -s "$name.yaml" "$here/$name.yaml" || fail "--diff changed the file"
[ -e "$name.yaml.bak" ] && fail "--diff made a backup"
# The diff alone (standard output) is one `patch -p1` applies to give the fixed file.
if command -v patch >/dev/null && [ "${UPDATE:-0}" != 1 ]; then
  cp "$name.yaml" patched.yaml
  NO_COLOR=1 "$ehcp" validate --as-of 2026-11-22 --diff "$name.yaml" 2>/dev/null | sed "s#$name.yaml#patched.yaml#g" >p.diff
  if [ -s p.diff ]; then patch -s -p1 <p.diff || fail "patch did not apply the diff"; fi
  cmp -s patched.yaml "$expected/$name.fixed.yaml" || fail "the diff applied with patch is not the fixed file"
fi

# 2. --fix: the file as expected, permissions kept, the original as the backup.
run validate --as-of 2026-11-22 --fix "$name.yaml" >fix.out
compare "$expected/$name.fix.out" fix.out
compare "$expected/$name.fixed.yaml" "$name.yaml"
[ "$(stat -c %a "$name.yaml")" = 640 ] || fail "the permissions changed: $(stat -c %a "$name.yaml")"
if ! cmp -s "$name.yaml" "$here/$name.yaml"; then
  cmp -s "$name.yaml.bak" "$here/$name.yaml" || fail "$name.yaml.bak is not the original"
  [ "$(stat -c %a "$name.yaml.bak")" = 640 ] || fail "the backup's permissions differ from the original's"
else
  [ -e "$name.yaml.bak" ] && fail "a backup was made though nothing changed"
fi
ls -a | grep -q '\.tmp-' && fail "a temporary file was left behind"

# 3. A second --fix changes nothing.
cp "$name.yaml" once.yaml
run validate --as-of 2026-11-22 --fix "$name.yaml" >again.out
cmp -s "$name.yaml" once.yaml || fail "a second --fix changed the file"
grep -q '^no changes to make$' again.out || fail "a second --fix did not say 'no changes to make'"
[ -e "$name.yaml.bak.1" ] && fail "a second --fix made a backup"

# 4. A backup is never overwritten: the next one is NAME.yaml.bak.1.
if [ -e "$name.yaml.bak" ]; then
  cp "$here/$name.yaml" "$name.yaml"
  echo "an older backup" >"$name.yaml.bak"
  run validate --as-of 2026-11-22 --fix "$name.yaml" >/dev/null
  [ "$(cat "$name.yaml.bak")" = "an older backup" ] || fail "the existing backup was overwritten"
  cmp -s "$name.yaml.bak.1" "$here/$name.yaml" || fail "$name.yaml.bak.1 is not the original"
fi
exit $failed
