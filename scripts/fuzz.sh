#!/usr/bin/env bash
# Fuzzes with libFuzzer for a set time, under AddressSanitizer, UndefinedBehaviorSanitizer
# and leak checking, one of two targets:
#   loader  records through the loader, the whole check and every renderer (tests/fuzz/fuzz_loader.cpp);
#           seeded with the examples, the bad-input corpus and the pack's test records, with a
#           dictionary of YAML tokens, field names and extreme values, so that mutations reach
#           numbers, dates and strings inside valid records, not only syntax
#   pack    one rule pack file replaced by the input, then a full check (tests/fuzz/fuzz_pack.cpp)
#
# usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer options...]     (default 60 seconds)
#   FUZZ_TARGET=loader|pack   which target (default loader)
#   FUZZ_BUILD=dir   build folder (default build-fuzz)
#   FUZZ_JOBS=n      parallel fuzzing processes (default 1)
#
# The working corpus lives in $FUZZ_BUILD/corpus-TARGET and grows from run to run; the loader is seeded
# from examples/, the bad-input corpus tests/corpus/ and the rule pack's test records.
# Exits non-zero on any crash, sanitizer report, leak or timeout; the input that caused
# it is left in $FUZZ_BUILD/artifacts/ (add it to tests/corpus/ as a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-1}
target=${FUZZ_TARGET:-loader}
case "$target" in loader|pack) ;; *) echo "fuzz: FUZZ_TARGET is loader or pack, not $target" >&2; exit 64 ;; esac

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is needed (Debian: clang and libclang-rt-14-dev or later; scripts/setup.sh installs them)" >&2
  exit 1
fi
cmake -S . -B "$build" -DEHCP_FUZZ=ON -DEHCP_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target "ehcp_fuzz_$target"

seeds="$build/seeds-$target"
corpus="$build/corpus-$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$build/artifacts"
if [ "$target" = pack ]; then
  # The first byte picks the file (0 pack, 1 criteria, 2 indicators, 3 evidence, 4 practice).
  i=0
  for part in pack criteria indicators evidence practice; do
    { printf "\\$(printf '%03o' "$i")"; cat "rules/coventry/$part.yaml"; } >"$seeds/$part.yaml"
    i=$((i + 1))
  done
else
cp examples/*.yaml "$seeds/"
if [ -d tests/corpus ]; then
  for f in tests/corpus/*.yaml; do
    size=$(stat -c %s "$f")
    [ "$size" -le 65536 ] && cp "$f" "$seeds/corpus-$(basename "$f")"
  done
fi
# The rule pack's test cases hold records under `record:`; the cases themselves are YAML too.
for f in rules/coventry/tests/*.yaml; do cp "$f" "$seeds/pack-$(basename "$f")"; done
fi

log="$build/fuzz-$target.log"
echo "fuzz: $target, $seconds s, $jobs job(s); corpus $corpus; log $log"
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"$build/tests/fuzz/ehcp_fuzz_$target" "$corpus" "$seeds" \
  -dict=tests/fuzz/yaml.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 \
  ${parallel[@]+"${parallel[@]}"} "$@" >"$log" 2>&1 || status=$?
# With -jobs, each worker writes fuzz-N.log; gather them.
for w in fuzz-*.log; do [ -f "$w" ] && { cat "$w" >>"$log"; rm -f "$w"; }; done

grep -E '^(#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tail -4 || true
grep -E 'cov: [0-9]+' "$log" | tail -1 || true
if [ "$status" -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|ALARM: working on the last Unit' "$log"; then
  echo "fuzz: FAILED (exit $status); see $log and $build/artifacts/" >&2
  grep -E 'ERROR:|runtime error:|ALARM|Test unit written' "$log" | head -20 >&2 || true
  exit 1
fi
echo "fuzz: $target: no crash, leak or timeout in $seconds s"
