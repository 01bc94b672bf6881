#!/usr/bin/env bash
# Second command of the README: installs what the tests need (only the missing Debian
# packages), builds the tool and the whole test suite, and runs it through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

install_missing cmake g++ make pkg-config \
  libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev libxlsxwriter-dev libmimalloc-dev \
  libpugixml-dev libcsv-dev \
  doctest-dev time \
  python3 python3-yaml python3-jsonschema \
  chromium poppler-utils cmark-gfm \
  clang libclang-rt-dev \
  zsh fish groff-base man-db bsdextrautils dpkg-dev  # report tests: headless Chromium, pdftotext, GitHub Markdown; the fuzzer (scripts/fuzz.sh); the completions, man page and .deb (tests/package)

# RelWithDebInfo, one translation unit per file (the unity build is setup.sh's): the tests
# get debug information, and both ways of compiling are built by CI.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEHCP_UNITY_BUILD=OFF -DEHCP_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
