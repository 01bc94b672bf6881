#!/usr/bin/env bash
# The zsh and fish completions written by `ehcp completion zsh|fish`: each shell reads them
# without a syntax error (zsh -n, fish -n), and they name every command, every value of
# --format and the pack-name helper. Usage: shells_test.sh EHCP SHELL
set -uo pipefail
ehcp=$1 shell=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$ehcp" completion "$shell" > "$tmp/script" || { echo "FAIL: ehcp completion $shell exited $?"; exit 1; }
if ! command -v "$shell" >/dev/null; then
    echo "SKIP: $shell is not installed (scripts/test.sh installs it)"
    exit 77
fi
failed=0
"$shell" -n "$tmp/script" || { echo "FAIL: $shell -n reports a syntax error"; failed=1; }
for word in check screen validate explain rules init schema completion help import list show test diff new \
            text json markdown html table csv jsonl xlsx sen2-csv auto always never packs; do
    grep -q -- "$word" "$tmp/script" || { echo "FAIL: $shell script does not mention $word"; failed=1; }
done
if [ "$shell" = fish ]; then
    # Loaded in fish, the completion offers the commands and check's formats.
    got=$(fish -c "source $tmp/script; complete -C 'ehcp '" | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "check completion explain help import init rules schema screen validate " ] || { echo "FAIL: fish: ehcp <TAB> -> [$got]"; failed=1; }
    got=$(fish -c "source $tmp/script; complete -C 'ehcp check --format '" | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "html json markdown text " ] || { echo "FAIL: fish: ehcp check --format <TAB> -> [$got]"; failed=1; }
    # Pack names come from the ehcp on PATH (`ehcp completion --packs`); run from an empty folder.
    got=$(cd "$tmp" && PATH="$(dirname "$ehcp"):$PATH" fish -c "source $tmp/script; complete -C 'ehcp rules show '" | cut -f1 | tr '\n' ' ')
    [ "$got" = "coventry legal-test norfolk surrey " ] || { echo "FAIL: fish: ehcp rules show <TAB> -> [$got]"; failed=1; }
fi
[ $failed = 0 ] && echo "ok    $shell completion"
exit $failed
