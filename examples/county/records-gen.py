#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# records-gen.py: a deterministic month of made-up records (records.json) for the county example.
#
# Usage: records-gen.py county.json roster.json > records.json
#
# Seeded (random.Random(1)) and driven by the files only, so the output is
# the same on every run; tests/cli/test-county-records.sh regenerates it and
# fails if the committed examples/county/records.json differs.  What it
# makes: an entry for nearly every assignment of the roster (most done, some
# late, absent, excused or substituted by a unit colleague or a deputy, a
# few left unrecorded, a few heads missing their hour), some unscheduled
# weekend work, and about 300 findings on segments, most closed in time.
import json
import random
import sys
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))  # Asia/Shanghai has had no DST since 1991
CATEGORIES = [("道路", 72, ["路面坑洼", "人行道板破损", "道路积水"]),
              ("建筑", 168, ["违章搭建", "外墙广告破损", "占用消防通道"]),
              ("车辆", 24, ["机动车乱停放", "非机动车乱停放", "僵尸车"]),
              ("绿植", 72, ["绿化带缺株", "树木倒伏", "绿地踩踏"]),
              ("环卫", 24, ["路边垃圾未清运", "垃圾桶满溢", "占道堆物", "店外经营"]),
              ("市政", 72, ["井盖松动", "护栏损坏", "消防栓漏水"]),
              ("亮灯", 48, ["路灯不亮", "景观灯损坏"]),
              ("水系", 72, ["河道漂浮物", "排水口异味"])]
CATEGORY_WEIGHTS = [12, 4, 16, 8, 30, 14, 9, 7]
SOURCES = ["inspection", "hotline", "photo", "other"]
SOURCE_WEIGHTS = [55, 25, 15, 5]


def stamp(t):
    return t.astimezone(TZ).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def line(record):
    text = json.dumps(record, ensure_ascii=False)
    return "{ " + text[1:-1] + " }"


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    roster = json.load(open(sys.argv[2], encoding="utf-8"))
    rng = random.Random(1)
    people = {p["id"]: p for p in model["people"]}
    units = {u["id"]: u for u in model["units"]}
    owner = {s: u["id"] for u in model["units"] for s in u.get("segments", [])}
    members = {}
    for p in model["people"]:
        if p.get("unit"):
            members.setdefault(p["unit"], []).append(p["id"])
    inspectors = [p["id"] for p in model["people"] if "inspector" in p.get("tags", [])]
    shift_minutes = {}
    for s in model["shifts"]:
        a = int(s["start"][:2]) * 60 + int(s["start"][3:])
        b = int(s["end"][:2]) * 60 + int(s["end"][3:])
        shift_minutes[s["id"]] = (b - a) % 1440 or 1440
    busy = set()
    for a in roster["assignments"]:
        busy.add((a["date"], a["person"]))

    attendance = []
    slots = set()
    for a in roster["assignments"]:
        entry = {"date": a["date"], "shift": a["shift"], "segment": a["segment"],
                 "person": a["person"]}
        r = rng.random()
        unit = units[owner[a["segment"]]] if a["segment"] in owner else None
        if a["duty"] == "onsite":
            deputies = [d for d in (unit.get("deputies", []) if unit else [])
                        if d != a["person"]]
            if r < 0.02:
                continue  # the head missed the hour: no entry
            if r < 0.04 and deputies:
                entry["status"] = "substituted"
                entry["substitute"] = deputies[0]
            elif r < 0.08:
                entry["status"] = "late"
            else:
                entry["status"] = "done"
        else:
            if r < 0.01:
                continue  # not recorded
            if r < 0.05:
                entry["status"] = "late"
                entry["minutes"] = shift_minutes[a["shift"]] - rng.choice([10, 15, 20, 30])
            elif r < 0.09:
                entry["status"] = "absent"
            elif r < 0.12:
                entry["status"] = "excused"
            elif r < 0.15:
                mates = [m for m in members.get(people[a["person"]].get("unit"), [])
                         if m != a["person"]]
                entry["status"] = "substituted"
                entry["substitute"] = rng.choice(mates)
            else:
                entry["status"] = "done"
        entry["by"] = rng.choice(inspectors)
        attendance.append(entry)
        slots.add((a["date"], a["shift"], a["segment"], a["person"]))

    # Unscheduled weekend cleaning by volunteers of the owning unit.
    weekends = sorted({a["date"] for a in roster["assignments"] if a["shift"] == "clean"})
    segments = sorted(owner)
    extra = 0
    while extra < 40:
        date = rng.choice(weekends)
        segment = rng.choice(segments)
        person = rng.choice(members[owner[segment]])
        key = (date, "clean", segment, person)
        if (date, person) in busy or key in slots:
            continue
        busy.add((date, person))
        slots.add(key)
        attendance.append({"date": date, "shift": "clean", "segment": segment,
                           "person": person, "status": "done",
                           "minutes": rng.choice([60, 90, 120, 180]),
                           "note": "自发参加周末保洁", "unscheduled": True})
        extra += 1

    findings = []
    start = datetime.fromisoformat(model["start"] + "T00:00:00+08:00")
    chiefs = {s["id"]: s.get("chief") for s in model["segments"]}
    all_segments = [s["id"] for s in model["segments"]]
    for i in range(300):
        segment = rng.choice(all_segments)
        c = rng.choices(range(len(CATEGORIES)), CATEGORY_WEIGHTS)[0]
        name, hours, texts = CATEGORIES[c]
        found = start + timedelta(days=rng.randrange(model["days"]),
                                  minutes=rng.randrange(7 * 60, 19 * 60))
        deadline = found + timedelta(hours=hours)
        f = {"id": "F%04d" % (i + 1), "segment": segment, "found": stamp(found),
             "category": name, "source": rng.choices(SOURCES, SOURCE_WEIGHTS)[0],
             "text": rng.choice(texts), "deadline": stamp(deadline)}
        r = rng.random()
        if r < 0.84:
            closed = found + timedelta(minutes=rng.randrange(30, hours * 60))
        elif r < 0.93:
            closed = deadline + timedelta(minutes=rng.randrange(30, 72 * 60))
        else:
            closed = None
        if closed is not None:
            f["closed"] = stamp(closed)
            if chiefs.get(segment):
                f["closed_by"] = chiefs[segment]
        findings.append(f)

    out = ['{\n  "format": "rota-records", "version": 1, "model": '
           + json.dumps(model["name"], ensure_ascii=False) + ',\n  "attendance": [\n    ']
    out.append(",\n    ".join(line(e) for e in attendance))
    out.append('\n  ],\n  "findings": [\n    ')
    out.append(",\n    ".join(line(f) for f in findings))
    out.append("\n  ]\n}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
