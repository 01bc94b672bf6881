#!/usr/bin/env bash
# The bash completion written by `ehcp completion bash`, loaded in bash and driven as bash
# drives it (COMP_WORDS, COMP_CWORD, the _ehcp function): commands, the options of `check`,
# the values of --format and --color, pack names, and the nested `rules` commands.
# Usage: bash_completion_test.sh EHCP SOURCE_DIR
set -uo pipefail
ehcp=$1
cd "$2"
unset EHCP_RULES_PATH
source <("$ehcp" completion bash) || { echo "FAIL: the script does not load"; exit 1; }
complete -p ehcp | grep -q -- '-F _ehcp' || { echo "FAIL: no complete -F _ehcp ehcp"; exit 1; }

failed=0
# expect "WORD WORD ... ''" -- the line typed, split; the last word is the one completed.
expect() {
    local want=$1; shift
    COMP_WORDS=("$ehcp" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _ehcp
    local got
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" != "$want" ]; then
        echo "FAIL: ehcp $* -> [$got], expected [$want]"
        failed=1
    else
        echo "ok    ehcp $* -> [$got]"
    fi
}

expect "check completion explain help import init rules schema screen validate" ""
expect "check" "ch"
expect "schema screen" "sc"
expect "--format" check --f
expect "--as-of --color --format --help --max-file-size --max-record-size --output --quiet --redact --rules --verbose --version --width --with-warnings" check --as-of 2026-11-22 --
expect "--rules" check --ru
expect "html json markdown text" check --format ""
expect "markdown" check --format m
expect "csv json jsonl sen2-csv table xlsx" screen --format ""
expect "json text" validate --format ""
expect "always auto never" check --color ""
expect "always auto never" --color ""
expect "examples/ready-ks2.yaml" check examples/ready-ks
expect "examples/ready-ks2.yaml" check --format json examples/ready-ks
expect "" check --as-of ""
# Pack names, and folders (a pack may be a folder): from an empty folder, only the names.
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
cd "$empty"
expect "coventry legal-test norfolk surrey" check --rules ""
expect "coventry" --rules co
expect "diff list new show test" rules ""
expect "coventry legal-test norfolk surrey" rules show ""
expect "coventry" rules test c
expect "bash fish zsh" completion ""
mkdir packs-here
expect "coventry legal-test norfolk packs-here surrey" check --rules ""
exit $failed
