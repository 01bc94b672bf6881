#!/usr/bin/env bash
# Runs ehcp with the given arguments from the repository root and compares what it
# prints (standard output, then standard error, then the exit status) with an
# expected file, whole. The checkout's own path is written as <repo>, so that the
# files hold no machine's paths. With UPDATE=1 it rewrites the expected file instead.
# usage: run_case.sh EHCP EXPECTED_FILE [ARGS...]
set -uo pipefail
ehcp=$1; expected=$2; shift 2
cd "$(dirname "$0")/../.."
out=$(mktemp); err=$(mktemp); actual=$(mktemp)
trap 'rm -f "$out" "$err" "$actual"' EXIT
# The screen table fits $COLUMNS when it is set: whole outputs are compared uncut.
unset COLUMNS
NO_COLOR=1 "$ehcp" "$@" >"$out" 2>"$err" </dev/null
status=$?
{
  cat "$out"
  if [ -s "$err" ]; then echo "--- stderr ---"; cat "$err"; fi
  echo "--- exit status: $status ---"
} | sed "s#$(printf '%s' "$PWD" | sed 's/[][\.*^$/#]/\\&/g')#<repo>#g" >"$actual"
if [ "${UPDATE:-0}" = 1 ]; then
  mkdir -p "$(dirname "$expected")"
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" "$actual"; then
  echo "output differs from $expected (run scripts/update-expected.sh to accept a deliberate change)" >&2
  exit 1
fi
