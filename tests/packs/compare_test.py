#!/usr/bin/env python3
"""One record checked against coventry, norfolk, surrey and legal-test: the four reports
differ, and every difference traces to the packs' data.

For each pack, the JSON report's criteria are exactly the pack's criteria.yaml (ids, in
order, titles), its evidence items are the pack's evidence.yaml items that apply, its
statement, legal test and readiness rule are pack.yaml's, and the costed provision is
compared with the pack's notional budget. Then the verdicts: Coventry's three reviewed
cycles (criteria.yaml, existing-support.b, min_cycles: 3) make the record not ready there,
while Surrey's and the legal test's packs, which name no count, find it ready; and
`ehcp rules diff coventry surrey` shows the existing-support row, min_cycles 3 against no count, that the
difference comes from.
usage: compare_test.py EHCP REPO_ROOT
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ehcp, root = sys.argv[1], Path(sys.argv[2])
record = "examples/surrey-two-cycles.yaml"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def report(pack):
    out = subprocess.run([ehcp, "--rules", pack, "check", "--format", "json", "--as-of", "2026-11-22", record],
                         cwd=root, capture_output=True, text=True)
    return json.loads(out.stdout)["records"][0], json.loads(out.stdout)


def load(pack, part):
    return yaml.safe_load((root / "rules" / pack / part).read_text())


def leaves(node):
    if "check" in node and isinstance(node["check"], str):
        return [node]
    found = []
    for key in ("all_of", "any_of"):
        for child in node.get(key, []):
            found += leaves(child)
    if "by_phase" in node:
        for child in node["by_phase"].values():
            found += leaves(child)
    if "check" in node and isinstance(node["check"], dict):
        found += leaves(node["check"])
    return found


verdicts = {}
for pack in ("coventry", "norfolk", "surrey", "legal-test"):
    rec, whole = report(pack)
    pack_yaml = load(pack, "pack.yaml")
    criteria = load(pack, "criteria.yaml")["criteria"]
    evidence = load(pack, "evidence.yaml")["evidence"]
    verdicts[pack] = rec["verdict"]
    check(whole["pack"]["id"] == pack, f"{pack}: the report names pack {whole['pack']['id']}")
    check([c["id"] for c in rec["criteria"]] == [c["id"] for c in criteria],
          f"{pack}: the report's criteria are not the pack's criteria.yaml, in order")
    check([c["title"] for c in rec["criteria"]] == [c["title"] for c in criteria],
          f"{pack}: the report's criterion titles are not the pack's")
    pack_evidence = [e["id"] for e in evidence]
    shown = [i["id"] for i in rec["evidence"]["items"]]
    check(all(i in pack_evidence for i in shown), f"{pack}: evidence items {shown} not all in the pack's evidence.yaml")
    check(shown == [i for i in pack_evidence if i in shown], f"{pack}: evidence items not in the pack's order")
    for key in ("statement", "legal_test"):
        check(" ".join(whole[key].split()) == " ".join(pack_yaml[key].split()), f"{pack}: {key} is not the pack's")
    check(" ".join(whole["readiness_rule"].split()) == " ".join(pack_yaml["readiness"]["text"].split()),
          f"{pack}: the readiness rule is not the pack's")
    check(rec["cost"]["notional_budget"] == pack_yaml["parameters"]["notional_budget"],
          f"{pack}: the notional budget is not the pack's parameter")
    check(whole["pack"]["request_always_possible"] == bool(pack_yaml.get("request_always_possible", False)),
          f"{pack}: request_always_possible is not the pack's")
    # Every gap comes from a check or an evidence item of this pack.
    check_ids = {l["id"] for c in criteria for l in leaves(c)} | {c["id"] for c in criteria}
    for gap in rec["gaps"]:
        source = gap["source"]
        check(source == "evidence" or source in check_ids or source.split(".")[0] in check_ids,
              f"{pack}: gap from `{source}` is not a check of the pack")

# Norfolk asks for its own documents (INDES, a Family Conversation Form, SEND DP1) that this
# Surrey record does not have: not ready there, from Norfolk's evidence list.
check(verdicts == {"coventry": "not_ready", "norfolk": "not_ready", "surrey": "ready", "legal-test": "ready"},
      f"verdicts {verdicts}: expected coventry and norfolk not_ready, surrey and legal-test ready")
norfolk, _ = report("norfolk")
check(not norfolk["evidence"]["complete"], "norfolk: the evidence checklist should be incomplete without Norfolk's documents")

# The difference in verdict traces to Coventry's min_cycles 3 (and attainment's 4 years).
coventry, _ = report("coventry")
es = next(c for c in coventry["criteria"] if c["id"] == "existing-support")
check(es["status"] != "met", "coventry: existing-support should not be met with two reviewed cycles")
b_leaf = next(l for l in leaves(next(c for c in load("coventry", "criteria.yaml")["criteria"] if c["id"] == "existing-support"))
              if l["id"] == "existing-support.b")
check(b_leaf["params"]["min_cycles"] == 3, "coventry: existing-support.b's min_cycles is not 3 in the pack")
surrey, _ = report("surrey")
cs = next(c for c in surrey["criteria"] if c["id"] == "costed-provision")
check(cs["status"] == "not_met" and surrey["verdict"] == "ready",
      "surrey: provision under £6,000 is shown (not_met) and does not stop the request being ready")

diff = json.loads(subprocess.run([ehcp, "rules", "diff", "--format", "json", "coventry", "surrey"], cwd=root,
                                 capture_output=True, text=True).stdout)
row = next((r for r in diff["rows"] if r["section"] == "Criteria" and r["key"] == "existing-support"), None)
check(row is not None and any("min_cycles 3" in line for line in row["a"])
      and row["b"] is not None and not any("min_cycles" in line for line in row["b"]),
      "rules diff: the existing-support row should show min_cycles 3 for coventry and no count of cycles for surrey")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("ok: coventry and norfolk not_ready, surrey and legal-test ready; every criterion, evidence item, text and gap "
      "traces to its pack")
