#!/usr/bin/env bash
# First command of the README: installs what ehcp needs (Debian packages, only
# those missing), builds it, and checks a bundled example record.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make pkg-config
  libyaml-cpp-dev libfmt-dev libcli11-dev nlohmann-json3-dev doctest-dev
  libxlsxwriter-dev
  libmimalloc-dev  # allocator for the ehcp binary (speed of `ehcp screen`)
  python3 python3-yaml python3-jsonschema
  chromium poppler-utils cmark-gfm  # report tests: headless Chromium, pdftotext/pdfinfo, GitHub Markdown
  clang libclang-rt-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

echo
echo "== ehcp check examples/ready-ks2.yaml (as of 2026-11-22) =="
status=0
./build/ehcp check --as-of 2026-11-22 examples/ready-ks2.yaml || status=$?
if [ "$status" -ne 0 ]; then
  echo "setup: the bundled example should be ready (exit 0) but ehcp exited $status" >&2
  exit 1
fi
