#!/usr/bin/env python3
"""`ehcp screen --format xlsx` read back: unzips the workbook with zipfile and reads the
sheet XML, proving the cells hold the right values with the right types (numbers,
dates as date serials with a date format, money with a money format, booleans), the
header row is frozen, the filter covers the rows, and the summary is on a second sheet.
usage: xlsx_test.py EHCP REPO"""
import os, re, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET
from datetime import date

ehcp, repo = sys.argv[1], sys.argv[2]
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
failures = []

def check(cond, what):
    if not cond:
        failures.append(what)

def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_sheet(z, name, shared):
    root = ET.fromstring(z.read(name))
    rows = []
    for row in root.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t", "n")
            if t == "inlineStr":
                value = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif t == "s":
                value = shared[int(c.find("m:v", NS).text)]
            else:
                value = c.find("m:v", NS).text
            cells[col_index(c.get("r"))] = (t, value, c.get("s"))
        rows.append(cells)
    return root, rows

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "screen.xlsx")
    p = subprocess.run([ehcp, "screen", "--as-of", "2026-11-22", "--format", "xlsx", "-o", out, "tests/screen/mixed"],
                       cwd=repo, capture_output=True, text=True)
    check(p.returncode == 2, f"exit status {p.returncode}, expected 2 (the batch has an invalid record)")
    check(p.stdout == "", "xlsx to a file prints nothing on standard output")
    check(os.listdir(tmp) == ["screen.xlsx"], f"only the workbook is left: {os.listdir(tmp)}")
    with zipfile.ZipFile(out) as z:
        check(z.testzip() is None, "the zip is sound")
        names = z.namelist()
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        sheets = [s.get("name") for s in wb.find("m:sheets", NS)]
        check(sheets == ["Records", "Gaps", "Summary"], f"sheets {sheets}")
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(x.text or "" for x in si.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        numfmts = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter("{%s}numFmt" % NS["m"])}
        xfs = [x.get("numFmtId") for x in styles.find("m:cellXfs", NS).findall("m:xf", NS)]
        def fmt_of(style):
            fid = xfs[int(style or 0)]
            return numfmts.get(fid, fid)

        root, rows = read_sheet(z, "xl/worksheets/sheet1.xml", shared)
        header = [rows[0][i][1] for i in sorted(rows[0])]
        check(header[:13] == ["file", "document", "id", "name", "date_of_birth", "age", "setting", "year_group", "key_stage",
                              "primary_need", "verdict", "made_by", "request_date"], f"header {header[:13]}")
        check("warnings" in header and "first_gaps" not in header, f"warnings counted; gaps on their own sheet: {header}")
        col = {h: i for i, h in enumerate(header)}
        check(len(rows) == 1 + 7, f"{len(rows) - 1} record rows, expected 7")
        pane = root.find(".//m:pane", NS)
        check(pane is not None and pane.get("ySplit") == "1" and pane.get("state") == "frozen", "header row frozen")
        af = root.find("m:autoFilter", NS)
        check(af is not None and af.get("ref", "").startswith("A1:") and af.get("ref").endswith("8"), f"filter {af is not None and af.get('ref')}")
        widths = root.find("m:cols", NS)
        check(widths is not None and len(widths) >= 5, "column widths set")

        def cell(r, name):
            return rows[r].get(col[name])

        # Row 1: a ready record.
        check(cell(1, "name")[1] == "Sam Example", f"name {cell(1, 'name')}")
        check(cell(1, "document")[0] == "n" and cell(1, "document")[1] == "0", f"document is a number: {cell(1, 'document')}")
        check(cell(1, "year_group")[:2] == ("n", "6"), f"year_group {cell(1, 'year_group')}")
        check(cell(1, "verdict")[1] == "Ready", "verdict in words: Ready")
        check(cell(1, "made_by")[1] == "School", f"made_by in words: {cell(1, 'made_by')}")
        check(cell(1, "attainment")[1] == "Met", f"criterion in words: {cell(1, 'attainment')}")
        t, v, s = cell(1, "date_of_birth")
        check(t == "n" and float(v) == (date(2016, 5, 14) - date(1899, 12, 30)).days and fmt_of(s) == "yyyy-mm-dd",
              f"date of birth is a date: {t} {v} {fmt_of(s)}")
        check(cell(1, "age")[:2] == ("n", "10"), f"age {cell(1, 'age')}")
        check(cell(1, "primary_need")[1] == "Cognition and learning", f"primary need {cell(1, 'primary_need')}")
        t, v, s = cell(1, "request_date")
        check(t == "n" and float(v) == (date(2026, 11, 20) - date(1899, 12, 30)).days, f"request date {t} {v}")
        check(cell(1, "warnings")[:2] == ("n", "0"), f"warnings {cell(1, 'warnings')}")
        t, v, s = cell(1, "provision_total")
        check(t == "n" and float(v) == 2610.0 and "£" in fmt_of(s), f"money: {t} {v} {fmt_of(s)}")
        t, v, s = cell(1, "decide_to_assess_by")
        serial = (date(2027, 1, 1) - date(1899, 12, 30)).days
        check(t == "n" and float(v) == serial and fmt_of(s) == "yyyy-mm-dd", f"date: {t} {v} {fmt_of(s)}")
        t, v, s = cell(1, "looked_after")
        check(t == "b" and v == "0", f"looked_after boolean false: {t} {v}")
        # Row 2: the name with a comma and quotes, whole.
        check(cell(2, "name")[1] == 'Example, Sam "Junior"', f"comma and quotes: {cell(2, 'name')}")
        # Row 3: not ready, with gaps.
        check(cell(3, "verdict")[1] == "Not ready" and cell(3, "gaps")[:2] == ("n", "3"), "not ready with 3 gaps")
        check(cell(3, "existing-support")[1] == "Not met", "criterion status in words")
        statuses = {rows[r].get(col[c], (None, None))[1] for r in range(1, len(rows))
                    for c in ("attainment", "sen", "existing-support", "health-wellbeing", "over-18")}
        check(statuses <= {None, "Met", "Not met", "Insufficient evidence", "Not applicable", "Manual review"},
              f"every status in words: {statuses}")
        # Row 4: invalid, with its first error, the pupil id it could still read, and no other pupil cells.
        check(cell(4, "verdict")[1] == "Invalid", "invalid verdict")
        check("14/05/2016" in cell(4, "error")[1], f"first error: {cell(4, 'error')}")
        check(cell(4, "id") is not None and cell(4, "id")[1] == "R801200404004", f"invalid row's id: {cell(4, 'id')}")
        check(cell(4, "name") is None and cell(4, "provision_total") is None, "an invalid record has no other pupil cells")
        # Row 5: a name starting with `=` is text, never a formula.
        check(cell(5, "name")[0] in ("inlineStr", "s", "str") and cell(5, "name")[1].startswith("=HYPERLINK"), f"= name is text {cell(5, 'name')}")
        check(all(c.find("m:f", NS) is None for c in root.iter("{%s}c" % NS["m"])), "no formulas anywhere")
        # Non-ASCII names survive.
        names_col = [rows[r].get(col["name"], (None, None))[1] for r in range(1, len(rows))]
        check("Siân Ŵyn" in names_col and "Zoë Ørsted-Núñez" in names_col, f"non-ASCII names {names_col}")

        # The Gaps sheet: one row per gap, filterable by criterion and check.
        groot, grows = read_sheet(z, "xl/worksheets/sheet2.xml", shared)
        gheader = [grows[0][i][1] for i in sorted(grows[0])]
        check(gheader == ["file", "document", "id", "name", "verdict", "made_by", "order", "criterion", "check", "gap"],
              f"gaps header {gheader}")
        gcol = {h: i for i, h in enumerate(gheader)}
        total_gaps = sum(int(rows[r][col["gaps"]][1]) for r in range(1, len(rows)) if col["gaps"] in rows[r])
        check(len(grows) - 1 == total_gaps, f"{len(grows) - 1} gap rows for {total_gaps} gaps")
        row3 = [g for g in grows[1:] if g[gcol["file"]][1] == cell(3, "file")[1] and g[gcol["document"]][1] == "2"]
        check(len(row3) == 3 and [g[gcol["order"]][1] for g in row3] == ["1", "2", "3"], f"record 3's gaps in order: {row3}")
        check(all(gcol["criterion"] in g and gcol["gap"] in g for g in grows[1:]), "every gap names its criterion")
        check(any(g.get(gcol["check"], (0, ""))[1] for g in grows[1:]), "gaps name their check")
        check(groot.find("m:autoFilter", NS) is not None, "the gaps sheet has filters")

        _, srows = read_sheet(z, "xl/worksheets/sheet3.xml", shared)
        text = [[c[1] for _, c in sorted(r.items())] for r in srows]
        flat = {r[0]: r[1:] for r in text if r}
        check(flat.get("Ready") == ["3"] and flat.get("Not ready") == ["3"] and flat.get("Invalid") == ["1"], f"summary verdicts {flat}")
        check(flat.get("not a .yaml or .yml file") == ["1"], f"summary counts the ignored file: {flat}")
        check(flat.get("all records") == ["7"], "summary total")
        check(any(k.startswith("Most common gaps") for k in flat), "summary has the most common gaps")
        check(any(k.startswith("Setting") for k in flat), "summary has settings")

    # Redacted: no name column at all.
    out2 = os.path.join(tmp, "redacted.xlsx")
    subprocess.run([ehcp, "screen", "--as-of", "2026-11-22", "--redact", "--format", "xlsx", "-o", out2, "tests/screen/mixed"], cwd=repo, capture_output=True)
    with zipfile.ZipFile(out2) as z:
        data = z.read("xl/worksheets/sheet1.xml").decode()
        check("Sam Example" not in data and ">name<" not in data, "redacted workbook has no names")
        check(">date_of_birth<" not in data and ">age<" in data, "redacted: no date of birth, the age kept")
        check("mixed/batch.yaml" not in data and ">file 1<" in data, "redacted: files by position, not by name")
        gaps = z.read("xl/worksheets/sheet2.xml").decode()
        check("Sam Example" not in gaps and ">name<" not in gaps and "batch.yaml" not in gaps, "redacted gaps sheet")

    # Records of two authorities (request.authority): a `pack` column, and a per-authority block.
    out3 = os.path.join(tmp, "authorities.xlsx")
    subprocess.run([ehcp, "screen", "--as-of", "2026-11-22", "--format", "xlsx", "-o", out3, "examples/ready-ks2.yaml",
                    "examples/norfolk-ready-ks2.yaml"], cwd=repo, capture_output=True)
    with zipfile.ZipFile(out3) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            sroot = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in sroot.findall("m:si", NS)]
        _, rows = read_sheet(z, "xl/worksheets/sheet1.xml", shared)
        header = {v[1]: k for k, v in rows[0].items()}
        check("pack" in header, f"a pack column: {sorted(header)}")
        if "pack" in header:
            packs = [rows[r].get(header["pack"], (None, None))[1] for r in range(1, len(rows))]
            check(packs == ["coventry", "norfolk"], f"pack per row {packs}")
        _, srows = read_sheet(z, "xl/worksheets/sheet3.xml", shared)  # Records, Gaps, Summary
        flat = {r[0]: r[1:] for r in ([c[1] for _, c in sorted(x.items())] for x in srows) if r}
        check(any(k.startswith("Authority") for k in flat), "summary has a block by authority")
        check(flat.get("norfolk") == ["1", "1", "0"], f"norfolk: 1 record, 1 ready: {flat.get('norfolk')}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("xlsx read back: all checks passed")
