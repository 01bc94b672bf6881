#!/usr/bin/env bash
# Rewrites the end-to-end expected outputs from the current build. Review the diff
# (git diff tests/e2e/expected) before committing: every change must be deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build -j"$(nproc)" >/dev/null
UPDATE=1 ctest --test-dir build -R '^e2e: ' -j"$(nproc)" >/dev/null
git status --short tests/e2e/expected || true
