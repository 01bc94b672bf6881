#!/usr/bin/env bash
# First command of the README: installs what the ehcp tool needs (Debian packages, only
# those missing), builds the tool alone (not the test suite), and checks a bundled example.
# The test suite's own packages (doctest, Python, Chromium, cmark-gfm, clang) are installed
# by scripts/test.sh, the second command.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

install_missing cmake g++ make pkg-config \
  libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev \
  libxlsxwriter-dev \
  libmimalloc-dev  # allocator for the ehcp binary (speed of `ehcp screen`)

# Release (-O2, no debug information) and one translation unit per src/ folder: the fastest
# clean build (docs/performance.md). scripts/test.sh rebuilds the same tree for the tests.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DEHCP_UNITY_BUILD=ON -DEHCP_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target ehcp

echo
echo "== ehcp check examples/ready-ks2.yaml (as of 2026-11-22) =="
status=0
./build/ehcp check --as-of 2026-11-22 examples/ready-ks2.yaml || status=$?
if [ "$status" -ne 0 ]; then
  echo "setup: the bundled example should be ready (exit 0) but ehcp exited $status" >&2
  exit 1
fi
