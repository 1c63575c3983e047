#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# trim-county.py: the county model cut down to its first N units (for tests
# that need a model of a few hundred people).  Usage: trim-county.py IN N OUT
import json
import sys

src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(src, encoding="utf-8") as f:
    m = json.load(f)
units = m["units"][:n]
unit_ids = {u["id"] for u in units}
segments = {s for u in units for s in u.get("segments", [])}
people = [p for p in m["people"]
          if p.get("unit") in unit_ids or ("unit" not in p and p.get("community") in segments)]
person_ids = {p["id"] for p in people}
for p in people:
    if p.get("community") not in segments:
        p.pop("community", None)
m["units"] = units
m["people"] = people
m["segments"] = [s for s in m["segments"] if s["id"] in segments]
for s in m["segments"]:
    if s.get("chief") not in person_ids:
        s.pop("chief", None)
for d in m["duties"]:
    if isinstance(d.get("segments"), list):
        d["segments"] = [s for s in d["segments"] if s in segments] or "*"
m["name"] += " (trimmed)"
with open(out, "w", encoding="utf-8") as f:
    json.dump(m, f, ensure_ascii=False, indent=1)
