#!/usr/bin/env bash
# The HTML report as a person sees it: Debian's headless Chromium opens the file,
# prints it to PDF on A4 and takes a screenshot. The test checks the PDF's page count
# and size, that every page carries the print header (pupil id, as-of date, pack
# version), that the text has each record's verdict and every criterion title, that
# hostile record text shows as text, and that the page made no network request (the
# net log), with Chromium in a network namespace without network where `unshare -rn`
# works. Skipped (exit 77) when chromium or pdftotext/pdfinfo is absent: install the
# `chromium` and `poppler-utils` packages (scripts/setup.sh does).
# usage: browser_test.sh EHCP REPO_ROOT [OUT_DIR]   (OUT_DIR keeps the PDFs and PNGs)
set -uo pipefail
ehcp=$1; root=$2; keep=${3:-}

for tool in chromium pdftotext pdfinfo python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: \`$tool\` is not installed; install Debian's chromium and poppler-utils (bash scripts/setup.sh does) to run this test"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
fail() { echo "FAIL: $*"; exit 1; }

net=()
if unshare -rn true 2>/dev/null; then net=(unshare -rn); else echo "note: unshare -rn is not allowed here; relying on the net log alone"; fi

# Fails (status 1) when the net log LOG shows a request that is not Chromium's own.
page_requests() {
  python3 - "$1" <<'PY'
import json, sys
log = sys.argv[1]
with open(log, encoding="utf-8", errors="replace") as f:
    text = f.read().rstrip().rstrip(",")
if not text.endswith("}"):  # a log cut short at exit still has whole events before the end
    text = text[: text.rfind("}") + 1] + "]}"
events = json.loads(text)["events"]
local = ("file:", "data:", "about:", "chrome:", "chrome-untrusted:", "devtools:", "blob:")
bad, browser_own = [], set()
for e in events:
    p = e.get("params", {})
    url = p.get("url")
    if not isinstance(url, str) or url.startswith(local):
        continue
    # Requests Chromium starts for itself (component, extension and model updates, with no
    # page origin as initiator, to Google's own services) are not the page's; in the
    # namespace they cannot leave the machine. Anything else fails the test.
    initiator = p.get("initiator")
    host = url.split("/")[2].split(":")[0] if "://" in url else ""
    google = host.endswith((".google.com", ".googleapis.com", ".gvt1.com"))
    if initiator in (None, "not an origin") and google:
        browser_own.add(url.split("?")[0])
        continue
    bad.append((url, initiator))
for u in sorted(browser_own):
    print(f"note: Chromium's own request, not the page's: {u}")
for url, initiator in bad:
    print(f"request from the page: {url} (initiator {initiator})")
sys.exit(1 if bad else 0)
PY
}

# Prints FILE.html to FILE.pdf and screenshots it to FILE.png, with a fresh profile and
# a net log (FILE.netlog.json).
browse() {
  local name=$1
  local flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
               --disable-component-update --disable-sync --disable-extensions
               --disable-features=NetworkTimeServiceQuerying,OptimizationGuideModelDownloading,OptimizationHintsFetching,OptimizationTargetPrediction,OptimizationHints
               --no-pdf-header-footer)
  "${net[@]}" chromium "${flags[@]}" --user-data-dir="$work/profile-$name-pdf" \
    --log-net-log="$work/$name.pdf.netlog.json" \
    --print-to-pdf="$work/$name.pdf" "file://$work/$name.html" >"$work/$name.pdf.log" 2>&1 ||
    fail "chromium could not print $name.html: $(tail -3 "$work/$name.pdf.log")"
  "${net[@]}" chromium "${flags[@]}" --user-data-dir="$work/profile-$name-png" \
    --log-net-log="$work/$name.png.netlog.json" --window-size=1000,1400 \
    --screenshot="$work/$name.png" "file://$work/$name.html" >"$work/$name.png.log" 2>&1 ||
    fail "chromium could not screenshot $name.html: $(tail -3 "$work/$name.png.log")"
  [ -s "$work/$name.pdf" ] || fail "no PDF for $name"
  [ "$(head -c 8 "$work/$name.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$name.png is not a PNG"
  for log in "$work/$name.pdf.netlog.json" "$work/$name.png.netlog.json"; do
    page_requests "$log" || fail "network requests while showing $name.html (net log above)"
  done
}

# 0. The net-log check can fail: a page that asks for an image from the network is caught.
printf '<!DOCTYPE html><html lang="en-GB"><title>canary</title><img src="http://canary.invalid/x.png" alt="">\n' >"$work/canary.html"
"${net[@]}" chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile-canary" \
  --log-net-log="$work/canary.netlog.json" --screenshot="$work/canary.png" "file://$work/canary.html" >/dev/null 2>&1
{ page_requests "$work/canary.netlog.json" || true; } | grep -q "^request from the page: http://canary.invalid/x.png" ||
  fail "the net-log check did not see the page's request for http://canary.invalid/x.png"
echo "ok: the net-log check catches a page's request (canary)"

# 1. Several records in one file: a contents page, then a page per record.
examples=(examples/ready-ks2.yaml examples/not-ready-two-cycles.yaml examples/early-years.yaml
          examples/ks4-functional-skills.yaml examples/provision-over-budget.yaml
          examples/not-ready-evidence.yaml examples/invalid.yaml tests/reports/hostile.yaml)
"$ehcp" check --as-of 2026-11-22 --format html -o "$work/all.html" "${examples[@]}" >/dev/null 2>&1
[ -s "$work/all.html" ] || fail "ehcp wrote no HTML"
browse all
pages=$(pdfinfo "$work/all.pdf" | awk '/^Pages:/ {print $2}')
pdfinfo "$work/all.pdf" | grep -q "^Page size:.*(A4)" ||
  fail "pages are not A4: $(pdfinfo "$work/all.pdf" | grep 'Page size')"
records=${#examples[@]}
[ "$pages" -ge $((records + 1)) ] || fail "$pages pages for $records records and a contents page"
[ "$pages" -le $((records * 8)) ] || fail "$pages pages for $records records: the layout has run away"
echo "ok: all.html printed to $pages A4 pages"

# Every page has the print header; each record starts on a page of its own.
for ((p = 1; p <= pages; p++)); do
  first=$(pdftotext -f "$p" -l "$p" "$work/all.pdf" - | head -1)
  case "$first" in
    *"as of 22 November 2026"*"coventry 2026.11."*) ;;
    *) fail "page $p has no print header with the as-of date and pack version: '$first'" ;;
  esac
done
pdftotext "$work/all.pdf" - | tr -d '\f' >"$work/all.txt"
for id in B801200005001 A801200202002 L801200909009; do
  grep -q "^Pupil $id · as of 22 November 2026" "$work/all.txt" || fail "no print header for pupil $id"
  # The page whose body starts the record: the header, then the record's heading.
  found=0
  for ((p = 2; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" "$work/all.pdf" - | grep -v '^$' | sed -n 2p | grep -qx "Pupil $id"; then found=1; break; fi
  done
  [ "$found" = 1 ] || fail "pupil $id does not start at the top of a page"
done
echo "ok: every page has the print header; each record starts a page"

# The text a reader sees: verdicts, every criterion title, hostile markup as text.
for want in "Evidence readiness: READY" "Evidence readiness: NOT READY" "Evidence readiness: INVALID" \
            "Attainment and Progress" "Special Educational Needs" "Existing Support" \
            "Social, Emotional, Physical and Health Needs" "Time Needed to Complete Further Education" \
            "Contents" "Statutory timeline" "not a decision" \
            'Zoe <script>alert("QnameZ")</script> *Qsurname* | Example' \
            'QindicatorevidenceZ <script>alert(3)</script>' 'QprovisionZ <img src=x onerror=alert(2)>'; do
  # Table cells wrap: compare with runs of white space made one space.
  tr -s ' \n\t' '   ' <"$work/all.txt" | grep -qF -- "$want" || fail "the PDF text lacks: $want"
done
echo "ok: verdicts, criterion titles and escaped record text are in the PDF"

# 2. One record alone: the same checks, no contents page.
"$ehcp" check --as-of 2026-11-22 --format html -o "$work/one.html" examples/not-ready-two-cycles.yaml >/dev/null 2>&1
browse one
one_pages=$(pdfinfo "$work/one.pdf" | awk '/^Pages:/ {print $2}')
[ "$one_pages" -ge 2 ] && [ "$one_pages" -le 8 ] || fail "one record printed to $one_pages pages"
pdftotext "$work/one.pdf" - | tr -d '\f' >"$work/one.txt"
[ "$(grep -c "^Pupil A801200202002 · as of 22 November 2026 · rule pack coventry 2026.11" "$work/one.txt")" = "$one_pages" ] ||
  fail "the print header is not on each of the $one_pages pages"
grep -q "Evidence readiness: NOT READY" "$work/one.txt" || fail "no verdict in one.pdf"
! grep -q "^Contents" "$work/one.txt" || fail "a single record should have no contents page"
echo "ok: one record printed to $one_pages pages, each with the header"

if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$work"/*.pdf "$work"/*.png "$work"/*.html "$keep"/ && echo "kept in $keep"; fi
exit 0
