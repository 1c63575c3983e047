#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# bulletin-check.py: recompute a month's bulletin from model, roster and records
# (DESIGN.md §11, the default rubric) independently of rota, and compare it with
# rota's rota-bulletin JSON.  Usage: bulletin-check.py MODEL ROSTER RECORDS FROM TO BULLETIN
import json
import sys
from datetime import date, datetime, timedelta, timezone

model, roster, records = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:4])
first, last = date.fromisoformat(sys.argv[4]), date.fromisoformat(sys.argv[5])
got = json.load(open(sys.argv[6], encoding="utf-8"))
TZ = timezone(timedelta(hours=8))
end = datetime(last.year, last.month, last.day, tzinfo=TZ) + timedelta(days=1)

people = {p["id"]: p for p in model["people"]}
owner = {s: u["id"] for u in model["units"] for s in u.get("segments", [])}
minutes = {}
for s in model["shifts"]:
    a = int(s["start"][:2]) * 60 + int(s["start"][3:])
    b = int(s["end"][:2]) * 60 + int(s["end"][3:])
    minutes[s["id"]] = (b - a) % 1440 or 1440
start = date.fromisoformat(model["start"])
days = [start + timedelta(days=i) for i in range(model["days"])]
assert model["rules"]["onsite"]["days"] == "all"
onsite_shift = model["rules"]["onsite"]["shift"]


def in_period(d):
    return first <= date.fromisoformat(d) <= last


unit = {u["id"]: dict(required=0, head=0, deputy=0, missed=0, assigned=0, done=0, late=0,
                      absent=0, excused=0, substituted=0, unrecorded=0, minutes=0,
                      found=0, closed_in_time=0, closed_late=0, open_overdue=0, open=0)
        for u in model["units"]}
entries = {(e["date"], e["shift"], e["segment"], e["person"]): e for e in records["attendance"]}
kept = {}
for e in records["attendance"]:
    if not in_period(e["date"]) or e["shift"] != onsite_shift:
        continue
    who = e.get("substitute") if e["status"] == "substituted" else (
        e["person"] if e["status"] in ("done", "late") else None)
    u = owner.get(e["segment"])
    if who is None or u is None:
        continue
    ud = next(x for x in model["units"] if x["id"] == u)
    k = kept.setdefault((u, e["date"]), set())
    if who == ud.get("head"):
        k.add("head")
    elif who in ud.get("deputies", []):
        k.add("deputy")
for ud in model["units"]:
    if not ud.get("segments"):
        continue
    for d in days:
        if first <= d <= last:
            k = kept.get((ud["id"], d.isoformat()), set())
            c = unit[ud["id"]]
            c["required"] += 1
            c["head" if "head" in k else "deputy" if "deputy" in k else "missed"] += 1
for a in roster["assignments"]:
    u = people[a["person"]].get("unit")
    if a["duty"] == "onsite" or u is None or not in_period(a["date"]):
        continue
    unit[u]["assigned"] += 1
    e = entries.get((a["date"], a["shift"], a["segment"], a["person"]))
    unit[u][e["status"] if e else "unrecorded"] += 1
hours, total = {}, {}
for e in records["attendance"]:
    if date.fromisoformat(e["date"]) > last:
        continue
    credited = e["substitute"] if e["status"] == "substituted" else e["person"]
    m = e.get("minutes", minutes[e["shift"]] if e["status"] in ("done", "late", "substituted") else 0)
    total[credited] = total.get(credited, 0) + m
    total.setdefault(e["person"], 0)
    if not in_period(e["date"]):
        continue
    hours[credited] = hours.get(credited, 0) + m
    hours.setdefault(e["person"], 0)
    u = people[credited].get("unit")
    if u:
        unit[u]["minutes"] += m
for f in records["findings"]:
    found = datetime.fromisoformat(f["found"])
    u = owner.get(f["segment"])
    if u is None or not first <= found.astimezone(TZ).date() <= last:
        continue
    c = unit[u]
    c["found"] += 1
    deadline = datetime.fromisoformat(f["deadline"])
    closed = datetime.fromisoformat(f["closed"]) if "closed" in f else None
    if closed is not None and closed < end:
        c["closed_in_time" if closed <= deadline else "closed_late"] += 1
    elif deadline <= end:
        c["open_overdue"] += 1
    else:
        c["open"] += 1

# The default rubric, in hundredths: base 100, 2 per missed day (cap 40),
# 1 per absence and 0.5 per late (cap 30), 2 per overdue and 1 per late
# closing (cap 30); red the top 10 ranks, black the 10 lowest scores.
score = {u: 10000 - min(4000, c["missed"] * 200) - min(3000, c["absent"] * 100 + c["late"] * 50)
         - min(3000, c["open_overdue"] * 200 + c["closed_late"] * 100) for u, c in unit.items()}
order = sorted(unit, key=lambda u: (-score[u], u))
rank = {}
for i, u in enumerate(order):
    rank[u] = rank[order[i - 1]] if i and score[u] == score[order[i - 1]] else i + 1
red = [u for u in order if rank[u] <= 10]
black = [u for u in reversed(order) if u not in red and sum(score[v] < score[u] for v in unit) < 10]

problems = []
want_units = [u for u in order]
if [x["unit"] for x in got["units"]] != want_units:
    problems.append("unit order differs")
for x in got["units"]:
    c = unit[x["unit"]]
    want = dict(rank=rank[x["unit"]], score=score[x["unit"]] / 100,
                onsite=dict(required=c["required"], head=c["head"], deputy=c["deputy"], missed=c["missed"]),
                attendance={k: c[k] for k in ("assigned", "done", "late", "absent", "excused", "substituted", "unrecorded")},
                hours=round(c["minutes"] / 60 + 1e-9, 2),
                findings={k: c[k] for k in ("found", "closed_in_time", "closed_late", "open_overdue", "open")})
    have = {k: x[k] for k in want}
    if have != want:
        problems.append("%s: rota %s, recomputed %s" % (x["unit"], have, want))
if got["red"] != red or got["black"] != black:
    problems.append("lists: rota %s %s, recomputed %s %s" % (got["red"], got["black"], red, black))
want_people = sorted(hours)
if [p["person"] for p in got["people"]] != want_people:
    problems.append("people differ")
for p in got["people"]:
    if p["hours"] != round(hours[p["person"]] / 60 + 1e-9, 2) or \
       p["hours_total"] != round(total[p["person"]] / 60 + 1e-9, 2):
        problems.append("person %s: %s" % (p["person"], p))
for line in problems[:10]:
    print(line)
print("units %d, people %d, red %s, black %s" % (len(got["units"]), len(got["people"]), red, black))
sys.exit(1 if problems else 0)
