#!/usr/bin/env bash
# Fuzzes the loader and the whole check (tests/fuzz/fuzz_loader.cpp) with libFuzzer for a
# set time, under AddressSanitizer, UndefinedBehaviorSanitizer and leak checking.
#
# usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer options...]     (default 60 seconds)
#   FUZZ_BUILD=dir   build folder (default build-fuzz)
#   FUZZ_JOBS=n      parallel fuzzing processes (default 1)
#
# The working corpus lives in $FUZZ_BUILD/corpus and grows from run to run; it is seeded
# from examples/, the bad-input corpus tests/corpus/ and the rule pack's test records.
# Exits non-zero on any crash, sanitizer report, leak or timeout; the input that caused
# it is left in $FUZZ_BUILD/artifacts/ (add it to tests/corpus/ as a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-1}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is needed (Debian: clang and libclang-rt-14-dev or later; scripts/setup.sh installs them)" >&2
  exit 1
fi
cmake -S . -B "$build" -DEHCP_FUZZ=ON -DEHCP_BUILD_TESTS=OFF -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target ehcp_fuzz_loader

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus" "$build/artifacts"
cp examples/*.yaml "$seeds/"
if [ -d tests/corpus ]; then
  for f in tests/corpus/*.yaml; do
    size=$(stat -c %s "$f")
    [ "$size" -le 65536 ] && cp "$f" "$seeds/corpus-$(basename "$f")"
  done
fi
# The rule pack's test cases hold records under `record:`; the cases themselves are YAML too.
for f in rules/coventry/tests/*.yaml; do cp "$f" "$seeds/pack-$(basename "$f")"; done

log="$build/fuzz.log"
echo "fuzz: $seconds s, $jobs job(s); corpus $build/corpus; log $log"
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
status=0
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"$build/tests/fuzz/ehcp_fuzz_loader" "$build/corpus" "$seeds" \
  -dict=tests/fuzz/yaml.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix="$build/artifacts/" -print_final_stats=1 \
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
echo "fuzz: no crash, leak or timeout in $seconds s"
