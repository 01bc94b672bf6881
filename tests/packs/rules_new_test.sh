#!/usr/bin/env bash
# `ehcp rules new`: scaffolds a pack into a temporary folder, then runs `rules test`,
# `rules show` and `rules diff` on it and checks a record with it; refuses to write over
# the pack. The whole transcript (outputs and exit statuses, the temporary folder written
# as <tmp>) is compared with the expected file; UPDATE=1 rewrites it.
# usage: rules_new_test.sh EHCP EXPECTED_FILE
set -uo pipefail
ehcp=$1; expected=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); actual=$(mktemp)
trap 'rm -rf "$tmp" "$actual"' EXIT
run() {
  echo "\$ ehcp $*"
  NO_COLOR=1 "$ehcp" "$@" 2>&1 </dev/null
  echo "--- exit status: $? ---"
}
{
  run rules new example-county --dir "$tmp"
  echo "\$ ls -R <tmp>/example-county"
  (cd "$tmp/example-county" && ls -R)
  run rules test "$tmp/example-county"
  run -q --rules "$tmp/example-county" rules test
  run rules show "$tmp/example-county"
  run rules diff --differences coventry "$tmp/example-county"
  run --rules "$tmp/example-county" check --as-of 2026-11-22 "$root/examples/surrey-two-cycles.yaml"
  # Never written over: the same name again is refused, and the pack is unchanged.
  before=$(cd "$tmp/example-county" && find . -type f -exec sha256sum {} + | sort)
  run rules new example-county --dir "$tmp"
  after=$(cd "$tmp/example-county" && find . -type f -exec sha256sum {} + | sort)
  [ "$before" = "$after" ] && echo "(the existing pack is unchanged)" || echo "FAIL: the existing pack was changed"
  run rules new other --dir "$tmp/no-such-folder"
} | sed "s#$tmp#<tmp>#g; s#$root#<repo>#g" >"$actual"
if [ "${UPDATE:-0}" = 1 ]; then
  cp "$actual" "$expected"; echo "updated $expected"; exit 0
fi
diff -u "$expected" "$actual" || { echo "output differs from $expected (UPDATE=1 to accept a deliberate change)" >&2; exit 1; }
