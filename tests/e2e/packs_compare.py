#!/usr/bin/python3
"""The same record checked against Coventry's pack and Norfolk's: every difference
between the two JSON reports is traced to the packs' data (issue 12, "Done means").

    /usr/bin/python3 tests/e2e/packs_compare.py EHCP_BINARY REPO_ROOT

For each pack the report's criteria are exactly the pack's criteria.yaml ids in order,
its evidence items are ids of the pack's evidence.yaml, every criterion's title, cite and
source wording are the pack's own text, and `records[].pack` names the pack. Then the
differences the data predicts are asserted: Coventry does not know Norfolk's document
kinds (a warning each, naming the kind), Norfolk's attainment is judged (manual_review)
where Coventry's is measured, and Norfolk's cycle count (2) is met by a record whose two
reviewed cycles do not meet Coventry's (3).
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ehcp, root = sys.argv[1], Path(sys.argv[2])
record = root / "examples" / "norfolk-ready-ks2.yaml"
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def report(pack):
    out = subprocess.run([ehcp, "--rules", pack, "check", "--as-of", "2026-11-22", "--format", "json", str(record)],
                         capture_output=True, text=True, cwd=root, timeout=60)
    return json.loads(out.stdout)["records"][0]


def pack_data(pack):
    folder = root / "rules" / pack
    criteria = yaml.safe_load((folder / "criteria.yaml").read_text(encoding="utf-8"))["criteria"]
    evidence = yaml.safe_load((folder / "evidence.yaml").read_text(encoding="utf-8"))["evidence"]
    return criteria, evidence


reports = {p: report(p) for p in ("coventry", "norfolk")}
for pack, rep in reports.items():
    criteria, evidence = pack_data(pack)
    check(rep["pack"] == pack, f"{pack}: records[].pack is {pack}")
    check([c["id"] for c in rep["criteria"]] == [c["id"] for c in criteria],
          f"{pack}: the report's criteria are the pack's criteria.yaml, in order")
    for got, want in zip(rep["criteria"], criteria):
        check(got["title"] == want["title"] and got["cite"] == want["cite"],
              f"{pack}: criterion {want['id']}'s title and cite are the pack's text")
        check(got["source_wording"] == " ".join(want["source_wording"].split()),
              f"{pack}: criterion {want['id']}'s source wording is the pack's text")
        check(bool(got.get("advisory")) == bool(want.get("advisory")),
              f"{pack}: criterion {want['id']} is advisory exactly when the pack says so")
    ids = {e["id"] for e in evidence}
    check(all(item["id"] in ids for item in rep["evidence"]["items"]),
          f"{pack}: every evidence item is one of the pack's evidence.yaml ids")

cov, nor = reports["coventry"], reports["norfolk"]
norfolk_kinds = [k["id"] for k in yaml.safe_load((root / "rules/norfolk/pack.yaml").read_text())["document_kinds"]]
warned = [d for d in cov["diagnostics"] if d["code"] == "document.kind_unknown"]
record_kinds = [d["kind"] for d in yaml.safe_load(record.read_text())["documents"]]
check(len(warned) == sum(k in norfolk_kinds for k in record_kinds),
      "coventry: one warning per document of a kind only Norfolk's pack declares")
check(all(d["severity"] == "warning" for d in warned), "coventry: unknown document kinds are warnings, not errors")
check(not any(d["code"] == "document.kind_unknown" for d in nor["diagnostics"]), "norfolk: its own kinds raise nothing")
status = {p: {c["id"]: c["status"] for c in r["criteria"]} for p, r in reports.items()}
check(status["norfolk"]["attainment"] == "manual_review",
      "norfolk: attainment compared with peers has no number, so it is manual_review")
check(status["coventry"]["attainment"] in ("met", "not_met", "insufficient_evidence"),
      "coventry: attainment is measured against its 4-year threshold")
check(status["norfolk"]["apdr-cycles"] == "met", "norfolk: two reviewed cycles meet its 2-cycle criterion")
cov_b = [c for c in cov["criteria"] if c["id"] == "existing-support"][0]
check("3 needed" in json.dumps(cov_b) or "of 3" in json.dumps(cov_b), "coventry: its cycle check asks for 3")
check(nor["verdict"] == "ready" and cov["verdict"] == "not_ready",
      "the verdicts differ: ready against Norfolk's data, not ready against Coventry's")
check(any("norfolk.gov.uk" in (c.get("cite_address") or "") for c in nor["criteria"]),
      "norfolk: criteria carry their source's address")
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
