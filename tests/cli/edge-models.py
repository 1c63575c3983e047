#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# edge-models.py: write valid but odd rota models (one file per case) into DIR.
#
# Usage: edge-models.py DIR.  Each model is one that `rota check` accepts
# and that must solve, score and export without a crash: empty lists, a
# single day or person, duties nobody can take, everyone off, shifts across
# midnight under rest limits, a head who is everyone's deputy, ...  The
# names of the written files go to stdout, one a line.
import copy
import json
import os
import sys


def base():
    """The small model the cases start from."""
    return {
        "format": "rota-model", "version": 1, "name": "edge",
        "start": "2026-12-01", "days": 7,
        "shifts": [
            {"id": "am", "start": "07:00", "end": "09:00"},
            {"id": "onsite", "start": "09:00", "end": "10:00"},
            {"id": "night", "start": "22:00", "end": "02:00"},
        ],
        "segments": [{"id": "S1", "chief": "P1"}, {"id": "S2"}],
        "units": [{"id": "U1", "head": "P1", "deputies": ["P2"],
                   "segments": ["S1", "S2"]}],
        "people": [{"id": "P%d" % i, "unit": "U1",
                    "tags": ["party"] if i % 2 else []} for i in range(1, 6)],
        "duties": [{"id": "d", "shift": "am", "segments": "*", "min": 1,
                    "quota": {"party": 1}}],
        "rules": {"onsite": {"shift": "onsite", "days": "workdays"}},
    }


def no_people(m):
    m["people"] = []
    for u in m["units"]:
        u.pop("head", None)
        u.pop("deputies", None)
    for s in m["segments"]:
        s.pop("chief", None)


def minimal_no_people(m):
    # tests/data/valid/minimal.json with "people": [] (issue 25)
    m.clear()
    m.update({"format": "rota-model", "version": 1, "name": "minimal",
              "start": "2026-12-01", "days": 7,
              "shifts": [{"id": "am", "start": "07:00", "end": "09:00"}],
              "segments": [{"id": "S1"}],
              "units": [{"id": "U1", "segments": ["S1"]}],
              "people": [],
              "duties": [{"id": "d", "shift": "am", "segments": "*", "min": 1}]})


def no_duties(m):
    m["duties"] = []


def no_units(m):
    m["units"] = []
    del m["rules"]
    for p in m["people"]:
        p.pop("unit")
    m["duties"][0]["who"] = {"tags": ["party"]}


def nothing(m):
    no_people(m)
    m["units"] = []
    m["duties"] = []
    del m["rules"]


def one_day(m):
    m["days"] = 1


def one_person(m):
    m["people"] = m["people"][:1]
    m["units"][0]["deputies"] = []


def nobody_eligible(m):
    m["duties"].append({"id": "ghost", "shift": "am", "segments": "*", "min": 2,
                        "who": {"tags": ["nobody-has-this"]}})


def everyone_off(m):
    for p in m["people"]:
        p["off"] = [{"from": "2026-11-01", "to": "2027-01-31"}]


def night_rest(m):
    m["duties"] = [
        {"id": "n", "shift": "night", "segments": "*", "min": 2},
        {"id": "a", "shift": "am", "segments": "*", "min": 2},
    ]
    m["forbid"] = [{"after": "night", "next_day": "am"}]
    m["rules"]["limits"] = {"min_rest_minutes": 720, "max_consecutive": 2,
                            "min_consecutive": 2, "min_days_off": 2}


def head_is_deputy(m):
    # U2's head is the only deputy of every other unit
    m["segments"] += [{"id": "S3"}, {"id": "S4"}]
    m["units"] += [{"id": "U2", "head": "P5", "segments": ["S3"]},
                   {"id": "U3", "segments": ["S4"]}]
    m["people"][4]["unit"] = "U2"
    for u in m["units"]:
        if u["id"] != "U2":
            u["deputies"] = ["P5"]


def week_duty_short(m):
    m["start"] = "2026-12-06"
    m["days"] = 2
    m["duties"].append({"id": "w", "shift": "am", "segments": "*", "min": 3,
                        "per": "week", "who": {"tags": ["party"]},
                        "not_owner": True})


def zero_limits(m):
    m["rules"]["limits"] = {"max_shifts_week": 0, "max_minutes": 0,
                            "max_weekends": 0, "max_consecutive": 0}


def long_horizon(m):
    m["days"] = 400
    m["calendar"] = {"holidays": ["2027-01-01"], "workdays": ["2026-12-27"]}


def all_holidays(m):
    m["calendar"] = {"holidays": ["2026-12-%02d" % d for d in range(1, 8)]}
    m["duties"][0]["days"] = "workdays"


def empty_cells(m):
    # a duty over no day (a date list) with a cap and nothing wanted
    m["duties"].append({"id": "cap", "shift": "am", "segments": ["S2"],
                        "days": ["2026-12-03"], "max": 0})


def unitless_segment(m):
    m["segments"].append({"id": "S9"})
    m["duties"][0]["segments"] = ["S9"]


CASES = [minimal_no_people, no_people, no_duties, no_units, nothing, one_day, one_person,
         nobody_eligible, everyone_off, night_rest, head_is_deputy,
         week_duty_short, zero_limits, long_horizon, all_holidays,
         empty_cells, unitless_segment]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for case in CASES:
        m = copy.deepcopy(base())
        case(m)
        m["name"] = "edge: " + case.__name__
        path = os.path.join(out, case.__name__.replace("_", "-") + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(m, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(path)


main()
