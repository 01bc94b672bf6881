#!/usr/bin/env bash
# `cmake --install` into a fresh prefix gives a working tool: the installed binary finds
# the installed rule packs (not the source tree's) and checks an example; then
# `cpack -G DEB` builds a .deb holding the binary, the rules, the man page and the three
# completions. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
for f in bin/ehcp share/ehcp/rules/coventry/pack.yaml share/man/man1/ehcp.1 \
         share/bash-completion/completions/ehcp share/zsh/vendor-completions/_ehcp \
         share/fish/vendor_completions.d/ehcp.fish; do
    [ -s "$tmp/prefix/$f" ] || { echo "FAIL: not installed: $f"; failed=1; }
done
unset EHCP_RULES_PATH
cd "$tmp"
list=$("$tmp/prefix/bin/ehcp" rules list)
echo "$list" | grep -q "^coventry " || { echo "FAIL: the installed ehcp lists no coventry pack:"; echo "$list"; failed=1; }
echo "$list" | grep -q "$tmp/prefix/share/ehcp/rules/coventry" || { echo "FAIL: coventry is not found in the prefix:"; echo "$list"; failed=1; }
"$tmp/prefix/bin/ehcp" check "$src/examples/ready-ks2.yaml" --as-of 2026-11-22 >/dev/null
status=$?
[ $status = 0 ] || { echo "FAIL: the installed ehcp check exited $status"; failed=1; }

if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
    echo "SKIP: dpkg-dev is not installed (scripts/test.sh installs it)"
    exit 77
fi
(cd "$build" && cpack -G DEB -B "$tmp/deb" >"$tmp/cpack.log" 2>&1) || { echo "FAIL: cpack -G DEB"; cat "$tmp/cpack.log"; exit 1; }
deb=$(ls "$tmp"/deb/ehcp_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "FAIL: no ehcp_*.deb"; cat "$tmp/cpack.log"; exit 1; }
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/ehcp ./usr/share/ehcp/rules/coventry/pack.yaml ./usr/share/man/man1/ehcp.1 \
         ./usr/share/bash-completion/completions/ehcp ./usr/share/zsh/vendor-completions/_ehcp \
         ./usr/share/fish/vendor_completions.d/ehcp.fish; do
    echo "$contents" | grep -q " $f\$" || { echo "FAIL: the .deb has no $f"; failed=1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libyaml-cpp libfmt libxlsxwriter libc6; do
    echo "$depends" | grep -q "$lib" || { echo "FAIL: Depends has no $lib: $depends"; failed=1; }
done
description=$(dpkg-deb -f "$deb" Description)
[ "$(echo "$description" | sed -n 2p)" = " ehcp reads YAML pupil records and checks the evidence behind a request for an" ] \
    || { echo "FAIL: Description is not a summary line then the text:"; echo "$description"; failed=1; }
[ $failed = 0 ] && echo "ok    installed to a prefix and packaged: $(basename "$deb") (Depends: $depends)"
exit $failed
