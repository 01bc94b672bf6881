#!/usr/bin/env bash
# Every command's help, and the help of ehcp itself: no CLI11 type names or validator
# descriptions (`TEXT`, `UINT:UINT in [1 - ...]`, `TEXT:{auto,always,never}`), every line
# within 80 columns, and for each command a "Global options" section, examples and exit
# statuses; `ehcp help CMD` and `ehcp CMD --help` print the same.
# usage: help_test.sh EHCP
set -uo pipefail
ehcp=$1
fail=0
check() {
  local name=$1 text=$2
  if grep -nE '\b(TEXT|UINT|INT|FLOAT|ENUM)\b|:\{|\bin \[' <<<"$text"; then echo "FAIL: $name: CLI11 type names"; fail=1; fi
  if awk 'length($0) > 80 { print FILENAME ": " length($0) ": " $0; bad = 1 } END { exit !bad }' <<<"$text"; then
    echo "FAIL: $name: a line longer than 80 columns"; fail=1
  fi
}
check "ehcp --help" "$("$ehcp" --help)"
for cmd in check screen validate explain rules "rules list" "rules show" "rules test" "rules new" "rules diff" \
  import "import ctf" "import csv" init schema help; do
  # shellcheck disable=SC2086
  text=$("$ehcp" help $cmd) || { echo "FAIL: ehcp help $cmd exited $?"; fail=1; continue; }
  check "ehcp help $cmd" "$text"
  # shellcheck disable=SC2086
  [ "$text" = "$("$ehcp" $cmd --help)" ] || { echo "FAIL: ehcp help $cmd differs from ehcp $cmd --help"; fail=1; }
  for part in "Global options (before or after the command):" "Examples:" "Exit status:" "  64  usage error"; do
    grep -qF -- "$part" <<<"$text" || { echo "FAIL: ehcp help $cmd has no '$part'"; fail=1; }
  done
done
# import ctf says what -o DIR is; import csv names its values, not CLI11's TEXT.
grep -qF -- "-o DIR is the folder the records are written into" <<<"$("$ehcp" import ctf --help)" ||
  { echo "FAIL: import ctf --help does not describe -o DIR"; fail=1; }
for word in "--map MAP.yaml" "--into RECORD.yaml" "--replace SECTION" "import: 64 MiB"; do
  grep -qF -- "$word" <<<"$("$ehcp" import csv --help)" || { echo "FAIL: import csv --help has no '$word'"; fail=1; }
done
[ "$fail" = 0 ] && echo "ok: every command's help is clean, within 80 columns, with global options, examples and exit statuses"
exit "$fail"
