#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# check-xlsx.py MODEL ROSTER WORKBOOK: read a workbook of `rota export xlsx` back
# with openpyxl and check it against the model and roster, read here on their own.
# Prints one line per failed check and "ok N checks"; exits 1 on any failure.
import datetime
import json
import sys

import openpyxl

model = json.load(open(sys.argv[1], encoding="utf-8"))
roster = json.load(open(sys.argv[2], encoding="utf-8"))
wb = openpyxl.load_workbook(sys.argv[3])
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)


def minutes(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


start = datetime.date.fromisoformat(model["start"])
dates = [(start + datetime.timedelta(days=k)).isoformat() for k in range(model["days"])]
day_of = {d: k for k, d in enumerate(dates)}
shifts = {s["id"]: s for s in model["shifts"]}
for s in model["shifts"]:
    length = (minutes(s["end"]) - minutes(s["start"])) % 1440
    s["minutes"] = length if length else 1440
people = {p["id"]: p for p in model["people"]}
units = model["units"]
assignments = roster["assignments"]

# Sheet names: 总览, one per unit (plus 无单位人员 when someone has no unit), 路段;
# each within Excel's rules.
names = wb.sheetnames
unitless = any("unit" not in p for p in model["people"])
check(names[0] == "总览", f"first sheet {names[0]!r}, expected 总览")
check(names[-1] == "路段", f"last sheet {names[-1]!r}, expected 路段")
check(len(names) == len(units) + 2 + unitless, f"{len(names)} sheets")
check(len({n.casefold() for n in names}) == len(names), "sheet names not unique")
for n in names:
    check(0 < len(n) <= 31 and not any(c in n for c in "[]:*?/\\")
          and not n.startswith("'") and not n.endswith("'"), f"bad sheet name {n!r}")

# Print settings of every sheet: A4 landscape, one page wide, header rows
# repeated, panes frozen.
for ws in wb.worksheets:
    ps = ws.page_setup
    check(ps.orientation == "landscape", f"{ws.title}: orientation {ps.orientation}")
    check(str(ps.paperSize) == "9", f"{ws.title}: paper {ps.paperSize}")
    check(ws.sheet_properties.pageSetUpPr is not None
          and ws.sheet_properties.pageSetUpPr.fitToPage, f"{ws.title}: not fit to page")
    # An absent fitToWidth is 1, the default of ECMA-376 (libxlsxwriter omits it).
    check(str(ps.fitToWidth or 1) == "1" and str(ps.fitToHeight) == "0",
          f"{ws.title}: fit {ps.fitToWidth} x {ps.fitToHeight}")
    check(ws.print_title_rows == "$2:$3", f"{ws.title}: title rows {ws.print_title_rows}")
    check(ws.freeze_panes in ("C4", "D4"), f"{ws.title}: frozen at {ws.freeze_panes}")

# Unit sheets: every assignment of a member in its (person, day) cell, no
# cell without one, each person's totals equal to the roster's.
by_person_day = {}
for a in assignments:
    by_person_day.setdefault((a["person"], day_of[a["date"]]), []).append(a)
first_day_col = 4
sheets = [(u, wb.worksheets[1 + k]) for k, u in enumerate(units)]
if unitless:
    sheets.append((None, wb.worksheets[1 + len(units)]))
seen_people = set()
for unit, ws in sheets:
    if unit is not None:
        check(str(ws.cell(1, 1).value).startswith(unit["name"]),
              f"{ws.title}: title {ws.cell(1, 1).value!r}")
    members = {p for p, v in people.items() if v.get("unit") == (unit["id"] if unit else None)}
    rows = {}
    for r in range(4, ws.max_row + 1):
        pid = ws.cell(r, 1).value
        if pid in people:
            rows[pid] = r
    check(set(rows) == members, f"{ws.title}: members {sorted(set(rows) ^ members)[:5]}")
    for pid, r in rows.items():
        seen_people.add(pid)
        check(ws.cell(r, 2).value == people[pid]["name"], f"{ws.title}: name of {pid}")
        duties = mins = onsite = 0
        for d in range(len(dates)):
            cell = ws.cell(r, first_day_col + d).value or ""
            todo = by_person_day.get((pid, d), [])
            parts = [x for x in cell.split("/") if x]
            check(len(parts) == len(todo), f"{ws.title}: {pid} {dates[d]}: {cell!r} for {len(todo)}")
            for part, a in zip(parts, todo):
                s = shifts[a["shift"]]
                check(s["name"].startswith(part) or part == s["id"],
                      f"{ws.title}: {pid} {dates[d]}: {part!r} is not {s['name']}")
            for a in todo:
                if a["duty"] == "onsite":
                    onsite += 1
                else:
                    duties += 1
                    mins += shifts[a["shift"]]["minutes"]
        total = first_day_col + len(dates)
        check(ws.cell(r, total).value == duties, f"{ws.title}: {pid} duties {ws.cell(r, total).value} != {duties}")
        check(abs(ws.cell(r, total + 1).value - mins / 60) < 1e-9, f"{ws.title}: {pid} hours")
        check(ws.cell(r, total + 2).value == onsite, f"{ws.title}: {pid} on-site")
check(seen_people == set(people), "some people are on no unit sheet")

# 总览: the total row adds up to the roster.
ov = wb.worksheets[0]
total_row = max(r for r in range(1, ov.max_row + 1) if ov.cell(r, 2).value == "合计")
n_duties = sum(1 for a in assignments if a["duty"] != "onsite")
n_minutes = sum(shifts[a["shift"]]["minutes"] for a in assignments if a["duty"] != "onsite")
check(ov.cell(total_row, 3).value == len(people), "总览: people")
check(ov.cell(total_row, 4).value == n_duties, f"总览: duties {ov.cell(total_row, 4).value} != {n_duties}")
check(abs(ov.cell(total_row, 5).value - n_minutes / 60) < 1e-6, "总览: hours")
unit_rows = [r for r in range(4, total_row) if ov.cell(r, 1).value]
check([ov.cell(r, 1).value for r in unit_rows] == [u["id"] for u in units], "总览: units")
check(sum(ov.cell(r, 4).value for r in range(4, total_row)) == n_duties, "总览: unit duties")

# 路段: every assignment's person named in its segment's day cell.
seg = wb.worksheets[-1]
seg_rows = {seg.cell(r, 1).value: r for r in range(4, seg.max_row + 1)}
for a in assignments:
    r = seg_rows.get(a["segment"])
    text = seg.cell(r, first_day_col + day_of[a["date"]]).value if r else None
    check(text is not None and people[a["person"]]["name"] in text,
          f"路段: {a['segment']} {a['date']} lacks {a['person']}")
per_cell = {}
for a in assignments:
    key = (a["segment"], day_of[a["date"]])
    per_cell[key] = per_cell.get(key, 0) + 1
for sid, r in seg_rows.items():
    for d in range(len(dates)):
        text = seg.cell(r, first_day_col + d).value
        n = per_cell.get((sid, d), 0)
        count = 0 if not text else sum(len(line.split(" ", 1)[1].split("、"))
                                       for line in text.split("\n"))
        check(count == n, f"路段: {seg.cell(r, 1).value} {dates[d]}: {count} names, {n} assignments")

for f in failures[:20]:
    print("FAIL", f)
print(f"ok {checks - len(failures)} checks, {len(failures)} failed")
sys.exit(1 if failures else 0)
