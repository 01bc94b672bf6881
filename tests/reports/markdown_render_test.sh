#!/usr/bin/env bash
# The Markdown report as GitHub would show it: every example and the hostile record are
# rendered with cmark-gfm (GitHub's CommonMark, with its table, task-list, strikethrough
# and autolink extensions). The criteria, provision and timeline tables must come out as
# tables, the evidence checklist as task boxes, and no record text may turn into HTML,
# a link, an image or struck-out text. Skipped (77) without Debian's cmark-gfm.
# usage: markdown_render_test.sh EHCP REPO_ROOT
set -uo pipefail
ehcp=$1; root=$2
if ! command -v cmark-gfm >/dev/null 2>&1; then
  echo "SKIP: \`cmark-gfm\` is not installed; install Debian's cmark-gfm (bash scripts/setup.sh does) to run this test"
  exit 77
fi
cd "$root" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for record in examples/*.yaml tests/reports/hostile.yaml; do
  name=$(basename "$record" .yaml)
  "$ehcp" check --as-of 2026-11-22 --format markdown "$record" >"$work/$name.md" 2>/dev/null
  cmark-gfm -e table -e tasklist -e strikethrough -e autolink "$work/$name.md" >"$work/$name.html" ||
    fail "cmark-gfm could not read the report of $record"
  html="$work/$name.html"
  if [ "$name" = invalid ]; then
    grep -q "<h2>Problems found in the record</h2>" "$html" || fail "$record: no list of problems"
    grep -q "<code>14/05/2016</code>" "$html" || fail "$record: quoted values are not code spans"
  else
    [ "$(grep -c '<table>' "$html")" = 3 ] || fail "$record: expected 3 tables (criteria, provision, timeline)"
    criteria=$("$ehcp" check --as-of 2026-11-22 --format json "$record" 2>/dev/null |
      python3 -c 'import json,sys; print(len(json.load(sys.stdin)["records"][0]["criteria"]))')
    [ "$(grep -c '<h3>[1-9]\. ' "$html")" = "$criteria" ] || fail "$record: expected a heading for each of the $criteria criteria"
    # One task box per evidence item that applies to this request (the JSON report lists them).
    items=$("$ehcp" check --as-of 2026-11-22 --format json "$record" 2>/dev/null |
      python3 -c 'import json,sys; print(len(json.load(sys.stdin)["records"][0]["evidence"]["items"]))')
    [ "$items" -ge 5 ] || fail "$record: expected at least 5 evidence items, the JSON lists $items"
    [ "$(grep -c 'type="checkbox"' "$html")" = "$items" ] || fail "$record: the evidence checklist should be $items task boxes"
    # The first criterion of the record's own pack (request.authority, or Coventry's).
    first=$("$ehcp" check --as-of 2026-11-22 --format json "$record" 2>/dev/null |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["records"][0]["criteria"][0]["title"])')
    grep -qF "<li>$first" "$html" || grep -qF "<td align=\"left\">$first</td>" "$html" ||
      fail "$record: the criteria table has no row for $first"
  fi
  # Nothing from record text becomes markup: no raw HTML, links, images or deletions. The only
  # links allowed are the rule pack's own source addresses (pack data, never record text).
  pack=$("$ehcp" check --as-of 2026-11-22 --format json "$record" 2>/dev/null |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["records"][0]; print(r.get("pack") or "coventry")')
  python3 - "$html" "rules/$pack/pack.yaml" <<'PY'
import re, sys, yaml
html, pack = sys.argv[1], sys.argv[2]
addresses = {s["address"] for s in yaml.safe_load(open(pack, encoding="utf-8")).get("sources", []) if s.get("address")}
text = open(html, encoding="utf-8").read()
text = re.sub(r'<a href="([^"]*)">([^<]*)</a>', lambda m: "" if m.group(1) in addresses and m.group(2) == m.group(1) else m.group(0), text.replace("&amp;", "&"))
open(html, "w", encoding="utf-8").write(text)
PY
  for tag in '<script' '<img' '<svg' '<a ' '<del>' '<b>' '<i>' '<u>' 'raw HTML omitted'; do
    ! grep -qF -- "$tag" "$html" || fail "$record: rendered Markdown contains $tag"
  done
done

# The hostile record's text comes out exactly as written, only HTML-escaped.
h="$work/hostile.html"
for want in 'Zoe &lt;script&gt;alert(&quot;QnameZ&quot;)&lt;/script&gt; *Qsurname* | Example' \
            'QindicatorevidenceZ &lt;script&gt;alert(3)&lt;/script&gt;' \
            '<td align="left">QprovisionZ &lt;img src=x onerror=alert(2)&gt;</td>'; do
  grep -qF -- "$want" "$h" || fail "hostile.yaml: the rendered Markdown lacks: $want"
done
echo "ok: every example's Markdown renders as GitHub would, with record text as text"
