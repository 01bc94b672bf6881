#!/usr/bin/env bash
# The ehcp(1) page written by `ehcp man`: groff renders it without a warning, `man -l`
# renders it, and it documents every command `ehcp --help` lists and every global option.
# Usage: man_test.sh EHCP
set -uo pipefail
ehcp=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ehcp" man > "$tmp/ehcp.1" || { echo "FAIL: ehcp man exited $?"; exit 1; }
failed=0
warnings=$(groff -man -Tutf8 -ww -z "$tmp/ehcp.1" 2>&1)
[ -z "$warnings" ] || { echo "FAIL: groff warns:"; echo "$warnings"; failed=1; }
MANWIDTH=100 man -l "$tmp/ehcp.1" 2>"$tmp/err" | col -b > "$tmp/page.txt"
[ -s "$tmp/page.txt" ] && [ ! -s "$tmp/err" ] || { echo "FAIL: man -l did not render it:"; cat "$tmp/err"; failed=1; }
# The commands listed by --help (lines "  NAME  summary" under "Commands:").
commands=$("$ehcp" --help | sed -n '/^Commands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || { echo "FAIL: no command found in ehcp --help"; failed=1; }
for c in $commands; do
    grep -q "^ *ehcp $c" "$tmp/page.txt" || { echo "FAIL: the page has no section for ehcp $c"; failed=1; }
done
for o in --rules --as-of --output --redact --color --quiet --max-file-size --max-record-size --version; do
    grep -q -- "$o" "$tmp/page.txt" || { echo "FAIL: the page does not document $o"; failed=1; }
done
for heading in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT; do
    grep -q "^$heading" "$tmp/page.txt" || { echo "FAIL: no $heading section"; failed=1; }
done
[ $failed = 0 ] && echo "ok    ehcp(1): $(echo $commands | wc -w) commands, groff without warnings"
exit $failed
